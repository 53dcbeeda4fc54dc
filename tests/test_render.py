"""Renderers against golden files, plus the properties each format promises.

The fixtures are built by hand: a small report in the ILACS layout (header, judgement
table, a summary paragraph, an improvement bullet, numbered paragraphs), a statement
with one sentence per verdict and one not worth checking, and a hostile statement whose
every field tries to inject markup, links or spreadsheet formulas.

Refresh the goldens after an intended change with ``UPDATE_GOLDENS=1 pytest tests/test_render.py``
and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

from claimcheck import output, render
from claimcheck.errors import OutputError
from claimcheck.render import Format, Options, terminal
from claimcheck.render.common import layout
from claimcheck.types import (
    Document,
    DocumentVerdicts,
    Evidence,
    Kind,
    Label,
    Report,
    Sentence,
    Step,
    Unit,
    Verdict,
    unit_name,
)

GOLDENS = Path(__file__).parent / "goldens" / "render"
OPTIONS = Options(
    reviewer_name="Northby Fact Desk",
    reviewer_url="https://factdesk.example/",
    review_date="2025-05-01",
)

# --- fixtures -------------------------------------------------------------------------

_UNITS = {
    "header": (
        "",
        "",
        "Inspection of Northby local authority children's services. Inspection dates: "
        "3 to 7 February 2025. Lead inspector: Jane Example, His Majesty's Inspector.",
    ),
    "judgements": (
        "",
        "",
        "Judgement Grade The experiences and progress of children who need help and "
        "protection: Good. The experiences and progress of care leavers: Inadequate. "
        "Overall effectiveness: Inadequate.",
    ),
    "summary-1": (
        "",
        "",
        "Since the last inspection, services for children who need help and protection "
        "have improved. Services for care leavers have deteriorated.",
    ),
    "improve-1": (
        "What needs to improve?",
        "",
        "The quality and consistency of support for care leavers.",
    ),
    "12": (
        "The experiences and progress of children who need help and protection",
        "good",
        "Thresholds are well understood. Most children receive the right help at the "
        "right time. Plans are not consistently timebound.",
    ),
    "34": (
        "The experiences and progress of care leavers",
        "inadequate",
        "Care leavers receive poor and inconsistent support, with serious failures in "
        "the response to those who go missing. Too many care leavers do not have a "
        "personal adviser, and over 40 had no contact for several months.",
    ),
    "41": (
        "The experiences and progress of care leavers",
        "inadequate",
        "Some care leavers have positive relationships with their personal advisers.",
    ),
}
_PAGES = {"12": (3, 3), "34": (4, 5), "41": (6, 6)}
GRADES = (
    ("The experiences and progress of children who need help and protection", "Good"),
    ("The experiences and progress of care leavers", "Inadequate"),
    ("Overall effectiveness", "Inadequate"),
)


def make_report() -> Report:
    doc = Document(
        id="northby-2025",
        kind=Kind.REPORT,
        path="northby/report.txt",
        text="",
        title="Inspection of Northby local authority children's services",
        publisher="Ofsted",
        date="2025-03-11",
        url="https://reports.ofsted.example/northby",
    )
    units = []
    pos = 0
    for uid, (section, grade, text) in _UNITS.items():
        units.append(
            Unit(
                report=doc.id,
                id=uid,
                section=section,
                grade=grade,
                text=text,
                start=pos,
                end=pos + len(text),
                grades=GRADES if uid == "judgements" else (),
                pages=_PAGES.get(uid, (1, 1)),
            )
        )
        pos += len(text) + 1
    return Report(
        document=doc,
        units=tuple(units),
        title=doc.title,
        dates="3 to 7 February 2025",
        lead_inspector="Jane Example, His Majesty's Inspector",
    )


REPORT = make_report()


def ev(unit: str, score: float, quote: str, matched: tuple[str, ...] = ()) -> Evidence:
    """Evidence whose quote offsets point into the real unit text, as retrieval gives them."""
    text = REPORT.unit(unit).text if unit in _UNITS else quote
    start = text.index(quote)
    return Evidence(unit, score, quote, start, start + len(quote), matched)


def judged(
    doc: Document, text: str, *, label: Label | None, confidence: float = 0.0, **kw: object
) -> Verdict:
    start = doc.text.index(text)
    sentence = Sentence(
        doc=doc.id,
        text=text,
        start=start,
        end=start + len(text),
        checkworthy=label is not None,
        reason=str(kw.pop("reason", "asserts a finding the report can check")),
        claim=str(kw.pop("claim", "")),
        after_report=bool(kw.pop("after_report", False)),
    )
    return Verdict(sentence=sentence, label=label, confidence=confidence, **kw)  # type: ignore[arg-type]


RELEASE_TEXT = (
    "Northby's Ofsted report\n"
    "- Northby rated good for help and protection.\n"
    "Ofsted found that most children receive the right help at the right time. "
    "The report noted some inconsistency in support for care leavers.\n"
    "Every care leaver now has a personal adviser. "
    "We have invested £2 million in early help since the inspection.\n"
    "We are proud of our staff and thank them for their hard work.\n"
)


def make_release() -> DocumentVerdicts:
    doc = Document(
        id="northby-release",
        kind=Kind.STATEMENT,
        path="northby/release.txt",
        text=RELEASE_TEXT,
        title="Northby's Ofsted report",
        publisher="Northby Council",
        date="2025-03-11",
        about="northby-2025",
        author="Northby Council",
        url="https://www.northby.example/news/ofsted",
    )
    verdicts = (
        judged(
            doc,
            "Northby's Ofsted report",
            label=None,
            reason="a heading: asserts nothing",
        ),
        judged(
            doc,
            "- Northby rated good for help and protection.",
            label=Label.SUPPORTED,
            confidence=0.9166,
            evidence=(
                ev(
                    "judgements",
                    0.8912,
                    "The experiences and progress of children who need help and protection: Good.",
                    ("good", "help", "protection"),
                ),
            ),
            steps=(
                Step(
                    "grade",
                    Label.SUPPORTED,
                    "good",
                    "Good",
                    "judgements",
                    "claim says 'good'; the judgement table grades help and protection 'Good'",
                ),
            ),
            explanation="The judgement table grades help and protection good, as claimed.",
        ),
        judged(
            doc,
            "Ofsted found that most children receive the right help at the right time.",
            label=Label.SUPPORTED,
            confidence=0.8,
            claim="most children receive the right help at the right time",
            evidence=(
                ev("12", 0.7734, "Most children receive the right help at the right time."),
                ev(
                    "summary-1",
                    0.31249,
                    "Since the last inspection, services for children "
                    "who need help and protection have improved.",
                ),
            ),
            steps=(
                Step(
                    "quantity",
                    Label.SUPPORTED,
                    "most",
                    "Most",
                    "12",
                    "claim says 'most'; paragraph 12 says 'Most'",
                ),
            ),
            explanation="Paragraph 12 says most children get the right help at the right time.",
        ),
        judged(
            doc,
            "The report noted some inconsistency in support for care leavers.",
            label=Label.SOFTENED,
            confidence=0.6543,
            evidence=(
                ev(
                    "34",
                    0.7021,
                    "Care leavers receive poor and inconsistent support, with serious failures "
                    "in the response to those who go missing.",
                ),
                ev("judgements", 0.55, "The experiences and progress of care leavers: Inadequate."),
            ),
            steps=(
                Step(
                    "severity",
                    Label.SOFTENED,
                    "some inconsistency",
                    "poor ... serious failures",
                    "34",
                    "claim says 'some inconsistency'; paragraph 34 says 'poor' and "
                    "'serious failures'",
                ),
                Step(
                    "grade",
                    Label.SOFTENED,
                    "",
                    "Inadequate",
                    "judgements",
                    "the claim leaves out that care leavers' services are graded inadequate",
                ),
            ),
            explanation="Paragraph 34 finds poor support and serious failures, not some "
            "inconsistency.",
        ),
        judged(
            doc,
            "Every care leaver now has a personal adviser.",
            label=Label.CONTRADICTED,
            confidence=0.7,
            after_report=True,
            evidence=(
                ev(
                    "34",
                    0.8123,
                    "Too many care leavers do not have a personal adviser, and over 40 had "
                    "no contact for several months.",
                ),
                ev(
                    "41",
                    0.4,
                    "Some care leavers have positive relationships with their personal advisers.",
                ),
            ),
            steps=(
                Step(
                    "quantity",
                    Label.CONTRADICTED,
                    "every",
                    "too many ... do not have",
                    "34",
                    "claim says 'every'; paragraph 34 says 'too many ... do not have'",
                ),
                Step(
                    "time",
                    Label.CONTRADICTED,
                    "now",
                    "",
                    "",
                    "the claim speaks of after the report, which shows the opposite at inspection",
                ),
            ),
            explanation="Paragraph 34 says too many care leavers do not have a personal adviser.",
        ),
        judged(
            doc,
            "We have invested £2 million in early help since the inspection.",
            label=Label.UNVERIFIED,
            confidence=0.5,
            steps=(
                Step(
                    "retrieval",
                    Label.UNVERIFIED,
                    "£2 million",
                    "",
                    "",
                    "no unit of the report speaks of money spent",
                ),
            ),
            explanation="The report says nothing about money spent on early help.",
        ),
        judged(
            doc,
            "We are proud of our staff and thank them for their hard work.",
            label=None,
            reason="thanks and opinion",
        ),
    )
    return DocumentVerdicts(document=doc, report=REPORT, verdicts=verdicts)


SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = (
    f"{SCRIPT} Northby was rated *good* for care leavers.\n"
    '=HYPERLINK("http://evil.example/","click") Northby services have improved.\n'
    f"Read [more](javascript:alert(1)) {IMG} now.\n"
    "@SUM(1+1) is what we think.\n"
)


def make_hostile() -> DocumentVerdicts:
    doc = Document(
        id="hostile-<b>blog</b>",
        kind=Kind.STATEMENT,
        path="hostile.txt",
        text=HOSTILE_TEXT,
        title=f"{SCRIPT} Blog",
        publisher='"><img src=x onerror=alert(2)>',
        date="2025-04-01",
        about="northby-2025",
        author="Cllr Mallory <script>",
        url="javascript:alert(1)",
    )
    verdicts = (
        judged(
            doc,
            f"{SCRIPT} Northby was rated *good* for care leavers.",
            label=Label.CONTRADICTED,
            confidence=0.88,
            evidence=(
                ev("judgements", 0.9, "The experiences and progress of care leavers: Inadequate."),
                Evidence('"><script>alert(3)</script>', 0.2, IMG, 0, len(IMG)),
            ),
            steps=(
                Step(
                    "grade",
                    Label.CONTRADICTED,
                    "good",
                    "Inadequate",
                    "judgements",
                    f"claim says 'good' {SCRIPT}; the table says 'Inadequate'",
                ),
            ),
            explanation=f"The table grades care leavers inadequate. {IMG} javascript:alert(1)",
        ),
        judged(
            doc,
            '=HYPERLINK("http://evil.example/","click") Northby services have improved.',
            label=Label.SUPPORTED,
            confidence=0.6,
            evidence=(
                ev(
                    "summary-1",
                    0.5,
                    "Since the last inspection, services for children who "
                    "need help and protection have improved.",
                ),
            ),
            explanation="+cmd|' /C calc'!A0",
        ),
        judged(
            doc,
            f"Read [more](javascript:alert(1)) {IMG} now.",
            label=Label.UNVERIFIED,
            confidence=0.3,
            explanation="-2+3 nothing in the report",
        ),
        judged(doc, "@SUM(1+1) is what we think.", label=None, reason=f"opinion {SCRIPT}"),
    )
    return DocumentVerdicts(document=doc, report=REPORT, verdicts=verdicts)


def results() -> list[DocumentVerdicts]:
    return [make_release(), make_hostile()]


def golden(name: str, text: str) -> None:
    """Compare ``text`` byte for byte with a golden file, or rewrite it on request."""
    path = GOLDENS / name
    data = text.encode("utf-8")
    if os.environ.get("UPDATE_GOLDENS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"no golden {path}: run UPDATE_GOLDENS=1 pytest {__file__}"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs from its golden; if intended, UPDATE_GOLDENS=1"


def console() -> Console:
    return Console(width=100, color_system=None, force_terminal=False, record=True)


# --- goldens --------------------------------------------------------------------------

GOLDEN_FILES = {
    Format.JSONL: "statements.jsonl",
    Format.CSV: "statements.csv",
    Format.MARKDOWN: "statements.md",
    Format.HTML: "statements.html",
    Format.CLAIMREVIEW: "claimreview.json",
}


@pytest.mark.parametrize("fmt", list(GOLDEN_FILES))
def test_format_matches_golden(fmt: Format) -> None:
    golden(GOLDEN_FILES[fmt], render.render(fmt, results(), OPTIONS))


def test_terminal_check_matches_golden() -> None:
    out = console()
    terminal.check(out, results())
    golden("check.txt", out.export_text())


def test_terminal_batch_matches_golden() -> None:
    out = console()
    terminal.batch(out, results())
    golden("batch.txt", out.export_text())


def test_terminal_is_not_a_text_format() -> None:
    with pytest.raises(ValueError, match="terminal"):
        render.render(Format.TERMINAL, results(), OPTIONS)


def test_every_format_has_a_renderer() -> None:
    assert set(GOLDEN_FILES) | {Format.TERMINAL} == set(Format)


# --- shared helpers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit_id", "name"),
    [
        ("41", "paragraph 41"),
        ("judgements", "judgement table"),
        ("summary-1", "summary paragraph 1"),
        ("improve-2", "improvement 2"),
        ("header", "report header"),
        ("annex-a", "annex-a"),
    ],
)
def test_unit_name(unit_id: str, name: str) -> None:
    assert unit_name(unit_id) == name


def test_layout_rebuilds_the_statement_and_places_every_sentence() -> None:
    release = make_release()
    lines = layout(release.document.text, release.verdicts)
    rebuilt = "\n".join("".join(p.text for p in line) for line in lines)
    assert rebuilt == release.document.text.strip()
    firsts = [p.verdict for line in lines for p in line if p.first]
    assert firsts == list(range(len(release.verdicts)))


# --- terminal -------------------------------------------------------------------------


def test_terminal_check_shows_each_verdict_word_unit_and_deciding_words() -> None:
    out = Console(width=100, color_system="truecolor", force_terminal=True, record=True)
    terminal.check(out, [make_release()])
    text = out.export_text(clear=False)
    for word in ("SUPPORTED", "SOFTENED", "CONTRADICTED", "UNVERIFIED"):
        assert word in text
    assert "paragraph 34, PDF pages 4–5 (0.81)" in text
    assert "judgement table, PDF page 1 (0.89)" in text
    assert "Not checked (2):" in text
    assert "thanks and opinion" in text
    styled = out.export_text(styles=True)
    # the deciding words of the contradicted verdict are bold and underlined
    assert "\x1b[1;4mToo many\x1b[0m" in styled
    assert "\x1b[1;4mdo not have\x1b[0m" in styled


def test_terminal_prints_markup_in_statements_literally() -> None:
    release = make_release()
    doc = release.document
    text = doc.text.replace("We are proud", "[bold red]We[/] are proud")
    doc2 = Document(**{**{f: getattr(doc, f) for f in doc.__slots__}, "text": text})
    verdict = judged(
        doc2,
        "[bold red]We[/] are proud of our staff and thank them for their hard work.",
        label=Label.SUPPORTED,
        confidence=0.5,
    )
    out = console()
    terminal.check(out, [DocumentVerdicts(doc2, REPORT, (verdict,))])
    assert "[bold red]We[/] are proud" in out.export_text()


def test_terminal_batch_counts_each_statement() -> None:
    out = console()
    terminal.batch(out, results())
    lines = out.export_text().splitlines()
    lines = lines[next(i for i, line in enumerate(lines) if line.startswith("Per statement")) :]
    row = next(line for line in lines if line.startswith("│ northby-release"))
    assert re.findall(r"\d+", row) == ["2", "1", "1", "1", "2"]
    total = next(line for line in lines if line.startswith("│ all"))
    assert re.findall(r"\d+", total) == ["3", "1", "2", "2", "3"]


# --- jsonl ----------------------------------------------------------------------------


def test_jsonl_follows_the_output_contract(jsonl_keys: list[str]) -> None:
    lines = render.render(Format.JSONL, results(), OPTIONS).splitlines()
    sentences = [v for r in results() for v in r.verdicts]
    assert len(lines) == len(sentences)
    keys = jsonl_keys
    for line, verdict in zip(lines, sentences, strict=True):
        obj = json.loads(line)
        assert list(obj) == keys
        assert obj["sentence"] == verdict.sentence.text
        assert (obj["label"] is None) == (not obj["checkworthy"])
        scores = [e["score"] for e in obj["evidence"]]
        assert scores == sorted(scores, reverse=True)
        for value in [obj["confidence"], *scores]:
            assert value == round(value, 3)
        for e in obj["evidence"]:
            assert list(e) == ["unit", "score", "quote", "pages", "citation"]
    assert "£2 million" in lines[5]  # not \u00a3
    assert json.loads(lines[1])["confidence"] == 0.917


# --- csv ------------------------------------------------------------------------------


def parse_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_parses_back_one_row_per_sentence() -> None:
    text = render.render(Format.CSV, results(), OPTIONS)
    from claimcheck.render.csv import COLUMNS

    rows = parse_csv(text)
    sentences = [v for r in results() for v in r.verdicts]
    assert len(rows) == len(sentences)
    assert list(rows[0]) == list(COLUMNS)
    softened = rows[3]
    assert softened["label"] == "softened"
    assert softened["evidence_units"] == "34; judgements"
    assert softened["evidence_scores"] == "0.702; 0.55"
    quotes = softened["evidence_quotes"].split("\n")
    assert quotes[0].startswith("Care leavers receive poor")
    assert len(quotes) == 2
    assert rows[0]["label"] == "" and rows[0]["checkworthy"] == "false"
    # every record ends with CRLF, embedded line breaks inside quoted cells stay LF
    assert text.endswith("\r\n")
    assert text.count("\r\n") == len(rows) + 1


def test_csv_defuses_spreadsheet_formulas() -> None:
    rows = parse_csv(render.render(Format.CSV, results(), OPTIONS))
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(("=", "+", "-", "@")), (column, value)
    hostile = [r for r in rows if r["doc"].startswith("hostile")]
    assert hostile[1]["sentence"].startswith("'=HYPERLINK(")
    assert hostile[1]["explanation"] == "'+cmd|' /C calc'!A0"
    assert hostile[2]["explanation"].startswith("'-2+3")
    assert hostile[3]["sentence"].startswith("'@SUM")
    assert rows[1]["sentence"] == "'- Northby rated good for help and protection."


# --- claimreview ----------------------------------------------------------------------


def test_claimreview_items_have_the_required_structure() -> None:
    items = json.loads(render.render(Format.CLAIMREVIEW, results(), OPTIONS))
    checked = [v for r in results() for v in r.verdicts if v.label is not None]
    assert isinstance(items, list) and len(items) == len(checked)
    for item, verdict in zip(items, checked, strict=True):
        assert item["@context"] == "https://schema.org"
        assert item["@type"] == "ClaimReview"
        assert item["claimReviewed"] == verdict.sentence.text
        assert item["datePublished"] == "2025-05-01"
        assert item["author"] == {
            "@type": "Organization",
            "name": "Northby Fact Desk",
            "url": "https://factdesk.example/",
        }
        claim = item["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["author"]["@type"] in ("Person", "Organization")
        assert isinstance(claim["author"]["name"], str) and claim["author"]["name"]
        assert re.fullmatch(r"\d{4}(-\d\d){0,2}", claim["datePublished"])
        assert claim["appearance"]["@type"] == "CreativeWork"
        assert isinstance(claim["appearance"]["headline"], str)
        rating = item["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] == verdict.label.value.capitalize()
        assert rating["ratingExplanation"] == verdict.explanation
        if verdict.label is Label.UNVERIFIED:
            assert "ratingValue" not in rating
        else:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    values = {
        i["reviewRating"]["alternateName"]: i["reviewRating"].get("ratingValue") for i in items
    }
    assert values == {"Supported": 4, "Softened": 2, "Contradicted": 1, "Unverified": None}


def test_claimreview_authors_and_urls() -> None:
    items = json.loads(render.render(Format.CLAIMREVIEW, results(), OPTIONS))
    release, hostile = items[0]["itemReviewed"], items[-1]["itemReviewed"]
    assert release["author"] == {"@type": "Organization", "name": "Northby Council"}
    assert release["appearance"]["url"] == "https://www.northby.example/news/ofsted"
    assert hostile["author"]["@type"] == "Person"
    assert "url" not in hostile["appearance"]  # javascript: is never published as a URL


def test_claimreview_leaves_out_empty_dates() -> None:
    release = make_release()
    doc = Document(**{**{f: getattr(release.document, f) for f in Document.__slots__}, "date": ""})
    items = json.loads(
        render.render(
            Format.CLAIMREVIEW, [DocumentVerdicts(doc, REPORT, release.verdicts)], Options()
        )
    )
    assert all("datePublished" not in i and "datePublished" not in i["itemReviewed"] for i in items)
    assert items[0]["author"] == {"@type": "Organization", "name": "claimcheck"}


# --- markdown -------------------------------------------------------------------------


def test_markdown_footnotes_every_checked_sentence() -> None:
    text = render.render(Format.MARKDOWN, results(), OPTIONS)
    refs = re.findall(r"(?<!^)\[\^(\d+)\](?!:)", text, re.MULTILINE)
    defs = re.findall(r"^\[\^(\d+)\]:", text, re.MULTILINE)
    checked = sum(1 for r in results() for v in r.verdicts if v.label is not None)
    assert refs == defs == [str(n) for n in range(1, checked + 1)]
    assert "| The experiences and progress of care leavers | Inadequate |" in text
    assert ("paragraph 34, PDF pages 4–5 (score 0.81): “**Too many** care leavers "
            "**do not have**") in text


def test_markdown_escapes_statement_text() -> None:
    text = render.render(Format.MARKDOWN, [make_hostile()], OPTIONS)
    assert not re.search(r"(?<!\\)<(?!https://)", text)  # every < escaped or an autolink
    assert not re.search(r"(?<!\\)\]\(", text)  # no [text](url) link can form
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "\\*good\\*" in text


# --- html -----------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "main",
    "footer",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "ul",
    "ol",
    "li",
    "a",
    "span",
    "sup",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "svg",
    "rect",
    "text",
    "figure",
    "figcaption",
    "blockquote",
    "mark",
    "strong",
    "b",
    "em",
    "div",
}


def test_html_escapes_every_hostile_value() -> None:
    page = render.render(Format.HTML, results(), OPTIONS)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    for tag, attrs in tags(page):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value and (value.startswith("#") or value.startswith("https://")), value


def test_html_is_self_contained() -> None:
    page = render.render(Format.HTML, results(), OPTIONS)
    for tag, attrs in tags(page):
        assert tag not in {"link", "img", "script", "iframe", "object", "embed", "base"}
        assert not {n for n, _ in attrs} & {"src", "srcset", "action"}
    assert "url(" not in page and "@import" not in page
    assert "default-src 'none'" in page


def test_html_links_resolve_both_ways() -> None:
    page = render.render(Format.HTML, results(), OPTIONS)
    found = tags(page)
    ids = {v for _, attrs in found for n, v in attrs if n == "id"}
    internal = [v for _, attrs in found for n, v in attrs if n == "href" and v and v[0] == "#"]
    assert internal and all(v[1:] in ids for v in internal)
    checked = sum(1 for r in results() for v in r.verdicts if v.label is not None)
    for n in range(1, checked + 1):
        assert f"note-{n}" in ids and f"ref-{n}" in ids
        assert f'href="#note-{n}"' in page and f'href="#ref-{n}"' in page


def test_html_highlights_every_checked_sentence_with_colour_and_word() -> None:
    page = render.render(Format.HTML, [make_release()], OPTIONS)
    claims = re.findall(r'<a class="claim v-(\w+)" href="#note-(\d+)" id="ref-\d+">', page)
    assert claims == [
        ("supported", "1"),
        ("supported", "2"),
        ("softened", "3"),
        ("contradicted", "4"),
        ("unverified", "5"),
    ]
    for label, note in claims:
        assert f"[{label}<sup>{note}</sup>]" in page
    assert "<mark>Too many care leavers do not have" not in page  # deciding words split it
    assert "<mark><strong>Too many</strong> care leavers <strong>do not have</strong> a" in page
    assert "paragraph 34" in page and "judgement table" in page
    assert "break-inside: avoid" in page and "box-decoration-break: clone" in page
    assert '<title id="chart-s1-northby-release">Verdicts: 2 supported, 1 softened, ' in page


# --- output ---------------------------------------------------------------------------


def test_write_atomic_writes_exact_text(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    text = render.render(Format.CSV, results(), OPTIONS)
    output.write_atomic(target, text)
    assert target.read_bytes() == text.encode("utf-8")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    output.write_atomic(target, "second\n")
    assert target.read_text() == "second\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_write_atomic_keeps_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("old")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match=r"cannot write .*report\.html: no space left"):
        output.write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_write_atomic_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="folder .*missing.* does not exist") as err:
        output.write_atomic(tmp_path / "missing" / "report.html", "x")
    assert "\n" not in str(err.value)


def test_write_atomic_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder"):
        output.write_atomic(tmp_path, "x")
