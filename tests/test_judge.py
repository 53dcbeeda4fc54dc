"""Verdicts on fresh claims about the Harrow report: label, deciding words, evidence, replay.

The claims are written for these tests, not taken from the corpus statements, so
they measure the rules rather than repeat the labelled sets. Expectations that are
clearly right but fail today are ``xfail(strict=True)``: a fix shows up as XPASS.
"""

from __future__ import annotations

import pytest

from claimcheck import extract, lexicon, quantity_axis, text
from claimcheck.decision import decide
from claimcheck.judge import Judge
from claimcheck.types import Evidence, Label, Verdict

_ORDER = {Label.UNVERIFIED: 0, Label.SUPPORTED: 1, Label.SOFTENED: 2, Label.CONTRADICTED: 3}


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge(lexicon.default())


@pytest.fixture(scope="module")
def verdict(judge: Judge, harrow_index):
    """``verdict(text)``: the verdict on the one checkworthy sentence of ``text``."""

    def run(claim: str) -> Verdict:
        doc = extract.statement_from_text(claim, "test")
        sentences = extract.sentences(doc, lexicon.default())
        context = judge.context([s.text for s in sentences])
        verdicts = [judge.verdict(s, harrow_index, context) for s in sentences]
        judged = [v for v in verdicts if v.label is not None]
        assert len(judged) == 1, f"expected one checkworthy sentence in {claim!r}: {verdicts}"
        return judged[0]

    return run


def _deciding(v: Verdict):
    return [step for step in v.steps if step.outcome is v.label]


def _table_row(harrow_index, word: str) -> tuple[str, str]:
    """The judgement-table row whose area mentions ``word``, with its grade."""
    rows = [(row, grade) for row, grade in harrow_index.report.grades if word in row.lower()]
    assert len(rows) == 1, harrow_index.report.grades
    return rows[0]


def assert_well_formed(v: Verdict, index) -> None:
    """What every verdict owes a reader: sorted scores in [0, 1], quotes where they say,
    and steps that replay to the label."""
    assert 0.0 <= v.confidence <= 1.0
    scores = [ev.score for ev in v.evidence]
    assert all(0.0 <= s <= 1.0 for s in scores), scores
    assert scores == sorted(scores, reverse=True), "evidence is not best first"
    for ev in v.evidence:
        unit = index.report.unit(ev.unit)
        assert unit.text[ev.quote_start : ev.quote_end] == ev.quote
    outcomes = [step.outcome for step in v.steps]
    assert v.label in outcomes, "no step points to the verdict"
    assert decide(v.steps) is v.label, "the steps do not replay to the label"
    assert v.explanation


# --- contradicted ------------------------------------------------------------------------------


def test_wrong_grade_for_an_area_is_contradicted_by_the_table(verdict, harrow_index) -> None:
    v = verdict("Harrow was rated good for leadership.")
    assert v.label is Label.CONTRADICTED
    row, grade = _table_row(harrow_index, "leaders")
    steps = [s for s in _deciding(v) if s.axis == "grade"]
    assert steps and steps[0].unit == "judgements"
    assert "good" in steps[0].claim_words.lower() and "leader" in steps[0].claim_words.lower()
    assert steps[0].evidence_words == row
    assert grade in steps[0].note
    assert v.evidence[0].unit == "judgements"
    assert grade in v.evidence[0].quote
    assert_well_formed(v, harrow_index)


def test_wrong_overall_grade_is_contradicted(verdict, harrow_index) -> None:
    v = verdict("Harrow's children's services were rated requires improvement overall.")
    assert v.label is Label.CONTRADICTED
    _, grade = _table_row(harrow_index, "overall")
    step = next(s for s in _deciding(v) if s.axis == "grade")
    assert step.unit == "judgements"
    assert "requires improvement" in step.claim_words.lower()
    assert grade in step.note
    assert_well_formed(v, harrow_index)


def test_universal_claim_against_exceptions_is_contradicted(verdict, harrow_index) -> None:
    v = verdict("Every care leaver has a personal adviser.")
    assert v.label is Label.CONTRADICTED
    units = {ev.unit for ev in v.evidence}
    for step in _deciding(v):
        assert step.unit in units
        assert "care leavers" in harrow_index.report.unit(step.unit).section
    assert_well_formed(v, harrow_index)


def test_universal_claim_names_its_quantifier(verdict) -> None:
    v = verdict("Every care leaver has a personal adviser.")
    assert any("every" in s.claim_words.lower() for s in _deciding(v))


def test_contradiction_by_negation_names_words_on_both_sides(verdict) -> None:
    v = verdict("Young people leaving care are well supported into education and employment.")
    assert v.label is Label.CONTRADICTED
    assert all(s.claim_words and s.evidence_words for s in _deciding(v))


def test_wrong_direction_of_change_is_contradicted(verdict, harrow_index) -> None:
    v = verdict("Services for care leavers have improved since 2020.")
    assert v.label is Label.CONTRADICTED
    steps = [s for s in _deciding(v) if s.axis == "polarity"]
    assert steps, v.steps
    assert steps[0].claim_words == "improved"
    assert "deteriorat" in steps[0].evidence_words
    assert steps[0].evidence_words in harrow_index.report.unit(steps[0].unit).text
    assert_well_formed(v, harrow_index)


def test_paraphrased_wrong_direction_is_contradicted(verdict) -> None:
    v = verdict(
        "The quality of support for young people leaving care has got better since the "
        "last inspection."
    )
    assert v.label is Label.CONTRADICTED


def test_outstanding_for_an_inadequate_area_is_contradicted(verdict, harrow_index) -> None:
    v = verdict("Care leavers were judged outstanding by Ofsted.")
    assert v.label is Label.CONTRADICTED
    _, grade = _table_row(harrow_index, "care leavers")
    step = next(s for s in _deciding(v) if s.axis == "grade")
    assert "outstanding" in step.claim_words.lower() and grade in step.note
    assert_well_formed(v, harrow_index)


# --- supported ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "area", "grade_word"),
    [
        ("Ofsted rated Harrow inadequate overall.", "overall", "inadequate"),
        ("Children in care were judged good.", "children in care", "good"),
    ],
)
def test_right_grade_is_supported_by_the_table(
    verdict, harrow_index, claim, area, grade_word
) -> None:
    v = verdict(claim)
    assert v.label is Label.SUPPORTED
    row, grade = _table_row(harrow_index, area)
    step = next(s for s in _deciding(v) if s.axis == "grade")
    assert step.unit == "judgements" and step.evidence_words == row
    assert grade_word in step.claim_words.lower()
    assert v.evidence[0].unit == "judgements" and grade in v.evidence[0].quote
    assert_well_formed(v, harrow_index)


def test_finding_the_report_makes_is_supported_with_its_paragraph(verdict, harrow_index) -> None:
    v = verdict("Children in care have their health needs well met.")
    assert v.label is Label.SUPPORTED
    step = _deciding(v)[0]
    assert step.unit == v.evidence[0].unit
    assert "health" in harrow_index.report.unit(step.unit).text
    assert_well_formed(v, harrow_index)


# --- softened ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "mild"),
    [
        (
            "Ofsted judged Harrow inadequate overall because support for care leavers was "
            "sometimes patchy.",
            "patchy",
        ),
        ("Pathway plans for care leavers are an area to develop.", "area to develop"),
        ("Support for care leavers was a little inconsistent.", "inconsistent"),
    ],
)
def test_milder_words_for_a_bad_finding_are_softened(verdict, harrow_index, claim, mild) -> None:
    v = verdict(claim)
    assert v.label is Label.SOFTENED
    steps = _deciding(v)
    assert any(mild in s.claim_words for s in steps), steps
    for step in steps:
        unit = harrow_index.report.unit(step.unit)
        assert step.evidence_words.lower() in (unit.text.lower() + " " + unit.grade)
    assert_well_formed(v, harrow_index)


# --- unverified --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "word"),
    [
        ("The council has set aside £3 million for children's services.", "million"),
        ("The council has set aside £300,000 for children's services.", "£"),
        ("The council put an extra 10 million pounds a year into children's social care.",
         "million"),
        ("The Local Government Ombudsman upheld two complaints against the council.", "ombudsman"),
        ("The Conservatives won the council elections in May.", ""),
    ],
)
def test_topics_outside_an_inspection_are_unverified(verdict, harrow_index, claim, word) -> None:
    v = verdict(claim)
    assert v.label is Label.UNVERIFIED
    assert v.evidence == ()
    step = _deciding(v)[0]
    assert step.claim_words and step.claim_words.lower() in claim.lower()
    if word:
        assert word in step.claim_words.lower()
    assert_well_formed(v, harrow_index)


def test_a_grade_given_as_the_reports_decides_beside_an_outside_topic(verdict, harrow_index
                                                                      ) -> None:
    v = verdict("Scrutiny ended in an Ofsted judgement of inadequate and an improvement notice.")
    assert v.label is Label.SUPPORTED
    assert v.evidence[0].unit == "judgements"
    assert "improvement notice" in v.explanation
    assert_well_formed(v, harrow_index)


def test_a_grade_not_given_as_the_reports_leaves_an_outside_topic_unverified(verdict) -> None:
    # see also test_another_inspection_is_out_of_scope
    v = verdict("The group leader argued budget decisions contributed to the inadequate rating.")
    assert v.label is Label.UNVERIFIED


def test_the_main_clause_decides_over_an_aside_of_equal_label(verdict) -> None:
    v = verdict("Harrow has had significant leadership churn \u2013 including four directors of "
                "children's services \u2013 since 2020.")
    assert len(v.sentence.parts) == 2
    assert v.label is Label.SUPPORTED
    assert v.part == v.sentence.parts[0]


# --- parts, replay -----------------------------------------------------------------------------


def test_sentence_of_two_parts_reports_the_deciding_part(verdict, harrow_index) -> None:
    v = verdict("While children in care were judged good, care leavers were rated outstanding.")
    assert len(v.sentence.parts) == 2
    assert v.label is Label.CONTRADICTED
    assert v.part in v.sentence.parts and "outstanding" in v.part
    assert v.part in v.explanation
    outcomes = {s.outcome for s in v.steps}
    assert {Label.SUPPORTED, Label.CONTRADICTED} <= outcomes, "steps of both parts are kept"
    assert_well_formed(v, harrow_index)


def test_deciding_part_judged_alone_gives_the_same_label(verdict) -> None:
    v = verdict(
        "Harrow was rated good for keeping children safe, but care leavers were rated good too."
    )
    assert v.part in v.sentence.parts
    alone = verdict(v.part[:1].upper() + v.part[1:] + ".")
    assert alone.label is v.label is Label.CONTRADICTED


def test_not_checkworthy_sentence_has_no_label(judge, harrow_index) -> None:
    doc = extract.statement_from_text("Thank you to all our social workers.", "test")
    (sentence,) = extract.sentences(doc, lexicon.default())
    v = judge.verdict(sentence, harrow_index)
    assert v.label is None and v.confidence == 0.0 and v.evidence == () and v.steps == ()


def test_every_verdict_on_the_corpus_replays_from_its_steps(harrow_index) -> None:
    from claimcheck import corpus

    judge = Judge(lexicon.default())
    statements = [d for d in corpus.load().statements() if d.about == "harrow-2025"]
    assert statements
    judged = 0
    for doc in statements:
        sentences = extract.sentences(doc, lexicon.default())
        context = judge.context([s.text for s in sentences])
        for sentence in sentences:
            v = judge.verdict(sentence, harrow_index, context)
            if v.label is None:
                continue
            judged += 1
            assert_well_formed(v, harrow_index)
            if v.sentence.parts:
                assert v.part in v.sentence.parts
    assert judged > 20


def test_event_after_the_report_is_unverified_not_supported(verdict) -> None:
    v = verdict("Harrow has since appointed a new permanent director of children's services.")
    assert v.label is Label.UNVERIFIED
    assert any(s.axis == "time" and s.claim_words == "has since" for s in v.steps)


def test_a_proportion_the_report_never_gives_is_unverified(verdict) -> None:
    v = verdict("Around a third of care leavers are not in education, employment or training.")
    assert v.label is Label.UNVERIFIED
    assert any(s.axis == "quantity" and "third" in s.claim_words for s in v.steps)


def test_ages_are_not_counts(verdict) -> None:
    v = verdict("Homeless 16- and 17-year-olds get no written information about housing.")
    assert v.label is not Label.UNVERIFIED
    assert not any(s.axis == "quantity" for s in v.steps)


def test_another_inspection_is_out_of_scope(verdict) -> None:
    v = verdict("The youth justice service was rated good in a separate inspection.")
    assert v.label is Label.UNVERIFIED


def test_euphemism_for_an_inadequate_area_is_softened(verdict) -> None:
    v = verdict("The council's support for young people leaving care is an area to develop.")
    assert v.label is Label.SOFTENED
    assert any(s.axis == "severity" and s.unit == "judgements" for s in _deciding(v))


def test_narrowing_a_bad_finding_by_one_step_is_softened(verdict) -> None:
    v = verdict("A handful of children in care have seen their social worker change.")
    assert v.label in {Label.SOFTENED, Label.CONTRADICTED}
    assert any(s.axis == "quantity" for s in _deciding(v))


def test_good_news_wider_than_a_qualified_bad_finding_is_softened(verdict) -> None:
    v = verdict("The report said child protection plans have clear contingency plans.")
    assert v.label in {Label.SOFTENED, Label.CONTRADICTED}


def test_since_the_inspection_without_a_year_is_after_the_report(verdict) -> None:
    v = verdict("Since the inspection, the council has opened two new children's homes.")
    assert v.label is Label.UNVERIFIED
    assert any(s.axis == "time" for s in v.steps)


def test_since_an_earlier_dated_event_is_not_after_the_report(verdict) -> None:
    v = verdict("Since the focused visit in March 2023, care leavers' services have deteriorated.")
    assert v.label is Label.SUPPORTED
    assert not any(s.axis == "source" for s in v.steps)


def test_failed_as_a_verb_is_not_the_inadequate_grade(verdict) -> None:
    v = verdict("Leaders failed to recognise the decline in services for care leavers.")
    assert not any(s.axis == "grade" for s in v.steps)


def test_report_year_comes_from_the_inspection_dates(harrow_index) -> None:
    assert harrow_index.report.year == "2025"


def test_bad_news_against_a_plainly_good_finding_is_contradicted(verdict) -> None:
    v = verdict("Inspectors criticised the support for victims of domestic abuse as ineffective.")
    assert v.label is Label.CONTRADICTED
    step = _deciding(v)[0]
    assert step.axis == "polarity" and step.claim_words == "ineffective"
    assert "sensitive" in step.evidence_words


def test_good_news_from_a_mixed_finding_in_an_inadequate_section_is_softened(verdict) -> None:
    # paragraph 36 grants "some" care leavers this, in a section graded Inadequate
    v = verdict("Care leavers benefit from the support of highly committed and caring PAs.")
    assert v.label is Label.SOFTENED


def test_a_euphemism_for_a_serious_failure_is_softened(verdict) -> None:
    v = verdict("Keeping in touch with care leavers could be a bit more consistent.")
    assert v.label is Label.SOFTENED
    assert any("could be a bit more" in s.claim_words for s in _deciding(v))


def test_a_synonym_counts_as_the_word_the_report_uses(verdict) -> None:
    # the report says "caseloads"; "workloads" is the same thing
    v = verdict("Inspectors said social workers' workloads are too high.")
    assert v.label is Label.SUPPORTED
    assert v.evidence[0].unit == "26"


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        # paragraphs 34 and 41 both document care leavers closed to the service
        ("No care leavers have been closed to the service.", {"34", "41"}),
        ("Written information about routes into housing is routinely given to homeless 16- "
         "and 17-year-olds.", {"16"}),
    ],
)
def test_a_claim_the_report_negates_is_contradicted(verdict, claim, unit) -> None:
    v = verdict(claim)
    assert v.label is Label.CONTRADICTED
    assert any(s.axis == "polarity" and s.unit in unit for s in _deciding(v))


def test_a_negation_on_a_word_the_report_never_uses_denies_nothing(verdict) -> None:
    # paragraph 28: children "live in homes that meet their needs"; nothing on unregistered homes
    v = verdict("No children were living in unregistered homes at the time of the inspection.")
    assert v.label is not Label.CONTRADICTED


def _statement(judge: Judge, index, source: str) -> list[Verdict]:
    doc = extract.statement_from_text(source, "test")
    sentences = extract.sentences(doc, lexicon.default())
    return [judge.verdict(s, index, c) for s, c in zip(sentences, judge.contexts(sentences),
                                                    strict=True)]


def test_an_elliptical_claim_takes_its_subject_from_the_claim_before(judge, harrow_index
                                                                     ) -> None:
    second = "Leaders acted immediately to review them all."
    alone = _statement(judge, harrow_index, second)[0]
    after = _statement(judge, harrow_index,
                       "Too many care leavers did not get the support they needed. " + second)[1]
    # on its own "them" could be anyone; after a sentence about care leavers the claim
    # finds the action leaders took for care leavers (paragraph 41)
    assert alone.evidence[0].unit != "41"
    assert after.evidence[0].unit == "41"
    assert_well_formed(after, harrow_index)


def test_a_grade_claim_does_not_lean_on_the_claim_before(judge, harrow_index) -> None:
    claim = "Harrow was rated inadequate overall."
    alone = _statement(judge, harrow_index, claim)[0]
    after = _statement(judge, harrow_index, "Care leavers were let down. " + claim)[1]
    assert [ev.unit for ev in after.evidence] == [ev.unit for ev in alone.evidence]


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The report highlights the good services we generally provide.", Label.SOFTENED),
        ("Inspectors found outstanding services for children across Harrow.", Label.CONTRADICTED),
    ],
)
def test_praise_of_the_whole_service_is_checked_against_the_overall_grade(verdict, claim, label
                                                                          ) -> None:
    # overall Inadequate; two areas Good, none Outstanding
    v = verdict(claim)
    assert v.label is label
    step = _deciding(v)[0]
    assert step.axis == "grade" and step.unit == "judgements"
    assert v.evidence[0].unit == "judgements"


def test_each_part_of_a_joined_claim_is_cited(verdict, harrow_index) -> None:
    v = verdict("Harrow was rated good for children in care, while homeless 16- and 17-year-olds "
                "do not get written information about housing.")
    units = [ev.unit for ev in v.evidence]
    assert "judgements" in units and "16" in units
    assert len(units) <= 3
    assert_well_formed(v, harrow_index)


def test_a_euphemism_beside_a_right_grade_is_still_weighed(verdict) -> None:
    v = verdict("Ofsted rated children in care good, with just the odd care plan to tweak.")
    assert any(s.axis == "grade" and s.outcome is Label.SUPPORTED for s in v.steps)
    assert v.label is Label.SOFTENED


@pytest.mark.parametrize(
    ("sentence", "change", "share"),
    [
        ("The use of agency staff has doubled.", 1, False),
        ("Investment has halved the use of agency staff.", -1, True),
    ],
)
def test_doubling_and_halving_are_changes(judge, sentence, change, share) -> None:
    signals = judge.reader.read(sentence)
    assert signals.change == change
    assert any(n.is_share for n in signals.numbers) is share


def test_mostly_bad_against_mostly_good_is_contradicted(judge, harrow_index) -> None:
    from claimcheck.retrieve import evidence

    claim = "Most care leavers have poor relationships with their PAs."
    quote = "Most care leavers have positive relationships with their PAs."
    found = evidence(claim, harrow_index, judge.lexicons)[0]
    ev = type(found)(found.unit, found.score, quote, 0, len(quote), found.matched)
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    steps = judge._axes(claim, c, e, e, ev, "", harrow_index)
    assert [s.outcome for s in steps] == [Label.CONTRADICTED]
    # without the shared "most" the claim is a narrower reading, not a denial
    quote = "Some care leavers have positive relationships with their PAs."
    e = judge.reader.read(quote)
    ev = type(found)(found.unit, found.score, quote, 0, len(quote), found.matched)
    assert Label.CONTRADICTED not in [s.outcome for s in judge._axes(claim, c, e, e, ev, "",
                                                                     harrow_index)]


def test_a_repeated_sentence_is_judged_once_and_cited_where_it_stands(harrow_index,
                                                                      monkeypatch) -> None:
    """The same sentence in the same context has the same verdict: it is judged once,
    and each copy keeps its own offsets in the statement."""
    from claimcheck.check import Checker, Config

    checker = Checker(Config(use_cache=False))
    line, other = "Care leavers receive a poor service.", "Children in care are safe."
    statement = extract.statement_from_text(f"{line}\n{other}\n{line}\n{other}\n", "s")
    calls: list[str] = []
    real = checker.judge.verdict
    monkeypatch.setattr(checker.judge, "verdict",
                        lambda sentence, *a: calls.append(sentence.text) or real(sentence, *a))
    verdicts = checker.check(statement, harrow_index).verdicts
    assert [v.sentence.start for v in verdicts] == [
        s.start for s in extract.sentences(statement)]
    assert all(statement.text[v.sentence.start:v.sentence.end] == v.sentence.text
               for v in verdicts)
    for words in (line, other):
        copies = [v for v in verdicts if v.sentence.text == words]
        assert len(copies) == 2
        assert len({(v.label, v.explanation, v.evidence) for v in copies}) == 1
    # each copy of the second follows the first: one context, judged once; the first
    # follows nothing, then the second: two contexts, judged twice
    assert calls.count(other) == 1 and calls.count(line) == 2


@pytest.mark.parametrize(("sentence", "good", "bad"), [
    # a phrase that opens with a negator but denies nothing flips nothing
    ("Without exception, social workers are positive about working here.", True, False),
    ("Not only are plans clear, they are reviewed often.", True, False),
    ("Social workers are not positive about working here.", False, True),
    # a trust that runs the service is no finding of trust
    ("The trust runs children's services for the council.", False, False),
    ("Children have trusting relationships with their workers.", True, False),
    # a common evaluative word
    ("Leaders got the self-assessment wrong.", False, True),
    # risk as what is measured is no finding
    ("Staff grade the level of risk to children using the threshold guidance.", False, False),
    # idioms of a workforce that does not stay
    ("Inspectors found a revolving door of senior managers.", False, True),
])
def test_what_reads_as_good_or_bad_news(judge, sentence: str, good: bool, bad: bool) -> None:
    signals = judge.reader.read(sentence)
    assert (signals.direction > 0, signals.direction < 0) == (good, bad), signals


def test_a_denial_in_other_words_is_contradicted(verdict) -> None:
    """The sentence shares the claim's words, but only it says no, and on words the claim
    does not use ("get the services they need" against "do not receive the services
    necessary"): the negation of what the report finds, in other words."""
    v = verdict("Homeless children aged 16 and 17 get the services they need for their "
                "well-being.")
    assert v.label is Label.CONTRADICTED
    assert "in other words" in v.explanation and "“do not”" in v.explanation
    # bad news in the claim agrees with a denial in the report: no contradiction
    v = verdict("Homeless 16 and 17 year olds miss out on services for their well-being.")
    assert v.label is not Label.CONTRADICTED, v.explanation


def test_a_universal_the_sentence_states_itself_has_no_exception(judge, harrow_index,
                                                                  monkeypatch) -> None:
    from claimcheck.retrieve import evidence

    # the sentence alone decides: no exception from the unit's other sentences
    monkeypatch.setattr(judge.quantities, "_exception", lambda *args: "")

    claim = "Without exception, personal advisers are positive about working for Harrow."
    found = evidence(claim, harrow_index, judge.lexicons)[0]
    c = judge.reader.read(claim)
    # the paragraph has bad news elsewhere
    u = judge.reader.read("Some personal advisers do not know young people well.")

    def contradicted(quote: str) -> bool:
        ev = type(found)(found.unit, found.score, quote, 0, len(quote), found.matched)
        e = judge.reader.read(quote)
        steps = judge.quantities.steps(claim, c, e, u, ev, "paragraph 1", harrow_index)
        return Label.CONTRADICTED in [s.outcome for s in steps]

    assert not contradicted("Most personal advisers have manageable caseloads, and all are "
                            "positive.")
    # "most" alone documents exceptions to "without exception"
    assert contradicted("Most personal advisers are positive about working for Harrow.")


def test_the_bulk_of_is_most(judge) -> None:
    assert judge.reader.read("The bulk of children get help quickly.").limited == (
        4, "the bulk of")


def test_every_before_an_age_is_a_group_not_a_rate(judge) -> None:
    read = judge.reader.read
    assert read("Every 16- or 17-year-old who is homeless is told of their rights.").universal
    assert read("All 16 and 17 year olds are offered an assessment.").universal
    # a number of weeks, or of councils, is what "every" measures, not a group it covers
    assert not read("Every 12 weeks, plans for children in care are reviewed.").universal
    assert not read("All 12 district councils attend the partnership.").universal


def test_words_that_allow_no_exception_are_read(judge) -> None:
    read = judge.reader.read
    assert read("Care leavers get help with their mental health straight away.").absolute
    assert read("Young people are made fully aware of their entitlements.").absolute
    assert not read("Care leavers get help with their mental health quickly.").absolute


def test_a_change_in_amount_is_read_with_its_own_clause(judge) -> None:
    amounts = judge.reader.amounts("While staff turnover has decreased, caseloads in some "
                                   "areas have gone up.")
    assert [(d, w) for d, w, _ in amounts] == [(-1, "decreased"), (1, "gone up")]
    assert amounts[0][2] == "staff turnover has decreased"
    assert amounts[1][2] == "caseloads in some areas have gone up"


@pytest.mark.parametrize("sentence", [
    "Some care leavers decline support from their personal adviser.",
    "A small number of children fall through the gaps.",
    "Delays give rise to drift for some children.",
])
def test_idioms_that_hold_a_word_of_amount_give_none(judge, sentence: str) -> None:
    read = judge.reader.read(sentence)
    assert (read.amount, read.change) == (0, 0)
    assert not judge.reader.amounts(sentence)


def test_a_need_to_improve_is_no_improvement(judge) -> None:
    # a euphemism, and the grade's own name, say nothing changed
    assert judge.reader.read("Inspectors found some room for improvement at the front "
                             "door.").change == 0
    assert judge.reader.read("Care leavers: requires improvement to be good").change == 0
    assert judge.reader.read("Practice at the front door has improved.").change == 1
    # a wish for better is no change found
    assert judge.reader.read("Their homes could be a bit better.").change == 0
    assert judge.reader.read("Their homes are better.").change == 1
    # ... and so is improving named as a task
    assert judge.reader.read("Improving its homes is now a priority.").change == 0
    assert judge.reader.read("Leaders are committed to strengthening early help.").change == 0
    assert judge.reader.read("Early help is strengthening.").change == 1
    assert judge.reader.read("There is clear evidence of improving practice.").change == 1
    assert judge.reader.read("Inspectors saw evidence of worsening practice.").change == -1


def test_most_before_a_sentence_adverb_is_no_quantifier(judge) -> None:
    read = judge.reader.read
    assert read("Most importantly, care leavers described their plans as "
                "meaningless.").limited is None
    assert read("Most care leavers described their plans as meaningless.").limited == (
        4, "most")


def test_what_self_knowledge_covers_is_no_finding_of_weakness(judge) -> None:
    read = judge.reader.read
    known = read("Leaders know the strengths and weaknesses of their service well.")
    assert not known.negative and not known.severity
    assert read("Inspectors found weaknesses in the service.").direction < 0


def test_an_age_by_birthday_is_no_count(judge) -> None:
    assert not judge.reader.read("Help carries on past their 25th birthday.").numbers


def test_getting_weaker_is_a_decline(judge) -> None:
    assert judge.reader.read("Support has been getting weaker.").change == -1
    assert judge.reader.read("Oversight has become stronger.").change == 1


def test_a_grade_before_a_clause_about_the_last_inspection_is_today_s(judge) -> None:
    mentions = judge.book.mentions("Ofsted rated the service inadequate, with inspectors "
                                   "concluding it has declined since the last inspection.",
                                   "2024")
    assert [(m.grade_words, m.past) for m in mentions] == [("inadequate", False)]
    # a grade in the clause that speaks of the past is the earlier inspection's
    mentions = judge.book.mentions("The service is rated good, up from requires improvement "
                                   "at the last inspection.", "2024")
    assert sorted((m.grade_words, m.past) for m in mentions) == [
        ("good", False), ("requires improvement", True)]


@pytest.mark.parametrize(("claim", "grade"), [
    ("Ofsted judged care leavers' services to be good rather than outstanding.", "good"),
    ("Ofsted rated the service requires improvement, not inadequate.",
     "requires improvement"),
    ("Inspectors graded it good instead of outstanding.", "good"),
])
def test_a_grade_after_a_denial_is_not_the_claim_s(judge, claim, grade) -> None:
    assert [m.grade_words for m in judge.book.mentions(claim, "2024")] == [grade]


def test_a_move_from_one_grade_to_another_dates_each(judge) -> None:
    # a year between the two grades dates the first; the second is today's
    mentions = judge.book.mentions("Services have slipped from good at the 2019 inspection "
                                   "to requires improvement now.", "2024")
    assert sorted((m.grade_words, m.past) for m in mentions) == [
        ("good", True), ("requires improvement", False)]
    # a move of the earlier inspection's own is past at both ends
    mentions = judge.book.mentions("The previous inspection, in 2019, moved the council "
                                   "from inadequate to requires improvement.", "2024")
    assert {m.past for m in mentions} == {True}
    # with no other rating word, the move itself makes the words grades
    assert judge.book.mentions("The council has moved up from good to outstanding.", "2024")
    # ... but a range is no move
    assert not judge.book.mentions("The quality of social work ranges from good to "
                                   "outstanding.", "2024")
    # of a chain of moves the last is today's
    mentions = judge.book.mentions("The council went from inadequate in 2018 to requires "
                                   "improvement in 2021 to good now.", "2024")
    assert [m.grade_words for m in mentions if not m.past] == ["good"]
    # an area's grade is the one it moved to
    mentions = judge.book.mentions("Help and protection has moved from good to "
                                   "outstanding.", "2024")
    assert [(m.area, m.grade_words, m.past) for m in mentions] == [
        ("help_and_protection", "outstanding", False)]


def test_holding_on_to_a_grade_speaks_of_today_too(judge) -> None:
    assert judge.book.continuing("The council has held on to the outstanding rating it won "
                                 "in 2019.")
    assert judge.book.continuing("The council has retained its good rating.")
    assert not judge.book.continuing("The inspection held in 2019 rated it good.")
    # "retain" with no grade after it keeps staff, not a grade
    assert not judge.book.continuing("Rated inadequate in 2019, the council has struggled to "
                                     "retain experienced social workers.")


@pytest.mark.parametrize("sentence", [
    "The last full inspection of children's services, in 2019, judged all services good.",
    "At the previous ILACS inspection services were rated good.",
])
def test_a_report_sentence_on_the_earlier_inspection_may_put_words_between(
        judge, sentence) -> None:
    assert judge.book.speaks_of_earlier(sentence.lower())
    assert not judge.book.speaks_of_earlier("the inspection found good practice.")
    # "prior to the inspection" is this inspection
    assert not judge.book.speaks_of_earlier("leaders knew this prior to the inspection.")


def test_a_grade_changed_since_the_report_is_unverified(verdict) -> None:
    # Harrow's report grades overall effectiveness inadequate; a later upgrade is another
    # inspection's, which this report neither confirms nor denies
    v = verdict("Harrow's children's services have since been upgraded to 'good' by Ofsted.")
    assert v.label is Label.UNVERIFIED
    assert "later inspection" in v.explanation
    # a change of grade before the words that place the claim after the report is this
    # report's grade, and wrong
    v = verdict("Harrow was upgraded to good by Ofsted in 2025 and has since recruited "
                "more social workers.")
    assert v.label is Label.CONTRADICTED
    # the report's own grade, wrongly given, is still contradicted
    assert verdict("Ofsted rated Harrow's children's services good.").label is (
        Label.CONTRADICTED)


@pytest.mark.parametrize("claim", [
    "A few children came into care later than would be ideal.",
    "Some children have had their social worker change more often than they should.",
    "Assessments take longer than necessary.",
])
def test_a_norm_overstepped_is_bad_news(judge, claim) -> None:
    assert judge.reader.read(claim).direction < 0


def test_a_quantifier_counts_the_words_after_it(judge) -> None:
    group = judge.quantities.group_of
    assert "area" in group("Ofsted picked out a small number of areas to work on.",
                           "a small number")
    assert "=care_leaver" in group("Only a minority of young people leaving care know "
                                   "their rights.", "a minority")
    assert group("Most are in work or training.", "most") == set()
    # "all" is a word, not part of "small"
    assert "child" in group("A small team sees all children quickly.", "all")


def test_opposite_ends_of_two_other_groups_are_no_contradiction(judge) -> None:
    r = judge.reader
    claim = "Some foster carers had a few worries about changes to their allowances."
    quote = "The vast majority of care leavers live in suitable, safe accommodation."
    assert judge.quantities.opposite_ends(r.read(claim), r.read(quote)) is not None
    assert judge.quantities.opposite_ends(r.read(claim), r.read(quote), claim, quote) is None
    claim = "Only a minority of young people leaving care know their rights."
    quote = "The majority of care leavers understand their rights and entitlements."
    assert judge.quantities.opposite_ends(r.read(claim), r.read(quote), claim, quote)


@pytest.mark.parametrize("claim", [
    "Leaders have resolved the delays in strategy meetings.",
    "Managers sorted out the drift in children's plans.",
    "Leaders have rectified the problems found in 2019.",
])
def test_a_verb_that_undoes_a_harm_makes_it_no_bad_news(judge, claim) -> None:
    assert judge.reader.read(claim).direction >= 0
    assert judge.reader.read(claim).positive


def test_quick_fixes_are_no_harm_undone(judge) -> None:
    assert judge.reader.read("Leaders have relied on quick fixes for poor practice.").direction < 0


def test_a_sentence_that_gives_both_sides_of_a_finding_is_supported(judge) -> None:

    quote = ("Social workers report that supervision is regular and reflective, but the "
             "written supervision records do not always reflect this.")
    good = "Social workers say their supervision is regular and reflective."
    aligned = Evidence("48", 0.9, quote, 0, len(quote), ("supervis", "regular"))
    step = judge._conceded(good, judge.reader.read(good), aligned, "paragraph 48")
    assert step and step[0].outcome is Label.SOFTENED  # the good side only
    judged = [(Label.SOFTENED, (aligned,), tuple(step), "Softened."),
              (Label.UNVERIFIED, (), (), "Unverified.")]
    both = judge._both_sides([good, "but the notes on file don't always show it"], judged)
    assert both[0][0] is Label.SUPPORTED
    assert "both sides" in both[0][3]
    # a second part with no bad side of its own, or another bad side, leaves the good side
    # only
    for other in ("and managers are visible", "and no family has ever complained about it",
                  "while the council has not yet agreed its budget"):
        assert judge._both_sides([good, other], judged)[0][0] is Label.SOFTENED, other


def test_none_undone_by_a_second_negative_is_all(judge) -> None:
    r = judge.reader
    claim = "There is no care leaver in the borough without a pathway plan."
    assert r.read(claim).quantifiers == ((5, "no care leaver"),)
    assert not r.negation(claim)  # a double negative denies nothing
    assert r.read("No child was seen late.").limited == (0, "no child")
    assert r.negation("No child was seen by a social worker.")
    assert r.read("No child was left ‘without’ a plan.").quantifiers == ((5, "no child"),)
    # "without" far off, in another clause, or after another verb undoes nothing
    for sentence in ("No child was seen, leaving many without help.",
                     "No assessments were completed for children without a social worker."):
        assert r.read(sentence).quantifiers[0][0] == 0, sentence
        assert r.negation(sentence)
    # nor does it undo a denial that is not "no": "not routinely available ... without"
    assert r.negation("Advice is not routinely available, so decisions are made without "
                      "full information.")


@pytest.mark.parametrize(("claim", "quote", "same"), [
    ("Conferences were held a little late.", "A small number of conferences are held "
     "slightly late.", True),
    ("Written plans could still be made more consistent.", "The quality of written plans "
     "could be further improved.", True),
    # a wish against a diminisher is another way of making it small
    ("Written plans could be clearer.", "Conferences are held slightly late.", False),
    # a small-making word against an intensifier is no framing of the same kind
    ("Access to dental checks is something of a challenge.", "Dental checks are even more "
     "challenging.", False),
    ("Conferences were held a little late.", "Conferences are held late.", False),
])
def test_a_report_that_frames_it_small_the_same_way(judge, claim, quote, same) -> None:
    f = judge.framing
    cues = f.cues(claim)
    assert cues
    assert f.same_kind(cues[0], f.cues(quote)) is same


@pytest.mark.parametrize(("claim", "framed"), [
    ("Caseloads were described as a little on the high side.", True),
    ("Caseloads are a bit high in one team.", True),
    ("Caseloads are a little on the heavy side.", True),
    ("The wait for an assessment was a touch long at times.", False),  # "long" alone is no fault
    ("The visit took just long enough.", False),
])
def test_a_diminished_high_is_framing(judge, claim, framed) -> None:
    assert bool(judge.framing.cues(claim)) is framed


def test_a_euphemism_against_a_report_that_wishes_for_more_is_softened(judge) -> None:

    r = judge.reader
    quote = "Written safety plans are developed; however, some could be clearer for parents."
    claim = "Written safety plans are in place, and inspectors suggested only cosmetic changes."
    ev = Evidence("7", 0.9, quote, 0, len(quote), ("safeti", "plan"))
    steps = judge._extent(claim, r.read(claim), r.read(quote), r.read(quote), ev,
                          "paragraph 7", "only cosmetic")
    assert steps and steps[0].outcome is Label.SOFTENED
    # a wish against a wish is the report's own framing
    steps = judge._extent("Some safety plans could be a bit clearer.", r.read(claim),
                          r.read(quote), r.read(quote), ev, "paragraph 7", "could be a bit clearer")
    assert not steps or steps[0].axis != "framing"


def test_a_little_extra_is_a_wish_for_more(judge) -> None:
    assert judge.framing.cues("A few care leavers might benefit from a little extra support.")


def test_a_wish_for_more_is_no_good_side(judge) -> None:

    quote = ("The quality of written plans could be further improved, but this was not "
             "having an adverse impact on progress for children.")
    claim = "Written plans could still be made more consistent across teams."
    aligned = Evidence("9", 0.9, quote, 0, len(quote), ("plan", "written"))
    assert judge._conceded(claim, judge.reader.read(claim), aligned, "paragraph 9") == []


def test_only_a_few_against_many_is_the_other_end(judge) -> None:
    r, q = judge.reader, judge.quantities
    quote = "Many more children are now benefiting from early help within family hubs."
    only = "Only a handful of children have benefited from early help in family hubs."
    plain = "A handful of children have benefited from early help in family hubs."
    assert q.opposite_ends(r.read(only), r.read(quote), only, quote)
    assert q.opposite_ends(r.read(plain), r.read(quote), plain, quote) is None


def test_a_sentence_that_admits_a_weakness_does_not_deny_a_negated_claim(judge) -> None:

    quote = ("Senior leaders know there is more to do to improve the management of contacts "
             "within the front door.")
    claim = "Senior leaders do not have a full picture of how the front door manages contacts."
    aligned = Evidence("s1", 0.9, quote, 0, len(quote), ("leader", "contact"))
    step = judge._not_the_same(claim, judge.reader.read(claim), aligned)
    assert step is None or step.outcome is not Label.CONTRADICTED
    plain = "Senior leaders know how well the front door manages contacts."
    aligned = Evidence("s1", 0.9, plain, 0, len(plain), ("leader", "contact"))
    step = judge._not_the_same(claim, judge.reader.read(claim), aligned)
    assert step is not None and step.outcome is Label.CONTRADICTED


def test_patchy_is_bad_news_not_a_euphemism(judge) -> None:
    claim = "Inspectors found patchy provision for disabled children."
    assert judge.reader.read(claim).direction < 0
    assert not judge.euphemisms.find(text.lemmas(claim))
    # made small by a diminisher, it is framing still
    assert judge.framing.cues("Supervision records are a little patchier than ideal.")


def test_the_plain_side_may_use_the_negation_s_own_word(judge) -> None:
    negated = "The leadership team knows what still needs to be strengthened."
    negation = judge.reader.negation(negated)
    assert negation
    assert judge._says_it_too(negated, "Leaders understand what needs strengthening.",
                              negation)
    # "needs" the noun, with other words after it, is not the negation's verb
    assert not judge._says_it_too(negated, "Children's identity needs and wishes are "
                                  "strengthened.", negation)


def test_a_hedge_after_a_form_of_be_is_still_a_hedge(judge) -> None:
    # "had not been fully aware" is the limit "were not fully aware" is, not a denial
    assert not judge.reader.negation("Leaders had not been fully aware of the shortfalls.")
    assert judge.reader.hedged_negation("Leaders had not been fully aware of the shortfalls.")
    assert judge.reader.negation("Leaders had not been aware of the shortfalls.")


def test_a_praising_word_after_a_word_of_degree_is_no_grade(judge) -> None:
    assert not judge.book.mentions("Families are still not getting consistently good "
                                   "services, Ofsted finds.")
    assert judge.book.mentions("Ofsted rated the council's services good.")


def test_an_aim_of_the_report_neither_denies_nor_confirms(judge) -> None:

    aim = "Their aspiration is to ensure that every child receives good services."
    claim = "Every child receives good services."
    aligned = Evidence("49", 0.9, aim, 0, len(aim), ("child", "servic"))
    step = judge._not_the_same(claim, judge.reader.read(claim), aligned)
    assert step is not None and step.outcome is Label.UNVERIFIED
    # an aim in a relative clause is part of a finding
    assert not judge._aim("The team, which aims to keep families together, is effective.")
    # a plan confirms no claim that it was done, but does one that speaks of the plan
    plan = "The local authority is about to open a hub for care leavers."
    assert judge._aim(plan, "The council has now opened its hub for care leavers.")
    assert not judge._aim(plan, "A hub for care leavers is about to open.")
    assert not judge._aim(plan, "A hub for care leavers will open soon.")


def test_a_grade_for_every_one_of_the_areas_is_read_beside_the_overall_grade(judge) -> None:
    claim = "The council was rated good overall and good in every one of the four areas."
    assert judge.book.some_areas(claim) == "all"
    assert sorted(m.area for m in judge.book.mentions(claim)) == ["", "overall"]


def test_the_same_month_in_another_year_is_another_date(judge) -> None:
    quote = ("In February 2022, a new chief executive was appointed, followed by a new "
             "director in June 2023.")
    claim = "A new chief executive came in February 2022 and a new director in June 2022."
    assert judge._other_date(claim, quote) == ("June 2022", "June 2023")
    assert judge._other_date("A new director arrived in June 2023.", quote) is None
    # another event in the same month of another year is no other date for this one
    assert judge._other_date("The board was set up in June 2022.",
                             "The board, set up in 2022, meets monthly, and a new director "
                             "arrived in June 2023.") is None


@pytest.mark.parametrize(("claim", "back"), [
    ("Since July 2024, care leavers have had access to the board.", False),
    ("Since March 2024, care leavers have had access to the board.", True),
    ("Since the inspection in 2020, care leavers have had access to the board.", True),
    ("Since 2025, care leavers have had access to the board.", False),
    ("Since Ofsted's previous inspection, care leavers have had access to the board.", True),
])
def test_since_a_month_after_the_visit_is_after_the_report(claim: str, back: bool) -> None:
    from claimcheck import judge as judge_module
    from claimcheck.types import Document, Kind, Report

    report = Report(Document("r", Kind.REPORT, "r.txt", ""), (), dates="10 to 14 June 2024")
    tokens = text.words(claim)
    at = next(i for i, t in enumerate(tokens) if t.norm == "since")
    phrase = " ".join(t.norm for t in tokens[at : at + 2])
    earlier = Judge(lexicon.default()).earlier  # time.toml [previous] earlier
    assert judge_module._looks_back(phrase, tokens[at + 2 : at + 9], report, earlier) is back


def test_a_length_of_time_against_another_length(judge) -> None:
    quote = "A three-year programme to find homes for children in care has ended."
    assert judge._other_length("The programme ran for five years.", quote) == (
        "five years", "three-year")
    assert judge._other_length("The programme ran for three years.", quote) is None
    # lengths in other units are compared in days: a fortnight is not eight days, but it is
    # two weeks, and 36 months are three years
    check = "Chairs have an eight-day check-in with workers."
    assert judge._other_length("Chairs check in a fortnight into an enquiry.", check) == (
        "a fortnight", "eight-day")
    assert judge._other_length("Chairs check in a fortnight later.", "a two-week check") is None
    assert judge._other_length("The programme ran for 36 months.", quote) is None
    # a rate, a name or "year-on-year" is no length, and "a year" is one only where a word
    # takes it; a sentence giving a length the claim gives too measures the others apart
    assert not judge._lengths("Visits twice a year, 24 hours a day, year-on-year, at a day "
                              "centre, over the course of a year.")
    assert judge._other_length("It has supported families for two years with 12-week "
                               "packages.", "It has run for two years with 12-week packages."
                               ) is None
    # a limit, a rate, an age or a time ago is no length
    assert not judge._lengths("Assessments are completed within six weeks, reviewed every "
                              "six months, for children aged 16.")
    assert not judge._lengths("Help for homeless 16- and 17-year-olds is variable.")
    assert not judge._lengths("It began two years ago, for a two-year-old, over the past two "
                              "years, twenty-five years on, after 2.5 years.")


def test_not_just_adds_and_denies_nothing(judge) -> None:
    sentence = "Children's views are not just listened to but help shape services."
    assert not judge.reader.negation(sentence)
    assert not judge.reader.hedged_negation(sentence)
    assert judge.reader.negation("Children's views are not listened to.")


def test_struggling_to_do_a_thing_denies_it(judge) -> None:
    assert judge.reader.negation("The service is struggling to get help to families quickly.")


@pytest.mark.parametrize(("claimed", "reported", "clash"), [
    (("about", 90), ("exact", 9), True),  # "around ninety" against "nine"
    (("about", 90), ("exact", 100), False),
    (("about", 20), ("more", 130), True),
    (("about", 150), ("more", 130), False),
    (("exact", 40), ("about", 30), True),
    (("about", 40), ("about", 45), False),
    (("more", 100), ("exact", 90), True),
    (("exact", 40), ("exact", 24), False),  # exact against exact is the caller's to weigh
])
def test_figures_that_cannot_both_be_true(claimed, reported, clash) -> None:
    assert quantity_axis.incompatible(*claimed, *reported) is clash


def test_a_grade_claim_with_a_universal_finding_is_checked_on_the_finding(verdict) -> None:
    """The grade is right, but "all care leavers are reminded of their rights" is a finding
    of its own, and the report documents exceptions."""
    v = verdict("Ofsted rated the care leavers service inadequate and found that all care "
                "leavers are reminded of their rights.")
    assert v.label is Label.CONTRADICTED
    assert any(s.axis == "quantity" and s.outcome is Label.CONTRADICTED for s in v.steps)
    # "every area" is the grade's own extent, not a finding beyond it
    v = verdict("Ofsted rated every area of Harrow's children's services inadequate.")
    assert not any(s.axis == "quantity" for s in v.steps), v.steps


def test_a_point_to_improve_is_a_weakness_however_it_is_worded(judge, harrow_index) -> None:
    unit = harrow_index.report.unit("improve-4")
    claim = "The quality of pathway plans could be a touch more consistent."
    ev = type(evidence_of(judge, claim, harrow_index))(
        "improve-4", 0.7, unit.text, 0, len(unit.text), ("pathway",))
    e = judge.reader.read(unit.text)
    assert e.direction == 0  # "The quality and accessibility of pathway plans ..."
    steps = judge._extent(claim, judge.reader.read(claim), e, e, ev, "improvement 4",
                          "could be a touch more")
    assert [s.outcome for s in steps] == [Label.SOFTENED]


def test_an_exception_for_a_few_is_no_denial(judge) -> None:
    """"For a small number of children, families do not receive help" does not deny that
    most families get help: the claim is not contradicted in other words (and one without an
    extent of its own is wider than the report)."""

    claim = "Most families whose cases reach the hub receive help matched to their needs."
    quote = ("For a small number of children, thresholds are inconsistently applied, so that "
             "families do not receive help that is reflective of their needs.")
    aligned = Evidence("2", 0.6, quote, 0, len(quote), ("famili", "receiv", "help"))
    assert judge._not_the_same(claim, judge.reader.read(claim), aligned) is None
    # without an extent of its own, the claim is wider than the report: softened, not denied
    claim = "Families whose cases reach the hub receive help matched to their needs."
    step = judge._not_the_same(claim, judge.reader.read(claim), aligned)
    assert step is not None and step.outcome is Label.SOFTENED
    quote = "Families do not receive help that is reflective of their needs."
    aligned = Evidence("2", 0.6, quote, 0, len(quote), ("famili", "receiv", "help"))
    step = judge._not_the_same(claim, judge.reader.read(claim), aligned)
    assert step is not None and step.outcome is Label.CONTRADICTED


def evidence_of(judge, claim: str, index):
    from claimcheck.retrieve import evidence

    return evidence(claim, index, judge.lexicons)[0]


def test_a_denied_bad_word_is_good_news_and_no_severe_finding(judge) -> None:
    signals = judge.reader.read("Children placed out of area do not receive a diminished "
                                "service.")
    assert signals.direction > 0 and signals.severity == 0, signals


def test_no_child_is_none_of_the_group_against_a_few(judge, harrow_index) -> None:
    claim = "No child has been left in a harmful situation because of delays."
    c = judge.reader.read(claim)
    assert c.limited == (0, "no child")
    quote = ("A small number of children have experienced delay, leaving them in harmful "
             "situations for too long.")
    e = judge.reader.read(quote)
    ev = type(evidence_of(judge, claim, harrow_index))("10", 0.6, quote, 0, len(quote), ())
    steps = judge.quantities.steps(claim, c, e, e, ev, "paragraph 10", harrow_index)
    assert Label.CONTRADICTED in [s.outcome for s in steps]


@pytest.mark.parametrize(("claim", "quote", "label", "axis"), [
    # the sentence limits what the claim says without limit
    ("Disabled children get the support they need when they need it.",
     "The needs of disabled children are not consistently well met.", Label.SOFTENED,
     "qualifier"),
    # the same event in another year
    ("The director of children's services was appointed in 2022 and reviewed the service.",
     "The director of children's services was appointed in 2021 and reviewed the service.",
     Label.CONTRADICTED, "time"),
])
def test_a_sentence_on_the_claims_words_that_does_not_say_the_same(
        judge, claim: str, quote: str, label: Label, axis: str) -> None:

    aligned = Evidence("14", 0.6, quote, 0, len(quote), ("disabl", "child", "director"))
    step = judge._not_the_same(claim, judge.reader.read(claim), aligned)
    assert step is not None and (step.outcome, step.axis) == (label, axis), step
    # the same sentence without the limit or with the same year says the same
    plain = quote.replace("not consistently ", "").replace("2021", "2022")
    aligned = Evidence("14", 0.6, plain, 0, len(plain), aligned.matched)
    assert judge._not_the_same(claim, judge.reader.read(claim), aligned) is None


def test_improvement_work_is_no_change(judge) -> None:
    assert judge.reader.read("Partners could play a bigger part in improvement work.").change == 0
    assert judge.reader.read("Partnership work has improved.").change == 1


def test_a_count_after_of_is_a_count(judge) -> None:
    numbers = judge.reader.read("The plan includes the recruitment of two psychologists.").numbers
    assert [n.value for n in numbers] == [2.0]
    # an age still is not
    assert not judge.reader.read("Support continues to the age of 25.").numbers


@pytest.mark.parametrize(("sentence", "bad"), [
    ("Strategy meetings are held in timescales that match the risk to each child.", False),
    ("Some children are left at risk of harm for too long.", True),
])
def test_risk_is_a_finding_only_when_children_are_left_in_it(judge, sentence, bad) -> None:
    assert (judge.reader.read(sentence).direction < 0) is bad


@pytest.mark.parametrize("sentence", [
    "Where practice is stronger, plans are clear and reviewed often.",
    "In the best examples, plans are clear and reviewed often.",
    "The effectiveness of visits is mixed, with better visits engaging children.",
])
def test_a_finding_confined_to_the_cases_it_names_is_of_some(judge, sentence) -> None:
    assert judge.reader.read(sentence).limited[0] == 2


def test_a_sentence_about_the_same_thing_in_another_year_contradicts(judge) -> None:

    claim = "The council was issued with a section 114 notice in December 2020."
    quote = "The council was the subject of a section 114 notice in December 2021."
    ev = Evidence("44", 0.6, quote, 0, len(quote), ("section", "114", "notic"))
    steps = judge._other_year(claim, ev, "paragraph 44")
    assert [(s.axis, s.outcome) for s in steps] == [("time", Label.CONTRADICTED)]
    same = quote.replace("2021", "2020")
    ev = Evidence("44", 0.6, same, 0, len(same), ev.matched)
    assert judge._other_year(claim, ev, "paragraph 44") == []


def test_an_understated_plain_extent_is_not_the_same(judge, harrow_index) -> None:
    """Neither side calls it good or bad news, but "a small number" against "a
    significant number" of the same thing is not what the report says."""

    claim = "Only a small number of children were referred more than once."
    quote = "A significant number of children experience repeated contacts and referrals."
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    assert c.direction == 0 and e.direction == 0
    ev = Evidence("3", 0.6, quote, 0, len(quote), ("child", "referr"))
    steps = judge.quantities.steps(claim, c, e, e, ev, "paragraph 3", harrow_index)
    assert Label.CONTRADICTED in [s.outcome for s in steps]


def test_nothing_is_a_negation(judge) -> None:
    assert judge.reader.negation("The visit found nothing that needed priority action.")


@pytest.mark.parametrize(("claim", "dropped", "outcome"), [
    # the claim speaks of them all; the sentence of most: leaving "most" out softens the
    # claim, saying "all" denies the exceptions it implies
    ("Children in care are living in permanent and secure homes.", True, Label.SOFTENED),
    ("All children in care are living in permanent and secure homes.", True,
     Label.CONTRADICTED),
    # a claim of more of them, or of most, drops nothing
    ("More children in care are living in permanent and secure homes.", False, None),
    ("Most children in care are living in permanent and secure homes.", False, None),
])
def test_a_qualifier_the_claim_drops(judge, claim: str, dropped: bool, outcome) -> None:

    quote = "Most children live in homes which are permanent and secure."
    aligned = Evidence("20", 0.6, quote, 0, len(quote), ("child", "home", "perman"))
    step = judge._dropped(claim, judge.reader.read(claim), aligned)
    assert (step is not None) is dropped, step
    if step:
        assert step.outcome is outcome
        assert step.evidence_words == "most"


@pytest.mark.parametrize("word", ["superficial", "cursory", "piecemeal", "disjointed"])
def test_plain_words_of_poor_work_are_bad_news(judge, word: str) -> None:
    assert judge.reader.read(f"Assessments for disabled children are {word}.").direction < 0


def test_a_long_statement_judged_in_forked_processes_is_judged_the_same(harrow_index,
                                                                       monkeypatch) -> None:
    """Thousands of distinct sentences are shared among processes; the verdicts, their
    order and their offsets are those one process gives."""
    from claimcheck import check
    from claimcheck.check import Checker, Config

    lines = [f"Care leavers were seen by {n} personal advisers in {2000 + n}." for n in range(12)]
    lines += ["Children in care are safe.", "Harrow was rated good.",
              "The council will spend £2 million more next year.", "Thank you to our staff."]
    statement = extract.statement_from_text("\n".join(lines * 2), "s")
    one = Checker(Config(use_cache=False, jobs=1)).check(statement, harrow_index)
    monkeypatch.setattr(check, "PARALLEL_MIN", 4)
    forks: list[tuple[int, bool]] = []
    real = Checker._judge_forked

    def counted(self, todo, *args):  # type: ignore[no-untyped-def]
        verdicts = real(self, todo, *args)
        forks.append((len(todo), verdicts is not None))
        return verdicts

    monkeypatch.setattr(Checker, "_judge_forked", counted)
    many = Checker(Config(use_cache=False, jobs=2)).check(statement, harrow_index)
    # sixteen distinct lines, the first twice (after nothing, and after a claim), judged
    # by the workers (not by this process after a failed pool)
    assert forks == [(17, True)]
    assert many.verdicts == one.verdicts


def test_light_words_are_not_what_a_claim_is_about(judge) -> None:
    topic = judge.vocab.topic_terms("Kent stops supporting its care leavers once they reach 21.")
    assert not {"onc", "reach"} & topic and "=care_leaver" in topic


def test_good_news_against_bad_news_with_a_good_word_in_it_is_wider(judge, harrow_index) -> None:
    """"are not consistently advised of their right" is bad news though it holds "right":
    the claim that they are told of it is wider than the report, not the same."""

    claim = "Homeless 16- and 17-year-olds are told they have the right to come into care."
    quote = ("When children aged 16 and 17 years present as homeless, they are not "
             "consistently advised of their right to be looked after.")
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    assert e.direction < 0 and e.positive
    ev = Evidence("16", 0.5, quote, 0, len(quote), ("homeless",))
    steps = judge._positive(claim, c, e, ev, "paragraph 16", "", None)
    assert [s.outcome for s in steps] == [Label.SOFTENED]


def test_the_most_is_a_superlative_not_a_share(judge) -> None:
    assert judge.reader.read("Leaders help the most vulnerable children.").limited is None
    assert judge.reader.read("Leaders help most vulnerable children.").limited == (4, "most")


def test_a_part_that_cannot_decide_does_not_outweigh_the_one_that_does(
        judge, harrow_index, monkeypatch) -> None:
    """A joined claim whose parts are both unverified: the first for want of any finding,
    the second because it speaks of the time after the report though a sentence supports
    it. The sentence replays to unverified: the second part's supporting step is not kept
    to outweigh the first's verdict."""
    from claimcheck.decision import decide
    from claimcheck.types import Sentence, Step

    first = (Label.UNVERIFIED, (), (), "Nothing in the report says so.")
    second = (Label.UNVERIFIED, (), (
        Step("polarity", Label.SUPPORTED, "good", "good", "5", "paragraph 5 finds the same"),
        Step("time", Label.UNVERIFIED, "since", "", "", "after the report", final=True)),
        "What happened after the report is not something it can confirm.")
    results = iter([first, second])
    monkeypatch.setattr(judge, "_claim", lambda *args: next(results))
    sentence = Sentence("s", "A and B.", 0, 8, True, "finding", "", ("A", "B"))
    v = judge.verdict(sentence, harrow_index)
    assert v.label is Label.UNVERIFIED
    assert decide(v.steps) is Label.UNVERIFIED
    assert not any(st.outcome is Label.SUPPORTED for st in v.steps)
def test_the_dropped_qualifier_is_the_one_on_the_claims_subject(judge) -> None:
    """"the majority of care leavers ..., often up to 25": "often" stands on "up to", "the
    majority" on the care leavers the claim speaks of."""

    claim = "Care leavers are supported by their personal advisers until they turn 25."
    quote = ("The majority of care leavers are well supported by their personal advisers, "
             "often up to the age of 25.")
    aligned = Evidence("37", 0.6, quote, 0, len(quote), ("=care_leaver", "=personal_adviser"))
    step = judge._dropped(claim, judge.reader.read(claim), aligned)
    assert step is not None and step.evidence_words == "the majority"


def test_consistently_is_every_time_and_seldom_is_few(judge) -> None:
    assert judge.reader.read("Children are consistently offered an interview.").universal
    assert judge.reader.read("Children are seldom offered an interview.").limited == (
        1, "seldom")
    # denied, it is a limit, as "not always" is
    assert judge.reader.read("Children are not consistently offered an interview.").limited[0] == 2


@pytest.mark.parametrize("claim", [
    "Harrow's children's services budget is set to rise by 8% next year.",
    "Harrow is one of the few councils in the region with plans this clear.",
])
def test_budgets_and_regional_rankings_are_beyond_the_report(verdict, claim: str) -> None:
    v = verdict(claim)
    assert v.label is Label.UNVERIFIED
    assert any(s.axis == "source" for s in v.steps), v.steps


def test_a_plain_condition_confines_nothing_and_not_only_limits_nothing(judge) -> None:
    assert judge.reader.read("Where children are at risk of harm, social workers act "
                             "quickly.").limited is None
    assert judge.reader.hedged_negation("Not only do care leavers know their entitlements, "
                                        "they use them.") == ""


@pytest.mark.parametrize(("claim", "quote"), [
    # the claim gives the sentence's year too
    ("In 2023, two years after the 2021 inspection, leaders strengthened plans.",
     "Since the 2021 inspection, leaders have strengthened plans."),
    # a year after the one a change is measured from agrees with it
    ("In 2023, leaders strengthened plans.", "Since 2021, leaders have strengthened plans."),
])
def test_years_that_agree_are_no_other_date(judge, claim: str, quote: str) -> None:
    assert judge._other_date(claim, quote) is None


def test_seldom_against_consistently_is_opposite_ends(judge) -> None:

    claim = "Children who go missing are seldom offered a return home interview."
    quote = "When children go missing, they are consistently offered a return home interview."
    aligned = Evidence("9", 0.9, quote, 0, len(quote), ("miss", "=return_home_interview"))
    step = judge._not_the_same(claim, judge.reader.read(claim), aligned)
    assert step is not None and (step.axis, step.outcome) == ("quantity", Label.CONTRADICTED)
    # "consistently" is no opposite end of "most"
    claim = "Children who go missing are mostly offered a return home interview."
    assert judge._not_the_same(claim, judge.reader.read(claim), aligned) is None


def test_a_word_and_its_negation_by_prefix_deny_each_other(judge) -> None:
    """"unaware" against "aware" is a denial though neither word is good or bad news."""
    assert judge._antonyms("Senior leaders were unaware of the housing problems of homeless "
                           "16- and 17-year-olds.", "Senior leaders are aware of the housing "
                           "issues for homeless 16- and 17-year-olds.") == ("unaware", "aware")


def test_not_every_is_a_limit_not_a_denial(judge) -> None:
    assert judge.reader.negation("Not every personal education plan is of good quality.") == ""


def test_no_child_against_one_child_is_contradicted(judge) -> None:

    claim = "No child in care was living in an unregistered children's home."
    quote = "One child was living in an unregistered children's home."
    aligned = Evidence("28", 0.6, quote, 0, len(quote), ("child", "unregist", "home"))
    step = judge._not_the_same(claim, judge.reader.read(claim), aligned)
    assert step is not None and (step.axis, step.outcome) == ("quantity", Label.CONTRADICTED)


@pytest.mark.parametrize(("sentence", "change"), [
    ("Families faced delays when their situation worsened.", 0),
    ("Their situation has worsened.", -1),
    # a condition runs a few words: the main clause after it still reports its change
    ("The way the council responds when children are first referred has got much better.", 1),
    # a change said with a word of becoming takes its direction from the word made comparative
    ("Health checks have become more timely over the past year.", 1),
    ("The council has become slower at tackling problems.", -1),
    ("Practice has gone downhill since 2018.", -1),
    ("Leaders have grown less confident.", -1),
    ("Plans have not become clearer.", -1),
    ("Children get more support.", 0),  # an amount, not a change of how good
    ("Managers have become more visible.", 0),  # "visible" is neither good nor bad news
    ("Few people apply to become foster carers.", 0),
    # a measure made comparative is no change of how good
    ("Caseloads have become lower.", 0),
    ("Children in care have grown closer to their foster families.", 0),
])
def test_the_change_a_sentence_reports(judge, sentence, change) -> None:
    assert judge.reader.read(sentence).change == change


@pytest.mark.parametrize(("sentence", "negative"), [
    ("Children wait too long for an assessment.", True),
    ("Plans are overly optimistic about parents' capacity to change.", True),
    # not yet known is no finding either way
    ("It is too soon to evaluate the impact of the new hub.", False),
])
def test_excess_is_bad_news(judge, sentence, negative) -> None:
    assert (judge.reader.read(sentence).direction < 0) is negative


def test_little_and_few_deny_what_follows_but_a_little_and_a_few_do_not(judge) -> None:
    assert "effective" not in judge.reader.read("There is little effective planning.").positive
    assert "promptly" not in judge.reader.read("Few children are seen promptly.").positive
    assert "effective" in judge.reader.read("Plans are a little more effective.").positive
    assert "promptly" in judge.reader.read("A few children are seen promptly.").positive


def test_a_bad_news_word_both_sides_use_is_their_subject(judge, harrow_index) -> None:
    claim = ("Letters to parents at the pre-proceedings stage set out the council's concerns "
             "clearly.")
    quote = ("Pre-proceedings letters are not sufficiently clear in enabling parents to "
             "understand the concerns.")
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    assert c.direction < 0  # "concerns", read alone, is bad news
    assert judge._negation_flip(claim, quote, c, e, harrow_index)
    # a negated word is a finding, whatever the other side says
    claim = "Children and families are still not getting consistently good services."
    quote = "Children and their families do not yet receive consistently good services."
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    assert not judge._negation_flip(claim, quote, c, e, harrow_index)


def test_a_later_time_outranks_only_a_finding_before_it() -> None:
    """A final time step (the claim speaks of what was done after the report) outranks a
    contradiction of what the report found before it, not a wrong grade or date."""
    from claimcheck.types import Step

    later = Step("time", Label.UNVERIFIED, "since the inspection", "", "", "after it",
                 final=True)
    found = Step("polarity", Label.CONTRADICTED, "has a say", "do not have a say", "5", "no")
    graded = Step("grade", Label.CONTRADICTED, "good", "Inadequate", "judgements", "no")
    assert decide([found, later]) is Label.UNVERIFIED
    assert decide([found, graded, later]) is Label.CONTRADICTED
    assert decide([found]) is Label.CONTRADICTED


def test_every_against_most_on_the_same_bad_news_word_is_contradicted(judge, harrow_index
                                                                      ) -> None:
    """"Audits pick up every gap" against "audits pick up most gaps": the gaps are what
    both speak of, not bad news of the claim's own, and "every" is more than "most"."""
    from claimcheck.retrieve import evidence

    claim = "Audits pick up every gap in casework."
    quote = "Audit moderation picks up most gaps in case work."
    found = evidence("audits", harrow_index, judge.lexicons)[0]
    ev = type(found)(found.unit, found.score, quote, 0, len(quote), found.matched)
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    steps = judge.quantities.steps(claim, c, e, e, ev, "", harrow_index)
    assert [s.outcome for s in steps] == [Label.CONTRADICTED]


def test_late_is_not_latest(verdict) -> None:
    """"Late" shares its lemma with "latest" and "later", which may speak of a time after
    the report; as written it does not."""
    v = verdict("A small number of care leavers are allocated a personal adviser late.")
    assert not any(st.axis == "time" for st in v.steps)
    v = verdict("The latest figures show care leavers are allocated a personal adviser late.")
    assert any(st.axis == "time" for st in v.steps)


def test_fewer_compares_and_few_counts(judge) -> None:
    read = judge.reader.read
    assert read("Fewer care leavers are in education than before.").limited is None
    assert read("Few care leavers are in education.").limited == (1, "few")


def test_blame_reported_of_inspectors_is_bad_news(judge) -> None:
    read = judge.reader.read
    assert read("Inspectors warned about the front door.").direction < 0
    assert read("The front door was criticised by inspectors.").direction < 0
    assert read("Some social workers have high caseloads.").direction < 0


def test_a_drop_in_a_number_is_an_amount_and_a_drop_in_centre_is_not(judge) -> None:
    amounts = judge.reader.amounts
    assert [d for d, _, _ in amounts("There was a drop in the number of referrals.")] == [-1]
    assert not amounts("Young people drop in for advice at the hub.")


def test_stuck_is_bad_news(judge) -> None:
    assert judge.reader.read("Care leavers are stuck in temporary accommodation.").direction < 0


@pytest.mark.parametrize("sentence", [
    "Decisions at the front door are sluggish.",
    "Managers are distant and hard to approach.",
    "Placements for children in care keep breaking down.",
    "Young people are left to cope on their own.",
    "Social workers are overloaded and overstretched.",
])
def test_words_of_a_poor_service_are_bad_news(judge, sentence: str) -> None:
    assert judge.reader.read(sentence).direction < 0


def test_what_is_not_bad_news_in_those_words(judge) -> None:
    read = judge.reader.read
    assert read("Young people are not left to cope on their own.").direction >= 0
    assert not read("Youth workers help to break down barriers to education.").negative


def test_close_oversight_is_no_closed_case(judge) -> None:
    read = judge.reader.read
    assert not read("Managers keep close oversight of these plans.").negative
    assert read("Cases were closed before the work was done.").direction < 0


@pytest.mark.parametrize("sentence", [
    "Children at risk of harm receive a timely response.",
    "Social workers respond to concerns promptly.",
    "Leaders have responded well to the challenges of the pandemic.",
    "Children who are missing from school are tracked carefully.",
])
def test_what_a_service_answers_is_no_bad_news_beside_good_news(judge, sentence: str) -> None:
    assert judge.reader.read(sentence).direction > 0


def test_what_a_service_answers_is_bad_news_alone(judge) -> None:
    read = judge.reader.read
    assert read("There are concerns about drift for some children.").direction < 0
    # a failure named by another word stays a finding ("missed", not "missing")
    assert read("Health appointments are missed, though plans are clear.").negative


@pytest.mark.parametrize(("sentence", "age"), [
    ("The exemption stops when they turn 21.", 21),
    ("It is extended until care leavers are 25 years old.", 25),
    ("Support is available up to the age of 25.", 25),
    ("Young people up to the age of 25 receive support.", 25),
    ("Support is offered up to the age of 25 years.", 25),
    ("Help carries on past their 25th birthday.", 25),
    ("Help carries on until their 21 birthday.", 21),
])
def test_the_age_a_service_starts_or_stops_at(judge, sentence: str, age: int) -> None:
    assert judge.reader.age_limits(sentence) == {age}


@pytest.mark.parametrize("sentence", [
    # a group named by age, a length of time, a count, a figure and a time are no limits
    "Homeless 16- and 17-year-olds get help.", "Children are seen within 21 days.",
    "Children wait up to 18 months.", "There are 21 children in care in the borough.",
    "Caseloads are 22 on average.", "Caseloads reached 25 in some teams.",
    "The panel meets at 17:00 each week.",
])
def test_figures_that_are_no_age_limit(judge, sentence: str) -> None:
    assert not judge.reader.age_limits(sentence)


def test_blame_and_breakdown_words_in_their_plain_senses_are_no_bad_news(judge) -> None:
    read = judge.reader.read
    assert read("An effective early warning system picks up children at risk.").direction > 0
    assert not read("Figures are broken down by team and by ethnicity.").negative


def test_what_a_service_answers_grants_only_the_claims_own_bad_news(judge) -> None:
    # the claim's bad news is "do not get a timely response", not "missing"
    assert not judge.reader.answers("Children who go missing do not get a timely response.",
                                    "Children who go missing are responded to effectively.")
    assert judge.reader.answers("Pressures on the service are a challenge.",
                                "Leaders have responded well to these pressures.")


@pytest.mark.parametrize(("claim", "contradicted"), [
    ("Only a handful of care leavers are not in education, employment or training.", True),
    ("Many care leavers are not in education, employment or training.", False),
    # a share of another group is no measure of the claim's
    ("Only a handful of foster carers are not in education, employment or training.",
     False),
])
def test_an_extent_against_a_share_of_the_same_group(judge, claim, contradicted) -> None:
    quote = ("About half the care leavers in Northshire are not in education, employment or "
             "training.")
    ev = Evidence("42", 0.9, quote, 0, len(quote), ("educ", "employ"))
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    steps = judge.quantities._shares(claim, c, e, ev, "paragraph 42")
    assert bool(steps) is contradicted
    assert all(st.outcome is Label.CONTRADICTED and st.evidence_words.lower() == "about half"
               for st in steps)
    assert judge.quantities.share_level(0.5) == 3 and judge.quantities.share_level(0.1) == 1


def test_a_share_counts_against_an_extent_only_of_the_same_news(judge) -> None:
    quote = "About half of children in care have lived in the same home for two years."
    claim = "Only a few children in care have had to move home in the last two years."
    ev = Evidence("6", 0.9, quote, 0, len(quote), ("home",))
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    assert not judge.quantities._shares(claim, c, e, ev, "paragraph 6")


@pytest.mark.parametrize(("claim", "asks"), [
    ("Ofsted asked the council to improve its pathway plans.", True),
    ("Inspectors want to see better pathway plans.", True),
    ("The report calls for better pathway plans.", True),
    ("Young people are told they can ask to be looked after.", False),
    # a request denied, or asking someone about something, is no request of the report's
    ("Ofsted did not ask the council to improve its pathway plans.", False),
    ("The report recommends no changes to pathway plans.", False),
    ("Inspectors asked care leavers about their pathway plans.", False),
])
def test_a_request_is_the_reports_when_the_report_makes_it(judge, claim, asks) -> None:
    assert judge.book.asks(text.lemmas(claim)) is asks


def test_a_denied_change_in_amount_is_none(judge) -> None:
    assert [d for d, _, _ in judge.reader.amounts("The number of plans is increasing.")] == [1]
    assert not judge.reader.amounts("The number of plans is not increasing.")
    assert not judge.reader.amounts("Caseloads have never risen.")
    assert [d for d, _, _ in judge.reader.amounts("Referrals have not only increased.")] == [1]
    assert [d for d, _, _ in judge.reader.amounts("Demand has not stopped rising.")] == [1]


@pytest.mark.parametrize("claim", [
    "The 'requires improvement' grade is a step up from the last inspection in 2018, when "
    "services were judged inadequate.",
    "Requires improvement is an improvement on the previous inspection, which found "
    "services inadequate.",
])
def test_a_comparison_opens_the_past_inside_a_clause(judge, claim) -> None:
    mentions = judge.book.mentions(claim, "2022")
    assert [(m.grades[0].name, m.past) for m in mentions] == [
        ("Requires improvement to be good", False), ("Inadequate", True)]


def test_a_grade_then_back_in_a_year_is_a_grade(judge) -> None:
    mentions = judge.book.mentions("The council is rated good again, having also been judged "
                                   "good back in 2018.", "2023")
    assert [m.past for m in mentions] == [False, True]


def test_bad_news_is_denied_only_by_a_denial_of_good_news_in_its_own_clause(judge) -> None:
    # "does not start early enough" is bad news too: the "lacks" after "and" is another clause
    claim = "Some transition planning starts too late."
    quote = "Some transition planning does not start early enough and lacks information."
    c, e = judge.reader.read(claim), judge.reader.read(quote)
    assert not judge._negation_flip(claim, quote, c, e, None)


def test_a_claim_that_also_gives_the_reports_extent_is_not_narrowed(judge) -> None:
    quote = "In some teams some workers temporarily have higher caseloads than managers want."
    e = judge.reader.read(quote)
    both = judge.reader.read("Some social workers in a few teams carry heavier caseloads.")
    few = judge.reader.read("Only a few social workers carry heavier caseloads.")
    assert judge.quantities.narrowed(both, e, e) is None
    assert judge.quantities.narrowed(few, e, e) is not None


def test_an_area_takes_the_grade_a_rating_word_after_it_gives(judge) -> None:
    sentence = ("Since the last inspection in 2019, when overall effectiveness was judged "
                "inadequate with children in care and care leavers judged to be good, leaders "
                "have made changes.")
    graded = {m.area: m.grades[0].name for m in judge.book.mentions(sentence, "2023")}
    assert graded == {"overall": "Inadequate", "children_in_care": "Good", "care_leavers": "Good"}


@pytest.mark.parametrize(("claim", "graded"), [
    ("Children in care were graded good, as were care leavers.",
     {"children_in_care": "Good", "care_leavers": "Good"}),
    ("Help and protection was rated good, and so was leadership.",
     {"help_and_protection": "Good", "leaders": "Good"}),
    ("Children in care were graded good, and care leavers were helped.",
     {"children_in_care": "Good"}),
])
def test_an_area_after_as_were_takes_the_grade_before(judge, claim, graded) -> None:
    assert {m.area: m.grades[0].name for m in judge.book.mentions(claim, "2023")} == graded


@pytest.mark.parametrize("sentence", [
    "Advisers get in touch after young people have turned 18.",
    "Support stops once they reached 21.",
    "Care leavers are helped until they turn 25.",
])
def test_an_age_reached_is_no_count(judge, sentence) -> None:
    assert not [n for n in judge.reader.read(sentence).numbers if n.value >= 3]


def test_varying_between_teams_is_bad_news(judge) -> None:
    assert judge.reader.read("The quality of assessments varied between teams.").direction < 0
    assert judge.reader.read("Children enjoy a varied range of activities.").direction >= 0
    assert judge.reader.read("Caseloads vary between 12 and 18 children.").direction >= 0
    assert judge.reader.read("Support varies from one young person to another.").direction >= 0


def test_moving_into_adult_services_is_the_transition_to_them(judge) -> None:
    for sentence in ("Disabled young people move into adult services smoothly.",
                     "Transitions to adult services are well coordinated."):
        assert "=transition_to_adulthood" in judge.vocab.terms(sentence)


@pytest.mark.parametrize("sentence", [
    "Children are sent back to live with their parents.",
    "Some children moved back to live with their mother.",
    "Children return to the care of their parents.",
])
def test_going_back_to_live_with_a_parent_is_reunification(judge, sentence) -> None:
    assert "=reunification" in judge.vocab.terms(sentence)


def test_enjoying_the_work_is_one_thing_however_said(judge) -> None:
    for sentence in ("Staff enjoy their jobs.", "Workers enjoy working for the council.",
                     "Social workers love working here."):
        assert "=job_satisfaction" in judge.vocab.terms(sentence)
    # a degree word is no topic of its own
    assert judge.vocab.terms("Staff truly belong.") == judge.vocab.terms("Staff belong.")


def test_how_things_used_to_be_is_not_denied_by_how_they_are(judge) -> None:
    claim = "Pathway plans used to be poor."
    quote = "Pathway plans are now clear and detailed."
    ev = Evidence("40", 0.9, quote, 0, len(quote), ("pathway", "plan"))
    assert judge._judged_good(claim, judge.reader.read(claim), judge.reader.read(quote),
                              ev) is None
    now = "Pathway plans are poor."
    assert judge._judged_good(now, judge.reader.read(now), judge.reader.read(quote),
                              ev) is not None
