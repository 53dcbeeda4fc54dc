"""The trace of a verdict, for ``claimcheck check --explain``: how the claim and each
evidence sentence were read, every step in order, which row of the decision table gave
the label, and which axes found nothing to say.

Everything here is rebuilt from the verdict record and the lexicons: the trace adds no
judgement of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import decision, framing
from .lexicon import Lexicons
from .signals import Signals, reader
from .types import Label, Verdict, unit_name

# Every axis a step can come from, in the order the judge consults them.
AXES = ("time", "source", "grade", "retrieval", "framing", "quantity", "antonym", "polarity",
        "severity", "hedge", "qualifier")


@dataclass(frozen=True, slots=True)
class Reading:
    """What the rules read in one sentence, in words."""

    text: str
    news: str
    words: tuple[str, ...]

    def lines(self) -> list[str]:
        """The reading as indented lines."""
        return [f"    reads as {self.news}" + (": " + "; ".join(self.words) if self.words else "")]


def read(text: str, lexicons: Lexicons) -> Reading:
    """The reading of one sentence: its direction and the words that gave it."""
    signals: Signals = reader(lexicons).read(text)
    news = {1: "good news", -1: "bad news", 0: "neither good nor bad news"}[signals.direction]
    words: list[str] = []
    if signals.positive:
        words.append("good: " + ", ".join(signals.positive))
    if signals.negative:
        words.append("bad: " + ", ".join(signals.negative))
    negation = reader(lexicons).negation(text)
    if negation:
        words.append(f"negation “{negation}”")
    if signals.severity:
        words.append(f"severity {signals.severity} (“{signals.severity_words}”)")
    if signals.quantifiers:
        words.append("extent: " + ", ".join(f"“{w}”" for _, w in signals.quantifiers))
    if signals.hedges:
        words.append("hedges: " + ", ".join(f"“{w}”" for w in signals.hedges))
    cues = framing.framing(lexicons).cues(text)
    if cues:
        words.append("made to sound minor: " + ", ".join(f"“{w}”" for w in cues))
    if signals.change:
        words.append(f"change {'up' if signals.change > 0 else 'down'} (“{signals.change_words}”)")
    if signals.numbers:
        words.append("figures: " + ", ".join(f"“{n.words}”" for n in signals.numbers))
    return Reading(text, news, tuple(words))


def _rule(verdict: Verdict) -> str:
    """The row of the decision table that gave the label, in words."""
    outcomes = {st.outcome for st in verdict.steps}
    if verdict.label is Label.CONTRADICTED:
        return "1: a step contradicts the claim"
    if verdict.label is Label.UNVERIFIED:
        if any(st.final and st.outcome is Label.UNVERIFIED for st in verdict.steps):
            return "2: a final step says the report does not cover what the claim rests on"
        return "5: no step decides"
    if verdict.label is Label.SOFTENED:
        return "3: a step softens and none contradicts"
    return "4: a step supports and none contradicts or softens" if Label.SUPPORTED in outcomes \
        else "?"


def lines(verdict: Verdict, lexicons: Lexicons) -> list[str]:
    """The trace of one verdict as lines of plain text."""
    if verdict.label is None:
        return [f"  not checked: {verdict.sentence.reason}"]
    claim = verdict.part or verdict.sentence.claim or verdict.sentence.text
    out = [f"  claim: “{claim}”", *read(claim, lexicons).lines()]
    for ev in verdict.evidence:
        out.append(f"  evidence, {unit_name(ev.unit)} (score {ev.score:.2f}): “{ev.quote}”")
        out += read(ev.quote, lexicons).lines()
    out.append("  steps, in the order they fired:")
    for st in verdict.steps:
        final = ", final" if st.final else ""
        where = f" [{unit_name(st.unit)}]" if st.unit else ""
        out.append(f"    {st.axis} → {st.outcome.value}{final}{where}: {st.note}")
    fired = {st.axis for st in verdict.steps}
    quiet = [axis for axis in AXES if axis not in fired]
    if quiet:
        out.append("  no step from: " + ", ".join(quiet))
    replayed = decision.decide(verdict.steps)
    out.append(f"  decision table, row {_rule(verdict)} → {replayed.value}"
               f" (confidence {verdict.confidence:.2f})")
    return out
