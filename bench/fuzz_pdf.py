"""Read mutated copies of real ILACS PDFs and count the ones that end in a traceback.

Each mutant is one of Ofsted's PDFs from ``../shared/reports/ilacs`` with bytes
flipped, a run of bytes overwritten or deleted, or the file cut short, chosen by a
seeded random generator so a run can be repeated. The reader must either read the
mutant or raise one of claimcheck's own errors (``ClaimcheckError``); anything else
is counted as a traceback and printed with the seed that makes it.

    python bench/fuzz_pdf.py [REPORTS_DIR] [--mutants 500] [--seed 0] [--check]

With ``--check``, every mutant that is read is also indexed and five claims are judged
against it, so a damaged report that reads "successfully" is followed through the rest
of the pipeline.

Exits 1 when any mutant ends in a traceback.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from claimcheck import extract, lexicon, reader, retrieve
from claimcheck.errors import ClaimcheckError
from claimcheck.judge import Judge, Settings

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "reports" / "ilacs"
CLAIMS = ("Ofsted rated the council inadequate overall. Care leavers now all have a personal "
          "adviser. Leaders were rated good, but children in care requires improvement. Over "
          "130 cases were closed. Since the inspection, the council has improved.")


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One mutant of ``data`` and how it was made."""
    kind = rng.choice(["flip", "overwrite", "delete", "truncate", "duplicate"])
    out = bytearray(data)
    if kind == "flip":
        count = rng.randint(1, 64)
        for _ in range(count):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return bytes(out), f"flip {count} bits"
    start = rng.randrange(len(out))
    size = rng.randint(1, 4096)
    if kind == "overwrite":
        out[start:start + size] = rng.randbytes(len(out[start:start + size]))
        return bytes(out), f"overwrite {size} bytes at {start}"
    if kind == "delete":
        del out[start:start + size]
        return bytes(out), f"delete {size} bytes at {start}"
    if kind == "duplicate":
        out[start:start] = out[start:start + size]
        return bytes(out), f"duplicate {size} bytes at {start}"
    return bytes(out[:start]), f"cut at {start} of {len(data)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--mutants", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--check", action="store_true", help="also index and judge claims")
    args = parser.parse_args()
    lexicons = lexicon.default()
    judge = Judge(lexicons, Settings())
    sentences = extract.sentences(extract.statement_from_text(CLAIMS), lexicons)
    contexts = judge.contexts(sentences)
    pdfs = sorted(args.reports.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {args.reports}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    outcomes: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder) / "mutant.pdf"
        for number in range(args.mutants):
            source = rng.choice(pdfs)
            data, how = mutate(source.read_bytes(), rng)
            tmp.write_bytes(data)
            try:
                report = reader.read_report(tmp)
                if args.check:
                    index = retrieve.build(report, lexicons)
                    for sentence, context in zip(sentences, contexts, strict=True):
                        judge.verdict(sentence, index, context)
                outcomes["read, warned it looks incomplete" if report.warnings else "read"] += 1
            except ClaimcheckError as err:
                outcomes[f"refused: {type(err).__name__}"] += 1
            except Exception:  # noqa: BLE001 - this is what the script counts
                outcomes["traceback"] += 1
                print(f"mutant {number} ({source.name}, {how}):", file=sys.stderr)
                traceback.print_exc(limit=3)
    took = time.perf_counter() - started
    what = "read, indexed and judged" if args.check else "read"
    print(f"{args.mutants} mutants of {len(pdfs)} PDFs (seed {args.seed}), {what}, "
          f"in {took:.1f} s")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome}: {count}")
    print(f"tracebacks: {outcomes['traceback']} of {args.mutants}")
    return 1 if outcomes["traceback"] else 0


if __name__ == "__main__":
    sys.exit(main())
