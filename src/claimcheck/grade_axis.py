"""The grade axis: grades a claim gives, against the judgement table and what the report
says of the earlier inspection.

"Rated good for leadership" is checked against the table's row; "rated good" with no area
against overall effectiveness; "two areas were rated good" or "every area" row by row;
"good or better" as a floor; praise of the whole service against the overall grade; a
grade given to an earlier inspection against the report's sentence on it; and a mild claim
about an area the table grades low is softened. The words are in ``grades.toml``.
"""

from __future__ import annotations

from .grades import GradeBook, GradeName, Mention
from .retrieve import Index, unit_sentences
from .signals import Signals
from .types import Label, Step
from .wording import name as _name
from .wording import short as _short


class GradeAxis:
    """Grade steps with one grade book."""

    def __init__(self, book: GradeBook) -> None:
        self.book = book

    def steps(self, claim: str, mentions: list[Mention], index: Index) -> list[Step]:
        if not mentions:
            return []
        table = self.book.table(index.report)
        if not table:
            return []
        steps = []
        # read once per claim, not per mention: a claim may name grades many times
        still = any(m.past for m in mentions) and self.book.continuing(claim)
        floor = self.book.at_least(claim)  # "good or better", "good and frequently better"
        part = self.book.some_areas(claim)
        for mention in mentions:
            claimed = " or ".join(g.name for g in mention.grades)
            if mention.past and not still:
                continue  # an earlier inspection's grade: see past()
            ranks = {g.rank for g in mention.grades}
            if floor:
                ranks |= set(range(min(ranks), 5))
            if not mention.area and part:
                steps.append(self._areas(mention, ranks, part, table))
                continue
            if not mention.area:
                # "rated good" names no area: it is the grade of the service as a whole
                row, worded, grade = table.get("overall", ("", "", None))
                if grade is None:
                    continue
                if grade.rank in ranks:
                    steps.append(Step("grade", Label.SUPPORTED, mention.grade_words, row,
                                      "judgements", "the judgement table grades overall "
                                      f"effectiveness {worded}"))
                else:
                    steps.append(Step("grade", Label.CONTRADICTED, mention.grade_words, row,
                                      "judgements", f"the claim says {claimed}; the judgement "
                                      f"table grades overall effectiveness {worded}"))
                continue
            row, worded, grade = table.get(mention.area, ("", "", None))
            if grade is None:
                continue
            if mention.implicit:
                steps.append(self._praise(mention, table))
                continue
            area = mention.area_words
            if grade.rank in {g.rank for g in mention.grades}:
                steps.append(Step("grade", Label.SUPPORTED, f"{mention.grade_words} … {area}",
                                  row, "judgements",
                                  f"the judgement table grades {area} {worded}"))
            else:
                steps.append(Step("grade", Label.CONTRADICTED, f"{mention.grade_words} … {area}",
                                  row, "judgements",
                                  f"the claim says {area} is {claimed}; the judgement table "
                                  f"says {worded}"))
        return steps

    def _areas(self, mention: Mention, ranks: set[int], part: str,
               table: dict[str, tuple[str, str, GradeName | None]]) -> Step:
        """A grade given to some or all of the areas ("two areas were rated good", "every
        area was judged good"): the rows of the table that have it."""
        rows = [(r, w) for key, (r, w, g) in table.items()
                if key != "overall" and g is not None and g.rank in ranks]
        areas = [key for key, (_, _, g) in table.items() if key != "overall" and g is not None]
        everything = part == "all"
        claimed = mention.grade_words
        if rows and (not everything or len(rows) == len(areas)):
            listed = "; ".join(f"{r} {w}" for r, w in rows[:3])
            return Step("grade", Label.SUPPORTED, f"{part} … {claimed}", rows[0][0],
                        "judgements", f"the judgement table grades {listed}")
        others = [(r, w) for key, (r, w, g) in table.items()
                  if key != "overall" and g is not None and g.rank not in ranks]
        row, worded = others[0] if others else table.get("overall", ("", ""))[:2]
        return Step("grade", Label.CONTRADICTED, f"{part} … {claimed}", row, "judgements",
                    f"the claim says {part} areas are {claimed}; the judgement table grades "
                    f"{row.lower()} {worded}")

    def _praise(self, mention: Mention, table: dict[str, tuple[str, str, GradeName | None]]
                ) -> Step:
        """Praise of the whole service against the overall grade: wider than the report
        when only some areas earn it, false when none does."""
        row, worded, grade = table["overall"]
        claimed = mention.grades[0]
        words = f"{mention.grade_words} {mention.area_words}"
        if grade is None or grade.rank >= claimed.rank:
            return Step("grade", Label.SUPPORTED, words, row, "judgements",
                        f"the judgement table grades overall effectiveness {worded}")
        earned = [(r, w) for key, (r, w, g) in table.items()
                  if key != "overall" and g is not None and g.rank >= claimed.rank]
        if earned:
            return Step("grade", Label.SOFTENED, words, row, "judgements",
                        f"the claim calls the services {mention.grade_words.lower()}; the "
                        f"judgement table grades overall effectiveness {worded}, though it "
                        f"grades {earned[0][0].lower()} {earned[0][1]}")
        return Step("grade", Label.CONTRADICTED, words, row, "judgements",
                    f"the claim calls the services {mention.grade_words.lower()}; the "
                    f"judgement table grades overall effectiveness {worded} and no area "
                    f"{claimed.name}")

    def past(self, claim: str, mentions: list[Mention], index: Index) -> list[Step]:
        """Grades a claim gives an earlier inspection, against what the report says of it.

        The report's sentence on the earlier inspection is read for its own (area, grade)
        pairs ("judged to be good overall, but requires improvement in help and
        protection"); a claim naming another year than the sentence's is about an
        inspection the report does not describe, and so is a claim the sentence gives no
        grade for.
        """
        years = self.book.years(claim, index.report.year)
        for unit in index.report.units:
            for start, end in unit_sentences(unit):
                sentence = unit.text[start:end]
                lowered = sentence.lower()
                if not self.book.speaks_of_earlier(lowered):
                    continue
                said = {m.area or "overall": m for m in self.book.mentions(sentence)
                        if not m.implicit}
                if not said:
                    continue
                said_years = self.book.years(sentence, index.report.year)
                if years and said_years and not years & said_years:
                    continue
                steps = []
                for mention in mentions:
                    other = said.get(mention.area or "overall")
                    if other is None:
                        continue
                    ranks = {g.rank for g in mention.grades}
                    grade = other.grades[0]
                    outcome = Label.SUPPORTED if grade.rank in ranks else Label.CONTRADICTED
                    verb = "also says" if outcome is Label.SUPPORTED else "says"
                    steps.append(Step("grade", outcome, mention.grade_words, grade.name, unit.id,
                                      f"{_name(unit.id)} {verb} the earlier inspection found "
                                      f"{other.area_words or 'services'} "
                                      f"{grade.name.lower()}: “{_short(sentence)}”"))
                if steps:
                    return steps
        words = mentions[0].grade_words
        return [Step("grade", Label.UNVERIFIED, words, "", "",
                     "the report does not say what grade the earlier inspection gave "
                     f"(“{words}”)")]

    def area_grade(self, claim: str, c: Signals, index: Index, euphemism: list[str]
                    ) -> list[Step]:
        """A mild or euphemistic claim about an area the judgement table grades low.

        "An area to develop" for a service graded inadequate, or "a few areas to work
        on" for one that requires improvement, makes the finding sound milder.
        """
        area = self.book.area(claim)
        if not area:
            return []
        row, worded, grade = self.book.table(index.report).get(area, ("", "", None))
        if grade is None or grade.rank > 2:
            return []
        mild = c.direction < 0 and c.severity <= 1 and bool(c.hedges)
        if (grade.rank == 1 and (mild or euphemism)) or (grade.rank == 2 and euphemism):
            words = euphemism[0] if euphemism else c.hedges[0]
            return [Step("severity", Label.SOFTENED, words, row, "judgements",
                         f"the claim says “{words}”; the judgement table grades {row.lower()} "
                         f"{worded}")]
        return []
