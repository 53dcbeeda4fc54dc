"""Read an Ofsted ILACS inspection report, as text or as the PDF Ofsted publishes, into units.

``read_report`` takes a file and decides by its first bytes whether it is a
PDF; ``read_text_report`` takes text already decoded. Both return a
:class:`~claimcheck.types.Report` whose units are whole paragraphs with stable
ids (``header``, ``judgements``, ``summary-N``, ``improve-N``, ``1``..``N``) and
offsets into the report's extracted text.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import corpus
from ..types import Document, Kind, Report
from . import layout, pdf

__all__ = ["read_report", "read_reports", "read_text_report", "source_text"]


def read_report(path: Path, doc: Document | None = None, data: bytes | None = None,
                limit: int | None = None) -> Report:
    """Read a report file (.txt, .md or .pdf) into units.

    Args:
        path: The report. A PDF is known by its ``%PDF-`` magic, not its name.
        doc: The report's manifest entry when it comes from the corpus; without
            it, the document is named after the file (id = file stem).
        data: The file's bytes when the caller has read them already (to hash them).
        limit: The largest file, and the most characters of text from a PDF, read
            (``corpus.REPORT_LIMIT`` when None).

    Raises:
        InputError: The file is missing, empty, binary, not UTF-8, encrypted,
            or a PDF with no text layer.
        NotAReportError: The text is not in the ILACS layout.
    """
    text = source_text(path, data, limit)
    if doc is None:
        stem = corpus.display(path.stem)
        doc = Document(id=stem, kind=Kind.REPORT, path=corpus.display(path), text=text,
                       title=stem)
    return read_text_report(text, doc)


def read_reports(names: Iterable[Path], corpus_root: Path | None = None,
                 reports_dir: Path | None = None, limit: int | None = None) -> list[Report]:
    """Read every report named, all before any is used, so one failure stops them all.

    A name that is not a file may be the id of a report in the corpus (``harrow-2025``;
    the bundled corpus unless ``corpus_root``) or a council in the reports library
    (``essex``, ``essex:2023``; see :func:`claimcheck.library.resolve`); it is read with
    that metadata.

    ``limit`` is the largest file read, in bytes (``corpus.REPORT_LIMIT`` when None).

    Raises:
        ClaimcheckError: The first report that cannot be read, as :func:`read_report` says.
    """
    from ..library import resolve

    found = [resolve(name, corpus_root, reports_dir) for name in names]
    return [read_report(path, doc, corpus.read_bytes(path, limit), limit) for path, doc in found]


def read_text_report(text: str, doc: Document) -> Report:
    """Read a report's already decoded text into units; ``doc.text`` becomes ``text``."""
    return layout.read(text, doc)


def source_text(path: Path, data: bytes | None = None, limit: int | None = None) -> str:
    """A report file's extracted text: PDF pages separated by form feeds, or the text itself.

    ``data`` is the file's content when already read; otherwise the file is read.
    """
    limit = corpus.REPORT_LIMIT if limit is None else limit
    if data is None:
        data = corpus.read_bytes(path, limit)
    if pdf.is_pdf(data):
        return "\f".join(pdf.pages(data, corpus.display(path), limit))
    return corpus.decode(data, corpus.display(path))
