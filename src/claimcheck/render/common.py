"""What every renderer shares: unit names, deciding words, layout of a statement.

Kept free of any output syntax, so the terminal, Markdown and HTML renderers cite a
unit, mark a deciding word and place a claim in its statement the same way.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import quote, urlsplit

from ..types import Document, DocumentVerdicts, Evidence, Label, Report, Unit, Verdict

T = TypeVar("T")

#: Verdict labels in the order every summary lists them.
LABELS: tuple[Label, ...] = (
    Label.SUPPORTED,
    Label.SOFTENED,
    Label.CONTRADICTED,
    Label.UNVERIFIED,
)

#: Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
COLOURS: dict[Label, str] = {
    Label.SUPPORTED: "#0072B2",
    Label.SOFTENED: "#E69F00",
    Label.CONTRADICTED: "#D55E00",
    Label.UNVERIFIED: "#999999",
}

_FRAGMENT_SPLIT = re.compile(r"\s*(?:\.\.\.|…|;)\s*")
_QUOTE_CHARS = "\"'‘’“” "


def report_title(report: Report) -> str:
    """What to call a report: the title read from it, else its manifest title, else its id."""
    return report.title or report.document.title or report.document.id


def statement_title(doc: Document) -> str:
    """What to call a statement: its manifest title, else its id."""
    return doc.title or doc.id


def byline(doc: Document) -> list[str]:
    """Who made a statement and when, as far as known: [author or publisher, date]."""
    return [x for x in (doc.author or doc.publisher, doc.date) if x]


def verdict_summary(result: DocumentVerdicts) -> str:
    """ "Verdicts: 3 supported, 1 softened, 0 contradicted, 2 unverified; 4 not checked"."""
    tally = counts(result)
    found = ", ".join(f"{tally[label]} {label.value}" for label in LABELS)
    return f"Verdicts: {found}; {len(unchecked(result))} not checked"


def judged(result: DocumentVerdicts) -> list[Verdict]:
    """The verdicts of the statement's checkworthy sentences, in reading order."""
    return [v for v in result.verdicts if v.label is not None]


def unchecked(result: DocumentVerdicts) -> list[Verdict]:
    """The verdicts of sentences not worth checking, in reading order."""
    return [v for v in result.verdicts if v.label is None]


def note_numbers(result: DocumentVerdicts, first: int) -> dict[int, int]:
    """Note number of each checked sentence, keyed by its index, counting on from ``first``."""
    indexes = [i for i, v in enumerate(result.verdicts) if v.label is not None]
    return {i: first + n for n, i in enumerate(indexes)}


def counts(result: DocumentVerdicts) -> dict[Label, int]:
    """How many checkworthy sentences got each label, every label present."""
    tally = dict.fromkeys(LABELS, 0)
    for verdict in judged(result):
        assert verdict.label is not None
        tally[verdict.label] += 1
    return tally


def by_report(results: Sequence[DocumentVerdicts]) -> list[tuple[Report, list[DocumentVerdicts]]]:
    """Statements grouped under the report they were judged against, first-seen order."""
    groups: dict[str, tuple[Report, list[DocumentVerdicts]]] = {}
    for result in results:
        key = result.report.document.id
        if key not in groups:
            groups[key] = (result.report, [])
        groups[key][1].append(result)
    return list(groups.values())


def find_unit(report: Report, unit_id: str) -> Unit | None:
    """The report's unit with this id, None when the report has none."""
    try:
        return report.unit(unit_id)
    except KeyError:
        return None


def deciding_words(verdict: Verdict, unit_id: str) -> list[str]:
    """The report-side words of the steps that cite this unit, as separate fragments.

    A step may quote several pieces of evidence joined by "..." ("over 130 ... closed");
    each piece is searched for on its own. Steps that name no unit count for every unit.
    """
    fragments: list[str] = []
    for step in verdict.steps:
        if not step.evidence_words or step.unit not in ("", unit_id):
            continue
        for piece in _FRAGMENT_SPLIT.split(step.evidence_words):
            piece = piece.strip(_QUOTE_CHARS)
            if piece and piece not in fragments:
                fragments.append(piece)
    return fragments


def find_spans(
    text: str, fragments: Iterable[str], lo: int = 0, hi: int | None = None
) -> list[tuple[int, int]]:
    """Where the fragments occur as whole words in ``text[lo:hi]``, merged and sorted.

    Matching ignores case and treats any run of whitespace as one space, because the
    report's text was folded and a step's words may have been typed differently.
    """
    hi = len(text) if hi is None else hi
    spans: list[tuple[int, int]] = []
    for fragment in fragments:
        words = fragment.split()
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
        for match in re.compile(pattern, re.IGNORECASE).finditer(text, lo, hi):
            spans.append(match.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def quote_spans(verdict: Verdict, evidence: Evidence) -> list[tuple[int, int]]:
    """The deciding words of a verdict found in one evidence quote (offsets into the quote)."""
    return find_spans(evidence.quote, deciding_words(verdict, evidence.unit))


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text with the marks it carries.

    Attributes:
        text: The characters.
        quote: Inside the aligned quote.
        deciding: One of the deciding words.
    """

    text: str
    quote: bool = False
    deciding: bool = False


def segments(
    text: str, quote: tuple[int, int] | None, strong: Sequence[tuple[int, int]]
) -> list[Segment]:
    """Cut ``text`` into runs at the edges of the quote and of the deciding words."""
    cuts = {0, len(text)}
    if quote:
        cuts.update(quote)
    for start, end in strong:
        cuts.update((start, end))
    edges = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[Segment] = []
    for start, end in zip(edges, edges[1:], strict=False):
        if start == end:
            continue
        in_quote = bool(quote) and quote[0] <= start and end <= quote[1]  # type: ignore[index]
        in_strong = any(s <= start and end <= e for s, e in strong)
        out.append(Segment(text[start:end], in_quote, in_strong))
    return out


def unit_segments(unit: Unit, verdict: Verdict, evidence: Evidence) -> list[Segment]:
    """The unit's whole text with the aligned quote and the deciding words marked.

    The quote's offsets are trusted when they point at the quote; otherwise the quote
    is searched for, and when it is not in the unit only the deciding words are marked.
    Deciding words are looked for inside the quote first, then anywhere in the unit.
    """
    text = unit.text
    span: tuple[int, int] | None = None
    if evidence.quote and text[evidence.quote_start : evidence.quote_end] == evidence.quote:
        span = (evidence.quote_start, evidence.quote_end)
    elif evidence.quote and evidence.quote in text:
        found = text.index(evidence.quote)
        span = (found, found + len(evidence.quote))
    words = deciding_words(verdict, evidence.unit)
    strong = find_spans(text, words, *span) if span else []
    if not strong:
        strong = find_spans(text, words)
    return segments(text, span, strong)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a statement's text on one line, inside at most one sentence.

    Attributes:
        text: The characters.
        verdict: Index into the statement's verdicts, None between sentences.
        first: The run starts its sentence.
        last: The run ends its sentence.
    """

    text: str
    verdict: int | None = None
    first: bool = False
    last: bool = False


def layout(text: str, verdicts: Sequence[Verdict]) -> list[list[Piece]]:
    """The statement's text as lines of pieces, each sentence placed by its offsets.

    Sentences whose offsets fall outside the text, or overlap an earlier sentence, are
    left out of the text (the renderers still list them in their notes).

    Returns:
        One list of pieces per non-empty line of the statement.
    """
    spans = sorted(
        (v.sentence.start, v.sentence.end, i)
        for i, v in enumerate(verdicts)
        if 0 <= v.sentence.start < v.sentence.end <= len(text)
    )
    runs: list[Piece] = []
    pos = 0
    for start, end, index in spans:
        if start < pos:
            continue
        if start > pos:
            runs.append(Piece(text[pos:start]))
        runs.append(Piece(text[start:end], index, True, True))
        pos = end
    if pos < len(text):
        runs.append(Piece(text[pos:]))
    lines: list[list[Piece]] = [[]]
    for run in runs:
        parts = run.text.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append([])
            if part:
                lines[-1].append(
                    Piece(part, run.verdict, run.first and n == 0, run.last and n == len(parts) - 1)
                )
    return [_trim(line) for line in lines if "".join(p.text for p in line).strip()]


def _trim(line: list[Piece]) -> list[Piece]:
    """The line without leading and trailing whitespace outside sentences."""
    if line and line[0].verdict is None:
        line[0] = Piece(line[0].text.lstrip())
    if line and line[-1].verdict is None:
        line[-1] = Piece(line[-1].text.rstrip())
    return [p for p in line if p.text]


def placed(lines: Iterable[list[Piece]]) -> set[int]:
    """Indexes of the verdicts placed in the text, given the lines :func:`layout` made."""
    return {p.verdict for line in lines for p in line if p.verdict is not None}


def safe_url(url: str) -> str:
    """The URL when it is a plain web address, else "" (never a ``javascript:`` link).

    Every character a URL may not hold as written (spaces, quotes, ``<``, ``>``,
    backslashes, braces, non-ASCII) is percent-encoded, so the address cannot end a
    Markdown autolink ``<...>`` or an HTML attribute early and smuggle in markup.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return quote(url, safe=_URL_SAFE)
    return ""


# RFC 3986's reserved and unreserved characters, and "%" of escapes already made.
_URL_SAFE = "/:?#[]@!$&'()*+,;=%-._~"


def score(value: float) -> float:
    """A score or confidence rounded for output: three places."""
    return round(float(value), 3)


# Control characters as their visible pictures ("\x1b" as "␛"), one character for one
# so offsets stay valid; tab and line feed are kept, C1 controls become U+FFFD.
_CONTROLS = {**{code: 0x2400 + code for code in range(32) if code not in (9, 10)},
             0x7F: 0x2421, **{code: 0xFFFD for code in range(0x80, 0xA0)}}


def printable(value: T) -> T:
    """``value`` (a string, or a record holding strings) with control characters shown
    as pictures, so text from a statement or a PDF cannot send escape sequences to a
    terminal (recolour it, move the cursor, set the window title)."""
    if isinstance(value, enum.Enum):
        return value
    if isinstance(value, str):
        return value.translate(_CONTROLS)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(printable(item) for item in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: printable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)  # type: ignore[return-value]
    return value
