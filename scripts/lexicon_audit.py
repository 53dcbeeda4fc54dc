"""List the lexicon entries that only one labelled claim uses and no report does.

An entry of a hand-written lexicon (``src/claimcheck/lexicons/*.toml``; the generated
wordnet.toml and valence.toml are left out) that matches exactly one labelled claim and
none of the 152 ILACS reports in ``../shared/reports/ilacs`` looks lifted from that
claim: a rule that fits one development claim, not the way reports and statements are
written. Each such entry must be justified in ``scripts/audit-allow.toml``
(``"entry" = "reason"``) or removed.

Entries and texts are compared as lower-case words (typographic apostrophes made
plain, hyphens and other punctuation splitting words, as claimcheck's cue matcher does),
on word boundaries; in an entry, "..." is a gap of up to fifteen words, "~" one or two
words, and a trailing "*" any ending. Identical claims in several sets count once.

Prints one line per entry found, with where it is, the claim and the reason it is
allowed; exits 1 when an entry found is not in the allow-list. Needs ../shared.

    python scripts/lexicon_audit.py
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from labelled_texts import ROOT, MissingShared, claim_texts, report_texts

LEXICONS = ROOT / "src" / "claimcheck" / "lexicons"
ALLOW = ROOT / "scripts" / "audit-allow.toml"
GENERATED = {"wordnet.toml", "valence.toml", "audit-allow.toml"}
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class Finding:
    """An entry that one claim uses and no report does."""

    entry: str
    where: tuple[str, ...]
    claim: str


def joined(text: str) -> str:
    """``text`` as lower-case words between single spaces, with a space at each end."""
    return " " + " ".join(WORD.findall(text.lower().translate(APOSTROPHES))) + " "


def pattern(entry: str) -> re.Pattern[str] | None:
    """The entry as a regular expression over :func:`joined` text; None if it has no word."""
    out = []
    for word in entry.lower().translate(APOSTROPHES).split():
        if word == "...":
            out.append(r"(?:\S+ ){0,15}")
        elif word == "~":
            out.append(r"(?:\S+ ){1,2}")
        elif word.endswith("*") and WORD.fullmatch(word[:-1]):
            out.append(re.escape(word[:-1]) + r"\S* ")
        else:
            out.extend(re.escape(part) + " " for part in WORD.findall(word))
    if not any(part.endswith(" ") and not part.startswith("(?:") for part in out):
        return None
    return re.compile(" " + "".join(out))  # a leading literal: the engine seeks it fast


def entries(data: Any, path: str) -> Iterator[tuple[str, str]]:
    """``(entry, where)`` for every word or phrase in a lexicon: strings in lists and
    tables, and the keys of tables that map words to values (``dozen = 12``)."""
    if isinstance(data, dict):
        scalar_table = bool(data) and all(
            isinstance(value, str | int | float) and not isinstance(value, bool)
            for value in data.values())
        for key, value in data.items():
            if scalar_table and path.count(".") > 0:
                yield key, f"{path}.{key}"
            yield from entries(value, f"{path}.{key}")
    elif isinstance(data, list):
        for item in data:
            yield from entries(item, path)
    elif isinstance(data, str):
        yield data, path


def lexicon_entries() -> dict[str, tuple[str, ...]]:
    """Every entry of the hand-written lexicons, with the places it is listed."""
    found: dict[str, set[str]] = {}
    for path in sorted(LEXICONS.glob("*.toml")):
        if path.name in GENERATED:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry, where in entries(data, path.stem):
            found.setdefault(entry, set()).add(where)
    return {entry: tuple(sorted(where)) for entry, where in found.items()}


def audit() -> list[Finding]:
    """The entries that exactly one labelled claim matches and no report does."""
    claims: dict[str, str] = {}
    for claim_id, text in claim_texts():
        claims.setdefault(joined(text), claim_id)  # one claim in several sets counts once
    # All claims in one text, one a line; a match cannot cross a line.
    ids = list(claims.values())
    starts = list(itertools.accumulate((len(text) + 1 for text in claims), initial=0))
    everything = "\n".join(claims)
    candidates = []
    for entry, where in lexicon_entries().items():
        regex = pattern(entry)
        if regex is None:
            continue
        hits: set[int] = set()
        for match in regex.finditer(everything):
            hits.add(bisect.bisect_right(starts, match.start()) - 1)
            if len(hits) > 1:
                break
        if len(hits) == 1:
            candidates.append((entry, where, ids[hits.pop()], regex))
    reports = "\n".join(joined(text) for text in report_texts().values())
    return sorted((Finding(entry, where, claim) for entry, where, claim, regex in candidates
                   if not regex.search(reports)), key=lambda f: f.entry)


def allowed() -> dict[str, str]:
    """The allow-list: entry -> why it may stay."""
    if not ALLOW.exists():
        return {}
    return {str(key): str(value)
            for key, value in tomllib.loads(ALLOW.read_text(encoding="utf-8")).items()}


def main() -> None:
    start = time.perf_counter()
    try:
        findings = audit()
    except MissingShared as err:
        sys.exit(str(err))
    allow = allowed()
    unexplained = [f for f in findings if f.entry not in allow]
    for f in findings:
        reason = allow.get(f.entry, "NOT IN audit-allow.toml")
        print(f"{f.entry!r}\t{', '.join(f.where)}\t{f.claim}\t{reason}")
    stale = sorted(set(allow) - {f.entry for f in findings})
    for entry in stale:
        print(f"note: {entry!r} is in audit-allow.toml but no longer found; remove it",
              file=sys.stderr)
    print(f"{len(findings)} entries match one claim and no report; {len(unexplained)} not "
          f"in audit-allow.toml ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    if unexplained:
        sys.exit(1)


if __name__ == "__main__":
    main()
