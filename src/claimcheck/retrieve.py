"""Evidence: the report units that bear on a claim, best first.

Each unit is indexed once per report (and cached by content): its words as
stemmed lemmas, plus a term for every domain synonym group it mentions, so "young
people leaving care" finds "care leavers". A claim is scored against every unit
with BM25, with a prior for the section the claim's subject belongs to; the score
a user sees blends how much of the claim's weight the unit covers, the sentence
that covers most of it, and fuzzy phrase overlap, in [0, 1]. Inside the unit the
best-aligned sentence is the quote the verdict is decided on.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz

from . import text
from .grades import book
from .lexicon import Lexicons
from .match import Hit, PhraseTable
from .types import Evidence, Report, Unit

K1 = 1.2
B = 0.75
JUDGEMENTS = "judgements"
OOV_WEIGHT = 0.6
# A claim that names a judgement area looks first in that area's section, and most of
# all at the section's first paragraph, where an ILACS report states its overall finding.
SECTION_PRIOR = 1.25
LEAD_PRIOR = 1.3
SECTION_BONUS = 0.05
# Weight of a synonym group a claim borrows from the claim before it, against its own words.
CONTEXT_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of a unit, with its offsets in the unit's text and its terms."""

    start: int
    end: int
    terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class IndexedUnit:
    """A unit with its term counts and sentences."""

    unit: Unit
    counts: Counter[str]
    length: int
    passages: tuple[Passage, ...]
    area: str


@dataclass(frozen=True, slots=True)
class Index:
    """Everything retrieval needs of one report, built once and cached."""

    report: Report
    units: tuple[IndexedUnit, ...]
    idf: dict[str, float]
    avg_length: float
    place: frozenset[str] = frozenset()  # the council's name: every claim names it

    def indexed(self, unit_id: str) -> IndexedUnit:
        """The indexed unit with this id; KeyError when the report has none."""
        for unit in self.units:
            if unit.unit.id == unit_id:
                return unit
        raise KeyError(unit_id)


class Vocabulary:
    """Turns text into retrieval terms with one set of lexicons."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.stop = frozenset(lexicons["stopwords"]["words"])
        self.glue = frozenset(lexicons["stopwords"]["phrase_glue"])
        self.synonyms = PhraseTable(lexicons["synonyms"]["group"])
        self.area = book(lexicons).area
        # every word of a quantifier phrase ("almost all") quantifies; of other phrases, only
        # euphemisms are evaluative word by word
        quantifiers = {w for level in lexicons["quantifiers"]["level"].values() for w in level}
        euphemisms = set(lexicons["hedges"]["euphemisms"]) | quantifiers
        words = [*lexicons["polarity"]["positive"], *lexicons["polarity"]["negative"],
                 *lexicons["hedges"]["words"], *lexicons["hedges"]["euphemisms"],
                 *(w for level in lexicons["severity"]["level"].values() for w in level),
                 *(w for level in lexicons["quantifiers"]["level"].values() for w in level)]
        self.evaluative = frozenset(t.stem for w in words for t in text.words(w)
                                    if t.lemma not in self.stop and (" " not in w or
                                                                     w in euphemisms))
        # report sentences and paragraphs are read for many claims: each is read once
        self.terms = lru_cache(maxsize=8192)(self._terms)
        self.topic_terms = lru_cache(maxsize=8192)(self._topic_terms)
        self.plain_terms = lru_cache(maxsize=8192)(self._plain_terms)

    def _terms(self, passage: str) -> tuple[str, ...]:
        """Stemmed content lemmas of ``passage``, and a ``=group`` term per synonym group."""
        tokens, hits = self._read(passage)
        # function words inside a synonym phrase ("looked after children") count only
        # through the group, not on their own
        glue = {i for hit in hits for i in range(hit.start, hit.end)
                if hit.end - hit.start > 1 and tokens[i].lemma in self.glue}
        out = [t.stem for i, t in enumerate(tokens)
               if i not in glue and t.lemma not in self.stop and len(t.norm) > 1]
        out += ["=" + hit.key for hit in hits]
        return tuple(out)

    def _read(self, passage: str) -> tuple[list[text.Token], list[Hit]]:
        tokens = text.words(passage)
        return tokens, self.synonyms.find([t.lemma for t in tokens])

    def _topic_terms(self, passage: str) -> frozenset[str]:
        """What a passage is about: its terms with each synonym phrase as its group alone
        ("caseloads" and "workloads" are one thing) and without evaluative or quantifying
        words ("solid", "a few")."""
        tokens, hits = self._read(passage)
        inside = {i for hit in hits for i in range(hit.start, hit.end)}
        return frozenset({t.stem for i, t in enumerate(tokens)
                          if i not in inside and t.lemma not in self.stop and len(t.norm) > 1
                          and t.stem not in self.evaluative} | {"=" + hit.key for hit in hits})

    def coverage(self, claim: str, passages: Iterable[str], place: frozenset[str] | set[str]
                 = frozenset()) -> tuple[float, set[str]]:
        """The share of the claim's topic terms the passages hold, and the terms they do not.

        Read twice, with each synonym phrase as its group and with its words one by one, and
        the better reading counts: "placed with parents" is the group of "returned home to
        their parents", and also its own words where the report uses them but not the group.
        """
        texts = list(passages)
        best: tuple[float, set[str]] = (1.0, set())
        for grouped in (True, False):
            read = self.topic_terms if grouped else self.plain_terms
            terms = read(claim) - place
            if not terms:
                return 1.0, set()
            held = set().union(*(read(t) for t in texts)) if texts else set()
            share = len(terms & held) / len(terms)
            if grouped or share > best[0]:
                best = (share, set(terms - held))
        return best

    def _plain_terms(self, passage: str) -> frozenset[str]:
        """Topic terms with no synonym groups: every content word for itself."""
        return frozenset(t.stem for t in text.words(passage) if t.lemma not in self.stop
                         and len(t.norm) > 1 and t.stem not in self.evaluative)


@cache
def vocabulary(lexicons: Lexicons) -> Vocabulary:
    """The vocabulary for these lexicons (built once per process)."""
    return Vocabulary(lexicons)


def build(report: Report, lexicons: Lexicons) -> Index:
    """Index every unit of ``report``."""
    vocab = vocabulary(lexicons)
    units = []
    df: Counter[str] = Counter()
    for unit in report.units:
        passages = []
        for start, end in unit_sentences(unit):
            passages.append(Passage(start, end, frozenset(vocab.terms(unit.text[start:end]))))
        counts = Counter(vocab.terms(unit.text))
        df.update(counts.keys())
        units.append(IndexedUnit(unit, counts, sum(counts.values()), tuple(passages),
                                 vocab.area(unit.section)))
    n = len(units)
    idf = {term: math.log(1 + (n - freq + 0.5) / (freq + 0.5)) for term, freq in df.items()}
    avg = sum(u.length for u in units) / n if n else 1.0
    place = frozenset(vocab.terms(report.place)) if report.place else frozenset()
    return Index(report, tuple(units), idf, avg or 1.0, place)


def unit_sentences(unit: Unit) -> list[tuple[int, int]]:
    """Sentence spans of a unit; the judgement table is one sentence per row."""
    if unit.id == JUDGEMENTS or unit.grades:
        spans = []
        for row, grade in unit.grades:
            start = unit.text.find(row)
            if start >= 0:
                end = unit.text.find(grade, start + len(row))
                spans.append((start, end + len(grade) if end >= 0 else start + len(row)))
        return spans or [(0, len(unit.text))]
    return text.sentence_spans(unit.text) or [(0, len(unit.text))]


def _section_leads(index: Index) -> dict[str, str]:
    """Area -> id of the first numbered paragraph of that area's section."""
    leads: dict[str, str] = {}
    for unit in index.units:
        if unit.area and unit.unit.id.isdigit() and unit.area not in leads:
            leads[unit.area] = unit.unit.id
    return leads


def _bm25(query: Counter[str], unit: IndexedUnit, index: Index) -> float:
    score = 0.0
    norm = K1 * (1 - B + B * unit.length / index.avg_length)
    for term in query:
        tf = unit.counts.get(term, 0)
        if tf:
            score += index.idf[term] * tf * (K1 + 1) / (tf + norm)
    return score


def evidence(
    claim: str, index: Index, lexicons: Lexicons, k: int = 3, context: str = "",
) -> list[Evidence]:
    """The ``k`` units that bear most on ``claim``, best first, each with its aligned quote.

    Args:
        claim: The claim's text.
        index: The report's index.
        lexicons: The lexicons the index was built with.
        k: How many units to return at most.
        context: The claim before this one in the statement. A claim that names no
            judgement area takes that claim's area and, at half weight, its synonym groups:
            "Swift action was taken to put the support in place" after a sentence about
            care leavers is about care leavers.
    """
    vocab = vocabulary(lexicons)
    terms = [t for t in vocab.terms(claim) if t not in index.place]
    area = vocab.area(claim)
    borrowed: set[str] = set()
    if not area and context:
        area = vocab.area(context)
        if area:
            borrowed = {t for t in vocab.terms(context)
                        if t.startswith("=") and t in index.idf and t not in terms}
    query = Counter(t for t in [*terms, *borrowed] if t in index.idf)
    if not query:
        return []
    weight = {term: index.idf[term] * (CONTEXT_WEIGHT if term in borrowed else 1.0)
              for term in query}
    # Words the report never uses still count against coverage: a claim about
    # "budget" or "Ombudsman" is not addressed by a paragraph that shares "care leaver".
    unknown = {t for t in terms if t not in index.idf and not t.startswith("=")}
    total = sum(weight.values()) + OOV_WEIGHT * len(unknown) * max(index.idf.values())
    leads = _section_leads(index)
    ranked = []
    for unit in index.units:
        raw = _bm25(query, unit, index)
        if raw <= 0:
            continue
        if area and unit.area == area:
            raw *= SECTION_PRIOR
            if unit.unit.id == leads.get(area):
                raw *= LEAD_PRIOR
        ranked.append((raw, unit))
    ranked.sort(key=lambda pair: -pair[0])
    out = []
    for _raw, unit in ranked[: max(k * 3, 8)]:
        found = _score(claim, query, weight, total, unit)
        if area and unit.area == area:
            bonus = SECTION_BONUS * (2 if unit.unit.id == leads.get(area) else 1)
            found = replace(found, score=round(min(1.0, found.score + bonus), 4))
        out.append(found)
    out.sort(key=lambda ev: -ev.score)
    return out[:k]


def _score(
    claim: str, query: Counter[str], weight: dict[str, float], total: float, unit: IndexedUnit
) -> Evidence:
    """Blend unit coverage, best-sentence coverage and fuzzy overlap into [0, 1]."""
    covered = [term for term in query if term in unit.counts]
    unit_cover = sum(weight[t] for t in covered) / total
    best, best_value = unit.passages[0], -1.0
    for passage in unit.passages:
        cover = sum(weight[t] for t in query if t in passage.terms) / total
        sentence = unit.unit.text[passage.start : passage.end]
        value = cover + 0.3 * fuzz.token_set_ratio(claim.lower(), sentence.lower()) / 100
        if value > best_value:
            best, best_value = passage, value
    sentence_cover = sum(weight[t] for t in query if t in best.terms) / total
    quote = unit.unit.text[best.start : best.end]
    fuzzy = fuzz.partial_ratio(claim.lower(), quote.lower()) / 100
    score = 0.45 * unit_cover + 0.35 * sentence_cover + 0.20 * fuzzy
    matched = tuple(sorted(covered, key=lambda t: -weight[t]))
    return Evidence(unit.unit.id, round(min(1.0, score), 4), quote, best.start, best.end, matched)
