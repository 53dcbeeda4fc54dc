"""Text out of a PDF with PDFium, one string per page.

pypdfium2 is imported here and only here, when a PDF is read: it costs about
50 ms to import, which ``claimcheck --help`` and text-only runs should not pay.
PDFium is some fifteen times faster than pure-Python extractors on these
reports and keeps their line order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..corpus import REPORT_LIMIT, too_large, unix_newlines
from ..errors import InputError

if TYPE_CHECKING:
    import pypdfium2

# PDFium's load error codes (fpdfview.h), for a message that says what happened.
_ERR_PASSWORD = 4
_ERR_SECURITY = 5

# PDFium marks a hyphen it found at a line end with U+FFFE and joins the two
# halves itself; in these reports such hyphens are real ("well-coordinated").
# Narrow and non-breaking spaces become plain spaces. Each replacement keeps the
# text's length, so offsets into the page text stay valid.
_CLEAN = str.maketrans({"\ufffe": "-", "\u202f": " ", "\xa0": " "})


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF, by its ``%PDF-`` magic (allowed in the first KiB)."""
    return b"%PDF-" in data[:1024]


def pages(data: bytes, name: str, limit: int = REPORT_LIMIT) -> list[str]:
    """The text of each page of a PDF, with ``\\n`` line ends.

    Args:
        data: The PDF's bytes.
        name: How to name the file in an error message.
        limit: The most characters of text read, so a small PDF whose compressed
            streams expand to gigabytes stops with a message.

    Raises:
        InputError: The PDF is encrypted, damaged, has no text layer, or holds more
            than ``limit`` characters of text.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if err.err_code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise InputError(
                f"{name}: is a password-protected PDF; save an unprotected copy and read that"
            ) from None
        raise InputError(f"{name}: is not a readable PDF ({err}); is the file complete?") from None
    texts = []
    size = 0
    try:
        for index in range(len(pdf)):
            texts.append(unix_newlines(_page_text(pdf, index)).translate(_CLEAN))
            size += len(texts[-1])
            if size > limit:
                raise too_large(f"{name} (its text)", limit, "report")
    except pdfium.PdfiumError as err:
        raise InputError(
            f"{name}: page {index + 1} cannot be read ({err}); the PDF is damaged or "
            "incomplete: download it again"
        ) from None
    finally:
        pdf.close()
    if not any(text.strip() for text in texts):
        raise InputError(
            f"{name}: has no text layer (a scanned image?); run OCR on it first "
            "(e.g. ocrmypdf) and read the result"
        )
    return texts


def _page_text(pdf: pypdfium2.PdfDocument, index: int) -> str:
    """The text of page ``index``; PDFium errors pass to the caller."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()
