"""Refresh the evaluation table in README.md from `claimcheck eval --markdown`, and the
quick-start `claimcheck check` example from what `check` prints today.

Run after any change to the rules, lexicons, confidence table or claim sets;
tests/test_docs.py fails while the README's figures or example are not today's.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from typer.testing import CliRunner

from claimcheck import evaluate
from claimcheck.check import Config
from claimcheck.cli import app
from claimcheck.render.scores import markdown

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- eval-figures -->\n).*?(<!-- /eval-figures -->)", re.S)
EXAMPLE = re.compile(r"(```console\n\$ claimcheck check \"([^\"]+)\"\n)(.*?)(```)", re.S)


def _example(match: re.Match[str]) -> str:
    os.environ["COLUMNS"] = "80"
    printed = CliRunner().invoke(app, ["check", match.group(2)]).stdout
    lines = "\n".join(line.rstrip() for line in printed.splitlines()).strip()
    return f"{match.group(1)}{lines}\n{match.group(4)}"


def main() -> None:
    table = markdown(evaluate.run((), Config(use_cache=False)))
    text = README.read_text(encoding="utf-8")
    text = BLOCK.sub(lambda m: m.group(1) + table + m.group(2), text)
    README.write_text(EXAMPLE.sub(_example, text, count=1), encoding="utf-8")
    print(table, end="")


if __name__ == "__main__":
    main()
