"""Lexical relations from the generated WordNet and valence lexicons, on real words."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from claimcheck.lexicon import Lexicons
from claimcheck.relations import Relations

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src" / "claimcheck" / "lexicons"
WORDNET = Path("/usr/share/wordnet")


@pytest.fixture(scope="module")
def relations() -> Relations:
    return Relations.from_lexicons()


@pytest.mark.parametrize(("a", "b"), [
    ("consistent", "inconsistent"),
    ("effective", "ineffective"),
    ("safe", "unsafe"),
    ("increase", "decrease"),
    ("improve", "worsen"),
    ("strong", "weak"),
    ("adequate", "inadequate"),
    ("sufficient", "insufficient"),
    ("stable", "unstable"),
    ("success", "failure"),
    ("majority", "minority"),
    ("consistency", "inconsistency"),
])
def test_antonyms_either_way(relations: Relations, a: str, b: str) -> None:
    assert relations.are_antonyms(a, b)
    assert relations.are_antonyms(b, a)
    assert b in relations.antonyms(a)


@pytest.mark.parametrize(("a", "b"), [
    ("valuable", "invaluable"),
    ("famous", "infamous"),
    ("ease", "disease"),
    ("cover", "discover"),
    ("effective", "effectiveness"),
    ("support", "supportive"),
])
def test_look_alikes_and_relatives_are_not_antonyms(relations: Relations, a: str, b: str) -> None:
    assert not relations.are_antonyms(a, b, indirect=True)


def test_morphological_negation(relations: Relations) -> None:
    assert relations.is_negation("unsafe", "safe")
    assert relations.is_negation("appropriate", "inappropriate")
    assert not relations.is_negation("valuable", "invaluable")
    assert not relations.is_negation("increase", "decrease")


def test_indirect_antonyms_only_when_asked(relations: Relations) -> None:
    assert not relations.are_antonyms("patchy", "even")
    assert relations.are_antonyms("patchy", "even", indirect=True)


def test_derivational_base(relations: Relations) -> None:
    assert relations.base("supportive") == relations.base("support") == "support"
    assert relations.base("effectively") == relations.base("effectiveness")
    assert relations.related("inconsistency", "inconsistent")
    assert relations.related("improvement", "improve")
    assert not relations.related("consistent", "inconsistent")
    assert relations.base("zzzz") == "zzzz"


def test_valence(relations: Relations) -> None:
    assert (relations.valence("good") or 0) > 1
    assert (relations.valence("neglect") or 0) < -1
    assert relations.valence("inadequate") == pytest.approx(-1.7)
    assert relations.valence("limited") is None  # |valence| < 1 is left out
    assert relations.valence("care leaver") is None


def test_built_once_per_lexicons() -> None:
    lexicons = Lexicons()
    assert Relations.from_lexicons(lexicons) is Relations.from_lexicons(lexicons)


def test_user_file_adds_pairs(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[wordnet.negated]\ncompliant = ["non-compliant"]\n\n'
                    '[valence.valence]\nwobbly = -1.5\n', encoding="utf-8")
    relations = Relations.from_lexicons(Lexicons([path]))
    assert relations.are_antonyms("non-compliant", "compliant")
    assert relations.valence("wobbly") == -1.5
    assert relations.are_antonyms("safe", "unsafe")


def _regenerate(script: str, out: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_wordnet_lexicon_regenerates_byte_for_byte(tmp_path: Path) -> None:
    if not (WORDNET / "data.noun").exists():
        pytest.skip("needs Debian's wordnet-base (apt-get install wordnet-base)")
    if not (ROOT.parent / "shared" / "reports" / "ilacs").is_dir():
        pytest.skip("needs ../shared (reports and claim sets) for the vocabulary filter")
    _regenerate("wordnet_lexicon.py", tmp_path / "wordnet.toml")
    assert (tmp_path / "wordnet.toml").read_bytes() == (LEXICONS / "wordnet.toml").read_bytes()


def test_valence_lexicon_regenerates_byte_for_byte(tmp_path: Path) -> None:
    try:
        metadata.distribution("vaderSentiment")
    except metadata.PackageNotFoundError:
        pytest.skip('needs vaderSentiment: pip install -e ".[lexicons]"')
    _regenerate("valence_lexicon.py", tmp_path / "valence.toml")
    assert (tmp_path / "valence.toml").read_bytes() == (LEXICONS / "valence.toml").read_bytes()
