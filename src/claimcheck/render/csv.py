"""CSV for spreadsheets: one row per sentence, evidence flattened into three columns.

Columns: ``doc, sentence, start, end, checkworthy, label, confidence, evidence_units,
evidence_scores, evidence_quotes, explanation, evidence_pages``. Evidence is best first:
the units as "41; 34", their scores as "0.812; 0.433", their quotes one per line inside
one cell, and their PDF pages as "12; 9-10", in the same order as the units.
``checkworthy`` is "true" or "false"; ``label`` is empty for a sentence not worth checking.

The text starts with a byte order mark and ends lines with CRLF (RFC 4180), which is
what Excel needs to read UTF-8. A text cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..types import DocumentVerdicts, Report, Verdict
from . import Options
from .jsonl import record

COLUMNS = (
    "doc",
    "sentence",
    "start",
    "end",
    "checkworthy",
    "label",
    "confidence",
    "evidence_units",
    "evidence_scores",
    "evidence_quotes",
    "explanation",
    "evidence_pages",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """A text cell made safe from spreadsheet formula injection."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _pages(pages: list[int]) -> str:
    if not pages:
        return ""
    return str(pages[0]) if pages[0] == pages[-1] else f"{pages[0]}-{pages[-1]}"


def row(verdict: Verdict, report: Report | None = None) -> list[str]:
    """The cells of one sentence, in the order of :data:`COLUMNS`: the JSON Lines record
    with its evidence spread over four columns."""
    r = record(verdict, report)
    evidence = r["evidence"]
    return [
        cell(r["doc"]),
        cell(r["sentence"]),
        str(r["start"]),
        str(r["end"]),
        "true" if r["checkworthy"] else "false",
        r["label"] or "",
        f"{r['confidence']:g}",
        cell("; ".join(ev["unit"] for ev in evidence)),
        "; ".join(f"{ev['score']:g}" for ev in evidence),
        cell("\n".join(ev["quote"] for ev in evidence)),
        cell(r["explanation"]),
        "; ".join(_pages(ev["pages"]) for ev in evidence) if any(
            ev["pages"] for ev in evidence) else "",
    ]


def render(results: Sequence[DocumentVerdicts], options: Options) -> str:
    """A header row and one row per sentence of every statement."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for result in results:
        for verdict in result.verdicts:
            writer.writerow(row(verdict, result.report))
    return "\ufeff" + buffer.getvalue()
