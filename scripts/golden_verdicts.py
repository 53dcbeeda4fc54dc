"""Write the golden verdicts: tests/golden/verdicts/<set>.json, every labelled claim's
verdict today, so that any change of any verdict shows in a diff.

Each file maps a record id to {"label": today's verdict, "accept": the labels a careful
checker accepts, "miss": why today's verdict is wrong, or ""}. tests/test_golden_verdicts.py
fails when a verdict differs from its file, and holds each miss as a strict xfail. Run
this after a change to the rules, and read the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck import evaluate
from claimcheck.check import Config

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "golden" / "verdicts"


def golden(result: evaluate.SetScore) -> dict[str, dict[str, object]]:
    """The golden record of every checkworthy claim of one set."""
    out: dict[str, dict[str, object]] = {}
    for o in result.judged:
        miss = "" if o.correct else (
            f"claimcheck says {o.predicted} ({o.explanation[:200]}); "
            f"labelled {' or '.join(o.accept)}")
        out[o.id] = {"label": o.predicted, "accept": list(o.accept), "miss": miss}
    return out


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for result in evaluate.run((), Config(use_cache=False)):
        if result.skipped:
            continue
        path = FOLDER / f"{result.name}.json"
        path.write_text(json.dumps(golden(result), indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(result.judged)} verdicts, "
              f"{sum(not o.correct for o in result.judged)} misses")


if __name__ == "__main__":
    main()
