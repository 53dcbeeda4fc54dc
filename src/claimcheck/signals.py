"""What a sentence says, read off its words: direction, severity, scope, change, numbers.

The same reading is made of a claim and of the report's aligned sentence, so the
verdict compares like with like. Every signal keeps the words that gave it, for
the verdict's explanation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from . import text
from .lexicon import Lexicons
from .match import PhraseTable

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
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
        quantifier: Lowest-scope and highest-scope quantifier levels found, with words.
        hedges: Hedging words found.
        change: +1 improved, -1 worsened, 0 neither; with its words.
        numbers: Numbers with comparators.
    """

    positive: tuple[str, ...]
    negative: tuple[str, ...]
    severity: int
    severity_words: str
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
        self.hedges = PhraseTable({"hedge": lexicons["hedges"]["words"]})
        self.quantifiers = PhraseTable(quantifiers["level"])
        self.comparators = PhraseTable(quantifiers["comparators"])
        self.verbal_negators = frozenset(polarity["verbal_negators"])
        self.hedge_after_negation = tuple(polarity["hedge_after_negation"])
        self.predicate_negation = _alternation(polarity["predicate_negators"])
        self.number_words = {k: float(v) for k, v in quantifiers["number_words"].items()}
        self.fractions = {k: float(v) for k, v in quantifiers["fractions"].items()}
        not_counts = quantifiers["not_counts"]
        self.count_before = frozenset(not_counts["before"])
        self.count_ages = frozenset(not_counts["ages"])
        self.count_units = tuple(not_counts["units"])
        # the same sentence is read for many claims (a unit's text, an aligned quote)
        self.read = lru_cache(maxsize=8192)(self._read)

    def negation(self, sentence: str) -> str:
        """The negation of a predicate in a sentence ("does not"), or "".

        A negation followed by a hedge word ("not always", "not all") is no denial.
        """
        for match in self.predicate_negation.finditer(sentence):
            after = sentence[match.end() : match.end() + 16].lower().split()
            if after and after[0].strip(",.;:!?") in self.hedge_after_negation:
                continue
            return match.group()
        return ""

    def _read(self, sentence: str) -> Signals:
        """The signals of one sentence."""
        tokens = text.words(sentence)
        lemmas = [t.lemma for t in tokens]
        norms = [t.norm for t in tokens]
        neg_at = {h.start for h in self.negators.find(norms)} | {
            h.start for h in self.negators.find(lemmas)}
        positive: list[str] = []
        negative: list[str] = []
        polar = self.polar.find(lemmas)
        for hit in polar:
            words = " ".join(norms[hit.start : hit.end])
            negated = any(hit.start - self.window <= i < hit.start for i in neg_at)
            is_positive = (hit.key == "pos") != negated
            if negated:
                words = f"{norms[max(i for i in neg_at if i < hit.start)]} ... {words}"
            (positive if is_positive else negative).append(words)
        flipped = {max((i for i in neg_at if i < h.start), default=-1)
                   for h in polar if any(h.start - self.window <= i < h.start for i in neg_at)}
        for i in sorted(neg_at - flipped):
            if norms[i] in self.verbal_negators and i + 1 < len(norms):
                # "do not know", "does not hear": a negated plain verb is still bad news
                negative.append(f"{norms[i]} {norms[i + 1]}")
        sev, sev_words = _top(self.severity.find(lemmas), norms)
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
        return Signals(tuple(positive), tuple(negative), sev, sev_words, quants,
                       hedges, change, change_words, self._numbers(sentence, norms, lemmas))

    def _numbers(self, sentence: str, norms: list[str], lemmas: list[str]) -> tuple[Quantity, ...]:
        comparators = {h.end: (h.key, " ".join(norms[h.start : h.end]))
                       for h in self.comparators.find(lemmas)}
        out = []
        for i, norm in enumerate(norms):
            value: float | None = None
            if _NUMBER.fullmatch(norm):
                value = float(norm.replace(",", ""))
            elif norm in self.number_words:
                value = self.number_words[norm]
            elif norm in self.fractions or norm.endswith("%"):
                value = (self.fractions[norm] if norm in self.fractions  # 0 is a value
                         else float(norm.rstrip("%") or 0) / 100)
            if value is None or (1900 <= value <= 2100 and "." not in norm):
                continue  # years are dates, not quantities
            if (any(n.startswith(self.count_units) for n in norms[i + 1 : i + 4])
                    or (i > 0 and norms[i - 1] in self.count_before)
                    or self.count_ages & set(norms[max(0, i - 3) : i])):
                continue  # ages, durations, references: not counts
            key, words = comparators.get(i, ("exact", ""))
            out.append(Quantity(value, key, f"{words} {norm}".strip()))
        return tuple(out)


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    """A regex matching any of ``phrases`` as whole words; "n't" also inside a word."""
    words = sorted((p for p in phrases if p != "n't"), key=len, reverse=True)
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"
    if "n't" in phrases:
        pattern += r"|n't\b"
    return re.compile(pattern, re.IGNORECASE)


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
