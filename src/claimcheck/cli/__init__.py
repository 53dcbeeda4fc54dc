"""The ``claimcheck`` command: thin commands over the library.

Each command module registers itself on ``app``; library errors become one
line and exit status 1 in ``app``'s group. Heavy imports stay inside the
commands that need them, so ``claimcheck --help`` starts fast.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys

from . import check as _check  # noqa: F401  (registers the commands)
from . import eval as _eval  # noqa: F401
from . import show as _show  # noqa: F401
from . import units as _units  # noqa: F401
from .app import app

# Errors of a standard output that cannot take what is written to it.
_OUTPUT_ERRNOS = {errno.EBADF, errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT}


class _ClosedOutput(io.RawIOBase):
    """Standard output when the process was started with it closed (``>&-``): every
    write fails as writing to a closed descriptor does, unless told to discard."""

    discard = False

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        if self.discard:
            return len(data)  # type: ignore[arg-type]
        raise OSError(errno.EBADF, "standard output is closed")


def _terminate(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


def main() -> None:
    """Entry point of the console script.

    A standard output that is closed or full (``>&-``, ``>/dev/full``) ends the run with
    one line on stderr and exit status 1, not a traceback; a closed pipe (``| head``)
    ends it quietly, as click does. SIGTERM exits with status 143 after cleaning up.
    """
    # SIGTERM ends the run as Ctrl-C does, through finally blocks: an --out file being
    # written leaves no temporary file behind
    signal.signal(signal.SIGTERM, _terminate)
    closed = _ClosedOutput()
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(closed), encoding="utf-8")
    elif hasattr(sys.stdout, "reconfigure") and sys.stdout.errors == "strict":
        # a terminal in a legacy encoding shows "?" for what it cannot, not a traceback
        sys.stdout.reconfigure(errors="replace")
    try:
        try:
            app()
        finally:
            sys.stdout.flush()
    except OSError as err:
        # drop what could not be written, so the exit does not try again
        closed.discard = True
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        reason = (err.strerror or str(err)).lower()
        if err.errno == errno.EBADF:
            message = ("cannot write to standard output: it is closed; redirect it to a "
                       "file, or write with --out FILE")
        elif err.errno in _OUTPUT_ERRNOS:
            message = (f"cannot write to standard output ({reason}); free some space or "
                       "redirect it elsewhere, or write with --out FILE")
        else:
            message = f"{reason}{f': {err.filename}' if err.filename else ''}"
        if sys.stderr is not None:
            print(f"claimcheck: error: {message}", file=sys.stderr)
        sys.exit(1)
