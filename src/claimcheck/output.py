"""Writing outputs whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import OutputError


def _mode(path: Path) -> int:
    """The permissions the file should have: an existing file's, else 0666 less umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` so readers see the old file or the new, never half.

    The content goes to a temporary file in the same folder, is flushed to disk, then
    replaces ``path`` in one ``os.replace``. Text is written as UTF-8 with line ends
    exactly as given (a CSV's CRLF stays CRLF); bytes are written as they are.

    Args:
        path: The file to write.
        text: Its whole content.

    Raises:
        OutputError: When the folder is missing, ``path`` is a folder, or the file
            cannot be written; the message names the path and what to do.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(
            f"cannot write {path}: folder {folder} does not exist; create it or choose another path"
        )
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except OSError as err:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        reason = err.strerror or str(err)
        raise OutputError(f"cannot write {path}: {reason.lower()}") from err
