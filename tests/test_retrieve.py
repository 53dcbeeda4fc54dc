"""Evidence retrieval on the Harrow report: synonyms, aligned quotes, scores."""

from __future__ import annotations

import pytest

from claimcheck import lexicon, retrieve

CARE_LEAVERS = "The experiences and progress of care leavers"
CHILDREN_IN_CARE = "The experiences and progress of children in care"


def _evidence(claim: str, index, k: int = 3):
    return retrieve.evidence(claim, index, lexicon.default(), k=k)


@pytest.mark.parametrize(
    "claim",
    [
        "Young people leaving care are helped to find somewhere to live.",
        "Young people leaving care have pathway plans.",
        "Young people leaving care are supported by personal advisers.",
    ],
)
def test_young_people_leaving_care_finds_care_leaver_paragraphs(harrow_index, claim) -> None:
    assert "care leaver" not in claim.lower()
    best = _evidence(claim, harrow_index)[0]
    unit = harrow_index.report.unit(best.unit)
    assert unit.section == CARE_LEAVERS
    assert "care leaver" in unit.text.lower()


@pytest.mark.parametrize(
    "claim",
    [
        "Looked after children have their health needs met.",
        "Looked after children are visited by their social workers.",
    ],
)
def test_looked_after_children_finds_the_children_in_care_section(harrow_index, claim) -> None:
    best = _evidence(claim, harrow_index)[0]
    unit = harrow_index.report.unit(best.unit)
    assert unit.section == CHILDREN_IN_CARE
    assert "children in care" in unit.text.lower()
    assert "looked after" not in unit.text.lower()


def test_bare_synonym_phrase_finds_its_group(harrow_index) -> None:
    best = _evidence("looked after children", harrow_index)[0]
    assert "children in care" in harrow_index.report.unit(best.unit).text.lower()


@pytest.mark.parametrize(
    "claim",
    [
        "Care leavers are not always visited by their personal advisers.",
        "Children who go missing are offered return home interviews.",
        "Harrow was rated inadequate overall.",
        "Pathway plans are highly variable in quality.",
    ],
)
def test_evidence_scores_in_unit_interval_best_first_quote_at_offsets(harrow_index, claim) -> None:
    found = _evidence(claim, harrow_index, k=5)
    assert found
    scores = [ev.score for ev in found]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert len({ev.unit for ev in found}) == len(found)
    for ev in found:
        unit = harrow_index.report.unit(ev.unit)
        assert ev.quote and unit.text[ev.quote_start : ev.quote_end] == ev.quote
        assert (ev.quote_start, ev.quote_end) in retrieve.unit_sentences(unit)


def test_quote_is_the_sentence_that_aligns_with_the_claim(harrow_index) -> None:
    best = _evidence(
        "Children in care have their ongoing health needs very well met.", harrow_index
    )[0]
    assert "health needs very well met" in best.quote
    assert len(best.quote) < len(harrow_index.report.unit(best.unit).text)


def test_claim_with_no_words_of_the_report_finds_nothing(harrow_index) -> None:
    assert _evidence("Zyxwv qwertz plorf.", harrow_index) == []


def test_every_unit_is_indexed_with_sentences_inside_it(harrow_index) -> None:
    ids = [u.unit.id for u in harrow_index.units]
    assert ids == [u.id for u in harrow_index.report.units]
    for indexed in harrow_index.units:
        for passage in indexed.passages:
            assert 0 <= passage.start < passage.end <= len(indexed.unit.text)


def test_the_councils_name_does_not_steer_retrieval(harrow_index) -> None:
    # read from the report's title, for any council: "Harrow" names the whole report
    assert harrow_index.report.place == "Harrow"
    # paragraph 28 says children "arrive in Harrow"; that is no reason to cite it first
    plain = _evidence("Children are well supported by social workers.", harrow_index)
    named = _evidence("Children in Harrow are well supported by social workers.", harrow_index)
    assert [ev.unit for ev in named] == [ev.unit for ev in plain]


@pytest.mark.parametrize("claim", [
    "Care leavers have pathway plans.",
    "Leaders know their services well and social workers have manageable caseloads.",
    "Children in care are visited regularly.",
    "Swift action was taken.",
])
def test_scoring_stops_early_without_changing_what_is_found(harrow_index, claim, monkeypatch
                                                           ) -> None:
    """Candidates that cannot reach the k-th score are not scored; scoring every one of
    them (the bound made useless) finds the same evidence with the same scores."""
    scored: list[object] = []
    pruned: list[bool] = []
    real = retrieve._score

    def counted(*args):  # type: ignore[no-untyped-def]
        scored.append(args)
        return real(*args)

    for k in (1, 3, 5):
        scored.clear()
        monkeypatch.setattr(retrieve, "_score", counted)
        found = _evidence(claim, harrow_index, k)
        early = len(scored)
        monkeypatch.setattr(retrieve, "_ROUNDING", 10.0)  # no bound ever falls short
        exhaustive = _evidence(claim, harrow_index, k)
        monkeypatch.undo()
        assert found == exhaustive
        assert early <= len(scored) - early
        pruned.append(early < len(scored) - early)
    # the bound does prune: for one k at least, fewer units were scored than all of them
    assert any(pruned) or claim == "Swift action was taken."


def test_a_word_with_a_negating_prefix_is_found_by_its_base() -> None:
    vocab = retrieve.vocabulary(lexicon.default())
    # "unsupported" meets a report's "supported", "inconsistent" its "consistent"
    assert set(vocab.terms("supported")) <= set(vocab.terms("unsupported"))
    assert set(vocab.terms("consistent")) <= set(vocab.terms("inconsistent"))
    # a word that names a thing keeps its own term alone: "disorder" is not "order"
    assert set(vocab.terms("order")).isdisjoint(vocab.terms("disorder"))
    assert set(vocab.terms("cover")).isdisjoint(vocab.terms("uncover"))


def test_a_compounds_parts_count_as_the_reports_words() -> None:
    vocab = retrieve.vocabulary(lexicon.default())
    # "young people seeking asylum" is spoken of where the report says "asylum-seeking"
    share, unheld = vocab.coverage("children seeking asylum",
                                   ["Unaccompanied asylum-seeking children are well supported."])
    assert share == 1.0 and not unheld
    share, unheld = vocab.coverage("children seeking asylum",
                                   ["Unaccompanied children are well supported."])
    assert share < 1.0 and unheld


def test_words_common_in_the_report_count_as_held() -> None:
    vocab = retrieve.vocabulary(lexicon.default())
    passages = ["Care leavers are well supported by their advisers."]
    claim = "Care leavers get social support from their advisers."
    share, unheld = vocab.coverage(claim, passages)
    assert unheld
    common = set(unheld)  # the words the report uses in many paragraphs
    share_with, unheld_with = vocab.coverage(claim, passages, common=common)
    assert share_with == 1.0 > share and not unheld_with
