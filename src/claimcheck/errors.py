"""Errors the library raises; the CLI turns each into one line and exit status 1."""

import os


class ClaimcheckError(Exception):
    """Base of every error claimcheck reports to a user.

    The message is one line that says what is wrong and what to do next.
    """


class InputError(ClaimcheckError):
    """A file or text given by the user cannot be read."""


class NotAReportError(ClaimcheckError):
    """A document was read but is not an inspection report in a layout claimcheck knows."""


class CorpusError(ClaimcheckError):
    """The corpus manifest or a file it names is missing or malformed."""


class LexiconError(ClaimcheckError):
    """A lexicon file is missing or malformed."""


class OutputError(ClaimcheckError):
    """An output could not be written."""


class ReportNotFoundError(InputError):
    """A report named on the command line is no file, corpus id or council in the library."""


def display(path: str | os.PathLike[str]) -> str:
    """A path as it can be printed in a message: bytes that are not UTF-8 shown as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")
