"""Lexicons: the words claimcheck knows, kept as TOML data files a user can read and extend.

The package's own files live in ``claimcheck/lexicons/``. A user file given with
``--lexicon`` is merged over them: lists are extended, tables are merged key by
key, so a user adds words without copying the whole file.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import LexiconError

Lexicon = Mapping[str, Any]


@cache
def builtin(name: str) -> Lexicon:
    """The package's own lexicon ``name`` (file ``lexicons/NAME.toml``)."""
    source = resources.files("claimcheck").joinpath("lexicons").joinpath(f"{name}.toml")
    try:
        return tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"no built-in lexicon named {name!r}") from None
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"built-in lexicon {name}.toml is malformed: {err}") from None


def read_user_file(path: Path) -> dict[str, Any]:
    """A user's lexicon file: top-level tables named after the lexicons they extend."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise LexiconError(
            f"{path}: not a valid TOML lexicon ({err}); see README 'Lexicons'") from None


def merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``extra`` merged over ``base``: lists extend, tables merge, scalars replace."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [item for item in value if item not in old]
        else:
            merged[key] = value
    return merged


class Lexicons:
    """Every lexicon claimcheck uses, built-in merged with the user's files."""

    def __init__(self, user_files: Iterable[Path] = ()) -> None:
        self._extra: dict[str, Any] = {}
        for path in user_files:
            self._extra = merge(self._extra, read_user_file(path))
        self._cache: dict[str, Lexicon] = {}

    def __getitem__(self, name: str) -> Lexicon:
        if name not in self._cache:
            base = builtin(name)
            extra = self._extra.get(name)
            self._cache[name] = merge(base, extra) if isinstance(extra, Mapping) else base
        return self._cache[name]

    def fingerprint(self) -> str:
        """A short hash of the user's additions, for cache keys."""
        return hashlib.sha256(repr(sorted(self._extra.items())).encode()).hexdigest()[:12]


@cache
def default() -> Lexicons:
    """The built-in lexicons, with no user additions."""
    return Lexicons()
