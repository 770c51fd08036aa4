"""Dataclasses <-> JSON values, and the JSON schema of a dataclass, from the type hints alone.

The case file's shape is written once, as the dataclasses of :mod:`assistant.core.model.case`;
this module derives the JSON text (:func:`to_plain`), the object back (:func:`from_plain`, for
values already validated against :func:`schema_of`) and that schema. Supported field types:
``str``, ``int``, ``bool``, ``float``, ``datetime.date``, ``X | None``, ``list[X]``,
``dict[str, X]`` and nested dataclasses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_SCALARS: dict[Any, str] = {str: "string", int: "integer", bool: "boolean", float: "number"}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(cls)


def _optional(tp: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``, else ``(tp, False)``."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


# ------------------------------------------------------------------------------------ paths
def looks_like_path(value: str) -> bool:
    return value.lower().endswith(".docx") or os.sep in value or "/" in value


def store_path(path: str, base_dir: str | os.PathLike[str] | None) -> str:
    """``path`` relative to ``base_dir`` where possible (same drive), else absolute; with ``/``."""
    if not path or base_dir is None:
        return path.replace(os.sep, "/") if path else path
    p = Path(path)
    if not p.is_absolute():
        return path.replace(os.sep, "/")
    try:
        rel = os.path.relpath(p.resolve(), Path(base_dir).resolve())
    except (ValueError, OSError, RuntimeError):  # another drive (Windows), a loop
        return p.as_posix()
    return Path(rel).as_posix()


def resolve_path(stored: str, base_dir: str | os.PathLike[str] | None) -> str:
    """The absolute path of a stored (maybe relative) path.

    Raises ``ValueError`` for a path no file system can hold (NUL byte, lone surrogates)."""
    if "\x00" in stored:
        raise ValueError("embedded NUL byte")
    os.fsencode(stored)  # UnicodeEncodeError (a ValueError) for lone surrogates
    p = Path(stored).expanduser()
    if not p.is_absolute() and base_dir is not None:
        p = Path(base_dir) / p
    if not (p.is_absolute() or base_dir is not None):
        return str(p)
    try:
        return str(p.resolve())
    except (OSError, RuntimeError):  # too long, a symlink loop: keep it as written
        return os.path.abspath(p)


def _path_kind(f: dataclasses.Field[Any]) -> Any:
    return f.metadata.get("path")


# ------------------------------------------------------------------------------------ to JSON
def to_plain(obj: Any, base_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The JSON object of dataclass ``obj`` (key order = field order; dates as ISO text)."""
    out: dict[str, Any] = {}
    for f in _fields(type(obj)):
        value = getattr(obj, f.name)
        kind = _path_kind(f)
        if kind and isinstance(value, str) and (kind is True or looks_like_path(value)):
            value = store_path(value, base_dir)
        out[f.name] = _value(value, base_dir)
    return out


def _value(value: Any, base_dir: str | os.PathLike[str] | None) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_plain(value, base_dir)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_value(v, base_dir) for v in value]
    if isinstance(value, dict):
        return {k: _value(v, base_dir) for k, v in value.items()}
    return value


# ------------------------------------------------------------------------------------ from JSON
def from_plain(cls: type, data: dict[str, Any], base_dir: str | os.PathLike[str] | None) -> Any:
    """An instance of ``cls`` from a JSON object already valid against :func:`schema_of`
    (a missing key keeps the field's default). Raises ``ValueError`` for a bad date or path."""
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in _fields(cls):
        if f.name not in data:
            continue
        value = _build(hints[f.name], data[f.name], base_dir)
        kind = _path_kind(f)
        if kind and value and (kind is True or looks_like_path(value)):
            value = resolve_path(value, base_dir)
        if f.metadata.get("lower") and isinstance(value, str):
            value = value.lower()
        kwargs[f.name] = value
    return cls(**kwargs)


def _build(tp: Any, value: Any, base_dir: str | os.PathLike[str] | None) -> Any:
    tp, _ = _optional(tp)
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_build(item, v, base_dir) for v in value]
    if origin is dict:
        item = typing.get_args(tp)[1]
        return {k: _build(item, v, base_dir) for k, v in value.items()}
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    if dataclasses.is_dataclass(tp):
        return from_plain(tp, value, base_dir)  # type: ignore[arg-type]
    return value


# ------------------------------------------------------------------------------------ schema
@cache
def schema_of(cls: type) -> dict[str, Any]:
    """The JSON schema (draft 2020-12) of dataclass ``cls``: every key optional unless its field
    says ``metadata={"required": True}``, no other keys."""
    hints = _hints(cls)
    return {
        "type": "object",
        "properties": {f.name: _schema(hints[f.name]) for f in _fields(cls)},
        "required": [f.name for f in _fields(cls) if f.metadata.get("required")],
        "additionalProperties": False,
    }


def _schema(tp: Any) -> dict[str, Any]:
    tp, optional = _optional(tp)
    origin = typing.get_origin(tp)
    if origin is list:
        out: dict[str, Any] = {"type": "array", "items": _schema(typing.get_args(tp)[0])}
    elif origin is dict:
        out = {"type": "object", "additionalProperties": _schema(typing.get_args(tp)[1])}
    elif tp is dt.date:
        out = {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
    elif dataclasses.is_dataclass(tp):
        out = dict(schema_of(tp))  # type: ignore[arg-type]
    else:
        out = {"type": _SCALARS[tp]}
    if optional:
        out["type"] = [out["type"], "null"]
    return out
