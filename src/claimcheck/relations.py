"""Lexical relations between words: antonyms, negations, derivational bases and valence.

They come from two generated lexicons: ``wordnet.toml`` (WordNet 3.0's antonyms,
morphological negations such as "consistent"/"inconsistent", and derivational bases
such as "supportive" -> "support") and ``valence.toml`` (VADER's mean valence, -4..4).
Both are built into lookup tables once per :class:`~claimcheck.lexicon.Lexicons`, so a
user's ``--lexicon`` file can add pairs the same way it extends any other lexicon::

    [wordnet.negated]
    compliant = ["non-compliant"]

Every lookup takes a lemma in lower case (``claimcheck.text.lemma``) and is a dictionary
probe; none of them calls WordNet or VADER at run time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .lexicon import Lexicons, default

_EMPTY: frozenset[str] = frozenset()


def _symmetric(*tables: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """``word = [others]`` tables, listed once per pair, as a lookup in both directions."""
    found: dict[str, set[str]] = defaultdict(set)
    for table in tables:
        for word, others in table.items():
            for other in others:
                if other != word:
                    found[word].add(other)
                    found[other].add(word)
    return {word: frozenset(others) for word, others in found.items()}


def _table(lexicon: Mapping[str, Any], *path: str) -> Mapping[str, Any]:
    """The table at ``path`` in a lexicon, empty when a user's file left it out."""
    table: Any = lexicon
    for key in path:
        table = table.get(key, {}) if isinstance(table, Mapping) else {}
    return table if isinstance(table, Mapping) else {}


@dataclass(frozen=True, slots=True)
class Relations:
    """Lookups over the WordNet and valence lexicons; build with :meth:`from_lexicons`.

    Attributes:
        opposites: Each word's antonyms by WordNet's antonym pointer (word to word or
            between synsets) and its morphological negations, both ways.
        indirect: Each word's further, weaker antonyms through an adjective cluster's head
            ("patchy" / "even").
        negations: Each word's morphological negations, both ways ("safe" / "unsafe").
        bases: Each derived word's base ("supportive" -> "support").
        valences: Mean valence from -4 to 4 of the words and phrases that have one.
    """

    opposites: Mapping[str, frozenset[str]]
    indirect: Mapping[str, frozenset[str]]
    negations: Mapping[str, frozenset[str]]
    bases: Mapping[str, str]
    valences: Mapping[str, float]

    @classmethod
    def from_lexicons(cls, lexicons: Lexicons | None = None) -> Relations:
        """The relations of ``lexicons["wordnet"]`` and ``lexicons["valence"]``, built once
        per :class:`Lexicons` (the built-in ones when none is given)."""
        return _build(lexicons if lexicons is not None else default())

    def antonyms(self, lemma: str, *, indirect: bool = False) -> frozenset[str]:
        """The words opposed to ``lemma``: WordNet antonyms and morphological negations,
        and with ``indirect`` also WordNet's indirect antonyms of adjectives."""
        found = self.opposites.get(lemma, _EMPTY)
        return found | self.indirect.get(lemma, _EMPTY) if indirect else found

    def are_antonyms(self, a: str, b: str, *, indirect: bool = False) -> bool:
        """Whether ``a`` and ``b`` are opposed, in either order: "consistent" and
        "inconsistent", "increase" and "decrease"; "valuable" and "invaluable" are not."""
        return b in self.antonyms(a, indirect=indirect)

    def is_negation(self, a: str, b: str) -> bool:
        """Whether one word is the other with a negating prefix ("unsafe", "safe")."""
        return b in self.negations.get(a, _EMPTY)

    def base(self, lemma: str) -> str:
        """The derivational base of ``lemma`` ("supportive" -> "support"), else the lemma."""
        return self.bases.get(lemma, lemma)

    def related(self, a: str, b: str) -> bool:
        """Whether two lemmas are one word or derived from one base."""
        return a == b or self.base(a) == self.base(b)

    def valence(self, lemma: str) -> float | None:
        """VADER's mean valence of a word or phrase (-4..4, |v| >= 1), None when it has none."""
        return self.valences.get(lemma)


@lru_cache(maxsize=8)
def _build(lexicons: Lexicons) -> Relations:
    wordnet, valence = lexicons["wordnet"], lexicons["valence"]
    negated = _table(wordnet, "negated")
    bases = {word: base for base, words in _table(wordnet, "derivations").items()
             for word in words if word != base}
    return Relations(
        opposites=_symmetric(_table(wordnet, "antonyms", "direct"),
                             _table(wordnet, "antonyms", "synset"), negated),
        indirect=_symmetric(_table(wordnet, "antonyms", "indirect")),
        negations=_symmetric(negated),
        bases=bases,
        valences={entry: float(value) for entry, value in _table(valence, "valence").items()},
    )
