"""What a sentence says, read off its words: direction, severity, scope, change, numbers.

The same reading is made of a claim and of the report's aligned sentence, so the
verdict compares like with like. Every signal keeps the words that gave it, for
the verdict's explanation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import text
from .lexicon import Lexicons
from .match import PhraseTable

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_VERBAL_NEGATORS = frozenset({"not", "n't", "never", "cannot", "can't", "didn't", "doesn't",
                              "don't", "isn't", "aren't", "wasn't", "weren't", "haven't",
                              "hasn't", "won't"})
_FRACTIONS = {"half": 0.5, "third": 0.33, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "fifty": 50,
                 "hundred": 100, "dozen": 12}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence, with its comparator ("over 130" -> more, 130)."""

    value: float
    comparator: str  # "less", "more", "about" or "exact"
    words: str

    @property
    def is_share(self) -> bool:
        """A proportion ("a quarter", "40%") rather than a count."""
        return self.value < 1


@dataclass(frozen=True, slots=True)
class Signals:
    """The evaluative reading of one sentence.

    Attributes:
        positive: Positive evaluative words, after negation.
        negative: Negative evaluative words, after negation (a negated positive counts here).
        severity: Highest negative severity level found (0 when none), and its words.
        width: Highest positive width level (0 when none), and its words.
        quantifier: Lowest-scope and highest-scope quantifier levels found, with words.
        hedges: Hedging words found.
        change: +1 improved, -1 worsened, 0 neither; with its words.
        numbers: Numbers with comparators.
    """

    positive: tuple[str, ...]
    negative: tuple[str, ...]
    severity: int
    severity_words: str
    width: int
    width_words: str
    quantifiers: tuple[tuple[int, str], ...]
    hedges: tuple[str, ...]
    change: int
    change_words: str
    numbers: tuple[Quantity, ...]

    @property
    def direction(self) -> int:
        """+1 good news, -1 bad news, 0 neither or balanced."""
        balance = len(self.positive) - 1.5 * len(self.negative)
        if self.severity >= 2:
            balance -= 1
        return 1 if balance > 0.5 else -1 if balance < 0 and self.negative else 0

    @property
    def universal(self) -> str:
        """The words of a universal quantifier ("every", "all"), or ""."""
        for level, words in self.quantifiers:
            if level == 5:
                return words
        return ""

    @property
    def limited(self) -> tuple[int, str] | None:
        """The narrowest non-universal quantifier (level 0-4), or None."""
        found = [(level, words) for level, words in self.quantifiers if level < 5]
        return min(found) if found else None


class Reader:
    """Reads signals with one set of lexicons."""

    def __init__(self, lexicons: Lexicons) -> None:
        polarity = lexicons["polarity"]
        severity = lexicons["severity"]
        quantifiers = lexicons["quantifiers"]
        self.window = int(polarity["negation_window"])
        self.negators = PhraseTable({"neg": polarity["negators"]})
        self.polar = PhraseTable({"pos": polarity["positive"], "neg": polarity["negative"]})
        self.change = PhraseTable({"up": polarity["improve"], "down": polarity["worsen"]})
        self.severity = PhraseTable(severity["level"])
        self.width = PhraseTable(severity["positive_level"])
        self.hedges = PhraseTable({"hedge": lexicons["hedges"]["words"]})
        self.quantifiers = PhraseTable(quantifiers["level"])
        self.comparators = PhraseTable(quantifiers["comparators"])

    def read(self, sentence: str) -> Signals:
        """The signals of one sentence."""
        tokens = text.words(sentence)
        lemmas = [t.lemma for t in tokens]
        norms = [t.norm for t in tokens]
        neg_at = {h.start for h in self.negators.find(norms)} | {
            h.start for h in self.negators.find(lemmas)}
        positive: list[str] = []
        negative: list[str] = []
        for hit in self.polar.find(lemmas):
            words = " ".join(norms[hit.start : hit.end])
            negated = any(hit.start - self.window <= i < hit.start for i in neg_at)
            is_positive = (hit.key == "pos") != negated
            if hit.key == "neg" and words in {"not", "no"}:
                continue
            if negated:
                words = f"{norms[max(i for i in neg_at if i < hit.start)]} ... {words}"
            (positive if is_positive else negative).append(words)
        flipped = {max((i for i in neg_at if i < h.start), default=-1)
                   for h in self.polar.find(lemmas)
                   if any(h.start - self.window <= i < h.start for i in neg_at)}
        for i in sorted(neg_at - flipped):
            if norms[i] in _VERBAL_NEGATORS and i + 1 < len(norms):
                # "do not know", "does not hear": a negated plain verb is still bad news
                negative.append(f"{norms[i]} {norms[i + 1]}")
        sev, sev_words = _top(self.severity.find(lemmas), norms)
        wid, wid_words = _top(self.width.find(lemmas), norms)
        quants = tuple(
            (2 if int(h.key) == 5 and any(h.start - 2 <= i < h.start for i in neg_at)
             else int(h.key), " ".join(norms[h.start : h.end]))
            for h in self.quantifiers.find(lemmas))
        hedges = tuple(" ".join(norms[h.start : h.end]) for h in self.hedges.find(lemmas))
        change, change_words = 0, ""
        for hit in self.change.find(lemmas):
            negated = any(hit.start - self.window <= i < hit.start for i in neg_at)
            change = (1 if hit.key == "up" else -1) * (-1 if negated else 1)
            change_words = " ".join(norms[hit.start : hit.end])
            if change < 0:
                break
        return Signals(tuple(positive), tuple(negative), sev, sev_words, wid, wid_words, quants,
                       hedges, change, change_words, self._numbers(sentence, norms, lemmas))

    def _numbers(self, sentence: str, norms: list[str], lemmas: list[str]) -> tuple[Quantity, ...]:
        comparators = {h.end: (h.key, " ".join(norms[h.start : h.end]))
                       for h in self.comparators.find(lemmas)}
        out = []
        for i, norm in enumerate(norms):
            value: float | None = None
            if _NUMBER.fullmatch(norm):
                value = float(norm.replace(",", ""))
            elif norm in _NUMBER_WORDS:
                value = float(_NUMBER_WORDS[norm])
            elif norm in _FRACTIONS or norm.endswith("%"):
                value = _FRACTIONS.get(norm) or float(norm.rstrip("%") or 0) / 100
            if value is None or (1900 <= value <= 2100 and "." not in norm):
                continue  # years are dates, not quantities
            if any(n.startswith(("year", "month", "week", "day"))
                   for n in norms[i + 1 : i + 4]):
                continue  # ages and durations: "16- and 17-year-olds", "five years"
            if i > 0 and norms[i - 1] in {"aged", "age", "to", "and", "paragraph", "of", "at"}:
                continue
            if {"aged", "age", "ages", "become", "becomes", "turn", "turns", "reach",
                    "reaches", "until"} & set(norms[max(0, i - 3) : i]):
                continue  # "aged over 21" is an age, not a count
            key, words = comparators.get(i, ("exact", ""))
            out.append(Quantity(value, key, f"{words} {norm}".strip()))
        return tuple(out)


def _top(hits: list, norms: list[str]) -> tuple[int, str]:
    best, words = 0, ""
    for hit in hits:
        level = int(hit.key)
        if level > best:
            best, words = level, " ".join(norms[hit.start : hit.end])
    return best, words


@cache
def reader(lexicons: Lexicons) -> Reader:
    """The signal reader for these lexicons (built once per process)."""
    return Reader(lexicons)
