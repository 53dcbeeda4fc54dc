"""Shared fixtures: where the project's files are, and PDFs written by hand.

``make_pdf`` writes real PDF files (text in Helvetica, optionally an image,
optionally RC4-encrypted with a user password) so the reader is tested on the
failures users meet without shipping binary fixtures.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_REPORTS = ROOT.parent / "shared" / "reports"
HARROW_REPORT = ROOT / "src" / "claimcheck" / "bundled" / "harrow-2025" / "ofsted-report.txt"

#: Writes a PDF: ``make_pdf(path, pages, password="", image=False)``; each page a list of lines.
MakePdf = Callable[..., Path]


@pytest.fixture(scope="session")
def jsonl_keys() -> list[str]:
    """The keys of a ``--format jsonl`` record, in order: the contract other programs read."""
    return ["doc", "sentence", "start", "end", "checkworthy", "label", "confidence", "evidence",
            "explanation"]


@pytest.fixture(scope="session")
def root() -> Path:
    """The project checkout."""
    return ROOT


@pytest.fixture(scope="session")
def harrow_text() -> Path:
    """The bundled text extraction of Harrow's January 2025 ILACS report."""
    return ROOT / "src" / "claimcheck" / "bundled" / "harrow-2025" / "ofsted-report.txt"


@pytest.fixture(scope="session")
def shared_reports() -> Path:
    """``../shared/reports`` beside the project: Ofsted's published ILACS PDFs."""
    if not (SHARED_REPORTS / "ilacs").is_dir():
        pytest.skip(f"needs Ofsted's ILACS PDFs in {SHARED_REPORTS}/ilacs (not in the repository)")
    return SHARED_REPORTS


@pytest.fixture(scope="session")
def harrow_pdf(shared_reports: Path) -> Path:
    """The PDF Ofsted published of the same Harrow report."""
    return shared_reports / "ilacs" / "harrow-2025-03-04.pdf"


# --- PDFs written by hand --------------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
# WinAnsiEncoding of the typographic marks Ofsted uses; everything else is Latin-1.
_WIN_ANSI = str.maketrans(
    {"’": "\x92", "‘": "\x91", "“": "\x93", "”": "\x94", "–": "\x96", "◼": "\x95"}
)


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    raw = text.translate(_WIN_ANSI).encode("latin-1", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content(lines: list[str]) -> bytes:
    ops = [b"BT /F1 10 Tf 12 TL 50 760 Td"]
    for line in lines:
        ops.append(_pdf_string(line) + b" Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


_IMAGE = b"q 200 0 0 200 100 400 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"


def write_pdf(path: Path, pages: list[list[str]], password: str = "", image: bool = False) -> Path:
    """Write a PDF whose pages hold ``pages``' lines; encrypt it (RC4, 40-bit) under ``password``.

    An ``image`` page has a picture and no text, as a scan has.
    """
    file_id = hashlib.md5(str(path).encode()).digest()
    objects: dict[int, bytes] = {}
    streams: dict[int, bytes] = {}
    kids = []
    objects[3] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    number = 4
    for lines in pages:
        page, content = number, number + 1
        number += 2
        kids.append(f"{page} 0 R".encode())
        objects[page] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents "
            + f"{content} 0 R".encode()
            + b" >>"
        )
        streams[content] = _IMAGE if image else _content(lines)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    key = b""
    trailer_extra = b""
    if password:
        permissions = -4
        owner = _rc4(
            hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5], (password.encode() + _PAD)[:32]
        )
        key = hashlib.md5(
            (password.encode() + _PAD)[:32] + owner + struct.pack("<i", permissions) + file_id
        ).digest()[:5]
        user = _rc4(key, _PAD)
        objects[number] = (
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + owner.hex().encode()
            + b"> /U <"
            + user.hex().encode()
            + b"> /P %d >>" % permissions
        )
        trailer_extra = b" /Encrypt %d 0 R" % number
    for num, data in streams.items():
        if key:
            data = _rc4(
                hashlib.md5(key + struct.pack("<I", num)[:3] + b"\x00\x00").digest()[:10], data
            )
        objects[num] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]"
        % (size, file_id.hex().encode(), file_id.hex().encode())
        + trailer_extra
        + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    path.write_bytes(bytes(out))
    return path


@pytest.fixture()
def make_pdf(tmp_path: Path) -> MakePdf:
    """``write_pdf`` into the test's temporary folder: ``make_pdf("name.pdf", pages, ...)``."""

    def make(name: str, pages: list[list[str]], **options: object) -> Path:
        return write_pdf(tmp_path / name, pages, **options)  # type: ignore[arg-type]

    return make


# --- The Harrow report, indexed once per session ----------------------------------------------


@pytest.fixture(scope="session")
def harrow_index(harrow_text: Path):
    """The bundled Harrow report read into units and indexed with the built-in lexicons."""
    from claimcheck import lexicon, reader, retrieve

    return retrieve.build(reader.read_report(harrow_text), lexicon.default())
