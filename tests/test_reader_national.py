"""The reader on every ILACS report Ofsted has published for English councils.

``../shared/reports`` beside the project holds 152 reports as PDFs and, for 98
of them, grades scraped independently into ``ilacs-grades.csv``. The reader
must read the grades of at least 97% of those right, number the paragraphs of
at least 95% 1..N with no gap, and read all 152 without crashing. The figures
are printed (``pytest -s``) and quoted in the README.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claimcheck import reader
from claimcheck.errors import NotAReportError
from claimcheck.lexicon import builtin
from claimcheck.types import Report

pytestmark = pytest.mark.shared

AREAS = (
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
)
NO_ROW = "inspection_pre_dates_judgement"  # older reports judge care leavers with children in care


def _grade_name(text: str) -> str:
    """The grade's canonical name for any way of writing it ("requires improvement")."""
    wording = " ".join(text.lower().split())
    for grade in builtin("grades")["grade"]:
        if wording in grade["aliases"]:
            return str(grade["name"])
    return wording


def _area(row: str) -> str:
    """The CSV column of a judgement-table row; a 2018-2022 "children in care and care
    leavers" row is the children-in-care column."""
    row = row.lower()
    for phrase, area in (
        ("overall effectiveness", "overall_effectiveness"),
        ("impact of leaders", "impact_of_leaders"),
        ("help and protection", "help_and_protection"),
        ("children in care", "children_in_care"),
        ("care leavers", "care_leavers"),
    ):
        if phrase in row:
            return area
    return row


@pytest.fixture(scope="module")
def national(shared_reports: Path) -> dict[str, Report | NotAReportError]:
    read: dict[str, Report | NotAReportError] = {}
    for path in sorted((shared_reports / "ilacs").glob("*.pdf")):
        try:
            read[path.name] = reader.read_report(path)
        except NotAReportError as err:
            read[path.name] = err
    return read


def test_every_report_reads_without_crashing(national: dict[str, Report | NotAReportError]) -> None:
    refused = [name for name, r in national.items() if isinstance(r, NotAReportError)]
    print(f"\n{len(national)} reports read, {len(refused)} refused as not ILACS: {refused}")
    assert len(national) >= 150
    assert len(refused) <= 0.05 * len(national)


def test_grades_match_the_independent_scrape(
    national: dict[str, Report | NotAReportError], shared_reports: Path
) -> None:
    with (shared_reports / "ilacs-grades.csv").open(encoding="utf-8") as handle:
        expected = {row["file"]: row for row in csv.DictReader(handle)}
    right, wrong = 0, []
    for name, row in expected.items():
        want = {a: _grade_name(row[a]) for a in AREAS if row[a] and row[a] != NO_ROW}
        result = national.get(name)
        got = (
            {_area(r): _grade_name(g) for r, g in result.grades}
            if isinstance(result, Report)
            else {}
        )
        if got == want:
            right += 1
        else:
            wrong.append(f"{name}: scraped {want}, read {got}")
    print(f"\ngrades right for {right}/{len(expected)} reports ({right / len(expected):.1%})")
    print("\n".join(wrong))
    assert len(expected) >= 90
    assert right >= 0.97 * len(expected)


def test_paragraphs_are_numbered_without_gaps(
    national: dict[str, Report | NotAReportError], shared_reports: Path
) -> None:
    with (shared_reports / "ilacs-grades.csv").open(encoding="utf-8") as handle:
        names = [row["file"] for row in csv.DictReader(handle)]
    whole, broken = 0, []
    for name in names:
        result = national.get(name)
        numbers = (
            [int(u.id) for u in result.units if u.id.isdigit()]
            if isinstance(result, Report)
            else []
        )
        if len(numbers) >= 20 and numbers == list(range(1, len(numbers) + 1)):
            whole += 1
        else:
            broken.append(f"{name}: {numbers[:3]}...{numbers[-3:]} ({len(numbers)})")
    every = sum(
        1
        for r in national.values()
        if isinstance(r, Report)
        and (n := [int(u.id) for u in r.units if u.id.isdigit()])
        and n == list(range(1, len(n) + 1))
    )
    print(
        f"\nnumbered 1..N without a gap: {whole}/{len(names)} of the graded reports, "
        f"{every}/{len(national)} of all"
    )
    print("\n".join(broken))
    assert whole >= 0.95 * len(names)


def test_every_report_has_its_sections(national: dict[str, Report | NotAReportError]) -> None:
    """Each numbered paragraph stands in a graded section, one section per judged area."""
    short = []
    for name, result in national.items():
        if not isinstance(result, Report):
            continue
        sections = {(u.section, u.grade) for u in result.units if u.id.isdigit()}
        if len(sections) != len(result.grades) - 1 or any(not s or not g for s, g in sections):
            short.append(f"{name}: {sorted(sections)}")
    print(f"\nsections as judged: {len(national) - len(short)}/{len(national)}")
    assert len(short) <= 0.03 * len(national), short
