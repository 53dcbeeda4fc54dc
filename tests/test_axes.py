"""Each axis of the verdict engine through the public judge, on a small hand-written report
in another council's words (tests/fixtures/northshire-report.txt), not Harrow's.

The claims are written for these tests; none comes from a labelled set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import extract, lexicon, retrieve
from claimcheck.decision import decide
from claimcheck.judge import Judge
from claimcheck.reader import read_text_report
from claimcheck.types import Document, Kind, Label, Verdict

REPORT = Path(__file__).parent / "fixtures" / "northshire-report.txt"


@pytest.fixture(scope="module")
def verdict():
    lexicons = lexicon.default()
    doc = Document("northshire-2025", Kind.REPORT, str(REPORT),
                   REPORT.read_text(encoding="utf-8"), date="2025-04-30")
    index = retrieve.build(read_text_report(doc.text, doc), lexicons)
    judge = Judge(lexicons)

    def run(claim: str) -> Verdict:
        sentences = extract.sentences(extract.statement_from_text(claim, "t"), lexicons)
        contexts = judge.contexts(sentences)
        judged = [judge.verdict(s, index, c) for s, c in zip(sentences, contexts, strict=True)]
        judged = [v for v in judged if v.label is not None]
        assert len(judged) == 1, judged
        v = judged[0]
        assert decide(v.steps) is v.label, "the steps do not replay to the label"
        return v

    return run


def _axes(v: Verdict) -> set[str]:
    return {st.axis for st in v.steps if st.outcome is v.label}


@pytest.mark.parametrize(("claim", "label", "axis"), [
    # time: the visit's dates and length against the header
    ("Inspectors spent two weeks in Northshire in March 2025.", Label.SUPPORTED, "time"),
    ("Ofsted's inspection lasted a single week in March.", Label.CONTRADICTED, "time"),
    ("The inspection took place in February 2025.", Label.CONTRADICTED, "time"),
    # grades: areas, the whole service, counts of areas, past grades
    ("Ofsted rated Northshire's care leavers service inadequate.", Label.SUPPORTED, "grade"),
    ("Northshire's children's services were rated good.", Label.CONTRADICTED, "grade"),
    ("Two areas were judged good by inspectors.", Label.SUPPORTED, "grade"),
    ("Every area was rated good by Ofsted.", Label.CONTRADICTED, "grade"),
    # one grade for the whole service and every area; "not in every area" is no such claim
    ("Northshire was rated requires improvement overall and in every one of the four areas.",
     Label.CONTRADICTED, "grade"),
    # a right grade in a claim about the council's history rests on what no report says
    ("It was the first time Northshire had been rated requires improvement overall.",
     Label.UNVERIFIED, "source"),
    ("Northshire was rated requires improvement overall, though not in every area.",
     Label.SUPPORTED, "grade"),
    # an area named by its verbs
    ("Ofsted judged the council good at helping and protecting children.",
     Label.CONTRADICTED, "grade"),
    ("At the last inspection in 2019 services were judged good.", Label.SUPPORTED, "grade"),
    ("At the last inspection in 2019 services were judged inadequate.", Label.CONTRADICTED,
     "grade"),
    ("Services were rated inadequate at the 2016 inspection.", Label.UNVERIFIED, "retrieval"),
    # the earlier grade is checked where the report gives it, whatever else the claim says
    ("Northshire's services had been rated outstanding at their previous full inspection in "
     "2019, before slipping.", Label.CONTRADICTED, "grade"),
    # framing: a weakness made to sound minor
    ("Return home interviews for children who go missing could be a touch more consistent.",
     Label.SOFTENED, "framing"),
    # ... and as a mild admission about an area the table grades inadequate
    ("Pathway plans for care leavers could be a touch more detailed.", Label.SOFTENED,
     "severity"),
    # quantity: opposite ends, a bad finding confined to a few, counts, improvement points
    ("Most children in care live a long way from Northshire.", Label.CONTRADICTED, "quantity"),
    # opposite words at opposite ends of the group say the same thing
    ("Only a handful of children in care live far from their families.", Label.SUPPORTED,
     "antonym"),
    # a bad finding confined to a few where the report sets no limit
    ("Only a few pathway plans are not of a sufficient quality.", Label.SOFTENED, "quantity"),
    # far apart, "a handful" against "too many" cannot both be true
    ("Only a handful of assessments for children in need are late.", Label.CONTRADICTED,
     "quantity"),
    ("The council recruited 40 new social workers in the last year.", Label.CONTRADICTED,
     "quantity"),
    ("The council recruited 24 new social workers in the last year.", Label.SUPPORTED,
     "quantity"),
    # the age a service stops at, against the age the report gives for the same thing
    ("Care leavers are exempt from council tax only until they turn 21.", Label.CONTRADICTED,
     "quantity"),
    ("Care leavers are exempt from council tax until their 25th birthday.", Label.SUPPORTED,
     "retrieval"),
    # "about" stretches a figure by a quarter, no further
    ("The council recruited about 80 new social workers in the last year.",
     Label.CONTRADICTED, "quantity"),
    ("The council recruited about 25 new social workers in the last year.",
     Label.SUPPORTED, "quantity"),
    # a point under "What needs to improve?": good news of it is made wider, and said
    # without exception, denied
    ("Ofsted raised no concerns at all about the support for care leavers aged 21 to 25.",
     Label.CONTRADICTED, "qualifier"),
    ("The support for care leavers aged 21 to 25 is well regarded.", Label.SOFTENED,
     "qualifier"),
    # a plain statement of the same point, neither good nor bad news, is made wider too;
    # one that names it as the report's recommendation is the report's point
    ("Care leavers aged 21 to 25 get support from the council.", Label.SOFTENED,
     "qualifier"),
    ("Ofsted made a recommendation about the support for care leavers aged 21 to 25.",
     Label.SUPPORTED, "retrieval"),
    ("Ofsted asked the council to prioritise the support for care leavers aged 21 to 25.",
     Label.SUPPORTED, "retrieval"),
    # a fault made small by a diminisher
    ("The quality of return home interviews is a touch uneven.", Label.SOFTENED, "framing"),
    # ... or by a diminisher after the verb of a fault
    ("The quality of return home interviews varies a little.", Label.SOFTENED, "framing"),
    # a plain statement of what the report judges bad leaves out its judgement ("down" is
    # no bad news by itself)
    ("Social workers' supervision is written down.", Label.SOFTENED, "qualifier"),
    # not finished, put as a matter of time, against a point the report makes
    ("Pathway plans for care leavers are still evolving.", Label.SOFTENED, "framing"),
    # a change the report gives only in a sentence on another part of the service (the
    # summary's care leavers' service "has deteriorated") narrows the claim, it does not deny it
    ("Pathway plans for care leavers have improved.", Label.SOFTENED, "polarity"),
    # what a service answers ("exceptional pressures") beside its good news is its subject:
    # handled well is the same, a claim that makes the pressures small is softened
    ("Leaders have handled the pressures on the fostering service well.", Label.SUPPORTED,
     "polarity"),
    ("Pressures on the fostering service are something of a challenge for leaders.",
     Label.SOFTENED, "framing"),
    # a weakness made a matter of tidiness
    ("Pathway plans for care leavers need some tidying up.", Label.SOFTENED, "framing"),
    # blame reported of inspectors is bad news, against the report's good news
    ("Inspectors warned about the self-evaluation leaders rely on.", Label.CONTRADICTED,
     "polarity"),
    # a claim of fewer than before, reported as a warning, against good news of it
    ("Inspectors warned that fewer children in care are attending school.",
     Label.CONTRADICTED, "polarity"),
    # a plain claim of few against good news of most
    ("Only a minority of children in care live close to their families and friends.",
     Label.CONTRADICTED, "quantity"),
    # "too" and "little" read as findings: "too long" is bad news, "little" denies
    ("Care leavers wait too long to be allocated a personal adviser.", Label.SUPPORTED,
     "polarity"),
    ("Social workers have little confidence in their managers.", Label.CONTRADICTED,
     "polarity"),
    # what the claim says was done after the report is not denied by what the report found
    # before it, which would contradict the same claim without the time
    ("Since the inspection, children in care have been given a say in how their care plans "
     "are reviewed.", Label.UNVERIFIED, "time"),
    ("Children in care have been given a say in how their care plans are reviewed.",
     Label.CONTRADICTED, "polarity"),
    # a later visit, or a year after the report's that the report does not name, is a later
    # event: the report's findings neither deny nor narrow what it found
    ("A follow-up visit found that the quality of return home interviews is a touch uneven.",
     Label.UNVERIFIED, "time"),
    ("When Ofsted returned to Northshire in 2026, inspectors found pathway plans reflect "
     "what young people want.", Label.UNVERIFIED, "time"),
    # ... but a date the report gives the same event is its own account of that time
    ("A new director of children's services was appointed in June 2026.", Label.CONTRADICTED,
     "time"),
    # a finding of some: a claim that leaves it out is softened, one that says it holds
    # without exception is contradicted
    ("Children coming into care have their initial health assessment completed promptly.",
     Label.SOFTENED, "qualifier"),
    ("Children coming into care have their initial health assessment completed without any "
     "delay.", Label.CONTRADICTED, "quantity"),
    # an extent of a bad finding overstated: "too many" against "a small number"
    ("Too many strategy meetings are held late.", Label.CONTRADICTED, "quantity"),
    ("Ofsted set out three areas for improvement.", Label.SUPPORTED, "quantity"),
    ("Ofsted set out five areas for improvement.", Label.CONTRADICTED, "quantity"),
    ("Ofsted flagged just two areas where the council needs to do better.",
     Label.CONTRADICTED, "quantity"),
    # a change in two areas is no count of the points to improve
    ("Attendance has got better in two areas of the county.", Label.SUPPORTED, "retrieval"),
    # a change in amount against the unit's change in the same thing
    ("Exclusions of children in care from school have been rising.", Label.CONTRADICTED,
     "polarity"),
    ("Exclusions of children in care from school have come down.", Label.SUPPORTED,
     "polarity"),
    # a criticism in words of its own, one of them mild, against plainly good news
    ("Leaders' understanding of the service through self-evaluation is patchy and poorly "
     "informed.", Label.CONTRADICTED, "polarity"),
    # a good-news claim the report denies on the same words, without a limit
    ("Children in care have a strong say in how their care plans are reviewed.",
     Label.CONTRADICTED, "polarity"),
    # antonym and negation
    ("Support for care leavers stops at 21 for those in higher education.", Label.CONTRADICTED,
     "antonym"),
    ("Care leavers receive timely help from their personal advisers.", Label.CONTRADICTED,
     "polarity"),
    # ... and a claim whose own good word the finding after the grant denies is contradicted
    ("The advocacy service for children in care is well publicised.", Label.CONTRADICTED,
     "polarity"),
    ("Children in care have an advocacy service.", Label.SOFTENED, "qualifier"),
    # concession: the claim repeats what the report grants before finding against it
    ("Return home interviews are offered to children who go missing in Northshire.",
     Label.SOFTENED, "qualifier"),
    # bad news against a sentence on the same words that finds only good news: denied, or
    # put mildly, a weakness the report does not find
    ("The virtual school is weak at tracking the progress of children in care.",
     Label.CONTRADICTED, "polarity"),
    ("The virtual school is a little weak at tracking the progress of children in care.",
     Label.SOFTENED, "polarity"),
    # the report's request reported as such is what it says, whatever it finds of the thing
    ("Inspectors asked Northshire to improve the quality of pathway plans for care leavers.",
     Label.SUPPORTED, "retrieval"),
    ("Ofsted wants to see good quality pathway plans for care leavers.", Label.SUPPORTED,
     "retrieval"),
    ("Ofsted asked the council to keep improving its already excellent pathway plans for "
     "care leavers.", Label.SOFTENED, "polarity"),
    # scope: rankings and topics outside the report
    ("Northshire is one of only a handful of councils in England rated good for leadership.",
     Label.UNVERIFIED, "source"),
    ("The council will spend £2 million more on children's services next year.",
     Label.UNVERIFIED, "source"),
    ("A government grant pays for the advocacy service for children in care.",
     Label.UNVERIFIED, "source"),
    # ... but a ranking word the report itself uses ("a national shortage") is its context
    ("The council recruited 24 new social workers despite a shortage nationally.",
     Label.SUPPORTED, "quantity"),
])
def test_axis(verdict, claim: str, label: Label, axis: str) -> None:
    v = verdict(claim)
    assert v.label is label, (v.explanation, v.steps)
    assert axis in _axes(v), (v.explanation, v.steps)


def test_no_step_no_supported(verdict) -> None:
    # the closest sentence shares the subject but says nothing of what the claim says
    v = verdict("Leaders in Northshire have introduced a new electronic case record system.")
    assert v.label is Label.UNVERIFIED
    assert not v.evidence
    assert v.steps and all(st.outcome is Label.UNVERIFIED for st in v.steps)


def test_a_trailing_clause_of_the_past_leaves_the_grade_before_it_in_the_present(verdict) -> None:
    # "good overall" is today's grade; "at the last inspection in 2019" speaks of then only
    v = verdict("Northshire was rated good overall, having been judged good at its last "
                "inspection in 2019.")
    assert v.label is Label.CONTRADICTED
    assert any(st.axis == "grade" and st.unit == "judgements" for st in v.steps
               if st.outcome is Label.CONTRADICTED)


def test_pay_alone_is_no_money_outside_the_report(verdict) -> None:
    # rent "paid late" is a finding the report could make; money that "pays for" is not
    v = verdict("Care leavers say their rent was paid late.")
    assert not any(st.axis == "source" for st in v.steps), v.steps


def test_a_topic_outside_reports_is_inside_one_that_speaks_of_it(tmp_path) -> None:
    # "pay for" is money no report covers, unless this report says it ("paid for")
    text = REPORT.read_text(encoding="utf-8").replace(
        "Care leavers are exempt from council tax until they are 25.",
        "Care leavers have their council tax paid for them until they are 25.")
    lexicons = lexicon.default()
    doc = Document("northshire-2025", Kind.REPORT, "northshire.txt", text, date="2025-04-30")
    index = retrieve.build(read_text_report(doc.text, doc), lexicons)
    judge = Judge(lexicons)
    claim = "Care leavers have their council tax paid for them until they are 25."
    sentences = extract.sentences(extract.statement_from_text(claim, "t"), lexicons)
    v = judge.verdict(sentences[0], index, judge.contexts(sentences)[0])
    assert not any(st.axis == "source" for st in v.steps), v.steps
    assert v.label is Label.SUPPORTED
