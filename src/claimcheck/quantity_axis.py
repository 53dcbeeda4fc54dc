"""The quantity axis: how much of a group a claim and its evidence speak of, and figures.

"Every care leaver" against documented exceptions; "few" or "a minority" against "most"
(opposite ends of the group); "only a handful" of a bad finding the report sets no limit
on; "a small number" against "a significant number"; a claimed count against the report's
count of the same thing ("recruit 50 foster carers" against "30 ... foster carers").
The scale and its words are in ``quantifiers.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import text
from .retrieve import Index, Vocabulary
from .signals import Quantity, Reader, Signals, unshared
from .types import Evidence, Label, Step

# Words between a quantifier and the noun it counts ("the majority of the children").
_DETERMINERS = frozenset({"of", "the", "a", "an", "our", "its", "their", "his", "her",
                          "these", "those", "this", "that", "them"})


class QuantityAxis:
    """Quantity steps with one reader and vocabulary."""

    def __init__(self, reader: Reader, vocab: Vocabulary, gap: int,
                 approximate: float = 0.25,
                 share_levels: Sequence[Sequence[float]] = ()) -> None:
        self.reader = reader
        self.vocab = vocab
        self.gap = gap  # levels apart that make opposite ends of a group
        self.approximate = approximate  # how far "about" stretches a figure either way
        # the highest share each level of the scale holds ("about half" is many)
        self.share_levels = sorted((float(share), int(level)) for share, level in share_levels)

    def steps(self, claim: str, c: Signals, e: Signals, u: Signals, ev: Evidence,
                  name: str, index: Index) -> list[Step]:
        """Scope and numbers: "every" against exceptions, figures of the same thing, "a few"
        against "many"."""
        return (self._universal(claim, c, e, u, ev, name, index)
                + self._figures(c, e, u, ev, name) + self._extents(c, e, ev, name)
                + self._shares(claim, c, e, ev, name))

    def share_level(self, share: float) -> int:
        """The level of the scale a share of a group is on ("about half" is many)."""
        return next((level for top, level in self.share_levels if share <= top), 5)

    def _shares(self, claim: str, c: Signals, e: Signals, ev: Evidence, name: str
                ) -> list[Step]:
        """The claim's extent against a share of the same group the sentence gives, the same
        thing said of both: "only a handful are not in work" against "about half are not"
        cannot both be true."""
        claimed = c.limited
        # both sides the same news of the group, bad or good: "only a handful are not in
        # work" and "about half are not"; a plain fact of each ("a few have moved home",
        # "half have lived in one home") may count other things
        if claimed is None or mixed(c) or c.direction != e.direction or not c.direction:
            return []
        mine = self.group_of(claim, claimed[1])
        shares = [n for n in e.numbers if n.is_share
                  and mine & self.group_of(ev.quote, n.words)]
        if not shares or any(abs(self.share_level(n.value) - claimed[0]) < 2 for n in shares):
            return []
        return [Step("quantity", Label.CONTRADICTED, claimed[1], shares[0].words, ev.unit,
                     f"the claim says “{claimed[1]}”; {name} says “{shares[0].words}”")]

    def _universal(self, claim: str, c: Signals, e: Signals, u: Signals, ev: Evidence,
                   name: str, index: Index) -> list[Step]:
        """A universal claim ("every care leaver") against the exceptions the unit
        documents."""
        universal = c.universal
        # (a bad-news word the sentence shares is what both speak of: "audits pick up every
        # gap" against "picks up most gaps" is no bad news of the claim's own)
        if (not universal or unshared(c, ev.quote).direction < 0 or c.hedges
                or self.reader.negation(claim)):
            return []
        exception = self._exception(claim, ev, index)
        # bad news elsewhere in the unit counts only in a unit that speaks of the claim's
        # group: a paragraph about children who go missing documents no exception to
        # "every parent"
        group = self._group(claim)
        elsewhere = u.direction < 0 and (not group or bool(
            group & index.indexed(ev.unit).counts.keys()))
        if not (elsewhere or e.direction < 0 or exception):
            return []
        given = {n.value for n in c.numbers}
        exceptions = [n for n in u.numbers if n.value > 1 and n.value not in given]
        limits = e.limited or u.limited
        if limits and c.limited and c.limited[0] == limits[0]:
            limits = None  # the claim gives its own "most": no exception to its "all"
        words = (exceptions[0].words if exceptions else exception if exception else
                 "" if e.universal and e.direction >= 0 else  # the sentence's own "all"
                 limits[1] if limits else (e.negative or u.negative or ("",))[0])
        if not words:
            return []
        return [Step("quantity", Label.CONTRADICTED, universal, words, ev.unit,
                     f"the claim says “{universal}”; {name} documents exceptions (“{words}”)")]

    def _figures(self, c: Signals, e: Signals, u: Signals, ev: Evidence, name: str
                 ) -> list[Step]:
        """The claim's figures against the unit's: the same thing counted, or figures that
        cannot all be true."""
        out = []
        reported = tuple(dict.fromkeys(e.numbers + u.numbers))
        for claimed in c.numbers:
            counterpart = counterpart_of(claimed, e.numbers, u.numbers)
            if counterpart is not None:
                # the same thing counted on both sides: "recruit 50 foster carers" against
                # "recruit 30 mainstream foster carers"
                agree = claimed.same(counterpart) or not incompatible(
                    claimed.comparator, claimed.value, counterpart.comparator,
                    counterpart.value, self.approximate) and claimed.comparator != "exact"
                verb = "also says" if agree else "says"
                out.append(Step("quantity", Label.SUPPORTED if agree else Label.CONTRADICTED,
                                claimed.words, counterpart.words, ev.unit,
                                f"the claim says “{claimed.words}”; {name} {verb} "
                                f"“{counterpart.words}”"))
                continue
            if reported and all(incompatible(claimed.comparator, claimed.value, r.comparator,
                                              r.value, self.approximate)
                                 and not claimed.same(r) for r in reported):
                out.append(Step("quantity", Label.CONTRADICTED, claimed.words, reported[0].words,
                                ev.unit, f"the claim says “{claimed.words}”; {name} says "
                                f"“{reported[0].words}”"))
                break
        return out

    def _extents(self, c: Signals, e: Signals, ev: Evidence, name: str) -> list[Step]:
        """An extent the claim understates: "a few" against "many" of the same finding."""
        c_limit, e_limit = c.limited, e.limited
        # bad news, or plain facts neither side calls good ("a small number were referred
        # again" against "a significant number experience repeated referrals")
        unwelcome = e.direction < 0 or (e.direction == 0 and c.direction <= 0
                                        and c_limit is not None and c_limit[0] <= 1)
        if not (c_limit and e_limit and unwelcome):
            return []
        gap = e_limit[0] - c_limit[0]
        if gap <= -2 and e_limit[0] == 1 and c.direction < 0:
            # the other way: "too many meetings are delayed" against "a small number are"
            return [Step("quantity", Label.CONTRADICTED, c_limit[1], e_limit[1], ev.unit,
                         f"the claim says “{c_limit[1]}”; {name} says only “{e_limit[1]}”")]
        if gap < 1 or c_limit[0] >= 4 or any(level == e_limit[0] for level, _ in c.quantifiers):
            return []  # (the claim gives the report's extent too: "some workers in a few teams")
        # far apart ("a small number" against "a significant number"), or none against
        # some ("no child" against "a small number of children"), the claim is false; one
        # step apart ("a few" against "some"), it is made smaller
        outcome = Label.CONTRADICTED if gap >= 2 or c_limit[0] == 0 else Label.SOFTENED
        return [Step("quantity", outcome, c_limit[1], e_limit[1], ev.unit,
                     f"the claim says “{c_limit[1]}”; {name} says “{e_limit[1]}”")]

    def narrowed(self, c: Signals, e: Signals, u: Signals) -> tuple[str, str] | None:
        """A bad finding the claim confines to a few ("only a handful of children were not
        visited") where the report finds it without that limit, or of more: the claim's
        and the report's extent words; None otherwise."""
        if c.direction >= 0 or not (e.direction < 0 or e.negative) or mixed(c):
            return None
        claimed, found = c.limited, e.limited
        if claimed is None or claimed[0] > 1 or any(level <= 1 for level, _ in
                                                     e.quantifiers + u.quantifiers):
            return None  # the report too speaks of a few, here or elsewhere in the unit
        if found and any(level == found[0] for level, _ in c.quantifiers):
            return None  # the claim gives the report's extent too: "some workers in a few teams"
        return claimed[1], found[1] if found else ""

    def opposite_ends(self, c: Signals, e: Signals, claim: str = "", quote: str = ""
                      ) -> tuple[str, str] | None:
        """The two quantifiers when the claim and the evidence say the same thing of
        opposite ends of a group ("few" or "a minority" against "most" or "the vast
        majority"): both cannot be true. Given the texts, quantifiers of two other groups
        ("a few worries" against "the vast majority of care leavers") are no such pair."""
        claimed = c.limited or ((5, c.universal) if c.universal else None)
        # "seldom offered" against "consistently offered": every time is an end too
        found = e.limited or ((5, e.universal) if e.universal and claimed
                              and claimed[0] <= 1 else None)
        if claimed is None or found is None or c.direction * e.direction < 0 or (
                c.direction != e.direction and found[0] < 5 and not (
                    c.direction == 0 and e.direction > 0 and claimed[0] <= 1)):
            # (a plain claim of few, "only a minority are in work or training", against
            # good news of most, "most are successfully engaged in work or training")
            return None
        if mixed(c) or mixed(e):  # "very few …, and those who do mostly …"
            return None
        # "only a handful have benefited" stresses how few: against "many" it is the other end
        far = self.gap - 1 if claimed[0] <= 1 and _only_before(claim, claimed[1]) else self.gap
        if abs(claimed[0] - found[0]) < far or min(claimed[0], found[0]) > 1:
            return None
        mine = self.group_of(claim, claimed[1])
        if mine and quote and not mine & set(self.vocab.terms(quote)):
            return None
        return claimed[1], found[1]

    def group_of(self, sentence: str, quantifier: str) -> set[str]:
        """The terms of what a quantifier counts ("a small number of areas where ..." ->
        area, ...; "most young people leaving care" -> care leaver): the four words after it
        and its "of the". Empty when no term follows at once ("most are")."""
        if not quantifier:
            return set()
        found_at = re.search(rf"\b{re.escape(quantifier)}\b", sentence, re.IGNORECASE)
        if found_at is None:
            return set()
        after = text.words(sentence[found_at.end():])
        while after and after[0].lemma in _DETERMINERS:
            after = after[1:]
        if not after or not self.vocab.terms(after[0].text):
            return set()
        return set(self.vocab.terms(" ".join(t.text for t in after[:4])))

    def _exception(self, claim: str, ev: Evidence, index: Index) -> str:
        """Bad-news words of a sentence of the unit on the claim's subject: an exception
        to a universal claim ("for some other care leavers ... do not know"), or ""."""
        unit = index.indexed(ev.unit)
        claim_terms = set(self.vocab.terms(claim))
        group = self._group(claim)
        for passage in unit.passages:
            if len(claim_terms & passage.terms) < 2 or (group and not group & passage.terms):
                continue
            sentence = unit.unit.text[passage.start : passage.end]
            signals = self.reader.read(sentence)
            if signals.direction < 0:
                limit = signals.limited
                return limit[1] if limit else self.reader.negation(sentence) or signals.negative[0]
        return ""

    def _group(self, claim: str) -> set[str]:
        """The terms of the group a universal claim speaks of: the words after "every" or
        "all" up to the verb ("every parent who talked to inspectors" -> parent); an
        exception must be about them."""
        c = self.reader.read(claim)
        if not c.universal:
            return set()
        at = claim.lower().find(c.universal.lower())
        words = text.words(claim[at + len(c.universal):])[:3] if at >= 0 else []
        # the noun, up to the first function word: "every parent who talked" -> parent
        cut = next((n for n, w in enumerate(words) if n and w.lemma in self.vocab.stop), 3)
        return set(self.vocab.terms(" ".join(w.text for w in words[:cut])))


def complements(c: Signals, e: Signals) -> bool:
    """Whether one side speaks of few of a group and the other of most: opposite words then
    say the same thing ("few live far away", "most live close by")."""
    a, b = c.limited, e.limited
    return bool(a and b and not mixed(c) and not mixed(e)
                and {a[0] <= 1, b[0] <= 1} == {True, False} and max(a[0], b[0]) >= 4)


def mixed(s: Signals) -> bool:
    """Whether a sentence speaks of both ends of a group ("few … mostly")."""
    levels = {level for level, _ in s.quantifiers}
    return bool(levels) and min(levels) <= 1 and max(levels) >= 4


def majority(c: Signals, e: Signals) -> bool:
    """Whether both sides speak of most or all of the group ("mostly", "most",
    "consistently"): then opposite news about it cannot both be true."""
    def widest(s: Signals) -> int:
        return max((level for level, _ in s.quantifiers), default=0)
    return (widest(c) >= 4 and widest(e) >= 4 and not mixed(c) and not mixed(e)
            and (c.limited is None or c.limited[0] >= 4)
            and (e.limited is None or e.limited[0] >= 4))


def counterpart_of(claimed: Quantity, sentence: Sequence[Quantity], unit: Sequence[Quantity]
                 ) -> Quantity | None:
    """The report's figure for what a claimed figure counts: one in the aligned sentence
    that shares a counted word, or one elsewhere in the unit that shares two."""
    if claimed.is_share or not claimed.counted:
        return None
    wanted = set(claimed.counted)
    for quantities, need in ((sentence, 1), (unit, 2)):
        for q in quantities:
            if not q.is_share and len(wanted & set(q.counted)) >= need:
                return q
    return None


def incompatible(c_cmp: str, c_val: float, e_cmp: str, e_val: float,
                 approximate: float = 0.25) -> bool:
    """Whether two figures of the same thing cannot both be true ("over 130" and "about 20";
    "around ninety" and "nine"); an "about" on either side stretches its figure by
    ``approximate`` either way (a quarter: "about 90" holds for 72 to 112)."""
    if "about" in {c_cmp, e_cmp}:
        (a_cmp, a_val), (b_cmp, b_val) = sorted(
            ((c_cmp, c_val), (e_cmp, e_val)), key=lambda side: side[0] != "about")
        low, high = a_val * (1 - approximate), a_val * (1 + approximate)
        if b_cmp == "more":
            return high <= b_val
        if b_cmp == "less":
            return low >= b_val
        b_low, b_high = ((b_val * (1 - approximate), b_val * (1 + approximate))
                         if b_cmp == "about" else (b_val, b_val))
        return high < b_low or low > b_high
    if c_cmp == "less" and e_cmp in {"more", "exact"}:
        return e_val >= c_val
    if c_cmp == "more" and e_cmp in {"less", "exact"}:
        return e_val <= c_val
    if c_cmp == "exact" and e_cmp == "more":
        return c_val <= e_val
    if c_cmp == "exact" and e_cmp == "less":
        return c_val >= e_val
    return False


def _only_before(sentence: str, quantifier: str) -> bool:
    """Whether "only" comes just before ``quantifier`` ("only a handful of children")."""
    return bool(re.search(rf"\bonly\s+{re.escape(quantifier)}\b", sentence, re.IGNORECASE))
