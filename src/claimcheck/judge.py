"""Verdicts: compare a claim with its evidence on explicit axes, and say why.

The axes, each read from a lexicon: grades against the judgement table;
direction of change ("improved" / "deteriorated"); direction of the finding
(good or bad news, with negation); scope (a universal claim against documented
exceptions, numbers against numbers); severity (a milder word for a bad
finding); hedging; and qualifiers the claim dropped ("children get the right
help" where the report says "most children"). Every axis that fires is a step;
the strongest outcome decides, in the order contradicted > softened > supported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import text
from .grades import GradeBook, Mention, book
from .lexicon import Lexicons
from .match import PhraseTable
from .retrieve import Index, evidence
from .signals import Reader, Signals, reader
from .types import Evidence, Label, Sentence, Step, Verdict

_ORDER = {Label.CONTRADICTED: 3, Label.SOFTENED: 2, Label.SUPPORTED: 1, Label.UNVERIFIED: 0}


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds of the verdict rules, with the reasons for their values.

    Attributes:
        top_k: Evidence units kept per claim.
        min_score: Below this best score, nothing in the report addresses the claim.
        min_cover: Share of the claim's distinctive words the best unit must hold.
        close: Evidence within this much of the best score is weighed too.
    """

    top_k: int = 3
    min_score: float = 0.36
    min_cover: float = 0.45
    close: float = 0.12


@dataclass(frozen=True, slots=True)
class Context:
    """What the statement as a whole says about where its claims come from.

    Attributes:
        other_document: Words saying the statement is about another, later document
            ("monitoring visit"), or "".
    """

    other_document: str = ""


class Judge:
    """Decides verdicts with one set of lexicons and settings."""

    def __init__(self, lexicons: Lexicons, settings: Settings = Settings()) -> None:
        self.lexicons = lexicons
        self.settings = settings
        self.book: GradeBook = book(lexicons)
        self.reader: Reader = reader(lexicons)
        time = lexicons["time"]
        self.after = PhraseTable({"after": time["after_report"]})
        self.outside = PhraseTable({"outside": time["outside"]})
        self.other = PhraseTable({"other": time["other_document"]})

    def context(self, sentences: Sequence[str]) -> Context:
        """Read the opening of a statement for a sign it is about another document."""
        for sentence in sentences[:3]:
            hits = self.other.find(text.lemmas(sentence))
            if hits:
                return Context(other_document=hits[0].phrase)
        return Context()

    def verdict(self, sentence: Sentence, index: Index, context: Context = Context()) -> Verdict:
        """The verdict on one sentence of a statement."""
        if not sentence.checkworthy:
            return Verdict(sentence, None, 0.0, explanation=sentence.reason)
        claim = sentence.claim or sentence.text
        parts = sentence.parts or (claim,)
        judged = [self._claim(part, sentence, index, context) for part in parts]
        label, confidence, found, steps, why = max(judged, key=lambda j: (_ORDER[j[0]], j[1]))
        part = ""
        if len(parts) > 1:
            part = parts[judged.index((label, confidence, found, steps, why))]
            why = f"Part “{part}”: {why}"
            steps = tuple(s for j in judged for s in j[3])
        return Verdict(sentence, label, round(confidence, 3), found, steps, why, part)

    def _claim(
        self, claim: str, sentence: Sentence, index: Index, context: Context
    ) -> tuple[Label, float, tuple[Evidence, ...], tuple[Step, ...], str]:
        s = self.settings
        found = tuple(evidence(claim, index, self.lexicons, k=s.top_k))
        steps: list[Step] = []
        lemmas = text.lemmas(claim)
        after = self.after.find(lemmas)
        if after or sentence.after_report:
            words = after[0].phrase if after else "now"
            steps.append(Step("time", Label.UNVERIFIED, words, "", "",
                              f"the claim speaks of a time after the report (“{words}”); "
                              "judged on what the report shows"))
        mentions = self.book.mentions(claim)
        grade_steps = self._grades(mentions, index)
        if grade_steps:
            found = _with_judgements(found, index, grade_steps)
        steps += grade_steps
        if context.other_document and not grade_steps:
            steps.append(Step("source", Label.UNVERIFIED, context.other_document, "", "",
                              f"the statement is about a {context.other_document}, not this "
                              "report; the report cannot confirm it"))
            return self._decide(Label.UNVERIFIED, 0.7, found, steps)
        outside = self.outside.find(lemmas) or (["£"] if "£" in claim else [])
        best = found[0] if found else None
        cover = _cover(best)
        addressed = best is not None and best.score >= s.min_score and cover >= s.min_cover
        if outside and not grade_steps and (not addressed or best is None or best.score < 0.5):
            phrase = outside[0] if isinstance(outside[0], str) else outside[0].phrase
            steps.append(Step("retrieval", Label.UNVERIFIED, phrase, "", "",
                              f"“{phrase}” is not something the inspection report covers"))
            return self._decide(Label.UNVERIFIED, 0.75, found, steps)
        if not grade_steps and not addressed:
            note = ("no paragraph of the report addresses this claim"
                    if best is None else
                    f"the closest paragraph ({_name(best.unit)}, score {best.score:.2f}) "
                    "does not address the claim's main point")
            steps.append(Step("retrieval", Label.UNVERIFIED, "", "", best.unit if best else "",
                              note))
            return self._decide(Label.UNVERIFIED, 0.6, found, steps)
        prose = [ev for ev in found if ev.unit != "judgements" and best is not None
                 and ev.score >= best.score - s.close and ev.score >= s.min_score]
        if prose and not (grade_steps and not self._has_finding(claim, mentions)):
            steps += self._compare(claim, prose, index)
        if not steps or all(st.outcome is Label.UNVERIFIED for st in steps):
            top = prose[0] if prose else best
            assert top is not None
            steps.append(Step("retrieval", Label.SUPPORTED, ", ".join(top.matched[:4]),
                              top.quote, top.unit,
                              f"{_name(top.unit)} says the same: “{_short(top.quote)}”"))
        label = max((st.outcome for st in steps), key=lambda lab: _ORDER[lab])
        agree = sum(1 for st in steps if st.outcome is label)
        base = best.score if best else 0.5
        confidence = min(0.95, 0.45 + 0.35 * base + 0.08 * agree)
        return self._decide(label, confidence, found, steps)

    def _decide(self, label: Label, confidence: float, found: tuple[Evidence, ...],
                steps: list[Step]) -> tuple[Label, float, tuple[Evidence, ...], tuple[Step, ...], str]:
        deciding = [st for st in steps if st.outcome is label] or steps
        why = "; ".join(dict.fromkeys(st.note for st in deciding[:2]))
        why = why[:1].upper() + why[1:] + "."
        if label is Label.UNVERIFIED:
            found = ()
        return label, confidence, found, tuple(steps), why

    def _has_finding(self, claim: str, mentions: list[Mention]) -> bool:
        """Whether a grade claim also asserts a finding beyond the grade ("due to ...")."""
        signals = self.reader.read(claim)
        return bool(signals.hedges or signals.severity
                    or signals.change or len(signals.negative) > len(mentions))

    def _grades(self, mentions: list[Mention], index: Index) -> list[Step]:
        if not mentions:
            return []
        table = self.book.table(index.report)
        if not table:
            return []
        steps = []
        overall = table.get("overall", ("", None))
        for mention in mentions:
            claimed = " or ".join(g.name for g in mention.grades)
            if not mention.area:
                ranks = {g.rank for g in mention.grades}
                if overall[1] and overall[1].rank in ranks:
                    steps.append(Step("grade", Label.SUPPORTED, mention.grade_words, overall[0],
                                      "judgements", f"the overall grade is {overall[0]}"))
                elif not mention.past:
                    steps.append(Step("grade", Label.CONTRADICTED, mention.grade_words,
                                      overall[0], "judgements",
                                      f"the claim says {claimed}; the overall grade is "
                                      f"{overall[0]}"))
                continue
            worded, grade = table.get(mention.area, ("", None))
            if grade is None:
                continue
            area = mention.area_words
            if grade.rank in {g.rank for g in mention.grades}:
                steps.append(Step("grade", Label.SUPPORTED, f"{mention.grade_words} … {area}",
                                  worded, "judgements",
                                  f"the judgement table grades {area} {worded}"))
            else:
                steps.append(Step("grade", Label.CONTRADICTED, f"{mention.grade_words} … {area}",
                                  worded, "judgements",
                                  f"the claim says {area} is {claimed}; the judgement table "
                                  f"says {worded}"))
        return steps

    def _compare(self, claim: str, prose: list[Evidence], index: Index) -> list[Step]:
        """Steps from comparing the claim with each close evidence unit's aligned sentence."""
        c = self.reader.read(claim)
        steps: list[Step] = []
        directions = []
        for ev in prose:
            unit_text = index.report.unit(ev.unit).text
            e = self.reader.read(ev.quote)
            u = self.reader.read(unit_text)
            directions.append(e.direction)
            steps += self._axes(c, e, u, ev)
        if c.direction > 0 and any(d < 0 for d in directions) and any(d > 0 for d in directions):
            neg = next(ev for ev, d in zip(prose, directions, strict=True) if d < 0)
            steps.append(Step("qualifier", Label.SOFTENED, ", ".join(c.positive[:2]),
                              neg.quote, neg.unit,
                              f"the claim gives the good side only; {_name(neg.unit)} also "
                              f"finds “{_short(neg.quote)}”"))
        return _dedupe(steps)

    def _axes(self, c: Signals, e: Signals, u: Signals, ev: Evidence) -> list[Step]:
        name = _name(ev.unit)
        out = []
        if c.change and e.change and c.change != e.change:
            out.append(Step("polarity", Label.CONTRADICTED, c.change_words, e.change_words,
                            ev.unit, f"the claim says “{c.change_words}”; {name} says "
                            f"“{e.change_words}”"))
        elif c.change and e.change == c.change:
            out.append(Step("polarity", Label.SUPPORTED, c.change_words, e.change_words, ev.unit,
                            f"{name} also says “{e.change_words}”"))
        universal = c.universal
        exceptions = [n for n in u.numbers if n.value > 1] or []
        if universal and c.direction >= 0 and (u.direction < 0 or e.direction < 0):
            limits = e.limited or u.limited
            words = (exceptions[0].words if exceptions else limits[1] if limits else
                     (e.negative or u.negative or ("",))[0])
            if words:
                out.append(Step("quantity", Label.CONTRADICTED, universal, words, ev.unit,
                                f"the claim says “{universal}”; {name} documents exceptions "
                                f"(“{words}”)"))
        for claimed in c.numbers:
            for reported in e.numbers or u.numbers:
                if _incompatible(claimed.comparator, claimed.value, reported.comparator,
                                 reported.value):
                    out.append(Step("quantity", Label.CONTRADICTED, claimed.words, reported.words,
                                    ev.unit, f"the claim says “{claimed.words}”; {name} says "
                                    f"“{reported.words}”"))
                    break
        if c.direction > 0 and e.direction < 0 and not c.hedges and e.severity >= 2:
            out.append(Step("polarity", Label.CONTRADICTED, ", ".join(c.positive[:2]),
                            e.severity_words or e.negative[0], ev.unit,
                            f"the claim is good news; {name} finds “{e.severity_words or e.negative[0]}”"))
        if c.direction < 0 and e.direction < 0:
            if c.severity and e.severity > c.severity:
                out.append(Step("severity", Label.SOFTENED, c.severity_words, e.severity_words,
                                ev.unit, f"the claim says “{c.severity_words}”; {name} says "
                                f"“{e.severity_words}”"))
            elif c.hedges and e.severity >= 2 and not c.severity >= e.severity:
                out.append(Step("hedge", Label.SOFTENED, c.hedges[0], e.severity_words, ev.unit,
                                f"the claim hedges (“{c.hedges[0]}”); {name} finds "
                                f"“{e.severity_words}”"))
            else:
                out.append(Step("polarity", Label.SUPPORTED, (c.negative or ("",))[0],
                                (e.negative or ("",))[0], ev.unit,
                                f"{name} finds the same: “{_short(ev.quote)}”"))
        elif c.direction >= 0 and e.direction > 0:
            limit = e.limited
            if limit and limit[0] <= 4 and not c.limited and not c.hedges:
                out.append(Step("qualifier", Label.SOFTENED, ", ".join(c.positive[:2]) or "",
                                limit[1], ev.unit, f"the claim drops the qualifier: {name} says "
                                f"“{limit[1]}”"))
            else:
                out.append(Step("polarity", Label.SUPPORTED, ", ".join(c.positive[:2]),
                                ", ".join(e.positive[:2]), ev.unit,
                                f"{name} finds the same: “{_short(ev.quote)}”"))
        return out


def _incompatible(c_cmp: str, c_val: float, e_cmp: str, e_val: float) -> bool:
    if c_cmp == "less" and e_cmp in {"more", "exact"}:
        return e_val >= c_val
    if c_cmp == "more" and e_cmp in {"less", "exact"}:
        return e_val <= c_val
    if c_cmp == "exact" and e_cmp == "more":
        return c_val <= e_val
    if c_cmp == "exact" and e_cmp == "less":
        return c_val >= e_val
    return False


def _cover(best: Evidence | None) -> float:
    """Share of the claim's terms the evidence unit holds, read off its match (approx.)."""
    if best is None:
        return 0.0
    return best.score / 0.8 if best.score < 0.8 else 1.0


def _with_judgements(found: tuple[Evidence, ...], index: Index, steps: list[Step]
                     ) -> tuple[Evidence, ...]:
    """Put the judgement table first among the evidence of a grade claim."""
    try:
        unit = index.report.unit("judgements")
    except KeyError:
        return found
    words = [st.evidence_words for st in steps if st.evidence_words]
    start = unit.text.find(words[0]) if words else 0
    start = max(start, 0)
    line_start = unit.text.rfind("\n", 0, start) + 1
    line_end = unit.text.find("\n", start)
    line_end = len(unit.text) if line_end < 0 else line_end
    table = Evidence("judgements", 1.0, unit.text[line_start:line_end], line_start, line_end,
                     ("grade",))
    return (table, *[ev for ev in found if ev.unit != "judgements"])[: max(len(found), 1) + 1]


def _dedupe(steps: list[Step]) -> list[Step]:
    seen, out = set(), []
    for step in steps:
        key = (step.axis, step.outcome, step.unit)
        if key not in seen:
            seen.add(key)
            out.append(step)
    return out


def _name(unit_id: str) -> str:
    """A unit as a reader would cite it."""
    if unit_id.isdigit():
        return f"paragraph {unit_id}"
    if unit_id == "judgements":
        return "the judgement table"
    kind, _, number = unit_id.partition("-")
    return {"summary": f"summary paragraph {number}", "improve": f"improvement point {number}",
            "header": "the report header"}.get(kind, unit_id)


def _short(quote: str, limit: int = 140) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1].rsplit(" ", 1)[0] + "…"
