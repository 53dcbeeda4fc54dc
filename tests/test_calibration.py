"""Confidence: the ways verdicts are decided, the shipped table, AUROC and calibration error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import calibration
from claimcheck.types import Label, Step

ROOT = Path(__file__).resolve().parents[1]


def _step(axis: str, outcome: Label, final: bool = False) -> Step:
    return Step(axis, outcome, "", "", "", "", final)


def test_way_names_the_deciding_axis_the_evidence_and_agreement() -> None:
    steps = [_step("time", Label.UNVERIFIED), _step("grade", Label.CONTRADICTED),
             _step("polarity", Label.CONTRADICTED)]
    assert calibration.way(Label.CONTRADICTED, steps, 0.9) == "contradicted:grade:strong:several"
    assert calibration.way(Label.CONTRADICTED, steps[:2], 0.3) == "contradicted:grade:weak:one"
    # an unverified verdict is decided by its final step, and cites no evidence
    unverified = [_step("time", Label.UNVERIFIED), _step("source", Label.UNVERIFIED, True)]
    assert calibration.way(Label.UNVERIFIED, unverified, 0.0) == "unverified:source:several"


def test_confidence_leans_on_the_overall_rate_for_rare_ways() -> None:
    table = calibration.Calibration({"supported:grade:strong:one": (90, 100),
                                     "supported:retrieval:weak:one": (1, 2)})
    steps = [_step("grade", Label.SUPPORTED)]
    often = table.confidence(Label.SUPPORTED, steps, 0.9)
    assert often == pytest.approx((90 + calibration.PRIOR * table.overall) / 104)
    rare = table.confidence(Label.SUPPORTED, [_step("retrieval", Label.SUPPORTED)], 0.1)
    assert abs(rare - table.overall) < abs(0.5 - table.overall) + 0.01
    unseen = table.confidence(Label.SOFTENED, [_step("hedge", Label.SOFTENED)], 0.9)
    assert unseen == pytest.approx(table.overall)


def test_auroc_is_one_when_confidence_separates_and_half_when_it_does_not() -> None:
    assert calibration.auroc([(0.9, True), (0.8, True), (0.2, False)]) == 1.0
    assert calibration.auroc([(0.5, True), (0.5, False)]) == 0.5
    assert calibration.auroc([(0.1, True), (0.9, False)]) == 0.0


def test_ece_is_the_weighted_gap_between_confidence_and_accuracy() -> None:
    assert calibration.ece([(1.0, True), (0.0, False)]) == 0.0
    # all at 0.8, half right: a gap of 0.3
    assert calibration.ece([(0.8, True), (0.8, False)]) == pytest.approx(0.3)


@pytest.mark.shared
def test_shipped_table_is_the_one_the_labelled_sets_give(shared_reports: Path) -> None:
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "calibrate.py"), "--check"],
                           capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 0, ("src/claimcheck/calibration.toml is stale: run "
                                   "python scripts/calibrate.py\n" + check.stdout + check.stderr)
