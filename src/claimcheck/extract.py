"""Statements into sentences, and which of them are worth checking.

A statement (press release, news story, commentary) is split into sentences
with offsets into its text. Each sentence is marked checkworthy when it asserts
something the report could confirm or deny: a grade, a finding about a service,
a quantity, a change, an action taken, what the report or its inspectors said.
Apologies, thanks, promises, opinion, captions, headings and bare attributions
are kept but marked not checkworthy, each with the reason in plain words.

The rules are cue phrases from ``lexicons/checkworthy.toml`` and a few
structural tests; this module holds only the logic. Strong evidence of a
checkable finding (a grade, the report as subject, a change, an action) wins
over softer signs of opinion or intent, so "It is reassuring that the report
recognises the 'Good' work" is kept and "We will always put children first" is
not.

Reported speech keeps its embedded claim ("admitted it was 'sad' that the
council had not ...": the claim is what follows "that"); a sentence joining two
claims with "but", "while", "yet" is cut into parts that each stand alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import inputs, markup, text
from .corpus import STATEMENT_LIMIT, display, unix_newlines
from .errors import InputError
from .lexicon import Lexicons, default
from .types import Document, Kind, Metadata, Sentence

_QUOTES_OPEN = "“"
_QUOTES_CLOSE = "”"
_QUOTE_MARKS = "“”\"‘’'"
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_YEAR_AFTER = re.compile(r"^\s*(?:in|of)\s+(?:\w+\s+)?\d{4}\b")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


# --- Reading statements --------------------------------------------------------------


def statement_from_text(source: str, doc_id: str = "stdin", name: str = "") -> Document:
    """A statement given as text (on the command line or stdin) as a Document.

    HTML is read into its visible text, and sentence offsets then count into that
    text; plain text and Markdown are kept as written.
    """
    clean = markup.visible_text(unix_newlines(source))
    if not clean.strip():
        name = name or ("the statement" if doc_id == "stdin" else doc_id)
        raise InputError(f"{name}: has no visible text (only markup or white space); "
                         "give the statement's words")
    return Document(id=doc_id, kind=Kind.STATEMENT, path=doc_id, text=clean, title=doc_id)


def read_statement(path: Path, doc_id: str = "", meta: Metadata | None = None,
                   limit: int | None = None) -> Document:
    """A statement file (plain text, Markdown, HTML, PDF or .docx) as a Document.

    Args:
        path: The file.
        doc_id: Its id; default: the file's stem.
        meta: Metadata given by the user; it wins over the file's front matter. The
            title defaults to the id.
        limit: The largest file read, in bytes (``corpus.STATEMENT_LIMIT`` when None).
    """
    source, found = inputs.statement_text(path, STATEMENT_LIMIT if limit is None else limit)
    given = (meta or Metadata()).over(found)
    doc = statement_from_text(source, display(doc_id or path.stem), display(path))
    return replace(doc, path=display(path), title=given.title or doc.id, author=given.author,
                   date=given.date, url=given.url, publisher=given.publisher)


def read_statements(paths: list[Path], meta: Metadata | None = None,
                    limit: int | None = None) -> list[Document]:
    """Statement files as Documents with ids unique in the list (see ``inputs.unique_ids``)."""
    return [read_statement(path, doc_id, meta, limit)
            for path, doc_id in zip(paths, inputs.unique_ids(paths), strict=True)]


# --- Cue matching ------------------------------------------------------------------


class _Words:
    """The words of a text, lower-cased with plain apostrophes, for phrase matching.

    Phrases are matched on ``joined``, the words separated by single spaces and
    padded with one space each side, so a phrase match never cuts a word.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.items = [
            (m.group(), m.start(), m.end()) for m in _WORD.finditer(text.normalise(source))
        ]
        self.norms = [w for w, _, _ in self.items]
        self._offsets = []
        pos = 1
        for word in self.norms:
            self._offsets.append(pos)
            pos += len(word) + 1
        self.joined = " " + " ".join(self.norms) + " "

    def spans(self, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        """(first word, word after last) of every match of ``pattern``."""
        out = []
        for match in pattern.finditer(self.joined):
            first = bisect.bisect_left(self._offsets, match.start())
            last = bisect.bisect_left(self._offsets, match.end())
            out.append((first, last))
        return out

    def has(self, pattern: re.Pattern[str] | None) -> bool:
        return pattern is not None and pattern.search(self.joined) is not None

    def char_start(self, index: int) -> int:
        return self.items[index][1] if index < len(self.items) else len(self.source)

    def char_end(self, index: int) -> int:
        return self.items[index][2]


@lru_cache(maxsize=256)
def _words(source: str) -> _Words:
    """The words of ``source``, read once: a sentence is read at several stages."""
    return _Words(source)


def _phrase_regex(phrase: str) -> str:
    out = []
    for word in text.normalise(phrase).split():
        if word == "...":
            out.append(r"(?:\S+ ){0,15}")
        elif word == "~":
            out.append(r"(?:\S+ ){1,2}")
        elif word.endswith("*"):
            out.append(re.escape(word[:-1]) + r"\S* ")
        else:
            # split as _Words splits a text: "wake-up" is two words on both sides
            out.extend(re.escape(part) + " " for part in _WORD.findall(word))
    return "".join(out)


@lru_cache(maxsize=256)
def _compile(phrases: tuple[str, ...], anchored: bool = False) -> re.Pattern[str] | None:
    if not phrases:
        return None
    body = "|".join(_phrase_regex(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(("^ " if anchored else "(?<= )") + "(?:" + body + ")")


@dataclass(frozen=True, slots=True)
class _Cues:
    """The checkworthy lexicon compiled into patterns, once per set of lexicons."""

    caption: re.Pattern[str] | None
    attribution: re.Pattern[str]
    trailing_attribution: re.Pattern[str]
    speech: frozenset[str]
    frames: re.Pattern[str] | None
    adverbs: tuple[str, ...]
    thanks: re.Pattern[str] | None
    apology: re.Pattern[str] | None
    intent: re.Pattern[str] | None
    framing: re.Pattern[str] | None
    opinion: re.Pattern[str] | None
    not_opinion: re.Pattern[str] | None
    told: re.Pattern[str] | None  # "told inspectors": what follows is reported, not opinion
    interpret: re.Pattern[str] | None
    prescription: re.Pattern[str] | None
    abstract: re.Pattern[str] | None
    verbs: frozenset[str]
    clause_verbs: frozenset[str]  # the verbs and those that give a clause after ", and" one
    grades: re.Pattern[str] | None
    grade_context: re.Pattern[str] | None
    sources: frozenset[str]
    report_verbs: re.Pattern[str] | None
    between: frozenset[str]
    passive: re.Pattern[str] | None
    change: re.Pattern[str] | None
    action: re.Pattern[str] | None
    quantity: re.Pattern[str] | None
    extent: re.Pattern[str] | None
    service: re.Pattern[str] | None
    after: re.Pattern[str] | None
    commentary: re.Pattern[str] | None
    split: re.Pattern[str]  # where a sentence joins two claims (", but"; "but found that")


def _starts_caption(starts: tuple[str, ...]) -> re.Pattern[str] | None:
    """A caption's opening word, an optional aside in brackets and a colon ("Photo: ",
    "Picture (left): ")."""
    if not starts:
        return None
    words = "|".join(re.escape(text.normalise(word)) for word in starts)
    return re.compile(rf"(?:{words})\s*(?:\([^)]*\))?\s*:")


def _list(table: Mapping[str, Any], group: str, key: str) -> tuple[str, ...]:
    value = table.get(group, {}).get(key, [])
    return tuple(str(item) for item in value)


@lru_cache(maxsize=8)
def _cues_for(lexicons: Lexicons) -> _Cues:
    lex = lexicons["checkworthy"]
    attribution_verbs = "|".join(re.escape(v) for v in _list(lex, "attribution", "verbs"))
    grade_aliases = tuple(a for g in lexicons["grades"].get("grade", []) for a in g["aliases"])
    abstract = "|".join(re.escape(w) for w in _list(lex, "opinion", "abstract_subjects"))
    copulas = "|".join(_phrase_regex(c) for c in _list(lex, "opinion", "copulas"))
    return _Cues(
        caption=_starts_caption(_list(lex, "caption", "starts")),
        attribution=re.compile(
            rf"^(?P<who>[^“”\"]{{1,160}}?)[\s,]+(?:{attribution_verbs})(?:\s+[^:“”\"]{{1,40}})?\s*:\s*",
            re.IGNORECASE,
        ),
        trailing_attribution=re.compile(
            rf"[,.!?]?[”\"]\s*,?\s*(?P<who>(?:[^“”\"\s]+\s+){{0,8}}?)(?:{attribution_verbs})"
            r"(?P<after>\s+[^“”\"]{1,120})?\s*\.?$",
            re.IGNORECASE,
        ),
        speech=frozenset(text.normalise(v) for v in _list(lex, "reported_speech", "verbs")),
        frames=_compile(_list(lex, "frame", "openings"), anchored=True),
        adverbs=tuple(text.normalise(a) for a in _list(lex, "frame", "adverbs")),
        thanks=_compile(_list(lex, "thanks", "phrases")),
        apology=_compile(_list(lex, "apology", "phrases")),
        intent=_compile(_list(lex, "intent", "phrases")),
        framing=_compile(_list(lex, "opinion", "framing")),
        opinion=_compile(_list(lex, "opinion", "phrases")),
        not_opinion=_compile(_list(lex, "opinion", "not_phrases")),
        told=_compile(_list(lex, "opinion", "told")),
        interpret=_compile(_list(lex, "opinion", "interpret")),
        prescription=_compile(_list(lex, "opinion", "prescription")),
        abstract=re.compile(
            rf"(?<= )(?:the|this|that|these|those|its|their|our|his|her) (?:\S+ )?(?:{abstract}) "
            rf"(?:{copulas})"
        )
        if abstract
        else None,
        verbs=frozenset(text.normalise(v) for v in _list(lex, "heading", "verbs")),
        clause_verbs=frozenset(text.normalise(v) for v in _list(lex, "heading", "verbs")
                               + _list(lex, "and_clause", "verbs")),
        grades=_compile(grade_aliases),
        grade_context=_compile(_list(lex, "grade", "context")),
        sources=frozenset(text.normalise(s) for s in _list(lex, "report", "sources")),
        report_verbs=_compile(_list(lex, "report", "verbs")),
        split=_split_pattern(_list(lex, "report", "verbs")),
        between=frozenset(text.normalise(s) for s in _list(lex, "report", "between")),
        passive=_compile(_list(lex, "report", "passive")),
        change=_compile(_list(lex, "change", "phrases")),
        action=_compile(_list(lex, "action", "phrases")),
        quantity=_compile(_list(lex, "quantity", "words")),
        # the ends of the scale: "few", "most", "all" (quantifiers.toml levels 0, 1, 4, 5)
        extent=_compile(tuple(w for level, words in lexicons["quantifiers"]["level"].items()
                              if level in {"0", "1", "4", "5"} for w in words)),
        service=_compile(_list(lex, "service", "words")),
        after=_compile(_list(lex, "after_report", "phrases")),
        commentary=_clause_start(_list(lex, "opinion", "commentary")),
    )


def _clause_start(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """A comma or dash before one of ``phrases``: where a trailing clause of comment starts."""
    if not phrases:
        return None
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len,
                                                                         reverse=True))
    return re.compile(rf"\s*[,;–—]\s+(?=(?:{body})\b)", re.IGNORECASE)


# --- Sentences ---------------------------------------------------------------------


@dataclass(slots=True)
class _Quoting:
    """Who is being quoted, and whether a quotation is open, as the statement runs on."""

    open: bool = False
    speaker: str = ""
    named: bool = False  # whether the current sentence named a speaker

    def update(self, segment: str) -> None:
        for char in segment:
            if char == _QUOTES_OPEN:
                self.open = True
            elif char == _QUOTES_CLOSE:
                self.open = False
            elif char == '"':
                self.open = not self.open


def sentences(doc: Document, lexicons: Lexicons | None = None) -> list[Sentence]:
    """Every sentence of a statement, each marked checkworthy or not, with the reason.

    Offsets count into ``doc.text``: ``doc.text[s.start:s.end] == s.text``.
    Markdown and HTML marks are ignored when splitting and judging (a bullet's
    dash is not part of its sentence) but stay in ``text`` where they fall
    inside a sentence; ``claim`` then holds the sentence without them.
    """
    cues = _cues_for(lexicons or default())
    masked = markup.mask(doc.text)
    lines = _line_bounds(masked)
    line_starts = {line_start for line_start, _ in lines}
    quoting = _Quoting()
    out = []
    for start, end in text.sentence_spans(masked):
        segment = masked[start:end]
        if start in line_starts and segment[:1] not in '“"':
            quoting.open = False  # a quoted paragraph that goes on opens with a quote mark
        inside = quoting.open
        quoting.update(segment)
        quoting.named = False
        sentence = _sentence(doc, start, end, segment, inside, lines, quoting, cues)
        speaks = inside or quoting.open or _opens_quotation(markup.fold(segment))
        if not (speaks or quoting.named or sentence.reason in {"caption", "heading"}):
            quoting.speaker = ""  # the narrative has moved on from the last speaker
        out.append(sentence)
    return out


def _opens_quotation(clean: str) -> bool:
    """Whether a sentence is a quotation: it opens with a quote mark closed only at its end."""
    return clean[:1] in '“"' and not re.search(r"[”\"].", clean[1:])


def _line_bounds(masked: str) -> set[tuple[int, int]]:
    """(start, end) of every non-blank line, without its surrounding spaces."""
    bounds = set()
    for line in re.finditer(r"[^\n]+", masked):
        stripped = line.group().strip()
        if stripped:
            lead = len(line.group()) - len(line.group().lstrip())
            bounds.add((line.start() + lead, line.start() + lead + len(stripped)))
    return bounds


@dataclass(slots=True)
class _Judged:
    checkworthy: bool
    reason: str


def _sentence(
    doc: Document,
    start: int,
    end: int,
    segment: str,
    inside_quote: bool,
    lines: set[tuple[int, int]],
    quoting: _Quoting,
    cues: _Cues,
) -> Sentence:
    raw = doc.text[start:end]
    clean = markup.fold(segment)
    quoted = inside_quote

    def make(judged: _Judged, claim: str = "", parts: tuple[str, ...] = (), after: bool = False):
        reason = judged.reason
        if quoted and quoting.speaker and judged.reason not in {"attribution", "heading"}:
            reason = f"{reason}, quoting {quoting.speaker}"
        claim = claim if claim and claim != raw else ""
        return Sentence(doc.id, raw, start, end, judged.checkworthy, reason, claim, parts, after)

    if cues.caption is not None and cues.caption.match(text.normalise(clean)):
        return make(_Judged(False, "caption"))

    body = clean
    attribution = cues.attribution.match(body)
    if attribution and not _has_finite_verb(cues, attribution.group("who"), strict=True):
        _set_speaker(quoting, attribution.group("who"))
        body = body[attribution.end() :]
        if not _words(body).norms:
            return make(_Judged(False, "attribution"))
        quoted = True
    trailing = cues.trailing_attribution.search(body)
    if trailing and body[:1] in '“"':
        _set_speaker(quoting, f"{trailing.group('who')}, {trailing.group('after') or ''}")
        body = body[: trailing.start()]
        quoted = True

    if _is_heading(cues, clean, (start, end) in lines):
        return make(_Judged(False, "heading"))

    if _opens_quotation(body):
        quoted = True
    if quoted:
        body = _strip_quotes(body)
    told = bool(cues.told and cues.told.search(body))
    body = _embedded_claim(cues, body, quoting)
    wrapped = _APOLOGY_FOR.search(body)
    if wrapped:
        # "we apologise that some children have waited too long": the finding is checked
        body = wrapped.group(1)

    judged = _judge(cues, body)
    if told and judged.reason == "opinion":
        # "Staff told inspectors they are proud of their work": what the report records
        judged = _Judged(True, "reported to the inspectors")
    parts = _parts(cues, body)
    if not judged.checkworthy:
        if parts == [body] or judged.reason not in {"opinion", "statement of intent"}:
            return make(judged, body)
        # A checkable clause joined to a comment ("Audits are sharper, yet ..."): keep the clause.
        judged = _Judged(True, _judge(cues, parts[0]).reason)
    if len(parts) == 1:
        body, parts = parts[0], []
    after = _after_report(cues, body)
    return make(judged, body, tuple(parts), after)


def _set_speaker(quoting: _Quoting, who: str) -> None:
    """Remember who is speaking: the first part of ``who`` that reads as a name.

    "He" or "she" keeps the speaker named before.
    """
    quoting.named = True
    best, best_share = "", 0.5
    for chunk in who.split(","):
        words = [w for w in chunk.split() if w[:1].isalpha()]
        if not words or text.normalise(" ".join(words)) in _PRONOUNS:
            continue
        share = sum(w[0].isupper() for w in words) / len(words)
        if share > best_share or (share == best_share and not best):
            best, best_share = " ".join(chunk.split()), share
    if best:
        quoting.speaker = best


def _strip_quotes(body: str) -> str:
    """A quoted sentence without the quotation marks that open or close the quotation."""
    if body[:1] in '“"':
        body = body[1:]
    if (
        body.endswith("”")
        and body.count("”") > body.count("“")
        or body.endswith('"')
        and body.count('"') % 2
    ):
        body = body[:-1]
    return body.strip()


def _verb_like(cues: _Cues, word: str) -> bool:
    """A listed verb, or a word that looks like a past tense or participle ("rated")."""
    return word in cues.verbs or (len(word) > 4 and word.endswith("ed"))


def _has_finite_verb(cues: _Cues, phrase: str, strict: bool = False) -> bool:
    """Whether ``phrase`` has a verb; ``strict`` counts only the listed verbs."""
    norms = _words(phrase).norms
    if strict:
        return any(word in cues.verbs for word in norms)
    return any(_verb_like(cues, word) for word in norms)


def _is_heading(cues: _Cues, clean: str, whole_line: bool) -> bool:
    """A line standing alone, without a closing stop, that names rather than asserts."""
    if not whole_line or clean[-1:] in ".!?:;" or clean.rstrip(_QUOTE_MARKS + ")")[-1:] in ".!?":
        return False
    words = _words(clean)
    if words.has(cues.grades) or words.has(cues.change):
        return False
    return len(words.norms) <= 4 or not _has_finite_verb(cues, clean)


def _embedded_claim(cues: _Cues, body: str, quoting: _Quoting) -> str:
    """The claim inside reported speech and feeling frames, or ``body`` itself."""
    for _ in range(3):
        before = body
        lowered = text.normalise(body)
        for adverb in cues.adverbs:
            if lowered.startswith(adverb + ","):
                body = body[len(adverb) + 1 :].lstrip()
                break
        words = _words(body)
        spoken = _after_speech_verb(cues, words)
        if spoken:
            _set_speaker(quoting, body[: len(body) - len(spoken)])
            body = spoken
        words = _words(body)
        spans = words.spans(cues.frames) if cues.frames else []
        if spans and spans[0][0] == 0 and spans[0][1] < len(words.norms):
            body = body[words.char_start(spans[0][1]) :]
        if body == before:
            break
    return body.strip()


def _after_speech_verb(cues: _Cues, words: _Words) -> str:
    """What a non-report speaker is reported to have said: "X admitted that <claim>"."""
    for i, word in enumerate(words.norms[:18]):
        if word not in cues.speech:
            continue
        subject = words.norms[:i]
        if not subject or _is_source(cues, words.norms, i):
            return ""
        quantified = bool(cues.extent and cues.extent.search(" " + " ".join(subject) + " "))
        if any(_verb_like(cues, w) for w in subject):
            return ""
        rest = i + 1
        if rest < len(words.norms) and words.norms[rest] == "that":
            rest += 1
        if len(words.norms) - rest < 3:
            return ""
        if quantified:
            # "few children told inspectors they felt safe": how many said it is the claim
            return words.source[: words.char_start(i)] + words.source[words.char_start(rest) :]
        return words.source[words.char_start(rest) :]
    return ""


def _is_source(cues: _Cues, norms: list[str], index: int) -> bool:
    """Whether the report or its inspectors are the subject of the verb at ``index``."""
    j = index - 1
    while j >= 0 and norms[j] in cues.between:
        j -= 1
    return j >= 0 and norms[j] in cues.sources


def _reporting(cues: _Cues, words: _Words) -> bool:
    if words.has(cues.passive):
        return True
    if cues.report_verbs is None:
        return False
    return any(_is_source(cues, words.norms, first) for first, _ in words.spans(cues.report_verbs))


def _grade(cues: _Cues, words: _Words) -> bool:
    if cues.grades is None:
        return False
    spans = words.spans(cues.grades)
    if not spans:
        return False
    if words.has(cues.grade_context):
        return True
    for first, _ in spans:
        begin = words.char_start(first)
        before = words.source[max(0, begin - 1) : begin]
        if before in _QUOTE_MARKS or (first > 0 and words.source[begin].isupper()):
            return True
    return False


def _opinion(cues: _Cues, words: _Words) -> bool:
    shields = words.spans(cues.not_opinion) if cues.not_opinion is not None else []
    if cues.opinion is not None and any(
            not any(a <= first and last <= b for a, b in shields)
            for first, last in words.spans(cues.opinion)):
        return True  # an opinion cue outside a phrase that only holds its words
    if words.has(cues.abstract):
        return True
    if cues.commentary is not None and cues.commentary.match(", " + words.source):
        return True
    if words.has(cues.prescription) and not _comparison(words, cues.prescription):
        return True
    if cues.interpret is not None:
        for first, _ in words.spans(cues.interpret):
            if not _is_source(cues, words.norms, first):
                return True
    return False


# An apology that wraps a finding ("we apologise that some children waited too long",
# "sorry that young people did not get the support"): the finding after "that".
_APOLOGY_FOR = re.compile(r"\b(?:apologi[sz]e[sd]?|sorry|regret)\s+(?:\w+\s+){0,3}?that\s+"
                          r"((?:\S+\s+){3,}\S+)", re.IGNORECASE)


def _comparison(words: _Words, pattern: re.Pattern[str] | None) -> bool:
    """Whether every prescription is the measure of a comparison ("not visited as often
    as they should have been", "took longer than it should"): a finding, not advice."""
    if pattern is None:
        return False
    for first, _ in words.spans(pattern):
        before = words.norms[max(0, first - 4) : first]
        if "as" not in before and "than" not in before:
            return False
    return True


def _judge(cues: _Cues, body: str) -> _Judged:
    """Whether ``body`` asserts something checkable, and the reason in plain words."""
    words = _words(body)
    if not words.norms:
        return _Judged(False, "no words")
    if words.has(cues.thanks):
        return _Judged(False, "thanks")
    if words.has(cues.apology):
        return _Judged(False, "apology")
    if words.has(cues.framing):
        return _Judged(False, "opinion")
    strong = ""
    if _grade(cues, words):
        strong = "asserts a grade"
    elif _reporting(cues, words):
        strong = "what the report found"
    elif words.has(cues.change):
        strong = "asserts a change"
    elif words.has(cues.action):
        strong = "action taken"
    if strong:
        return _Judged(True, strong)
    if body.rstrip(_QUOTE_MARKS + ")").endswith("?"):
        return _Judged(False, "rhetorical question")
    if _opinion(cues, words):
        return _Judged(False, "opinion")
    if words.has(cues.intent):
        return _Judged(False, "statement of intent")
    if len(words.norms) < 3:
        return _Judged(False, "too short to assert anything")
    if re.search(r"\d|£|\$|€|%", body) or words.has(cues.quantity):
        return _Judged(True, "quantity")
    if words.has(cues.service):
        return _Judged(True, "finding about a service")
    return _Judged(True, "asserts a fact")


def _after_report(cues: _Cues, body: str) -> bool:
    """Whether the claim speaks of a time after the report was written."""
    if cues.after is None:
        return False
    words = _words(body)
    for first, last in words.spans(cues.after):
        phrase = " ".join(words.norms[first:last])
        if phrase.startswith("since the") and _YEAR_AFTER.match(
            words.source[words.char_end(last - 1) :]
        ):
            continue  # "since the inspection in 2020" looks back from the report
        return True
    return False


# --- Parts -------------------------------------------------------------------------

# A semicolon alone does not split: it separates the items of a list as often as claims.
_SPLIT = r"\s*(?:,|;|–|—)\s+(?:but|yet|whereas|while|whilst)\s+"


def _split_pattern(report_verbs: tuple[str, ...]) -> re.Pattern[str]:
    """Where a sentence joins two claims: ", but", "; while", and a "but" with no comma
    before a verb that reports the report ("praised the response but found that ...")."""
    verbs = "|".join(sorted((re.escape(v) for v in report_verbs), key=len, reverse=True))
    bare = rf"\s+but\s+(?=(?:also\s+)?(?:{verbs})\b)" if verbs else ""
    return re.compile(f"{_SPLIT}|{bare}" if bare else _SPLIT, re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:and\s+|but\s+)?(?:while|whilst|although|though|even though)\s+(?P<first>[^,]+?),\s+"
    r"(?P<second>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_DANGLING = frozenset(
    {"some", "many", "most", "all", "few", "the", "a", "an", "of", "to", "for", "in", "on"}
    | {"and", "or", "with"}
)


def _parts(cues: _Cues, body: str) -> list[str]:
    """The claims a sentence joins with "but", "while", "yet", each able to stand alone.

    A second part without a verb takes the first part's subject and verb
    ("Harrow rated Good for safeguarding, but Inadequate overall" gives
    "Harrow rated Inadequate overall"). An aside between dashes is a part of its
    own; a trailing comment ("..., raising concerns about ...") is cut off. Parts
    that are opinion or promise are dropped: only what can be checked is kept.
    """
    pieces = _split(cues, body)
    if len(pieces) < 2:
        cut = pieces[0][0] if pieces else body
        unchanged = cut == body.strip().rstrip(".").strip(" ,;")
        return [body if unchanged or not _judge(cues, cut).checkworthy else cut]
    out = [pieces[0][0]]
    for piece, carries, _aside in pieces[1:]:
        if carries and len(piece.split()) <= 5 and not _has_verb(cues, piece):
            prefix = _subject_and_verb(cues, out[0])
            if prefix:
                piece = f"{prefix} {piece}"
        out.append(piece)
    kept = [(p, aside) for p, (_, _, aside) in zip(out, pieces, strict=True)
            if _judge(cues, p).checkworthy]
    if all(aside for _, aside in kept):  # an aside says nothing once its clause is comment
        return [body]
    return [p for p, _ in kept]


def _split(cues: _Cues, body: str) -> list[tuple[str, bool, bool]]:
    """The clauses of ``body``, each with whether it may borrow the first clause's subject
    and whether it is an aside (between dashes, or a trailing comment).

    Only a clause after "but" or "yet" may ("..., but Inadequate overall"); the main
    clause after a leading "While ..." always has its own.
    """
    stripped = body.strip().rstrip(".")
    pieces: list[tuple[str, bool, bool]] = []
    stripped, asides = _asides(stripped)
    promise = _PROMISE.search(stripped)
    if promise and len(stripped[: promise.start()].split()) >= 3:
        stripped = stripped[: promise.start()]  # "... and will have the support they deserve"
    if cues.commentary is not None:
        comment = cues.commentary.search(stripped)
        if comment and len(stripped[: comment.start()].split()) >= 3:
            asides.append(stripped[comment.end() :])
            stripped = stripped[: comment.start()]
    for n, chunk in enumerate(c for mid in _split_mid(cues, stripped)
                              for c in _split_and(cues, mid)):
        leading = _LEADING.match(chunk)
        if leading and len(leading.group("first").split()) >= 3:
            pieces.extend([(leading.group("first"), False, False),
                           (leading.group("second"), False, False)])
        else:
            pieces.append((chunk, n > 0, False))
    pieces += [(aside, False, True) for aside in asides]
    return [(p.strip(" ,;"), carries, aside) for p, carries, aside in pieces if p.strip(" ,;")]


# A promise joined to a claim: the claim is checked, the promise cannot be.
_PROMISE = re.compile(r",?\s+and\s+(?:we\s+|they\s+|it\s+)?will\s+(?!not\b)\w", re.IGNORECASE)
_ASIDE = re.compile(r"\s+[–—]\s+(?P<aside>[^–—]+?)\s+[–—](?=\s)")


def _asides(body: str) -> tuple[str, list[str]]:
    """``body`` without its asides between dashes ("– including a period with ... –"),
    and the asides, each to be judged as a part of its own."""
    asides = [m.group("aside") for m in _ASIDE.finditer(body)
              if len(m.group("aside").split()) >= 3]
    if not asides:
        return body, []
    return _ASIDE.sub(lambda m: "," if len(m.group("aside").split()) >= 3 else m.group(),
                      body), asides


def _split_mid(cues: _Cues, body: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in cues.split.finditer(body):
        first, rest = body[start : match.start()], body[match.end() :]
        last_word = first.split()[-1].lower() if first.split() else ""
        if (
            len(first.split()) < 3
            or len(rest.split()) < 2
            or last_word in _DANGLING
            or rest.lower().startswith("not ")
            or first.count("“") > first.count("”")
        ):
            continue
        pieces.append(first)
        start = match.end()
    pieces.append(body[start:])
    return pieces


def _split_and(cues: _Cues, body: str) -> list[str]:
    """``body`` split at each ", and" where a clause with a subject and verb of its own
    follows ("..., and the checks on their carers are completed on time"); a verb that
    shares the first clause's subject (", and helps find carers") stays with it. Each
    clause is read once, up to the next ", and": linear in the sentence."""
    joints = list(_AND.finditer(body))
    pieces, start = [], 0
    for n, match in enumerate(joints):
        end = joints[n + 1].start() if n + 1 < len(joints) else len(body)
        clause = body[match.end() : end]
        words = _words(clause[:_CLAUSE_CHARS]).norms
        if (len(body[start : match.start()].split()) >= 4 and len(words) >= 4
                and not _verb_like(cues, words[0])
                and any(w in cues.clause_verbs for w in words)):
            pieces.append(body[start : match.start()])
            start = match.end()
    return [*pieces, body[start:]]


# How much of a clause after ", and" is read for its subject and verb.
_CLAUSE_CHARS = 400
_AND = re.compile(r",\s+and\s+", re.IGNORECASE)


def _has_verb(cues: _Cues, phrase: str) -> bool:
    return _has_finite_verb(cues, phrase) or _words(phrase).has(cues.report_verbs)


def _subject_and_verb(cues: _Cues, clause: str) -> str:
    words = _words(clause)
    for i, word in enumerate(words.norms):
        if _verb_like(cues, word):
            return clause[: words.char_end(i)]
    return ""
