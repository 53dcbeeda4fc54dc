"""Score claimcheck on its labelled claim sets (``claims/sets.toml``).

A record either quotes a sentence of a corpus statement (``doc`` and ``quote``:
the sentence that contains the quote is the one scored) or carries its own
``claim`` text, checked as a one-sentence statement. A prediction counts as
right when its label is in the record's ``accept`` list.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from . import calibration, extract
from . import corpus as corpus_mod
from .check import Checker, Config, previous_for
from .errors import CorpusError
from .types import Label, Step, Verdict

LABELS = tuple(label.value for label in Label)
NONE = "none"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One record scored: gold labels and what claimcheck said."""

    id: str
    text: str
    checkworthy: bool
    predicted_checkworthy: bool
    label: str
    accept: tuple[str, ...]
    predicted: str
    evidence: tuple[str, ...]
    predicted_evidence: tuple[str, ...]
    explanation: str
    confidence: float = 0.0
    steps: tuple[Step, ...] = ()
    score: float = 0.0
    words: int = 0  # the words of the claim judged

    @property
    def way(self) -> str:
        """How the verdict was decided (``calibration.way``), "" when none was given."""
        if self.predicted == NONE:
            return ""
        return calibration.way(self.predicted, self.steps, self.score, self.words)

    @property
    def correct(self) -> bool:
        """Whether the verdict is one of the accepted ones."""
        return self.predicted in self.accept


@dataclass(frozen=True, slots=True)
class SetScore:
    """The figures for one labelled set."""

    name: str
    report: str
    outcomes: tuple[Outcome, ...]
    skipped: str = ""
    council: bool = False  # a council folder: a statement and standalone claims
    shared: bool = False  # one of the shared councils (``../shared/eval/councils``)

    @property
    def checkworthy_f1(self) -> float:
        """F1 of the checkworthy class."""
        tp = sum(o.checkworthy and o.predicted_checkworthy for o in self.outcomes)
        fp = sum(not o.checkworthy and o.predicted_checkworthy for o in self.outcomes)
        fn = sum(o.checkworthy and not o.predicted_checkworthy for o in self.outcomes)
        return _f1(tp, fp, fn)

    @property
    def judged(self) -> tuple[Outcome, ...]:
        """The records labelled checkworthy."""
        return tuple(o for o in self.outcomes if o.checkworthy)

    @property
    def accuracy(self) -> float:
        """Share of checkworthy records whose verdict is accepted."""
        judged = self.judged
        return sum(o.correct for o in judged) / len(judged) if judged else 0.0

    def verdict_f1(self) -> dict[str, float]:
        """Per-verdict F1. A record's gold label is its best label, or the predicted
        one when that is also accepted, so an accepted alternative is no error."""
        pairs = [(o.predicted if o.correct else o.label, o.predicted) for o in self.judged]
        out = {}
        for label in LABELS:
            tp = sum(g == label and p == label for g, p in pairs)
            fp = sum(g != label and p == label for g, p in pairs)
            fn = sum(g == label and p != label for g, p in pairs)
            out[label] = _f1(tp, fp, fn)
        return out

    def confusion(self) -> dict[str, Counter[str]]:
        """Gold label -> counts of predicted labels ("none": not checkworthy)."""
        table: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
        for o in self.judged:
            table[o.label][o.predicted] += 1
        return table

    def scored(self) -> list[tuple[float, bool]]:
        """(confidence, right) of every checkworthy record that got a verdict."""
        return [(o.confidence, o.correct) for o in self.judged if o.predicted != NONE]

    @property
    def auroc(self) -> float:
        """How well confidence separates right verdicts from wrong ones (0.5: chance)."""
        return calibration.auroc(self.scored())

    @property
    def ece(self) -> float:
        """Expected calibration error of the confidences, over ten bins."""
        return calibration.ece(self.scored())

    @property
    def supported_precision(self) -> float:
        """Share of "supported" verdicts that a careful checker accepts."""
        said = [o for o in self.judged if o.predicted == Label.SUPPORTED.value]
        return sum(o.correct for o in said) / len(said) if said else 0.0

    def recall_at(self, k: int) -> float:
        """Share of records with gold evidence whose top-k predicted units hold one of it."""
        with_evidence = [o for o in self.judged if o.evidence]
        if not with_evidence:
            return 0.0
        hits = sum(bool(set(o.predicted_evidence[:k]) & set(o.evidence)) for o in with_evidence)
        return hits / len(with_evidence)


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def default_claims_root() -> Path:
    """The bundled claim sets: ``claims/`` at the top of the project checkout."""
    return Path(__file__).resolve().parents[2] / "claims"


def default_councils_root() -> Path:
    """The shared council sets: ``../shared/eval/councils`` beside the project checkout."""
    return default_claims_root().parents[1] / "shared" / "eval" / "councils"


def default_reports_root() -> Path:
    """The shared reports library: ``../shared/reports/ilacs`` beside the project checkout."""
    return default_claims_root().parents[1] / "shared" / "reports" / "ilacs"


def pooled(results: list[SetScore], name: str = "pooled") -> SetScore:
    """Every outcome of ``results`` as one set (skipped sets add nothing)."""
    outcomes = tuple(o for r in results if not r.skipped for o in r.outcomes)
    return SetScore(name, "", outcomes, skipped="" if outcomes else "no set was scored")


def studied_sets(claims_root: Path | None = None) -> frozenset[str]:
    """The sets whose wrong verdicts were read while the rules were written
    (``claims/tuning.toml``); empty when the file is absent."""
    path = (claims_root or default_claims_root()) / "tuning.toml"
    try:
        return frozenset(tomllib.loads(path.read_text(encoding="utf-8")).get("studied", []))
    except FileNotFoundError:
        return frozenset()
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{path}: not valid TOML ({err})") from None


def with_pooled(results: list[SetScore], studied: frozenset[str] | None = None
                ) -> list[SetScore]:
    """``results`` followed by the pooled councils (those whose misses were not studied, the
    honest estimate for a new council, then those that were) and all sets pooled."""
    studied = studied_sets() if studied is None else studied
    out = list(results)
    councils = [r for r in results if r.council and not r.skipped]
    unseen = [r for r in councils if r.name not in studied]
    if unseen and len(unseen) < len(councils):
        out.append(pooled(unseen, "pooled: councils not studied"))
        out.append(pooled([r for r in councils if r.name in studied],
                          "pooled: councils studied"))
    shared = [r for r in councils if r.shared]
    if len(shared) > 1 and len(shared) < len(councils):
        # the councils of ../shared/eval/councils, the development set the targets name
        out.append(pooled(shared, "pooled: shared councils"))
    if len(councils) > 1:
        out.append(pooled(councils, "pooled: councils"))
    if len([r for r in results if not r.skipped]) > 1:
        out.append(pooled(results, "pooled: all sets"))
    return out


def run(names: tuple[str, ...] = (), config: Config | None = None,
        claims_root: Path | None = None, councils_root: Path | None = None,
        reports_root: Path | None = None) -> list[SetScore]:
    """Score every set named in ``names`` (all sets when empty): the sets listed in
    ``claims/sets.toml``, the council folders of ``claims/councils/``, then those of
    ``councils_root`` (by default ``../shared/eval/councils`` when ``claims_root`` is the
    bundled one)."""
    config = config or Config()
    root = claims_root or default_claims_root()
    shared = councils_root or (None if claims_root else default_councils_root())
    councils = council_folders(root / "councils") + (council_folders(shared) if shared else [])
    manifest = root / "sets.toml"
    try:
        sets = tomllib.loads(manifest.read_text(encoding="utf-8")).get("set", [])
    except FileNotFoundError:
        raise CorpusError(f"{manifest}: no claim-set manifest") from None
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{manifest}: not valid TOML ({err})") from None
    known = [s["name"] for s in sets] + [folder.name for folder in councils]
    for name in names:
        if name not in known:
            raise CorpusError(f"no claim set {name!r}; known: {', '.join(known)}")
    checker = Checker(config)
    corpus = corpus_mod.load(config.corpus_root)
    out = [_score_set(entry, root, checker, corpus) for entry in sets
           if not names or entry["name"] in names]
    reports = reports_root or default_reports_root()
    out += [replace(_score_council(folder, reports, checker),
                    shared=shared is not None and folder.parent == shared)
            for folder in councils if not names or folder.name in names]
    return out


def council_folders(root: Path) -> list[Path]:
    """The council folders under ``root`` (each holds ``claims.jsonl``), by name; none when
    ``root`` is absent."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "claims.jsonl").is_file())


def _score_council(folder: Path, reports: Path, checker: Checker) -> SetScore:
    """A council folder: ``statement.txt`` checked whole (its sentences are the ``-S`` records)
    and each standalone ``-C`` claim checked on its own, against ``reports/<folder>.pdf``."""
    name = folder.name
    path = reports / f"{name}.pdf"
    if not path.is_file():
        return SetScore(name, str(path), (), skipped=f"{path} is not here", council=True)
    index = checker.index(path)
    records = _read_records(folder / "claims.jsonl")
    statement_file = folder / "statement.txt"
    sentence_verdicts: list[Verdict] = []
    if statement_file.is_file():
        statement = extract.read_statement(statement_file, f"{name}-statement")
        sentence_verdicts = list(checker.check(statement, index).verdicts)
    outcomes = []
    for record in records:
        text = record["text"]
        if "-S" in record["id"]:
            verdict = _sentence_of(sentence_verdicts, text)
        else:
            verdicts = list(checker.check(extract.statement_from_text(text, record["id"]),
                                          index).verdicts)
            verdict = next((v for v in verdicts if v.label), verdicts[0] if verdicts else None)
        outcomes.append(_outcome({**record, "claim": text}, verdict))
    return SetScore(name, path.name, tuple(outcomes), council=True)


def _sentence_of(verdicts: list[Verdict], text: str) -> Verdict | None:
    """The verdict on the extracted sentence that holds ``text`` (or that ``text`` holds, where
    the statement was split differently); a checked one first."""
    key = " ".join(text.split())
    matches = [v for v in verdicts if key in " ".join(v.sentence.text.split())
               or " ".join(v.sentence.text.split()) in key]
    return next((v for v in matches if v.label), matches[0] if matches else None)


def _read_records(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise CorpusError(f"{path}: cannot read the labelled claims ({err})") from None


def _score_set(entry: dict, root: Path, checker: Checker, corpus: corpus_mod.Corpus) -> SetScore:
    name = entry["name"]
    if "report" in entry:
        doc = corpus.get(entry["report"])
        path, label = Path(doc.path), doc.id
    else:
        path = (root.parent / entry["report_path"]).resolve()
        doc, label = None, entry["report_path"]
        if not path.is_file():
            return SetScore(name, label, (), skipped=f"{entry['report_path']} is not here")
    index = checker.index(path, doc)
    previous = previous_for(doc, checker.config, corpus)
    records = _read_records(root / entry["file"])
    by_doc: dict[str, list[Verdict]] = {}
    outcomes = []
    for record in records:
        if record.get("claim"):
            statement = extract.statement_from_text(record["claim"], record["id"])
            verdicts = list(checker.check(statement, index, previous).verdicts)
            verdict = next((v for v in verdicts if v.label), verdicts[0] if verdicts else None)
        else:
            if record["doc"] not in by_doc:
                by_doc[record["doc"]] = list(checker.check(corpus.get(record["doc"]),
                                                           index, previous).verdicts)
            verdict = next((v for v in by_doc[record["doc"]]
                            if record["quote"] in v.sentence.text), None)
        outcomes.append(_outcome(record, verdict))
    return SetScore(name, label, tuple(outcomes))


def _outcome(record: dict, verdict: Verdict | None) -> Outcome:
    predicted = verdict.label.value if verdict and verdict.label else NONE
    return Outcome(
        id=record["id"], text=record.get("claim") or record["quote"],
        checkworthy=bool(record["checkworthy"]),
        predicted_checkworthy=bool(verdict and verdict.label),
        label=record["label"] or NONE, accept=tuple(record.get("accept") or (NONE,)),
        predicted=predicted, evidence=tuple(record.get("evidence") or ()),
        predicted_evidence=tuple(e.unit for e in verdict.evidence) if verdict else (),
        explanation=verdict.explanation if verdict else "no sentence matched the quote",
        confidence=verdict.confidence if verdict else 0.0,
        steps=verdict.steps if verdict else (),
        score=verdict.evidence[0].score if verdict and verdict.evidence else 0.0,
        words=len((verdict.sentence.claim or verdict.sentence.text).split()) if verdict else 0,
    )
