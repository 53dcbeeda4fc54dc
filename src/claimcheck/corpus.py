"""The corpus: documents and their metadata, read from a ``manifest.toml`` (the bundled one is
``src/claimcheck/bundled/manifest.toml``, package data).

Also the one place that reads a user's file into text, so every command fails
the same clear way on a missing, empty, binary or non-UTF-8 file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import markup
from .errors import CorpusError, InputError
from .types import Document, Kind

MANIFEST = "manifest.toml"
_FIELDS = ("title", "publisher", "date", "about", "author", "url", "previous")


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


def load(root: Path | None = None, lenient: bool = False) -> Corpus:
    """Read the manifest under ``root`` and the text of every statement it names.

    Reports are listed with an empty text: reading one (text or PDF) is the
    reader's job, and is cached. With ``lenient``, a report whose file is missing and
    a statement about an unlisted report are kept, for ``batch`` to report one by one.
    """
    root = root or default_root()
    manifest = root / MANIFEST
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(f"{manifest}: no corpus manifest; see README 'The corpus'") from None
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{manifest}: not valid TOML ({err})") from None
    docs = []
    seen: set[str] = set()
    for i, entry in enumerate(data.get("document", []), start=1):
        doc = _entry(root, entry, i, lenient)
        if doc.id in seen:
            raise CorpusError(f"{manifest}: document id {doc.id!r} is used twice")
        seen.add(doc.id)
        docs.append(doc)
    for doc in docs:
        if doc.kind is Kind.STATEMENT and doc.about and doc.about not in seen and not lenient:
            raise CorpusError(f"{manifest}: {doc.id} is about {doc.about!r}, which is not listed")
    return Corpus(root, tuple(docs))


def _entry(root: Path, entry: dict[str, object], index: int, lenient: bool = False) -> Document:
    where = f"{root / MANIFEST}: document {index}"
    try:
        doc_id, kind, rel = str(entry["id"]), str(entry["kind"]), str(entry["path"])
    except KeyError as err:
        raise CorpusError(f"{where} has no {err.args[0]!r}") from None
    if kind not in {k.value for k in Kind}:
        raise CorpusError(f"{where}: kind must be 'report' or 'statement', not {kind!r}")
    path = root / rel
    if not path.is_file() and not (lenient and kind == Kind.REPORT.value):
        raise CorpusError(f"{where}: {path} does not exist")
    fields = {name: str(entry.get(name, "")) for name in _FIELDS}
    # a statement is read as `claimcheck batch FILE` reads it: HTML as its visible text
    text = markup.visible_text(read_text(path)) if kind == Kind.STATEMENT.value else ""
    return Document(id=doc_id, kind=Kind(kind), path=str(path), text=text, **fields)


def read_bytes(path: Path) -> bytes:
    """The bytes of a user's file, or one clear error on why it cannot be read."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: is empty")
    return data


def decode(data: bytes, name: str) -> str:
    """UTF-8 text from bytes, refusing binary junk and other encodings plainly."""
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: is a binary file, not text; give a .txt, .md, .html or .pdf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: is not UTF-8 text (byte {err.start}); {encoding_advice(data, name)}"
        ) from None
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


def read_text(path: Path) -> str:
    """The UTF-8 text of a user's file."""
    return decode(read_bytes(path), str(path))
