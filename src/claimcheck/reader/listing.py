"""What ``claimcheck units`` shows: the units of reports as JSON lines or a rich table.

Pure functions of the reports, so the command stays a thin wrapper and the
output can be checked exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from ..render.common import printable
from ..types import Report, Unit

#: Characters of a unit's text shown in the table.
TEXT_WIDTH = 48


def record(unit: Unit) -> dict[str, Any]:
    """One unit as the JSON object ``--format jsonl`` prints."""
    out: dict[str, Any] = {
        "report": unit.report,
        "id": unit.id,
        "section": unit.section,
        "grade": unit.grade,
        "text": unit.text,
        "start": unit.start,
        "end": unit.end,
    }
    if unit.id == "judgements":
        out["grades"] = dict(unit.grades)
    if unit.pages:
        out["pages"] = list(unit.pages)
    return out


def jsonl(reports: Iterable[Report]) -> str:
    """Every unit of every report, one JSON object a line."""
    return "".join(
        json.dumps(record(unit), ensure_ascii=False) + "\n"
        for report in reports
        for unit in report.units
    )


def table(reports: Sequence[Report]) -> Table:
    """Every unit of every report as a table, its text cut to ``TEXT_WIDTH`` characters."""
    grid = Table(title="Report units")
    longest_report = max((len(r.document.id) for r in reports), default=6)
    # One line a unit: long cells end in an ellipsis rather than wrap.
    grid.add_column("report", no_wrap=True, min_width=min(longest_report, 20))
    grid.add_column("id", no_wrap=True, min_width=10)
    grid.add_column("section", no_wrap=True, overflow="ellipsis", min_width=10, max_width=16)
    grid.add_column("grade", no_wrap=True, overflow="ellipsis", min_width=8, max_width=10)
    grid.add_column("text", overflow="ellipsis", ratio=1, min_width=16)
    for report in reports:
        for unit in printable(report).units:  # no escape sequences from a PDF's text
            text = unit.text if len(unit.text) <= TEXT_WIDTH else unit.text[: TEXT_WIDTH - 1] + "…"
            cells = (unit.report, unit.id, unit.section, unit.grade, text)
            grid.add_row(*(Text(x, no_wrap=True, overflow="ellipsis") for x in cells))
    return grid
