"""Markdown: each statement in full, every checked sentence followed by a footnote.

A header per report gives its title, dates and judgement table; a footnote gives the
verdict, confidence, explanation, the steps that decided it and each cited unit with
its aligned quote, deciding words in bold. All text from documents is escaped, so a
statement cannot inject links, HTML or formatting into the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..cite import where
from ..types import Document, DocumentVerdicts, Report, Verdict
from . import Options
from .common import (
    by_report,
    byline,
    find_unit,
    layout,
    note_numbers,
    placed,
    quote_spans,
    report_title,
    safe_url,
    segments,
    statement_title,
    verdict_summary,
)

# Characters that start inline syntax: emphasis, code, links, autolinks and raw HTML,
# tables, strikethrough, entities. Line-start syntax is handled where lines are built.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: str) -> str:
    """Text escaped for Markdown, so it shows as written and is never markup."""
    return _SPECIAL.sub(r"\\\1", text)


def _cell(text: str) -> str:
    """Text for a table cell: escaped, on one line."""
    return md(" ".join(text.split()))


def _report_header(report: Report) -> list[str]:
    doc = report.document
    lines = [f"## {md(report_title(report))}", ""]
    published = ", ".join(x for x in (doc.publisher, doc.date) if x)
    if published:
        lines.append(f"- Published: {md(published)}")
    if report.dates:
        lines.append(f"- Inspection dates: {md(report.dates)}")
    if report.lead_inspector:
        lines.append(f"- Lead inspector: {md(report.lead_inspector)}")
    url = safe_url(doc.url)
    if url:
        lines.append(f"- Source: <{url}>")
    if lines[-1]:
        lines.append("")
    if report.grades:
        lines += ["| Judgement | Grade |", "| --- | --- |"]
        lines += [f"| {_cell(area)} | {_cell(grade)} |" for area, grade in report.grades]
        lines.append("")
    return lines


def _statement_header(doc: Document, result: DocumentVerdicts) -> list[str]:
    lines = [f"### {md(statement_title(doc))}", ""]
    url = safe_url(doc.url)
    meta = " · ".join(md(x) for x in byline(doc))
    if url:
        meta = f"{meta} · <{url}>" if meta else f"<{url}>"
    if meta:
        lines += [meta, ""]
    lines += [f"{verdict_summary(result)}.", ""]
    return lines


def _quote(verdict: Verdict, index: int) -> str:
    evidence = verdict.evidence[index]
    out = []
    for seg in segments(evidence.quote, None, quote_spans(verdict, evidence)):
        out.append(f"**{md(seg.text)}**" if seg.deciding else md(seg.text))
    return "“" + "".join(out) + "”"


def _footnote(number: int, verdict: Verdict, in_text: bool, report: Report) -> list[str]:
    assert verdict.label is not None
    head = f"[^{number}]: **{verdict.label.value}**, confidence {verdict.confidence:.2f}."
    if verdict.explanation:
        head += f" {md(verdict.explanation)}"
    lines = [head, ""]
    if not in_text:
        lines += [f"    Sentence: {md(verdict.sentence.text)}", ""]
    if verdict.part:
        lines += [f"    Deciding part: {md(verdict.part)}", ""]
    for i, evidence in enumerate(verdict.evidence):
        name = md(where(find_unit(report, evidence.unit), evidence.unit))
        lines.append(f"    - {name} (score {evidence.score:.2f}): {_quote(verdict, i)}")
    if not verdict.evidence:
        lines.append("    - No unit of the report addresses this claim.")
    for step in verdict.steps:
        lines.append(f"    - Step ({md(step.axis)}): {md(step.note)}")
    lines.append("")
    return lines


def _statement(result: DocumentVerdicts, first_note: int) -> tuple[list[str], int]:
    doc = result.document
    lines = _statement_header(doc, result)
    numbers = note_numbers(result, first_note)
    laid_out = layout(doc.text, result.verdicts)
    for line in laid_out:
        text = ""
        for piece in line:
            text += md(piece.text)
            if piece.verdict in numbers and piece.last:
                text += f"[^{numbers[piece.verdict]}]"
        if text.startswith(("#", "=")):
            text = "\\" + text
        lines += [text, ""]
    in_text = placed(laid_out)
    for i, number in numbers.items():
        lines += _footnote(number, result.verdicts[i], i in in_text, result.report)
    return lines, first_note + len(numbers)


def render(results: Sequence[DocumentVerdicts], options: Options) -> str:
    """One Markdown file: every report with the statements judged against it."""
    groups = by_report(results)
    title = options.title or "claimcheck: " + "; ".join(report_title(r) for r, _ in groups)
    lines = [f"# {md(title)}", ""]
    note = 1
    for report, statements in groups:
        lines += _report_header(report)
        for result in statements:
            block, note = _statement(result, note)
            lines += block
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


__all__ = ["md", "render"]
