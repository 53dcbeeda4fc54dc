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
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .types import Report

_SMALL = frozenset({"and", "upon", "on", "of", "with", "the"})
# Council names that are also common words: at the very start of a sentence, followed by
# a word that starts a verb's object ("Reading the report, ..."), they are the word.
_COMMON_WORDS = frozenset({"Reading", "Bury"})
_OBJECT_STARTS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "our", "their", "his", "her", "its"]
    + ["my", "your", "it", "them", "through", "about", "between", "into", "out", "up"]
)


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


@cache
def by_slug() -> dict[str, Council]:
    """Every known council by its slug."""
    return {c.slug: c for c in known()}


def name_of(slug: str) -> str:
    """The council's name for a slug; a slug not in the list is title-cased word by word."""
    council = by_slug().get(slug)
    if council:
        return council.name
    return " ".join(w if w in _SMALL else w.capitalize() for w in slug.split("-"))


_TOKEN = re.compile(r"[^\W\d_]+|&")
_GAP = re.compile(r"[\s,.\-–]+")


def _key(words: list[str]) -> str:
    return " ".join("and" if w == "&" else w.lower() for w in words)


@cache
def _names() -> tuple[dict[str, str], int, frozenset[str]]:
    """Every name and alias, as lower-case words joined by spaces, to its slug; the most
    words a name has; and the words a name can begin with."""
    table = {}
    for council in known():
        for name in (council.name, *council.aliases):
            table[_key(_TOKEN.findall(name))] = council.slug
    return table, max(len(k.split()) for k in table), frozenset(k.split()[0] for k in table)


def named_in(text: str, title: bool = False) -> list[Council]:
    """The councils ``text`` names, in the order it first names them.

    The text is read word by word, the longest name first; a name's words must stand
    together (spaces, commas, hyphens or a full stop between them) and begin with
    capitals, except joining words ("upon", "and"). ``title`` says the text is a report's
    title or place, where a name that is also a word ("Reading") at the start is the
    council.
    """
    table, longest, firsts = _names()
    councils = by_slug()
    tokens = list(_TOKEN.finditer(text))
    found: list[Council] = []
    i = 0
    while i < len(tokens):
        if _key([tokens[i].group()]) not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(tokens) - i), 0, -1):
            run = tokens[i : i + n]
            words = [m.group() for m in run]
            slug = table.get(_key(words))
            if slug is None or not _together(text, run) or not _capitals(words):
                continue
            if not title and _a_word(text, run[0].start(), run[-1].end(), words):
                continue
            council = councils[slug]
            if council not in found:
                found.append(council)
            i += n - 1
            break
        i += 1
    return found


def _together(text: str, run: list[re.Match[str]]) -> bool:
    """Whether nothing but separators stands between the words, and none is glued to
    the words beside it ("Harrow-based" is Harrow; "Yorkshire" is not York)."""
    return all(_GAP.fullmatch(text[a.end() : b.start()])
               for a, b in zip(run, run[1:], strict=False))


def _capitals(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in _SMALL or w == "&" for w in words)


def _a_word(text: str, start: int, end: int, words: list[str]) -> bool:
    """A name that is also a word ("Reading", "Bury") opening a sentence and followed by
    what starts an object ("Reading the report", "Reading through") is taken for the word;
    "Reading was rated good" and "Reading Council" are the council."""
    if " ".join(words) not in _COMMON_WORDS or text[:start].strip(" \"'‘“("):
        return False
    after = re.match(r"\s+([a-z]+)\b", text[end:])
    return bool(after and after.group(1) in _OBJECT_STARTS)


def of_report(report: Report) -> tuple[Council, ...]:
    """The council a report inspects: named in its title, or the slug its file or id starts
    with ("harrow-2025", "essex-2023-08-11.pdf"); empty when neither says."""
    return _of_report(report.place, report.title or report.document.title, report.document.id,
                      report.document.path)


@lru_cache(maxsize=64)
def _of_report(place: str, title: str, doc_id: str, path: str) -> tuple[Council, ...]:
    report_title = title
    heading = place or report_title[:120]
    found = named_in(heading, title=True) if heading else []
    stems = (doc_id, Path(path).stem)
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
