"""``python -m claimcheck``: the same command as the ``claimcheck`` console script."""

from .cli import main

main()
