"""The framing axis: a weakness presented as mild, partial or nearly done.

"Could be a touch more consistent", "takes a little longer than it should", "a minor
gap": each admits a weakness while making it small. The rules are records in
``hedges.toml`` under ``[framing]``: sequences of word classes (modals, wish verbs,
diminishers, comparatives, small-making words, faults, verbs of a fault), matched on the words
as written, except the wish verbs and the verbs of a fault, matched on lemmas ("could have",
"could be", "varied a little"): a lemma would make "could" "can" and "fuller" "full".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from . import text
from .lexicon import Lexicons
from .match import phrase_lemmas

_CLASSES = ("diminishers", "comparatives", "modals", "wish_verbs", "small", "faults",
            "fault_verbs", "softeners")
_ON_LEMMAS = frozenset({"wish_verbs", "fault_verbs"})


@dataclass(frozen=True, slots=True)
class Framing:
    """Finds framing cues in a claim with one set of rules."""

    classes: dict[str, tuple[tuple[str, ...], ...]]
    rules: tuple[tuple[str, ...], ...]
    # derived: the words a rule can start with, as norms and as lemmas; elsewhere none
    # is tried
    starts: tuple[frozenset[str], frozenset[str]] = field(init=False, repr=False,
                                                          compare=False)

    def __post_init__(self) -> None:
        starts: tuple[set[str], set[str]] = (set(), set())
        for rule in self.rules:
            first = rule[0]
            for option in self.classes.get(first) or (_norms(first),):
                if option:
                    starts[first in _ON_LEMMAS].add(option[0])
        object.__setattr__(self, "starts", (frozenset(starts[0]), frozenset(starts[1])))

    def cues(self, claim: str) -> list[str]:
        """The words of every framing rule that matches in ``claim``, as written."""
        tokens = text.words(claim)
        seqs = ([t.norm for t in tokens], [t.lemma for t in tokens])
        found = []
        i = 0
        while i < len(tokens):
            if seqs[0][i] not in self.starts[0] and seqs[1][i] not in self.starts[1]:
                i += 1
                continue
            end = self._match(seqs, i)
            if end > i:
                found.append(claim[tokens[i].start : tokens[end - 1].end])
                i = end
            else:
                i += 1
        return found

    def phrases(self, name: str) -> frozenset[str]:
        """The phrases of one word class, as written ("a little", "slightly")."""
        return frozenset(" ".join(option) for option in self.classes[name])

    def same_kind(self, cue: str, others: Sequence[str]) -> bool:
        """Whether one of ``others`` frames the way ``cue`` does: both a wish ("could be
        clearer", "could be further improved") or both made small by a softener ("a little
        late", "slightly late"); a small-making word or an intensifier ("even more") is
        neither."""
        kind = self._kind(cue)
        return bool(kind) and any(self._kind(other) == kind for other in others)

    def _kind(self, cue: str) -> str:
        words = _norms(cue)
        if words[:1] in self.classes["modals"]:
            return "wish"
        softened = any(words[i : i + len(s)] == s for s in self.classes["softeners"]
                       for i in range(len(words)))
        return "softened" if softened else ""

    def _match(self, seqs: tuple[Sequence[str], Sequence[str]], start: int) -> int:
        """The end of the longest rule matching at ``start``, or ``start``."""
        best = start
        for rule in self.rules:
            at = start
            for part in rule:
                at = self._step(seqs[part in _ON_LEMMAS], at, part)
                if at < 0:
                    break
            best = max(best, at)
        return best

    def _step(self, words: Sequence[str], at: int, part: str) -> int:
        options = self.classes.get(part) or (_norms(part),)
        for option in options:  # longest first
            if tuple(words[at : at + len(option)]) == option:
                return at + len(option)
        return -1


def _norms(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in text.words(phrase))


@cache
def framing(lexicons: Lexicons) -> Framing:
    """The framing rules for these lexicons (built once per process)."""
    table = lexicons["hedges"]["framing"]
    classes = {name: tuple(sorted(((phrase_lemmas(p) if name in _ON_LEMMAS else _norms(p))
                                   for p in table[name]), key=len, reverse=True))
               for name in _CLASSES}
    rules = tuple(tuple(rule) for rule in table["rules"])
    return Framing(classes, rules)
