"""The case file (``*.smscase.json``): read, validate, migrate, write.

Reading never raises on a bad file: every problem becomes a finding (unknown keys with a
did-you-mean, wrong types with the key path, bad dates, duplicate keys, numbers too long,
nesting too deep, a file too large or not a regular file), and every bad value is replaced by
its default so the rest of the case can still be used. Validation is ``jsonschema`` against the
schema derived from the dataclasses (:func:`assistant.core.model.plain.schema_of`).

Versions: this program writes :data:`CASE_VERSION` and reads every older version, migrated
step by step (:data:`MIGRATIONS`); version-1 files keep loading forever. The format is described
in ``docs/case-format.md``.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from assistant.core.findings import Finding, Severity, make_finding
from assistant.core.fsio import (
    FileTooLargeError,
    NotRegularFileError,
    atomic_write_bytes,
    read_regular_file,
)
from assistant.core.i18n import LANGUAGES, normalize_language, text
from assistant.core.model.case import CASE_FORMAT, CASE_VERSION, Attachment, Case
from assistant.core.model.plain import from_plain, schema_of

# A case file is a few kilobytes; even 10,000 names and 1,000 attachments stay far below this.
MAX_CASE_BYTES = 8 << 20
MAX_NUMBER_DIGITS = 30
_SURROGATE = re.compile("[\ud800-\udfff]")

_TYPE_NAMES = {
    "string": "text",
    "array": "list",
    "object": "object",
    "integer": "number",
    "number": "number",
    "boolean": "true/false",
    "null": "null",
}


def _migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds optional sections and nothing else changed: a version-1 document is a
    valid version-2 document."""
    return data


# MIGRATIONS[n] turns a version-n document into version n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _migrate_1_to_2}


def finding(
    severity: Severity, code: str, lang: str, subject: str | None = None, **params: Any
) -> Finding:
    """A finding of message ``code`` (its fix is the message ``code.fix`` when there is one)."""
    return make_finding(severity, code, lang, subject, **params)


# ------------------------------------------------------------------------------------ JSON
class _StrictJsonError(ValueError):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _strict_loads(raw: str, duplicates: list[str]) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                duplicates.append(key)
            out[key] = value
        return out

    def number(kind: Callable[[str], Any]) -> Callable[[str], Any]:
        def parse(value: str) -> Any:
            if len(value) > MAX_NUMBER_DIGITS:
                raise _StrictJsonError("case.number_too_long", digits=len(value))
            return kind(value)

        return parse

    def constant(value: str) -> Any:
        raise _StrictJsonError("case.bad_number", value=value)

    return json.loads(
        raw,
        object_pairs_hook=pairs,
        parse_int=number(int),
        parse_float=number(float),
        parse_constant=constant,
    )


def read_case_document(path: Path, lang: str) -> tuple[Any, list[Finding]]:
    """The parsed JSON of a case file, or ``(None, findings)``; never raises, never hangs."""
    where = str(path)

    def fail(code: str, **params: Any) -> tuple[Any, list[Finding]]:
        return None, [finding(Severity.ERROR, code, lang, where, path=where, **params)]

    try:
        raw = read_regular_file(path, MAX_CASE_BYTES)
    except FileNotFoundError:
        return fail("case.not_found")
    except NotRegularFileError:
        return fail("case.not_regular")
    except FileTooLargeError:
        return fail("case.too_large", limit=f"{MAX_CASE_BYTES >> 20} MB")
    except (OSError, ValueError) as exc:  # ValueError: NUL byte or lone surrogates in the path
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return fail("case.unreadable", reason=reason)
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return fail("case.not_utf8")
    duplicates: list[str] = []
    try:
        data = _strict_loads(decoded, duplicates)
    except _StrictJsonError as exc:
        return fail(exc.code, **exc.params)
    except json.JSONDecodeError as exc:
        return fail("case.not_json", line=exc.lineno, column=exc.colno, reason=exc.msg)
    except (RecursionError, MemoryError):
        return fail("case.too_deep")
    except ValueError as exc:  # e.g. a number Python cannot convert
        return fail("case.not_json", line=0, column=0, reason=str(exc))
    found = [
        finding(Severity.ERROR, "case.duplicate_key", lang, key, key=key)
        for key in dict.fromkeys(duplicates)
    ]
    return data, found


# ------------------------------------------------------------------------------------ schema
@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = dict(schema_of(Case))
    schema["properties"] = {
        "format": {"type": "string"},
        "version": {"type": "integer"},
        **schema["properties"],
    }
    cls = jsonschema.validators.validator_for(schema)
    checker = jsonschema.FormatChecker(formats=["date"])
    validator: jsonschema.protocols.Validator = cls(schema, format_checker=checker)
    return validator


def key_path(parts: Iterable[Any]) -> str:
    """``["attachments", 0, "path"]`` -> ``attachments[0].path``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_findings(data: dict[str, Any], lang: str) -> tuple[list[Finding], list[list[Any]]]:
    """Findings for every schema violation, and the paths of the values to drop."""
    found: list[Finding] = []
    drop: list[list[Any]] = []
    for error in _validator().iter_errors(data):
        where = list(error.absolute_path)
        subject = key_path(where)
        if error.validator == "additionalProperties":
            known = list(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in known:
                    found.append(_unknown_key(key_path([*where, key]), str(key), known, lang))
                    drop.append([*where, key])
        elif error.validator == "type":
            expected = error.validator_value
            expected = expected[0] if isinstance(expected, list) else expected
            got = _json_type(error.instance)
            found.append(
                finding(
                    Severity.ERROR,
                    "case.wrong_type",
                    lang,
                    subject,
                    key=subject,
                    expected=_TYPE_NAMES.get(expected, expected),
                    got=_TYPE_NAMES.get(got, got),
                )
            )
            drop.append(where)
        elif error.validator in ("pattern", "format") and where not in drop:
            found.append(
                finding(
                    Severity.ERROR,
                    "case.bad_date",
                    lang,
                    subject,
                    key=subject,
                    value=error.instance,
                )
            )
            drop.append(where)
        elif error.validator == "required":
            found.append(
                finding(Severity.ERROR, "case.attachment_incomplete", lang, subject, key=subject)
            )
            drop.append(where)
    return found, drop


def _json_type(value: Any) -> str:
    for name, kind in (
        ("null", type(None)),
        ("boolean", bool),
        ("integer", int),
        ("number", float),
    ):
        if isinstance(value, kind):
            return name
    names: dict[type, str] = {str: "string", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)


def _unknown_key(subject: str, key: str, known: list[str], lang: str) -> Finding:
    f = finding(Severity.WARNING, "case.unknown_key", lang, subject, key=subject)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        from dataclasses import replace

        f = replace(
            f, fix=text("case.did_you_mean", lang, suggestion=close[0]), fixed_value=close[0]
        )
    return f


def _drop(data: Any, paths: list[list[Any]]) -> None:
    """Remove every value at ``paths`` (deepest and last list items first)."""
    for path in sorted(paths, key=lambda p: (len(p), [str(x).zfill(12) for x in p]), reverse=True):
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            del parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue


# ------------------------------------------------------------------------------------ parse
def parse_case(
    data: Any,
    base_dir: str | os.PathLike[str] | None = None,
    *,
    lang: str | None = None,
    verify_files: bool = True,
) -> tuple[Case | None, list[Finding]]:
    """A case from its JSON document (any version this program knows), and every problem found
    in it, all in one run.

    Returns ``(None, findings)`` only when ``data`` is not a case document this program can read
    (not an object, another format, a newer version). Otherwise every bad value is reported and
    replaced by its default, so the rest of the case can still be used.
    """
    from assistant.core.model.files import check_attachment_files
    from assistant.core.model.ids import check_ids

    lang = normalize_language(lang)
    data, found = _versioned(data, lang)
    if data is None:
        return None, found
    schema_found, drop = _schema_findings(data, lang)
    found.extend(schema_found)
    _drop(data, drop)
    case, build_found = _build_case(data, base_dir, lang)
    found.extend(build_found)
    found.extend(check_ids(case, lang))
    if verify_files:
        found.extend(check_attachment_files(case, lang, base_dir))
    return case, found


def _versioned(data: Any, lang: str) -> tuple[dict[str, Any] | None, list[Finding]]:
    """``data`` migrated to the current version (a copy), or None with the reason."""

    def fail(code: str, subject: str | None, **params: Any) -> tuple[None, list[Finding]]:
        return None, [finding(Severity.ERROR, code, lang, subject, **params)]

    if not isinstance(data, dict):
        return fail("case.not_a_case", None, format=CASE_FORMAT)
    if data.get("format") != CASE_FORMAT:
        return fail("case.not_a_case", "format", format=CASE_FORMAT)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return fail("case.bad_version", "version", value=json.dumps(version)[:40])
    if version > CASE_VERSION:
        return fail("case.newer_version", "version", version=version, supported=CASE_VERSION)
    data = json.loads(
        json.dumps(data)
    )  # a deep copy: migrations and clean-up never touch the input
    while version < CASE_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["version"] = version
    return data, []


def _build_case(
    data: dict[str, Any], base_dir: str | os.PathLike[str] | None, lang: str
) -> tuple[Case, list[Finding]]:
    found: list[Finding] = []
    attachments = data.pop("attachments", [])
    data = {k: v for k, v in data.items() if k not in ("format", "version")}
    qualification = data.get("qualification")
    for where, section in (
        ("letter", data.get("letter")),
        (
            "qualification.commitment",
            qualification.get("commitment") if isinstance(qualification, dict) else None,
        ),
    ):
        if isinstance(section, dict) and not _path_ok(section.get("template", "")):
            found.append(_bad_path(f"{where}.template", section.pop("template"), lang))
    case: Case = from_plain(Case, data, base_dir)
    for i, item in enumerate(attachments):
        where = f"attachments[{i}]"
        if not item.get("document") or not item.get("path"):
            found.append(
                finding(Severity.ERROR, "case.attachment_incomplete", lang, where, key=where)
            )
            continue
        if not _path_ok(item["path"]):
            found.append(_bad_path(f"{where}.path", item["path"], lang))
            continue
        case.attachments.append(from_plain(Attachment, item, base_dir))
    if case.language not in LANGUAGES:
        found.append(
            finding(
                Severity.WARNING,
                "case.unknown_language",
                lang,
                "language",
                value=case.language,
                valid=", ".join(LANGUAGES),
            )
        )
        case.language = normalize_language(case.language)
    return case, found


def _path_ok(value: str) -> bool:
    """False for a path no file system can hold: a NUL byte, lone surrogates, over 4096 bytes."""
    try:
        return "\x00" not in value and len(os.fsencode(value)) <= 4096
    except UnicodeError:
        return False


def _bad_path(subject: str, value: str, lang: str) -> Finding:
    shown = value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\0")
    return finding(Severity.ERROR, "case.bad_path", lang, subject, key=subject, value=shown[:200])


# ------------------------------------------------------------------------------------ load/save
def load_case(
    path: str | os.PathLike[str], lang: str | None = None
) -> tuple[Case | None, list[Finding]]:
    """Read a case file. ``(None, findings)`` when it cannot be used at all; never raises."""
    path = Path(path)
    lang = normalize_language(lang)
    data, found = read_case_document(path, lang)
    if data is None:
        return None, found
    try:
        folder = path.resolve().parent
    except (OSError, RuntimeError):
        folder = Path(os.path.abspath(path)).parent
    case, more = parse_case(data, folder, lang=lang)
    return case, found + more


def case_json(case: Case, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The text of a case file (stable: same case -> same text). A file name with bytes that
    are not UTF-8 (held as lone surrogates, as Python does) is written as ``\\udcXX`` escapes,
    so the text stays valid UTF-8 and reads back to the same name."""
    raw = json.dumps(case.to_dict(base_dir), ensure_ascii=False, indent=2) + "\n"
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", raw)


def save_case(case: Case, path: str | os.PathLike[str]) -> None:
    """Write ``case`` to ``path`` atomically (temp file in the same folder + ``os.replace``).

    Raises ``OSError`` when the folder is not writable; an existing file is then left as it was.
    """
    path = Path(path)
    folder = path.resolve().parent
    atomic_write_bytes(path, case_json(case, folder).encode("utf-8"))
