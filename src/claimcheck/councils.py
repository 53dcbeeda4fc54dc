"""Which council a text names, and which council a report inspects.

The names are data (``data/councils.txt``: every English council with children's
services, built from the file names of Ofsted's reports). A name matches with its
capitals, so "reading the report" is not Reading; spaces, hyphens and commas between
its words read alike ("Southend on Sea", "Bournemouth Christchurch and Poole").
Where names nest ("North East Somerset" holds "Somerset") the longest wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .types import Report

_SMALL = frozenset({"and", "upon", "on", "of", "with", "the"})
# Council names that are also common words: at the very start of a sentence they are
# taken for the word ("Reading the report, ...") unless followed by "Council" or "'s".
_COMMON_WORDS = frozenset({"Reading", "Bury"})
_SEP = r"[\s,\-–]+"


@dataclass(frozen=True, slots=True)
class Council:
    """One council.

    Attributes:
        slug: Its name in Ofsted's report file names ("west-sussex").
        name: Its name as written ("West Sussex").
        aliases: Other names it goes by ("Hull" for Kingston upon Hull).
    """

    slug: str
    name: str
    aliases: tuple[str, ...] = ()


def slugify(name: str) -> str:
    """A name as a file-name slug: "West Sussex" -> "west-sussex", "St. Helens" -> "st-helens"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@cache
def known() -> tuple[Council, ...]:
    """Every council in ``data/councils.txt``, in file order."""
    source = resources.files("claimcheck").joinpath("data").joinpath("councils.txt")
    out = []
    for line in source.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        slug, _, names = line.partition("=")
        parts = [n.strip() for n in names.split("|") if n.strip()]
        out.append(Council(slug.strip(), parts[0], tuple(parts[1:])))
    return tuple(out)


def by_slug() -> dict[str, Council]:
    """Every known council by its slug."""
    return {c.slug: c for c in known()}


def name_of(slug: str) -> str:
    """The council's name for a slug; a slug not in the list is title-cased word by word."""
    council = by_slug().get(slug)
    if council:
        return council.name
    return " ".join(w if w in _SMALL else w.capitalize() for w in slug.split("-"))


def _pattern(name: str) -> str:
    words = []
    for word in re.split(r"[\s,\-]+", name):
        if word.lower() == "and":
            words.append("(?i:and|&)")
        elif word.lower() in _SMALL:
            words.append(f"(?i:{re.escape(word)})")
        elif word == "St":
            words.append(r"St\.?")
        else:
            words.append(re.escape(word))
    return _SEP.join(words)


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex of every name, longest first, and the slug of each name's match group."""
    names = [(name, c.slug) for c in known() for name in (c.name, *c.aliases)]
    names.sort(key=lambda item: -len(item[0]))
    groups = {f"c{i}": slug for i, (_, slug) in enumerate(names)}
    body = "|".join(f"(?P<c{i}>{_pattern(name)})" for i, (name, _) in enumerate(names))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])"), groups


def named_in(text: str, title: bool = False) -> list[Council]:
    """The councils ``text`` names, in the order it first names them.

    ``title`` says the text is a report's title or place, where a name that is also a
    word ("Reading") at the start is the council.
    """
    pattern, groups = _matcher()
    councils = by_slug()
    found: list[Council] = []
    for match in pattern.finditer(text):
        assert match.lastgroup is not None
        if not title and match.group() in _COMMON_WORDS \
                and not text[: match.start()].strip(" \"'‘“(") \
                and not re.match(r"(?:'s|’s|\s+(?:Borough\s+)?Council)\b", text[match.end():]):
            continue
        council = councils[groups[match.lastgroup]]
        if council not in found:
            found.append(council)
    return found


def of_report(report: Report) -> tuple[Council, ...]:
    """The council a report inspects: named in its title, or the slug its file or id starts
    with ("harrow-2025", "essex-2023-08-11.pdf"); empty when neither says."""
    heading = report.place or (report.title or report.document.title)[:120]
    found = named_in(heading, title=True) if heading else []
    stems = (report.document.id, Path(report.document.path).stem)
    for council in known():
        if council not in found and any(s.startswith(council.slug + "-") for s in stems):
            found.append(council)
    return tuple(found)


def other_council(text: str, report: Report) -> tuple[Council, ...]:
    """The councils ``text`` names when it names none the report inspects; empty when the
    text names no council, names the report's, or the report's council is unknown."""
    own = of_report(report)
    if not own:
        return ()
    named = named_in(text)
    if not named or any(c in own for c in named):
        return ()
    return tuple(named)
