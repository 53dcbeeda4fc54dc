"""``claimcheck eval``: score claimcheck on its labelled claim sets."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import app
from .options import CorpusOption, LexiconOption, NoCacheOption, config


@app.command("eval")
def eval_(
    sets: Annotated[list[str] | None, typer.Argument(
        help="Claim sets to score (names in claims/sets.toml); default: all.")] = None,
    misses: Annotated[bool, typer.Option("--misses", help="List every wrong verdict.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print the summary as a "
                                           "Markdown table (as in the README).")] = False,
    corpus: CorpusOption = None,
    lexicon: LexiconOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Score verdicts, checkworthiness and evidence on the labelled claim sets."""
    from rich.console import Console

    from ..evaluate import run
    from ..render.scores import markdown as markdown_table
    from ..render.scores import scores

    results = run(tuple(sets or ()), config(None, lexicon, no_cache, corpus))
    if markdown:
        typer.echo(markdown_table(results), nl=False)
    else:
        scores(Console(highlight=False), results, misses)
