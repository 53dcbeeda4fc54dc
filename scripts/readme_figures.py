"""Refresh the evaluation table in README.md from `claimcheck eval --markdown`.

Run after any change to the rules, lexicons or claim sets; tests/test_docs.py fails
while the README's figures are not today's.
"""

from __future__ import annotations

import re
from pathlib import Path

from claimcheck import evaluate
from claimcheck.check import Config
from claimcheck.render.scores import markdown

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- eval-figures -->\n).*?(<!-- /eval-figures -->)", re.S)


def main() -> None:
    table = markdown(evaluate.run((), Config(use_cache=False)))
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + table + m.group(2), text),
                      encoding="utf-8")
    print(table, end="")


if __name__ == "__main__":
    main()
