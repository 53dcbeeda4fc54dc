"""Write src/claimcheck/lexicons/wordnet.toml from WordNet 3.0's data files.

WordNet is read from Debian's ``wordnet-base`` package (``/usr/share/wordnet``), which this
script installs with apt-get when its files are absent (run it as root, or install the
package first). The data files are parsed directly; nltk is not needed. The vocabulary
filter reads ``../shared`` (the 152 ILACS reports and the council claim sets), so the
script stops with a message when ``../shared`` is not beside the project.

Run again, it writes the same file byte for byte: every table and list is sorted and the
vocabulary comes from fixed files.

    python scripts/wordnet_lexicon.py [--out PATH] [--wordnet DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from labelled_texts import ROOT, MissingShared, claim_texts, report_paths, report_texts

WORDNET = Path("/usr/share/wordnet")
COPYRIGHT = Path("/usr/share/doc/wordnet-base/copyright")
OUT = ROOT / "src" / "claimcheck" / "lexicons" / "wordnet.toml"
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# A single word: letters, perhaps joined by hyphens (the project's tokens keep hyphens).
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
TOKEN = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
# Longest first, so "non-" is tried before "non" and "non" before "no".
PREFIXES = ("non-", "dis", "non", "il", "im", "in", "ir", "un")
NEGATION_CUE = re.compile(r"\b(?:not|no|lacking|lack|lacks|without|absence|failure)\b")
# WordNet's morphy rules: inflectional endings and what replaces them.
SUFFIXES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


@dataclass(frozen=True, slots=True)
class Pointer:
    """A WordNet pointer: ``symbol`` from word ``source`` (1-based; 0 = the whole synset)
    to word ``target`` of synset ``to``."""

    symbol: str
    to: tuple[str, int]
    source: int
    target: int


@dataclass(frozen=True, slots=True)
class Synset:
    """One line of a data file: its words (lower case), type, pointers and gloss."""

    key: tuple[str, int]
    satellite: bool
    words: tuple[str, ...]
    pointers: tuple[Pointer, ...]
    gloss: str

    @property
    def definition(self) -> str:
        """The gloss without its quoted examples."""
        return self.gloss.split('"')[0].rstrip("; ")


def ensure_wordnet(folder: Path) -> None:
    """Install Debian's wordnet-base when its data files are not in ``folder``."""
    if all((folder / f"data.{name}").exists() for name in FILES.values()):
        return
    if folder != WORDNET or shutil.which("apt-get") is None:
        sys.exit(f"WordNet's data files are not in {folder}: install Debian's wordnet-base "
                 "(apt-get install wordnet-base) or give --wordnet DIR")
    print("installing wordnet-base with apt-get", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-q"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "wordnet-base"], check=True)


def read_synsets(folder: Path) -> dict[tuple[str, int], Synset]:
    """Every synset of the four data files, keyed by (part of speech, offset)."""
    synsets = {}
    for pos, name in FILES.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):  # the licence at the top of each file
                continue
            head, _, gloss = line.partition(" | ")
            fields = head.split()
            count = int(fields[3], 16)
            words = tuple(re.sub(r"\([a-z]+\)$", "", fields[4 + 2 * i]).lower()
                          for i in range(count))
            i = 4 + 2 * count
            pointers = []
            for _ in range(int(fields[i])):
                symbol, offset, to_pos, st = fields[i + 1: i + 5]
                to_pos = "a" if to_pos == "s" else to_pos
                pointers.append(Pointer(symbol, (to_pos, int(offset)), int(st[:2], 16),
                                        int(st[2:], 16)))
                i += 4
            key = (pos, int(fields[0]))
            synsets[key] = Synset(key, fields[2] == "s", words, tuple(pointers), gloss.strip())
    return synsets


def read_exceptions(folder: Path) -> dict[str, set[str]]:
    """The irregular forms of the .exc files: form -> its base forms."""
    bases: dict[str, set[str]] = defaultdict(set)
    for name in FILES.values():
        path = folder / f"{name}.exc"
        if path.exists():
            for line in path.read_text(encoding="latin-1").splitlines():
                form, *rest = line.split()
                bases[form].update(rest)
    return bases


class WordNet:
    """The parts of WordNet the lexicon needs, with word-level lookups."""

    def __init__(self, folder: Path) -> None:
        self.synsets = read_synsets(folder)
        self.exceptions = read_exceptions(folder)
        self.senses: dict[tuple[str, str], list[Synset]] = defaultdict(list)
        for synset in self.synsets.values():
            for word in synset.words:
                if WORD.fullmatch(word):
                    self.senses[(word, synset.key[0])].append(synset)
        self.lemmas = {word for word, _ in self.senses}

    def word_pointers(self, symbol: str) -> Iterator[tuple[str, str, str]]:
        """``(pos, word, other word)`` for each word-to-word pointer ``symbol``."""
        for synset in self.synsets.values():
            for ptr in synset.pointers:
                if ptr.symbol == symbol and ptr.source and ptr.target:
                    yield (synset.key[0], synset.words[ptr.source - 1],
                           self.synsets[ptr.to].words[ptr.target - 1])

    def derived(self) -> Iterator[tuple[str, str]]:
        """Derivationally related forms (``+``) and adverbs with the adjective they pertain
        to (``\\``), as word pairs."""
        for _, a, b in self.word_pointers("+"):
            yield a, b
        for pos, a, b in self.word_pointers("\\"):
            if pos == "r":
                yield a, b

    def opposed(self, synset: Synset) -> set[tuple[str, int]]:
        """The synsets WordNet's antonym pointer ``!`` links ``synset``'s words to."""
        return {ptr.to for ptr in synset.pointers if ptr.symbol == "!"}

    def head(self, synset: Synset) -> Synset:
        """An adjective satellite's head (its similar-to ``&`` target); else the synset."""
        if synset.satellite:
            for ptr in synset.pointers:
                if ptr.symbol == "&":
                    return self.synsets[ptr.to]
        return synset

    def base_forms(self, token: str) -> set[str]:
        """WordNet's morphy: the lemmas an inflected ``token`` may be a form of."""
        found = {token} if token in self.lemmas else set()
        found.update(base for base in self.exceptions.get(token, ()) if base in self.lemmas)
        for pos, rules in SUFFIXES.items():
            for ending, replacement in rules:
                if token.endswith(ending) and len(token) > len(ending):
                    base = token[: -len(ending)] + replacement
                    if (base, pos) in self.senses:
                        found.add(base)
        return found


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def single(*words: str) -> bool:
    return all(WORD.fullmatch(word) for word in words) and len(set(words)) == len(words)


def direct_antonyms(wn: WordNet) -> set[tuple[str, str]]:
    """Word pairs joined by WordNet's antonym pointer, in any part of speech."""
    return {pair(a, b) for _, a, b in wn.word_pointers("!") if single(a, b)}


def synset_antonyms(wn: WordNet) -> set[tuple[str, str]]:
    """Every word of a synset with every word of a synset it is an antonym of
    ("unsafe", a synonym of "dangerous", with "safe"; "improve" with "worsen")."""
    pairs = set()
    for synset in wn.synsets.values():
        for other in wn.opposed(synset):
            for a in synset.words:
                for b in wn.synsets[other].words:
                    if single(a, b):
                        pairs.add(pair(a, b))
    return pairs


def indirect_antonyms(wn: WordNet) -> set[tuple[str, str]]:
    """WordNet's indirect antonyms: each word of an adjective satellite with the words of
    the synsets its head is an antonym of ("patchy", similar to "uneven", with "even")."""
    pairs = set()
    for synset in wn.synsets.values():
        if not synset.satellite:
            continue
        head = wn.head(synset)
        for other in wn.opposed(head):
            for a in synset.words:
                for b in wn.synsets[other].words:
                    if single(a, b):
                        pairs.add(pair(a, b))
    return pairs


def shares_stem(word: str, base: str) -> bool:
    """Whether ``word`` starts like ``base`` (its first five letters, or all of a shorter one)."""
    return word.startswith(base[: min(5, len(base))])


def negated_pairs(wn: WordNet) -> set[tuple[str, str]]:
    """``(base, prefixed)``: morphological negations that WordNet bears out.

    A word is ``prefix + base`` with both lemmas of one part of speech, and
    (1) a sense of one is an antonym of a sense of the other, directly or through the head
        of an adjective cluster; or
    (2) a definition of the prefixed word negates the base: a cue ("not", "no", "lacking",
        "without", "absence", "failure") followed within three words by a word that starts
        like the base ("inconsistency": "lack of consistency"); or
    (3) it is derived from a pair accepted so (``+`` or ``\\``): "inconsistency" from
        "inconsistent", "unsafely" from "unsafe".
    Prefix look-alikes fail all three: "invaluable" is in the cluster of "valuable",
    "disease" and "discover" never negate "ease" or "cover".
    """
    candidates: dict[tuple[str, str], str] = {}
    for word, pos in sorted(wn.senses):
        for prefix in PREFIXES:
            base = word[len(prefix):]
            if word.startswith(prefix) and len(base) >= 3 and (base, pos) in wn.senses:
                candidates[(word, base)] = pos
                break
    accepted: set[tuple[str, str]] = set()
    for (word, base), pos in candidates.items():
        senses, base_senses = wn.senses[(word, pos)], wn.senses[(base, pos)]
        base_keys = {synset.key for synset in base_senses}
        base_heads = {wn.head(synset).key for synset in base_senses}
        if any(wn.opposed(synset) & base_keys or wn.opposed(wn.head(synset)) & base_heads
               for synset in senses) or any(
                _negates(synset.definition, base) for synset in senses):
            accepted.add((word, base))
    related: dict[str, set[str]] = defaultdict(set)
    for a, b in wn.derived():
        related[a].add(b)
        related[b].add(a)
    changed = True
    while changed:
        changed = False
        for word, base in sorted(candidates):
            if (word, base) in accepted:
                continue
            if any((w, b) in accepted for w in related[word] for b in related[base]):
                accepted.add((word, base))
                changed = True
    return {(base, word) for word, base in accepted}


def _negates(definition: str, base: str) -> bool:
    words = TOKEN.findall(definition.lower())
    for i, word in enumerate(words):
        if NEGATION_CUE.fullmatch(word) and any(
                shares_stem(later, base) for later in words[i + 1: i + 4]):
            return True
    return False


def derivation_bases(wn: WordNet) -> dict[str, str]:
    """Each word's derivational base: follow WordNet's derivationally related forms (``+``)
    and adverb pertainyms (``\\``) to the shortest related word that starts with the same
    three letters, then from that word on, until none is shorter ("effectively" ->
    "effective" -> "effect"; "supportive" -> "support"). Ties go to the alphabetically first.
    """
    related: dict[str, set[str]] = defaultdict(set)
    for a, b in wn.derived():
        if single(a, b) and a[:3] == b[:3]:
            related[a].add(b)
            related[b].add(a)
    bases = {}
    for word in sorted(related):
        base = word
        while shorter := [w for w in related[base] if len(w) < len(base)]:
            base = min(shorter, key=lambda w: (len(w), w))
        if base != word:
            bases[word] = base
    return bases


def vocabulary(wn: WordNet) -> set[str]:
    """Lower-case words of the reports and labelled claims, with their WordNet base forms."""
    texts = list(report_texts().values()) + [text for _, text in claim_texts()]
    tokens: set[str] = set()
    for text in texts:
        for token in TOKEN.findall(text.lower()):
            token = token.replace("’", "'")
            tokens.add(token)
            tokens.update(token.split("-"))
    words = set(tokens)
    for token in tokens:
        words.update(wn.base_forms(token))
    return words


def either_in(pairs: Iterable[tuple[str, str]], vocab: set[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in pairs if a in vocab or b in vocab}


def toml_key(word: str) -> str:
    return word if re.fullmatch(r"[A-Za-z0-9_-]+", word) else f'"{word}"'


def grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(set(pairs)):
        groups[a].append(b)
    return groups


def table(name: str, comment: str, groups: dict[str, list[str]]) -> str:
    lines = [f"[{name}]"] + [f"# {line}" for line in comment.strip().splitlines()]
    for key in sorted(groups):
        values = ", ".join(f'"{value}"' for value in sorted(groups[key]))
        lines.append(f"{toml_key(key)} = [{values}]")
    return "\n".join(lines) + "\n"


def licence() -> str:
    """WordNet 3.0's licence notice, as Debian's copyright file gives it."""
    text = COPYRIGHT.read_text(encoding="utf-8")
    block = text.split("License: WordNet3.0\n", 1)[1].split("\n\nFiles:", 1)[0]
    lines = [line[1:] if line.startswith(" ") else line for line in block.splitlines()]
    return "\n".join("#" if line == "." else f"#   {line}".rstrip() for line in lines)


HEADER = """\
# WordNet relations between single words: antonyms, morphological negations and
# derivational bases. Generated by scripts/wordnet_lexicon.py from WordNet 3.0 as
# Debian's wordnet-base package ships it ({version}); do not edit by hand, run the
# script.
# Words are WordNet lemmas in lower case; a single word may contain hyphens.
#
# [antonyms.direct]   pairs WordNet joins word to word by its antonym pointer "!", in any
#                     part of speech (adjectives, adverbs, verbs, nouns). All of them.
# [antonyms.synset]   further pairs from synsets joined by "!": every word of one with every
#                     word of the other ("unsafe", a synonym of "dangerous", with "safe";
#                     "improve", a synonym of "better", with "worsen").
# [antonyms.indirect] WordNet's indirect antonyms: each word of an adjective satellite with
#                     the antonyms of its cluster's head ("patchy" -> "uneven" -> "even").
#                     Weaker than the two above.
# Each pair is listed once, under its alphabetically first word: a = ["b", "c"].
#
# [negated]  base = [its negations by un-, in-, im-, ir-, il-, dis-, non-]: both words are
#   lemmas of the same part of speech, and WordNet bears the negation out:
#   (1) a sense of one is an antonym of a sense of the other, directly, by synset or through
#       the head of an adjective cluster ("safe"/"unsafe"); or
#   (2) a definition of the prefixed word negates the base: "not", "no", "lacking",
#       "without", "absence" or "failure" followed within three words by a word that starts
#       with the base's first five letters ("unconstructive": "not constructive"); or
#   (3) the pair is derived ("+" or "\\") from a pair accepted so ("inconsistency" from
#       "inconsistent").
#   Look-alikes fail all three: "invaluable" is in the cluster of "valuable", and
#   "infamous", "disease", "discover" are not defined by negating their remainder.
#
# [derivations]  base = [words derived from it]. WordNet's derivationally related forms
#   ("+") and adverb-to-adjective pertainyms ("\\") between words that start with the same
#   three letters; each word is followed to its shortest related word, and from there on,
#   until none is shorter ("effectively" -> "effective" -> "effect"; "supportive" ->
#   "support"); ties go to the alphabetically first. Two words match when their bases do.
#
# Filter, to keep the file near 300 KB: [antonyms.direct] and [negated] are complete.
# [antonyms.synset] and [derivations] keep a pair only when at least one of its words, and
# [antonyms.indirect] (ten times as many) only when both of its words, occur in the
# vocabulary of the 152 ILACS reports in ../shared/reports/ilacs (text as
# claimcheck.reader.source_text extracts it) and the labelled claims (claims/*.jsonl,
# ../shared/eval/councils/*/claims.jsonl, ../shared/eval/seed-claims.jsonl): lower-cased
# word tokens, their hyphen-separated parts, and their base forms by WordNet's own morphy
# rules and exception lists. The script therefore needs ../shared.
#
# Counts: {counts}.
#
# WordNet 3.0 licence (from /usr/share/doc/wordnet-base/copyright):
#
{licence}
"""


def wordnet_version() -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "wordnet-base"],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "version unknown"
    return f"wordnet-base {out.strip()}"


def build(folder: Path) -> str:
    """The text of wordnet.toml."""
    wn = WordNet(folder)
    vocab = vocabulary(wn)
    direct = direct_antonyms(wn)
    by_synset = either_in(synset_antonyms(wn) - direct, vocab)
    indirect = {(a, b) for a, b in indirect_antonyms(wn) - direct - synset_antonyms(wn)
                if a in vocab and b in vocab}
    negated = negated_pairs(wn)
    derivations = {(base, word) for word, base in derivation_bases(wn).items()
                   if word in vocab or base in vocab}
    counts = (f"{len(direct)} direct, {len(by_synset)} synset and {len(indirect)} indirect "
              f"antonym pairs;\n# {len(negated)} negated pairs; {len(derivations)} words with "
              f"a derivational base")
    parts = [
        HEADER.format(version=wordnet_version(), counts=counts, licence=licence()),
        table("antonyms.direct", "WordNet's antonym pointer, word to word.", grouped(direct)),
        table("antonyms.synset", "Words of synsets joined by the antonym pointer.",
              grouped(by_synset)),
        table("antonyms.indirect", "Adjective satellites and the antonyms of their head.",
              grouped(indirect)),
        table("negated", "base = [negated forms]", grouped(negated)),
        table("derivations", "base = [derived words]", grouped(derivations)),
    ]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    parser.add_argument("--wordnet", type=Path, default=WORDNET,
                        help=f"WordNet's dict folder (default {WORDNET})")
    args = parser.parse_args()
    ensure_wordnet(args.wordnet)
    try:
        report_paths()  # fail before the slow part when ../shared is absent
    except MissingShared as err:
        sys.exit(str(err))
    if not COPYRIGHT.exists():
        sys.exit(f"{COPYRIGHT} is missing: reinstall wordnet-base to have WordNet's licence")
    try:
        text = build(args.wordnet)
    except MissingShared as err:
        sys.exit(str(err))
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
