"""Renderers: turn judged statements into something a reader or another program can use.

Every renderer is a pure function of the verdicts and an :class:`Options`, so its
output can be compared with a golden file. The terminal renderer prints to a rich
``Console`` (see :mod:`claimcheck.render.terminal`); every other format returns text
through :func:`render`, which the CLI writes with :func:`claimcheck.output.write_atomic`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..types import DocumentVerdicts


class Format(StrEnum):
    """The output formats of ``claimcheck check`` and ``claimcheck batch``."""

    TERMINAL = "terminal"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    CLAIMREVIEW = "claimreview"

    @classmethod
    def named(cls, name: str) -> Format:
        """The format called ``name``, in any case ("HTML", "md" and "json" too).

        Raises:
            ValueError: No format has that name; the message lists them.
        """
        key = name.strip().lower()
        key = _ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            raise ValueError(f"unknown format {name!r}; choose one of "
                             f"{', '.join(f.value for f in cls)}") from None

    @classmethod
    def for_file(cls, path: Path) -> Format:
        """The format a file name asks for by its extension (".html", ".MD", ".jsonl", ...).

        Raises:
            ValueError: The extension names no file format.
        """
        found = _SUFFIXES.get(path.suffix.lower())
        if found is None:
            known = ", ".join(sorted(_SUFFIXES))
            raise ValueError(f"cannot tell the format of {path.name} from its extension "
                             f"({known}); give --format")
        return found


_ALIASES = {"md": "markdown", "htm": "html", "json": "claimreview", "text": "terminal",
            "txt": "terminal"}
_SUFFIXES = {".html": Format.HTML, ".htm": Format.HTML, ".md": Format.MARKDOWN,
             ".markdown": Format.MARKDOWN, ".jsonl": Format.JSONL, ".csv": Format.CSV,
             ".json": Format.CLAIMREVIEW}


@dataclass(frozen=True, slots=True)
class Options:
    """What a renderer needs beyond the verdicts.

    Attributes:
        reviewer_name: The organisation that publishes the fact-check (ClaimReview
            ``author``).
        reviewer_url: Its web address, "" when none.
        review_date: ISO date of the review (ClaimReview ``datePublished``); the CLI
            passes today's date, tests a fixed one so goldens stay stable. "" omits it.
        title: Title of an HTML page or Markdown file; "" derives one from the reports.
    """

    reviewer_name: str = "claimcheck"
    reviewer_url: str = ""
    review_date: str = ""
    title: str = ""


def render(fmt: Format, results: Sequence[DocumentVerdicts], options: Options) -> str:
    """Render judged statements as text in one format.

    Args:
        fmt: Any format but ``terminal``, which prints to a console instead.
        results: One entry per statement, in the order to show them.
        options: Reviewer and title settings.

    Returns:
        The whole output; the caller writes it to a file or standard output.

    Raises:
        ValueError: For ``Format.TERMINAL``: use :mod:`claimcheck.render.terminal`.
    """
    fmt = Format(fmt)
    if fmt is Format.JSONL:
        from . import jsonl

        return jsonl.render(results, options)
    if fmt is Format.CSV:
        from . import csv

        return csv.render(results, options)
    if fmt is Format.MARKDOWN:
        from . import markdown

        return markdown.render(results, options)
    if fmt is Format.HTML:
        from . import html

        return html.render(results, options)
    if fmt is Format.CLAIMREVIEW:
        from . import claimreview

        return claimreview.render(results, options)
    raise ValueError("terminal output is printed: use render.terminal.check or batch")


__all__ = ["Format", "Options", "render"]
