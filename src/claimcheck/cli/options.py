"""Options shared by ``check``, ``batch``, ``units`` and ``eval``, and the config they build."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the library is imported only when a command runs
    from ..check import Config

ReportOption = Annotated[
    Path | None,
    typer.Option("--report", "-r", help="Report to check against: a file (.txt or .pdf), a "
                 "corpus id (harrow-2025) or a council in the reports library (essex, "
                 "'West Sussex', essex:2023); default: the bundled corpus's report."),
]
ReportsOption = Annotated[
    Path | None,
    typer.Option("--reports", envvar="CLAIMCHECK_REPORTS", help="A reports library: a folder "
                 "of COUNCIL-YYYY-MM-DD.pdf files where --report may name a council.",
                 show_envvar=True),
]
CorpusOption = Annotated[
    Path | None,
    typer.Option("--corpus", envvar="CLAIMCHECK_CORPUS", help="A corpus folder with a "
                 "manifest.toml; default: the bundled corpus.", show_envvar=True),
]
LexiconOption = Annotated[
    list[Path] | None,
    typer.Option("--lexicon", "-l", help="A TOML file of your own lexicon entries, merged "
                 "over the built-in ones (repeatable)."),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Read and index the report afresh; keep nothing.")
]
MaxStatementOption = Annotated[
    float, typer.Option("--max-statement-mb", min=0.001, help="The largest statement read, "
                        "in megabytes.")
]
MaxReportOption = Annotated[
    float, typer.Option("--max-report-mb", min=0.001, help="The largest report file read, "
                        "in megabytes.")
]
#: The defaults of the two limits, in megabytes (``corpus.STATEMENT_LIMIT``, ``REPORT_LIMIT``).
STATEMENT_MB = 2.0
REPORT_MB = 50.0


def write_utf8(text: str) -> None:
    """A file format (JSON, CSV, HTML, Markdown) on standard output, as UTF-8 whatever the
    locale: the formats say they are UTF-8, and a legacy terminal encoding cannot hold
    every character a statement may contain."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # replaced by a text-only stream (tests)
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def warn(message: str) -> None:
    """A warning as one line on stderr."""
    typer.echo(f"claimcheck: warning: {message}", err=True)


JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", min=0, help="Processes that read and index uncached reports and judge "
    "statements of thousands of sentences; 0: one per core, 1: all in this process.")]


def config(report: Path | None, lexicons: list[Path] | None, no_cache: bool,
           corpus: Path | None = None, reports: Path | None = None,
           statement_mb: float = STATEMENT_MB, report_mb: float = REPORT_MB) -> Config:
    """The library's Config from the shared options."""
    from ..check import Config

    return Config(report=report, lexicon_files=tuple(lexicons or ()), use_cache=not no_cache,
                  corpus_root=corpus, reports_dir=reports,
                  statement_limit=megabytes(statement_mb), report_limit=megabytes(report_mb),
                  warn=warn)


def megabytes(value: float) -> int:
    """Megabytes as bytes."""
    return int(value * 1_000_000)
