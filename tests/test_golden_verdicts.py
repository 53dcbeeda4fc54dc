"""Golden verdicts: every labelled claim's verdict, so any change of any verdict is seen.

tests/golden/verdicts/<set>.json holds today's verdict on each checkworthy record of each
labelled set (written by scripts/golden_verdicts.py). A verdict that changes fails
``test_verdict_is_unchanged`` until the file is rewritten and the diff read; a verdict a
careful checker would not accept is a strict xfail saying why, so a fix shows as XPASS.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import evaluate
from claimcheck.check import Config

FOLDER = Path(__file__).parent / "golden" / "verdicts"
GOLDEN = {path.stem: json.loads(path.read_text(encoding="utf-8"))
          for path in sorted(FOLDER.glob("*.json"))}
CASES = [(name, rid) for name, records in GOLDEN.items() for rid in records]


@pytest.fixture(scope="session")
def today() -> dict[str, dict[str, evaluate.Outcome]]:
    results = evaluate.run((), Config(use_cache=False))
    return {r.name: {o.id: o for o in r.judged} for r in results if not r.skipped}


def _outcome(today: dict[str, dict[str, evaluate.Outcome]], name: str, rid: str
             ) -> evaluate.Outcome:
    if name not in today:
        pytest.skip(f"set {name} was not scored here (its report is not beside the project)")
    return today[name][rid]


def test_every_set_scored_has_a_golden_file(today) -> None:
    assert set(today) <= set(GOLDEN), "run python scripts/golden_verdicts.py"
    for name, outcomes in today.items():
        assert set(outcomes) == set(GOLDEN[name]), name


@pytest.mark.parametrize(("name", "rid"), CASES)
def test_verdict_is_unchanged(today, name: str, rid: str) -> None:
    outcome = _outcome(today, name, rid)
    assert outcome.predicted == GOLDEN[name][rid]["label"], (
        f"{rid} changed: {outcome.explanation}; rewrite with scripts/golden_verdicts.py")


@pytest.mark.parametrize(("name", "rid"), [
    pytest.param(name, rid, marks=pytest.mark.xfail(strict=True, reason=records[rid]["miss"]))
    if records[rid]["miss"] else (name, rid)
    for name, records in GOLDEN.items() for rid in records])
def test_verdict_is_accepted(today, name: str, rid: str) -> None:
    outcome = _outcome(today, name, rid)
    assert outcome.predicted in outcome.accept
