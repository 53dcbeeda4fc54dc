"""Time ``check`` on large statements of several shapes, to show it grows linearly.

For each shape (one sentence of 'good, good, ...' commas; the council's press
release repeated; one unbroken word; many short lines, all the same or all different;
nested HTML; Markdown and HTML marks never closed; one sentence naming a grade and an
area thousands of times; one sentence of thousands of ", and" clauses, each with a year)
and each size, prints the
seconds ``check`` takes against the bundled report (indexed once, outside the
timing), the seconds the baseline takes on the same text (lower-casing it and
splitting it into words and marks: one regular-expression pass, linear by
construction), and their ratio. A stage that
grows faster than linear shows as a ratio that grows with the size. Figures only,
except that the script exits 1 when a 1 MB statement takes 10 s or more.

    python bench/bench_size.py [--sizes 100000 200000 400000 1000000]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from claimcheck import extract
from claimcheck.check import Checker, Config, default_report

ROOT = Path(__file__).resolve().parents[1]
HARROW_DIR = ROOT / "src" / "claimcheck" / "bundled" / "harrow-2025"
RELEASE = (HARROW_DIR / "council-press-release.txt").read_text("utf-8")


def shapes(size: int) -> dict[str, str]:
    """Statements of about ``size`` characters, by shape."""
    def fill(unit: str, head: str = "", tail: str = "") -> str:
        return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail

    return {
        "commas": fill(", good", "Harrow was rated good", "."),
        "prose": (RELEASE * (size // len(RELEASE) + 1))[:size],
        "one word": "x" * size,
        "short lines": fill("Care leavers were seen.\n"),
        "varied lines": _varied(size),
        "nested html": fill("<div>", "<p>Harrow was rated good.", "</p>"),
        "open markup": fill("<!-- **a [b ![c](d \t"),
        "many grades": fill("rated good for leadership ", "Harrow was ", "."),
        "and clauses": fill(", and the checks on carers are completed in 2023",
                            "Children are seen regularly", "."),
    }


_SUBJECTS = ("Care leavers", "Children", "Social workers", "Foster carers", "Young people",
             "Families", "Leaders", "Partners", "Managers", "Disabled children")
_PREDICATES = ("were seen", "are safe", "were helped", "were supported", "were visited",
               "are listened to", "were protected", "are well served", "were heard",
               "are valued")


def _varied(size: int) -> str:
    """Short lines that are all different (a subject, a predicate and a count), so that
    no verdict is reused: the worst case for the per-claim cost."""
    lines, length, n = [], 0, 0
    while length < size:
        line = (f"{_SUBJECTS[n % 10]} {_PREDICATES[n // 10 % 10]} in {n // 100 + 2} "
                "cases.\n")
        lines.append(line)
        length += len(line)
        n += 1
    return "".join(lines)[:size]


def baseline(source: str) -> int:
    """Lower-case ``source`` and split it into words and marks: linear by construction."""
    return len(re.findall(r"\w+|[^\w\s]", source.lower()))


def _time(func: object, *args: object) -> float:
    start = time.perf_counter()
    func(*args)  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+",
                        default=[100_000, 200_000, 400_000, 1_000_000])
    args = parser.parse_args()
    config = Config(use_cache=False)
    checker = Checker(config)
    index = checker.index(*default_report(config))

    def check(source: str) -> None:
        checker.check(extract.statement_from_text(source), index)

    print(f"{'shape':<12} {'chars':>9} {'check s':>8} {'baseline s':>10} {'ratio':>7}")
    slow = []
    for shape in shapes(1):
        for size in args.sizes:
            source = shapes(size)[shape]
            took = _time(check, source)
            base = _time(baseline, source)
            print(f"{shape:<12} {len(source):>9,} {took:>8.2f} {base:>10.3f} "
                  f"{took / base if base else float('inf'):>7.1f}", flush=True)
            if size >= 1_000_000 and took >= 10:
                slow.append(f"{shape} {size:,}: {took:.1f} s")
    if slow:
        print("over 10 s: " + "; ".join(slow))
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
