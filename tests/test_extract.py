"""Statements into sentences and checkworthy claims, on varied statements of every kind."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from claimcheck import corpus, extract, markup, text
from claimcheck.types import Kind

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "seed-claims.jsonl"
# The seed file names the statement by its seed number; the manifest names it by id.
SEED_DOCS = {
    "000": "harrow-council-release",
    "001": "harrow-local-news",
    "002": "harrow-commentary-scrutiny",
    "004": "harrow-commentary-monitoring",
}


def split(source: str) -> list:
    doc = extract.statement_from_text(source, "test")
    found = extract.sentences(doc)
    for s in found:
        assert doc.text[s.start : s.end] == s.text
    return found


def one(source: str):
    found = split(source)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


# --- Each reason, in press-release, news and campaign styles --------------------------

CASES = [
    # worth checking
    (
        "Brent's children's services have been rated 'Requires improvement' by Ofsted.",
        True,
        "asserts a grade",
    ),
    ("Children in care are rated Outstanding.", True, "asserts a grade"),
    (
        "Inspectors found that 12 children were placed in unregistered homes.",
        True,
        "what the report found",
    ),
    ("The watchdog said assessments are thorough and timely.", True, "what the report found"),
    ('Plans for care leavers were described as "weak".', True, "what the report found"),
    ("Response times for referrals have fallen from ten days to three.", True, "asserts a change"),
    ("The quality of practice has deteriorated since 2021.", True, "asserts a change"),
    ("Swift action was taken to review every closed case.", True, "action taken"),
    ("The council has since recruited permanent social workers.", True, "action taken"),
    ("Most children wait less than a week for an assessment.", True, "quantity"),
    ("The council paid £2.3m to agency staff last year.", True, "quantity"),
    # what people told the inspectors is what the report records, opinion words and all
    ("Staff told inspectors they are proud of their work.", True, "reported to the inspectors"),
    ("Our staff are rightly proud of their work.", False, "opinion"),
    ("Caseloads for social workers remain too high.", True, "finding about a service"),
    (
        "Leaders do not have a clear understanding of frontline practice.",
        True,
        "finding about a service",
    ),
    ("The cabinet member remains in post.", True, "asserts a fact"),
    (
        "It is reassuring that the report recognises the 'Good' work of our staff.",
        True,
        "asserts a grade",
    ),
    (
        "We are delighted that inspectors found our social workers know their children well.",
        True,
        "what the report found",
    ),
    # not worth checking
    ("We are truly sorry for the distress this has caused.", False, "apology"),
    ("The council apologised to the families it let down.", False, "apology"),
    ("I want to thank every foster carer for their dedication.", False, "thanks"),
    ("We pay tribute to our hard-working staff.", False, "thanks"),
    ("Keeping children safe will always be our top priority.", False, "statement of intent"),
    (
        "We take our duties to young people leaving care extremely seriously.",
        False,
        "statement of intent",
    ),
    ("We will continue to invest in early help.", False, "statement of intent"),
    ("We know there is more to do.", False, "statement of intent"),
    ("Is this really the best the council can do?", False, "rhetorical question"),
    ("Taken together, the findings point to a culture of complacency.", False, "opinion"),
    ("We believe the department is heading in the right direction.", False, "opinion"),
    ("The message is clear.", False, "opinion"),
    # "speak to" someone is a finding; "speaks to" a thing is interpretation
    ("Social workers rarely get to speak to children in care on their own.", True,
     "quantity"),
    ("The result speaks to a culture of complacency.", False, "opinion"),
    ("The implications have been profound.", False, "opinion"),
    ("Councillors would benefit from better briefings.", False, "opinion"),
    ("This is a council that has lost its way.", False, "opinion"),
    ("Ofsted's verdict makes grim reading for the cabinet.", False, "opinion"),
    ("The latest figures paint a picture of a service turning a corner.", False, "opinion"),
    # an opinion cue's words inside a phrase of finding ("in no doubt", "as a matter of
    # course") are no opinion; the cue alone still is
    ("Inspectors found the letters leave parents in no doubt about what is expected.", True,
     "what the report found"),
    ("No doubt the council will be relieved.", False, "opinion"),
    ("Of course there are areas to improve.", False, "opinion"),
    ("Image: children playing in a park", False, "caption"),
    ("Photo (council handout): the director at the launch", False, "caption"),
    ("Cllr Amir Khan, Lead Member for Children, said:", False, "attribution"),
]


@pytest.mark.parametrize(("sentence", "checkworthy", "reason"), CASES)
def test_each_reason(sentence: str, checkworthy: bool, reason: str) -> None:
    found = one(sentence)
    assert (found.checkworthy, found.reason) == (checkworthy, reason)


def test_edge_of_opinion_strong_cues_win() -> None:
    # A grade or the report as subject outweighs the feeling around it.
    assert one("Sadly, the report also highlights that some plans were out of date.").checkworthy
    assert one("While the outcome is disappointing, inspectors praised our front door.").checkworthy
    # An interpretation verb is opinion unless the report is its subject.
    assert one("The report suggests that leaders lacked oversight.").checkworthy
    assert not one("The repeated restructures suggest a service in crisis.").checkworthy


def test_events_outside_the_report_are_still_checkworthy() -> None:
    found = split(
        "At a council meeting in May, the opposition leader called for a vote of no confidence. "
        "A later monitoring visit found that progress had been made. "
        "With elections looming, some are asking whether anyone will take responsibility."
    )
    assert [s.checkworthy for s in found] == [True, True, False]


# --- Claims inside reported speech --------------------------------------------------


def test_reported_speech_keeps_the_embedded_claim() -> None:
    found = one(
        "The council leader, Cllr Ann Lee, admitted it was \u201cdisappointing\u201d that the "
        "service had not always kept in touch with young people."
    )
    assert found.checkworthy
    assert found.claim == "the service had not always kept in touch with young people."


def test_a_finding_reported_from_the_report_stays_whole() -> None:
    found = one(
        "Inspectors pointed to \u201cserious weaknesses\u201d in planning for care leavers."
    )
    assert found.checkworthy and found.claim == ""


def test_speaker_saying_other_things() -> None:
    found = one("Campaigners say the council has failed vulnerable children for a decade.")
    assert found.claim == "the council has failed vulnerable children for a decade."
    apology = one("A spokesperson said the authority was \u201cdeeply sorry\u201d for the delays.")
    assert (apology.checkworthy, apology.reason) == (False, "apology")


def test_attribution_prefix_and_trailing_attribution_are_removed() -> None:
    found = one("He said: \u201cInspectors saw that children are safe.\u201d")
    assert found.claim == "Inspectors saw that children are safe."
    trailing = one("\u201cWe have cut waiting times by half,\u201d said the director, Sam Patel.")
    assert trailing.claim == "We have cut waiting times by half"
    assert trailing.checkworthy and "quoting Sam Patel" in trailing.reason


def test_quotation_running_over_several_sentences_stays_attributed() -> None:
    found = split(
        "Cllr. Priya Shah, Cabinet Member for Children, said:\n"
        "\u201cWe accept the findings in full. Our thanks go to every member of staff. "
        "We will always put children first.\n"
        "\u201cInspectors recognised that children in care are doing well. "
        "We are sorry that some young people waited too long.\u201d\n"
        "The report was published on Tuesday."
    )
    reasons = [s.reason for s in found]
    assert reasons[0] == "attribution"
    assert all(r.endswith("quoting Cllr. Priya Shah") for r in reasons[1:6]), reasons
    assert not found[2].checkworthy and reasons[2].startswith("thanks")
    assert not found[3].checkworthy and reasons[3].startswith("statement of intent")
    assert found[4].checkworthy and found[4].claim.startswith("Inspectors recognised")
    # "sorry that <finding>": the apology wraps a claim, which is checked.
    assert found[5].checkworthy and found[5].claim == "some young people waited too long."
    assert "quoting" not in reasons[6]


def test_quote_closed_by_a_paragraph_without_a_new_quote_mark() -> None:
    found = split("Jo Bloggs, the director, said: \u201cWe are proud.\nThe council was rated Good.")
    assert "quoting" not in found[-1].reason


# --- Parts and time ---------------------------------------------------------------------


def test_contrast_gives_parts_that_stand_alone() -> None:
    found = one("Harrow rated Good for safeguarding, but Inadequate overall.")
    assert found.parts == ("Harrow rated Good for safeguarding", "Harrow rated Inadequate overall")


def test_but_before_a_reporting_verb_parts_a_sentence_without_a_comma() -> None:
    found = one("Inspectors praised the out-of-hours service but found that homeless teenagers "
                "get a poor response.")
    assert found.parts == ("Inspectors praised the out-of-hours service",
                           "found that homeless teenagers get a poor response")
    # "but" between two words of one claim parts nothing
    assert one("Support is slow but steady for most care leavers.").parts == ()


def test_leading_while_clause_is_a_part() -> None:
    found = one(
        "While some care leavers have good relationships with their advisers, too many "
        "lose touch with the service."
    )
    assert found.parts == (
        "some care leavers have good relationships with their advisers",
        "too many lose touch with the service",
    )


def test_opinion_part_is_dropped_and_the_checkable_part_kept() -> None:
    found = one("Audits are sharper, yet there is still distance to travel.")
    assert found.parts == () and found.claim == "Audits are sharper"


def test_a_grade_word_before_but_ends_a_part() -> None:
    found = one("Harrow was rated Good, but the council was judged Inadequate overall.")
    assert found.parts == ("Harrow was rated Good", "the council was judged Inadequate overall")


def test_aside_between_dashes_is_a_part_and_a_trailing_comment_is_cut() -> None:
    found = one(
        "The service has had repeated restructures in recent years \u2013 including a period "
        "with no permanent director \u2013 raising concerns about stability and oversight."
    )
    assert found.parts == (
        "The service has had repeated restructures in recent years",
        "including a period with no permanent director",
    )


def test_aside_does_not_make_a_comment_checkworthy() -> None:
    found = one("The tone \u2013 part celebration, part caution \u2013 suggests fragile "
                "foundations.")
    assert not found.checkworthy and found.reason == "opinion"


def test_lists_with_semicolons_are_not_parts() -> None:
    found = one("It was rated good for help and protection; children in care; and leadership.")
    assert found.parts == ()


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        ("Every care leaver now has a personal adviser.", True),
        ("The council has since appointed a new director.", True),
        ("Since the inspection, the service has reopened 40 cases.", True),
        ("Services have improved since the inspection in 2019.", False),
        ("Services have improved since the last inspection.", False),
        ("Inspectors found that caseloads were too high.", False),
    ],
)
def test_after_report(sentence: str, after: bool) -> None:
    assert one(sentence).after_report is after


# --- Splitting, Markdown, HTML ---------------------------------------------------------


def test_abbreviations_do_not_end_sentences() -> None:
    found = split(
        "Cllr. Jones said the figures in para. 12 were wrong. Payments to No. 10 Care Ltd. "
        "rose by 5%. Dr. Ahmed disagreed."
    )
    assert [s.text for s in found] == [
        "Cllr. Jones said the figures in para. 12 were wrong.",
        "Payments to No. 10 Care Ltd. rose by 5%.",
        "Dr. Ahmed disagreed.",
    ]


def test_wrapped_lines_join_but_paragraphs_do_not() -> None:
    source = "Inspectors found that most\nchildren are seen quickly.\n\nthe end\nA heading"
    spans = [source[s:e] for s, e in text.sentence_spans(source)]
    assert spans == [
        "Inspectors found that most\nchildren are seen quickly.",
        "the end",
        "A heading",
    ]


MARKDOWN = """# Kent children's services rated Good

## Our response

- **Help and protection** rated *Good*.
- 95% of care leavers are in touch with their [personal adviser](https://example.org/pa).
1. Leaders know their services well.

> We will keep listening to children.
"""


def test_markdown_headings_bullets_and_links() -> None:
    found = split(MARKDOWN)
    by_text = {s.claim or s.text: s for s in found}
    assert by_text["Kent children's services rated Good"].checkworthy  # a headline claim
    assert by_text["Our response"].reason == "heading"
    grade = by_text["Help and protection rated Good."]
    assert grade.text == "Help and protection** rated *Good*."  # offsets into the Markdown
    assert grade.reason == "asserts a grade"
    assert by_text["95% of care leavers are in touch with their personal adviser."].checkworthy
    assert "Leaders know their services well." in by_text
    assert by_text["We will keep listening to children."].reason == "statement of intent"
    assert not any(s.text.startswith(("#", "-", "1.", ">")) for s in found)


def test_mask_keeps_length_and_offsets() -> None:
    masked = markup.mask(MARKDOWN)
    assert len(masked) == len(MARKDOWN)
    assert "personal adviser " in masked and "https" not in masked and "**" not in masked


HTML = """<!doctype html><html><head><title>News</title>
<script>var note = "Ofsted rated it good.";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Council &amp; partners rated Good</h1>
<p>The council was rated <b>Good</b> by Ofsted. Inspectors found that <em>most</em> children
are seen quickly.</p>
<figure><img src="a.jpg"><figcaption>Image: the council offices</figcaption></figure>
<ul><li>We will keep improving.</li></ul>
</body></html>"""


def test_html_statement_is_read_as_its_visible_text() -> None:
    assert markup.is_html(HTML) and not markup.is_html(MARKDOWN)
    doc = extract.statement_from_text(HTML, "web")
    assert doc.kind is Kind.STATEMENT and "<" not in doc.text and "var note" not in doc.text
    found = extract.sentences(doc)
    assert [(s.text, s.checkworthy, s.reason) for s in found] == [
        ("Council & partners rated Good", True, "asserts a grade"),
        ("The council was rated Good by Ofsted.", True, "asserts a grade"),
        ("Inspectors found that most children are seen quickly.", True, "what the report found"),
        ("Image: the council offices", False, "caption"),
        ("We will keep improving.", False, "statement of intent"),
    ]


def test_read_statement_file(tmp_path: Path) -> None:
    path = tmp_path / "release.html"
    path.write_text(HTML, encoding="utf-8")
    doc = extract.read_statement(path)
    assert doc.id == "release" and doc.text.startswith("Council & partners rated Good")


# --- The bundled corpus -------------------------------------------------------------


def test_offsets_and_speed_on_the_corpus() -> None:
    statements = corpus.load().statements()
    assert statements
    for doc in statements:
        found = extract.sentences(doc)
        assert found and all(doc.text[s.start : s.end] == s.text for s in found)
        assert all(s.reason for s in found)
    doc = max(statements, key=lambda d: len(d.text))
    begin = time.perf_counter()
    extract.sentences(doc)
    assert time.perf_counter() - begin < 0.1  # a few ms on a 5 KB statement; generous bound


def test_seed_set_checkworthy_f1() -> None:
    """Measure checkworthiness on the labelled seed sentences (a measurement, not a fit)."""
    if not SEEDS.is_file():
        pytest.skip(
            f"seed claims not found at {SEEDS}: the shared eval folder sits beside the project"
        )
    records = [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line]
    the_corpus = corpus.load()
    found = {key: extract.sentences(the_corpus.get(doc_id)) for key, doc_id in SEED_DOCS.items()}
    tp = fp = fn = 0
    for record in records:
        hits = [s for s in found[record["doc"][:3]] if record["quote"] in s.text]
        assert len(hits) == 1, f"{record['id']}: quote lies in {len(hits)} sentences"
        predicted, gold = hits[0].checkworthy, record["checkworthy"]
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    f1 = 2 * tp / (2 * tp + fp + fn)
    print(f"seed checkworthy F1 = {f1:.3f} (tp={tp} fp={fp} fn={fn}, {len(records)} sentences)")
    assert f1 >= 0.90


def test_causal_thanks_to_is_a_claim_but_gratitude_is_not() -> None:
    cause = one("Thanks to the new early help hub, most families are seen within a week.")
    gratitude = one("Many thanks to our social workers for their dedication.")
    assert cause.checkworthy
    assert not gratitude.checkworthy and gratitude.reason == "thanks"


def test_a_promise_joined_to_a_claim_is_cut_off() -> None:
    found = one("We have appointed a new director and will have a full team in place by May.")
    assert found.checkworthy and found.claim == "We have appointed a new director"


def test_a_hyphenated_cue_matches_as_the_text_is_split() -> None:
    found = one("The findings are double-edged for the council.")
    assert not found.checkworthy and found.reason == "opinion"


def test_clear_as_a_finding_is_no_interpretation() -> None:
    assert one("Management oversight is clear at each decision-making point.").checkworthy
    assert one("Admin staff write up supervision so the reasons for decisions are clear."
               ).checkworthy
    assert not one("What is clear is that the council has turned a corner.").checkworthy


def test_a_clause_with_its_own_subject_after_and_is_a_part() -> None:
    found = one("Children in private fostering are seen regularly, and the checks on their "
                "carers are completed on time.")
    assert found.parts == ("Children in private fostering are seen regularly",
                           "the checks on their carers are completed on time")
    # a verb that shares the first clause's subject, or a list, stays one claim
    assert one("Children are seen quickly, and helped to find carers they can stay with."
               ).parts == ()
    assert one("Inspectors praised leaders, and staff, for their work.").parts == ()
