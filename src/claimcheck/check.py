"""Statements in, verdicts out: the library behind ``claimcheck check`` and ``batch``.

A report is read and indexed once and cached on disk as checked JSON (see
``cache``), keyed by a hash of its bytes, the package version and the user's
lexicon additions, so a second check against the same report skips reading the
PDF and indexing it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, overload

from . import __version__, councils, extract, library, retrieve, text
from . import cache as cache_mod
from . import corpus as corpus_mod
from .cite import where as cite_where
from .errors import ClaimcheckError, CorpusError, OutputError, ReportNotFoundError
from .judge import Context, Judge, Settings
from .lexicon import Lexicons
from .output import write_atomic
from .types import (
    Document,
    DocumentVerdicts,
    Label,
    Metadata,
    Report,
    Sentence,
    Step,
    Verdict,
)

CACHE_ENV = "CLAIMCHECK_CACHE"


@dataclass(frozen=True, slots=True)
class Config:
    """What a check run needs to know.

    Attributes:
        report: The report to check against; None means the bundled corpus's report
            (or, for corpus statements, the report each one is about).
        lexicon_files: The user's lexicon files, merged over the built-in ones.
        settings: Thresholds of the verdict rules.
        use_cache: Whether to keep indexed reports on disk between runs.
        corpus_root: The corpus folder; None means the bundled one.
        reports_dir: A reports library (``COUNCIL-YYYY-MM-DD.pdf`` files) where
            ``report`` may name a council; None means ``$CLAIMCHECK_REPORTS``, if set.
        metadata: Title, author, date and URL given for statement files.
        jobs: Processes that read and index uncached reports in a batch, and that judge a
            statement of thousands of distinct sentences; 0 means one per core, 1 does all
            in this process.
        statement_limit: The largest statement read, in bytes.
        report_limit: The largest report file read, in bytes.
        warn: Called with a one-line warning that does not stop the run (a report
            that looks incomplete, a cache folder that cannot be used); each
            distinct warning once per Checker.
    """

    report: Path | None = None
    lexicon_files: tuple[Path, ...] = ()
    settings: Settings = field(default_factory=Settings)
    use_cache: bool = True
    corpus_root: Path | None = None
    reports_dir: Path | None = None
    metadata: Metadata = field(default_factory=Metadata)
    jobs: int = 0
    statement_limit: int = corpus_mod.STATEMENT_LIMIT
    report_limit: int = corpus_mod.REPORT_LIMIT
    warn: Callable[[str], None] = field(default=lambda message: None, compare=False)


class Checker:
    """Checks statements against reports, indexing each report once."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.lexicons = Lexicons(config.lexicon_files)
        self.judge = Judge(self.lexicons, config.settings)
        self.previous, self.change = previous_patterns(self.lexicons)
        self._indexes: dict[str, retrieve.Index] = {}
        self._warned: set[str] = set()

    def warn(self, message: str) -> None:
        """Pass a warning on to the config's ``warn``, once."""
        if message not in self._warned:
            self._warned.add(message)
            self.config.warn(message)

    def index(self, path: Path, doc: Document | None = None) -> retrieve.Index:
        """The index of the report at ``path``, from the cache when it is there."""
        key = str(path.resolve())
        if key not in self._indexes:
            self._keep(key, _cached_index(path, doc, self.lexicons, self.config, self.warn))
        return self._indexes[key]

    def index_all(self, reports: Sequence[tuple[Path, Document | None]]) -> dict[str, str]:
        """Read and index every report not indexed yet: from the cache where it is there,
        the rest in a pool of processes, one per core, when there are several.

        Returns:
            The reports that could not be read, as their resolved path -> the reason.
        """
        todo: dict[str, tuple[Path, Document | None]] = {}
        problems: dict[str, str] = {}
        for path, doc in reports:
            key = str(path.resolve())
            if key in self._indexes or key in todo:
                continue
            try:
                found = _cached_index(path, doc, self.lexicons, self.config, self.warn,
                                      build=False)
            except ClaimcheckError as err:
                problems[key] = str(err)
                continue
            if found is not None:
                self._keep(key, found)
            else:
                todo[key] = (path, doc)
        workers = min(len(todo), self.config.jobs or os.cpu_count() or 1)
        if workers >= 2:
            todo = self._index_in_pool(todo, workers, problems)
        for key, (path, doc) in todo.items():
            try:
                self._keep(key, _cached_index(path, doc, self.lexicons, self.config, self.warn))
            except ClaimcheckError as err:
                problems[key] = str(err)
        return problems

    def _keep(self, key: str, index: retrieve.Index) -> None:
        """Keep an index for the run, passing on its report's warnings once."""
        for message in index.report.warnings:
            self.warn(message)
        self._indexes[key] = index

    def _index_in_pool(self, todo: dict[str, tuple[Path, Document | None]], workers: int,
                       problems: dict[str, str]) -> dict[str, tuple[Path, Document | None]]:
        """Index ``todo`` in a pool of processes; what is left when no pool can be started
        (a system without working multiprocessing) is returned to be indexed here."""
        jobs = [(path, doc, self.config.lexicon_files, self.config.use_cache,
                 self.config.report_limit) for path, doc in todo.values()]
        done = _in_pool(_index_job, [jobs], workers, chunksize=4)
        if done is None:
            return todo
        for key, (index, error) in zip(todo, done, strict=True):
            if index is not None:
                self._keep(key, index)
            else:
                problems[key] = error
        return {}

    def _previous_mention(self, claim: str, previous: tuple[Path, Document | None]) -> str:
        """The words of ``claim`` that speak of the previous inspection ("" when none). A
        year counts only when it is the previous report's: its publication year or the
        year in its id, or, for a year next to those, its inspection year (read then)."""
        path, doc = previous
        names = f"{doc.date if doc else ''} {doc.id if doc else ''} {path.stem}"
        years = {int(y) for y in re.findall(rf"(?<!\d)({text.YEAR})(?!\d)", names)}
        for match in self.previous.finditer(claim):
            year = match["year"]
            if year is None or int(year) in years:
                return match.group()
            if any(abs(int(year) - y) == 1 for y in years) \
                    and self.index(path, doc).report.year == year:
                return match.group()
        return ""

    def check(self, statement: Document, index: retrieve.Index,
              previous: tuple[Path, Document | None] | None = None) -> DocumentVerdicts:
        """Every sentence of ``statement``, judged against the indexed report; a claim
        about the last inspection is also judged against the ``previous`` report (a path
        and its metadata, indexed only when a claim needs it; see :meth:`with_previous`).
        """
        sentences = extract.sentences(statement, self.lexicons)
        contexts = self.judge.contexts(sentences)
        # a sentence repeated with the same context (a boilerplate line, a quote given
        # twice) has the same verdict: it is judged once, wherever it stands
        keys = [(replace(s, start=0, end=0), c) for s, c in zip(sentences, contexts, strict=True)]
        todo = list(dict.fromkeys(keys))
        judged = dict(zip(todo, self._judge_many(todo, index, previous), strict=True))
        verdicts = []
        for sentence, key in zip(sentences, keys, strict=True):
            verdict = judged[key]
            verdicts.append(replace(verdict, sentence=sentence) if verdict.sentence != sentence
                            else verdict)
        return DocumentVerdicts(statement, index.report, tuple(verdicts))

    def _judge_many(self, todo: list[tuple[Sentence, Context]], index: retrieve.Index,
                    previous: tuple[Path, Document | None] | None) -> list[Verdict]:
        """The verdicts on ``todo``, in order. A statement of thousands of distinct sentences
        is judged in forked processes, one per core (``jobs``), each taking a share of them:
        the judge is a function of the sentence, its context and the report, so the verdicts
        are the ones one process gives. Where processes cannot be forked, or a worker fails,
        this process judges them all."""
        workers = min(self.config.jobs or os.cpu_count() or 1, len(todo) // PARALLEL_MIN)
        forked = self._judge_forked(todo, index, previous, workers) if workers > 1 else None
        if forked is not None:
            return forked
        return [self._judge_one(sentence, context, index, previous) for sentence, context
                in todo]

    def _judge_forked(self, todo: list[tuple[Sentence, Context]], index: retrieve.Index,
                      previous: tuple[Path, Document | None] | None, workers: int
                      ) -> list[Verdict] | None:
        """The verdicts on ``todo`` from ``workers`` forked processes, each judging a
        contiguous share; None when processes cannot be forked here (no fork, or other
        threads running, such as a progress bar's: forking beside threads is unsafe) or a
        worker fails, and this process then judges them (an error a worker met is met
        again, here)."""
        import multiprocessing  # not imported for one check
        import threading

        if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
            return None
        if previous is not None:
            self.index(*previous)  # indexed once, here, rather than in every worker
        global _FORKED
        _FORKED = (self, todo, index, previous)
        size = -(-len(todo) // workers)
        try:
            parts = _in_pool(_judge_part, [range(0, len(todo), size), [size] * workers],
                             workers, context=multiprocessing.get_context("fork"))
        finally:
            _FORKED = None
        return None if parts is None else [verdict for part in parts for verdict in part]

    def _judge_one(self, sentence: Sentence, context: Context, index: retrieve.Index,
                   previous: tuple[Path, Document | None] | None) -> Verdict:
        """The verdict on one sentence of a statement."""
        verdict = other_council(sentence, index.report)
        if verdict is None:
            verdict = self._judge_own_parts(sentence, index, context)
            if previous is not None:
                verdict = self.with_previous(verdict, previous, context)
        return verdict

    def _judge_own_parts(self, sentence: Sentence, index: retrieve.Index,
                         context: Context) -> Verdict:
        """The judge's verdict on the sentence, leaving out the parts of a joined claim that
        name another council only ("Harrow was rated inadequate, but Reading was rated
        outstanding"): a step and the explanation say they were not checked."""
        report = index.report
        named = {p: councils.other_council(p, report) for p in sentence.parts}
        dropped = [p for p in sentence.parts if named[p]]
        kept = [p for p in sentence.parts if p not in dropped]
        if not dropped or not kept:
            return self.judge.verdict(sentence, index, context)
        own = replace(sentence, parts=tuple(kept)) if len(kept) > 1 else replace(
            sentence, parts=(), claim=kept[0])
        verdict = self.judge.verdict(own, index, context)
        steps = []
        for part in dropped:
            theirs = " and ".join(c.name for c in named[part])
            steps.append(Step("council", Label.UNVERIFIED, part, "", "",
                              f"“{part}” is about {theirs}, which this report does not "
                              "inspect: not checked"))
        why = " ".join([verdict.explanation, *(s.note[:1].upper() + s.note[1:] + "."
                                               for s in steps)])
        return replace(verdict, sentence=sentence, steps=(*verdict.steps, *steps),
                       explanation=why, part=verdict.part or (kept[0] if kept else ""))

    def with_previous(self, verdict: Verdict, previous: tuple[Path, Document | None],
                      context: Context) -> Verdict:
        """The verdict, with what the council's previous report says when the claim speaks
        of the last inspection ("rated good in 2020", "improved since the last inspection").

        The claim is judged against the previous report too. A claim only about the past
        ("was rated good at the 2020 inspection", "last time, Ofsted rated it good") is
        decided by the previous report whenever that report decides it: its verdict, with
        evidence and steps naming that report's units as ``REPORT:UNIT``
        ("harrow-2020:judgements").
        Otherwise, and for a claim comparing then with now ("improved since 2020"), the
        current report's verdict stands and the previous report's best paragraph is cited
        in a step and the explanation.
        """
        sentence = verdict.sentence
        if verdict.label is None:
            return verdict
        claim = sentence.claim or sentence.text
        said = self._previous_mention(claim, previous)
        if not said:
            return verdict
        index = self.index(*previous)
        # against the previous report, "last time" is that report's own time
        before = self.judge.verdict(sentence, index, replace(context, earlier=True))
        if before.label is None:
            return verdict
        report = index.report
        year = report.year or "previous"
        if before.evidence:
            best = before.evidence[0]
            unit = next((u for u in report.units if u.id == best.unit), None)
            cite = f"the {year} report, {cite_where(unit, best.unit)}: “{best.quote}”"
        else:
            cite = f"the {year} report does not address it either"
        # a note: the current report's steps decide unless the previous report does (below)
        step = Step("previous", Label.UNVERIFIED, said, "", "",
                    f"{cite[:1].upper()}{cite[1:]} ({before.label.value} there)")
        if before.label is not Label.UNVERIFIED and self.change.search(claim) is None:
            rid = report.document.id
            evidence = tuple(replace(e, unit=f"{rid}:{e.unit}") for e in before.evidence)
            steps = tuple(replace(s, unit=f"{rid}:{s.unit}" if s.unit else "")
                          for s in before.steps)
            note = (f"the claim is about the {year} inspection, so the {year} report "
                    f"({rid}) decides")
            lead = Step("previous", before.label, said, "", "", note)
            why = (f"{note[:1].upper()}{note[1:]}: {before.explanation[:1].lower()}"
                   f"{before.explanation[1:]}")
            return replace(before, evidence=evidence, steps=(lead, *steps), explanation=why,
                           part=before.part)
        why = f"{verdict.explanation} On the last inspection, {cite}"
        why += "" if why.endswith((".", "!", "?", ".”", "!”", "?”")) else "."
        return replace(verdict, steps=(*verdict.steps, step), explanation=why)


def previous_patterns(lexicons: Lexicons) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of ``time.toml [previous]``: a mention of the last inspection ("since
    2020", "at the last inspection", "in Ofsted's 2020 report", "last time"), with the
    year in group ``year`` when it gives one; and the words of a claim that compares then
    with now."""
    table = lexicons["time"]["previous"]

    def alternation(words: Iterable[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "[’']")
                        .replace(r"\*", r"\w*") for w in words)

    kinds = rf"(?:(?:{alternation(table['kinds'])})\s+)?"
    mention = re.compile(
        rf"\b(?:{alternation(table['prepositions'])})\s+"
        rf"(?:(?:{alternation(table['owners'])})\s+)?"
        rf"(?:(?:{alternation(table['earlier'])})\s+{kinds}(?:{alternation(table['events'])})"
        rf"|(?P<year>{text.YEAR})(?:\s+{kinds}(?:{alternation(table['year_events'])}))?)\b"
        rf"|\b(?:{alternation(table['phrases'])})\b",
        re.IGNORECASE)
    change = re.compile(rf"\b(?:{alternation(table['change'])})\b", re.IGNORECASE)
    return mention, change


def previous_for(doc: Document | None, config: Config,
                 corpus: corpus_mod.Corpus | None = None) -> tuple[Path, Document | None] | None:
    """The previous report a report's entry names (``previous`` in the manifest, or the
    council's earlier report in the reports library); None when it names none."""
    if doc is None or not doc.previous:
        return None
    if corpus is not None:
        found = next((d for d in corpus.reports() if d.id == doc.previous), None)
        if found is not None:
            return Path(found.path), found
    return library.resolve(Path(doc.previous), config.corpus_root, config.reports_dir)


def other_council(sentence: Sentence, report: Report) -> Verdict | None:
    """An unverified verdict when a checkworthy claim names a council other than the one
    the report inspects (and not that one too); None when the report can judge it."""
    if not sentence.checkworthy:
        return None
    named = councils.other_council(sentence.claim or sentence.text, report)
    if not named:
        return None
    theirs = " and ".join(c.name for c in named)
    own = councils.of_report(report)[0].name
    note = (f"The claim is about {theirs}, but this report inspects {own}: "
            f"check it against {theirs}'s report.")
    step = Step("council", Label.UNVERIFIED, theirs, own, "", note)
    return Verdict(sentence, Label.UNVERIFIED, 0.9, (), (step,), note)


def report_for(config: Config, corpus: corpus_mod.Corpus | None = None
               ) -> tuple[Path, Document | None]:
    """The report ``config.report`` names (a path, a corpus id or a council in the reports
    library), else the default report."""
    if config.report:
        return library.resolve(config.report, config.corpus_root, config.reports_dir)
    return default_report(config, corpus)


def council_report(text: str, config: Config) -> tuple[Path, Document] | None:
    """The latest report of the one council ``text`` names, when a reports library is set
    and the text names exactly one council it holds; else None."""
    root = library.reports_root(config.reports_dir)
    named = councils.named_in(text) if root else []
    if root is None or len(named) != 1:
        return None
    try:
        found = library.find(root, named[0].slug)
    except ReportNotFoundError:
        return None
    return found.path, found.document()


def default_report(config: Config, corpus: corpus_mod.Corpus | None = None
                   ) -> tuple[Path, Document]:
    """The report a check runs against when none is given: the corpus's first report."""
    corpus = corpus or corpus_mod.load(config.corpus_root, lenient=True)
    reports = corpus.reports()
    if not reports:
        raise CorpusError(f"{corpus.root} lists no report; give one with --report")
    return Path(reports[0].path), reports[0]


def check_text(source: str, config: Config, doc_id: str = "stdin",
               checker: Checker | None = None) -> DocumentVerdicts:
    """Check a statement given as text (``claimcheck check "TEXT"``), with ``checker`` when
    the caller keeps one (its lexicons explain the verdicts afterwards; its configuration
    decides the report).

    Raises:
        InputError: The statement is longer than ``config.statement_limit`` bytes.
    """
    if len(source) > config.statement_limit // 4 and (
            len(source.encode("utf-8", "surrogatepass")) > config.statement_limit):
        raise corpus_mod.too_large("the statement", config.statement_limit, "statement")
    statement = extract.statement_from_text(source, doc_id)
    checker = checker or Checker(config)
    config = checker.config  # a checker the caller keeps brings its own configuration
    found = None if config.report else council_report(statement.text, config)
    corpus = None if found or config.report else corpus_mod.load(config.corpus_root,
                                                                 lenient=True)
    path, doc = found or report_for(config, corpus)
    return checker.check(statement, checker.index(path, doc), previous_for(doc, config, corpus))


@dataclass(frozen=True, slots=True)
class BatchRun:
    """What a batch produced.

    Attributes:
        results: The statements checked, in input order.
        failures: One line for each statement that could not be checked (its report is
            missing or unreadable), in input order.
    """

    results: tuple[DocumentVerdicts, ...]
    failures: tuple[str, ...] = ()


def batch(
    files: Sequence[Path],
    config: Config,
    progress: Callable[[Iterable[Document]], Iterable[Document]] = lambda docs: docs,
) -> list[DocumentVerdicts]:
    """Check statement files, or every statement of the corpus when ``files`` is empty.

    Raises:
        ClaimcheckError: A file cannot be read, or a statement's report is missing
            (:func:`run_batch` checks the others and lists those).
    """
    run = run_batch(files, config, progress)
    if run.failures:
        raise CorpusError(run.failures[0])
    return list(run.results)


def run_batch(
    files: Sequence[Path],
    config: Config,
    progress: Callable[[Iterable[Document]], Iterable[Document]] = lambda docs: docs,
) -> BatchRun:
    """Check statement files, or every statement of the corpus when ``files`` is empty,
    each against its report, in one process.

    Every file is read before any is checked, so a bad statement file fails the run at
    once and nothing half is produced. A corpus statement whose report is missing or
    cannot be read is listed in ``failures`` and the others are checked. The reports
    are read and indexed once each, on all cores when several are not cached.

    Raises:
        ClaimcheckError: A statement file or the corpus manifest cannot be read.
    """
    checker = Checker(config)
    corpus = None
    if files:
        statements = extract.read_statements(list(files), config.metadata,
                                             config.statement_limit)
    else:
        corpus = corpus_mod.load(config.corpus_root, config.statement_limit, lenient=True)
        statements = list(corpus.statements())
        if not statements:
            raise corpus_mod.CorpusError(
                f"{corpus_mod.display(corpus.root / corpus_mod.MANIFEST)} lists no statement; "
                "add [[document]] entries of kind 'statement', or give statement files")
    chosen = report_for(config, corpus) if config.report else None
    fallback: tuple[Path, Document | None] | None = None
    targets: dict[str, tuple[Path, Document | None]] = {}
    befores: dict[str, tuple[Path, Document | None]] = {}
    failures: dict[str, str] = {}
    for statement in statements:
        try:
            if chosen:
                targets[statement.id] = chosen
            elif corpus and statement.about:
                about = corpus.get(statement.about)
                targets[statement.id] = (Path(about.path), about)
            elif found := (council_report(statement.text, config) if files else None):
                targets[statement.id] = found
            else:
                fallback = fallback or default_report(config, corpus)
                targets[statement.id] = fallback
            before = previous_for(targets[statement.id][1], config, corpus)
            if before:
                befores[statement.id] = before
        except ClaimcheckError as err:
            failures[statement.id] = f"{statement.id}: {err}"
    problems = checker.index_all(list(targets.values()))
    results = []
    for statement in progress(statements):
        if statement.id in failures:
            continue
        path, target = targets[statement.id]
        if str(path.resolve()) in problems:
            report = target.id if target else str(path)
            failures[statement.id] = (f"{statement.id}: its report {report} cannot be read: "
                                      f"{problems[str(path.resolve())]}")
            continue
        try:
            results.append(checker.check(statement, checker.index(path, target),
                                         befores.get(statement.id)))
        except ClaimcheckError as err:  # the previous report, read only when a claim needs it
            failures[statement.id] = f"{statement.id}: its previous report: {err}"
    ordered = tuple(failures[s.id] for s in statements if s.id in failures)
    return BatchRun(tuple(results), ordered)


def inputs(files: Sequence[Path], config: Config) -> list[Path]:
    """Every file a :func:`batch` run with these arguments reads, for refusing an output
    that would overwrite one of them: statements, report, lexicons and the corpus
    manifest with every file it names.
    """
    found = [*files, *config.lexicon_files]
    if config.report:
        found.append(config.report)
    if not files or not config.report:
        root = config.corpus_root or corpus_mod.default_root()
        found.append(root / corpus_mod.MANIFEST)
        try:
            corpus = corpus_mod.load(root, config.statement_limit)
            found.extend(Path(doc.path) for doc in corpus.documents)
        except ClaimcheckError:
            pass  # the run itself reports a corpus that cannot be read
    return found


def cache_dir() -> Path:
    """Where indexed reports are kept: $CLAIMCHECK_CACHE, else the user's cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck"


# Distinct sentences a worker process must have to be worth forking for.
PARALLEL_MIN = 2000
# What forked workers judge: the checker, the distinct sentences and contexts, the report
# and the previous report; set only while a pool runs.
_FORKED: tuple[Checker, list[tuple[Sentence, Context]], retrieve.Index,
               tuple[Path, Document | None] | None] | None = None


def _in_pool(function: Callable[..., Any], arguments: list[Iterable[Any]], workers: int,
             chunksize: int = 1, context: Any = None) -> list[Any] | None:
    """``function`` mapped over ``arguments`` in a pool of ``workers`` processes, in order;
    None when no pool can be started or a worker dies, for the caller to do the work."""
    from concurrent.futures import ProcessPoolExecutor  # not imported for one check
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(function, *arguments, chunksize=chunksize))
    except (OSError, BrokenProcessPool):
        return None


def _judge_part(start: int, size: int) -> list[Verdict]:
    """In a forked worker: the verdicts on ``size`` of the sentences from ``start``."""
    assert _FORKED is not None
    checker, todo, index, previous = _FORKED
    return [checker._judge_one(sentence, context, index, previous)
            for sentence, context in todo[start : start + size]]


def _index_job(job: tuple[Path, Document | None, tuple[Path, ...], bool, int]
               ) -> tuple[retrieve.Index | None, str]:
    """In a worker process: one report read, indexed and cached, or why it could not be."""
    path, doc, lexicon_files, use_cache, report_limit = job
    config = Config(use_cache=use_cache, report_limit=report_limit)
    try:
        return _cached_index(path, doc, _worker_lexicons(lexicon_files), config,
                             config.warn), ""
    except ClaimcheckError as err:
        return None, str(err)


@functools.cache
def _worker_lexicons(files: tuple[Path, ...]) -> Lexicons:
    return Lexicons(files)


@overload
def _cached_index(path: Path, doc: Document | None, lexicons: Lexicons, config: Config,
                  warn: Callable[[str], None], build: Literal[True] = ...) -> retrieve.Index: ...
@overload
def _cached_index(path: Path, doc: Document | None, lexicons: Lexicons, config: Config,
                  warn: Callable[[str], None], build: bool) -> retrieve.Index | None: ...
def _cached_index(path: Path, doc: Document | None, lexicons: Lexicons, config: Config,
                  warn: Callable[[str], None], build: bool = True) -> retrieve.Index | None:
    from . import reader

    data = corpus_mod.read_bytes(path, config.report_limit, "report")
    # the metadata verdicts cite: the manifest's, or the file's own name and place
    meta = repr((doc.id, doc.title, doc.publisher, doc.date, doc.url) if doc
                else str(path.resolve()))
    key = hashlib.sha256(
        data + __version__.encode() + lexicons.fingerprint().encode() + meta.encode()
        + _code_stamp().encode() + f"cache {cache_mod.VERSION}".encode()
    ).hexdigest()[:24]
    folder = cache_dir()
    target = folder / f"index-{key}.json"
    use_cache = config.use_cache
    if use_cache:
        try:
            return cache_mod.loads(cache_mod.read_entry(target), key)
        except FileNotFoundError:
            pass
        except cache_mod.CacheMismatch:
            pass  # another version's entry, or a damaged one: indexed afresh and replaced
        except OSError as err:
            warn(_cache_warning(folder, "cannot be read", err))
            use_cache = False
    if not build:
        return None
    report = reader.read_report(path, doc, data, config.report_limit)
    index = retrieve.build(report, lexicons)
    if use_cache:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if target.is_symlink():  # not ours: removed, never followed
                target.unlink()
            write_atomic(target, cache_mod.dumps(index, key))
        except OSError as err:
            warn(_cache_warning(folder, "cannot be written", err))
        except OutputError as err:
            warn(_cache_warning(folder, "cannot be written", err.__cause__ or err))
    return index


def _cache_warning(folder: Path, what: str, err: BaseException) -> str:
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    return (f"the cache folder {corpus_mod.display(folder)} {what} ({reason.lower()}); "
            f"running without the cache: fix its permissions or set {CACHE_ENV}")


def _code_stamp() -> str:
    """Modification times of the package's modules and lexicons: any of them may change
    what an index holds (a listed subset went stale as modules were added)."""
    root = Path(__file__).parent
    parts = [*sorted(root.rglob("*.py")), *sorted((root / "lexicons").glob("*.toml"))]
    return ",".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in parts if p.exists())

