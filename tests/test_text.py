"""The fast analyser against its source text and against spaCy's own lookup pipeline."""

from __future__ import annotations

import tomllib
import warnings
from pathlib import Path

import pytest

from claimcheck import text

LEXICON = Path(text.__file__).parent / "lexicons" / "text.toml"


@pytest.fixture(scope="module")
def report_text(harrow_text: Path) -> str:
    return harrow_text.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spacy_doc(report_text: str):
    """spaCy's blank English pipeline with the lookup lemmatizer, on the lower-cased report."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    return nlp(report_text.lower())


def test_token_offsets_slice_the_source(report_text: str) -> None:
    tokens = text.tokens(report_text)
    assert len(tokens) > 5000
    for token in tokens:
        assert report_text[token.start : token.end] == token.text
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)


def test_token_offsets_count_from_the_offset_given() -> None:
    source = "Care leavers’ plans were judged ‘Inadequate’ in 2025."
    for token in text.tokens(source[10:], offset=10):
        assert source[token.start : token.end] == token.text


def test_words_lemmas_and_stems() -> None:
    words = text.words("The children's PAs were visiting 1,200 care leavers, didn't they?")
    assert [w.text for w in words][:3] == ["The", "children's", "PAs"]
    assert "1,200" in [w.text for w in words]
    assert all(w.is_word for w in words)
    by_text = {w.text: w for w in words}
    assert by_text["children's"].lemma == "child"
    assert by_text["leavers"].lemma == "leaver"
    assert by_text["visiting"].lemma == "visit"
    assert by_text["leavers"].stem == text.stem("leaver")


def test_sentence_spans_slice_the_source(report_text: str) -> None:
    spans = text.sentence_spans(report_text)
    assert len(spans) > 200
    for start, end in spans:
        piece = report_text[start:end]
        assert piece == piece.strip() and piece
    assert [s for s, _ in spans] == sorted(s for s, _ in spans)


def test_sentence_spans_mind_abbreviations_and_quotes() -> None:
    source = "Cllr. Smith said “care leavers were let down.” Inspectors e.g. found gaps. Next."
    pieces = [source[s:e] for s, e in text.sentence_spans(source)]
    assert pieces == [
        "Cllr. Smith said “care leavers were let down.”",
        "Inspectors e.g. found gaps.",
        "Next.",
    ]


def _spacy_lemma(doc, start: int, end: int) -> str | None:
    """spaCy's lemma for the characters [start, end): its tokens there, joined as written,
    without a possessive "'s"; None when spaCy's tokens straddle the span."""
    span = doc.char_span(start, end, alignment_mode="strict")
    if span is None:
        return None
    tokens = list(span)
    if len(tokens) > 1 and tokens[-1].text in {"'s", "’s"}:
        tokens = tokens[:-1]
    return "".join(t.lemma_ + t.whitespace_ for t in tokens).strip()


def test_lemmas_agree_with_spacy_lookup_pipeline(report_text: str, spacy_doc) -> None:
    overrides = set(tomllib.loads(LEXICON.read_text(encoding="utf-8"))["lemma_overrides"])
    words = [w for w in text.words(report_text) if w.norm not in overrides]
    agree = 0
    misses: dict[str, str | None] = {}
    for word in words:
        theirs = _spacy_lemma(spacy_doc, word.start, word.end)
        if theirs == word.lemma:
            agree += 1
        else:
            misses[word.norm] = theirs
    share = agree / len(words)
    assert share >= 0.97, f"{share:.3f} agree; first differences: {list(misses.items())[:20]}"


def test_lemmas_agree_exactly_where_the_tokens_coincide(report_text: str, spacy_doc) -> None:
    overrides = set(tomllib.loads(LEXICON.read_text(encoding="utf-8"))["lemma_overrides"])
    theirs = {(t.idx, t.idx + len(t.text)): t.lemma_ for t in spacy_doc}
    pairs = [
        (w.lemma, theirs[(w.start, w.end)])
        for w in text.words(report_text)
        if w.norm not in overrides and (w.start, w.end) in theirs
    ]
    assert len(pairs) > 4000
    differ = [p for p in pairs if p[0] != p[1]]
    assert len(differ) <= 0.01 * len(pairs), differ[:20]
