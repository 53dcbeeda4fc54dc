"""``evaluate.run`` on the labelled claim sets, and ``claimcheck eval``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import evaluate
from claimcheck.check import Config
from claimcheck.cli import app
from claimcheck.errors import ClaimcheckError

CONFIG = Config(use_cache=False)


@pytest.fixture(scope="module")
def seeds() -> evaluate.SetScore:
    (result,) = evaluate.run(("harrow-seeds",), CONFIG)
    return result


def _records(root: Path, name: str) -> list[dict]:
    import tomllib

    sets = tomllib.loads((root / "sets.toml").read_text(encoding="utf-8"))["set"]
    entry = next(s for s in sets if s["name"] == name)
    lines = (root / entry["file"]).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_seed_set_scores_every_record(seeds: evaluate.SetScore) -> None:
    records = _records(evaluate.default_claims_root(), "harrow-seeds")
    assert len(records) == 74
    assert seeds.name == "harrow-seeds" and not seeds.skipped
    assert [o.id for o in seeds.outcomes] == [r["id"] for r in records]
    unmatched = [o.id for o in seeds.outcomes if o.explanation == "no sentence matched the quote"]
    assert unmatched == []


def test_figures_are_in_the_unit_interval(seeds: evaluate.SetScore) -> None:
    figures = [
        seeds.accuracy,
        seeds.checkworthy_f1,
        seeds.recall_at(1),
        seeds.recall_at(3),
        *seeds.verdict_f1().values(),
    ]
    assert all(0.0 <= f <= 1.0 for f in figures), figures
    assert seeds.recall_at(1) <= seeds.recall_at(3)
    assert set(seeds.verdict_f1()) == set(evaluate.LABELS)


def test_confusion_counts_sum_to_the_checkworthy_records(seeds: evaluate.SetScore) -> None:
    records = _records(evaluate.default_claims_root(), "harrow-seeds")
    checkworthy = [r for r in records if r["checkworthy"]]
    table = seeds.confusion()
    assert sum(sum(row.values()) for row in table.values()) == len(checkworthy)
    for label in evaluate.LABELS:
        assert sum(table[label].values()) == sum(r["label"] == label for r in checkworthy)
    correct = sum(o.correct for o in seeds.judged)
    assert seeds.accuracy == pytest.approx(correct / len(checkworthy))


def test_unknown_set_name_raises() -> None:
    with pytest.raises(ClaimcheckError, match="no-such-set"):
        evaluate.run(("no-such-set",), CONFIG)


def _claims_root(tmp_path: Path, harrow_text: Path) -> Path:
    """A claims folder of its own: one set on a copy of the Harrow report, one on a missing file."""
    root = tmp_path / "claims"
    root.mkdir()
    shutil.copy(harrow_text, tmp_path / "report.txt")
    records = [
        {
            "id": "t-1",
            "doc": None,
            "quote": "Care leavers were rated outstanding.",
            "claim": "Care leavers were rated outstanding.",
            "checkworthy": True,
            "label": "contradicted",
            "accept": ["contradicted"],
            "evidence": ["judgements"],
        },
        {
            "id": "t-2",
            "doc": None,
            "quote": "Thank you to our staff.",
            "claim": "Thank you to our staff.",
            "checkworthy": False,
            "label": None,
            "accept": [],
            "evidence": [],
        },
    ]
    (root / "mine.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    (root / "sets.toml").write_text(
        '[[set]]\nname = "here"\nfile = "mine.jsonl"\nreport_path = "report.txt"\n\n'
        '[[set]]\nname = "absent"\nfile = "mine.jsonl"\nreport_path = "nowhere/report.pdf"\n',
        encoding="utf-8",
    )
    return root


def test_set_whose_report_is_missing_is_skipped_with_a_note(
    tmp_path: Path, harrow_text: Path
) -> None:
    root = _claims_root(tmp_path, harrow_text)
    here, absent = evaluate.run((), CONFIG, claims_root=root)
    assert absent.name == "absent" and absent.outcomes == ()
    assert "nowhere/report.pdf" in absent.skipped
    assert here.name == "here" and not here.skipped
    assert [o.predicted for o in here.outcomes] == ["contradicted", "none"]
    assert here.accuracy == 1.0 and here.checkworthy_f1 == 1.0
    assert here.recall_at(1) == 1.0


def test_missing_manifest_raises(tmp_path: Path) -> None:
    with pytest.raises(ClaimcheckError, match="sets.toml"):
        evaluate.run((), CONFIG, claims_root=tmp_path)


def test_eval_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    result = CliRunner().invoke(app, ["eval", "harrow-seeds"])
    assert result.exit_code == 0, result.output
    assert "74" in result.stdout
    (seeds,) = evaluate.run(("harrow-seeds",), CONFIG)
    assert f"{seeds.accuracy:.3f}" in result.stdout
    unknown = CliRunner().invoke(app, ["eval", "no-such-set"])
    assert unknown.exit_code == 1
    assert len(unknown.stderr.strip().splitlines()) == 1 and "no-such-set" in unknown.stderr


@pytest.mark.shared
def test_every_labelled_verdict_replays_from_its_steps(shared_reports: Path) -> None:
    """Over every labelled claim, the project's and the councils', the decision table gives
    the label from the verdict's steps alone, and the deciding rule is among them."""
    from claimcheck.decision import decide

    results = [r for r in evaluate.run((), CONFIG) if not r.skipped]
    judged = [o for r in results for o in r.outcomes if o.predicted != evaluate.NONE]
    assert len(judged) > 300
    for o in judged:
        assert o.steps, o.id
        assert decide(o.steps).value == o.predicted, (o.id, o.steps)
        assert any(st.outcome.value == o.predicted for st in o.steps), o.id


def test_the_shared_councils_are_pooled_apart() -> None:
    def scored(name: str, right: bool, shared: bool) -> evaluate.SetScore:
        outcome = evaluate.Outcome(f"{name}-C01", "A claim.", True, True, "supported",
                                   ("supported",), "supported" if right else "softened",
                                   (), (), "")
        return evaluate.SetScore(name, "", (outcome,), council=True, shared=shared)

    results = [scored("a", True, True), scored("b", False, True), scored("c", False, False)]
    pools = {r.name: r for r in evaluate.with_pooled(results, frozenset({"c"}))}
    assert pools["pooled: shared councils"].accuracy == 0.5
    assert len(pools["pooled: councils"].outcomes) == 3
    # with no council outside the shared folder the pool would only repeat "councils"
    assert "pooled: shared councils" not in {
        r.name for r in evaluate.with_pooled(results[:2], frozenset())}
