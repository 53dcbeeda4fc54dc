"""Typed records passed between the stages of claimcheck.

Every record is a frozen, slotted dataclass of strings, numbers and character
offsets, never a live parser object, so any output can be rebuilt from them and
a verdict replayed from its steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a corpus document is."""

    REPORT = "report"
    STATEMENT = "statement"


class Label(StrEnum):
    """The verdict on one claim."""

    SUPPORTED = "supported"
    SOFTENED = "softened"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class Document:
    """A report or a statement, with the metadata a user keeps in the manifest.

    Attributes:
        id: Short stable name, unique in the corpus ("harrow-2025").
        kind: Report or statement.
        path: Where the text was read from.
        text: The document's text (extracted text for a PDF).
        title: Human title.
        publisher: Who published it.
        date: ISO date of publication ("2025-03-04"), or "" when unknown.
        about: For a statement, the id of the report it talks about.
        author: The person or body who made the statement, if known.
        url: Where it was published, if known.
        previous: For a report, the id of the council's previous report, if known
            ("harrow-2020"): claims about the last inspection are checked against it too.
    """

    id: str
    kind: Kind
    path: str
    text: str
    title: str = ""
    publisher: str = ""
    date: str = ""
    about: str = ""
    author: str = ""
    url: str = ""
    previous: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """One citable unit of a report: a whole paragraph, bullet, table or header.

    Attributes:
        report: Id of the report document.
        id: "header", "judgements", "summary-N", "improve-N" or the paragraph number.
        section: Heading of the section the unit stands in ("" before the first).
        grade: That section's grade as the report words it ("" when none).
        text: The unit's text, rejoined across page breaks, whitespace folded.
        start: Offset of the unit's first character in the extracted source text.
        end: Offset just past its last character in the extracted source text.
        grades: For the judgements unit: (area, grade) rows as the report words them.
        pages: The PDF pages the unit stands on, first and last (1-based, the same
            number twice for one page); empty when the source has no page breaks.
    """

    report: str
    id: str
    section: str
    grade: str
    text: str
    start: int
    end: int
    grades: tuple[tuple[str, str], ...] = ()
    pages: tuple[int, ...] = ()


def unit_name(unit_id: str) -> str:
    """The unit as the report itself numbers it, for a reader ("paragraph 41").

    Args:
        unit_id: A unit id: "header", "judgements", "summary-N", "improve-N" or a number.

    Returns:
        "report header", "judgement table", "summary paragraph N", "improvement N",
        "paragraph N", or the id itself when it follows none of these shapes. A unit
        of another report, "REPORT:UNIT", is named "... of REPORT".
    """
    if ":" in unit_id:
        report, _, unit = unit_id.partition(":")
        return f"{unit_name(unit)} of {report}"
    if unit_id == "header":
        return "report header"
    if unit_id == "judgements":
        return "judgement table"
    if unit_id.isdigit():
        return f"paragraph {unit_id}"
    prefix, _, number = unit_id.rpartition("-")
    if number.isdigit() and prefix == "summary":
        return f"summary paragraph {number}"
    if number.isdigit() and prefix == "improve":
        return f"improvement {number}"
    return unit_id


@dataclass(frozen=True, slots=True)
class Report:
    """A report read into units, with what its header says."""

    document: Document
    units: tuple[Unit, ...]
    title: str = ""
    dates: str = ""
    lead_inspector: str = ""
    warnings: tuple[str, ...] = ()  # why the report looks incomplete, when it does

    @property
    def grades(self) -> tuple[tuple[str, str], ...]:
        """The judgement table's (area, grade) rows, empty when none was read."""
        for unit in self.units:
            if unit.id == "judgements":
                return unit.grades
        return ()

    @property
    def place(self) -> str:
        """The council the report inspects, from its title ("Inspection of Harrow local
        authority children's services" -> "Harrow"), or ""."""
        found = re.search(r"\binspection of (.+?) (?:local authority|children)",
                          self.title or self.document.title, re.IGNORECASE)
        return found.group(1) if found else ""

    @property
    def year(self) -> str:
        """The year of the inspection: the last year in the header's dates, else the year
        of publication, else ""."""
        years = re.findall(r"\b(?:19|20)\d\d\b", self.dates)
        return years[-1] if years else self.document.date[:4]

    def unit(self, unit_id: str) -> Unit:
        """The unit with this id; KeyError when the report has none."""
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a statement, with whether it is worth checking and why.

    Attributes:
        doc: Id of the statement document.
        text: The sentence as written.
        start: Offset of its first character in the statement.
        end: Offset just past its last character.
        checkworthy: Whether it asserts something the report could confirm or deny.
        reason: Plain words on why it is or is not checkworthy.
        claim: The text to check, when it differs from the sentence: the embedded
            claim of reported speech, without the attribution ("" means the sentence).
        parts: The clauses of a sentence that joins several claims, each checked
            on its own; empty when the sentence is one claim.
        after_report: True when the claim speaks of a time after the report ("now").
    """

    doc: str
    text: str
    start: int
    end: int
    checkworthy: bool
    reason: str
    claim: str = ""
    parts: tuple[str, ...] = ()
    after_report: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """A report unit that bears on a claim.

    Attributes:
        unit: The unit's id.
        score: How strongly it bears on the claim, in [0, 1].
        quote: The sentence of the unit that aligns best with the claim.
        quote_start: Offset of the quote in the unit's text.
        quote_end: Offset just past the quote in the unit's text.
        matched: Claim words (lemmas) found in the unit, strongest first.
    """

    unit: str
    score: float
    quote: str
    quote_start: int
    quote_end: int
    matched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    """One comparison that fired while deciding a verdict.

    Attributes:
        axis: What was compared: "grade", "polarity", "quantity", "severity",
            "hedge", "qualifier", "time", "retrieval" or "part".
        outcome: The label this step points to.
        claim_words: The words on the claim's side.
        evidence_words: The words on the report's side ("" when none).
        unit: The unit the evidence words come from ("" when none).
        note: The step in plain words.
        final: For an unverified step, that it decides: the claim rests on something the
            report does not cover (see ``decision``); otherwise the step is a note.
    """

    axis: str
    outcome: Label
    claim_words: str
    evidence_words: str
    unit: str
    note: str
    final: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one sentence of a statement.

    Attributes:
        sentence: The sentence judged.
        label: The verdict; None when the sentence is not checkworthy.
        confidence: How sure the rules are, in [0, 1]; 0 when not checkworthy.
        evidence: The units that bear on it, best first.
        steps: The comparisons that decided it, in the order they were made.
        explanation: One plain line saying why.
        part: The clause that decided the verdict, for a sentence of several parts.
    """

    sentence: Sentence
    label: Label | None
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    steps: tuple[Step, ...] = ()
    explanation: str = ""
    part: str = ""


@dataclass(frozen=True, slots=True)
class DocumentVerdicts:
    """Every sentence of one statement, judged against one report."""

    document: Document
    report: Report
    verdicts: tuple[Verdict, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a statement given as a file, beyond its text.

    From ``--title``, ``--author``, ``--date`` and ``--url``, or from front matter at the
    top of a Markdown file; "" where unknown.
    """

    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    publisher: str = ""

    def over(self, other: Metadata) -> Metadata:
        """These fields where given, ``other``'s elsewhere."""
        return Metadata(*(mine or theirs for mine, theirs in zip(
            (self.title, self.author, self.date, self.url, self.publisher),
            (other.title, other.author, other.date, other.url, other.publisher), strict=True)))
