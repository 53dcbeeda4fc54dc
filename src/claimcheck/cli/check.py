"""``claimcheck check`` and ``claimcheck batch``: verdicts on statements."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .emit import (
    FormatOption,
    OutOption,
    ReviewerOption,
    ReviewerUrlOption,
    emit,
    output_format,
)
from .options import (
    REPORT_MB,
    STATEMENT_MB,
    CorpusOption,
    JobsOption,
    LexiconOption,
    MaxReportOption,
    MaxStatementOption,
    NoCacheOption,
    ReportOption,
    ReportsOption,
    config,
    megabytes,
)


@app.command()
def check(
    statement: Annotated[str, typer.Argument(help='The statement to check, or "-" for stdin.')],
    report: ReportOption = None,
    fmt: FormatOption = None,
    out: OutOption = None,
    reports: ReportsOption = None,
    corpus: CorpusOption = None,
    lexicon: LexiconOption = None,
    reviewer: ReviewerOption = "claimcheck",
    reviewer_url: ReviewerUrlOption = "",
    explain: Annotated[bool, typer.Option(
        "--explain", help="After each verdict, print its trace: how the claim and each "
        "evidence sentence were read, every step, and the decision table's row.")] = False,
    no_cache: NoCacheOption = False,
    max_statement_mb: MaxStatementOption = STATEMENT_MB,
    max_report_mb: MaxReportOption = REPORT_MB,
    jobs: JobsOption = 0,
) -> None:
    """Check a statement: one verdict per checkworthy sentence, with cited paragraphs."""
    from ..corpus import from_argument, read_stream
    from ..errors import InputError
    from ..inputs import refuse_url

    form = output_format(fmt, out)
    if statement == "-":
        source = read_stream(sys.stdin.buffer if sys.stdin else None, "standard input",
                             megabytes(max_statement_mb))
    elif not statement.strip():
        raise InputError("the statement is empty; give text in quotes or pipe it with '-'")
    else:
        source = from_argument(statement, "the statement")
    if not source.strip():
        raise InputError("the statement is empty; give text in quotes or pipe it with '-'")
    if len(source.split()) == 1:
        refuse_url(source.strip())
    from dataclasses import replace

    from ..check import Checker, check_text  # the pipeline is imported once the input is read

    settings = replace(config(report, lexicon, no_cache, corpus, reports,
                              statement_mb=max_statement_mb, report_mb=max_report_mb),
                       jobs=jobs)
    if out:
        from ..check import inputs
        from ..output import check_target

        check_target(out, inputs([], settings))
    checker = Checker(settings)
    result = check_text(source, settings, checker=checker)
    emit([result], form, out, reviewer, reviewer_url, batch_view=False)
    if explain:
        from .. import trace

        # beside a file format on stdout, the trace goes to stderr so the file stays whole
        aside = out is not None or form.value != "terminal"
        for verdict in result.verdicts:
            typer.echo(f"\ntrace: {verdict.sentence.text}", err=aside)
            typer.echo("\n".join(trace.lines(verdict, checker.lexicons)), err=aside)


@app.command()
def batch(
    files: Annotated[list[Path] | None, typer.Argument(
        help="Statement files (.txt, .md, .html, .pdf, .docx); default: every statement in "
             "the corpus.")] = None,
    fmt: FormatOption = None,
    out: OutOption = None,
    report: ReportOption = None,
    reports: ReportsOption = None,
    corpus: CorpusOption = None,
    title: Annotated[str, typer.Option(help="Title of the statement files.")] = "",
    author: Annotated[str, typer.Option(help="Who made the statements (a person or body).")
                      ] = "",
    date: Annotated[str, typer.Option(help="When they were published (ISO: 2025-03-04).")] = "",
    url: Annotated[str, typer.Option(help="Where they were published.")] = "",
    lexicon: LexiconOption = None,
    reviewer: ReviewerOption = "claimcheck",
    reviewer_url: ReviewerUrlOption = "",
    jobs: JobsOption = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    no_cache: NoCacheOption = False,
    max_statement_mb: MaxStatementOption = STATEMENT_MB,
    max_report_mb: MaxReportOption = REPORT_MB,
) -> None:
    """Check every sentence of statement files, with a summary per document."""
    from dataclasses import replace

    from .. import check as library
    from ..output import check_target
    from ..types import Metadata
    from .progress import progress_for

    form = output_format(fmt, out)
    settings = replace(config(report, lexicon, no_cache, corpus, reports,
                              statement_mb=max_statement_mb, report_mb=max_report_mb),
                       metadata=Metadata(title, author, date, url), jobs=jobs)
    if out:
        check_target(out, library.inputs(files or [], settings))
    run = library.run_batch(files or [], settings, progress=progress_for(quiet))
    emit(run.results, form, out, reviewer, reviewer_url, batch_view=True)
    for failure in run.failures:
        typer.echo(f"claimcheck: error: {failure}", err=True)
    if run.failures:
        raise typer.Exit(1)
