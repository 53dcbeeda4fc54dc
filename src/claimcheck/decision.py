"""The decision table: how the steps of a verdict decide its label.

Every axis that fires leaves a step with an outcome. The label is read off the steps
alone, so a verdict can always be replayed from them:

| order | when                                                          | label        |
| ----- | ------------------------------------------------------------- | ------------ |
| 1     | any step contradicts                                          | contradicted |
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


def decide(steps: Iterable[Step]) -> Label:
    """The label the decision table gives these steps."""
    steps = list(steps)
    outcomes = {step.outcome for step in steps}
    if Label.CONTRADICTED in outcomes:
        return Label.CONTRADICTED
    if any(step.final and step.outcome is Label.UNVERIFIED for step in steps):
        return Label.UNVERIFIED
    if Label.SOFTENED in outcomes:
        return Label.SOFTENED
    if Label.SUPPORTED in outcomes:
        return Label.SUPPORTED
    return Label.UNVERIFIED
