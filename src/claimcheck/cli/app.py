"""The typer application every command module registers on."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ..errors import ClaimcheckError


class _Group(TyperGroup):
    """Turns a library error into one line on stderr and exit status 1."""

    def invoke(self, ctx: Any) -> Any:  # typer vendors its own click Context type
        try:
            return super().invoke(ctx)
        except ClaimcheckError as err:
            typer.echo(f"claimcheck: error: {err}", err=True)
            ctx.exit(1)


app = typer.Typer(
    cls=_Group,
    name="claimcheck",
    help="Check public statements against the inspection report they talk about.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Check public statements against the inspection report they talk about."""
