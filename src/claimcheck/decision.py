"""The decision table: how the steps of a verdict decide its label.

Every axis that fires leaves a step with an outcome. The label is read off the steps
alone, so a verdict can always be replayed from them:

| order | when                                                          | label        |
| ----- | ------------------------------------------------------------- | ------------ |
| 1     | any step contradicts, except that a final time step (what the | contradicted |
|       | claim says was done after the report) outranks a finding of   |              |
|       | the report's that came before it, other than a date or grade  |              |
| 2     | a final step says the report does not cover what the claim    | unverified   |
|       | rests on (a later event, another document, a topic outside    |              |
|       | the report, a grade the report does not give, no paragraph    |              |
|       | that addresses it)                                            |              |
| 3     | any step softens                                              | softened     |
| 4     | any step supports                                             | supported    |
| 5     | nothing else                                                  | unverified   |

A step that is unverified but not final is a note ("the claim speaks of a time after
the report; judged on what the report shows"): it decides nothing by itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from .types import Label, Step

# The rows of the table: its number, the label, and the row in words.
ROWS = (
    (1, Label.CONTRADICTED, "a step contradicts the claim"),
    (2, Label.UNVERIFIED, "a final step says the report does not cover what the claim rests on"),
    (3, Label.SOFTENED, "a step softens and none contradicts"),
    (4, Label.SUPPORTED, "a step supports and none contradicts or softens"),
    (5, Label.UNVERIFIED, "no step decides"),
)


def row(steps: Iterable[Step]) -> tuple[int, Label, str]:
    """The row of the decision table these steps fall under: number, label, words."""
    steps = list(steps)
    outcomes = {step.outcome for step in steps}
    final = any(step.final and step.outcome is Label.UNVERIFIED for step in steps)
    later = any(step.final and step.outcome is Label.UNVERIFIED and step.axis == "time"
                for step in steps)
    if Label.CONTRADICTED in outcomes and not (later and all(
            step.axis not in ("time", "grade") for step in steps
            if step.outcome is Label.CONTRADICTED)):
        return ROWS[0]
    if final:
        return ROWS[1]
    if Label.SOFTENED in outcomes:
        return ROWS[2]
    if Label.SUPPORTED in outcomes:
        return ROWS[3]
    return ROWS[4]


def decide(steps: Iterable[Step]) -> Label:
    """The label the decision table gives these steps."""
    return row(steps)[1]
