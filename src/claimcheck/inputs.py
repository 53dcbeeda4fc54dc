"""Statement files of every kind into text: plain text, Markdown, HTML, PDF and Word.

The one place that knows file kinds for statements, so ``batch`` reads a press
release saved as a PDF or .docx as it reads a .txt. A Markdown file may open with
front matter (``title:``, ``author:``, ``date:``, ``url:``, ``publisher:`` between
``---`` lines), which gives the statement's metadata and is not part of its text.
A web address is refused with one line: nothing is ever fetched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from . import corpus
from .errors import InputError
from .reader.pdf import is_pdf
from .types import Metadata

_URL = re.compile(r"^(?:https?|ftp):/", re.IGNORECASE)
_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>(?:[A-Za-z_][\w-]*[ \t]*:.*\n|[ \t]*#.*\n|[ \t]*\n)*?)"
                    r"---[ \t]*(?:\n|\Z)")
_FIELDS = ("title", "author", "date", "url", "publisher")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def refuse_url(name: str, advice: str = "save the page (e.g. as statement.html) and give "
               "that file") -> None:
    """Raise a one-line InputError when ``name`` is a web address rather than a file."""
    if _URL.match(name):
        url = re.sub(r"^(\w+):/(?!/)", r"\1://", name)  # a Path folds "https://" to "https:/"
        raise InputError(f"{url}: claimcheck fetches nothing from the web; {advice}")


def statement_text(path: Path, limit: int | None = None) -> tuple[str, Metadata]:
    """A statement file's text and the metadata its front matter gives.

    PDF is known by its ``%PDF-`` magic and .docx by its zip layout, whatever the name;
    anything else is text (Markdown and HTML are read by the statement splitter).

    Raises:
        InputError: A web address, or a file that is missing, empty, binary, not UTF-8,
            or a PDF with no text layer.
    """
    refuse_url(str(path))
    data = corpus.read_bytes(path, limit, "statement")
    name = corpus.display(path)
    if is_pdf(data):
        return pdf_text(data, name), Metadata()
    if data[:4] == b"PK\x03\x04":
        return docx_text(data, name), Metadata()
    return front_matter(corpus.decode(data, name))


def front_matter(text: str) -> tuple[str, Metadata]:
    """The text without its front matter, and the metadata the front matter gives."""
    found = _FRONT.match(text)
    if not found:
        return text, Metadata()
    fields: dict[str, str] = {}
    for line in found["body"].splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in _FIELDS:
            fields[key] = value.strip().strip("\"'")
    return text[found.end():], Metadata(**fields)


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF statement, its hard-wrapped lines joined into paragraphs.

    A line joins the next unless it ends a sentence or is much shorter than the page's
    lines (a heading, or a paragraph's last line).
    """
    from .reader import pdf

    paragraphs: list[str] = []
    for page in pdf.pages(data, name):
        lines = [ln.strip() for ln in page.split("\n")]
        width = max((len(ln) for ln in lines), default=0)
        current = ""
        for line in lines:
            if not line:
                if current:
                    paragraphs.append(current)
                current = ""
                continue
            current = f"{current} {line}" if current else line
            if re.search(r"[.!?:][\"'’”)]*$", line) or len(line) < 0.6 * width:
                paragraphs.append(current)
                current = ""
        if current:
            paragraphs.append(current)
    return "\n\n".join(paragraphs) + "\n"


def docx_text(data: bytes, name: str) -> str:
    """The paragraphs of a Word (.docx) document, one per line with blank lines between."""
    import zipfile  # here, not at the top: most runs read no Word file
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise InputError(f"{name}: is a zip file but not a Word document; give a .docx, "
                         ".pdf, .txt, .md or .html") from None
    paragraphs = []
    for para in root.iter(f"{_W}p"):
        parts = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        text = "".join(parts).strip()
        if text:
            paragraphs.append(text)
    if not paragraphs:
        raise InputError(f"{name}: the Word document has no text")
    return "\n\n".join(paragraphs) + "\n"


def unique_ids(paths: Sequence[Path]) -> list[str]:
    """A document id for each file, unique in the run: the file's stem, or, where two
    files share a stem, its name with the extension, then its folder too, then a number."""
    stems = Counter(p.stem for p in paths)
    ids = [p.stem if stems[p.stem] == 1 else p.name for p in paths]
    names = Counter(ids)
    ids = [i if names[i] == 1 else f"{p.parent.name}/{p.name}" if p.parent.name else i
           for i, p in zip(ids, paths, strict=True)]
    seen: Counter[str] = Counter()
    out = []
    for i in ids:
        seen[i] += 1
        out.append(i if seen[i] == 1 else f"{i}-{seen[i]}")
    return out
