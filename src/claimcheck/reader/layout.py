"""The ILACS layout: from a report's text to its citable units.

An Ofsted ILACS report has a header (title, inspection dates, lead inspector),
a judgement table, a few unnumbered summary paragraphs, the bullets of "What
needs to improve?", then sections headed by an area and its grade ("The
experiences and progress of care leavers: inadequate") that hold numbered
paragraphs. Text extraction scatters that structure: running headers and page
numbers, a footnote in the middle of a paragraph, a paragraph cut by a page
break, a number lost. The reader works on lines with their offsets in the
source text, so each unit can say where it came from while its text is the
whole paragraph.

The same rules read the text of a PDF (pages separated by form feeds) and a
plain-text extraction (page breaks left as blank gaps).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from ..errors import NotAReportError
from ..lexicon import builtin
from ..types import Document, Report, Unit

# Characters that end a sentence, possibly followed by closing quotes/brackets.
_ENDS = re.compile(r"[.!?][\"'’”)\]]*$|[:;]$")
_NUMBERED = re.compile(r"^(?:[-–−•◼▪●]\s*)?(\d{1,3})\.\s*(?=\S)")
_UNDOTTED = re.compile(r"^(\d{1,3})\s+(?=[A-Z‘“'\"])")
_BULLET = re.compile(r"^[-–−•◼▪●■□➢►·]\s*")
_FOOTNOTE = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2})\s*(?=[A-Z‘“'\"])")
_BARE_NUMBER = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰\d]{1,3}$")
_IMPROVE = re.compile(r"^What needs to improve\b[^.]*?\??\s*[¹²³⁴⁵⁶⁷⁸⁹⁰\d]*$", re.IGNORECASE)
_DATES = re.compile(r"^Inspection dates?\s*:?\s*(.*)$", re.IGNORECASE)
_LEAD = re.compile(r"^Lead inspectors?\s*:?\s*(.*)$", re.IGNORECASE)
_TABLE_HEAD = re.compile(r"^Judgements?\s*(?:Grades?)?$", re.IGNORECASE)
_OVERALL = re.compile(r"\boverall effectiveness\b", re.IGNORECASE)
_NOTICE = re.compile(
    r"^(?:The Office for Standards in Education|If you would like a copy of this document)"
)
_SENTENCE_END = re.compile(r"[.!?;][\"'’”)\]]*(?:\s|$)")
_HYPHEN_END = re.compile(r"[^\W_]-$")

SUMMARY_SECTION = ""
IMPROVE_SECTION = "What needs to improve?"


@dataclass(slots=True)
class _Line:
    """One non-blank line of the source: its text, its span and what precedes it."""

    text: str
    start: int
    end: int
    page: int
    gap: bool = False  # blank lines (not a page break) stand before it


@dataclass(slots=True)
class _Piece:
    """Lines that belong together: a paragraph, a bullet, or part of one."""

    lines: list[_Line]
    lead: int = 0  # characters of the first line before the text (number, bullet)
    number: int = 0  # the paragraph number it opens with; 0 for a bullet or plain text
    fresh: bool = True  # starts a new sentence after a finished one

    @property
    def text(self) -> str:
        return _join([self.lines[0].text[self.lead :]] + [ln.text for ln in self.lines[1:]])

    @property
    def start(self) -> int:
        return self.lines[0].start + self.lead

    @property
    def end(self) -> int:
        return self.lines[-1].end


@dataclass(slots=True)
class _Section:
    heading: str
    grade: str
    pieces: list[_Piece] = field(default_factory=list)


def read(text: str, doc: Document) -> Report:
    """Read a report's extracted text into units.

    Args:
        text: The source text; form feeds separate the pages of a PDF.
        doc: The document the units belong to (its ``text`` is replaced by ``text``).

    Raises:
        NotAReportError: The text has neither a judgement table nor numbered paragraphs.
    """
    lines = _drop_furniture(list(_lines(text)))
    lines, closed = _cut_notice(lines)
    header, rest = _header(lines)
    table, rest = _table(rest)
    summary, improve, sections = _regions(rest)
    numbered = _number(sections)
    if table is None and not numbered:
        raise NotAReportError(
            f"{_name(doc)} has no judgement table and no numbered paragraphs: is it an Ofsted "
            f"ILACS inspection report? Try `claimcheck units {_name(doc)} --format jsonl` "
            "to see what was read"
        )
    title, dates, lead = _header_fields(header)
    units: list[Unit] = []
    rid = doc.id
    if header:
        units.append(_unit(rid, "header", "", "", header))
    if table is not None:
        rows, table_lines = table
        body = " ".join(f"{row}: {grade}." for row, grade in rows)
        units.append(
            Unit(
                rid,
                "judgements",
                "",
                "",
                body,
                table_lines[0].start,
                table_lines[-1].end,
                tuple(rows),
            )
        )
    for i, piece in enumerate(summary, start=1):
        units.append(_piece_unit(rid, f"summary-{i}", SUMMARY_SECTION, "", piece))
    for i, piece in enumerate(improve, start=1):
        units.append(_piece_unit(rid, f"improve-{i}", IMPROVE_SECTION, "", piece))
    for number, section, piece in numbered:
        units.append(_piece_unit(rid, str(number), section.heading, section.grade, piece))
    units = _paged(units, text)
    return Report(
        document=_with_text(doc, text),
        units=tuple(units),
        title=title,
        dates=dates,
        lead_inspector=lead,
        warnings=_incomplete(doc, numbered, closed),
    )


# --- lines and page furniture -------------------------------------------------------------


def _lines(text: str) -> Iterator[_Line]:
    """The non-blank lines of ``text``, stripped, with their offsets and page."""
    page, gap, pos = 0, False, 0
    for raw in re.split(r"(\n|\f)", text):
        if raw == "\f":
            page, gap = page + 1, False
        elif raw == "\n":
            pass
        elif raw.strip():
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            yield _Line(body, pos + lead, pos + lead + len(body), page, gap)
            gap = False
        elif pos and text[pos - 1] == "\n":
            gap = True
        pos += len(raw)


def _furniture_key(text: str) -> str:
    """A line with its numbers set aside: page numbers and dates vary, the header does not."""
    return " ".join(re.sub(r"\d+", " ", text).split()).lower()


def _drop_furniture(lines: list[_Line]) -> list[_Line]:
    """Lines without running headers and footers, page numbers and footnote marks.

    A running header is a line that stands among the first lines of most pages
    once its page number is set aside ("Inspection of Harrow local authority
    children's services" / "20 to 24 January 2025 3"); the same goes for footers.
    """
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    if len(by_page) > 2:
        counts: Counter[str] = Counter()
        for page_lines in by_page.values():
            edge = page_lines[:4] + page_lines[-3:]
            counts.update({_furniture_key(line.text) for line in edge})
        least = max(2, (len(by_page) - 1) // 2)
        furniture = {key for key, n in counts.items() if n >= least}
    else:
        furniture = set()
    kept: list[_Line] = []
    for page, page_lines in by_page.items():
        first, last = 0, len(page_lines)
        if page == min(by_page):
            # The first page's title may read like the running header; drop
            # header lines above it only while some title is left to read.
            dates = next((i for i, ln in enumerate(page_lines[:15]) if _DATES.match(ln.text)), 0)
            while (
                first < dates
                and _is_furniture(page_lines[first], furniture)
                and any(not _is_furniture(ln, furniture) for ln in page_lines[first + 1 : dates])
            ):
                first += 1
        else:
            while first < last and _is_furniture(page_lines[first], furniture):
                first += 1
        while last > first and _is_furniture(page_lines[last - 1], furniture):
            last -= 1
        kept.extend(ln for ln in page_lines[first:last] if not _BARE_NUMBER.match(ln.text))
    return kept


def _is_furniture(line: _Line, furniture: set[str]) -> bool:
    return bool(_BARE_NUMBER.match(line.text)) or _furniture_key(line.text) in furniture


def _cut_notice(lines: list[_Line]) -> tuple[list[_Line], bool]:
    """The lines before Ofsted's closing notice, which runs to the end, and whether
    there was one."""
    for i, line in enumerate(lines):
        if i > 0 and _NOTICE.match(line.text):
            return lines[:i], True
    return lines, False


def _incomplete(doc: Document, numbered: list[tuple[int, _Section, _Piece]],
                closed: bool) -> tuple[str, ...]:
    """A warning when the report looks cut short: the opening of an ILACS report but
    no numbered paragraphs, or paragraphs that stop with no closing notice after them."""
    name = _name(doc)
    if not numbered:
        return (f"{name} has the opening of an ILACS report but no numbered paragraphs: "
                "it looks incomplete; check that the file is the whole report",)
    if not closed:
        return (f"{name} stops at paragraph {numbered[-1][0]} with no closing notice after "
                "it: it looks cut short; check that the file is the whole report",)
    return ()


# --- header and judgement table -----------------------------------------------------------


def _header(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """The header lines (title to lead inspector) and the lines after them."""
    dates = next((i for i, ln in enumerate(lines[:15]) if _DATES.match(ln.text)), None)
    if dates is None:
        return [], lines
    end = dates + 1
    if end < len(lines) and _LEAD.match(lines[end].text):
        end += 1
        # An older header puts the inspector's title on a line of its own.
        if (
            end < len(lines)
            and re.search(r"Inspector$", lines[end].text)
            and not (_TABLE_HEAD.match(lines[end].text))
        ):
            end += 1
    return lines[:end], lines[end:]


def _header_fields(header: list[_Line]) -> tuple[str, str, str]:
    title: list[str] = []
    dates = lead = ""
    for line in header:
        if match := _DATES.match(line.text):
            dates = match.group(1).strip()
        elif match := _LEAD.match(line.text):
            lead = match.group(1).strip()
        elif dates and lead:
            lead = f"{lead}, {line.text}"
        elif not dates:
            title.append(line.text)
    return _join(title), dates, lead


@cache
def _grade_pattern() -> re.Pattern[str]:
    """Any grade as a report words it, longest first ("requires improvement to be good")."""
    aliases = {a for grade in builtin("grades")["grade"] for a in grade["aliases"] if len(a) > 2}
    names = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(aliases, key=len)[::-1])
    return re.compile(rf"\b(?:{names})\b", re.IGNORECASE)


def _table(
    lines: list[_Line],
) -> tuple[tuple[list[tuple[str, str]], list[_Line]] | None, list[_Line]]:
    """The judgement table's (row, grade) pairs and lines, and the lines after it.

    The table ends with its "Overall effectiveness" row. Row and grade cells
    come out of a PDF in reading order, wrapped anyhow ("Requires improvement /
    to be good"), so rows are cut at each grade.
    """
    start = 0
    if lines and _TABLE_HEAD.match(lines[0].text):
        start = 1
    end = None
    for i, line in enumerate(lines[start : start + 40], start=start):
        if _OVERALL.search(line.text):
            after = _OVERALL.split(line.text, maxsplit=1)[1]
            if _grade_pattern().search(after):
                end = i + 1
            elif i + 1 < len(lines) and _grade_pattern().match(lines[i + 1].text):
                end = i + 2
            break
    if end is None:
        return None, lines
    cells = re.sub(r"^Grades?\s+", "", _join([ln.text for ln in lines[start:end]]))
    rows: list[tuple[str, str]] = []
    pos = 0
    for match in _grade_pattern().finditer(cells):
        # A grade cell is capitalised; lower-case grade words belong to a row's text.
        if not match.group()[0].isupper():
            continue
        row = cells[pos : match.start()].strip(" \t:")
        if row:
            rows.append((row, " ".join(match.group().split())))
        pos = match.end()
    if not rows:
        return None, lines
    return (rows, lines[:end]), lines[end:]


# --- summary, improvements and sections ---------------------------------------------------


def _heading(lines: list[_Line], i: int) -> tuple[int, str, str] | None:
    """A section heading ending on line ``i``: how many lines before ``i`` it takes, text, grade.

    A heading names an area and its grade after a colon ("The experiences and
    progress of care leavers: inadequate"), wrapped over up to four lines,
    the grade itself sometimes cut ("...: requires / improvement to be good").
    """
    if ":" not in lines[i].text and (i == 0 or ":" not in lines[i - 1].text):
        return None  # the colon stands on the grade's line or the line before
    found = None
    for back in range(4):
        if back > i:
            break
        first = lines[i - back].text
        if back and (_SENTENCE_END.search(first) or _NUMBERED.match(first) or _BULLET.match(first)):
            break
        joined = _join([ln.text for ln in lines[i - back : i + 1]])
        match = _heading_pattern().match(joined)
        if match and match["head"][:1].isupper() and not _SENTENCE_END.search(match["head"]):
            found = back, match["head"].strip(), " ".join(match["grade"].split())
    return found


@cache
def _heading_pattern() -> re.Pattern[str]:
    grades = _grade_pattern().pattern
    return re.compile(rf"^(?P<head>.{{10,200}}?)\s*:\s*(?P<grade>{grades})\s*\.?$", re.IGNORECASE)


def _regions(lines: list[_Line]) -> tuple[list[_Piece], list[_Piece], list[_Section]]:
    """Split the body into summary pieces, improvement pieces and graded sections.

    A new piece starts at a paragraph number, a bullet, or a line after a
    finished sentence that follows a blank gap or a line stopping well short of
    the margin. A line that starts lower-case, or follows an unfinished
    sentence, continues the piece before it, across page breaks and footnotes.
    """
    summary: list[_Piece] = []
    improve: list[_Piece] = []
    sections: list[_Section] = []
    target, region = summary, "summary"
    typical = _typical_width(lines)
    paged = bool(lines) and lines[-1].page > 0
    expected = 1
    current: _Piece | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        text = line.text
        if region == "summary" and _IMPROVE.match(text):
            target, region, current = improve, "improve", None
            continue
        heading = _heading(lines, i - 1)
        if heading is not None and i < len(lines):
            # A grade cut by the line end: "...: requires improvement" / "to be good".
            longer = _heading(lines, i)
            if longer is not None and longer[0] == heading[0] + 1:
                heading = longer[0] - 1, longer[1], longer[2]
                i += 1
        if heading is not None:
            back, head, grade = heading
            if current is not None and back:
                # The heading's first lines were taken for the piece before it.
                del current.lines[-back:]
                if not current.lines:
                    target.remove(current)
            sections.append(_Section(head, grade))
            target, region, current = sections[-1].pieces, "sections", None
            continue
        finished = current is None or bool(_ENDS.search(current.lines[-1].text))
        number = _number_at(text, expected, finished)
        if number is not None:
            if region != "sections":
                sections.append(_Section("", ""))  # numbered paragraphs with no heading
                target, region = sections[-1].pieces, "sections"
            current = _Piece([line], number[1], number[0])
            target.append(current)
            expected = number[0] + 1
            continue
        if current is not None and _is_footnote(lines, i - 1, paged):
            i = _footnote_end(lines, i - 1, paged)
            continue
        bullet = _BULLET.match(text)
        lead = bullet.end() if bullet else 0
        if lead == len(text):
            continue  # an empty bullet left by a page break
        lower = text[lead : lead + 1].islower()
        if current is None:
            new = True
        elif lower or current.lines[-1].text.endswith(":"):
            # Lower-case, or the items of a list its lead-in line announces.
            new = False
        elif bullet:
            new = finished or region != "sections"
        elif not finished:
            new = False
        else:
            new = line.gap or _short(current.lines[-1], typical)
        if new:
            current = _Piece([line], lead, fresh=finished)
            target.append(current)
        else:
            assert current is not None
            current.lines.append(_Line(text[lead:], line.start + lead, line.end, line.page))
    return summary, improve, sections


def _is_footnote(lines: list[_Line], i: int, paged: bool) -> bool:
    """Whether line ``i`` opens a footnote: a note number, then text to the page's foot."""
    if not _FOOTNOTE.match(lines[i].text):
        return False
    if paged:
        rest = [ln for ln in lines[i + 1 : i + 10] if ln.page == lines[i].page]
        return len(rest) < 8
    return i + 1 == len(lines) or lines[i + 1].gap


def _footnote_end(lines: list[_Line], i: int, paged: bool) -> int:
    """The index of the first line after the footnote that starts on line ``i``."""
    page = lines[i].page
    i += 1
    while i < len(lines) and (lines[i].page == page if paged else not lines[i].gap):
        i += 1
    return i


def _typical_width(lines: list[_Line]) -> int:
    widths = sorted(len(ln.text) for ln in lines)
    return widths[int(len(widths) * 0.9)] if widths else 0


def _short(line: _Line, typical: int) -> bool:
    """A line that stops well short of the margin: a paragraph's last, if it ends a sentence."""
    return typical > 40 and len(line.text) < 0.7 * typical


def _number_at(text: str, expected: int, finished: bool) -> tuple[int, int] | None:
    """The paragraph number starting ``text`` and the characters it takes, if it is one.

    A number counts when it continues the sequence (allowing two lost numbers)
    after a finished sentence, so a line that starts "17. " in mid-sentence
    does not open paragraph 17. An undotted number ("34 Most children") must be
    the very next one. ``finished`` tells whether the text before ends a sentence.
    """
    match = _NUMBERED.match(text)
    if match:
        num = int(match.group(1))
        if expected <= num <= expected + 2 and (finished or num == expected):
            return num, match.end()
        return None
    match = _UNDOTTED.match(text)
    if match and int(match.group(1)) == expected > 1 and finished:
        return expected, match.end()
    return None


def _number(sections: list[_Section]) -> list[tuple[int, _Section, _Piece]]:
    """Numbered paragraphs in order, with lost numbers inferred from their neighbours.

    An unnumbered piece among numbered paragraphs is a page-break fragment of
    the paragraph before it, unless the numbering skips exactly as many numbers
    as there are such pieces that start a new sentence: then those are the
    paragraphs whose numbers were lost ("36." ... "The quality of ..." ... "38.").
    """
    flat = [(s, p) for s in sections for p in s.pieces]
    out: list[tuple[int, _Section, _Piece]] = []
    i = 0
    last = 0
    while i < len(flat):
        section, piece = flat[i]
        if piece.number:
            out.append((piece.number, section, piece))
            last = piece.number
            i += 1
            continue
        j = i
        while j < len(flat) and not flat[j][1].number:
            j += 1
        run = flat[i:j]
        nxt = flat[j][1].number if j < len(flat) else None
        fresh = [p for _, p in run if p.fresh]
        lost = nxt is not None and nxt - last - 1 == len(fresh) > 0 and run[0][1].fresh
        for sec, p in run:
            if lost and p.fresh:
                last += 1
                out.append((last, sec, p))
            elif out:
                _extend(out[-1][2], p)
        i = j
    return out


def _extend(piece: _Piece, more: _Piece) -> None:
    first = more.lines[0]
    piece.lines.append(_Line(first.text[more.lead :], more.start, first.end, first.page))
    piece.lines.extend(more.lines[1:])


# --- units --------------------------------------------------------------------------------


def _join(parts: list[str]) -> str:
    """Lines joined into one paragraph: words hyphenated across a line break mended.

    Only the last characters so far are looked at for a hyphen, so a paragraph of many
    lines is joined in linear time.
    """
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and _HYPHEN_END.search("".join(out[-2:])[-2:]) and part[:1].isalnum():
            out.append(part)
        else:
            out += [" ", part] if out else [part]
    return " ".join("".join(out).split())


def _unit(report: str, uid: str, section: str, grade: str, lines: list[_Line]) -> Unit:
    return Unit(
        report, uid, section, grade, _join([ln.text for ln in lines]), lines[0].start, lines[-1].end
    )


def _piece_unit(report: str, uid: str, section: str, grade: str, piece: _Piece) -> Unit:
    return Unit(report, uid, section, grade, piece.text, piece.start, piece.end)


def _paged(units: list[Unit], text: str) -> list[Unit]:
    """The units with the pages they stand on, counted by the form feeds between pages."""
    breaks = [i for i, char in enumerate(text) if char == "\f"]
    if not breaks:
        return units
    return [replace(u, pages=(bisect.bisect_right(breaks, u.start) + 1,
                              bisect.bisect_right(breaks, max(u.start, u.end - 1)) + 1))
            for u in units]


def _name(doc: Document) -> str:
    return doc.path.rsplit("/", 1)[-1] if doc.path else doc.id


def _with_text(doc: Document, text: str) -> Document:
    return doc if doc.text == text else replace(doc, text=text)
