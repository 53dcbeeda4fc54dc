"""``claimcheck units`` through typer's CliRunner: exact JSON lines, the table, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from conftest import MakePdf

REPORT = """\
Inspection of Anytown local authority children's services
Inspection dates: 1 to 5 May 2023
Lead inspector: A Person, His Majesty's Inspector
Judgement Grade
The impact of leaders on social work practice with children and families Good
The experiences and progress of children who need help and protection Good
The experiences and progress of children in care Good
The experiences and progress of care leavers Inadequate
Overall effectiveness Requires improvement to be good
Children in Anytown are helped well.
What needs to improve?
◼ Support for care leavers.
The experiences and progress of care leavers: inadequate
1. Care leavers are not in touch with their advisers.
"""

runner = CliRunner()


@pytest.fixture()
def anytown(tmp_path: Path) -> Path:
    path = tmp_path / "anytown.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _span(text: str, first: str, last: str) -> tuple[int, int]:
    start = REPORT.index(first)
    return start, REPORT.index(last, start) + len(last)


def test_jsonl_exact(anytown: Path) -> None:
    result = runner.invoke(app, ["units", str(anytown), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    leaders = "The impact of leaders on social work practice with children and families"
    help_row = "The experiences and progress of children who need help and protection"
    care = "The experiences and progress of children in care"
    leavers = "The experiences and progress of care leavers"

    def line(
        uid: str,
        text: str,
        span: tuple[int, int],
        section: str = "",
        grade: str = "",
        **extra: object,
    ) -> str:
        record = {
            "report": "anytown",
            "id": uid,
            "section": section,
            "grade": grade,
            "text": text,
            "start": span[0],
            "end": span[1],
            **extra,
        }
        return json.dumps(record, ensure_ascii=False)

    expected = [
        line(
            "header",
            "Inspection of Anytown local authority children's services Inspection "
            "dates: 1 to 5 May 2023 Lead inspector: A Person, His Majesty's Inspector",
            _span(REPORT, "Inspection of", "His Majesty's Inspector"),
        ),
        line(
            "judgements",
            f"{leaders}: Good. {help_row}: Good. {care}: Good. {leavers}: "
            "Inadequate. Overall effectiveness: Requires improvement to be good.",
            _span(REPORT, "Judgement Grade", "to be good"),
            grades={
                leaders: "Good",
                help_row: "Good",
                care: "Good",
                leavers: "Inadequate",
                "Overall effectiveness": "Requires improvement to be good",
            },
        ),
        line(
            "summary-1",
            "Children in Anytown are helped well.",
            _span(REPORT, "Children in Anytown", "well."),
        ),
        line(
            "improve-1",
            "Support for care leavers.",
            _span(REPORT, "Support for", "leavers."),
            section="What needs to improve?",
        ),
        line(
            "1",
            "Care leavers are not in touch with their advisers.",
            _span(REPORT, "Care leavers are", "advisers."),
            section=leavers,
            grade="inadequate",
        ),
    ]
    assert result.stdout.splitlines() == expected


def test_table_by_default(anytown: Path) -> None:
    result = runner.invoke(app, ["units", str(anytown)])
    assert result.exit_code == 0, result.output
    assert "Report units" in result.stdout
    ids = [row.split("│")[2].strip() for row in result.stdout.splitlines() if "│ anytown" in row]
    assert ids == ["header", "judgements", "summary-1", "improve-1", "1"]


def test_many_reports_in_one_call(anytown: Path, tmp_path: Path) -> None:
    other = tmp_path / "othertown.txt"
    other.write_text(REPORT.replace("Anytown", "Othertown"), encoding="utf-8")
    result = runner.invoke(app, ["units", str(anytown), str(other), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    reports = [json.loads(line)["report"] for line in result.stdout.splitlines()]
    assert reports == ["anytown"] * 5 + ["othertown"] * 5


def test_a_bad_report_prints_nothing_half(anytown: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["units", str(anytown), str(tmp_path / "missing.pdf"), "-f", "jsonl"]
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"claimcheck: error: {tmp_path / 'missing.pdf'}: no such file\n"


def test_encrypted_pdf_is_one_line(make_pdf: MakePdf) -> None:
    path = make_pdf("locked.pdf", [["Inspection dates: 1 to 5 May 2023"]], password="secret")
    result = runner.invoke(app, ["units", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "password-protected" in result.stderr


def test_not_a_report_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("The council welcomes the report.\n", encoding="utf-8")
    result = runner.invoke(app, ["units", str(path)])
    assert result.exit_code == 1
    assert "is it an Ofsted ILACS inspection report?" in result.stderr


def test_corpus_id_reads_the_bundled_report() -> None:
    result = runner.invoke(app, ["units", "harrow-2025", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids[:2] == ["header", "judgements"] and ids[-1] == "59"


def test_unknown_format_is_a_usage_error(anytown: Path) -> None:
    result = runner.invoke(app, ["units", str(anytown), "--format", "xml"])
    assert result.exit_code == 2


def test_help() -> None:
    result = runner.invoke(app, ["units", "--help"])
    assert result.exit_code == 0
    assert "jsonl" in result.stdout and "ILACS" in result.stdout
