"""JSON Lines: one object per sentence, the contract other programs read.

``{"doc", "sentence", "start", "end", "checkworthy", "label", "confidence",
"evidence": [{"unit", "score", "quote", "pages", "citation"}], "explanation"}``; label is
null for a sentence not worth checking, evidence is best first, numbers have three
places; ``pages`` is the unit's first and last PDF page, empty when the report had no
pages, and ``citation`` cites the unit in full (council, report title, publisher, date,
unit, pages, URL), "" when the unit is not the report's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..cite import citation
from ..types import DocumentVerdicts, Report, Verdict
from . import Options
from .common import find_unit, score


def _where(report: Report | None, unit_id: str) -> dict[str, Any]:
    unit = find_unit(report, unit_id) if report else None
    if report is None or unit is None:
        return {"pages": [], "citation": ""}
    return {"pages": list(unit.pages), "citation": citation(report, unit)}


def record(verdict: Verdict, report: Report | None = None) -> dict[str, Any]:
    """The JSON object of one sentence; evidence pages come from ``report`` when given."""
    sentence = verdict.sentence
    return {
        "doc": sentence.doc,
        "sentence": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
        "checkworthy": sentence.checkworthy,
        "label": verdict.label.value if verdict.label is not None else None,
        "confidence": score(verdict.confidence),
        "evidence": [
            {"unit": ev.unit, "score": score(ev.score), "quote": ev.quote,
             **_where(report, ev.unit)}
            for ev in verdict.evidence
        ],
        "explanation": verdict.explanation,
    }


def render(results: Sequence[DocumentVerdicts], options: Options) -> str:
    """Every sentence of every statement, one JSON object a line, in reading order."""
    lines = [
        json.dumps(record(verdict, result.report), ensure_ascii=False)
        for result in results
        for verdict in result.verdicts
    ]
    return "".join(line + "\n" for line in lines)
