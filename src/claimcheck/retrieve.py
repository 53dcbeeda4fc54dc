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
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz

from . import text
from .grades import book
from .lexicon import Lexicons
from .match import Hit, PhraseTable
from .relations import Relations
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
# A unit's score: how much of the claim's weight the unit covers, how much its best sentence
# covers, and fuzzy phrase overlap (the bound that stops scoring early uses the same weights).
UNIT_WEIGHT = 0.45
SENTENCE_WEIGHT = 0.35
FUZZY_WEIGHT = 0.20
# The best sentence of a unit: its cover, plus this much of its fuzzy token-set overlap.
ALIGN_FUZZY = 0.3


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
    # derived, never stored: each sentence lower-cased, for fuzzy alignment, and the terms
    # of all its sentences, which bound what any one of them can cover
    lowered: tuple[str, ...] = field(init=False, repr=False, compare=False)
    sentence_terms: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lowered", tuple(
            self.unit.text[p.start : p.end].lower() for p in self.passages))
        object.__setattr__(self, "sentence_terms",
                           frozenset().union(*(p.terms for p in self.passages)))


@dataclass(frozen=True, slots=True)
class Index:
    """Everything retrieval needs of one report, built once and cached."""

    report: Report
    units: tuple[IndexedUnit, ...]
    idf: dict[str, float]
    avg_length: float
    place: frozenset[str] = frozenset()  # the council's name: every claim names it
    # derived, never stored: for each term the units holding it (by position) and how often,
    # so a claim is scored only against the units that share a term with it
    postings: dict[str, tuple[tuple[int, int], ...]] = field(
        init=False, repr=False, compare=False)
    # derived, never stored: area -> id of the first numbered paragraph of its section
    leads: dict[str, str] = field(init=False, repr=False, compare=False)
    # derived, never stored: the report's whole text, lower case; the highest idf
    lowered: str = field(init=False, repr=False, compare=False)
    top_idf: float = field(init=False, repr=False, compare=False)
    # derived, never stored: each unit's BM25 length norm, by position; the units by id
    norms: tuple[float, ...] = field(init=False, repr=False, compare=False)
    by_id: dict[str, IndexedUnit] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        postings: dict[str, list[tuple[int, int]]] = {}
        leads: dict[str, str] = {}
        for position, unit in enumerate(self.units):
            for term, tf in unit.counts.items():
                postings.setdefault(term, []).append((position, tf))
            if unit.area and unit.unit.id.isdigit() and unit.area not in leads:
                leads[unit.area] = unit.unit.id
        object.__setattr__(self, "postings", {t: tuple(p) for t, p in postings.items()})
        object.__setattr__(self, "leads", leads)
        object.__setattr__(self, "lowered",
                           " ".join(u.text for u in self.report.units).lower())
        object.__setattr__(self, "top_idf", max(self.idf.values(), default=0.0))
        # the first unit of an id, as a scan would find it
        object.__setattr__(self, "by_id", {u.unit.id: u for u in reversed(self.units)})
        object.__setattr__(self, "norms", tuple(
            K1 * (1 - B + B * unit.length / self.avg_length) for unit in self.units))

    def indexed(self, unit_id: str) -> IndexedUnit:
        """The indexed unit with this id; KeyError when the report has none."""
        return self.by_id[unit_id]


class Vocabulary:
    """Turns text into retrieval terms with one set of lexicons."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.stop = frozenset(lexicons["stopwords"]["words"])
        self.glue = frozenset(lexicons["stopwords"]["phrase_glue"])
        self.light = frozenset(lexicons["stopwords"]["light"])
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
        # a word with a negating prefix is also found by its base ("unsupported" by
        # "supported"), so that a claim and a sentence that deny each other meet
        relations = Relations.from_lexicons(lexicons)
        self.unprefixed = {word: text.stem(base) for word, bases in relations.negations.items()
                           for base in [min(bases, key=len)]
                           if len(base) < len(word) and _describes(word)}
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
        out += [self.unprefixed[t.lemma] for t in tokens if t.lemma in self.unprefixed]
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
        return frozenset({t.stem for i, t in enumerate(tokens) if i not in inside
                          and self._topical(t)} | {"=" + hit.key for hit in hits})

    def _topical(self, token: text.Token) -> bool:
        """Whether a word says what a passage is about: not a function word, nor an
        evaluative or quantifying word."""
        return (token.lemma not in self.stop and token.lemma not in self.light
                and len(token.norm) > 1 and token.stem not in self.evaluative)

    def coverage(self, claim: str, passages: Iterable[str], place: frozenset[str] | set[str]
                 = frozenset(), common: frozenset[str] | set[str] = frozenset()
                 ) -> tuple[float, set[str]]:
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
            held |= common
            if not grouped:
                # a compound's parts are its words too ("asylum-seeking" holds "seeking")
                held |= set().union(*(read(t.replace("-", " ")) for t in texts if "-" in t))
            share = len(terms & held) / len(terms)
            if grouped or share > best[0]:
                best = (share, set(terms - held))
        return best

    def _plain_terms(self, passage: str) -> frozenset[str]:
        """Topic terms with no synonym groups: every content word for itself."""
        return frozenset(t.stem for t in text.words(passage) if self._topical(t))


# A negating prefix on a describing word ("unsafe", "inconsistent", "unsupported"); "dis-"
# and words that name a thing ("disorder", "uncover", "discharge") are left alone.
_DESCRIBING = re.compile(r"^(?:un|in|im|ir|il|non)-?[a-z]+(?:ed|ive|ent|ant|able|ible|ful|al|"
                         r"ate|ous|ic|ly|ing|ary|ory|y|e|ear)$")


def _describes(word: str) -> bool:
    return bool(_DESCRIBING.match(word))


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


def _bm25(query: Counter[str], index: Index) -> dict[int, float]:
    """BM25 of every unit sharing a term with ``query``, by the unit's position."""
    scores: dict[int, float] = {}
    for term in query:
        idf = index.idf[term]
        norms = index.norms
        for position, tf in index.postings.get(term, ()):
            scores[position] = (scores.get(position, 0.0)
                                + idf * tf * (K1 + 1) / (tf + norms[position]))
    return scores


def leans_on(claim: str, context: str, lexicons: Lexicons) -> bool:
    """Whether ``context`` changes what :func:`evidence` finds for ``claim``: the claim
    names no judgement area and the context does."""
    return _area(vocabulary(lexicons), claim, context)[1]


def _area(vocab: Vocabulary, claim: str, context: str) -> tuple[str, bool]:
    """The judgement area a claim is about, and whether it is borrowed from ``context``
    (the claim before it) because the claim names none."""
    area = vocab.area(claim)
    if area or not context:
        return area, False
    borrowed = vocab.area(context)
    return borrowed, bool(borrowed)


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
    area, leaning = _area(vocab, claim, context)
    borrowed = {t for t in vocab.terms(context) if t.startswith("=") and t in index.idf
                and t not in terms} if leaning else set()
    query = Counter(t for t in [*terms, *borrowed] if t in index.idf)
    if not query:
        return []
    weight = {term: index.idf[term] * (CONTEXT_WEIGHT if term in borrowed else 1.0)
              for term in query}
    # Words the report never uses still count against coverage: a claim about
    # "budget" or "Ombudsman" is not addressed by a paragraph that shares "care leaver".
    unknown = {t for t in terms if t not in index.idf and not t.startswith("=")}
    total = sum(weight.values()) + OOV_WEIGHT * len(unknown) * index.top_idf
    ranked = _ranked(query, index, area)[: max(k * 3, 8)]
    return _best(claim.lower(), ranked, list(weight.items()), total, index, area, k)


def _ranked(query: Counter[str], index: Index, area: str) -> list[IndexedUnit]:
    """The units that share a term with the query, by BM25 with the section priors."""
    leads = index.leads
    ranked = []
    for position, raw in sorted(_bm25(query, index).items()):
        if raw <= 0:
            continue
        unit = index.units[position]
        if area and unit.area == area:
            raw *= SECTION_PRIOR
            if unit.unit.id == leads.get(area):
                raw *= LEAD_PRIOR
        ranked.append((raw, unit))
    ranked.sort(key=lambda pair: -pair[0])
    return [unit for _raw, unit in ranked]


def _best(lowered: str, candidates: list[IndexedUnit], weights: list[tuple[str, float]],
          total: float, index: Index, area: str, k: int) -> list[Evidence]:
    """The ``k`` best-scored candidates, best first (ties in candidate order).

    The candidates most promising are scored first, and scoring stops once no other can
    reach the k-th score: a bound takes the sentence cover at its most and the fuzzy
    overlap as perfect, so the result is what scoring them all gives. ``weights`` are in
    the query's order, so sums add up the same way everywhere.
    """
    bounded = []
    for order, unit in enumerate(candidates):
        bonus = 0.0
        if area and unit.area == area:
            bonus = SECTION_BONUS * (2 if unit.unit.id == index.leads.get(area) else 1)
        unit_cover = sum([w for t, w in weights if t in unit.counts]) / total
        sentence_cover = sum([w for t, w in weights if t in unit.sentence_terms]) / total
        bound = min(1.0, UNIT_WEIGHT * unit_cover + SENTENCE_WEIGHT * sentence_cover
                    + FUZZY_WEIGHT) + bonus
        bounded.append((bound, order, unit, bonus))
    bounded.sort(key=lambda item: (-item[0], item[1]))
    scored: list[tuple[float, int, Evidence]] = []
    for bound, order, unit, bonus in bounded:
        if len(scored) >= k and bound + _ROUNDING < scored[k - 1][0]:
            break
        found = _score(lowered, weights, total, unit)
        if bonus:
            found = replace(found, score=round(min(1.0, found.score + bonus), 4))
        scored.append((found.score, order, found))
        scored.sort(key=lambda item: (-item[0], item[1]))
    return [found for _score_, _order, found in scored[:k]]


_ROUNDING = 1e-3  # scores are rounded to four places: a bound this far above is safe


def _score(lowered: str, weights: list[tuple[str, float]], total: float, unit: IndexedUnit
           ) -> Evidence:
    """Blend unit coverage, best-sentence coverage and fuzzy overlap into [0, 1], for a
    claim (lower case) and its terms' weights."""
    covered = [(t, w) for t, w in weights if t in unit.counts]
    unit_cover = sum([w for _t, w in covered]) / total
    covers = [sum([w for t, w in covered if t in passage.terms]) / total
              for passage in unit.passages]
    # the best sentence is the first with the highest value; the sentences that cover most
    # are tried first, and one that even a perfect fuzzy overlap cannot lift is skipped
    best, best_value = 0, -1.0
    for i in sorted(range(len(covers)), key=lambda n: -covers[n]):
        if (covers[i] + ALIGN_FUZZY, -i) <= (best_value, -best):
            continue
        # a ratio below the cutoff could not make this sentence the best: rapidfuzz then
        # stops early and returns 0
        cutoff = max(0.0, (best_value - covers[i]) * 100 / ALIGN_FUZZY)
        ratio = fuzz.token_set_ratio(lowered, unit.lowered[i], score_cutoff=cutoff)
        if not ratio and cutoff:
            continue
        value = covers[i] + ALIGN_FUZZY * ratio / 100
        if (value, -i) > (best_value, -best):
            best, best_value = i, value
    passage = unit.passages[best]
    quote = unit.unit.text[passage.start : passage.end]
    fuzzy = fuzz.partial_ratio(lowered, unit.lowered[best]) / 100
    score = UNIT_WEIGHT * unit_cover + SENTENCE_WEIGHT * covers[best] + FUZZY_WEIGHT * fuzzy
    matched = tuple(t for t, _w in sorted(covered, key=lambda pair: -pair[1]))
    return Evidence(unit.unit.id, round(min(1.0, score), 4), quote, passage.start, passage.end,
                    matched)
