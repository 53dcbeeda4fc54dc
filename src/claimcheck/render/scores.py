"""The evaluation figures of ``claimcheck eval`` as rich tables."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from ..evaluate import LABELS, NONE, SetScore, with_pooled


def scores(console: Console, results: Sequence[SetScore], misses: bool = False) -> None:
    """Print one summary table, a confusion matrix per set and, optionally, every miss."""
    results = with_pooled(list(results))
    summary = Table(title="claimcheck eval", title_justify="left")
    for column in ("set", "records", "checkworthy F1", "accuracy", "P(supp.)", "R@3", "AUROC",
                   "ECE"):
        summary.add_column(column, justify="left" if column == "set" else "right",
                           no_wrap=True)
    per_verdict = Table(title="F1 per verdict", title_justify="left")
    per_verdict.add_column("set", no_wrap=True)
    for label in LABELS:
        per_verdict.add_column(label, justify="right")
    for result in results:
        if result.skipped:
            summary.add_row(result.name, "skipped: " + result.skipped)
            continue
        f1 = result.verdict_f1()
        summary.add_row(result.name, str(len(result.outcomes)), f"{result.checkworthy_f1:.3f}",
                        f"{result.accuracy:.3f}", f"{result.supported_precision:.3f}",
                        f"{result.recall_at(3):.3f}", f"{result.auroc:.3f}", f"{result.ece:.3f}")
        per_verdict.add_row(result.name, *(f"{f1[label]:.3f}" for label in LABELS))
    console.print(summary)
    console.print(per_verdict)
    for result in results:
        if result.skipped or result.name.startswith("pooled"):
            continue
        matrix = Table(title=f"{result.name}: gold (rows) × predicted (columns)",
                       title_justify="left")
        matrix.add_column("gold")
        for label in (*LABELS, NONE):
            matrix.add_column(label, justify="right")
        for gold, counts in result.confusion().items():
            matrix.add_row(gold, *(str(counts.get(label, 0)) for label in (*LABELS, NONE)))
        console.print(matrix)
        if misses:
            for o in result.outcomes:
                if o.checkworthy and not o.correct:
                    console.print(f"[bold]{o.id}[/] {o.label} → {o.predicted}: {o.text}\n"
                                  f"    {o.explanation}")
                    for step in o.steps:
                        console.print(f"      {step.axis} → {step.outcome.value}"
                                      f"{' (final)' if step.final else ''}: {step.note}",
                                      highlight=False, markup=False)


def markdown(results: Sequence[SetScore]) -> str:
    """The summary table as Markdown, for the README."""
    head = ["set", "records", "checkworthy F1", "verdict accuracy", "precision of supported",
            *(f"F1 {label}" for label in LABELS), "evidence R@3", "confidence AUROC", "ECE"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for r in with_pooled(list(results)):
        if r.skipped:
            lines.append(f"| {r.name} | skipped: {r.skipped} |" + " |" * (len(head) - 2))
            continue
        f1 = r.verdict_f1()
        cells = [r.name, str(len(r.outcomes)), f"{r.checkworthy_f1:.3f}", f"{r.accuracy:.3f}",
                 f"{r.supported_precision:.3f}", *(f"{f1[label]:.3f}" for label in LABELS),
                 f"{r.recall_at(3):.3f}", f"{r.auroc:.3f}", f"{r.ece:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
