"""Writing outputs whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError, display


def check_target(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output file that is an input of the same run, or not a regular file.

    ``path`` may be new or a regular file, which is replaced; a symbolic link (even one
    to a regular file), a folder, a device or a pipe is refused, so the output never
    lands somewhere other than the name given.

    Raises:
        OutputError: The message says which input ``path`` is, or what it is instead
            of a file.
    """
    name = display(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise OutputError(f"cannot write {name}: {(err.strerror or str(err)).lower()}") from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise OutputError(f"cannot write {name}: it is a symbolic link; give the path of "
                              "a regular file (or leave out --out to write to standard output)")
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"cannot write {name}: it is a folder; give a file name")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"cannot write {name}: it is not a regular file; give the path "
                              "of a file (or leave out --out to write to standard output)")
    if info is None and not path.parent.is_dir():
        raise OutputError(f"cannot write {name}: folder {display(path.parent)} does not exist; "
                          "create it or choose another path")
    target = os.path.realpath(path)
    for source in inputs:
        same = os.path.realpath(source) == target
        if not same and info is not None:
            try:
                same = os.path.samefile(source, path)
            except OSError:
                same = False
        if same:
            raise OutputError(f"cannot write {name}: it is an input of this run "
                              f"({display(source)}); choose another file for --out")


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
    name = display(path)
    if not folder.is_dir():
        raise OutputError(f"cannot write {name}: folder {display(folder)} does not exist; "
                          "create it or choose another path")
    check_target(path)
    tmp = ""
    done = False
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:64]}.", suffix=".tmp")
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
        done = True
    except OSError as err:
        reason = err.strerror or str(err)
        raise OutputError(f"cannot write {name}: {reason.lower()}") from err
    finally:
        # on any exit, Ctrl-C included, no temporary file is left behind
        if tmp and not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
