"""The lexicon audit: no entry may fit only one labelled claim unless audit-allow.toml says why."""

from __future__ import annotations

import importlib
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "lexicon_audit.py"
ALLOW = ROOT / "scripts" / "audit-allow.toml"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        return importlib.import_module("lexicon_audit")
    finally:
        sys.path.remove(str(SCRIPT.parent))


def test_entries_match_whole_words(audit: ModuleType) -> None:
    def hits(entry: str, text: str) -> bool:
        regex = audit.pattern(entry)
        return regex is not None and regex.search(audit.joined(text)) is not None

    assert hits("fell", "The rate fell sharply.")
    assert not hits("fell", "the fellow")
    assert not hits("rose", "The prose was clear")
    assert hits("apologis*", "We apologised to the family")
    assert hits("it is ~ that", "It is clear that leaders act")
    assert hits("under-18s", "support for under 18s")
    assert hits("it’s", "it's late")


def test_entries_include_table_keys_of_words(audit: ModuleType) -> None:
    found = dict(audit.entries({"number_words": {"dozen": 12}, "level": {"1": ["a few"]}},
                               "quantifiers"))
    assert found == {"dozen": "quantifiers.number_words.dozen", "a few": "quantifiers.level.1"}


def test_allow_list_gives_a_reason_for_each_entry() -> None:
    allow = tomllib.loads(ALLOW.read_text(encoding="utf-8"))
    assert allow and all(isinstance(reason, str) and reason.strip() for reason in allow.values())


def test_no_entry_fits_only_one_claim_unexplained() -> None:
    if not (ROOT.parent / "shared" / "reports" / "ilacs").is_dir():
        pytest.skip("needs ../shared (the 152 reports and the council claim sets)")
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True,
                          cwd=ROOT)
    unexplained = [line for line in done.stdout.splitlines()
                   if line.endswith("NOT IN audit-allow.toml")]
    assert done.returncode == 0 and not unexplained, (
        "lexicon entries that match one labelled claim and no report; generalise or remove "
        "them, or say why in scripts/audit-allow.toml:\n"
        + "\n".join(unexplained) + done.stderr)
