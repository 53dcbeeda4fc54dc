"""Fit the confidence table (src/claimcheck/calibration.toml) on the labelled sets.

Runs `claimcheck eval` over every labelled set, counts for each way a verdict can be
decided (label, deciding axis, strong or weak evidence) how many verdicts were right,
and writes the counts. Before writing, it measures the table honestly: each set is
scored with a table fitted on all the other sets (one set, one council, left out at a
time), and the pooled AUROC and expected calibration error of those held-out
confidences are printed. Run it after any change to the rules; tests/test_docs.py fails
while the shipped table is not the one this script would write.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from claimcheck import calibration, evaluate
from claimcheck.check import Config

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src" / "claimcheck" / "calibration.toml"
HEADER = """\
# How often verdicts decided each way were right on the labelled sets: "way" = [right, total].
# A way is the label, the axis of the deciding step, for a verdict that cites evidence
# whether the evidence matched strongly (retrieval score >= 0.6), whether one step or
# several point to the label, and ":long" for a claim of over 20 words. Written by
# scripts/calibrate.py from `claimcheck eval`; do not edit by hand.
"""


def table_text(fitted: calibration.Calibration) -> str:
    """The TOML text of a fitted table."""
    rows = [f'"{way}" = [{right}, {total}]' for way, (right, total) in fitted.counts.items()]
    return HEADER + "\n[way]\n" + "\n".join(rows) + "\n"


def held_out(results: list[evaluate.SetScore]) -> list[tuple[str, float, bool]]:
    """(set, confidence, right) for every verdict, each set scored with a table fitted on
    the other sets only."""
    out = []
    for left in results:
        fitted = calibration.fit((o.way, o.correct) for r in results if r is not left
                                 for o in r.judged if o.way)
        for o in left.judged:
            if o.way:
                out.append((left.name, fitted.rate(o.way), o.correct))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TABLE, help="where to write the table")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when the shipped table is stale")
    args = parser.parse_args()
    results = [r for r in evaluate.run((), Config(use_cache=False)) if not r.skipped]
    scored = held_out(results)
    councils = {f.name for root in (evaluate.default_claims_root() / "councils",
                                    evaluate.default_councils_root())
                for f in evaluate.council_folders(root)}
    for name, rows in (("all sets", scored),
                       ("councils", [s for s in scored if s[0] in councils])):
        pairs = [(c, ok) for _, c, ok in rows]
        print(f"{name}: {len(pairs)} verdicts, one set left out at a time: "
              f"AUROC {calibration.auroc(pairs):.3f}, ECE {calibration.ece(pairs):.3f}")
    text = table_text(calibration.fit((o.way, o.correct) for r in results
                                      for o in r.judged if o.way))
    if args.check:
        raise SystemExit(0 if args.out.read_text(encoding="utf-8") == text else 1)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
