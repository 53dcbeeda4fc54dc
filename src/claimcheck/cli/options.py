"""Options shared by ``check``, ``batch`` and ``eval``, and the config they build."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the library is imported only when a command runs
    from ..check import Config

ReportOption = Annotated[
    Path | None,
    typer.Option("--report", "-r", help="Report to check against (.txt or .pdf); "
                 "default: the bundled corpus's report."),
]
LexiconOption = Annotated[
    list[Path] | None,
    typer.Option("--lexicon", "-l", help="A TOML file of your own lexicon entries, merged "
                 "over the built-in ones (repeatable)."),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Read and index the report afresh; keep nothing.")
]


def config(report: Path | None, lexicons: list[Path] | None, no_cache: bool) -> Config:
    """The library's Config from the shared options."""
    from ..check import Config

    return Config(report=report, lexicon_files=tuple(lexicons or ()), use_cache=not no_cache)
