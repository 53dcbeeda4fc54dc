"""Reports by name, claims about another council, every format from ``check``, --version, -h.

Through typer's CliRunner; a small reports library is made of copies of the bundled
Harrow text, so nothing here needs ``../shared``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import councils, library
from claimcheck.cli import app
from claimcheck.errors import ReportNotFoundError

runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CLAIMCHECK_REPORTS", raising=False)
    monkeypatch.delenv("CLAIMCHECK_CORPUS", raising=False)


@pytest.fixture()
def reports(tmp_path: Path, harrow_text: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("harrow-2025-03-04.txt", "harrow-2020-03-16.txt", "west-sussex-2023-05-11.txt"):
        (folder / name).write_bytes(harrow_text.read_bytes())
    (folder / "notes.txt").write_text("not a report", encoding="utf-8")
    return folder


# --- the reports library ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "stem"), [
    ("harrow", "harrow-2025-03-04"),
    ("Harrow", "harrow-2025-03-04"),
    ("harrow:2020", "harrow-2020-03-16"),
    ("harrow-2020", "harrow-2020-03-16"),
    ("harrow-2020-03-16", "harrow-2020-03-16"),
    ("West Sussex", "west-sussex-2023-05-11"),
    ("west-sussex", "west-sussex-2023-05-11"),
])
def test_a_council_is_found_by_name_slug_and_year(reports: Path, name: str, stem: str) -> None:
    assert library.find(reports, name).path.stem == stem


def test_an_unknown_council_lists_close_names(reports: Path) -> None:
    with pytest.raises(ReportNotFoundError) as err:
        library.find(reports, "harow")
    assert str(err.value) == (f"no report for 'harow' in the reports library {reports}; "
                              "close names: harrow")


def test_a_year_with_no_report_lists_the_dates(reports: Path) -> None:
    with pytest.raises(ReportNotFoundError) as err:
        library.find(reports, "harrow:2022")
    assert str(err.value) == f"no Harrow report from 2022 in {reports}; there is: " \
                             "2020-03-16, 2025-03-04"


def test_check_report_by_council_name(reports: Path) -> None:
    result = runner.invoke(app, ["check", "--reports", str(reports), "--report", "harrow:2020",
                                 "--format", "jsonl", "Children in care were judged good."])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label"] == "supported"


def test_the_library_may_come_from_the_environment(reports: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_REPORTS", str(reports))
    result = runner.invoke(app, ["units", "harrow", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    assert first["report"] == "harrow-2025-03-04"


def test_check_report_by_corpus_id() -> None:
    result = runner.invoke(app, ["check", "--report", "harrow-2025", "--format", "jsonl",
                                 "Children in care were judged good."])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label"] == "supported"


def test_a_name_without_a_library_says_how_to_set_one() -> None:
    result = runner.invoke(app, ["check", "--report", "essex", "Essex was rated good."])
    assert result.exit_code == 1
    assert result.stderr == (
        "claimcheck: error: essex: no such file or corpus report id; to name a council's "
        "report, give --reports DIR or set CLAIMCHECK_REPORTS to a folder of "
        "COUNCIL-YYYY-MM-DD.pdf files\n")


def test_an_unknown_name_in_the_library_is_one_line(reports: Path) -> None:
    result = runner.invoke(app, ["check", "--reports", str(reports), "-r", "west sussx", "x"])
    assert result.exit_code == 1
    assert result.stderr == ("claimcheck: error: no report for 'west sussx' in the reports "
                             f"library {reports}; close names: west-sussex\n")


def test_a_statement_naming_one_council_goes_to_its_report(reports: Path) -> None:
    result = runner.invoke(app, ["check", "--reports", str(reports), "--format", "jsonl",
                                 "West Sussex was rated inadequate overall."])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label"] == "supported"  # the copy holds Harrow's grades


# --- a claim about another council ----------------------------------------------------------


def test_councils_named_in_text() -> None:
    names = [c.name for c in councils.named_in(
        "Bath and North East Somerset, West Sussex and Southend on Sea; reading the report")]
    assert names == ["Bath and North East Somerset", "West Sussex", "Southend-on-Sea"]
    assert councils.named_in("Reading the report, we were pleased.") == []
    assert councils.named_in("Reading through it, we were pleased.") == []
    assert [c.slug for c in councils.named_in("Reading Council was rated good.")] == ["reading"]
    assert [c.slug for c in councils.named_in("Reading was rated good.")] == ["reading"]
    assert [c.slug for c in councils.named_in("Harrow-based staff")] == ["harrow"]
    assert councils.named_in("North Yorkshire") == [councils.by_slug()["north-yorkshire"]]


def test_a_claim_about_another_council_is_unverified_and_says_so() -> None:
    result = runner.invoke(app, ["check", "--format", "jsonl",
                                 "Reading's services were rated inadequate."])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["label"] == "unverified" and record["evidence"] == []
    assert record["explanation"] == ("The claim is about Reading, but this report inspects "
                                     "Harrow: check it against Reading's report.")


def test_a_claim_naming_the_report_council_too_is_judged() -> None:
    result = runner.invoke(app, ["check", "--format", "jsonl",
                                 "Unlike Reading, Harrow was rated inadequate overall."])
    assert json.loads(result.stdout)["label"] == "supported"


# --- formats, version, help -------------------------------------------------------------------


@pytest.mark.parametrize(("args", "start"), [
    (["--format", "HTML"], "<!DOCTYPE html>"),
    (["-f", "Markdown"], "# claimcheck: Inspection of Harrow"),
    (["-f", "md"], "# claimcheck: Inspection of Harrow"),
    (["-f", "csv"], "\ufeffdoc,sentence"),
    (["-f", "claimreview"], "["),
    (["-f", "jsonl"], '{"doc": "stdin"'),
])
def test_check_prints_every_format(args: list[str], start: str) -> None:
    result = runner.invoke(app, ["check", *args, "Harrow was rated inadequate overall."])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start)


@pytest.mark.parametrize(("name", "start"), [
    ("out.html", "<!DOCTYPE html>"), ("OUT.MD", "# claimcheck"), ("out.jsonl", '{"doc"'),
    ("out.csv", "\ufeffdoc"), ("out.json", "["),
])
def test_out_chooses_the_format_from_its_extension(tmp_path: Path, name: str,
                                                   start: str) -> None:
    out = tmp_path / name
    result = runner.invoke(app, ["check", "--out", str(out), "Harrow was rated good."])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(start)


def test_out_with_an_unknown_extension_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--out", str(tmp_path / "out.xyz"), "Harrow."])
    assert result.exit_code == 2
    assert "cannot tell the format of out.xyz" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, "claimcheck 0.1.0\n")


@pytest.mark.parametrize("command", [[], ["check"], ["batch"], ["units"], ["eval"], ["show"]])
def test_short_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "-h"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: claimcheck")


def test_a_url_statement_fetches_nothing() -> None:
    result = runner.invoke(app, ["check", "https://example.org/news/ofsted"])
    assert result.exit_code == 1
    assert result.stderr == ("claimcheck: error: https://example.org/news/ofsted: claimcheck "
                             "fetches nothing from the web; save the page (e.g. as "
                             "statement.html) and give that file\n")


# --- show ------------------------------------------------------------------------------------


def test_show_prints_a_unit_in_full_with_its_citation() -> None:
    result = runner.invoke(app, ["show", "harrow-2025", "improve-1"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "improvement 1 · What needs to improve?\n\n"
        "Leadership stability and capacity to lead the improvements required, including "
        "oversight of performance to ensure that there is a coherent and consistent response "
        "to the need for continuous improvement (Enabler two).\n\n"
        "— Harrow, “Inspection of Harrow local authority children's services”, Ofsted, "
        "2025-03-04, improvement 1, https://reports.ofsted.gov.uk/\n")


def test_show_an_unknown_unit_lists_the_units() -> None:
    result = runner.invoke(app, ["show", "harrow-2025", "99"])
    assert result.exit_code == 1
    assert result.stderr == (
        "claimcheck: error: harrow-2025 has no unit '99'; it has header, judgements, "
        "summary-1..2, improve-1..8, 1..59 (see `claimcheck units harrow-2025`)\n")


@pytest.mark.shared
def test_show_cites_the_pdf_pages(shared_reports: Path) -> None:
    result = runner.invoke(app, ["show", "--reports", str(shared_reports / "ilacs"), "harrow",
                                 "paragraph 41", "p2"])
    assert result.exit_code == 0, result.output
    citations = [line for line in result.stdout.splitlines() if line.startswith("—")]
    assert citations == [
        "— Harrow, “Inspection of Harrow local authority children’s services”, Ofsted, "
        "2025-03-04, paragraph 41, PDF page 9",
        "— Harrow, “Inspection of Harrow local authority children’s services”, Ofsted, "
        "2025-03-04, paragraph 2, PDF pages 2–3",
    ]


@pytest.mark.shared
def test_units_jsonl_carries_pages(shared_reports: Path) -> None:
    result = runner.invoke(app, ["units", str(shared_reports / "ilacs" /
                                               "harrow-2025-03-04.pdf"), "-f", "jsonl"])
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["41"]["pages"] == [9, 9] and records["2"]["pages"] == [2, 3]


def test_a_url_report_fetches_nothing() -> None:
    result = runner.invoke(app, ["check", "--report", "https://reports.ofsted.gov.uk/x.pdf",
                                 "Harrow was rated good."])
    assert result.exit_code == 1
    assert result.stderr == ("claimcheck: error: https://reports.ofsted.gov.uk/x.pdf: claimcheck "
                             "fetches nothing from the web; download the report and give its "
                             "path\n")


def test_a_statement_that_mentions_a_url_is_checked() -> None:
    result = runner.invoke(app, ["check", "-f", "jsonl",
                                 "https://example.org says Harrow was rated inadequate overall."])
    assert result.exit_code == 0, result.output


@pytest.mark.shared
def test_the_council_of_shared_reports_is_known(shared_reports: Path) -> None:
    """Read from the title, with a file name that says nothing (all 152 pass)."""
    from claimcheck import reader
    from claimcheck.types import Document, Kind

    wrong = []
    tricky = ["bury-2021-12-17", "devon-2020-03-17", "east-riding-of-yorkshire-2023-03-24",
              "hammersmith-and-fulham-2024-05-16", "harrow-2020-03-16", "reading-2024-07-12",
              "bournemouth-christchurch-poole-2025-01-29", "southend-on-sea-2024-12-03"]
    pdfs = [shared_reports / "ilacs" / f"{name}.pdf" for name in tricky]
    for pdf in pdfs + sorted((shared_reports / "ilacs").glob("*.pdf"))[::10]:
        doc = Document(id="x", kind=Kind.REPORT, path="x.pdf", text="")
        found = [c.slug for c in councils.of_report(reader.read_report(pdf, doc))]
        if found != [pdf.stem[:-11]]:
            wrong.append((pdf.name, found))
    assert not wrong


# --- two reports of one council -------------------------------------------------------------


def _one(args: list[str]) -> dict:
    result = runner.invoke(app, ["check", "-f", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_claim_about_the_last_inspection_alone_is_decided_by_the_previous_report() -> None:
    record = _one(["Last time, Ofsted rated Harrow good overall."])
    assert record["label"] == "supported"
    assert [e["unit"] for e in record["evidence"]][0] == "harrow-2020:judgements"
    assert record["explanation"] == ("The claim is about the 2020 inspection, so the 2020 "
                                     "report (harrow-2020) decides: the judgement table grades "
                                     "overall Good.")


def test_a_change_since_the_last_inspection_cites_both_reports() -> None:
    record = _one(["Services for care leavers have improved since 2020."])
    assert record["label"] == "contradicted"
    assert record["evidence"][0]["unit"] == "summary-1"
    assert record["explanation"].endswith(
        "On the last inspection, the 2020 report, paragraph 27, PDF page 8: “Recent action to "
        "improve the care leaver services is positive, but it is too soon to evaluate impact.”")


def test_a_year_that_is_not_the_previous_reports_is_not_about_it() -> None:
    record = _one(["Services for care leavers have improved since 2017."])
    assert "2020 report" not in record["explanation"]


def test_the_library_knows_a_councils_previous_report(reports: Path) -> None:
    assert library.find(reports, "harrow").document().previous == "harrow-2020-03-16"
    assert library.find(reports, "harrow:2020").document().previous == ""


def test_a_unit_of_another_report_is_named_with_it() -> None:
    from claimcheck.types import unit_name

    assert unit_name("harrow-2020:judgements") == "judgement table of harrow-2020"
    assert unit_name("harrow-2020:27") == "paragraph 27 of harrow-2020"


def test_close_names_start_with_what_was_typed(tmp_path: Path, harrow_text: Path) -> None:
    for name in ("kingston-upon-hull-2023-01-13.txt", "kingston-upon-thames-2022-01-01.txt"):
        (tmp_path / name).write_bytes(harrow_text.read_bytes())
    with pytest.raises(ReportNotFoundError) as err:
        library.find(tmp_path, "Kingston")
    assert str(err.value).endswith("close names: kingston-upon-hull, kingston-upon-thames")


def test_a_part_about_another_council_is_left_out_and_said() -> None:
    record = _one(["Harrow was rated inadequate overall, but Reading was rated outstanding."])
    assert record["label"] == "supported"
    assert record["explanation"] == (
        "The judgement table grades overall Inadequate. “Reading was rated outstanding” is "
        "about Reading, which this report does not inspect: not checked.")
