"""The program's own TOML resources, compiled to JSON for a fast start (issue #18).

Parsing TOML is slow in Python (the rule packs and messages a ``check-name`` needs: ~30 ms of a
~100 ms start); JSON is read ~10 times faster. ``scripts/compile_resources.py`` writes, in each
folder of :data:`FOLDERS`, a ``compiled.json`` holding every ``*.toml`` of the folder as JSON with
the sha256 of the file it was made from. :func:`data_for` returns a file's compiled data only while
that digest matches the file's bytes, so an edited file is never shadowed by a stale copy: the
caller parses the TOML itself then (and ``tests/core/test_compiled.py`` fails until the folder is
compiled again). TOML dates and times are kept as tagged strings and come back as
``datetime`` objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

COMPILED = "compiled.json"
FORMAT = 1
# resources/<folder> that are compiled: the rule packs, the core messages, the rejection reasons
FOLDERS = ("rules", "i18n", "rejections")
_TAG = "$toml"
_TYPES: dict[str, Any] = {
    "datetime": dt.datetime.fromisoformat,
    "date": dt.date.fromisoformat,
    "time": dt.time.fromisoformat,
}


def _tagged(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _tagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    for name, kind in (("datetime", dt.datetime), ("date", dt.date), ("time", dt.time)):
        if isinstance(value, kind):
            return {_TAG: name, "value": value.isoformat()}
    return value


def _untag(obj: dict[str, Any]) -> Any:
    kind = obj.get(_TAG)
    if kind is not None and len(obj) == 2 and kind in _TYPES:
        return _TYPES[kind](obj["value"])
    return obj


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def compiled_text(folder: Path) -> str:
    """The ``compiled.json`` of ``folder``: each TOML file's digest and data (as JSON text)."""
    files = {}
    for path in sorted(folder.glob("*.toml")):
        raw = path.read_bytes()
        data = _tagged(tomllib.loads(raw.decode("utf-8")))
        files[path.name] = {
            "sha256": digest(raw),
            "json": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        }
    out = {"format": FORMAT, "files": files}
    return json.dumps(out, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


@cache
def _entries(folder: Path) -> dict[str, tuple[str, str]]:
    """File name -> (sha256, JSON text) of ``folder``'s compiled copy; {} when it has none."""
    try:
        data = json.loads((folder / COMPILED).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return {}
        return {name: (e["sha256"], e["json"]) for name, e in data["files"].items()}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}  # no copy, or a damaged one: the TOML files are read instead


def data_for(path: Path, raw: bytes) -> dict[str, Any] | None:
    """The compiled data of the TOML file ``path`` whose bytes are ``raw`` (a new object each
    call), or None when there is no compiled copy of exactly these bytes."""
    entry = _entries(path.parent).get(path.name)
    if entry is None or entry[0] != digest(raw):
        return None
    data: dict[str, Any] = json.loads(entry[1], object_hook=_untag)
    return data


def load_toml(path: Path) -> dict[str, Any]:
    """A TOML file's data: compiled when the copy matches, else parsed (TOML errors propagate)."""
    raw = path.read_bytes()
    data = data_for(path, raw)
    return data if data is not None else tomllib.loads(raw.decode("utf-8"))
