"""The time axis: when the inspection took place and how long it lasted.

A report's header gives the visit's dates ("Inspection dates: 20 February to 3 March
2023"). A claim that places the visit in a month, on a day, or gives its length in
weeks or days ("spent a single week in Kent in June 2022") is checked against them.
The cues that make a date the visit's are in ``time.toml`` under ``[visit]``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from . import text
from .lexicon import Lexicons
from .types import Label, Step

# The months by full name, lower case, and their numbers ("june" -> 6).
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS = {**MONTHS, **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}}
# full names only in patterns (and "may"): an abbreviation such as "mar" or "dec" is a word too
_MONTH = r"(?:" + "|".join(sorted((m for m in _MONTHS if len(m) > 3 or m == "may"),
                                  key=len, reverse=True)) + r")"
_YEAR = text.YEAR
# "20 February to 3 March 2023", "11 to 22 September 2023", "28 November to 2 December 2022"
_RANGE = re.compile(rf"(\d{{1,2}})\s*({_MONTH})?\s*({_YEAR})?\s*(?:to|-|–|and)\s*(\d{{1,2}})\s*"
                    rf"({_MONTH})\s*({_YEAR})", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b(?:\s+({_YEAR}))?",
                        re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\b(?:\s+({_YEAR}))?", re.IGNORECASE)
_DAYS_BETWEEN = re.compile(rf"\b(\d{{1,2}})\s+(?:and|to|-|–)\s+(\d{{1,2}})\s+({_MONTH})\b"
                           rf"(?:\s+({_YEAR}))?", re.IGNORECASE)
_LENGTH = re.compile(r"\b(\w+)[\s-]+(day|week|fortnight|month)s?(?:[\s-]+long)?\b",
                     re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Visit:
    """The inspection visit as the header gives it: first and last day."""

    start: date
    end: date
    words: str

    @property
    def days(self) -> int:
        """Calendar days from the first to the last day, both counted."""
        return (self.end - self.start).days + 1

    def months(self) -> set[tuple[int, int]]:
        """(year, month) of every day of the visit."""
        out, y, m = set(), self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.add((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def visit(dates: str) -> Visit | None:
    """The visit's first and last day from the header's dates, or None when unreadable."""
    found = _RANGE.search(dates)
    if not found:
        return None
    d1, m1, y1, d2, m2, y2 = found.groups()
    end_month, end_year = _MONTHS[m2.lower()], int(y2)
    start_month = _MONTHS[m1.lower()] if m1 else end_month
    start_year = int(y1) if y1 else end_year - (1 if start_month > end_month else 0)
    try:
        return Visit(date(start_year, start_month, int(d1)), date(end_year, end_month, int(d2)),
                     found.group(0))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class TimeAxis:
    """Checks what a claim says of the visit's dates and length against the header."""

    subject: re.Pattern[str]
    cues: re.Pattern[str]
    published: re.Pattern[str]
    breaks: frozenset[str]
    other_visits: frozenset[str]
    anchors: frozenset[str]
    window: int
    months_after: int
    months_before: int
    unit_days: dict[str, int]
    counts: dict[str, int]

    def steps(self, claim: str, dates: str) -> list[Step]:
        """Steps comparing the claim's dates and length of the visit with ``dates``; none
        when the claim gives neither, or does not speak of the visit."""
        seen = visit(dates)
        if seen is None or not self.subject.search(claim):
            return []
        # a date of publication ("published today, Thursday 22 August") is not the visit's
        claim = self._without_publication(claim)
        steps = self._length(claim, seen) + self._days(claim, seen)
        if not any(st.outcome is Label.CONTRADICTED for st in steps):
            steps += self._months(claim, seen)
        return steps

    def _of_visit(self, claim: str, start: int, end: int) -> bool:
        """Whether the date or length at ``claim[start:end]`` is the visit's."""
        before = re.findall(r"[\w'’-]+", claim[:start].lower())
        if before and before[-1] in self.anchors:
            return False
        after = re.findall(r"[\w'’-]+", claim[end:].lower())[:1]
        if after and after[0] in self.anchors:
            return False  # "in the six months before the inspection": a period, not the visit
        if re.match(r"[\s-]*(?:long\s+)?(?:inspection|visit)\b", claim[end:], re.IGNORECASE):
            return True
        near = before[-self.window - 1:]
        for i in range(len(near) - 1, -1, -1):
            if near[i] in self.breaks:
                return False
            if self.cues.fullmatch(near[i]) or self.cues.fullmatch(" ".join(near[i:i + 2])):
                lead = set(near[max(0, i - 3) : i])
                return not lead & (self.anchors | self.other_visits)
        return False

    def _without_publication(self, claim: str) -> str:
        parts = re.split(r"(?<=[,;(])\s*|\s+and\s+(?=\w+ (?:\w+ )?(?:was|were|is) )", claim)
        return " ".join(p for p in parts if not self.published.search(p))

    def _length(self, claim: str, seen: Visit) -> list[Step]:
        out = []
        for found in _LENGTH.finditer(claim):
            count_word, unit = found.group(1).lower(), found.group(2).lower()
            count = int(count_word) if count_word.isdigit() else self.counts.get(count_word, 0)
            words = found.group(0)
            if not count or not self._of_visit(claim, found.start(), found.end()):
                continue
            claimed = count * self.unit_days[unit]
            # a visit of five days is a week; of twelve (Monday to the next Friday) two
            weeks = -(-seen.days // 7)
            fits = (weeks * 7 == claimed if unit in {"week", "fortnight"}
                    else abs(seen.days - claimed) <= 2)
            outcome = Label.SUPPORTED if fits else Label.CONTRADICTED
            out.append(Step("time", outcome, words, seen.words, "header",
                            f"the claim says “{words}”; the report header gives the "
                            f"inspection dates as {seen.words}, {seen.days} days"))
        return out

    def _days(self, claim: str, seen: Visit) -> list[Step]:
        """Days of a month the claim names: each must fall within the visit."""
        out = []
        spans = [(m, [m.group(1), m.group(2)], m.group(3), m.group(4))
                 for m in _DAYS_BETWEEN.finditer(claim)]
        taken = [m.span() for m, *_ in spans]
        spans += [(m, [m.group(1)], m.group(2), m.group(3)) for m in _DAY_MONTH.finditer(claim)
                  if not any(a <= m.start() < b for a, b in taken)]
        for found, days, month, year in spans:
            y = int(year) if year else seen.end.year
            try:
                named = [date(y, _MONTHS[month.lower()], int(d)) for d in days]
            except ValueError:
                continue
            if not self._of_visit(claim, found.start(), found.end()) or not self._near(
                    y, named[0].month, seen):
                continue
            inside = all(seen.start <= d <= seen.end for d in named)
            exact = len(named) < 2 or (named[0], named[-1]) == (seen.start, seen.end)
            outcome = Label.SUPPORTED if inside and exact else Label.CONTRADICTED
            out.append(Step("time", outcome, found.group(0), seen.words, "header",
                            f"the claim says “{found.group(0)}”; the report header gives the "
                            f"inspection dates as {seen.words}"))
        return out

    def _near(self, year: int, month: int, seen: Visit) -> bool:
        """Whether a month is close enough to the visit to be a claim about the visit."""
        at = year * 12 + month
        return (seen.start.year * 12 + seen.start.month - self.months_before <= at
                <= seen.end.year * 12 + seen.end.month + self.months_after)

    def _months(self, claim: str, seen: Visit) -> list[Step]:
        named = []
        for found in _MONTH_YEAR.finditer(claim):
            word = found.group(1)
            if word.lower() == "may" and not word[0].isupper():
                continue  # the verb "may"
            month = _MONTHS[word.lower()]
            year = int(found.group(2)) if found.group(2) else None
            if (self._of_visit(claim, found.start(), found.end())
                    and self._near(year or seen.end.year, month, seen)):
                named.append((found.group(0), year, month))
        if not named:
            return []
        covered = seen.months()
        wrong = [w for w, y, m in named if not any(
            m == cm and (y is None or y == cy) for cy, cm in covered)]
        words = wrong[0] if wrong else named[0][0]
        outcome = Label.CONTRADICTED if wrong else Label.SUPPORTED
        return [Step("time", outcome, words, seen.words, "header",
                     f"the claim says “{words}”; the report header gives the inspection "
                     f"dates as {seen.words}")]


def _words(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{text.any_of(phrases)})\b", re.IGNORECASE)


@cache
def axis(lexicons: Lexicons) -> TimeAxis:
    """The time axis for these lexicons (built once per process)."""
    time = lexicons["time"]
    v = time["visit"]
    return TimeAxis(_words(v["subject"]), _words(v["cues"]), _words(v["published"]),
                    frozenset(v["breaks"]), frozenset(v["other_visits"]),
                    frozenset(time["anchors"]), int(v["window"]),
                    int(v["months_after"]), int(v["months_before"]),
                    {k: int(n) for k, n in v["days"].items()},
                    {k: int(n) for k, n in v["counts"].items()})
