"""Tokens, lemmas, stems and sentences, fast enough for a one-shot command.

claimcheck's rules compare words, so every stage sees text through this one
analyser. It uses the English lookup lemmatizer that spaCy ships in
``spacy-lookups-data`` and the Snowball stemmer, and splits sentences on line
breaks first and then on sentence-final punctuation, minding abbreviations and
closing quotes. ``import spacy`` with a blank pipeline costs about 0.8 s here,
more than the whole budget of ``claimcheck check``; this module starts in 20 ms.
The test suite checks its lemmas against spaCy's own pipeline on the corpus.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import Stemmer

from .lexicon import builtin

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*%?"  # numbers: 130, 1,200, 2.5, 40%
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W_]+)*"  # words, with inner apostrophe or hyphen
    r"|\w+"
    r"|[^\w\s]"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
# A year a claim or report names, 1900-2099: the one pattern the readers of dates share.
YEAR = r"(?:19|20)\d\d"

# Words that deny what follows them ("did not ask", "is not increasing", "recommends no
# changes"), as written and as lemmas.
DENIALS = frozenset({"not", "n't", "no", "never"})


def any_of(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases``, escaped, longest first, so that "a little bit"
    wins over "a little"; wrap it in ``\b(?:...)\b`` for whole words."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Token:
    """A word or mark of a text, with where it stands.

    Attributes:
        text: As written.
        norm: Lower-cased, with typographic apostrophes made plain.
        lemma: Dictionary form ("children" -> "child").
        stem: Snowball stem of the lemma ("inadequate" -> "inadequ").
        start: Offset of its first character.
        end: Offset just past it.
    """

    text: str
    norm: str
    lemma: str
    stem: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """True for words and numbers, False for punctuation."""
        return self.norm[:1].isalnum()


@cache
def _lookup() -> dict[str, str]:
    data = (
        resources.files("spacy_lookups_data").joinpath("data").joinpath("en_lemma_lookup.json.gz")
    )
    table: dict[str, str] = json.loads(gzip.decompress(data.read_bytes()))
    table.update(builtin("text")["lemma_overrides"])
    return table


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@cache
def lemma(norm: str) -> str:
    """The lemma of a lower-cased word."""
    if norm.endswith("'s") and len(norm) > 2:
        return lemma(norm[:-2])
    if norm.endswith("s'") and len(norm) > 2:
        return lemma(norm[:-1])
    table = _lookup()
    found = table.get(norm)
    if found is None and "-" in norm:
        found = "-".join(table.get(part, part) for part in norm.split("-"))
    return (found or norm).lower()


@cache
def stem(word: str) -> str:
    """The Snowball stem of a lower-cased word."""
    return str(_stemmer().stemWord(word))


def normalise(text: str) -> str:
    """Lower-case with plain apostrophes: the form tokens are compared in."""
    return text.lower().translate(_APOSTROPHES)


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``; offsets count from ``offset``."""
    if offset:
        return _read(text, offset)
    # a fresh list: callers may change it
    return list(_scan(text) if len(text) <= _LONG else _scan_long(text))


_LONG = 20_000  # a report paragraph is about 1,000 characters


@lru_cache(maxsize=512)
def _scan(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``, kept for texts read again and again: a report's paragraphs
    are read once for each claim checked against them, which made a long statement
    spend half its time re-reading the report."""
    return tuple(_read(text, 0))


@lru_cache(maxsize=4)
def _scan_long(text: str) -> tuple[Token, ...]:
    """The tokens of a long text (one long sentence is read at several stages), few kept."""
    return tuple(_read(text, 0))


def _read(text: str, offset: int) -> list[Token]:
    out = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        norm = normalise(raw)
        lem = lemma(norm)
        out.append(Token(raw, norm, lem, stem(lem), match.start() + offset, match.end() + offset))
    return out


def words(text: str) -> list[Token]:
    """The word and number tokens of ``text``, without punctuation."""
    if len(text) <= _LONG:
        return list(_scan_words(text))  # a fresh list: callers may change it
    return [token for token in tokens(text) if token.is_word]


@lru_cache(maxsize=512)
def _scan_words(text: str) -> tuple[Token, ...]:
    return tuple(token for token in _scan(text) if token.is_word)


def lemmas(text: str) -> list[str]:
    """The lemmas of the words of ``text``."""
    return [token.lemma for token in words(text)]


_CLOSERS = "\"'”’)]»"
_ENDERS = ".!?"


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(builtin("text")["abbreviations"])


def _is_boundary(text: str, i: int) -> bool:
    """Whether the sentence-final mark at ``text[i]`` ends a sentence."""
    mark = text[i]
    if mark == "." and i + 1 < len(text) and text[i + 1] == ".":
        return False
    j = i + 1
    while j < len(text) and text[j] in _CLOSERS:
        j += 1
    if j < len(text) and not text[j].isspace():
        return False
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    if k >= len(text):
        return True
    following = text[k]
    if mark == ".":
        word = re.search(r"([\w.]+)$", text[max(0, i - 40) : i])  # abbreviations are short
        if word and word.group(1).lower() in _abbreviations():
            return False
        if word and len(word.group(1)) == 1 and word.group(1).isupper():
            return False  # an initial: "J. Smith"
        if following.islower():
            return False
    return following.isupper() or following.isdigit() or following in "\"'“‘(["


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``.

    A line break ends a sentence (headings, bullets and captions stand on lines
    of their own) unless the text was merely wrapped: the line ends without a
    stop, colon or semicolon and the next starts in lower case. Inside a line, a
    full stop, question or exclamation mark ends one, with any closing quote,
    unless it ends an abbreviation or the next word starts in lower case.
    """
    spans = []
    for base, chunk in _blocks(text):
        start = 0
        for i, char in enumerate(chunk):
            if char in _ENDERS and _is_boundary(chunk, i):
                end = i + 1
                while end < len(chunk) and chunk[end] in _CLOSERS:
                    end += 1
                spans.append((base + start, base + end))
                start = end
        spans.append((base + start, base + len(chunk)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _blocks(text: str) -> list[tuple[int, str]]:
    """Runs of lines that a sentence may cross: a line and its wrapped continuations."""
    blocks: list[tuple[int, str]] = []
    for line in re.finditer(r"[^\n]+", text):
        if (
            blocks
            and line.start() == blocks[-1][0] + len(blocks[-1][1]) + 1  # no blank line between
            and _continues(blocks[-1][1], line.group())
        ):
            base = blocks[-1][0]
            blocks[-1] = (base, text[base : line.end()])
        else:
            blocks.append((line.start(), line.group()))
    return blocks


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` carries on the sentence ``previous`` left unfinished at a wrap."""
    last = previous.rstrip().rstrip(_CLOSERS)
    first = line.lstrip()
    return bool(last) and last[-1] not in ".!?:;" and first[:1].islower()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
