"""Grades in claims, and the judgement table they are checked against.

A claim such as "rated Good for safeguarding, but Inadequate overall" names
grades and judgement areas. Each area is paired with the grade mentioned nearest
to it, and compared with the report's judgement table.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from . import text
from .lexicon import Lexicons
from .match import PhraseTable
from .types import Report

_QUOTES = "'\"‘’“”"


@dataclass(frozen=True, slots=True)
class GradeName:
    """One of the four grades."""

    name: str
    rank: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A judgement area a claim gives a grade, with the words it uses."""

    area: str
    grades: tuple[GradeName, ...]
    area_words: str
    grade_words: str
    past: bool
    cued: bool = False  # the claim says the grade is the report's ("an Ofsted judgement of")
    implicit: bool = False  # praise of the whole service ("the good services we provide")


class GradeBook:
    """The grade and area lexicon, ready to match."""

    def __init__(self, lexicons: Lexicons) -> None:
        lexicon = lexicons["grades"]
        self.grades = {g["name"]: GradeName(g["name"], int(g["rank"])) for g in lexicon["grade"]}
        self.grade_table = PhraseTable({g["name"]: g["aliases"] for g in lexicon["grade"]})
        self.area_table = PhraseTable({k: a["aliases"] for k, a in lexicon["area"].items()})
        self.area_rows = {k: a["row"] for k, a in lexicon["area"].items()}
        self.rating_cues = frozenset(lexicon["rating_cues"])  # compared with lemmas
        self.past = frozenset(lexicon["past"])
        self.same_grade = re.compile(rf"^\W*(?:{text.any_of(lexicon['same_grade'])})\b",
                                     re.IGNORECASE)
        self.clause_break = re.compile(
            rf"{_CLAUSE_BREAK.pattern}|\b(?:{text.any_of(lexicon['compared'])})\b",
            re.IGNORECASE)
        self.still = frozenset(lexicon["still"])
        self.kept = PhraseTable({"kept": lexicon.get("kept", ())})
        self.ranges = frozenset(lexicon.get("ranges", ()))  # lemmas
        self.degree = frozenset(lexicon["degree"])
        self.grade_followers = frozenset(lexicon["grade_followers"])
        improvements = lexicon["improvements"]
        self.improve_cues = PhraseTable({"cue": improvements["cues"]})
        self.requests = PhraseTable({"request": improvements.get("requests", ())})
        self.improve_nouns = frozenset(improvements["nouns"])
        self.improve_window = int(improvements["window"])
        self.askers = frozenset(improvements["askers"])
        self.time_units = frozenset(lexicon["time_units"])
        self.number_words = {k: int(v) for k, v in lexicons["quantifiers"]["number_words"].items()}
        self.needs_cue = frozenset(lexicon.get("needs_cue", ()))
        self.whole_service = frozenset(lexicon.get("whole_service", ()))  # lemmas
        self.sources = frozenset(lexicon.get("sources", ()))  # compared with lemmas
        self.earlier_inspection = tuple(lexicon["earlier_inspection"])
        # "the last full inspection", "the previous ILACS inspection": a past word within
        # two words of "inspection" speaks of the earlier one too
        # ("prior to the inspection" is this one's, "ago" no word before it)
        past_words = "|".join(map(re.escape, sorted(self.past - {"prior", "ago"})))
        self.earlier_words = re.compile(rf"\b(?:{past_words})\s+(?:[\w’'-]+\s+){{0,2}}inspection")
        self.regrade = frozenset(lexicon.get("regrade", ()))  # lemmas
        self.denials = tuple(tuple(d.split()) for d in lexicon.get("denials", ()))

    def speaks_of_earlier(self, lowered: str) -> bool:
        """Whether a lower-cased report sentence speaks of the earlier inspection."""
        return (any(w in lowered for w in self.earlier_inspection)
                or bool(self.earlier_words.search(lowered)))

    def grade_of(self, words: str) -> GradeName | None:
        """The grade a phrase names ("Requires improvement to be good"), if any."""
        hits = self.grade_table.find(text.lemmas(words))
        return self.grades[hits[0].key] if hits else None

    def without_grades(self, claim: str) -> str:
        """The claim with its grade names blanked, so "Requires improvement" or
        "Inadequate" is read as a grade, not as a finding about change or severity."""
        tokens = text.words(claim)
        hits = self._grade_hits(claim, tokens)
        if not hits or not self._is_rating(claim, tokens, hits):
            return claim
        chars = list(claim)
        for hit in hits:
            for i in range(tokens[hit.start].start, tokens[hit.end - 1].end):
                chars[i] = " "
        return "".join(chars)

    def area(self, passage: str) -> str:
        """The judgement area a heading or claim speaks of ("care_leavers"), or ""."""
        lowered = passage.lower()
        for key, row in self.area_rows.items():
            if row in lowered:
                return key
        hits = self.area_table.find(text.lemmas(passage))
        return hits[0].key if hits else ""

    def table(self, report: Report) -> dict[str, tuple[str, str, GradeName | None]]:
        """Area key -> (row, grade as worded, grade) from the report's judgement table.

        An older report grades children in care and care leavers in one row; that
        row answers for both areas.
        """
        out: dict[str, tuple[str, str, GradeName | None]] = {}
        for row, grade in report.grades:
            lowered = row.lower()
            for key, phrase in self.area_rows.items():
                if phrase in lowered and key not in out:
                    out[key] = (row, grade, self.grade_of(grade))
        return out

    def mentions(self, claim: str, report_year: str = "") -> list[Mention]:
        """The (area, grade) pairs a claim asserts; empty when it names no grade.

        Each area takes the grade in its own clause (clauses split at commas, "but",
        "while", "although"); an area whose clause names no grade is not graded.
        A year before ``report_year`` or "previous"/"last" marks the grade as past.
        """
        tokens = text.words(claim)
        lemmas = [t.lemma for t in tokens]
        grade_hits = self._grade_hits(claim, tokens)
        if not grade_hits:
            return []
        area_hits = self.area_table.find(lemmas)
        if not self._is_rating(claim, tokens, grade_hits):
            return [] if area_hits else self._praise(claim, tokens, grade_hits, report_year)
        if claim.lstrip().lower().startswith("overall,"):  # a discourse marker, not the area
            area_hits = [h for h in area_hits if h.start > 0]
        cued = bool(set(lemmas) & self.sources)
        out = []
        clause = _clauses(claim, tokens, self.clause_break)
        # "rated good overall, having been judged inadequate at its last inspection": the
        # clauses before the first that speaks of the past are the present; from it on
        # ("an improvement on 2019, when it was judged good") the past
        of_clause: dict[int, list[text.Token]] = {}
        for token, number in zip(tokens, clause, strict=True):
            of_clause.setdefault(number, []).append(token)
        then = [n for n in sorted(of_clause) if self._past(of_clause[n], report_year)]
        clause_past = {n: bool(then) and n >= then[0] for n in set(clause)}
        graded_clauses = {clause[h.start] for h in grade_hits}
        moved = self._transition(tokens, grade_hits, report_year)
        if not area_hits or not any(clause[a.start] in graded_clauses for a in area_hits):
            # the grades of the service as a whole: those in clauses before the first that
            # speaks of the past are today's ("rated inadequate, with quality fallen since
            # the last inspection")
            by_time: dict[bool, list] = {}
            for hit in grade_hits:
                by_time.setdefault(moved.get(hit.start, clause_past[clause[hit.start]]),
                                   []).append(hit)
            return [Mention("", tuple(self.grades[h.key] for h in hits), "",
                            " ".join(_span(claim, tokens, h.start, h.end) for h in hits),
                            past, cued) for past, hits in sorted(by_time.items())]
        # an area's grade is where it moved to ("help and protection has moved from good to
        # outstanding")
        grade_hits = [h for h in grade_hits if not moved.get(h.start)] or grade_hits
        disjunction = "or" in lemmas and len(grade_hits) > 1
        by_clause: dict[int, list] = {}
        for hit in grade_hits:
            by_clause.setdefault(clause[hit.start], []).append(hit)
        nearest = {number: _Nearest(hits) for number, hits in by_clause.items()}
        used: set = set()
        for area in area_hits:
            same = by_clause.get(clause[area.start]) or self._carried(claim, tokens, clause,
                                                                       area, by_clause)
            if not same:
                continue
            chosen = same if disjunction else [self._rated_after(lemmas, area, same)
                                               or nearest.get(clause[area.start],
                                                              _Nearest(same))(area.start,
                                                                              area.end)]
            grades = tuple(self.grades[h.key] for h in chosen)
            area_words = _span(claim, tokens, area.start, area.end)
            grade_words = " or ".join(
                _span(claim, tokens, h.start, h.end) for h in chosen)
            out.append(Mention(area.key, grades, area_words, grade_words,
                               clause_past[clause[area.start]], cued))
            used.update(chosen)
        # a grade no area took, in a claim about every area or some ("good overall and good
        # in every one of the four areas"), is the grade of those areas
        left = [h for h in grade_hits if h not in used]
        if left and self.some_areas(claim):
            out.append(Mention("", tuple(self.grades[h.key] for h in left), "",
                               " ".join(_span(claim, tokens, h.start, h.end) for h in left),
                               any(clause_past[clause[h.start]] for h in left), cued))
        elif self.some_areas(claim) == "all" and not _EXCEPT.search(claim):
            # one grade for both: "rated outstanding overall and in every one of the areas"
            # (not "though not in every area", "every area but one")
            overall = next((m for m in out if m.area == "overall"), None)
            if overall is not None:
                out.append(replace(overall, area="", area_words=""))
        return out

    def _transition(self, tokens: list[text.Token], hits: list, report_year: str
                    ) -> dict[int, bool]:
        """Which grades of a move "from G1 [then] to G2" are past, by the start of each:
        G1 is the earlier grade; G2 is today's when the words that date the past come
        between them ("from good at the 2019 inspection to requires improvement now")."""
        first = next((h for h in hits if h.start and tokens[h.start - 1].norm == "from"
                      and not {t.lemma for t in tokens[max(0, h.start - 3) : h.start]}
                      & self.ranges), None)  # "ranges from good to outstanding": no move
        steps = [h for h in hits if first is not None and h.start > first.end
                 and tokens[h.start - 1].norm == "to"]
        if first is None or not steps:
            return {}
        # "from inadequate in 2018 to requires improvement in 2021 to good now": the last
        # step is today's, the ones before it past
        last = steps[-1]
        dated_between = self._past(tokens[first.end : last.start], report_year)
        moved = {h.start: True for h in [first, *steps[:-1]]}
        moved[last.start] = not dated_between and self._past(tokens[: first.start], report_year)
        return moved

    def _praise(self, claim: str, tokens: list[text.Token], hits: list, report_year: str
                ) -> list[Mention]:
        """A grade word praising the whole service ("the good services we generally
        provide"), read as a claim about overall effectiveness; none when it is past."""
        if self._past(tokens, report_year):
            return []
        for hit in hits:
            grade = self.grades[hit.key]
            following = tokens[hit.end : hit.end + 2]
            if grade.rank >= 3 and any(t.lemma in self.whole_service for t in following):
                noun = next(t for t in following if t.lemma in self.whole_service)
                return [Mention("overall", (grade,), noun.text, _span(claim, tokens, hit.start,
                                                                      hit.end),
                                False, implicit=True)]
        return []

    def years(self, passage: str, report_year: str = "") -> set[str]:
        """The years a passage names before ``report_year``, written ("in 2018") or counted
        back from it ("ten years ago")."""
        out = {t.norm for t in text.words(passage) if t.norm.isdigit() and len(t.norm) == 4
               and t.norm[:2] in {"19", "20"} and (not report_year or t.norm < report_year)}
        if report_year:
            for found in _AGO.finditer(passage):
                count = found.group(1).lower()
                n = int(count) if count.isdigit() else self.number_words.get(count, 0)
                if n:
                    out.add(str(int(report_year) - int(n)))
        return out

    def improvement_count(self, claim: str) -> tuple[int, str] | None:
        """The number of points to improve a claim gives ("improvements in four areas"),
        with its words; None when it gives none."""
        if not self.improve_cues.find(text.lemmas(self.without_grades(claim))):
            return None
        tokens = text.words(claim)
        for i, token in enumerate(tokens):
            number = (int(token.norm) if token.norm.isdigit() and len(token.norm) < 3
                      else self.number_words.get(token.norm))
            if not number:
                continue
            near = tokens[i + 1 : i + 1 + self.improve_window]
            noun = next((t for t in near if t.norm in self.improve_nouns), None)
            if noun is not None:
                return int(number), claim[token.start : noun.end]
        return None

    def requested(self, lemmas: list[str]) -> bool:
        """Whether a claim speaks of improvement or of the report's request for it ("asked
        the council to prioritise ...", "needs to improve"), not of the thing as done."""
        return bool(self.improve_cues.find(lemmas)) or self.asks(lemmas)

    def asks(self, lemmas: list[str]) -> bool:
        """Whether a claim reports the report's request ("Ofsted asked the council to ...",
        "inspectors want to see"): a word of request soon after one that names the report,
        not denied ("did not ask", "recommends no changes"), and "ask" with what is asked
        ("asked the council to", not "asked care leavers about")."""
        for h in self.requests.find(lemmas):
            before = lemmas[max(0, h.start - self.improve_window) : h.start]
            after = lemmas[h.end : h.end + self.improve_window]
            if (set(before) & self.askers and not set(before[-3:]) & text.DENIALS
                    and not set(after[:1]) & text.DENIALS
                    and (lemmas[h.start] != "ask" or {"to", "that"} & set(after))):
                return True
        return False

    def at_least(self, claim: str) -> bool:
        """Whether a claim gives a grade as a floor ("good or better", "at least good")."""
        return bool(_AT_LEAST.search(claim))

    def some_areas(self, claim: str) -> str:
        """"all" when a claim speaks of every judgement area ("every area", "all five
        judgements"), "some" when of a number of them ("two areas", "three of the four
        judgements", "one area"), else ""."""
        found = _AREAS.search(claim)
        if not found:
            return ""
        word = found.group(1) or found.group(2) or found.group(3)
        return "all" if word.lower() in {"all", "every", "each"} else "some"

    def continuing(self, claim: str) -> bool:
        """Whether a claim says a past grade still holds ("still requires improvement, as it
        did in 2019"): then it speaks of the present grade too."""
        tokens = text.words(claim)
        lemmas = [t.lemma for t in tokens]
        if set(lemmas) & self.still:
            return True
        graded = [h.start for h in self.grade_table.find(lemmas)]
        graded += [i for i, lemma in enumerate(lemmas) if lemma in self.rating_cues]
        return any(any(hit.end <= g < hit.end + 4 for g in graded)
                   for hit in self.kept.find(lemmas))

    def _past(self, tokens: list[text.Token], report_year: str) -> bool:
        """Whether the words put a grade in the past: "previous", "last", or a year before
        the report's."""
        return any((t.norm in self.past and not (i + 1 < len(tokens) and tokens[i + 1].lemma
                                                   in self.time_units))
                   or (t.norm.isdigit() and len(t.norm) == 4 and t.norm < report_year)
                   for i, t in enumerate(tokens))

    def _carried(self, claim: str, tokens: list[text.Token], clause: list[int], area: Any,
                 by_clause: dict[int, list]) -> list:
        """The grades an area in a clause of no grade takes from the clause before, when its
        clause opens "as were" or "and so was" ("graded good, as were care leavers")."""
        number = clause[area.start]
        first = clause.index(number)
        earlier = [n for n in by_clause if n < number]
        if not earlier or not self.same_grade.match(
                claim[tokens[first].start if first else 0 : tokens[area.start].start]):
            return []
        return by_clause[max(earlier)]

    def _rated_after(self, lemmas: list[str], area: Any, hits: list) -> Any:
        """The grade a rating word after an area gives it, with no grade between ("children
        in care and care leavers judged to be good", even right after "judged inadequate
        with"), or None."""
        cue = next((i for i in range(area.end, len(lemmas)) if lemmas[i] in self.rating_cues),
                   None)
        if cue is None or any(area.end <= h.start < cue for h in hits):
            return None
        return next((h for h in hits if h.start > cue), None)

    def _grade_hits(self, claim: str, tokens: list[text.Token]) -> list:
        """Grade names in the claim; a word that is also a plain verb ("failed to act")
        names a grade only beside a rating cue or in quotes."""
        hits = self.grade_table.find([t.lemma for t in tokens])
        cued = bool({t.lemma for t in tokens} & self.rating_cues)
        hits = [h for h in hits if (cued or h.end - h.start > 1
                                    or tokens[h.start].norm not in self.needs_cue
                                    or self._quoted(claim, tokens, h))
                and not self._adjective(claim, tokens, h)]
        kept = [h for h in hits if not self._denied(tokens, h.start)]
        return kept if kept else hits

    def _denied(self, tokens: list[text.Token], start: int) -> bool:
        """Whether the grade at ``start`` follows a denial ("rather than outstanding")."""
        before = tuple(t.norm for t in tokens[:start])
        return any(before[-len(d):] == d for d in self.denials)

    def _adjective(self, claim: str, tokens: list[text.Token], hit) -> bool:
        """Whether a praising grade word is an adjective before a noun ("a good grasp",
        "in good time", "outstanding practice"), not a grade: a grade is followed by
        what the table grades or by nothing ("rated good for leadership", "good overall")."""
        if hit.end - hit.start > 1 or self.grades[hit.key].rank < 3:
            return False
        if self._quoted(claim, tokens, hit):
            return False
        if hit.start > 0 and tokens[hit.start - 1].norm in self.degree:
            return True  # "consistently good services", "not good enough", "very good"
        if hit.end >= len(tokens):
            return False
        following = tokens[hit.end]
        if claim[tokens[hit.end - 1].end : following.start].strip():
            return False  # punctuation between: "rated good, the second-highest grade"
        return (following.norm.isalpha() and following.lemma not in self.grade_followers
                and not self.area_table.find([t.lemma for t in tokens[hit.end : hit.end + 4]])
                and following.lemma not in self.whole_service)

    @staticmethod
    def _quoted(claim: str, tokens: list[text.Token], hit) -> bool:
        start, end = tokens[hit.start].start, tokens[hit.end - 1].end
        return (start > 0 and claim[start - 1] in _QUOTES) or claim[end:end + 1] in _QUOTES

    def _is_rating(self, claim: str, tokens: list[text.Token], hits: list) -> bool:
        lemmas = {t.lemma for t in tokens}
        if lemmas & self.rating_cues or self._transition(tokens, hits, ""):
            return True  # "rated good"; "moved from good to outstanding"
        for hit in hits:
            if self._quoted(claim, tokens, hit):
                return True
            if self.grades[hit.key].rank in (1, 2):  # "inadequate", "requires improvement"
                return True
        return False


_AT_LEAST = re.compile(r"\b(?:or better|and (?:\w+ )?better|or above|at least|or higher)\b",
                       re.IGNORECASE)
_AREAS = re.compile(r"\b(all|every|each)\s+(?:single\s+)?(?:one\s+)?of\s+(?:the|its|their)\s+"
                    r"(?:\w+\s+){0,2}(?:areas?|judge?ments?|parts?)\b"
                    r"|\b(all|every|each|one|two|three|four|five|\d)\b(?:\s+(?:of\s+the\s+)?"
                    r"(?:\w+\s+)?)?\s*(?:areas?|judge?ments?|parts?)\b|\b(the remaining one)\b",
                    re.IGNORECASE)
_AGO = re.compile(r"\b(\d+|\w+)\s+years?\s+ago\b", re.IGNORECASE)
# An exception to "every area": "not in every area", "every area but one", "except".
_EXCEPT = re.compile(r"\b(?:not|never)\s+(?:\w+\s+){0,2}(?:all|every|each)\b"
                     r"|\bbut\s+(?:one|two|three)\b|\bexcept\b|\bapart from\b",
                     re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,:–—]|\b(?:but|while|whilst|although|though|whereas|however)\b",
                           re.IGNORECASE)


def _clauses(claim: str, tokens: list[text.Token], breaking: re.Pattern[str]) -> list[int]:
    """The clause number of each token: how many clause breaks come before it."""
    breaks = [m.start() for m in breaking.finditer(claim)]
    return [bisect.bisect_left(breaks, token.start) for token in tokens]


def _span(claim: str, tokens: list[text.Token], start: int, end: int) -> str:
    """Tokens ``start`` to ``end`` as the claim writes them ("under 18s", not "under 18 s")."""
    return claim[tokens[start].start : tokens[end - 1].end]


class _Nearest:
    """Finds the first of ``hits`` nearest a span, as ``min(hits, key=distance)`` does, in
    logarithmic rather than linear time when the hits are in order and apart (a claim
    that names a grade thousands of times)."""

    def __init__(self, hits: list) -> None:
        self.hits = hits
        self.ordered = all(a.end <= b.start for a, b in zip(hits, hits[1:], strict=False))
        self.ends = [h.end for h in hits]
        self.starts = [h.start for h in hits]

    def __call__(self, start: int, end: int) -> Any:
        def distance(hit: Any) -> int:
            return _distance(hit.start, hit.end, start, end)

        if not self.ordered:
            return min(self.hits, key=distance)
        # the nearest is the last hit before the span, one overlapping it, or the first after
        low = bisect.bisect_left(self.ends, start + 1) - 1
        high = bisect.bisect_left(self.starts, end)
        return min(self.hits[max(low, 0) : min(high, len(self.hits) - 1) + 1], key=distance)


def _distance(a0: int, a1: int, b0: int, b1: int) -> int:
    if a1 <= b0:
        return b0 - a1
    if b1 <= a0:
        return a0 - b1
    return 0


@cache
def book(lexicons: Lexicons) -> GradeBook:
    """The grade book for these lexicons (built once per process)."""
    return GradeBook(lexicons)
