"""Your own corpus, statement metadata and more kinds of statement file, through the CLI."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from conftest import MakePdf

runner = CliRunner()
STATEMENT = "Ofsted rated Harrow inadequate overall. Care leavers were rated good."


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CLAIMCHECK_REPORTS", raising=False)
    monkeypatch.delenv("CLAIMCHECK_CORPUS", raising=False)


def _manifest(folder: Path, entries: list[dict[str, str]]) -> None:
    lines = []
    for entry in entries:
        lines.append("[[document]]")
        lines += [f'{key} = "{value}"' for key, value in entry.items()]
        lines.append("")
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture()
def own_corpus(tmp_path: Path, harrow_text: Path) -> Path:
    """Two reports (one file missing), three statements (one about the missing report)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "harrow.txt").write_bytes(harrow_text.read_bytes())
    (folder / "a.txt").write_text(STATEMENT, encoding="utf-8")
    (folder / "b.txt").write_text("Children in care were judged good.", encoding="utf-8")
    (folder / "c.txt").write_text("Leaders were rated good.", encoding="utf-8")
    _manifest(folder, [
        {"id": "harrow", "kind": "report", "path": "harrow.txt", "publisher": "Ofsted"},
        {"id": "gone", "kind": "report", "path": "gone.pdf"},
        {"id": "a", "kind": "statement", "about": "harrow", "path": "a.txt"},
        {"id": "b", "kind": "statement", "about": "gone", "path": "b.txt"},
        {"id": "c", "kind": "statement", "about": "harrow", "path": "c.txt"},
    ])
    return folder


def test_batch_over_your_corpus_goes_on_past_a_missing_report(own_corpus: Path) -> None:
    result = runner.invoke(app, ["batch", "--corpus", str(own_corpus), "-f", "jsonl"])
    assert result.exit_code == 1
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == ["a", "a", "c"]
    assert result.stderr == (f"claimcheck: error: b: its report gone cannot be read: "
                             f"{own_corpus / 'gone.pdf'}: no such file\n")


def test_the_corpus_may_come_from_the_environment(own_corpus: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CORPUS", str(own_corpus))
    result = runner.invoke(app, ["units", "harrow", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    checked = runner.invoke(app, ["check", "-f", "jsonl", "Children in care were judged good."])
    assert json.loads(checked.stdout)["label"] == "supported"


def test_a_statement_about_an_unlisted_report_is_one_line(own_corpus: Path) -> None:
    text = (own_corpus / "manifest.toml").read_text(encoding="utf-8")
    (own_corpus / "manifest.toml").write_text(text.replace('about = "gone"', 'about = "nope"'),
                                              encoding="utf-8")
    result = runner.invoke(app, ["batch", "--corpus", str(own_corpus), "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.startswith("claimcheck: error: b: no document 'nope' in ")
    assert result.stderr.count("\n") == 1


@pytest.mark.shared
def test_a_generated_corpus_of_many_councils(tmp_path: Path, shared_reports: Path) -> None:
    folder = tmp_path / "councils"
    folder.mkdir()
    entries = []
    pdfs = sorted((shared_reports / "ilacs").glob("*.pdf"))[::15]
    for pdf in pdfs:
        (folder / f"{pdf.stem}.txt").write_text(
            "Children's services were rated good overall.", encoding="utf-8")
        shutil.copy(pdf, folder / pdf.name)  # a manifest's paths stay inside its folder
        entries += [{"id": pdf.stem, "kind": "report", "path": pdf.name},
                    {"id": f"{pdf.stem}-s", "kind": "statement", "about": pdf.stem,
                     "path": f"{pdf.stem}.txt"}]
    _manifest(folder, entries)
    result = runner.invoke(app, ["batch", "--corpus", str(folder), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == [f"{p.stem}-s" for p in pdfs]
    assert all(r["label"] in ("supported", "contradicted", "softened") for r in records)


def test_eval_takes_a_corpus(own_corpus: Path) -> None:
    text = (own_corpus / "manifest.toml").read_text(encoding="utf-8")
    (own_corpus / "manifest.toml").write_text(text.replace("gone.pdf", "harrow.txt"),
                                              encoding="utf-8")
    result = runner.invoke(app, ["eval", "--corpus", str(own_corpus), "harrow-seeds"])
    assert result.exit_code == 1
    assert "no document 'harrow-2025'" in result.stderr


# --- statement metadata -----------------------------------------------------------------------


def test_metadata_options_reach_claimreview(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("Care leavers were rated good.", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(path), "-f", "claimreview", "--title",
                                 "Our Ofsted result", "--author", "Cllr Jane Doe", "--date",
                                 "2025-03-05", "--url", "https://example.org/news/1"])
    assert result.exit_code == 0, result.output
    item = json.loads(result.stdout)[0]["itemReviewed"]
    assert item == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Cllr Jane Doe"},
        "datePublished": "2025-03-05",
        "appearance": {"@type": "CreativeWork", "url": "https://example.org/news/1",
                       "headline": "Our Ofsted result"},
    }


def test_front_matter_gives_metadata_and_is_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text("---\ntitle: Harrow responds\nauthor: Harrow Council\ndate: 2025-03-04\n"
                    "---\n# Our response\n\nCare leavers were rated good.\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(path), "-f", "claimreview"])
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert [r["claimReviewed"] for r in reviews] == ["Care leavers were rated good."]
    item = reviews[0]["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Harrow Council"}
    assert item["datePublished"] == "2025-03-04"
    assert item["appearance"]["headline"] == "Harrow responds"


def test_files_sharing_a_stem_get_distinct_ids(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text("Care leavers were rated good.", encoding="utf-8")
    (tmp_path / "release.html").write_text("<p>Care leavers were rated good.</p>",
                                           encoding="utf-8")
    result = runner.invoke(app, ["batch", str(tmp_path / "release.txt"),
                                 str(tmp_path / "release.html"), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == [
        "release.txt", "release.html"]


# --- more kinds of input ---------------------------------------------------------------------


def test_a_pdf_statement(make_pdf: MakePdf) -> None:
    path = make_pdf("release.pdf", [["Care leavers were rated good."]])
    result = runner.invoke(app, ["batch", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["sentence"], record["label"]) == ("Care leavers were rated good.",
                                                     "contradicted")


def _docx(path: Path, paragraphs: list[str]) -> Path:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml",
                         f'<w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>')
    return path


def test_a_docx_statement(tmp_path: Path) -> None:
    path = _docx(tmp_path / "release.docx", ["Our Ofsted report", "Care leavers were rated good."])
    result = runner.invoke(app, ["batch", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    labels = [json.loads(line)["label"] for line in result.stdout.splitlines()]
    assert labels == [None, "contradicted"]


def test_a_zip_that_is_not_word_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    result = runner.invoke(app, ["batch", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (f"claimcheck: error: {path}: is a zip file but not a Word "
                             "document; give a .docx, .pdf, .txt, .md or .html\n")


def test_a_url_file_argument_fetches_nothing() -> None:
    result = runner.invoke(app, ["batch", "https://example.org/release"])
    assert result.exit_code == 1
    assert result.stderr == ("claimcheck: error: https://example.org/release: claimcheck "
                             "fetches nothing from the web; save the page (e.g. as "
                             "statement.html) and give that file\n")


@pytest.mark.parametrize(("data", "advice"), [
    ("Harrow’s café".encode("cp1252"), "iconv -f windows-1252 -t utf-8"),
    ("Harrow café".encode("latin-1"), "iconv -f latin1 -t utf-8"),
])
def test_text_that_is_not_utf8_names_the_likely_encoding(tmp_path: Path, data: bytes,
                                                         advice: str) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes(data)
    result = runner.invoke(app, ["batch", str(path)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and advice in result.stderr


def test_a_missing_previous_report_fails_only_the_claims_that_need_it(own_corpus: Path) -> None:
    text = (own_corpus / "manifest.toml").read_text(encoding="utf-8")
    text = text.replace('publisher = "Ofsted"', 'publisher = "Ofsted"\nprevious = "gone"')
    (own_corpus / "manifest.toml").write_text(text, encoding="utf-8")
    (own_corpus / "c.txt").write_text("Leaders were rated good at the last inspection.",
                                      encoding="utf-8")
    result = runner.invoke(app, ["batch", "--corpus", str(own_corpus), "-f", "jsonl"])
    assert result.exit_code == 1
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["a", "a"]
    lines = result.stderr.splitlines()
    assert lines[1] == (f"claimcheck: error: c: its previous report: {own_corpus / 'gone.pdf'}: "
                        "no such file")


def test_batch_falls_back_to_one_process_when_no_pool_starts(
        own_corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        harrow_text: Path) -> None:
    import concurrent.futures

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("no semaphores here")

    (own_corpus / "gone.pdf").write_bytes(harrow_text.read_bytes())
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    result = runner.invoke(app, ["batch", "--corpus", str(own_corpus), "-f", "jsonl",
                                 "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == [
        "a", "a", "b", "c"]


def test_a_pdf_statement_joins_its_wrapped_lines(make_pdf: MakePdf) -> None:
    path = make_pdf("release.pdf", [[
        "Harrow responds",
        "Ofsted rated Harrow inadequate overall after its inspection in",
        "January, and the council accepts every finding of the report.",
        "Care leavers were rated good.",
    ]])
    result = runner.invoke(app, ["batch", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    sentences = [json.loads(line)["sentence"] for line in result.stdout.splitlines()]
    assert sentences == [
        "Harrow responds",
        "Ofsted rated Harrow inadequate overall after its inspection in January, and the "
        "council accepts every finding of the report.",
        "Care leavers were rated good.",
    ]


# --- the terminal view of a batch ------------------------------------------------------------


@pytest.mark.parametrize("width", ["80", "132"])
def test_batch_terminal_wraps_sentences_and_explains(tmp_path: Path, width: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", width)
    sentence = ("Every single care leaver in the borough now has a dedicated personal adviser "
                "who visits them regularly and knows them well.")
    path = tmp_path / "release.txt"
    path.write_text(f"{sentence} Children in care were judged good.", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(path)])
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout
    assert all(len(line) <= int(width) for line in result.stdout.splitlines())
    words = " ".join(line.strip("│ ") for line in result.stdout.splitlines())
    for word in sentence.split():
        assert word in words
    why = result.stdout.split("Not supported, and why")[1]
    assert "CONTRADICTED" in why and "why: " in why
