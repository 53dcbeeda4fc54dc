"""What a sentence says, read off its words: direction, severity, scope, change, numbers.

The same reading is made of a claim and of the report's aligned sentence, so the
verdict compares like with like. Every signal keeps the words that gave it, for
the verdict's explanation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from . import parse, text
from .lexicon import Lexicons
from .match import Hit, PhraseTable

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


# Forms of "be" a negation passes to reach its hedge ("not been fully").
_BE = frozenset({"be", "been", "being"})

# Words after a denial (text.DENIALS) just before a change in amount that leave it a change:
# "have not only increased", "has not stopped rising" (but "is not increasing" is none).
_DENIAL_UNDONE = frozenset({"only", "just", "stopped", "stop", "ceased"})

# Words that end the clause a change in amount is read in.
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "but", "while", "whilst", "whereas",
                          "although", "though", "and", "as", "because"})

_AGE_JOINS = frozenset({"-", "or", "and", "to"})


# How many words after "when" or "if" a condition is taken to run.
_CONDITION_WORDS = 5
# How many words after "no" or "not a single" a second negative undoes it in.
_NONE_SCOPE = 10
# ... and how near "no ..." it may stand with no form of "be" or "left" before it.
_NONE_NEAR = 3


def _ages(norms: Sequence[str]) -> bool:
    """Whether the words name people by age: "16- or 17-year-old", "16 and 17 year olds"."""
    for i, norm in enumerate(norms):
        if norm in {"year-old", "year-olds"} or (norm == "year" and norms[i + 1 : i + 2]
                                                 and norms[i + 1].startswith("old")):
            return i > 0
        if not (_NUMBER.fullmatch(norm) or norm in _AGE_JOINS):
            return False
    return False


# The endings "21st", "22nd" are read as "21" "st".
_ORDINAL = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence, with its comparator ("over 130" -> more, 130)."""

    value: float
    comparator: str  # "less", "more", "about" or "exact"
    words: str
    counted: tuple[str, ...] = ()  # lemmas of the words after it: what it counts

    def same(self, other: Quantity) -> bool:
        """Whether two figures are equal but for rounding ("a third" and "one in three")."""
        return abs(self.value - other.value) <= 0.02 * max(abs(self.value), abs(other.value))

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
        amount: +1 more, -1 fewer or less, 0 neither (a change in how many, not how good);
            with its words.
        absolute: Words that make it hold without exception though they quantify no group
            ("fully", "without any", "straight away"), or "".
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
    absolute: str = ""
    amount: int = 0
    amount_words: str = ""

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

    def __init__(self, lexicons: Lexicons, parser: bool = False) -> None:
        self.parser = parser  # read negation scope and subjects off a dependency parse
        polarity = lexicons["polarity"]
        severity = lexicons["severity"]
        quantifiers = lexicons["quantifiers"]
        self.window = int(polarity["negation_window"])
        self.negators = PhraseTable({"neg": polarity["negators"],
                                     "none": polarity["not_negations"]})
        positive, negative = _with_negations(lexicons, polarity["positive"],
                                             [*polarity["negative"], *polarity["blame"]])
        self.blame = frozenset(polarity["blame"])
        self.answered = frozenset(polarity["answered"])
        self.polar = PhraseTable({"pos": positive, "neg": negative,
                                  "neutral": polarity["neutral"]})
        self.amount = PhraseTable({"more": polarity["more"], "less": polarity["less"],
                                   "none": polarity["not_amount"]})
        self.change = PhraseTable({"up": polarity["improve"], "down": polarity["worsen"],
                                   "none": polarity["not_change"]})
        self.severity = PhraseTable(severity["level"])
        self.hedges = PhraseTable({"hedge": lexicons["hedges"]["words"]})
        self.quantifiers = PhraseTable({**quantifiers["level"], "0": [
            *quantifiers["level"].get("0", ()), *(f"no {g}" for g in quantifiers["groups"])],
            "none": quantifiers["not_quantifiers"]})
        self.comparators = PhraseTable(quantifiers["comparators"])
        self.openers = tuple(tuple(o.split()) for o in quantifiers["openers"])
        self.none_undone = frozenset(quantifiers.get("none_undone", ()))
        self.none_undone_after = frozenset(quantifiers.get("none_undone_after", ()))
        self.none_words = frozenset(quantifiers["level"]["0"]) | {"no", "none of"}
        self.absolutes = PhraseTable({"all": quantifiers["absolutes"]})
        self.verbal_negators = frozenset(polarity["verbal_negators"])
        self.conditions = frozenset(polarity["conditions"])
        self.excess = frozenset(polarity["excess"])
        self.task_before = frozenset(tuple(t.split()) for t in polarity["task_before"])
        self.becoming = frozenset(polarity["becoming"])
        self.getting = frozenset(polarity["getting"])
        self.degree = frozenset(polarity["degree"])
        self.not_becoming = frozenset(polarity["not_becoming"])
        self.hedge_after_negation = tuple(polarity["hedge_after_negation"])
        self.not_negations = frozenset(polarity["not_negations"])
        self.predicate_negation = _alternation(polarity["predicate_negators"])
        self.number_words = {k: float(v) for k, v in quantifiers["number_words"].items()}
        self.fractions = {k: float(v) for k, v in quantifiers["fractions"].items()}
        not_counts = quantifiers["not_counts"]
        self.count_before = frozenset(not_counts["before"])
        self.count_ages = frozenset(not_counts["ages"])
        self.count_units = tuple(not_counts["units"])
        limits = quantifiers["age_limits"]
        self.age_before = PhraseTable({"sure": limits["sure"], "limit": limits["before"]})
        self.age_span = (int(limits["youngest"]), int(limits["oldest"]))
        self.age_follow = frozenset(limits["follow"])
        self.age_lengths = frozenset(limits["lengths"])
        # the same sentence is read for many claims (a unit's text, an aligned quote)
        self.read = lru_cache(maxsize=8192)(self._read)
        self.negation = lru_cache(maxsize=8192)(self._negation)
        self.amounts = lru_cache(maxsize=8192)(self._amounts)

    def _negation(self, sentence: str) -> str:
        """The negation of a predicate in a sentence ("does not"), or "".

        A negation followed by a hedge word ("not always", "not all") is no denial.
        """
        for match in self.predicate_negation.finditer(sentence):
            if self._hedge_after(sentence, match.end()) or self._adds(sentence, match.end()):
                continue
            said = match.group().lower()
            if said in self.none_words and any(
                    level == 5 and words.split()[0] == said.split()[0]
                    for level, words in self.read(sentence).quantifiers):
                continue  # "no care leaver without a plan": a double negative denies nothing
            if self.parser and not parse.denies(sentence, match.start(), match.end()):
                continue
            return match.group()
        return ""

    def _amounts(self, sentence: str) -> tuple[tuple[int, str, str], ...]:
        """Each change in amount in a sentence: its direction (+1 more, -1 less), its words,
        and the words of its clause that say what changes ("caseloads are going up" ->
        "caseloads are going up")."""
        tokens = text.tokens(sentence)
        out = []
        for hit in self.amount.find([t.lemma for t in tokens]):
            before = [t.norm for t in tokens[max(0, hit.start - 2) : hit.start]]
            if hit.key == "none" or (set(before) & text.DENIALS
                                     and not set(before) & _DENIAL_UNDONE):
                continue  # "is not increasing" says no change ("not only", "not stopped" do)
            start, end = hit.start, hit.end
            while start > 0 and tokens[start - 1].norm not in _CLAUSE_ENDS:
                start -= 1
            while end < len(tokens) and tokens[end].norm not in _CLAUSE_ENDS:
                end += 1
            out.append((1 if hit.key == "more" else -1,
                        " ".join(t.norm for t in tokens[hit.start : hit.end]),
                        sentence[tokens[start].start : tokens[end - 1].end]))
        return tuple(out)

    def _changes(self, lemmas: list[str]) -> list[Hit]:
        """The words of change over time, without those that name work ("improvement
        plan")."""
        return [h for h in self.change.find(lemmas) if h.key != "none"]

    def answers(self, claim: str, sentence: str) -> bool:
        """Whether the sentence names what the claim's bad news is ("the pressures") as what
        the service answers ("responded well to these pressures"): it grants them."""
        named = set(self.read(claim).negative) & self.answered  # the claim's own bad news
        return bool(named & {t.norm for t in text.words(sentence)})

    def age_limits(self, sentence: str) -> frozenset[int]:
        """The ages a service starts or stops at in a sentence ("until they are 25",
        "stops at 21", "their 21st birthday"); not the ages that name a group ("aged 16",
        "16- and 17-year-olds")."""
        tokens = text.words(sentence)
        norms = [t.norm for t in tokens]
        out = set()
        for hit in self.age_before.find([t.lemma for t in tokens]):
            if hit.end < len(norms):
                age = self._age(norms[hit.end], norms[hit.end + 1 : hit.end + 4],
                                hit.key == "sure")
                if age is not None and not _ages(norms[hit.end : hit.end + 7]):
                    out.add(age)
        for i, norm in enumerate(norms[:-1]):  # "their 21st birthday", "their 21 birthday"
            if "birthday" in norms[i + 1 : i + 3] and norm.isdigit():
                out.add(int(norm))
        low, high = self.age_span
        return frozenset(a for a in out if low <= a <= high)

    def _age(self, norm: str, following: Sequence[str], sure: bool) -> int | None:
        """An age as written ("21", "21st"), or None. After a word that can only introduce
        an age ("the age of", "turn", ``sure``) any word may follow but a length ("25 years
        of age" is an age, "18 months" is not); after another ("until", "at") the age ends
        its phrase or goes on with a joining word ("until 21 if they are in education"), as
        a count or a figure does not ("are 22 on average", "21 children")."""
        if not re.fullmatch(r"\d{2}", norm):
            return None
        rest = list(following[1:] if following[:1] and following[0] in _ORDINAL else following)
        after = rest[0] if rest else ""
        if after.rstrip("s") in self.age_lengths:
            # "25 years old", "25 years of age", "the age of 25 years"; not "18 months"
            aged = rest[1:2] in (["old"], ["of"]) or (sure and after.rstrip("s") == "year")
            return int(norm) if aged else None
        if after.isdigit() or (not sure and after.isalpha() and after not in self.age_follow):
            return None  # "at 17:00", "are 22 on average"
        return int(norm)

    def hedged_negation(self, sentence: str) -> str:
        """A negation made a limit by the hedge after it ("are not consistently", "is not
        always"), as written; "" when there is none."""
        for match in self.predicate_negation.finditer(sentence):
            hedge = self._hedge_after(sentence, match.end())
            if hedge and not self._adds(sentence, match.end()):  # "not only" adds
                return f"{match.group()} {hedge}"
        return ""

    def _adds(self, sentence: str, end: int) -> bool:
        """Whether the negation ending at ``end`` opens "not only", "not just": it adds to
        what it names, it denies nothing."""
        after = sentence[end : end + 12].lower().split()
        return bool(after) and f"not {after[0].strip(',.;:')}" in self.not_negations

    def _hedge_after(self, sentence: str, end: int) -> str:
        """The hedge word right after a negation, past a form of "be" ("had not been fully
        aware" as "were not fully aware"), or ""."""
        after = [w.strip(",.;:!?") for w in sentence[end : end + 24].lower().split()]
        if after and after[0] in _BE:
            after = after[1:]
        word = after[0] if after else ""
        return word if word in self.hedge_after_negation else ""

    def _read(self, sentence: str) -> Signals:
        """The signals of one sentence."""
        tokens = text.words(sentence)
        lemmas = [t.lemma for t in tokens]
        norms = [t.norm for t in tokens]
        neg_at = {h.start for h in self.negators.find(norms) if h.key == "neg"} | {
            h.start for h in self.negators.find(lemmas) if h.key == "neg"}
        polar_hits = self.polar.find(lemmas)
        polar = [h for h in polar_hits if h.key != "neutral"]
        neutral = [h for h in polar_hits if h.key == "neutral"]
        in_window = {h.start: any(h.start - self.window <= i < h.start for i in neg_at)
                     for h in polar + self._changes(lemmas)}
        if self.parser:
            # the parse says what "not", "no", "never" and "without" deny, however far off
            # ("are not seen by a social worker quickly enough") or near ("children who are
            # not in school get good support"); other negators keep the window
            read = parse.parse(sentence)
            words_cues = {i for i in neg_at if parse.is_cue(norms[i])}
            at = {i: tokens[i].start for i in range(len(tokens))}
            in_window = {h: read.negated(at[h]) or any(
                h - self.window <= i < h for i in neg_at - words_cues) for h in in_window}
            neg_at -= {i for i in words_cues if not read.denial_at(at[i])}
            # "children at risk of harm", "care leavers with serious difficulties": who the
            # finding is about, not the finding
            polar = [h for h in polar if not read.describes(at[h.start])]
        if any(h.key == "pos" and not in_window[h.start] for h in polar):
            # good news of its own: what the service answers is its subject, not a finding
            polar = [h for h in polar if not (h.key == "neg" and h.end - h.start == 1
                                              and norms[h.start] in self.answered)]
        positive, negative = self._polar_words(polar, norms, in_window, neg_at)
        negative += self._excess(sentence, tokens, {i for h in polar + neutral
                                                    for i in range(h.start, h.end)})
        flipped = {max((i for i in neg_at if i < h.start), default=-1)
                   for h in polar if in_window[h.start]}
        for i in sorted(neg_at - flipped):
            if norms[i] in self.verbal_negators and i + 1 < len(norms):
                # "do not know", "does not hear": a negated plain verb is still bad news
                negative.append(f"{norms[i]} {norms[i + 1]}")
        # a negation that denies bad news ("do not receive a diminished service") is no
        # severe finding of its own, nor is a word inside a neutral phrase ("strengths and
        # weaknesses")
        sev, sev_words = _top([h for h in self.severity.find(lemmas)
                               if not any(h.start <= i < h.end for i in flipped)
                               and not any(n.start <= h.start < n.end for n in neutral)],
                              norms)
        quants = self._quantifiers(sentence, tokens, neg_at)
        hedges = tuple(" ".join(norms[h.start : h.end]) for h in self.hedges.find(lemmas)
                       if not self._measures(norms, h.end))
        absolute = next((h.phrase for h in self.absolutes.find(lemmas)), "")
        change, change_words = self._change(lemmas, norms, in_window,
                                            self._conditions(sentence, tokens))
        amount, amount_words = next(((d, w) for d, w, _ in self.amounts(sentence)), (0, ""))
        # the finding's words before the blame reported of it ("criticised as ineffective")
        negative.sort(key=lambda words: words in self.blame)
        return Signals(tuple(positive), tuple(negative), sev, sev_words, quants, hedges,
                       change, change_words, self._numbers(sentence, norms, lemmas),
                       absolute=absolute, amount=amount, amount_words=amount_words)

    @staticmethod
    def _polar_words(polar: list[Hit], norms: list[str], negated: dict[int, bool],
                     neg_at: set[int]) -> tuple[list[str], list[str]]:
        """The good-news and bad-news words of a sentence's evaluative hits, a negated one on
        the other side and written with its negator ("not ... good")."""
        positive: list[str] = []
        negative: list[str] = []
        for hit in polar:
            words = " ".join(norms[hit.start : hit.end])
            if negated[hit.start]:
                cue = max((i for i in neg_at if i < hit.start), default=-1)
                words = f"{norms[cue]} ... {words}" if cue >= 0 else f"not ... {words}"
            is_positive = (hit.key == "pos") != negated[hit.start]
            (positive if is_positive else negative).append(words)
        return positive, negative

    def _change(self, lemmas: list[str], norms: list[str], negated: dict[int, bool],
                conditional: set[int]) -> tuple[int, str]:
        """The change over time a sentence gives (+1 better, -1 worse; a negation turns
        it), a worsening first; and its words. A change inside a condition ("delays when
        their situation worsened") is not one the sentence reports."""
        change, words = 0, ""
        for hit in self._changes(lemmas):
            if hit.start in conditional or (hit.key == "up" and self._task(norms, hit.start)):
                continue
            change = (1 if hit.key == "up" else -1) * (-1 if negated[hit.start] else 1)
            words = " ".join(norms[hit.start : hit.end])
            if change < 0:
                break
        if not change:
            change, words = self._grown(lemmas, norms, negated, conditional)
        return change, words

    def _grown(self, lemmas: list[str], norms: list[str], negated: dict[int, bool],
               conditional: set[int]) -> tuple[int, str]:
        """A change said with a word of becoming ("have become more timely", "has got
        slower"): its direction from the good or bad word made comparative, and its words."""
        for i, lemma in enumerate(lemmas[:-1]):
            if (lemma not in self.becoming and lemma not in self.getting) or i in conditional:
                continue
            j = i + 1 + (lemmas[i + 1] in self.degree)
            sign = 1
            if lemma in self.becoming and lemmas[j : j + 1] in (["more"], ["less"]):
                sign, j = (1 if lemmas[j] == "more" else -1), j + 1  # "become more timely"
            elif j < len(lemmas) and lemmas[j] == norms[j]:
                continue  # no comparative ("become a foster carer")
            if j >= len(lemmas) or lemmas[j] in self.not_becoming:
                continue  # nothing made comparative, or a measure ("caseloads became lower")
            hits = [h for h in self.polar.find(lemmas[j : j + 1]) if h.key in ("pos", "neg")]
            if hits:
                change = sign * (1 if hits[0].key == "pos" else -1) * (-1 if negated.get(j) else 1)
                return change, " ".join(norms[i : j + 1])
        return 0, ""

    def _task(self, norms: list[str], at: int) -> bool:
        """Whether the word of change at `at` names a task ("a focus on improving")."""
        return norms[at].endswith("ing") and (at == 0 or any(
            tuple(norms[max(0, at - len(cue)) : at]) == cue for cue in self.task_before))

    def _excess(self, sentence: str, tokens: Sequence[text.Token], covered: set[int]
                ) -> list[str]:
        """"Too long", "overly optimistic": more than it should be is bad news, whatever the
        word after it (unless a lexicon phrase already reads those words)."""
        return [f"{tokens[i].norm} {tokens[i + 1].norm}" for i in range(len(tokens) - 1)
                if tokens[i].lemma in self.excess and not {i, i + 1} & covered
                and tokens[i + 1].norm.isalpha()
                and not sentence[tokens[i].end : tokens[i + 1].start].strip()]

    def _conditions(self, sentence: str, tokens: Sequence[text.Token]) -> set[int]:
        """The places of the words inside a condition: the few after "when", "if" or
        "once", up to the next comma ("delays when their situation worsened"; but not "the
        way it responds when children are referred has got much better")."""
        inside: set[int] = set()
        opened = -1
        for i, token in enumerate(tokens):
            if i and re.search(r"[,;:]", sentence[tokens[i - 1].end : token.start]):
                opened = -1
            if token.lemma in self.conditions:
                opened = i
            elif opened >= 0 and i - opened <= _CONDITION_WORDS:
                inside.add(i)
        return inside

    def _quantifiers(self, sentence: str, tokens: Sequence[text.Token], neg_at: set[int]
                     ) -> tuple[tuple[int, str], ...]:
        """The quantifiers of a sentence by level: a negated universal ("not all") is
        level 2, as is a finding confined by its opening ("Where practice is stronger"), and
        a "no" undone by "without" ("no child is left without an offer") level 5."""
        norms, lemmas = [t.norm for t in tokens], [t.lemma for t in tokens]
        quants = tuple(
            (2 if int(h.key) == 5 and any(h.start - 2 <= i < h.start for i in neg_at)
             else 5 if h.key == "0" and self._none_without(
                 self._clause_after(sentence, tokens[h.end - 1].end))
             else int(h.key), " ".join(norms[h.start : h.end]))
            for h in self.quantifiers.find(lemmas)
            if h.key != "none" and not self._measures(norms, h.end))
        opener = next((o for o in self.openers if norms[: len(o)] == list(o)), None)
        return quants + ((2, " ".join(opener)),) if opener else quants

    def _none_without(self, after: Sequence[str]) -> bool:
        """Whether "none" is undone by a second negative in the words of its clause after it:
        "no care leaver in the borough without a pathway plan", "no child is left without an
        offer" speak of all of them; "no assessments were completed for children without a
        social worker" does not (quantifiers.toml none_undone)."""
        for i, word in enumerate(after[:_NONE_SCOPE]):
            if word in self.none_undone:
                return i <= _NONE_NEAR or after[i - 1] in self.none_undone_after
        return False

    def _clause_after(self, sentence: str, end: int) -> list[str]:
        """The words of a sentence from ``end`` to the end of its clause (a comma or a
        semicolon)."""
        clause = re.split(r"[,;:]", sentence[end:], maxsplit=1)[0]
        return [w.strip("'\"‘’“”()") for w in text.normalise(clause).lower().split()]

    def _measures(self, norms: list[str], end: int) -> bool:
        """Whether a quantifier ending at ``end`` measures time or counts, not a group:
        "every year", "over a number of years", "all 12 district councils"."""
        following = norms[end : end + 2]
        if not following:
            return False
        if following[0].startswith(self.count_units):
            return True
        if _ages(norms[end : end + 7]):
            return False  # "every 16- or 17-year-old", "all 16 and 17 year olds": a group
        return bool(_NUMBER.fullmatch(following[0]) or following[0] in self.number_words)

    def _numbers(self, sentence: str, norms: list[str], lemmas: list[str]) -> tuple[Quantity, ...]:
        comparators = {}
        for h in self.comparators.find(lemmas):
            # "over 130", and "over a third"
            at = h.end + 1 if h.end < len(norms) and norms[h.end] in {"a", "an"} else h.end
            comparators[at] = (h.key, " ".join(norms[h.start : h.end]))
        out = []
        skip = -1
        for i, norm in enumerate(norms):
            if i <= skip or not (norm[:1].isdigit() or norm in self.number_words
                                 or norm in self.fractions or norm.endswith("%")):
                continue
            value: float | None = None
            ratio = self._ratio(norms, i)
            if ratio is not None:
                # "one in three", "two out of five": a proportion, not two counts
                value, skip = ratio
                key, words = comparators.get(i, ("exact", ""))
                out.append(Quantity(value, key, " ".join([words, *norms[i : skip + 1]]).strip(),
                                    _counted(lemmas, skip + 1)))
                continue
            if _NUMBER.fullmatch(norm):
                value = float(norm.replace(",", ""))
            elif norm in self.number_words:
                value = self.number_words[norm]
            elif norm in self.fractions or norm.endswith("%"):
                value = (self.fractions[norm] if norm in self.fractions  # 0 is a value
                         else float(norm.rstrip("%") or 0) / 100)
            if value is None or (1900 <= value <= 2100 and "." not in norm):
                continue  # years are dates, not quantities
            ahead = norms[i + 1 : i + 4]
            rate = any(n in {"a", "per", "each", "every"} for n in ahead)
            if ((not rate and any(n.startswith(self.count_units) for n in ahead))
                    or (i > 0 and norms[i - 1] in self.count_before)
                    or self.count_ages & set(norms[max(0, i - 3) : i])):
                continue  # ages, durations, references: not counts
            key, words = comparators.get(i, ("exact", ""))
            out.append(Quantity(value, key, f"{words} {norm}".strip(), _counted(lemmas, i + 1)))
        return tuple(out)

    def _count(self, norm: str) -> float | None:
        if _NUMBER.fullmatch(norm):
            return float(norm.replace(",", ""))
        return self.number_words.get(norm)

    def _ratio(self, norms: list[str], i: int) -> tuple[float, int] | None:
        """A proportion written "N in M" or "N out of M" starting at ``i``: its value and the
        index of its last word."""
        top = self._count(norms[i])
        if top is None:
            return None
        for link in (["in"], ["out", "of"]):
            j = i + 1 + len(link)
            if norms[i + 1 : j] == link and j < len(norms):
                bottom = self._count(norms[j])
                if bottom and bottom > top:
                    return top / bottom, j
        return None


def _counted(lemmas: list[str], start: int) -> tuple[str, ...]:
    """The content words just after a number: what it counts ("30 mainstream foster
    carers" -> mainstream, foster, carer; "£1.4 million a year" -> million, year)."""
    return tuple(w for w in lemmas[start : start + 4] if w.isalpha() and len(w) > 2
                 and w not in _GLUE)[:3]


_GLUE = frozenset({"the", "and", "new", "more", "than", "who", "which", "that", "were", "are",
                   "was", "have", "had", "been", "being", "their", "our", "its", "for", "with",
                   "additional", "extra", "further", "other", "per", "each", "every"})


def _with_negations(lexicons: Lexicons, positive: list[str], negative: list[str]
                    ) -> tuple[list[str], list[str]]:
    """The evaluative words with their morphological opposites (WordNet's negated pairs):
    "unsuitable" is bad news, so "suitable" is good news; "effective" is good news, so
    "ineffective" is bad. The lists' own words keep their side."""
    from .relations import Relations

    relations = Relations.from_lexicons(lexicons)
    listed = set(positive) | set(negative)

    def opposites(words: list[str], shorter: bool) -> list[str]:
        out = []
        for word in words:
            for other in sorted(relations.negations.get(word, ())):
                if other not in listed and (len(other) < len(word)) == shorter:
                    out.append(other)
        return out

    return ([*positive, *opposites(negative, True)],
            [*negative, *opposites(positive, False)])


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


def unshared(signals: Signals, other: str) -> Signals:
    """A sentence's reading without the plain evaluative words whose every lemma the other
    sentence also has (its severity too, when those are its words): what both speak of, not
    a finding. A negated one ("not ... good") is a finding, whatever the other says."""
    theirs = set(text.lemmas(other))

    def own(words: str) -> bool:
        if "..." in words:
            return True
        lemmas = [lemma for lemma in text.lemmas(words) if lemma.isalpha()]
        return not lemmas or not set(lemmas) <= theirs

    shared_severity = bool(signals.severity_words) and not own(signals.severity_words)
    return replace(signals, positive=tuple(w for w in signals.positive if own(w)),
                   negative=tuple(w for w in signals.negative if own(w)),
                   severity=0 if shared_severity else signals.severity)


@cache
def reader(lexicons: Lexicons, parser: bool = False) -> Reader:
    """The signal reader for these lexicons (built once per process)."""
    return Reader(lexicons, parser)
