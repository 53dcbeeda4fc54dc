"""The trace behind ``check --explain``: readings, steps, the decision table's row."""

from __future__ import annotations

from claimcheck import lexicon, trace
from claimcheck.check import Config, check_text


def _trace(claim: str) -> list[str]:
    (verdict,) = [v for v in check_text(claim, Config(use_cache=False)).verdicts if v.label]
    return trace.lines(verdict, lexicon.default())


def test_trace_shows_readings_steps_and_the_deciding_row() -> None:
    out = _trace("Ofsted rated Harrow's children's services good.")
    assert out[0] == "  claim: “Ofsted rated Harrow's children's services good.”"
    assert any(line.startswith("  evidence, judgement table (score 1.00)") for line in out)
    assert any("grade → contradicted [judgement table]" in line for line in out)
    assert out[-1].startswith("  decision table, row 1: a step contradicts the claim "
                              "→ contradicted (confidence ")
    # the axes that found nothing are named, the one that fired is not
    quiet = next(line for line in out if line.startswith("  no step from: "))
    assert "grade" not in quiet and "polarity" in quiet


def test_trace_names_the_final_step_of_an_unverified_verdict() -> None:
    out = _trace("Harrow has since appointed a new permanent director of children's services.")
    assert any("final" in line for line in out if "→ unverified" in line)
    assert "row 2:" in out[-1] and out[-1].count("→ unverified") == 1


def test_reading_names_negation_extent_and_framing() -> None:
    reading = trace.read("Most plans could be a touch more detailed and do not set out "
                         "timescales.", lexicon.default())
    words = "; ".join(reading.words)
    assert "negation “do not”" in words
    assert "extent: “most”" in words
    assert "made to sound minor: “could be a touch more”" in words


def test_check_explain_prints_the_trace_after_the_verdict(tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from claimcheck.cli import app

    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path))
    result = CliRunner().invoke(app, ["check", "--explain", "Harrow was rated good overall."])
    assert result.exit_code == 0, result.output
    head, _, trace_text = result.stdout.partition("\ntrace: Harrow was rated good overall.\n")
    assert "CONTRADICTED" in head
    assert "  decision table, row 1: a step contradicts the claim → contradicted" in trace_text
    # beside a file format the trace goes to stderr, and stdout stays one JSON object a line
    jsonl = CliRunner().invoke(app, ["check", "--explain", "--format", "jsonl",
                                     "Harrow was rated good overall."])
    assert jsonl.exit_code == 0
    assert "decision table" in jsonl.stderr and "decision table" not in jsonl.stdout
