"""``claimcheck check`` and ``claimcheck batch``: verdicts on statements."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .options import (
    REPORT_MB,
    STATEMENT_MB,
    LexiconOption,
    MaxReportOption,
    MaxStatementOption,
    NoCacheOption,
    ReportOption,
    config,
    megabytes,
    write_utf8,
)


@app.command()
def check(
    statement: Annotated[str, typer.Argument(help='The statement to check, or "-" for stdin.')],
    report: ReportOption = None,
    lexicon: LexiconOption = None,
    no_cache: NoCacheOption = False,
    max_statement_mb: MaxStatementOption = STATEMENT_MB,
    max_report_mb: MaxReportOption = REPORT_MB,
) -> None:
    """Check a statement: one verdict per checkworthy sentence, with cited paragraphs."""
    from ..corpus import from_argument, read_stream
    from ..errors import InputError

    if statement == "-":
        source = read_stream(sys.stdin.buffer if sys.stdin else None, "standard input",
                             megabytes(max_statement_mb))
    elif not statement.strip():
        raise InputError("the statement is empty; give text in quotes or pipe it with '-'")
    else:
        source = from_argument(statement, "the statement")
    from rich.console import Console  # the pipeline is imported once the input is read

    from ..check import check_text
    from ..render import terminal

    result = check_text(source, config(report, lexicon, no_cache, max_statement_mb,
                                       max_report_mb))
    terminal.check(Console(highlight=False), [result])


@app.command()
def batch(
    files: Annotated[list[Path] | None, typer.Argument(
        help="Statement files (.txt, .md, .html); default: every statement in the corpus.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="terminal, jsonl, csv, markdown, "
                                     "html or claimreview.")] = "terminal",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file (whole "
                                             "or not at all) instead of stdout.")] = None,
    report: ReportOption = None,
    lexicon: LexiconOption = None,
    reviewer: Annotated[str, typer.Option(help="Reviewing organisation, for ClaimReview.")
                        ] = "claimcheck",
    reviewer_url: Annotated[str, typer.Option(help="Its web address, for ClaimReview.")] = "",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    no_cache: NoCacheOption = False,
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", help="A corpus folder with a manifest.toml; default: the bundled one.")
    ] = None,
    max_statement_mb: MaxStatementOption = STATEMENT_MB,
    max_report_mb: MaxReportOption = REPORT_MB,
) -> None:
    """Check every sentence of statement files, with a summary per document."""
    from rich.console import Console

    from .. import check as library
    from ..output import check_target, write_atomic
    from ..render import Format, Options, render, terminal
    from .progress import progress_for

    try:
        form = Format(fmt)
    except ValueError:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose one of "
                                 f"{', '.join(f.value for f in Format)}",
                                 param_hint="--format") from None
    if form is Format.TERMINAL and out:
        raise typer.BadParameter("--out needs a file format (jsonl, csv, markdown, html, "
                                 "claimreview)", param_hint="--out")
    cfg = config(report, lexicon, no_cache, max_statement_mb, max_report_mb, corpus)
    if out:
        check_target(out, library.inputs(files or [], cfg))
    results = library.batch(files or [], cfg, progress=progress_for(quiet))
    if form is Format.TERMINAL:
        terminal.batch(Console(highlight=False), results)
        return
    options = Options(reviewer_name=reviewer, reviewer_url=reviewer_url,
                      review_date=datetime.date.today().isoformat())
    text = render(form, results, options)
    if out:
        write_atomic(out, text)
    else:
        write_utf8(text)
