"""Statements in, verdicts out: the library behind ``claimcheck check`` and ``batch``.

A report is read and indexed once and cached on disk, keyed by a hash of its
bytes, the package version and the user's lexicon additions, so a second check
against the same report skips reading the PDF and indexing it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, extract, retrieve
from . import corpus as corpus_mod
from .errors import OutputError
from .judge import Judge, Settings
from .lexicon import Lexicons
from .output import write_atomic
from .types import Document, DocumentVerdicts

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
    """

    report: Path | None = None
    lexicon_files: tuple[Path, ...] = ()
    settings: Settings = field(default_factory=Settings)
    use_cache: bool = True
    corpus_root: Path | None = None


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

    def check(self, statement: Document, index: retrieve.Index) -> DocumentVerdicts:
        """Every sentence of ``statement``, judged against the indexed report."""
        sentences = extract.sentences(statement, self.lexicons)
        contexts = self.judge.contexts(sentences)
        verdicts = tuple(self.judge.verdict(s, index, c)
                         for s, c in zip(sentences, contexts, strict=True))
        return DocumentVerdicts(statement, index.report, verdicts)


def default_report(config: Config, corpus: corpus_mod.Corpus | None = None
                   ) -> tuple[Path, Document]:
    """The report a check runs against when none is given: the corpus's first report."""
    corpus = corpus or corpus_mod.load(config.corpus_root)
    reports = corpus.reports()
    if not reports:
        raise corpus_mod.CorpusError(f"{corpus.root} lists no report; give one with --report")
    return Path(reports[0].path), reports[0]


def check_text(source: str, config: Config, doc_id: str = "stdin") -> DocumentVerdicts:
    """Check a statement given as text (``claimcheck check "TEXT"``)."""
    statement = extract.statement_from_text(source, doc_id)
    checker = Checker(config)
    path, doc = (config.report, None) if config.report else default_report(config)
    return checker.check(statement, checker.index(path, doc))


def batch(
    files: Sequence[Path],
    config: Config,
    progress: Callable[[Iterable[Document]], Iterable[Document]] = lambda docs: docs,
) -> list[DocumentVerdicts]:
    """Check statement files, or every statement of the corpus when ``files`` is empty.

    Every file is read before any is checked, so a bad file fails the run at once
    and nothing half is produced.
    """
    checker = Checker(config)
    corpus = None
    if files:
        statements = [extract.read_statement(path) for path in files]
    else:
        corpus = corpus_mod.load(config.corpus_root)
        statements = list(corpus.statements())
    results = []
    fallback: tuple[Path, Document] | None = None
    for statement in progress(statements):
        if config.report:
            path, doc = config.report, None
        elif corpus and statement.about:
            doc = corpus.get(statement.about)
            path = Path(doc.path)
        else:
            fallback = fallback or default_report(config, corpus)
            path, doc = fallback
        results.append(checker.check(statement, checker.index(path, doc)))
    return results


def cache_dir() -> Path:
    """Where indexed reports are kept: $CLAIMCHECK_CACHE, else the user's cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck"


def _cached_index(path: Path, doc: Document | None, lexicons: Lexicons,
                  use_cache: bool) -> retrieve.Index:
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

