"""Options shared by ``check``, ``batch``, ``units`` and ``eval``, and the config they build."""

from __future__ import annotations

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


def config(report: Path | None, lexicons: list[Path] | None, no_cache: bool,
           corpus: Path | None = None, reports: Path | None = None) -> Config:
    """The library's Config from the shared options."""
    from ..check import Config

    return Config(report=report, lexicon_files=tuple(lexicons or ()), use_cache=not no_cache,
                  corpus_root=corpus, reports_dir=reports)
