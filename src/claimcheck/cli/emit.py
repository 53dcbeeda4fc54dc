"""Writing verdicts in the format asked for: shared by ``check`` and ``batch``."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..render import Format
    from ..types import DocumentVerdicts

FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", help="terminal, jsonl, csv, markdown, html or claimreview "
                 "(any case); default: from the --out file's extension, else terminal."),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write to this file (whole or not at all) instead of "
                 "stdout; .html, .md, .jsonl, .csv or .json chooses the format."),
]
ReviewerOption = Annotated[str, typer.Option(help="Reviewing organisation, for ClaimReview.")]
ReviewerUrlOption = Annotated[str, typer.Option(help="Its web address, for ClaimReview.")]


def output_format(fmt: str | None, out: Path | None) -> Format:
    """The format from ``--format``, else from ``--out``'s extension, else the terminal."""
    from ..render import Format

    try:
        form = Format.named(fmt) if fmt else Format.for_file(out) if out else Format.TERMINAL
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--out" if not fmt else "--format"
                                 ) from None
    if form is Format.TERMINAL and out:
        raise typer.BadParameter("--out needs a file format (jsonl, csv, markdown, html, "
                                 "claimreview)", param_hint="--out")
    return form


def emit(results: Sequence[DocumentVerdicts], form: Format, out: Path | None,
         reviewer: str, reviewer_url: str, batch_view: bool) -> None:
    """Print or write the verdicts: the terminal view, or a file format to stdout or ``out``."""
    from rich.console import Console

    from ..output import write_atomic
    from ..render import Format, Options, render, terminal
    from .options import write_utf8

    if form is Format.TERMINAL:
        console = Console(highlight=False)
        (terminal.batch if batch_view else terminal.check)(console, results)
        return
    options = Options(reviewer_name=reviewer, reviewer_url=reviewer_url,
                      review_date=datetime.date.today().isoformat())
    text = render(form, results, options)
    if out:
        write_atomic(out, text)
    else:
        write_utf8(text)
