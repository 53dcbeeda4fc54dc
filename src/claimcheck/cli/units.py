"""``claimcheck units``: show the units read from inspection reports."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .options import (
    REPORT_MB,
    CorpusOption,
    MaxReportOption,
    ReportsOption,
    megabytes,
    warn,
    write_utf8,
)


class Format(StrEnum):
    """How ``claimcheck units`` prints."""

    TABLE = "table"
    JSONL = "jsonl"


@app.command()
def units(
    reports: Annotated[
        list[Path], typer.Argument(help="Report files (.pdf, .txt, .md), corpus ids, or "
                                   "councils in the reports library (essex, essex:2023).")
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or jsonl.")] = Format.TABLE,
    reports_dir: ReportsOption = None,
    corpus: CorpusOption = None,
    max_report_mb: MaxReportOption = REPORT_MB,
) -> None:
    """Show the units read from ILACS reports: ids, sections, grades and text."""
    from rich.console import Console

    from ..reader import listing, read_reports

    # all first: a failure prints nothing half
    read = read_reports(reports, corpus, reports_dir, megabytes(max_report_mb))
    for report in read:
        for message in report.warnings:
            warn(message)
    if fmt is Format.JSONL:
        write_utf8(listing.jsonl(read))
    else:
        Console().print(listing.table(read))
