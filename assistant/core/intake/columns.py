"""Which column of a client list is which field of a case.

Common headers, Chinese and English, are recognised without asking (``resources/intake/columns.toml``); the user
maps the others (``--map COLUMN=FIELD`` on the command line, the mapping step in the window),
where COLUMN is the header text, a column letter (``C``) or a 1-based number. Headers are
compared after NFKC, case folding and without spaces, brackets or punctuation, so
``统一社会信用代码（18位）`` and ``Credit Code`` are found too.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from assistant.resources import resource_path

# How a field's cells are read (assistant.core.intake.values):
# code: an identifier of letters and digits that must be text (credit codes, ID numbers);
# phone: digits that must keep a leading zero; digits: a number is fine as long as it is whole;
# list: several values in one cell; text: anything.
KINDS = ("text", "code", "phone", "digits", "list", "choice")


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    headers: tuple[str, ...]  # recognised headers (compared folded, see header_key)


@cache
def fields() -> tuple[Field, ...]:
    """Every field a column can be mapped to, with its recognised headers
    (``resources/intake/columns.toml``), in the file's order."""
    with resource_path("intake", "columns.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(Field(k, str(v["kind"]), tuple(v["headers"])) for k, v in data.items())


def field_ids() -> tuple[str, ...]:
    return tuple(f.id for f in fields())


def field_kind(field_id: str) -> str:
    return next((f.kind for f in fields() if f.id == field_id), "text")


_DROP = re.compile(r"[\s\-_.:：/\\()（）\[\]【】<>《》\"'“”‘’*#]+")
_NOTE = re.compile(r"[(（\[【].*?[)）\]】]")


def header_key(header: str) -> str:
    """A header as compared: NFKC, case-folded, without a note in brackets, spaces, punctuation."""
    value = unicodedata.normalize("NFKC", header or "").casefold()
    value = _NOTE.sub("", value) or value
    return _DROP.sub("", value)


@cache
def _known() -> dict[str, str]:
    return {header_key(h): f.id for f in reversed(fields()) for h in f.headers}


def recognise(headers: Sequence[str]) -> dict[int, str]:
    """Column index -> field id of every header that names a field (each field once, the first
    column that names it)."""
    found: dict[int, str] = {}
    for i, header in enumerate(headers):
        field_id = _known().get(header_key(header))
        if field_id and field_id not in found.values():
            found[i] = field_id
    return found


def column_index(column: str, headers: Sequence[str]) -> int | None:
    """The index of COLUMN: a header's text, a column letter (A, B, … AA) or a 1-based number."""
    wanted = column.strip()
    keys = [header_key(h) for h in headers]
    if header_key(wanted) in keys and header_key(wanted):
        return keys.index(header_key(wanted))
    if wanted.isdigit() and 1 <= int(wanted) <= len(headers):
        return int(wanted) - 1
    if re.fullmatch(r"[A-Za-z]{1,2}", wanted):
        n = 0
        for ch in wanted.upper():
            n = n * 26 + ord(ch) - 64
        return n - 1 if n <= len(headers) else None
    return None


class MappingError(ValueError):
    """A ``--map`` entry names no column or no field; the message lists the valid ones."""


def parse_map(specs: Iterable[str], headers: Sequence[str]) -> dict[int, str]:
    """``["电话=remarks.landline", "C=owner.name", "D="]`` -> column index -> field id ("" to
    leave a column out). Raises :class:`MappingError`."""
    out: dict[int, str] = {}
    for spec in specs:
        column, sep, field_id = spec.rpartition("=")
        if not sep or not column.strip():
            raise MappingError(f"--map wants COLUMN=FIELD, not {spec!r}")
        field_id = field_id.strip()
        if field_id and field_id not in field_ids():
            raise MappingError(f"unknown field {field_id!r}; valid: {', '.join(field_ids())}")
        index = column_index(column, headers)
        if index is None:
            shown = ", ".join(repr(h) for h in headers if h) or "none"
            raise MappingError(f"no column {column.strip()!r}; the columns are: {shown}")
        out[index] = field_id
    return out


def mapping_for(
    headers: Sequence[str], overrides: Mapping[int, str] | None = None
) -> dict[int, str]:
    """The recognised mapping with ``overrides`` applied (a field mapped by an override is taken
    from the column it recognised before); columns mapped to "" are left out."""
    mapping = recognise(headers)
    for index, field_id in (overrides or {}).items():
        for other, fid in list(mapping.items()):
            if fid == field_id and other != index:
                del mapping[other]
        mapping[index] = field_id
    return {i: f for i, f in mapping.items() if f}
