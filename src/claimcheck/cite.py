"""Citing a report's units: what ``claimcheck show`` prints and every renderer shows.

A citation names the council, the report's title and date, the unit as the report
numbers it, the PDF page(s) it stands on and the report's address where known:

    Harrow, “Inspection of Harrow local authority children’s services”, Ofsted,
    2025-03-04, paragraph 41, PDF page 12, https://reports.ofsted.gov.uk/
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import councils
from .errors import InputError
from .types import Report, Unit, unit_name


class UnitNotFoundError(InputError):
    """A unit id that the report does not have."""


def pages(unit: Unit) -> str:
    """ "PDF page 12", "PDF pages 12–13", or "" when the source had no pages."""
    if not unit.pages:
        return ""
    first, last = unit.pages[0], unit.pages[-1]
    return f"PDF page {first}" if first == last else f"PDF pages {first}–{last}"


def council(report: Report) -> str:
    """The council the report inspects, as far as known ("" when not)."""
    found = councils.of_report(report)
    return found[0].name if found else report.place


def where(unit: Unit | None, unit_id: str) -> str:
    """The unit as the report numbers it, with its pages: "paragraph 41, PDF page 12"."""
    name = unit_name(unit_id)
    page = pages(unit) if unit else ""
    return f"{name}, {page}" if page else name


def citation(report: Report, unit: Unit, with_url: bool = True) -> str:
    """The full citation of one unit (see the module docstring), its URL left out when
    the caller gives it apart."""
    doc = report.document
    title = report.title or doc.title or doc.id
    parts = [council(report), f"“{title}”", doc.publisher,
             doc.date or report.dates, where(unit, unit.id), doc.url if with_url else ""]
    return ", ".join(p for p in parts if p)


def find(report: Report, unit_ids: Sequence[str]) -> list[Unit]:
    """The report's units with these ids, in the order given.

    Ids are as ``claimcheck units`` lists them; "paragraph 41" and "p41" mean "41".

    Raises:
        UnitNotFoundError: An id the report does not have; the message lists its units.
    """
    out = []
    for raw in unit_ids:
        key = raw.strip().lower().removeprefix("paragraph").removeprefix("para")
        key = key.strip().removeprefix("p") if key.strip()[1:].isdigit() else key.strip()
        try:
            out.append(report.unit(key))
        except KeyError:
            raise UnitNotFoundError(
                f"{report.document.id} has no unit {raw!r}; it has {_ranges(report)} "
                f"(see `claimcheck units {report.document.id}`)") from None
    return out


def _ranges(report: Report) -> str:
    """The report's unit ids in short: "header, judgements, summary-1..3, improve-1..5, 1..59"."""
    groups: dict[str, list[str]] = {}
    for unit in report.units:
        prefix = unit.id.rpartition("-")[0] if "-" in unit.id else (
            "" if unit.id.isdigit() else unit.id)
        groups.setdefault(prefix, []).append(unit.id)
    out = []
    for ids in groups.values():
        out.append(ids[0] if len(ids) == 1 else f"{ids[0]}..{ids[-1].rpartition('-')[2]}")
    return ", ".join(out)


def show(report_name: Path, unit_ids: Sequence[str], corpus_root: Path | None = None,
         reports_dir: Path | None = None) -> tuple[Report, list[Unit]]:
    """A report, named as ``--report`` names one, and the units asked for.

    Raises:
        ClaimcheckError: The report cannot be found or read, or has no such unit.
    """
    from .reader import read_reports

    report = read_reports([report_name], corpus_root, reports_dir)[0]
    return report, find(report, unit_ids)


def text(report: Report, units: Sequence[Unit]) -> str:
    """What ``claimcheck show`` prints: each unit's heading, its text in full, and its
    citation, with a blank line between units."""
    blocks = []
    for unit in units:
        head = unit_name(unit.id)
        if unit.section:
            head += f" · {unit.section}" + (f" ({unit.grade})" if unit.grade else "")
        body = unit.text
        if unit.grades:
            body = "\n".join(f"{area}: {grade}" for area, grade in unit.grades)
        blocks.append(f"{head}\n\n{body}\n\n— {citation(report, unit)}\n")
    return "\n".join(blocks)
