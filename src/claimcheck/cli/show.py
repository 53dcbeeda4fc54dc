"""``claimcheck show``: units of a report in full, each with a citation to paste."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .options import CorpusOption, ReportsOption


@app.command()
def show(
    report: Annotated[Path, typer.Argument(help="The report: a file, a corpus id or a council "
                                           "in the reports library (essex, essex:2023).")],
    unit_ids: Annotated[list[str], typer.Argument(
        metavar="UNIT", help="Unit ids as `claimcheck units` lists them (41, judgements, "
        "summary-1).")],
    reports: ReportsOption = None,
    corpus: CorpusOption = None,
) -> None:
    """Print units of a report in full, each with a citation line (council, report, date,
    paragraph, PDF page, URL)."""
    from .. import cite

    found, units = cite.show(report, unit_ids, corpus, reports)
    typer.echo(cite.text(found, units), nl=False)
