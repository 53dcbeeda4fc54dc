"""Confidence: how often verdicts decided the same way were right on the labelled sets.

A verdict's *way* is its label and the axis of the step that decided it ("contradicted by
a grade", "supported by retrieval alone"); for a verdict that cites evidence, whether that
evidence matched the claim strongly; whether one step or several point to the label; and
whether the claim is long (over 20 words: a long claim says more, and more of it can be
wrong).
``calibration.toml`` holds, for each way, how many verdicts decided that way were right
and how many there were on the labelled sets;
``scripts/calibrate.py`` writes it from ``claimcheck eval``'s outcomes and measures, one
council left out at a time, how well the figures separate right from wrong verdicts.

A way seen few times leans on the figure for all verdicts (additive smoothing), so a new
rule starts near the average and earns its own figure as it is used.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .types import Label, Step

# Evidence that matches the claim at least this well is "strong".
STRONG = 0.6
# How many verdicts' worth of weight the overall rate carries in each way's figure.
PRIOR = 4.0
# A claim of more words than this is "long". Measured one council left out at a time over
# the councils, splitting ways by length lifts AUROC from 0.73 to 0.77 at 20 words, and
# to 0.74-0.75 anywhere from 18 to 25.
LONG = 20


def way(label: Label | str, steps: Sequence[Step], score: float, words: int = 0) -> str:
    """The way a verdict was decided: "label:axis", with evidence ":strong" or ":weak",
    then ":one" or ":several" steps pointing to the label, then ":long" for a claim of
    more than LONG ``words``."""
    label = Label(label)
    deciding = next((st for st in steps if st.outcome is label
                     and (st.final or label is not Label.UNVERIFIED)), None)
    deciding = deciding or next((st for st in steps if st.outcome is label), None)
    axis = deciding.axis if deciding else "none"
    agree = "several" if sum(st.outcome is label for st in steps) > 1 else "one"
    long = ":long" if words > LONG else ""
    if label is Label.UNVERIFIED:
        return f"{label.value}:{axis}:{agree}{long}"
    return f"{label.value}:{axis}:{'strong' if score >= STRONG else 'weak'}:{agree}{long}"


@dataclass(frozen=True, slots=True)
class Calibration:
    """Right and total counts per way, and the overall rate they lean on."""

    counts: dict[str, tuple[int, int]]
    overall: float = field(init=False)  # the share of all counted verdicts that were right

    def __post_init__(self) -> None:
        right = sum(r for r, _ in self.counts.values())
        total = sum(n for _, n in self.counts.values())
        object.__setattr__(self, "overall", right / total if total else 0.5)

    def rate(self, key: str) -> float:
        """The smoothed share of the verdicts decided the way ``key`` names that were right."""
        right, total = self.counts.get(key, (0, 0))
        return (right + PRIOR * self.overall) / (total + PRIOR)

    def confidence(self, label: Label, steps: Sequence[Step], score: float, words: int = 0
                   ) -> float:
        """The smoothed share of verdicts decided this way that were right, in [0, 1]."""
        return self.rate(way(label, steps, score, words))


def fit(outcomes: Iterable[tuple[str, bool]]) -> Calibration:
    """Counts per way from (way, right) pairs."""
    counts: dict[str, tuple[int, int]] = {}
    for key, right in outcomes:
        r, n = counts.get(key, (0, 0))
        counts[key] = (r + int(right), n + 1)
    return Calibration(dict(sorted(counts.items())))


@cache
def load() -> Calibration:
    """The shipped table (``calibration.toml`` in the package); empty when absent."""
    source = resources.files("claimcheck").joinpath("calibration.toml")
    try:
        table = tomllib.loads(source.read_text(encoding="utf-8")).get("way", {})
    except FileNotFoundError:
        return Calibration({})
    return Calibration({k: (int(v[0]), int(v[1])) for k, v in table.items()})


def auroc(scored: Sequence[tuple[float, bool]]) -> float:
    """The chance that a right verdict has a higher confidence than a wrong one (ties
    count half): 0.5 is no better than chance, 1.0 separates them perfectly."""
    right = [c for c, ok in scored if ok]
    wrong = [c for c, ok in scored if not ok]
    if not right or not wrong:
        return 0.0
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def ece(scored: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error: over ten equal-width bins of confidence, the gap between
    the mean confidence and the share right, weighted by the bin's size."""
    if not scored:
        return 0.0
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in scored
                  if low <= c < high or (b == bins - 1 and c == 1.0)]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            share = sum(ok for _, ok in inside) / len(inside)
            total += len(inside) * abs(mean - share)
    return total / len(scored)
