"""The dependency-parse reading (``claimcheck.parse``), off by default.

Properties, not exact parses: which predicate a negation denies, whether it is the
sentence's own, and which words only say who a finding is about. Skipped, with the
reason, where spaCy's English pipeline is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from claimcheck import parse
from claimcheck.judge import Settings
from claimcheck.lexicon import default
from claimcheck.signals import Reader

needs_model = pytest.mark.skipif(
    not parse.available(),
    reason="the parser needs its English pipeline: pip install -e '.[parser]'")


def test_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parse.ENV, raising=False)
    assert Settings().parser is False
    monkeypatch.setenv(parse.ENV, "1")
    assert Settings().parser is True


def test_off_imports_no_spacy() -> None:
    # the default path must not pay the second that importing spaCy takes
    code = ("import sys; from claimcheck.judge import Judge, Settings; "
            "from claimcheck.lexicon import default; Judge(default(), Settings(parser=False)); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, parse.ENV: ""})
    assert out.stdout.strip() == "False"


def test_missing_model_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    parse.nlp.cache_clear()
    monkeypatch.setattr(parse, "MODEL", "no_such_pipeline_xyz")
    try:
        with pytest.raises(parse.ParserUnavailable, match="pip install"):
            parse.nlp()
    finally:
        parse.nlp.cache_clear()


@needs_model
def test_negation_names_its_predicate() -> None:
    found = parse.parse("Care leavers with complex needs do not receive timely and effective "
                        "support.").main_negation()
    assert found is not None and found.predicate == "receive"
    assert {"timely", "effective", "support"} <= set(found.scope)


@needs_model
def test_copula_negation_denies_its_complement() -> None:
    found = parse.parse("Management oversight is not effective.").main_negation()
    assert found is not None and found.predicate == "effective"


@needs_model
def test_negation_inside_the_subject_is_no_denial() -> None:
    read = parse.parse("Children who do not attend school are quickly identified.")
    assert read.negations and read.main_negation() is None


@needs_model
def test_negation_bounded_by_until_is_no_denial() -> None:
    read = parse.parse("Homeless young people have not, until recently, received a response.")
    assert read.main_negation() is None


@needs_model
def test_hyphenated_words_stay_whole() -> None:
    found = parse.parse("The police do not pre-triage their contacts.").main_negation()
    assert found is not None and found.predicate == "pre-triage"


@needs_model
def test_subject_modifiers_say_who() -> None:
    sentence = "Children at risk of harm are seen quickly."
    read = parse.parse(sentence)
    assert read.describes(sentence.index("harm"))
    assert not read.describes(sentence.index("quickly"))


@needs_model
def test_opposed_on_the_same_predicate_or_arguments() -> None:
    def terms(words: str) -> list[str]:
        return words.lower().split()

    assert parse.opposed("Care leavers with complex needs do not receive timely support.",
                         "Care leavers receive quick, effective support.", terms)
    assert parse.opposed("The police do not pre-triage their contacts.",
                         "Police screen their own contacts.", terms)
    assert not parse.opposed("Children who do not attend school are identified.",
                             "Children attend school.", terms)


@needs_model
def test_reader_flips_only_what_is_negated() -> None:
    plain, parsed = Reader(default()), Reader(default(), parser=True)
    near = "Children who are not in school get good support."
    assert parsed.read(near).direction > 0
    assert plain.read(near).direction <= 0  # the four-word window reaches "good"
    far = "Children are not seen by their social worker quickly."
    assert parsed.read(far).direction < 0
    assert parsed.negation("Children who do not attend school are seen quickly.") == ""
    assert parsed.negation("Children are not seen quickly.") == "are not"
