"""A progress bar for long batch runs, shown only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator

from ..types import Document


def progress_for(quiet: bool) -> Callable[[Iterable[Document]], Iterable[Document]]:
    """A wrapper that shows a rich progress bar on stderr, or passes items through.

    No bar with ``--quiet``, when stderr is not a terminal (piped, CI), or for a
    single statement.
    """

    def show(docs: Iterable[Document]) -> Iterator[Document]:
        items = list(docs)
        if quiet or len(items) < 2 or not sys.stderr.isatty():
            yield from items
            return
        from rich.console import Console
        from rich.progress import track

        yield from track(items, description="Checking statements",
                         console=Console(stderr=True), transient=True)

    return show
