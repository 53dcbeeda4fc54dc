"""The corpus: documents and their metadata, read from a ``manifest.toml`` (the bundled one is
``src/claimcheck/bundled/manifest.toml``, package data).

Also the one place that reads a user's file into text, so every command fails
the same clear way on a missing, empty, binary or non-UTF-8 file.
"""

from __future__ import annotations

import codecs
import datetime
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from . import markup
from .errors import CorpusError, InputError, display
from .lexicon import kind as toml_kind
from .types import Document, Kind

MANIFEST = "manifest.toml"
_FIELDS = ("title", "publisher", "date", "about", "author", "url", "previous")
_KNOWN = ("id", "kind", "path", *_FIELDS)

#: The largest statement read, in bytes (``--max-statement-mb`` raises it).
STATEMENT_LIMIT = 2_000_000
#: The largest report file read, in bytes (``--max-report-mb`` raises it); Ofsted's
#: ILACS PDFs are under 0.4 MB.
REPORT_LIMIT = 50_000_000
#: The largest corpus manifest read, in bytes.
MANIFEST_LIMIT = 10_000_000


@dataclass(frozen=True, slots=True)
class Corpus:
    """The documents of a corpus, in manifest order."""

    root: Path
    documents: tuple[Document, ...]

    def get(self, doc_id: str) -> Document:
        """The document with this id."""
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        known = ", ".join(d.id for d in self.documents)
        raise CorpusError(f"no document {doc_id!r} in {self.root / MANIFEST}; known: {known}")

    def reports(self) -> tuple[Document, ...]:
        """The reports, in manifest order."""
        return tuple(d for d in self.documents if d.kind is Kind.REPORT)

    def statements(self) -> tuple[Document, ...]:
        """The statements, in manifest order."""
        return tuple(d for d in self.documents if d.kind is Kind.STATEMENT)


def default_root() -> Path:
    """The bundled corpus: ``bundled/`` inside the package, read with importlib.resources so
    an installed wheel finds it as a checkout does."""
    return Path(str(resources.files("claimcheck").joinpath("bundled")))


def load(root: Path | None = None, limit: int | None = None, lenient: bool = False) -> Corpus:
    """Read the manifest under ``root`` and the text of every statement it names.

    Reports are listed with an empty text: reading one (text or PDF) is the
    reader's job, and is cached. Every field is checked for its type, and every
    path must lie inside ``root`` once symbolic links are resolved, so a manifest
    cannot make claimcheck read ``/etc/passwd`` into its output. With ``lenient``, a
    report whose file is missing and a statement about an unlisted report are kept, for
    ``batch`` to report one by one.

    Args:
        root: The corpus folder; None means the bundled one.
        limit: The largest statement file read, in bytes; None means
            :data:`STATEMENT_LIMIT`.
        lenient: Keep what ``batch`` reports one statement at a time.

    Raises:
        CorpusError: The manifest is missing, not UTF-8 TOML, or malformed; the
            message names the file, the document and the field.
    """
    root = root or default_root()
    manifest = root / MANIFEST
    if manifest.is_dir():
        raise CorpusError(f"{display(manifest)}: is a folder, not a manifest file; "
                          "see README 'The corpus'")
    try:
        with manifest.open("rb") as handle:
            raw = handle.read(MANIFEST_LIMIT + 1)
        if len(raw) > MANIFEST_LIMIT:
            raise CorpusError(f"{display(manifest)}: is larger than "
                              f"{MANIFEST_LIMIT // 1_000_000} MB: is it a corpus manifest?")
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except FileNotFoundError:
        raise CorpusError(f"{display(manifest)}: no corpus manifest; "
                          "see README 'The corpus'") from None
    except OSError as err:
        raise CorpusError(f"{display(manifest)}: cannot be read ({err.strerror})") from None
    except UnicodeDecodeError as err:
        raise CorpusError(f"{display(manifest)}: is not UTF-8 text (byte {err.start}); "
                          "re-save it as UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{display(manifest)}: not valid TOML ({err})") from None
    except RecursionError:
        raise CorpusError(f"{display(manifest)}: is nested too deeply to be a manifest; "
                          "see README 'The corpus'") from None
    entries = data.get("document", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CorpusError(f"{display(manifest)}: 'document' must be an array of tables "
                          "([[document]] entries), not "
                          f"{toml_kind(entries)}; see README 'The corpus'")
    docs = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, start=1):
        doc = _entry(root, entry, i, STATEMENT_LIMIT if limit is None else limit, lenient)
        if doc.id in seen:
            raise CorpusError(f"{display(manifest)}: document id {doc.id!r} is used twice")
        seen.add(doc.id)
        docs.append(doc)
    for doc in docs:
        if doc.kind is Kind.STATEMENT and doc.about and doc.about not in seen and not lenient:
            raise CorpusError(f"{display(manifest)}: {doc.id} is about {doc.about!r}, "
                              "which is not listed")
    return Corpus(root, tuple(docs))


def _entry(root: Path, entry: dict[str, object], index: int, limit: int,
           lenient: bool = False) -> Document:
    where = f"{display(root / MANIFEST)}: document {index}"
    entry = dict(entry)
    for name in _KNOWN:
        value = entry.get(name, "")
        if name == "date" and isinstance(value, datetime.date):  # date = 2025-03-04 unquoted
            entry[name] = value = value.isoformat()
        if not isinstance(value, str):
            raise CorpusError(f"{where}: field {name!r} must be a string, "
                              f"not {toml_kind(value)}")
    missing = [name for name in ("id", "kind", "path") if not entry.get(name)]
    if missing:
        raise CorpusError(f"{where} has no {missing[0]!r}")
    doc_id, kind, rel = str(entry["id"]), str(entry["kind"]), str(entry["path"])
    if kind not in {k.value for k in Kind}:
        raise CorpusError(f"{where}: kind must be 'report' or 'statement', not {kind!r}")
    path = confined(root, rel, where)
    if not path.exists() and not (lenient and kind == Kind.REPORT.value):
        raise CorpusError(f"{where}: {display(path)} does not exist")
    if path.exists() and not path.is_file():
        raise CorpusError(f"{where}: {display(path)} is not a file")
    fields = {name: str(entry.get(name, "")) for name in _FIELDS}
    # a statement is read as `claimcheck batch FILE` reads it: HTML as its visible text
    text = (markup.visible_text(read_text(path, limit, "statement"))
            if kind == Kind.STATEMENT.value else "")
    if kind == Kind.STATEMENT.value and not text.strip():
        raise CorpusError(f"{where}: {display(path)} has no visible text (only markup)")
    return Document(id=doc_id, kind=Kind(kind), path=str(path), text=text, **fields)


def confined(root: Path, rel: str, where: str) -> Path:
    """``root / rel``, refused unless it lies inside ``root`` with symbolic links resolved."""
    path = root / rel
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        inside = False
    if not inside:
        raise CorpusError(f"{where}: path {rel!r} is outside the corpus folder "
                          f"{display(root)}; copy the file into it")
    return path



def read_bytes(path: Path, limit: int | None = None, what: str = "report") -> bytes:
    """The bytes of a user's file, or one clear error on why it cannot be read.

    At most ``limit`` bytes are read (:data:`REPORT_LIMIT` when None), so
    ``/dev/zero`` or a runaway file stops with a message instead of filling memory.
    """
    limit = REPORT_LIMIT if limit is None else limit
    name = display(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory; give a file")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror})") from None
    if len(data) > limit:
        raise too_large(name, limit, what)
    if not data.strip():
        raise InputError(f"{name}: is empty")
    return data


def too_large(name: str, limit: int, what: str) -> InputError:
    """The error for an input over its size limit, naming the flag that raises it."""
    return InputError(f"{name}: is larger than the {what} limit of {limit / 1e6:g} MB; "
                      f"raise it with --max-{what}-mb if you mean it")


# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8, or UTF-16/32 when a byte-order mark says so.

    Binary junk, other encodings and text that is only whitespace are refused plainly.
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data[:4096]:
        raise InputError(f"{name}: is a binary file, not text; give a .txt, .md, .html or .pdf")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: is not {encoding.removesuffix('-sig').upper()} text (byte {err.start}); "
            f"{encoding_advice(data, name)}"
        ) from None
    if "\x00" in text[:4096]:
        raise InputError(f"{name}: is a binary file, not text; give a .txt, .md, .html or .pdf")
    if not text.strip():
        raise InputError(f"{name}: has no text (only white space or a byte-order mark)")
    return unix_newlines(text)


def encoding_advice(data: bytes, name: str) -> str:
    """How to re-save text that is not UTF-8, naming the likely encoding.

    Bytes 0x80-0x9F are printable in Windows-1252 (curly quotes, dashes, the euro sign)
    but control codes in Latin-1, so text that has them is almost surely Windows-1252.
    """
    if any(0x80 <= byte <= 0x9F for byte in data):
        return (f"it looks like Windows-1252 (curly quotes and dashes saved by Windows); "
                f"re-save it as UTF-8, e.g. iconv -f windows-1252 -t utf-8 {name}")
    return (f"it looks like Latin-1 (ISO-8859-1); re-save it as UTF-8, "
            f"e.g. iconv -f latin1 -t utf-8 {name}")


def unix_newlines(text: str) -> str:
    """``text`` with Windows and old Mac line ends made "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, limit: int | None = None, what: str = "report") -> str:
    """The text of a user's file (UTF-8, or UTF-16/32 with a byte-order mark)."""
    return decode(read_bytes(path, limit, what), display(path))


def read_stream(stream: BinaryIO | None, name: str, limit: int | None = None,
                what: str = "statement") -> str:
    """The text of a stream such as standard input, read as :func:`read_text` reads a file.

    Raises:
        InputError: The stream is closed, larger than ``limit`` bytes, empty, or not text.
    """
    limit = STATEMENT_LIMIT if limit is None else limit
    if stream is None:
        raise InputError(f"{name} is closed; pipe the {what} in, or give it in quotes")
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError) as err:
        raise InputError(f"{name} cannot be read ({err}); pipe the {what} in, "
                         "or give it in quotes") from None
    if len(data) > limit:
        raise too_large(name, limit, what)
    if not data.strip():
        raise InputError(f"the {what} is empty; give text in quotes or pipe it with '-'")
    return decode(data, name)


def from_argument(value: str, name: str) -> str:
    """A command-line argument as text: bytes that are not UTF-8 are refused plainly
    (Python hands them over as lone surrogates, which nothing after could print)."""
    return decode(value.encode("utf-8", "surrogateescape"), name)
