"""The ``claimcheck`` command: thin commands over the library.

Each command module registers itself on ``app``; library errors become one
line and exit status 1 in ``app``'s group. Heavy imports stay inside the
commands that need them, so ``claimcheck --help`` starts fast.
"""

from __future__ import annotations

from . import check as _check  # noqa: F401  (registers the commands)
from . import eval as _eval  # noqa: F401
from . import show as _show  # noqa: F401
from . import units as _units  # noqa: F401
from .app import app


def main() -> None:
    """Entry point of the console script."""
    app()
