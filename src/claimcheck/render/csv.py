"""CSV for spreadsheets: one row per sentence, evidence flattened into three columns.

Columns: ``doc, sentence, start, end, checkworthy, label, confidence, evidence_units,
evidence_scores, evidence_quotes, explanation``. Evidence is best first: the units as
"41; 34", their scores as "0.812; 0.433", and their quotes one per line inside one
cell, in the same order as the units. ``checkworthy`` is "true" or "false"; ``label``
is empty for a sentence not worth checking.

The text starts with a byte order mark and ends lines with CRLF (RFC 4180), which is
what Excel needs to read UTF-8. A text cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..types import DocumentVerdicts, Verdict
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
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """A text cell made safe from spreadsheet formula injection."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(verdict: Verdict) -> list[str]:
    """The cells of one sentence, in the order of :data:`COLUMNS`: the JSON Lines record
    with its evidence spread over three columns."""
    r = record(verdict)
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
    ]


def render(results: Sequence[DocumentVerdicts], options: Options) -> str:
    """A header row and one row per sentence of every statement."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for result in results:
        for verdict in result.verdicts:
            writer.writerow(row(verdict))
    return "\ufeff" + buffer.getvalue()
