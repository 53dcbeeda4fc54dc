"""JSON Lines: one object per sentence, the contract other programs read.

``{"doc", "sentence", "start", "end", "checkworthy", "label", "confidence",
"evidence": [{"unit", "score", "quote"}], "explanation"}``; label is null for a
sentence not worth checking, evidence is best first, numbers have three places.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..types import DocumentVerdicts, Verdict
from . import Options
from .common import score


def record(verdict: Verdict) -> dict[str, Any]:
    """The JSON object of one sentence."""
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
            {"unit": ev.unit, "score": score(ev.score), "quote": ev.quote}
            for ev in verdict.evidence
        ],
        "explanation": verdict.explanation,
    }


def render(results: Sequence[DocumentVerdicts], options: Options) -> str:
    """Every sentence of every statement, one JSON object a line, in reading order."""
    lines = [
        json.dumps(record(verdict), ensure_ascii=False)
        for result in results
        for verdict in result.verdicts
    ]
    return "".join(line + "\n" for line in lines)
