"""Every export escaped for its format, end to end through ``claimcheck batch``.

A corpus whose manifest URLs and statement text try to break out of their place: a
URL that closes a Markdown autolink or an HTML attribute and opens a remote image, a
``javascript:`` URL, raw HTML, a Markdown link, a spreadsheet formula and terminal
escape sequences. Each format must carry the text as text and make links only of
http(s) addresses that cannot end early.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.render.common import safe_url
from conftest import HARROW_REPORT

BREAKOUT = 'https://e.example/a><img src="https://e.example/p.png">'
STATEMENT = (
    "Harrow was rated inadequate overall. <script>alert(1)</script> "
    "Read [more](javascript:alert(1)) <img src=x onerror=alert(2)> now.\n"
    '=HYPERLINK("https://e.example/","x") Care leavers do not have a personal adviser.\n'
    "Services \x1b[31mhave\x1b]0;owned\x07 improved.\n"
)


@pytest.fixture()
def hostile_corpus(tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(HARROW_REPORT, folder / "report.txt")
    (folder / "statement.txt").write_text(STATEMENT, encoding="utf-8")
    (folder / "manifest.toml").write_text(
        '[[document]]\nid = "harrow-2025"\nkind = "report"\npath = "report.txt"\n'
        f'title = "Inspection"\nurl = {json.dumps(BREAKOUT)}\n\n'
        '[[document]]\nid = "blog"\nkind = "statement"\nabout = "harrow-2025"\n'
        'path = "statement.txt"\ntitle = "<b>Blog</b>"\nauthor = "Cllr <script>"\n'
        f"url = {json.dumps(BREAKOUT)}\n", encoding="utf-8")
    return folder


def _batch(corpus: Path, fmt: str) -> str:
    result = CliRunner().invoke(app, ["batch", "--corpus", str(corpus), "--format", fmt,
                                      "--reviewer-url", BREAKOUT])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_safe_url_percent_encodes_what_could_end_a_link() -> None:
    assert safe_url(BREAKOUT) == ("https://e.example/a%3E%3Cimg%20src=%22https://e.example/"
                                  "p.png%22%3E")
    assert safe_url("https://reports.ofsted.gov.uk/provider/44/80?a=1&b=2#x") == (
        "https://reports.ofsted.gov.uk/provider/44/80?a=1&b=2#x")
    assert safe_url("javascript:alert(1)") == safe_url("data:text/html,x") == ""
    assert safe_url("https://e.example/\\<x") == "https://e.example/%5C%3Cx"


def test_markdown_links_cannot_be_broken_out_of(hostile_corpus: Path) -> None:
    text = _batch(hostile_corpus, "markdown")
    assert not re.search(r"(?<!\\)<(img|script|b>)", text)  # only as escaped text
    assert "\\<img src=x onerror=alert(2)\\>" in text
    links = re.findall(r"(?<!\\)<([^>]*)>", text)
    assert links, "the manifest URLs appear as autolinks"
    for link in links:
        assert link.startswith("https://") and not re.search(r"[\s<\"']", link), link
    assert "https://e.example/a%3E%3Cimg%20src=%22https://e.example/p.png%22%3E" in links
    assert not re.search(r"(?<!\\)\]\(", text)  # no [text](url) link can form


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_links_cannot_be_broken_out_of(hostile_corpus: Path) -> None:
    page = _batch(hostile_corpus, "html")
    parser = _Tags()
    parser.feed(page)
    assert not [tag for tag, _ in parser.tags if tag in ("img", "script", "iframe")]
    hrefs = [attrs["href"] for tag, attrs in parser.tags if tag == "a" and "href" in attrs]
    external = [h for h in hrefs if h and not h.startswith("#")]
    assert external, "the manifest URLs appear as links"
    for href in external:
        assert href.startswith("https://") and not re.search(r"[\s<>\"']", href), href
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Blog" in page


def test_claimreview_urls_are_plain_and_text_is_data(hostile_corpus: Path) -> None:
    raw = _batch(hostile_corpus, "claimreview")
    # pasted into <script type="application/ld+json">, nothing may end the block
    assert "<" not in raw and ">" not in raw and "&" not in raw
    reviews = json.loads(raw)
    assert any("<script>alert(1)</script>" in r["claimReviewed"] for r in reviews)
    assert reviews
    for review in reviews:
        for url in (review["itemReviewed"]["appearance"].get("url"),
                    review["author"].get("url")):
            assert url and url.startswith("https://") and not re.search(r"[\s<>\"']", url)


def test_jsonl_keeps_hostile_text_exactly_as_data(hostile_corpus: Path) -> None:
    records = [json.loads(line) for line in _batch(hostile_corpus, "jsonl").splitlines()]
    sentences = [r["sentence"] for r in records]
    assert any("<script>alert(1)</script>" in s for s in sentences)
    assert any("\x1b[31m" in s for s in sentences)  # data, escaped by JSON: "\u001b"


def test_csv_defuses_formulas_and_round_trips(hostile_corpus: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_batch(hostile_corpus, "csv").lstrip("\ufeff"))))
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")), value
    assert any("HYPERLINK" in row["sentence"] for row in rows)


def test_terminal_shows_escape_sequences_as_pictures(hostile_corpus: Path) -> None:
    out = _batch(hostile_corpus, "terminal")
    assert "\x1b]0;" not in out and "\x07" not in out
    assert "\x1b[31mhave" not in out
