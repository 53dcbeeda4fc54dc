"""The safe cache, confined paths, checked lexicons, whole-or-nothing output and
cut-short reports, from Python."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import tomllib
from pathlib import Path

import pytest

from claimcheck import cache, corpus, lexicon, output, reader
from claimcheck.check import Checker, Config, check_text
from claimcheck.errors import CorpusError, InputError, LexiconError, OutputError
from claimcheck.retrieve import Index
from claimcheck.types import Document, Kind

CLAIM = "Ofsted rated Harrow inadequate overall."


# --- the cache -----------------------------------------------------------------------------


def test_cache_entry_round_trips(harrow_index: Index) -> None:
    again = cache.loads(cache.dumps(harrow_index, "k"), "k")
    assert again == harrow_index
    assert again.units[5].counts == harrow_index.units[5].counts
    # what is derived from the record is rebuilt on load, never stored
    stored = json.loads(cache.dumps(harrow_index, "k"))["index"]
    for record, fields in ((stored, dataclasses.fields(Index)),
                           (stored["units"][5], dataclasses.fields(type(harrow_index.units[5])))):
        for f in fields:
            assert (f.name in record) is f.init, f.name
            assert getattr(again if record is stored else again.units[5], f.name) == getattr(
                harrow_index if record is stored else harrow_index.units[5], f.name), f.name


def test_a_cache_entry_whose_derived_fields_cannot_be_built_is_refused(harrow_index: Index
                                                                       ) -> None:
    data = json.loads(cache.dumps(harrow_index, "k"))
    data["index"]["avg_length"] = 0
    with pytest.raises(cache.CacheMismatch):
        cache.loads(json.dumps(data), "k")


@pytest.mark.parametrize("change", [
    lambda d: d.update(version=cache.VERSION + 1),
    lambda d: d.update(format="pickle"),
    lambda d: d.update(key="other"),
    lambda d: d["index"].pop("avg_length"),
    lambda d: d["index"]["report"]["units"][0].pop("grades"),  # an older Unit
    lambda d: d["index"]["report"]["units"][0].update(extra=1),
    lambda d: d["index"].update(avg_length="1.5"),
    lambda d: d["index"]["report"]["document"].update(kind="memo"),
    lambda d: d["index"]["units"][0]["passages"][0].update(start=True),
    lambda d: d["index"].update(units={}),
])
def test_cache_entry_that_does_not_match_is_refused(harrow_index: Index, change) -> None:
    data = json.loads(cache.dumps(harrow_index, "k"))
    change(data)
    with pytest.raises(cache.CacheMismatch):
        cache.loads(json.dumps(data), "k")


@pytest.mark.parametrize("text", [b"", b"\x80\x04K\x01.", b"[1]", b"{", b"null", b'"x"'])
def test_cache_entry_that_is_not_an_entry_is_refused(text: bytes) -> None:
    with pytest.raises(cache.CacheMismatch):
        cache.loads(text, "k")


class _Boom:
    """Unpickling this runs code: it writes a file."""

    def __init__(self, flag: Path) -> None:
        self.flag = flag

    def __reduce__(self):
        return (Path.write_text, (self.flag, "ran"))


def test_a_planted_pickle_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(folder))
    first = check_text(CLAIM, Config())
    entries = list(folder.iterdir())
    assert [e.suffix for e in entries] == [".json"]
    flag = tmp_path / "flag"
    entries[0].write_bytes(pickle.dumps(_Boom(flag)))
    (folder / entries[0].name.replace(".json", ".pickle")).write_bytes(pickle.dumps(_Boom(flag)))
    again = check_text(CLAIM, Config())
    assert not flag.exists()
    assert again.verdicts == first.verdicts
    assert cache.loads(entries[0].read_bytes(), entries[0].stem.removeprefix("index-"))


def test_an_unusable_cache_folder_is_one_warning(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "file"))
    warnings: list[str] = []
    checker = Checker(Config(warn=warnings.append))
    path = Path(corpus.load().reports()[0].path)
    checker.index(path)
    checker.index(path.parent / ".." / path.parent.name / path.name)
    assert len(warnings) == 1 and "running without the cache" in warnings[0]
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


# --- reports that look cut short ----------------------------------------------------------------


def test_a_whole_report_has_no_warning(harrow_text: Path) -> None:
    assert reader.read_report(harrow_text).warnings == ()


def test_a_report_cut_short_is_read_with_a_warning(harrow_text: Path) -> None:
    text = harrow_text.read_text(encoding="utf-8")
    doc = Document(id="r", kind=Kind.REPORT, path="r.txt", text="", title="r")
    cut = reader.read_text_report(text[: text.index("\n- 30. ")], doc)
    assert [u.id for u in cut.units][-1] == "29"
    assert len(cut.warnings) == 1 and "stops at paragraph 29" in cut.warnings[0]
    opening = reader.read_text_report(text[: text.index("\n- 1. ")], doc)
    assert "no numbered paragraphs" in opening.warnings[0]


def test_a_report_warning_reaches_the_checker_once(harrow_text: Path, tmp_path: Path) -> None:
    text = harrow_text.read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[: text.index("\n- 30. ")], encoding="utf-8")
    warnings: list[str] = []
    config = Config(report=cut, use_cache=False, warn=warnings.append)
    check_text(CLAIM, config)
    assert len(warnings) == 1 and warnings[0].startswith("cut.txt stops at paragraph 29")


# --- the corpus manifest --------------------------------------------------------------------


def _corpus(root: Path, entry: str) -> Path:
    root.mkdir()
    (root / "manifest.toml").write_text(entry, encoding="utf-8")
    return root


def test_manifest_paths_stay_inside_the_corpus(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    root = _corpus(tmp_path / "c", '[[document]]\nid = "s"\nkind = "statement"\n'
                                   'path = "link.txt"\n')
    (root / "link.txt").symlink_to(outside)
    with pytest.raises(CorpusError, match="outside the corpus folder"):
        corpus.load(root)


def test_manifest_symlink_inside_the_corpus_is_followed(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", '[[document]]\nid = "s"\nkind = "statement"\n'
                                   'path = "link.txt"\n')
    (root / "real.txt").write_text(CLAIM, encoding="utf-8")
    (root / "link.txt").symlink_to(root / "real.txt")
    assert corpus.load(root).get("s").text == CLAIM


# --- lexicons ------------------------------------------------------------------------------


def test_a_user_file_may_use_every_key_the_bundled_files_have(tmp_path: Path) -> None:
    """The bundled files are the schema: a copy of any of them is a valid user file, so a
    key added to a bundled file needs no schema edit."""
    for name in lexicon.names():
        path = tmp_path / f"{name}.toml"
        source = lexicon.resources.files("claimcheck").joinpath("lexicons", f"{name}.toml")
        data = tomllib.loads(source.read_text(encoding="utf-8"))
        lines = [f"[{name}]"]
        for key, value in data.items():
            lines.append(f"{json.dumps(key)} = {_toml(value)}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert lexicon.read_user_file(path)[name].keys() == data.keys()


def _toml(value: object) -> str:
    """A TOML inline value (enough for the bundled lexicons)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def test_a_new_bundled_key_is_accepted_without_a_schema_edit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = lexicon.builtin("hedges")
    monkeypatch.setattr(lexicon, "builtin",
                        lambda name: {**real, "softeners": ["a"]} if name == "hedges" else real)
    path = tmp_path / "l.toml"
    path.write_text('[hedges]\nsofteners = ["somewhat"]\n', encoding="utf-8")
    assert lexicon.read_user_file(path) == {"hedges": {"softeners": ["somewhat"]}}
    path.write_text('[hedges]\nsofteners = "somewhat"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"l\.toml: \[hedges\] key 'softeners' must be a list"):
        lexicon.read_user_file(path)


# --- output ----------------------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["fsync", "replace"])
@pytest.mark.parametrize("signal", [KeyboardInterrupt, SystemExit])  # Ctrl-C, SIGTERM
def test_ctrl_c_while_writing_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str,
        signal: type[BaseException]) -> None:
    target = tmp_path / "o.html"
    target.write_text("old", encoding="utf-8")

    def interrupt(*args: object) -> None:
        raise signal

    monkeypatch.setattr(os, stage, interrupt)
    with pytest.raises(signal):
        output.write_atomic(target, "new")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.html"]
    assert target.read_text(encoding="utf-8") == "old"


def test_out_may_not_be_a_symlink_even_to_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    with pytest.raises(OutputError, match="symbolic link"):
        output.write_atomic(tmp_path / "link.txt", "new")
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "keep"


def test_stream_over_the_limit_is_refused_without_reading_it_all() -> None:
    class Endless:
        read_sizes: list[int] = []

        def read(self, size: int) -> bytes:
            self.read_sizes.append(size)
            return b"x" * size

    stream = Endless()
    with pytest.raises(InputError, match="larger than the statement limit of 0.001 MB"):
        corpus.read_stream(stream, "standard input", 1000)  # type: ignore[arg-type]
    assert stream.read_sizes == [1001]


@pytest.mark.parametrize("target", ["/dev/zero", "elsewhere.json"])
def test_a_cache_entry_that_is_a_link_is_replaced_not_followed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(folder))
    first = check_text(CLAIM, Config())
    (entry,) = folder.iterdir()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("keep", encoding="utf-8")
    entry.unlink()
    entry.symlink_to(target if target.startswith("/") else elsewhere)
    assert check_text(CLAIM, Config()).verdicts == first.verdicts
    assert not entry.is_symlink() and entry.stat().st_size > 1000
    assert elsewhere.read_text(encoding="utf-8") == "keep"


def test_pdf_text_past_the_limit_is_refused(tmp_path: Path) -> None:
    from claimcheck.reader import pdf
    from conftest import write_pdf

    data = write_pdf(tmp_path / "r.pdf", [["A line of text that is long enough."] * 3]).read_bytes()
    assert pdf.pages(data, "r.pdf", limit=10_000)
    with pytest.raises(InputError, match=r"r\.pdf \(its text\): is larger than the report limit"):
        pdf.pages(data, "r.pdf", limit=50)


def test_a_long_paragraph_is_joined_in_linear_time() -> None:
    import time

    from claimcheck.reader import layout

    lines = ["word-", "word and more words"] * 20_000
    start = time.perf_counter()
    joined = layout._join(lines)
    assert time.perf_counter() - start < 1.0  # quadratic took minutes
    assert joined.startswith("word-word and more words word-word")


@pytest.mark.shared
@pytest.mark.parametrize(("pages", "warning"), [
    (1, "has the opening of an ILACS report but no numbered paragraphs"),
    (3, "stops at paragraph 9 with no closing notice"),
    (13, None),
])
def test_the_harrow_pdf_cut_after_some_pages(tmp_path: Path, harrow_pdf: Path, pages: int,
                                             warning: str | None) -> None:
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(harrow_pdf)
    cut = pdfium.PdfDocument.new()
    cut.import_pages(source, list(range(pages)))
    cut.save(tmp_path / "cut.pdf")
    cut.close()
    source.close()
    report = reader.read_report(tmp_path / "cut.pdf")
    if warning is None:
        assert report.warnings == ()
    else:
        assert len(report.warnings) == 1 and warning in report.warnings[0]
