"""The verdict engine stays readable: no function of it over 60 lines (issue: verdicts you
can trace)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[1] / "src" / "claimcheck"
MODULES = ["judge", "decision", "signals", "retrieve", "grade_axis", "quantity_axis",
           "timeline", "framing", "calibration", "trace", "relations"]


@pytest.mark.parametrize("module", MODULES)
def test_no_function_of_the_verdict_engine_is_over_60_lines(module: str) -> None:
    tree = ast.parse((ENGINE / f"{module}.py").read_text(encoding="utf-8"))
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno is not None and node.end_lineno - node.lineno + 1 > 60]
    assert not long, f"{module}.py: {', '.join(long)}"
