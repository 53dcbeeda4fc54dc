"""Statements in, verdicts out: the library behind ``claimcheck check`` and ``batch``.

A report is read and indexed once and cached on disk as checked JSON (see
``cache``), keyed by a hash of its bytes, the package version and the user's
lexicon additions, so a second check against the same report skips reading the
PDF and indexing it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, extract, retrieve
from . import cache as cache_mod
from . import corpus as corpus_mod
from .errors import ClaimcheckError, OutputError
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
    statement_limit: int = corpus_mod.STATEMENT_LIMIT
    report_limit: int = corpus_mod.REPORT_LIMIT
    warn: Callable[[str], None] = field(default=lambda message: None, compare=False)


class Checker:
    """Checks statements against reports, indexing each report once."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.lexicons = Lexicons(config.lexicon_files)
        self.judge = Judge(self.lexicons, config.settings)
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
            index = _cached_index(path, doc, self.lexicons, self.config, self.warn)
            for message in index.report.warnings:
                self.warn(message)
            self._indexes[key] = index
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
    """Check a statement given as text (``claimcheck check "TEXT"``).

    Raises:
        InputError: The statement is longer than ``config.statement_limit`` bytes.
    """
    if len(source) > config.statement_limit // 4 and (
            len(source.encode("utf-8", "surrogatepass")) > config.statement_limit):
        raise corpus_mod.too_large("the statement", config.statement_limit, "statement")
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
        statements = [extract.read_statement(path, limit=config.statement_limit)
                      for path in files]
    else:
        corpus = corpus_mod.load(config.corpus_root, config.statement_limit)
        statements = list(corpus.statements())
        if not statements:
            raise corpus_mod.CorpusError(
                f"{corpus_mod.display(corpus.root / corpus_mod.MANIFEST)} lists no statement; "
                "add [[document]] entries of kind 'statement', or give statement files")
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


def _cached_index(path: Path, doc: Document | None, lexicons: Lexicons, config: Config,
                  warn: Callable[[str], None]) -> retrieve.Index:
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

