"""Time the report reader on every ILACS PDF in ``../shared/reports/ilacs``.

Prints, per report, the median and total time of raw PDFium text extraction
(the baseline) and of the full reader (extraction, then furniture, layout and
units), the pages read, and the reader's time as a multiple of the baseline,
both measured in this run. Figures only: nothing here asserts a time.

    python bench/bench_read.py [REPORTS_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from claimcheck import reader

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "reports" / "ilacs"


def _raw(path: Path) -> int:
    """Extract every page's text with PDFium and nothing else; the number of pages."""
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def _best(func: object, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(path)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3, help="runs per report; the best counts")
    args = parser.parse_args()
    paths = sorted(args.reports.glob("*.pdf"))
    if not paths:
        sys.exit(f"no PDFs in {args.reports}")
    pages, raw, full, units = [], [], [], 0
    for path in paths:
        pages.append(_raw(path))
        raw.append(_best(_raw, path, args.repeat))
        full.append(_best(reader.read_report, path, args.repeat))
        units += len(reader.read_report(path).units)
    print(
        f"{len(paths)} reports, {sum(pages)} pages (median {statistics.median(pages):g} a report), "
        f"{units} units; best of {args.repeat} runs each"
    )
    print(f"{'':24}{'total s':>10}{'median ms':>12}{'ms a page':>12}")
    for name, times in (("PDFium text (baseline)", raw), ("full reader", full)):
        print(
            f"{name:24}{sum(times):10.2f}{statistics.median(times) * 1000:12.1f}"
            f"{sum(times) / sum(pages) * 1000:12.2f}"
        )
    print(
        f"reader / baseline: {sum(full) / sum(raw):.2f}x "
        f"(layout adds {(sum(full) - sum(raw)) / len(paths) * 1000:.1f} ms a report)"
    )


if __name__ == "__main__":
    main()
