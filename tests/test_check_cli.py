"""``claimcheck check`` and ``claimcheck batch`` through typer's CliRunner, and once for real.

Every test points ``CLAIMCHECK_CACHE`` at a temporary folder, so no test writes to
the user's cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import corpus, extract, lexicon
from claimcheck.cli import app

STATEMENT = (
    "Ofsted rated Harrow inadequate overall. Thank you to our staff. "
    "Services for care leavers have improved since 2020."
)


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(folder))
    return folder


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _one_error_line(result) -> str:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- check --------------------------------------------------------------------------------------


def test_check_prints_verdicts_and_paragraph_citations(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", STATEMENT])
    assert result.exit_code == 0, result.output
    assert "CONTRADICTED" in result.stdout and "SUPPORTED" in result.stdout
    assert "paragraph" in result.stdout
    assert "judgement table" in result.stdout


def test_check_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-"], input="Care leavers were rated outstanding.\n")
    assert result.exit_code == 0, result.output
    assert "CONTRADICTED" in result.stdout
    assert "Care leavers were rated outstanding." in result.stdout


def test_check_with_report_option(runner: CliRunner, harrow_text: Path) -> None:
    result = runner.invoke(
        app, ["check", "--report", str(harrow_text), "Children in care were judged good."]
    )
    assert result.exit_code == 0, result.output
    assert "SUPPORTED" in result.stdout


def test_second_check_reuses_the_cached_index(
    runner: CliRunner, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = runner.invoke(app, ["check", "Harrow was rated good for leadership."])
    assert first.exit_code == 0, first.output
    stored = sorted(cache.iterdir())
    assert len(stored) == 1 and stored[0].stat().st_size > 0

    from claimcheck import reader

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the report was read again instead of coming from the cache")

    monkeypatch.setattr(reader, "read_report", refuse)
    second = runner.invoke(app, ["check", "Harrow was rated good for leadership."])
    assert second.exit_code == 0, second.output
    assert second.stdout == first.stdout
    assert sorted(cache.iterdir()) == stored


def test_no_cache_keeps_nothing(runner: CliRunner, cache: Path) -> None:
    result = runner.invoke(app, ["check", "--no-cache", "Harrow was rated inadequate."])
    assert result.exit_code == 0, result.output
    assert not cache.exists() or not any(cache.iterdir())


# --- batch --------------------------------------------------------------------------------------


def test_batch_jsonl_one_object_per_sentence_of_the_corpus(runner: CliRunner,
                                                            jsonl_keys: list[str]) -> None:
    result = runner.invoke(app, ["batch", "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    docs = {d.id: d for d in corpus.load().statements()}
    expected = sum(len(extract.sentences(d, lexicon.default())) for d in docs.values())
    assert len(records) == expected
    assert {r["doc"] for r in records} == set(docs)
    for r in records:
        assert list(r) == jsonl_keys
        assert docs[r["doc"]].text[r["start"] : r["end"]] == r["sentence"]
        assert (r["label"] is None) == (not r["checkworthy"])
        assert 0.0 <= r["confidence"] <= 1.0
        scores = [ev["score"] for ev in r["evidence"]]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert r["explanation"]


def test_batch_jsonl_of_a_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT + "\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == ["statement"] * 3
    assert [r["label"] for r in records] == ["supported", None, "contradicted"]
    for r in records:
        assert STATEMENT[r["start"] : r["end"]] == r["sentence"]


def test_batch_out_writes_the_file_and_nothing_to_stdout(runner: CliRunner, tmp_path: Path,
                                                         jsonl_keys: list[str]) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT, encoding="utf-8")
    out = tmp_path / "verdicts.jsonl"
    result = runner.invoke(app, ["batch", str(path), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all(list(json.loads(line)) == jsonl_keys for line in lines)


def test_batch_out_into_a_missing_folder_fails_whole(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT, encoding="utf-8")
    out = tmp_path / "missing" / "verdicts.jsonl"
    result = runner.invoke(app, ["batch", str(path), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 1
    line = _one_error_line(result)
    assert "missing" in line
    assert result.stdout == ""
    assert not out.parent.exists()
    # refused before any statement is checked: not even the cache is made
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statement.txt"]


# --- bad input ----------------------------------------------------------------------------------


def test_empty_statement(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", ""])
    assert result.exit_code == 1
    assert "empty" in _one_error_line(result)


def test_whitespace_only_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-"], input="  \n\t\n")
    assert result.exit_code == 1
    assert "empty" in _one_error_line(result)


def test_binary_statement_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes(b"\x00\x01\x02\xff binary \x00")
    result = runner.invoke(app, ["batch", str(path)])
    assert result.exit_code == 1
    assert str(path) in _one_error_line(result)


def test_non_utf8_statement_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes("Harrow’s café was rated good.".encode("cp1252"))
    result = runner.invoke(app, ["batch", str(path)])
    assert result.exit_code == 1
    assert "UTF-8" in _one_error_line(result)


def test_unknown_format_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT, encoding="utf-8")
    result = runner.invoke(app, ["batch", str(path), "--format", "xml"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stdout == ""
    # The message naming the bad value and the choices stands on one line.
    assert any("xml" in line and "jsonl" in line for line in result.stderr.splitlines())


def test_report_that_is_not_a_report(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Shopping list.\nEggs, milk and bread.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--report", str(path), "Harrow was rated good."])
    assert result.exit_code == 1
    assert "notes.txt" in _one_error_line(result)
    assert result.stdout == ""


def test_report_that_is_missing(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    result = runner.invoke(app, ["check", "--report", str(path), "Harrow was rated good."])
    assert result.exit_code == 1
    assert "absent.txt" in _one_error_line(result)


def test_missing_statement_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(tmp_path / "absent.txt")])
    assert result.exit_code == 1
    assert "absent.txt" in _one_error_line(result)


# --- the installed console script ---------------------------------------------------------------


def test_installed_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("claimcheck")
    if not script.exists():
        pytest.skip("the claimcheck console script is not installed beside this Python")
    env = {**os.environ, "CLAIMCHECK_CACHE": str(tmp_path / "cache")}
    done = subprocess.run(
        [str(script), "check", "-"],
        input="Care leavers were rated good.\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "CONTRADICTED" in done.stdout and "judgement table" in done.stdout
    assert done.stderr == ""
    assert len(list((tmp_path / "cache").iterdir())) == 1
    bad = subprocess.run(
        [str(script), "check", ""], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_two_copies_of_a_report_keep_their_own_names(cache: Path, tmp_path: Path,
                                                     harrow_text: Path) -> None:
    from claimcheck.check import Checker, Config

    for name in ("alpha", "beta"):
        (tmp_path / f"{name}.txt").write_bytes(harrow_text.read_bytes())
    Checker(Config()).index(tmp_path / "alpha.txt")
    index = Checker(Config()).index(tmp_path / "beta.txt")
    assert index.report.document.id == "beta"
    assert index.report.document.path == str(tmp_path / "beta.txt")


def test_an_html_statement_in_the_corpus_is_read_as_its_visible_text(tmp_path: Path,
                                                                    harrow_text: Path) -> None:
    (tmp_path / "report.txt").write_bytes(harrow_text.read_bytes())
    (tmp_path / "page.html").write_text(
        "<html><body><p>Harrow was rated <b>inadequate</b> for care leavers.</p></body></html>",
        encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(
        '[[document]]\nid = "r"\nkind = "report"\npath = "report.txt"\n\n'
        '[[document]]\nid = "s"\nkind = "statement"\nabout = "r"\npath = "page.html"\n',
        encoding="utf-8")
    text = corpus.load(tmp_path).get("s").text
    assert text.strip() == "Harrow was rated inadequate for care leavers."


def test_check_takes_jobs_and_refuses_a_negative_count(runner: CliRunner) -> None:
    from claimcheck.cli import app

    done = runner.invoke(app, ["check", "--jobs", "1", "Harrow was rated inadequate."])
    assert done.exit_code == 0 and "SUPPORTED" in done.output
    refused = runner.invoke(app, ["check", "--jobs", "-1", "Harrow was rated inadequate."])
    assert refused.exit_code != 0
