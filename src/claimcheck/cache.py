"""Indexed reports on disk, as checked JSON: data that cannot run code when it is read.

An entry is one JSON object: ``{"format": "claimcheck-index", "version": N, "key":
KEY, "index": {...}}``. ``index`` is a :class:`~claimcheck.retrieve.Index` written
field by field; on reading, every field is checked against the record's type
hints, so an entry written by another version, cut short or edited by hand is
refused with :class:`CacheMismatch` and the report is indexed afresh.
"""

from __future__ import annotations

import dataclasses
import enum
import errno
import json
import os
import stat
import types
import typing
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from .retrieve import Index

FORMAT = "claimcheck-index"
VERSION = 1


class CacheMismatch(ValueError):
    """A cache entry is not one this version wrote for this key."""


def read_entry(path: Path) -> bytes:
    """The bytes of a cache entry; one that is not a regular file (a symbolic link, a
    device such as ``/dev/zero``) is refused with CacheMismatch, not followed.

    Raises:
        FileNotFoundError: There is no entry.
        OSError: The entry or its folder cannot be read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as err:
        if err.errno == errno.ELOOP:  # a symbolic link
            raise CacheMismatch(f"{path} is a symbolic link") from None
        raise
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise CacheMismatch(f"{path} is not a regular file")
        return handle.read()


def dumps(index: Index, key: str) -> str:
    """The cache entry for ``index`` under ``key``."""
    return json.dumps({"format": FORMAT, "version": VERSION, "key": key,
                       "index": _encode(index)}, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes, key: str) -> Index:
    """The index in a cache entry.

    Raises:
        CacheMismatch: The entry is not JSON, has another format, version or key, or a
            field is missing, unknown or of the wrong type.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise CacheMismatch(f"not JSON: {err}") from None
    if not isinstance(data, dict):
        raise CacheMismatch("not a JSON object")
    for name, want in (("format", FORMAT), ("version", VERSION), ("key", key)):
        if data.get(name) != want:
            raise CacheMismatch(f"{name} is {data.get(name)!r}, not {want!r}")
    try:
        index = _decode(Index, data.get("index"), "index")
    except (RecursionError, TypeError, ValueError, ArithmeticError) as err:
        # a record's own checks refusing, or its derived fields failing to build
        raise CacheMismatch(f"index: {err}") from None
    assert isinstance(index, Index)
    return index


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.init}  # derived fields are rebuilt on load, never stored
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(_encode(v) for v in value)
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, value: Any, where: str) -> Any:
    """``value`` read from JSON as type ``hint``; CacheMismatch naming ``where`` if it is not."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        names = [f.name for f in dataclasses.fields(hint) if f.init]
        if not isinstance(value, dict) or sorted(value) != sorted(names):
            raise CacheMismatch(f"{where}: not a {hint.__name__} record")
        hints = _hints(hint)
        return hint(**{name: _decode(hints[name], value[name], f"{where}.{name}")
                       for name in names})
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            try:
                return _decode(arg, value, where)
            except CacheMismatch:
                continue
        raise CacheMismatch(f"{where}: none of {hint}")
    if hint is type(None):
        if value is not None:
            raise CacheMismatch(f"{where}: not null")
        return None
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            raise CacheMismatch(f"{where}: not a {hint.__name__}") from None
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CacheMismatch(f"{where}: not a number")
        return float(value)
    if hint in (str, int, bool):
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise CacheMismatch(f"{where}: not a {hint.__name__}")
        return value
    if origin in (tuple, frozenset, list):
        if not isinstance(value, list):
            raise CacheMismatch(f"{where}: not a list")
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(value):
                raise CacheMismatch(f"{where}: not {len(args)} items")
            return tuple(_decode(a, v, f"{where}[{i}]")
                         for i, (a, v) in enumerate(zip(args, value, strict=True)))
        items = [_decode(args[0], v, f"{where}[{i}]") for i, v in enumerate(value)]
        return origin(items)
    if origin in (dict, Counter):
        if not isinstance(value, dict):
            raise CacheMismatch(f"{where}: not an object")
        item = args[-1] if args else Any
        if origin is Counter:
            item = int
        return origin({k: _decode(item, v, f"{where}.{k}") for k, v in value.items()})
    raise CacheMismatch(f"{where}: cannot read a {hint}")
