"""How verdict notes name units and quote the report."""

from __future__ import annotations

from .types import unit_name


def name(unit_id: str) -> str:
    """A unit as a sentence cites it: "paragraph 41", "the judgement table"."""
    found = unit_name(unit_id)
    return f"the {found}" if unit_id in {"judgements", "header"} else found


def short(quote: str, limit: int = 140) -> str:
    """A quote cut at a word to at most ``limit`` characters, with an ellipsis."""
    return quote if len(quote) <= limit else quote[: limit - 1].rsplit(" ", 1)[0] + "…"
