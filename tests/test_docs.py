"""The README keeps up with the code: every command documented, eval figures current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimcheck import evaluate
from claimcheck.check import Config
from claimcheck.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
FIGURES = re.compile(r"<!-- eval-figures -->(.*?)<!-- /eval-figures -->", re.DOTALL)


def _commands() -> dict:
    """The app's commands by name (typer's click group; typer may ship its own click)."""
    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_app_has_commands() -> None:
    assert {"check", "batch", "eval", "units"} <= set(_commands())


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    command = _commands()[name]
    assert (command.help or "").strip(), f"{name} has no help text"
    for param in command.params:
        if param.name != "help":
            assert getattr(param, "help", None), f"{name}: {param.name} has no help text"
    assert f"claimcheck {name}" in README.read_text(encoding="utf-8")


def _readme_table() -> tuple[list[str], dict[str, list[str]]]:
    found = FIGURES.search(README.read_text(encoding="utf-8"))
    assert found, "README.md has no <!-- eval-figures --> table"
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in found.group(1).strip().splitlines()
        if line.strip().startswith("|")
    ]
    header, body = rows[0], [r for r in rows[1:] if not set("".join(r)) <= set("-: ")]
    return header, {row[0]: row for row in body}


def _figure(result: evaluate.SetScore, column: str) -> str:
    """The figure a README column shows, as ``claimcheck eval`` computes it."""
    lowered = column.lower()
    if lowered in {"n", "records", "claims"}:
        return str(len(result.outcomes))
    if "check" in lowered and "f1" in lowered:
        value = result.checkworthy_f1
    elif "accuracy" in lowered:
        value = result.accuracy
    elif match := re.search(r"r@(\d+)", lowered):
        value = result.recall_at(int(match.group(1)))
    elif "precision" in lowered and "supported" in lowered:
        value = result.supported_precision
    elif "auroc" in lowered:
        value = result.auroc
    elif lowered == "ece":
        value = result.ece
    elif lowered.startswith("f1"):
        label = next(lab for lab in evaluate.LABELS if lab.startswith(lowered.split()[1][:5]))
        value = result.verdict_f1()[label]
    else:
        raise AssertionError(f"README eval table has an unknown column {column!r}")
    return f"{value:.3f}"


def test_readme_eval_figures_match_eval_today() -> None:
    header, rows = _readme_table()
    results = evaluate.run((), Config(use_cache=False))
    scored = [r for r in results if not r.skipped]
    assert scored
    if len(scored) == len(results):  # the pooled rows only when every set was scored
        scored = [r for r in evaluate.with_pooled(results) if not r.skipped]
    for result in scored:
        assert result.name in rows, f"README eval table has no row for {result.name}"
        row = rows[result.name]
        assert len(row) == len(header)
        expected = [result.name, *(_figure(result, column) for column in header[1:])]
        assert row == expected, f"README figures for {result.name} are stale"
    known = {r.name for r in evaluate.with_pooled(results)}
    assert set(rows) <= known, f"README lists sets that are not in claims/sets.toml: {rows}"


def test_every_package_data_file_is_in_the_wheel() -> None:
    """The bundled corpus, council names, lexicons and templates match pyproject's
    package-data globs, so ``pip install .`` (not editable) carries them."""
    import fnmatch
    import tomllib

    root = README.parent
    globs = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["claimcheck"]
    package = root / "src" / "claimcheck"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert "bundled/manifest.toml" in data and "data/councils.txt" in data
    missing = [name for name in data if not any(fnmatch.fnmatch(name, g) for g in globs)]
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"


def test_the_quick_start_example_is_what_check_prints(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"```console\n\$ claimcheck check \"([^\"]+)\"\n(.*?)```", text, re.DOTALL)
    assert found, "README.md has no `claimcheck check` example"
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "80")
    result = CliRunner().invoke(app, ["check", found.group(1)])
    assert result.exit_code == 0
    printed = "\n".join(line.rstrip() for line in result.stdout.splitlines())
    assert printed.strip() == found.group(2).strip()
