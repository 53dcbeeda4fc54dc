"""The verdict engine on every council's report: a statement that touches every axis is
checked against each of the 152 ILACS reports in ``../shared/reports/ilacs``.

Nothing may fail, every verdict must replay from its steps, and the axes that read the
report's own furniture (the header's dates, the judgement table, the list of points to
improve) must find it in every report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import extract, timeline
from claimcheck.check import Checker, Config
from claimcheck.decision import decide
from claimcheck.types import Label

STATEMENT = (
    "Ofsted inspectors spent two weeks in the borough in March 2024. "
    "The council was rated good overall, having been judged inadequate at its last "
    "inspection in 2019. Inspectors set out four areas for improvement. "
    "Only a handful of care leavers live in unsuitable accommodation, and most children in "
    "care live far from home. Social workers could be a touch more consistent in their visits. "
    "The council is one of only a few in England rated outstanding. "
    "Over one in three children now give their views, and the council recruited 50 new "
    "foster carers."
)


@pytest.fixture(scope="module")
def verdicts(shared_reports: Path, tmp_path_factory: pytest.TempPathFactory):
    import os

    os.environ.setdefault("CLAIMCHECK_CACHE", str(tmp_path_factory.mktemp("cache")))
    checker = Checker(Config())
    out = {}
    for pdf in sorted((shared_reports / "ilacs").glob("*.pdf")):
        index = checker.index(pdf)
        out[pdf.stem] = (index, checker.check(extract.statement_from_text(STATEMENT, "s"),
                                               index).verdicts)
    return out


@pytest.mark.shared
def test_every_report_gives_verdicts_that_replay(verdicts) -> None:
    assert len(verdicts) >= 150
    for name, (_, judged) in verdicts.items():
        labelled = [v for v in judged if v.label is not None]
        assert len(labelled) >= 7, name
        for v in labelled:
            assert decide(v.steps) is v.label, (name, v.sentence.text, v.steps)
            assert 0.0 <= v.confidence <= 1.0


@pytest.mark.shared
def test_the_report_furniture_is_found_in_every_report(verdicts) -> None:
    for name, (index, judged) in verdicts.items():
        report = index.report
        assert timeline.visit(report.dates) is not None, (name, report.dates)
        visit, grade, points = judged[0], judged[1], judged[2]
        assert any(st.axis == "time" and st.unit == "header" for st in visit.steps), name
        assert visit.label in (Label.SUPPORTED, Label.CONTRADICTED), name
        assert any(st.axis == "grade" for st in grade.steps), name
        if any(u.id.startswith("improve-") for u in report.units):
            assert any(st.axis == "quantity" and st.unit == "improve-1"
                       for st in points.steps), name
