"""Terminal output with rich: verdict blocks for ``check``, a table for ``batch``.

Every verdict shows its label as a word as well as a colour, so it reads the same on a
colourless terminal, in a log or to a screen reader. Text from documents is passed as
``rich.text.Text``, never as console markup, and control characters are shown as
pictures, so a statement cannot restyle the output or send escape sequences.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..cite import where
from ..types import DocumentVerdicts, Label, Report, Verdict
from .common import (
    COLOURS,
    LABELS,
    byline,
    counts,
    find_unit,
    judged,
    printable,
    quote_spans,
    report_title,
    statement_title,
    unchecked,
)

STYLES: dict[Label, str] = {label: f"bold {colour}" for label, colour in COLOURS.items()}
DECIDING = "bold underline"


def label_text(label: Label) -> Text:
    """The verdict as a coloured word in capitals."""
    return Text(label.value.upper(), style=STYLES[label])


def _heading(result: DocumentVerdicts) -> Group:
    doc, report = result.document, result.report
    title = Text(statement_title(doc), style="bold")
    line = Text(", ".join(byline(doc)))
    line.append(f"{' · ' if line else ''}judged against {report_title(report)}")
    if report.dates:
        line.append(f" ({report.dates})")
    line.stylize("dim")
    return Group(Rule(title, align="left"), line)


def _evidence_lines(verdict: Verdict, report: Report | None) -> list[Text]:
    lines = []
    for evidence in verdict.evidence:
        quote = Text(f"“{evidence.quote}”")
        for start, end in quote_spans(verdict, evidence):
            quote.stylize(DECIDING, start + 1, end + 1)
        unit = find_unit(report, evidence.unit) if report else None
        name = f"{where(unit, evidence.unit)} ({evidence.score:.2f}): "
        lines.append(Text.assemble((name, "bold"), quote))
    if not verdict.evidence:
        lines.append(Text("no paragraph is cited: see why", style="italic"))
    return lines


def verdict_block(verdict: Verdict, report: Report | None = None) -> Table:
    """One checked sentence: label, sentence, cited units (with their PDF pages when the
    report is given), explanation, confidence."""
    assert verdict.label is not None
    sentence = verdict.sentence
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=12, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(label_text(verdict.label), Text(sentence.text))
    if sentence.claim and sentence.claim != sentence.text:
        grid.add_row("", Text.assemble(("claim: ", "dim"), sentence.claim))
    if verdict.part:
        grid.add_row("", Text.assemble(("deciding part: ", "dim"), verdict.part))
    for line in _evidence_lines(verdict, report):
        grid.add_row("", line)
    if verdict.explanation:
        grid.add_row("", Text.assemble(("why: ", "dim"), verdict.explanation))
    for step in verdict.steps:
        grid.add_row("", Text(f"· {step.axis}: {step.note}", style="dim"))
    grid.add_row("", Text(f"confidence {verdict.confidence:.2f}", style="dim"))
    return grid


def check(console: Console, results: Sequence[DocumentVerdicts]) -> None:
    """Print every statement's checked sentences in full, then the unchecked ones briefly.

    Args:
        console: Where to print; tests pass a fixed-width colourless recording console.
        results: One entry per statement.
    """
    results = [printable(result) for result in results]  # no escape sequences
    for n, result in enumerate(results):
        if n:
            console.print()
        console.print(_heading(result))
        verdicts = judged(result)
        if not verdicts:
            console.print(Text("No checkworthy sentence.", style="italic"))
        for verdict in verdicts:
            console.print()
            console.print(verdict_block(verdict, result.report))
        skipped = unchecked(result)
        if skipped:
            console.print()
            console.print(Text(f"Not checked ({len(skipped)}):", style="dim bold"))
            for verdict in skipped:
                line = Text.assemble("· ", verdict.sentence.text, " — ", verdict.sentence.reason)
                line.stylize("dim")
                console.print(Padding(line, (0, 0, 0, 2)))


def _summary(results: Sequence[DocumentVerdicts]) -> Table:
    table = Table(title="Per statement", title_justify="left", expand=False)
    table.add_column("doc", overflow="fold", ratio=1)
    for label in LABELS:
        table.add_column(
            label.value, justify="right", style=STYLES[label], min_width=len(label.value)
        )
    table.add_column("unchecked", justify="right", style="dim", min_width=9)
    totals = dict.fromkeys(LABELS, 0)
    skipped_total = 0
    for result in results:
        tally = counts(result)
        skipped = len(unchecked(result))
        for label in LABELS:
            totals[label] += tally[label]
        skipped_total += skipped
        table.add_row(Text(result.document.id), *(str(tally[x]) for x in LABELS), str(skipped))
    if len(results) > 1:
        table.add_section()
        table.add_row("all", *(str(totals[x]) for x in LABELS), str(skipped_total))
    return table


def _explanations(results: Sequence[DocumentVerdicts]) -> Table | None:
    """Why each verdict that is not supported was reached, one entry per sentence."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=12, no_wrap=True)
    grid.add_column(ratio=1)
    for result in results:
        for verdict in judged(result):
            assert verdict.label is not None
            if verdict.label is Label.SUPPORTED:
                continue
            said = Text.assemble((f"{result.document.id}: ", "bold"), verdict.sentence.text)
            grid.add_row(label_text(verdict.label), said)
            grid.add_row("", Text.assemble(("why: ", "dim"), verdict.explanation))
    return grid if grid.row_count else None


def _verdict_table(result: DocumentVerdicts) -> Table:
    """One statement's checked sentences, a row each; long sentences wrap."""
    table = Table(title=result.document.id, title_justify="left", title_style="bold",
                  expand=True)
    table.add_column("sentence", overflow="fold", ratio=1, min_width=24)
    table.add_column("verdict", no_wrap=True)
    table.add_column("unit", no_wrap=True)
    table.add_column("conf", justify="right", no_wrap=True)
    for verdict in judged(result):
        assert verdict.label is not None
        best = verdict.evidence[0].unit if verdict.evidence else "—"
        table.add_row(Text(verdict.sentence.text), label_text(verdict.label), Text(best),
                      f"{verdict.confidence:.2f}")
    return table


def batch(console: Console, results: Sequence[DocumentVerdicts]) -> None:
    """Print a table per statement with one row per checked sentence (sentences wrap,
    never cut), why each verdict that is not supported was reached, then verdict counts
    per statement.

    The ``unit`` column holds the id of the best evidence unit ("41", "judgements").
    """
    results = [printable(result) for result in results]  # no escape sequences
    console.print(Text("Verdicts", style="bold"))
    for result in results:
        console.print(_verdict_table(result))
    why = _explanations(results)
    if why is not None:
        console.print()
        console.print(Text("Not supported, and why", style="bold"))
        console.print(why)
    console.print()
    console.print(_summary(results))
