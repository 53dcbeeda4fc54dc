"""Statements in, verdicts out: the library behind ``claimcheck check`` and ``batch``.

A report is read and indexed once and cached on disk, keyed by a hash of its
bytes, the package version and the user's lexicon additions, so a second check
against the same report skips reading the PDF and indexing it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, overload

from . import __version__, councils, extract, library, retrieve
from . import corpus as corpus_mod
from .errors import ClaimcheckError, CorpusError, OutputError, ReportNotFoundError
from .judge import Judge, Settings
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
        jobs: Processes that read and index uncached reports in a batch; 0 means one
            per core, 1 reads them in this process.
    """

    report: Path | None = None
    lexicon_files: tuple[Path, ...] = ()
    settings: Settings = field(default_factory=Settings)
    use_cache: bool = True
    corpus_root: Path | None = None
    reports_dir: Path | None = None
    metadata: Metadata = field(default_factory=Metadata)
    jobs: int = 0


class Checker:
    """Checks statements against reports, indexing each report once."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.lexicons = Lexicons(config.lexicon_files)
        self.judge = Judge(self.lexicons, config.settings)
        self._indexes: dict[str, retrieve.Index] = {}

    def index(self, path: Path, doc: Document | None = None) -> retrieve.Index:
        """The index of the report at ``path``, from the cache when it is there."""
        key = str(path.resolve())
        if key not in self._indexes:
            self._indexes[key] = _cached_index(path, doc, self.lexicons, self.config.use_cache)
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
                found = _cached_index(path, doc, self.lexicons, self.config.use_cache,
                                      build=False)
            except ClaimcheckError as err:
                problems[key] = str(err)
                continue
            if found is not None:
                self._indexes[key] = found
            else:
                todo[key] = (path, doc)
        workers = min(len(todo), self.config.jobs or os.cpu_count() or 1)
        if workers < 2:
            for key, (path, doc) in todo.items():
                try:
                    self._indexes[key] = _cached_index(path, doc, self.lexicons,
                                                       self.config.use_cache)
                except ClaimcheckError as err:
                    problems[key] = str(err)
            return problems
        from concurrent.futures import ProcessPoolExecutor

        jobs = [(path, doc, self.config.lexicon_files, self.config.use_cache)
                for path, doc in todo.values()]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for key, (index, error) in zip(todo, pool.map(_index_job, jobs, chunksize=4),
                                           strict=True):
                if index is not None:
                    self._indexes[key] = index
                else:
                    problems[key] = error
        return problems

    def check(self, statement: Document, index: retrieve.Index) -> DocumentVerdicts:
        """Every sentence of ``statement``, judged against the indexed report."""
        sentences = extract.sentences(statement, self.lexicons)
        contexts = self.judge.contexts(sentences)
        verdicts = tuple(other_council(s, index.report) or self.judge.verdict(s, index, c)
                         for s, c in zip(sentences, contexts, strict=True))
        return DocumentVerdicts(statement, index.report, verdicts)


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


def check_text(source: str, config: Config, doc_id: str = "stdin") -> DocumentVerdicts:
    """Check a statement given as text (``claimcheck check "TEXT"``)."""
    statement = extract.statement_from_text(source, doc_id)
    checker = Checker(config)
    found = None if config.report else council_report(statement.text, config)
    path, doc = found or report_for(config)
    return checker.check(statement, checker.index(path, doc))


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
        statements = extract.read_statements(list(files), config.metadata)
    else:
        corpus = corpus_mod.load(config.corpus_root, lenient=True)
        statements = list(corpus.statements())
    chosen = report_for(config, corpus) if config.report else None
    fallback: tuple[Path, Document | None] | None = None
    targets: dict[str, tuple[Path, Document | None]] = {}
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
        results.append(checker.check(statement, checker.index(path, target)))
    ordered = tuple(failures[s.id] for s in statements if s.id in failures)
    return BatchRun(tuple(results), ordered)


def cache_dir() -> Path:
    """Where indexed reports are kept: $CLAIMCHECK_CACHE, else the user's cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck"


def _index_job(job: tuple[Path, Document | None, tuple[Path, ...], bool]
               ) -> tuple[retrieve.Index | None, str]:
    """In a worker process: one report read, indexed and cached, or why it could not be."""
    path, doc, lexicon_files, use_cache = job
    try:
        return _cached_index(path, doc, _worker_lexicons(lexicon_files), use_cache), ""
    except ClaimcheckError as err:
        return None, str(err)


@functools.cache
def _worker_lexicons(files: tuple[Path, ...]) -> Lexicons:
    return Lexicons(files)


@overload
def _cached_index(path: Path, doc: Document | None, lexicons: Lexicons,
                  use_cache: bool, build: Literal[True] = ...) -> retrieve.Index: ...
@overload
def _cached_index(path: Path, doc: Document | None, lexicons: Lexicons,
                  use_cache: bool, build: bool) -> retrieve.Index | None: ...
def _cached_index(path: Path, doc: Document | None, lexicons: Lexicons,
                  use_cache: bool, build: bool = True) -> retrieve.Index | None:
    from . import reader

    data = corpus_mod.read_bytes(path)
    # the metadata verdicts cite: the manifest's, or the file's own name and place
    meta = repr((doc.id, doc.title, doc.publisher, doc.date, doc.url) if doc
                else str(path.resolve()))
    key = hashlib.sha256(
        data + __version__.encode() + lexicons.fingerprint().encode() + meta.encode()
        + _code_stamp().encode()
    ).hexdigest()[:24]
    target = cache_dir() / f"index-{key}.pickle"
    if use_cache and target.is_file():
        try:
            with target.open("rb") as handle:
                index = pickle.load(handle)
            if isinstance(index, retrieve.Index):
                return index
        except Exception:  # noqa: BLE001 - a stale or broken cache entry is rebuilt
            pass
    if not build:
        return None
    report = reader.read_report(path, doc, data)
    index = retrieve.build(report, lexicons)
    if use_cache:
        _store(target, index)
    return index


def _store(target: Path, index: retrieve.Index) -> None:
    """Write the cache entry whole or not at all; a cache that cannot be written is skipped."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, OutputError):
        pass


def _code_stamp() -> str:
    """Modification times of the package's modules and lexicons: any of them may change
    what an index holds (a listed subset went stale as modules were added)."""
    root = Path(__file__).parent
    parts = [*sorted(root.rglob("*.py")), *sorted((root / "lexicons").glob("*.toml"))]
    return ",".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in parts if p.exists())

