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

from .errors import LexiconError, display

Lexicon = Mapping[str, Any]
#: The largest user lexicon file read, in bytes.
MAX_FILE = 10_000_000


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


def names() -> tuple[str, ...]:
    """The names of the package's own lexicons, one a TOML file in ``lexicons/``."""
    folder = resources.files("claimcheck").joinpath("lexicons")
    return tuple(sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir()
                        if entry.name.endswith(".toml")))


def read_user_file(path: Path) -> dict[str, Any]:
    """A user's lexicon file: top-level tables named after the lexicons they extend.

    The file is checked against the package's own lexicons, which are the schema: a
    user file may only use the tables and keys they have, each with the same kind of
    value (a list of the same kind of items, a table, or a scalar of the same type),
    so a misspelt key or a string where a list belongs is refused rather than
    silently read one character at a time.

    Raises:
        LexiconError: The file is missing, not UTF-8 TOML, or does not fit; the message
            names the file, the table and the key.
    """
    name = display(path)
    if path.is_dir():
        raise LexiconError(f"{name}: is a folder; give a TOML lexicon file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE + 1)
        if len(raw) > MAX_FILE:
            raise LexiconError(f"{name}: is larger than {MAX_FILE // 1_000_000} MB: is it a "
                               "lexicon? See README 'Lexicons'")
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except FileNotFoundError:
        raise LexiconError(f"{name}: no such lexicon file") from None
    except OSError as err:
        raise LexiconError(f"{name}: cannot be read ({err.strerror})") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise LexiconError(
            f"{name}: not a valid TOML lexicon ({err}); see README 'Lexicons'") from None
    except RecursionError:
        raise LexiconError(f"{name}: is nested too deeply to be a lexicon; "
                           "see README 'Lexicons'") from None
    known = names()
    for table, value in data.items():
        if table not in known:
            raise LexiconError(f"{name}: there is no lexicon [{table}] to extend; "
                               f"known: {', '.join(known)}; see README 'Lexicons'")
        _fits(value, builtin(table), name, table, "")
    return data


def kind(value: object) -> str:
    """What a TOML value is, in the words of an error message ("a list", "a whole number")."""
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a date"


# A table of this many entries or more, all of one kind and none a table, is a map of
# words (synonym groups, valences, WordNet's pairs, lemma corrections): a user may add
# entries of the same kind to it. Smaller tables are records, whose keys are fixed, so a
# misspelt key ("negatve") stops with an error.
OPEN_MAP = 20


def _open_map(like: Mapping[str, object]) -> object | None:
    """An entry of ``like`` to check new entries against, when ``like`` is a map of words;
    None when it is a record with fixed keys."""
    values = list(like.values())
    if len(values) < OPEN_MAP or any(isinstance(v, Mapping) for v in values):
        return None
    kinds = {kind(v) for v in values}
    if kinds <= {"a whole number", "a number"} or len(kinds) == 1:
        return values[0]
    return None


def _same_scalar(value: object, like: object) -> bool:
    if isinstance(like, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(like, bool)
    if isinstance(like, float):
        return isinstance(value, int | float)
    return type(value) is type(like)


def _fits(value: object, like: object, name: str, table: str, key: str) -> None:
    """Raise LexiconError unless ``value`` has the shape of the built-in ``like``."""
    where = f"{name}: [{table}]" + (f" key {key!r}" if key else "")
    if isinstance(like, Mapping):
        if not isinstance(value, Mapping):
            raise LexiconError(f"{where} must be a table, not {kind(value)}; "
                               "see README 'Lexicons'")
        inner = f"{table}.{key}" if key else table
        model = _open_map(like)
        for sub, item in value.items():
            if sub not in like and model is None:
                known = ", ".join(sorted(like)[:12])
                raise LexiconError(f"{name}: [{inner}] has no key {sub!r} to extend; "
                                   f"known: {known}{', ...' if len(like) > 12 else ''}")
            _fits(item, like.get(sub, model), name, inner, sub)
        return
    if isinstance(like, list):
        if not isinstance(value, list):
            raise LexiconError(f"{where} must be a list, not {kind(value)} "
                               "(write [\"...\"] even for one entry)")
        tables = [m for m in like if isinstance(m, Mapping)]
        for number, item in enumerate(value, start=1):
            model = next((m for m in like if kind(m) == kind(item)), None)
            if like and model is None:
                raise LexiconError(f"{where} must list {kind(like[0]).split()[-1]}s, "
                                   f"not {kind(item)}")
            if isinstance(item, Mapping):
                # an added table needs every key the bundled ones all have
                needed = sorted(set.intersection(*(set(m) for m in tables)))
                missing = [k for k in needed if k not in item]
                if missing:
                    raise LexiconError(f"{where} entry {number} has no {missing[0]!r}; each "
                                       f"needs {', '.join(needed)}")
                merged: dict[str, Any] = {}
                for each in tables:
                    merged.update(each)
                _fits(item, merged, name, f"{table}.{key}" if key else table, "")
        return
    if not _same_scalar(value, like):
        raise LexiconError(f"{where} must be {kind(like)}, not {kind(value)}")


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
