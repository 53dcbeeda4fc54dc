"""HTML: one self-contained page of annotated statements, readable on screen and on paper.

The page has no script and loads nothing: CSS and the SVG charts are inline and a
Content-Security-Policy forbids anything else. Jinja2 escapes every value (autoescape
on), and links are only ever made from http(s) addresses, so no statement can inject
markup or a ``javascript:`` link. Each highlighted claim is a plain link to its note,
and each note links back: it works with a keyboard and without JavaScript. Verdicts are
told apart by colour (Okabe-Ito tints), underline style and a text tag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import jinja2

from ..cite import pages
from ..types import DocumentVerdicts, Label, Report, Verdict, unit_name
from . import Options
from .common import (
    COLOURS,
    LABELS,
    Segment,
    by_report,
    byline,
    counts,
    find_unit,
    layout,
    note_numbers,
    placed,
    report_title,
    safe_url,
    statement_title,
    unit_segments,
    verdict_summary,
)

#: Light tints of the same colours, behind highlighted sentences.
TINTS: dict[Label, str] = {
    Label.SUPPORTED: "#cfe4f2",
    Label.SOFTENED: "#fbe2a8",
    Label.CONTRADICTED: "#f5c6a5",
    Label.UNVERIFIED: "#e4e4e4",
}

_BAR_X, _BAR_MAX, _ROW = 96, 180, 20


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment, autoescaping every template whatever its name."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("claimcheck.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "statement"


def _chart(result: DocumentVerdicts, chart_id: str) -> dict[str, Any]:
    tally = counts(result)
    top = max([*tally.values(), 1])
    rows = []
    for i, label in enumerate(LABELS):
        width = round(_BAR_MAX * tally[label] / top)
        rows.append(
            {
                "label": label.value,
                "count": tally[label],
                "y": i * _ROW,
                "width": width,
                "colour": COLOURS[label],
            }
        )
    return {
        "id": chart_id,
        "rows": rows,
        "bar_x": _BAR_X,
        "width": _BAR_X + _BAR_MAX + 32,
        "height": len(LABELS) * _ROW,
        "summary": verdict_summary(result),
    }


def _units(report: Report, verdict: Verdict) -> list[dict[str, Any]]:
    out = []
    for evidence in verdict.evidence:
        unit = find_unit(report, evidence.unit)
        if unit is not None:
            segs = unit_segments(unit, verdict, evidence)
            section, grade, page = unit.section, unit.grade, pages(unit)
        else:
            segs = [Segment(evidence.quote, quote=True)]
            section, grade, page = "", "", ""
        out.append(
            {
                "name": unit_name(evidence.unit),
                "score": f"{evidence.score:.2f}",
                "section": section,
                "grade": grade,
                "pages": page,
                "segments": segs,
            }
        )
    return out


def _statement(result: DocumentVerdicts, index: int, first_note: int) -> dict[str, Any]:
    doc = result.document
    anchor = f"s{index}-{_slug(doc.id)}"
    numbers = note_numbers(result, first_note)
    laid_out = layout(doc.text, result.verdicts)
    lines = []
    for line in laid_out:
        pieces = []
        for piece in line:
            item: dict[str, Any] = {"text": piece.text, "first": piece.first, "last": piece.last}
            if piece.verdict is None:
                item["kind"] = "text"
                pieces.append(item)
                continue
            said = result.verdicts[piece.verdict]
            if said.label is None:
                item.update(kind="skip", reason=said.sentence.reason)
            else:
                item.update(kind="claim", label=said.label.value, note=numbers[piece.verdict])
            pieces.append(item)
        lines.append(pieces)
    in_text = placed(laid_out)
    notes = []
    for i, number in numbers.items():
        verdict = result.verdicts[i]
        assert verdict.label is not None
        notes.append(
            {
                "number": number,
                "label": verdict.label.value,
                "confidence": f"{verdict.confidence:.2f}",
                "sentence": verdict.sentence.text,
                "claim": verdict.sentence.claim
                if verdict.sentence.claim != verdict.sentence.text
                else "",
                "part": verdict.part,
                "explanation": verdict.explanation,
                "steps": [{"axis": s.axis, "note": s.note} for s in verdict.steps],
                "units": _units(result.report, verdict),
                "placed": i in in_text,
            }
        )
    return {
        "anchor": anchor,
        "title": statement_title(doc),
        "byline": ", ".join(byline(doc)),
        "url": safe_url(doc.url),
        "chart": _chart(result, f"chart-{anchor}"),
        "lines": lines,
        "notes": notes,
    }


def page(results: Sequence[DocumentVerdicts], options: Options) -> dict[str, Any]:
    """The values the template shows: reports, their statements and notes."""
    reports: list[dict[str, Any]] = []
    note = 1
    index = 1
    for report, group in by_report(results):
        statements = []
        for result in group:
            statement = _statement(result, index, note)
            note += len(statement["notes"])
            index += 1
            statements.append(statement)
        doc = report.document
        reports.append(
            {
                "title": report_title(report),
                "published": ", ".join(x for x in (doc.publisher, doc.date) if x),
                "dates": report.dates,
                "lead_inspector": report.lead_inspector,
                "url": safe_url(doc.url),
                "grades": report.grades,
                "statements": statements,
            }
        )
    title = options.title or "claimcheck: " + "; ".join(str(r["title"]) for r in reports)
    return {
        "title": title,
        "reports": reports,
        "labels": [
            {"name": label.value, "colour": COLOURS[label], "tint": TINTS[label]}
            for label in LABELS
        ],
        "review_date": options.review_date,
        "reviewer": options.reviewer_name,
    }


def render(results: Sequence[DocumentVerdicts], options: Options) -> str:
    """The whole page as one string."""
    return environment().get_template("report.html").render(page(results, options))
