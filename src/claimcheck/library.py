"""Reports by name: a path, a corpus id, or a council looked up in a reports library.

A reports library is a folder of Ofsted reports named ``COUNCIL-YYYY-MM-DD.pdf``
(``../shared/reports/ilacs`` is one), given with ``--reports DIR`` or
``$CLAIMCHECK_REPORTS``. A council is found by its name or slug ("West Sussex",
"west-sussex"), and its latest report is taken unless a year is given
("essex:2023", or "harrow-2020" as a corpus id would be written).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from . import corpus as corpus_mod
from . import councils
from .errors import ClaimcheckError, InputError, ReportNotFoundError
from .inputs import refuse_url
from .types import Document, Kind

REPORTS_ENV = "CLAIMCHECK_REPORTS"
_FILE = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?P<date>\d{4}-\d\d-\d\d)$")
_EXTENSIONS = frozenset({".pdf", ".txt", ".md", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class LibraryReport:
    """One report of a reports library.

    Attributes:
        slug: The council's slug, from the file name ("west-sussex").
        date: The date in the file name, ISO ("2023-05-11").
        path: The file.
        previous: The stem of the council's report before this one in the library, or "".
    """

    slug: str
    date: str
    path: Path
    previous: str = ""

    def document(self) -> Document:
        """The report as a Document: id the file's stem, published by Ofsted on the date."""
        return Document(id=self.path.stem, kind=Kind.REPORT, path=str(self.path), text="",
                        publisher="Ofsted", date=self.date, previous=self.previous)


def reports_root(explicit: Path | None = None) -> Path | None:
    """The reports library: ``explicit``, else ``$CLAIMCHECK_REPORTS``, else None."""
    if explicit:
        return explicit
    env = os.environ.get(REPORTS_ENV, "").strip()
    return Path(env) if env else None


def entries(root: Path) -> list[LibraryReport]:
    """Every report in the library folder, by council then date.

    Raises:
        InputError: The folder does not exist.
    """
    if not root.is_dir():
        raise InputError(f"{root}: the reports library is not a folder; give --reports DIR "
                         f"or set {REPORTS_ENV} to a folder of COUNCIL-YYYY-MM-DD.pdf files")
    found = []
    for path in root.iterdir():
        match = _FILE.match(path.stem.lower())
        if match and path.suffix.lower() in (".pdf", ".txt") and path.is_file():
            found.append(LibraryReport(match["slug"], match["date"], path))
    return sorted(found, key=lambda r: (r.slug, r.date))


def _keys(slug: str) -> set[str]:
    """The ways a user may write a council: its slug, its names, with or without "and"."""
    council = councils.by_slug().get(slug)
    names = [slug, *(councils.slugify(n) for n in ((council.name, *council.aliases)
                                                    if council else ()))]
    return {k for name in names for k in (name, name.replace("-and-", "-"))}


def find(root: Path, name: str) -> LibraryReport:
    """The report of the council ``name`` names: its latest, or its latest of a year.

    Args:
        root: The reports library.
        name: "essex", "West Sussex", "essex:2023", "harrow-2020" or "harrow-2020-03-16".

    Raises:
        ReportNotFoundError: No council of that name, or none with a report that year;
            the message lists close names.
    """
    reports = entries(root)
    wanted, _, year = name.partition(":")
    key = councils.slugify(wanted)
    dated = re.match(r"^(.*?)-((?:19|20)\d\d)(-\d\d-\d\d)?$", key)
    if not year and dated:
        key, year = dated[1], dated[2] + (dated[3] or "")
    year = year.strip()
    by_key: dict[str, str] = {}
    for report in reports:
        for k in _keys(report.slug):
            by_key.setdefault(k, report.slug)
    slug = by_key.get(key) or by_key.get(key.replace("-and-", "-"))
    if slug is None:
        import difflib

        slugs = sorted({r.slug for r in reports})
        starts = [s for s in slugs if key and (s.startswith(key) or f"-{key}" in s)]
        close = list(dict.fromkeys(
            starts + difflib.get_close_matches(key, slugs, n=4, cutoff=0.6)))[:5]
        hint = f"; close names: {', '.join(close)}" if close else (
            "; `ls` the folder for the councils it holds")
        raise ReportNotFoundError(f"no report for {name!r} in the reports library {root}{hint}")
    own = [r for r in reports if r.slug == slug]
    chosen = [r for r in own if r.date.startswith(year)] if year else own
    if not chosen:
        have = ", ".join(r.date for r in own)
        raise ReportNotFoundError(f"no {councils.name_of(slug)} report from {year} in {root}; "
                                  f"there is: {have}")
    found = chosen[-1]
    before = own[: own.index(found)]
    return replace(found, previous=before[-1].path.stem) if before else found


def resolve(name: Path | str, corpus_root: Path | None = None,
            reports_dir: Path | None = None) -> tuple[Path, Document | None]:
    """The report file a name means, with its metadata when a corpus or library knows it.

    In order: an existing file; a report id of the corpus (the bundled one unless
    ``corpus_root``); a council in the reports library (``reports_dir``, else
    ``$CLAIMCHECK_REPORTS``).

    Raises:
        InputError: A web address (nothing is fetched), or a missing file.
        ReportNotFoundError: A name no corpus or library knows; the message says what to do.
    """
    text = str(name)
    refuse_url(text, "download the report and give its path")
    path = Path(name)
    if path.exists() or len(path.parts) != 1 or path.suffix.lower() in _EXTENSIONS:
        return path, None
    doc = _corpus_report(text, corpus_root)
    if doc is not None:
        return Path(doc.path), doc
    root = reports_root(reports_dir)
    if root is None:
        raise ReportNotFoundError(
            f"{text}: no such file or corpus report id; to name a council's report, give "
            f"--reports DIR or set {REPORTS_ENV} to a folder of COUNCIL-YYYY-MM-DD.pdf files")
    found = find(root, text)
    return found.path, found.document()


def _corpus_report(doc_id: str, corpus_root: Path | None) -> Document | None:
    """The corpus's report with this id; None when there is none (or no bundled corpus)."""
    try:
        the_corpus = corpus_mod.load(corpus_root, lenient=True)
    except ClaimcheckError:
        if corpus_root is not None:
            raise
        return None
    return next((d for d in the_corpus.reports() if d.id == doc_id), None)
