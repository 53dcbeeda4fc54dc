"""The report reader on the bundled Harrow report, its PDF, PDFs written by hand, and bad input.

The Harrow text extraction carries the faults real extractions have: a paragraph
number lost (37), paragraphs cut by page breaks ("- are resulting in ..."), a
footnote in the middle of paragraph 2. The PDF written by hand from the units
adds running headers, page numbers, words hyphenated at line ends and the
closing notice, so the PDF path is tested without Ofsted's files.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from claimcheck import reader
from claimcheck.errors import ClaimcheckError, InputError, NotAReportError
from claimcheck.types import Document, Kind, Report
from conftest import MakePdf

HARROW_IDS = (
    ["header", "judgements", "summary-1", "summary-2"]
    + [f"improve-{i}" for i in range(1, 9)]
    + [str(i) for i in range(1, 60)]
)
SECTIONS = {
    "1": ("The experiences and progress of children who need help and protection", "good"),
    "21": ("The experiences and progress of children in care", "good"),
    "37": ("The experiences and progress of care leavers", "inadequate"),
    "59": (
        "The impact of leaders on social work practice with children and families",
        "requires improvement to be good",
    ),
}


@pytest.fixture(scope="module")
def harrow(harrow_text: Path) -> Report:
    return reader.read_report(harrow_text)


def _plain(text: str) -> str:
    """Text compared across extractions: no whitespace, plain quotes.

    The text extraction dropped two hyphens the PDF keeps at line ends
    ("preproceedings", "wellbeing"), so hyphens are set aside too.
    """
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[\s-]", "", text)


# --- Harrow, text extraction ---------------------------------------------------------------


def test_harrow_text_has_every_unit_in_order(harrow: Report) -> None:
    assert [u.id for u in harrow.units] == HARROW_IDS


def test_harrow_header(harrow: Report) -> None:
    assert harrow.title == "Inspection of Harrow local authority children's services"
    assert harrow.dates == "20 to 24 January 2025"
    assert harrow.lead_inspector == "Rebekah Tucker, His Majesty's Inspector"
    assert harrow.unit("header").text.startswith("Inspection of Harrow")


def test_harrow_judgement_table(harrow: Report) -> None:
    assert harrow.grades == (
        (
            "The impact of leaders on social work practice with children and families",
            "Requires improvement to be good",
        ),
        ("The experiences and progress of children who need help and protection", "Good"),
        ("The experiences and progress of children in care", "Good"),
        ("The experiences and progress of care leavers", "Inadequate"),
        ("Overall effectiveness", "Inadequate"),
    )


def test_harrow_sections_and_grades(harrow: Report) -> None:
    for uid, (section, grade) in SECTIONS.items():
        unit = harrow.unit(uid)
        assert (unit.section, unit.grade) == (section, grade), uid
    assert harrow.unit("improve-3").section == "What needs to improve?"
    assert harrow.unit("summary-1").section == ""


def test_harrow_lost_number_inferred(harrow: Report) -> None:
    assert harrow.unit("37").text.startswith("The quality of pathway plans for care leavers")
    assert harrow.unit("36").text.endswith("they came into care.")


def test_harrow_page_breaks_rejoined_and_footnote_dropped(harrow: Report) -> None:
    two = harrow.unit("2").text
    assert "multi-agency early help assessments are resulting in effective" in two
    assert two.endswith("plans are not consistently timebound.")
    assert "Most plans are monitored through timebound actions" in harrow.unit("9").text
    assert "For most children, permanence planning" in harrow.unit("22").text
    for unit in harrow.units:
        assert "cross-referenced" not in unit.text, unit.id
        assert not unit.text.startswith("- "), unit.id


def test_harrow_units_are_whole_paragraphs(harrow: Report) -> None:
    for unit in harrow.units:
        if unit.id not in ("header", "judgements"):
            assert unit.text[0].isupper(), unit.id
            assert unit.text[-1] in ".)", unit.id
        assert unit.text == " ".join(unit.text.split()), unit.id


def test_harrow_offsets_point_into_the_source(harrow: Report) -> None:
    source = harrow.document.text
    for unit in harrow.units:
        span = source[unit.start : unit.end]
        if unit.id != "judgements":
            assert span.startswith(unit.text[:15]), unit.id
            assert span.endswith(unit.text[-15:]), unit.id
        assert _is_subsequence(
            re.sub(r"\s", "", unit.text.replace(":", "").replace(".", "")), re.sub(r"\s", "", span)
        ), unit.id


def _is_subsequence(small: str, big: str) -> bool:
    chars = iter(big)
    return all(c in chars for c in small)


def test_corpus_metadata_is_kept(harrow_text: Path) -> None:
    doc = Document(
        id="harrow-2025",
        kind=Kind.REPORT,
        path=str(harrow_text),
        text="",
        title="Harrow",
        publisher="Ofsted",
        date="2025-03-04",
    )
    report = reader.read_report(harrow_text, doc)
    assert report.document.id == "harrow-2025" and report.document.date == "2025-03-04"
    assert report.document.text == harrow_text.read_text(encoding="utf-8")
    assert {u.report for u in report.units} == {"harrow-2025"}


def test_file_stem_names_a_report_outside_the_corpus(harrow_text: Path, tmp_path: Path) -> None:
    copy = tmp_path / "some-council.md"
    copy.write_bytes(harrow_text.read_bytes())
    report = reader.read_report(copy)
    assert report.document.id == "some-council" and report.document.kind is Kind.REPORT


# --- Harrow, Ofsted's PDF ------------------------------------------------------------------


@pytest.mark.shared
def test_harrow_pdf_reads_as_the_text_does(harrow: Report, harrow_pdf: Path) -> None:
    pdf = reader.read_report(harrow_pdf)
    assert [u.id for u in pdf.units] == [u.id for u in harrow.units]
    for text_unit, pdf_unit in zip(harrow.units, pdf.units, strict=True):
        assert _plain(pdf_unit.text) == _plain(text_unit.text), text_unit.id
        assert (pdf_unit.section, pdf_unit.grade) == (text_unit.section, text_unit.grade)
    assert pdf.grades == harrow.grades
    assert (pdf.dates, _plain(pdf.lead_inspector)) == (harrow.dates, _plain(harrow.lead_inspector))


@pytest.mark.shared
def test_harrow_pdf_drops_page_furniture(harrow_pdf: Path) -> None:
    pdf = reader.read_report(harrow_pdf)
    assert "\f" in pdf.document.text  # pages kept apart in the source
    for unit in pdf.units:
        assert "January 2025 " not in unit.text or unit.id == "header", unit.id
        assert "Office for Standards" not in unit.text
    assert pdf.unit("6").text.endswith("ensures well-coordinated support to children and families.")


# --- PDFs written by hand ------------------------------------------------------------------


def _pages_from(report: Report, per_page: int = 40) -> list[list[str]]:
    """A report's units laid out as Ofsted lays them out, wrapped at 90 characters."""
    header = report.unit("header")
    lines = [
        report.title,
        f"Inspection dates: {report.dates}",
        f"Lead inspector: {report.lead_inspector}",
        "Judgement Grade",
    ]
    assert header.text.startswith(report.title)
    for row, grade in report.grades:
        lines += textwrap.wrap(row, 40) + [grade]
    section = ""
    for unit in report.units:
        if unit.id.startswith("summary"):
            lines += textwrap.wrap(unit.text, 90)
        elif unit.id == "improve-1":
            lines += ["What needs to improve?", "1"]
        if unit.id.startswith("improve"):
            lines += textwrap.wrap("◼ " + unit.text, 90)
        if unit.id.isdigit():
            if unit.section != section:
                section = unit.section
                lines += textwrap.wrap(f"{unit.section}: {unit.grade}", 60)
            lines += textwrap.wrap(f"{unit.id}. {unit.text}", 90)
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    pages[1].append("1 The areas for improvement have been cross-referenced with the outcomes.")
    for number, page in enumerate(pages[1:], start=2):
        page[:0] = [report.title, f"{report.dates} {number}"]
    pages.append(
        [
            "The Office for Standards in Education, Children's Services and Skills (Ofsted)",
            "regulates and inspects to achieve excellence.",
        ]
    )
    return pages


def test_pdf_written_from_the_units_reads_back_the_same(harrow: Report, make_pdf: MakePdf) -> None:
    path = make_pdf("harrow.pdf", _pages_from(harrow))
    pdf = reader.read_report(path)
    assert [u.id for u in pdf.units] == [u.id for u in harrow.units]
    for text_unit, pdf_unit in zip(harrow.units, pdf.units, strict=True):
        assert _plain(pdf_unit.text) == _plain(text_unit.text), text_unit.id
        assert (pdf_unit.section, pdf_unit.grade) == (text_unit.section, text_unit.grade)


def test_pdf_is_known_by_its_bytes_not_its_name(
    harrow: Report, make_pdf: MakePdf, tmp_path: Path
) -> None:
    path = make_pdf("report.txt", _pages_from(harrow))
    assert [u.id for u in reader.read_report(path).units] == HARROW_IDS
    text = tmp_path / "report.pdf"
    text.write_text(harrow.document.text, encoding="utf-8")
    assert [u.id for u in reader.read_report(text).units] == HARROW_IDS


# --- the layout's rules on small texts -----------------------------------------------------

_OLD_LAYOUT = """\
Inspection of Anytown local authority children's services
Inspection dates: 1 to 12 March 2021
Lead inspector: A Person
Her Majesty's Inspector
Judgement Grade
The impact of leaders on social work practice with children
and families Good
The experiences and progress of children who need help and protection
Requires improvement
to be good
The experiences and progress of children in care and care
leavers Outstanding
Overall effectiveness Good
Services for children in Anytown are good.
What needs to improve
◼ The timeliness of assessments.
The experiences and progress of children who need help and protection: requires
improvement to be good
1. Most children are seen quickly. Strategy meetings are timely and well
attended.
2. Assessments are thorough. Most plans are clear
and focused on risk.
This paragraph lost its number at a page break.
4. Disabled children are well supported.
The experiences and progress of children in care and care leavers: outstanding
5. Children in care live in stable homes.
"""


def test_older_layout_four_rows_and_wrapped_grades() -> None:
    report = reader.read_text_report(_OLD_LAYOUT, _doc(_OLD_LAYOUT))
    assert report.grades == (
        ("The impact of leaders on social work practice with children and families", "Good"),
        (
            "The experiences and progress of children who need help and protection",
            "Requires improvement to be good",
        ),
        ("The experiences and progress of children in care and care leavers", "Outstanding"),
        ("Overall effectiveness", "Good"),
    )
    assert report.lead_inspector == "A Person, Her Majesty's Inspector"
    assert [u.id for u in report.units] == [
        "header",
        "judgements",
        "summary-1",
        "improve-1",
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert report.unit("1").grade == "requires improvement to be good"
    assert (
        report.unit("2").text
        == "Assessments are thorough. Most plans are clear and focused on risk."
    )
    assert report.unit("3").text.startswith("This paragraph lost its number")
    assert report.unit("5").section == (
        "The experiences and progress of children in care and care leavers"
    )


def test_unfinished_sentence_is_not_a_lost_paragraph() -> None:
    text = _OLD_LAYOUT.replace("4. Disabled", "3. Disabled").replace("5. Children", "4. Children")
    text = text.replace("This paragraph lost its number at a page break.", "and to the point.")
    report = reader.read_text_report(text, _doc(text))
    assert [u.id for u in report.units][-4:] == ["1", "2", "3", "4"]
    assert report.unit("2").text.endswith("focused on risk. and to the point.")


def test_hyphen_at_line_end_is_mended() -> None:
    text = _OLD_LAYOUT.replace(
        "Most plans are clear\nand", "Most well-\nestablished plans are clear\nand"
    )
    report = reader.read_text_report(text, _doc(text))
    assert "Most well-established plans are clear" in report.unit("2").text


def _doc(text: str) -> Document:
    return Document(id="anytown", kind=Kind.REPORT, path="anytown.txt", text=text)


# --- bad input: one clear line, never a traceback ------------------------------------------


def _one_line(err: pytest.ExceptionInfo[ClaimcheckError]) -> str:
    message = str(err.value)
    assert "\n" not in message and message
    return message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        reader.read_report(tmp_path / "nope.pdf")
    assert "no such file" in _one_line(err)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        reader.read_report(tmp_path)
    assert "directory" in _one_line(err)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError) as err:
        reader.read_report(tmp_path / "empty.txt")
    assert "empty" in _one_line(err)


def test_binary_junk(tmp_path: Path) -> None:
    (tmp_path / "junk.pdf").write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError) as err:
        reader.read_report(tmp_path / "junk.pdf")
    assert "binary" in _one_line(err)


def test_not_utf8(harrow_text: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(harrow_text.read_text(encoding="utf-8").replace("'", "’").encode("cp1252"))
    with pytest.raises(InputError) as err:
        reader.read_report(latin)
    assert "UTF-8" in _one_line(err)


def test_damaged_pdf(tmp_path: Path) -> None:
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    with pytest.raises(InputError) as err:
        reader.read_report(tmp_path / "cut.pdf")
    assert "not a readable PDF" in _one_line(err)


def test_encrypted_pdf(make_pdf: MakePdf) -> None:
    path = make_pdf("locked.pdf", [["Inspection dates: 1 to 5 May 2023"]], password="secret")
    import pypdfium2

    pypdfium2.PdfDocument(path, password="secret").close()  # really encrypted, and readable so
    with pytest.raises(InputError) as err:
        reader.read_report(path)
    assert "password-protected" in _one_line(err)


def test_image_only_pdf(make_pdf: MakePdf) -> None:
    path = make_pdf("scan.pdf", [[], []], image=True)
    with pytest.raises(InputError) as err:
        reader.read_report(path)
    assert "no text layer" in _one_line(err) and "OCR" in str(err.value)


def test_pdf_that_is_not_a_report(make_pdf: MakePdf) -> None:
    path = make_pdf("minutes.pdf", [["Minutes of the corporate parenting board", "Present: all."]])
    with pytest.raises(NotAReportError) as err:
        reader.read_report(path)
    message = _one_line(err)
    assert "minutes.pdf" in message and "claimcheck units minutes.pdf" in message


def test_text_that_is_not_a_report(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("Harrow Council welcomes the report.\n\nWe are proud of our staff.\n")
    with pytest.raises(NotAReportError) as err:
        reader.read_report(path)
    assert "ILACS" in _one_line(err)
