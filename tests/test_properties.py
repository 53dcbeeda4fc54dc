"""Property tests: generated and mutated inputs end in a result or one of claimcheck's own
errors, never another exception, and results keep their invariants (offsets in bounds,
text at its offsets, scores in [0, 1]).

Bounded (40 examples each, derandomised, no example database) so the suite stays quick;
``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py`` runs 5,000 random examples
each, and ``bench/fuzz_pdf.py`` the longer PDF campaign.
"""

from __future__ import annotations

import functools
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import corpus, extract, reader, text
from claimcheck.check import Checker, Config
from claimcheck.errors import ClaimcheckError
from claimcheck.types import Document, Kind, Label
from conftest import HARROW_REPORT, SHARED_REPORTS

HARROW = HARROW_REPORT.read_text(encoding="utf-8")
# "quick" in the suite; HYPOTHESIS_PROFILE=long for a campaign of thousands of inputs each.
_COMMON = {"deadline": None, "database": None,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}
settings.register_profile("quick", max_examples=40, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=5000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))
SETTINGS = settings()
REPORT = Document(id="r", kind=Kind.REPORT, path="r.txt", text="", title="r")

# Words and marks that statements and reports are made of, so generated text reaches the
# interesting paths (sentence ends, grades, numbers, quotes, markup) and not only noise.
PIECES = ["Harrow", "was", "rated", "good", "inadequate", "overall", "for", "care leavers",
          "not", "every", "most", "130", "50%", "since", "2020", "but", ",", ".", "!", "?",
          ";", ":", "–", "—", "\n", "\n\n", "- ", "1. ", "“", "”", "'", "(", ")", "<p>",
          "</p>", "<b>", "&amp;", "**", "#", "e.g.", "Dr.", "\t", "\u00a0", "\ufeff",
          "\x00", "\x1b[31m", "é", "😀", "Requires improvement to be good", "Judgement Grade"]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
)


def _mutations(size: int) -> st.SearchStrategy[list[tuple[str, int, int, bytes]]]:
    """Edits of a text or file of ``size``: (kind, at, length, new bytes)."""
    edit = st.tuples(st.sampled_from(["flip", "delete", "insert", "overwrite", "cut"]),
                     st.integers(0, max(size - 1, 0)), st.integers(1, 2048),
                     st.binary(min_size=1, max_size=64))
    return st.lists(edit, min_size=1, max_size=4)


def _line_edits(size: int) -> st.SearchStrategy[list[tuple[str, int, int, str]]]:
    """Edits of a text's lines: (kind, line, count, new text)."""
    edit = st.tuples(st.sampled_from(["delete", "insert", "duplicate", "cut"]),
                     st.integers(0, max(size - 1, 0)), st.integers(1, 40), texts)
    return st.lists(edit, min_size=1, max_size=6)


def _apply_lines(source: str, edits: list[tuple[str, int, int, str]]) -> str:
    lines = source.split("\n")
    for kind, at, count, new in edits:
        at = min(at, len(lines))
        if kind == "delete":
            del lines[at:at + count]
        elif kind == "insert":
            lines[at:at] = new.split("\n")
        elif kind == "duplicate":
            lines[at:at] = lines[at:at + count]
        else:
            del lines[at:]
    return "\n".join(lines)


def _apply(data: bytes, edits: list[tuple[str, int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, at, length, new in edits:
        at = min(at, len(out))
        if kind == "flip" and at < len(out):
            out[at] ^= new[0] or 1
        elif kind == "delete":
            del out[at:at + length]
        elif kind == "insert":
            out[at:at] = new
        elif kind == "overwrite":
            out[at:at + len(new)] = new
        elif kind == "cut":
            del out[at:]
    return bytes(out)


# --- the text reader ---------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=600))
def test_decoding_any_bytes_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        decoded = corpus.decode(data, "x")
    except ClaimcheckError:
        return
    assert decoded.strip() and "\r" not in decoded


def _check_report(source: str) -> None:
    try:
        report = reader.read_text_report(source, REPORT)
    except ClaimcheckError:
        return
    ids = [unit.id for unit in report.units]
    assert len(ids) == len(set(ids))
    for unit in report.units:
        assert 0 <= unit.start <= unit.end <= len(source)
    assert all(isinstance(w, str) and w for w in report.warnings)


@SETTINGS
@given(texts)
def test_reading_any_text_as_a_report_ends_in_units_or_a_clear_error(source: str) -> None:
    _check_report(source)


@SETTINGS
@given(_line_edits(HARROW.count("\n") + 1))
def test_reading_a_mutated_report_ends_in_units_or_a_clear_error(
        edits: list[tuple[str, int, int, str]]) -> None:
    _check_report(_apply_lines(HARROW, edits))


# --- the sentence splitter -----------------------------------------------------------------


@SETTINGS
@given(texts)
def test_sentence_spans_are_ordered_and_in_bounds(source: str) -> None:
    spans = text.sentence_spans(source)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(source)
        last = end


@SETTINGS
@given(texts)
def test_sentences_stand_at_their_offsets(source: str) -> None:
    try:
        doc = extract.statement_from_text(source)
    except ClaimcheckError:  # no visible text: the library's own error
        return
    for sentence in extract.sentences(doc):
        assert doc.text[sentence.start:sentence.end] == sentence.text
        assert sentence.checkworthy or sentence.reason


# --- the checker ---------------------------------------------------------------------------


@functools.cache
def _checker() -> Checker:
    return Checker(Config(use_cache=False))


@SETTINGS
@given(texts)
def test_checking_any_statement_gives_verdicts_in_range(source: str) -> None:
    checker = _checker()
    index = checker.index(HARROW_REPORT)
    try:
        doc = extract.statement_from_text(source)
    except ClaimcheckError:
        return
    result = checker.check(doc, index)
    units = {unit.id for unit in index.report.units}
    for verdict in result.verdicts:
        assert verdict.label is None or isinstance(verdict.label, Label)
        assert 0.0 <= verdict.confidence <= 1.0
        for evidence in verdict.evidence:
            assert evidence.unit in units and 0.0 <= evidence.score <= 1.0


# --- the PDF reader, over mutated real reports ----------------------------------------------


SHARED_PDFS = sorted((SHARED_REPORTS / "ilacs").glob("*.pdf"))[::30]  # five of them


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_PDFS, reason=f"needs Ofsted's ILACS PDFs in {SHARED_REPORTS}/ilacs "
                    "(not in the repository)")
@SETTINGS
@given(st.integers(0, 10), st.data())
def test_reading_a_mutated_pdf_ends_in_units_or_a_clear_error(
        which: int, data: st.DataObject) -> None:
    original = SHARED_PDFS[which % len(SHARED_PDFS)].read_bytes()
    mutant = _apply(original, data.draw(_mutations(len(original))))
    try:
        texts = reader.pdf.pages(mutant, "mutant.pdf") if reader.pdf.is_pdf(mutant) else []
        if texts:
            _check_report("\f".join(texts))
    except ClaimcheckError:
        pass


# --- the grade nearest an area --------------------------------------------------------------


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 3)), min_size=1, max_size=30),
       st.integers(0, 120), st.integers(1, 4))
def test_nearest_grade_is_the_one_min_finds(gaps: list[tuple[int, int]], start: int,
                                            length: int) -> None:
    from claimcheck.grades import _distance, _Nearest
    from claimcheck.match import Hit

    hits, at = [], 0
    for gap, size in gaps:
        at += gap
        hits.append(Hit("good", "good", at, at + size))
        at += size
    want = min(hits, key=lambda h: _distance(h.start, h.end, start, start + length))
    assert _Nearest(hits)(start, start + length) is want
