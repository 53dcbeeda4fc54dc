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
from .types import Verdict, unit_name

# Every axis a step can come from, in the order the judge consults them.
AXES = ("time", "source", "grade", "retrieval", "framing", "quantity", "antonym", "polarity",
        "severity", "hedge", "qualifier")


@dataclass(frozen=True, slots=True)
class Reading:
    """What the rules read in one sentence, in words."""

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
    return Reading(news, tuple(words))


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
    number, replayed, words = decision.row(verdict.steps)
    out.append(f"  decision table, row {number}: {words} → {replayed.value}"
               f" (confidence {verdict.confidence:.2f})")
    return out
