"""User lexicon files: merged over the built-in ones, and used by every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.errors import LexiconError
from claimcheck.lexicon import Lexicons, builtin, merge

CLAIM = "Support for care leavers is a bit wobbly."


def test_merge_extends_lists_merges_tables_and_replaces_scalars() -> None:
    base = {"a": [1, 2], "t": {"x": 1, "y": [1]}, "s": 1}
    extra = {"a": [2, 3], "t": {"y": [2], "z": 3}, "s": 2}
    assert merge(base, extra) == {"a": [1, 2, 3], "t": {"x": 1, "y": [1, 2], "z": 3}, "s": 2}


def test_user_file_adds_to_a_builtin_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[synonyms.group]\ncare_leaver = ["former relevant child"]\n',
                    encoding="utf-8")
    merged = Lexicons([path])["synonyms"]["group"]["care_leaver"]
    assert "former relevant child" in merged
    assert set(builtin("synonyms")["group"]["care_leaver"]) < set(merged)
    assert "former relevant child" not in builtin("synonyms")["group"]["care_leaver"]


@pytest.mark.parametrize("content", ["not toml [", "\xff\xfe"])
def test_bad_lexicon_file_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content.encode("latin-1"))
    with pytest.raises(LexiconError, match="bad.toml"):
        Lexicons([path])


def test_check_uses_the_users_euphemism(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "mine.toml"
    path.write_text('[hedges]\neuphemisms = ["a bit wobbly"]\n', encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["check", CLAIM])
    mine = runner.invoke(app, ["check", "--lexicon", str(path), CLAIM])
    assert plain.exit_code == mine.exit_code == 0
    # without the entry nothing reads the claim as a weakness made small
    assert "sound minor" not in plain.stdout
    assert "SOFTENED" in mine.stdout and "sound minor (“a bit wobbly”)" in mine.stdout


def test_missing_lexicon_file_exits_1_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", "--lexicon", str(tmp_path / "no.toml"), CLAIM])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "no.toml" in result.stderr
