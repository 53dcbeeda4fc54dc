"""The HTML page in a real browser: it renders, shows the verdict colours, prints to PDF.

Runs headless Chromium (CI installs it with ``apt-get install -y chromium``); skipped
with a reason when it is not installed. The screenshot is decoded with the standard
library (zlib and the PNG filters), so no imaging package is needed.
"""

from __future__ import annotations

import struct
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck import render
from claimcheck.render import Format, browser
from claimcheck.render.html import TINTS
from test_render import OPTIONS, results

CHROMIUM = browser.find()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (CI runs: apt-get install -y chromium)"
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium with no network, profile or background services."""
    assert CHROMIUM is not None
    return browser.run(CHROMIUM, tmp_path / "profile", *args)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def png_rows(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Decode an 8-bit RGB or RGBA PNG; yield (bytes per pixel, row of raw pixel bytes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                row[i] = (row[i] + row[i - channels]) & 0xFF
        elif kind == 2:
            row = bytearray((r + p) & 0xFF for r, p in zip(row, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = row[i - channels] if i >= channels else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = row[i - channels] if i >= channels else 0
                up_left = previous[i - channels] if i >= channels else 0
                row[i] = (row[i] + _paeth(left, previous[i], up_left)) & 0xFF
        yield channels, bytes(row)
        previous = row


def colours(png: bytes) -> dict[tuple[int, int, int], int]:
    """How many pixels have each RGB colour."""
    tally: dict[tuple[int, int, int], int] = {}
    for channels, row in png_rows(png):
        for i in range(0, len(row), channels):
            key = (row[i], row[i + 1], row[i + 2])
            tally[key] = tally.get(key, 0) + 1
    return tally


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    path = folder / "statements.html"
    path.write_text(render.render(Format.HTML, results(), OPTIONS), encoding="utf-8")
    return path


def test_screenshot_shows_every_verdict_colour(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    assert shot.exists(), done.stderr.decode(errors="replace")[-2000:]
    seen = colours(shot.read_bytes())
    for label, tint in TINTS.items():
        # a highlighted sentence is a few thousand pixels of its tint; allow for rounding
        target = rgb(tint)
        near = sum(
            n
            for c, n in seen.items()
            if max(abs(a - b) for a, b in zip(c, target, strict=True)) <= 2
        )
        assert near > 500, f"{label.value} highlight {tint} not on the screenshot ({near} px)"


def test_dom_keeps_highlights_and_runs_no_script(page: Path, tmp_path: Path) -> None:
    done = chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = done.stdout.decode("utf-8")
    assert 'class="claim v-contradicted"' in dom
    assert dom.count('class="claim ') == sum(
        1 for r in results() for v in r.verdicts if v.label is not None
    )
    assert "<script" not in dom.lower() and "<img" not in dom.lower()


def test_prints_to_pdf(page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "page.pdf"
    done = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.exists(), done.stderr.decode(errors="replace")[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2
