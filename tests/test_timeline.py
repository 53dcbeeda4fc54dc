"""The time axis: claims about the inspection visit's dates and length, against the header."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck import timeline
from claimcheck.lexicon import default
from claimcheck.types import Label

AXIS = timeline.axis(default())


@pytest.mark.parametrize(("dates", "start", "end", "days"), [
    ("11 to 22 September 2023", date(2023, 9, 11), date(2023, 9, 22), 12),
    ("20 February to 3 March 2023", date(2023, 2, 20), date(2023, 3, 3), 12),
    ("28 November to 2 December 2022", date(2022, 11, 28), date(2022, 12, 2), 5),
    ("1 to 5 July 2024", date(2024, 7, 1), date(2024, 7, 5), 5),
])
def test_visit_dates_are_read_from_the_header(dates: str, start: date, end: date,
                                              days: int) -> None:
    seen = timeline.visit(dates)
    assert seen is not None
    assert (seen.start, seen.end, seen.days) == (start, end, days)


def test_header_without_dates_gives_no_visit() -> None:
    assert timeline.visit("Lead inspector: A. Person") is None


def _labels(claim: str, dates: str) -> list[Label]:
    return [st.outcome for st in AXIS.steps(claim, dates)]


@pytest.mark.parametrize(("claim", "dates", "expected"), [
    # lengths: five days is a week, twelve (Monday to the next Friday) two weeks
    ("Inspectors spent a single week in the borough in September 2023.",
     "11 to 22 September 2023", Label.CONTRADICTED),
    ("Ofsted carried out a two-week inspection in September.", "11 to 22 September 2023",
     Label.SUPPORTED),
    ("The report follows a week-long inspection in July.", "1 to 5 July 2024", Label.SUPPORTED),
    ("Inspectors were in the county for a fortnight.", "1 to 5 July 2024", Label.CONTRADICTED),
    # months and days
    ("Ofsted inspectors visited in January 2023.", "20 February to 3 March 2023",
     Label.CONTRADICTED),
    ("Inspectors visited the city between late February and early March.",
     "20 February to 3 March 2023", Label.SUPPORTED),
    ("The inspection ran between 1 and 5 July 2024.", "1 to 5 July 2024", Label.SUPPORTED),
    ("The inspection ran between 2 and 9 July 2024.", "1 to 5 July 2024", Label.CONTRADICTED),
    ("The inspection ended on 22 September 2023.", "11 to 22 September 2023", Label.SUPPORTED),
])
def test_claims_about_the_visit(claim: str, dates: str, expected: Label) -> None:
    labels = _labels(claim, dates)
    assert labels, claim
    decided = Label.CONTRADICTED if Label.CONTRADICTED in labels else Label.SUPPORTED
    assert decided is expected


@pytest.mark.parametrize("claim", [
    # a point a change is measured from, another visit, another subject's date
    "Services have made significant progress since January.",
    "Improvements were made since inspectors visited in December.",
    "The front door has improved since Ofsted's focused visit in March 2023.",
    "Leaders told inspectors that caseloads started to climb in December 2021.",
    "A monitoring visit in March 2025 found caseloads had come down.",
    # no inspection named: a visit by a social worker is not the inspection
    "Children are visited every two weeks in July.",
    # a publication date is not the visit's
    "The inspection report was published today (Thursday 22 August).",
    # a period before the inspection is not its length
    "A new senior team, set up in the six months before the inspection, knows its work.",
])
def test_dates_that_are_not_the_visits_are_left_alone(claim: str) -> None:
    assert _labels(claim, "11 to 22 December 2023") == []
