"""Phrase tables: find lexicon phrases in text, on lemmas, longest first.

Every lexicon of claimcheck is a set of phrases under keys (a group, a level, a
grade). One matcher serves them all, so "looked after children" and "looked-after
child" match the same way in a claim and in a report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from . import text


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found in a token sequence: tokens ``start`` to ``end`` (exclusive)."""

    key: str
    phrase: str
    start: int
    end: int


def phrase_lemmas(phrase: str) -> tuple[str, ...]:
    """The lemma sequence a phrase is matched as."""
    return tuple(token.lemma for token in text.tokens(phrase) if token.norm not in {"-"})


class PhraseTable:
    """Phrases under keys, matched on lemma sequences, longest match first."""

    def __init__(self, entries: Mapping[str, Iterable[str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for key, phrases in entries.items():
            for phrase in phrases:
                lemmas = phrase_lemmas(phrase)
                if lemmas:
                    self._by_first.setdefault(lemmas[0], []).append((lemmas, key, phrase))
        for options in self._by_first.values():
            options.sort(key=lambda option: -len(option[0]))

    def find(self, lemmas: Sequence[str]) -> list[Hit]:
        """Every phrase in ``lemmas``, longest first and disjoint."""
        hits = []
        i = 0
        while i < len(lemmas):
            matched = 0
            for seq, key, phrase in self._by_first.get(lemmas[i], ()):
                if tuple(lemmas[i : i + len(seq)]) == seq:
                    hits.append(Hit(key, phrase, i, i + len(seq)))
                    matched = len(seq)
                    break
            i += matched or 1
        return hits
