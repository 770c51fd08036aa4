"""Rejection reasons as data: the model of ``resources/rejections/*.toml`` and its loader.

``common.toml`` holds the sources, the synonym groups and the console prefixes the explainer
needs, plus the reasons every provider gives; ``tencent.toml``, ``alibaba.toml`` and
``huawei.toml`` hold each provider's published reasons. Every file is validated against
``resources/rejections/schema/rejections.schema.json`` and cross-checked (unique ids, known
sources, ids prefixed with their provider); a problem raises :class:`RejectionPackError` naming
the file, the key path and, where it can be found, the line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.core.compiled import data_for
from assistant.core.flow import PageId
from assistant.core.i18n import localized
from assistant.core.sources import Source as Source  # re-exported: part of this API
from assistant.resources import resource_path

if TYPE_CHECKING:
    import jsonschema

FILES = ("common", "tencent", "alibaba", "huawei")
PROVIDERS = FILES[1:]
# The wizard steps a reason sends the user back to (docs/rejections.md) and the page of each;
# a case without that page (no letter for self-use, no qualification abroad) goes elsewhere:
# assistant.gui.rejection.page_for_step.
STEP_PAGES: Mapping[str, PageId] = {
    "provider": PageId.PROVIDER,
    "type": PageId.SIGNATURE_TYPE,
    "names": PageId.NAMES,
    "parties": PageId.PARTIES,
    "documents": PageId.DOCUMENTS,
    "letter": PageId.LETTER,
    "qualification": PageId.QUALIFICATION,
    "templates": PageId.TEMPLATES,
}
STEPS = tuple(STEP_PAGES)
RESUBMIT = ("as_is", "after_fix", "new_application")

Localized = Mapping[str, str]


class RejectionPackError(ValueError):
    """A rejection file is malformed. ``file``, ``key`` and ``line`` say where."""

    def __init__(self, file: str, key: str, message: str, line: int | None = None) -> None:
        self.file, self.key, self.line = file, key, line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {key or '(top level)'}: {message}")


@dataclass(frozen=True)
class Reason:
    """One published rejection reason with what it means and how to fix it."""

    id: str
    provider: str  # "common" for reasons every provider gives
    subject: str  # signature | template | qualification | filing
    category: Localized
    reason: Localized
    cause: Localized
    fix: Localized
    step: str
    resubmit: str
    source: str
    phrasings: Mapping[str, tuple[str, ...]]
    field: str | None = None
    also: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()

    def text(self, part: str, lang: str | None) -> str:
        """``category``, ``reason``, ``cause`` or ``fix`` in ``lang`` (English fallback)."""
        value: Localized = getattr(self, part)
        return localized(value, lang)

    def all_phrasings(self) -> tuple[str, ...]:
        return tuple(p for lang in sorted(self.phrasings) for p in self.phrasings[lang])


@dataclass(frozen=True)
class Catalogue:
    """Every reason of every file, and the text rules of ``common.toml``."""

    reasons: tuple[Reason, ...]
    sources: Mapping[str, Source]
    synonyms: Mapping[str, tuple[str, ...]]
    prefixes: tuple[str, ...]
    stop_phrases: tuple[str, ...]

    def reason(self, reason_id: str) -> Reason | None:
        return next((r for r in self.reasons if r.id == reason_id), None)

    def for_provider(self, provider: str | None) -> tuple[Reason, ...]:
        """The provider's reasons and the common ones (all of them for ``None``)."""
        if provider is None:
            return self.reasons
        return tuple(r for r in self.reasons if r.provider in (provider, "common"))


# ------------------------------------------------------------------------------ loading
def _plain(value: Any) -> Any:
    """TOML values as JSON-schema sees them (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema  # only for a catalogue that is checked against the schema (~50 ms)

    schema_path = resource_path("rejections", "schema", "rejections.schema.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _line_of(text: str, path: Iterable[Any]) -> int | None:
    """Best-effort line of a key path: the n-th ``[[reason]]`` block, then the key in it."""
    parts = list(path)
    lines = text.splitlines()
    start = 0
    if len(parts) >= 2 and parts[0] == "reason" and isinstance(parts[1], int):
        blocks = [i for i, line in enumerate(lines) if line.strip() == "[[reason]]"]
        if parts[1] >= len(blocks):
            return None
        start = blocks[parts[1]]
        parts = parts[2:]
    elif parts and parts[0] in ("sources", "synonyms", "text"):
        head = f"[{parts[0]}.{parts[1]}]" if parts[0] == "sources" and len(parts) > 1 else None
        for i, line in enumerate(lines):
            if (head and line.strip() == head) or line.strip() == f"[{parts[0]}]":
                start = i
                break
        parts = parts[2:] if head else parts[1:]
    key = next((p for p in parts if isinstance(p, str)), None)
    if key is None:
        return start + 1 if start else None
    pattern = re.compile(rf'^\s*"?{re.escape(key)}"?(\.\w+)?\s*=')
    for i in range(start, len(lines)):
        if pattern.match(lines[i]) or (key in lines[i] and i > start and "=" in lines[i]):
            return i + 1
        if i > start and lines[i].strip() == "[[reason]]":
            break
    return start + 1 if start else None


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    compiled = data_for(path, raw)  # the bundled files' compiled copy (fast), while it matches
    if compiled is not None:
        return text, compiled
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise RejectionPackError(
            path.name, "", f"not valid TOML: {exc}", int(match.group(1)) if match else None
        ) from exc


def _validate(name: str, text: str, data: dict[str, Any]) -> None:
    errors = sorted(_validator().iter_errors(_plain(data)), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        key = ".".join(str(p) for p in err.absolute_path)
        raise RejectionPackError(name, key, err.message, _line_of(text, err.absolute_path))


def _reason(provider: str, raw: Mapping[str, Any]) -> Reason:
    return Reason(
        id=raw["id"],
        provider=provider,
        subject=raw["subject"],
        category=dict(raw["category"]),
        reason=dict(raw["reason"]),
        cause=dict(raw["cause"]),
        fix=dict(raw["fix"]),
        step=raw["step"],
        resubmit=raw["resubmit"],
        source=raw["source"],
        phrasings={lang: tuple(p) for lang, p in raw["phrasings"].items()},
        field=raw.get("field"),
        also=tuple(raw.get("also", ())),
        keys=tuple(raw.get("keys", ())),
    )


def _check_file(name: str, text: str, data: dict[str, Any]) -> None:
    expected = Path(name).stem
    if data["provider"] != expected:
        raise RejectionPackError(
            name, "provider", f"must be {expected!r} in {name}", _line_of(text, ["provider"])
        )
    if expected != "common":
        for key in ("sources", "synonyms", "text"):
            if key in data:
                raise RejectionPackError(
                    name, key, "only common.toml may define this", _line_of(text, [key])
                )
    for i, raw in enumerate(data.get("reason", [])):
        if not raw["id"].startswith(expected + "."):
            raise RejectionPackError(
                name,
                f"reason.{i}.id",
                f"{raw['id']!r} must start with {expected + '.'!r}",
                _line_of(text, ["reason", i, "id"]),
            )


def _cross_check(
    loaded: list[tuple[str, str, dict[str, Any]]], sources: Mapping[str, Source]
) -> None:
    seen: dict[str, str] = {}
    for name, text, data in loaded:
        for i, raw in enumerate(data.get("reason", [])):
            where = _line_of(text, ["reason", i, "id"])
            if raw["id"] in seen:
                raise RejectionPackError(
                    name,
                    f"reason.{i}.id",
                    f"{raw['id']!r} is also defined in {seen[raw['id']]}",
                    where,
                )
            seen[raw["id"]] = name
            for ref in (raw["source"], *raw.get("also", ())):
                if ref not in sources:
                    raise RejectionPackError(
                        name,
                        f"reason.{i}.source",
                        f"unknown source {ref!r}; known: {', '.join(sorted(sources))}",
                        _line_of(text, ["reason", i, "source"]),
                    )


def load_catalogue_from(folder: Path, *, validate: bool = True) -> Catalogue:
    """Load and check every rejection file of ``folder`` (the bundled one: :func:`load_catalogue`).
    ``validate=False`` skips the JSON-schema pass (the other checks still run): for the bundled
    files, which the test suite validates."""
    loaded: list[tuple[str, str, dict[str, Any]]] = []
    for stem in FILES:
        path = folder / f"{stem}.toml"
        if not path.is_file():
            raise RejectionPackError(path.name, "", f"missing (looked in {folder})")
        text, data = _read(path)
        if validate:
            _validate(path.name, text, data)
        _check_file(path.name, text, data)
        loaded.append((path.name, text, data))
    common = loaded[0][2]
    sources = {sid: Source.from_table(sid, s) for sid, s in common.get("sources", {}).items()}
    _cross_check(loaded, sources)
    reasons = tuple(
        _reason(data["provider"], raw) for _, _, data in loaded for raw in data.get("reason", [])
    )
    text_rules = common.get("text", {})
    return Catalogue(
        reasons=reasons,
        sources=sources,
        synonyms={k: tuple(v) for k, v in common.get("synonyms", {}).items()},
        prefixes=tuple(text_rules.get("prefixes", ())),
        stop_phrases=tuple(text_rules.get("stop_phrases", ())),
    )


@cache
def load_catalogue() -> Catalogue:
    """The bundled rejection reasons, read once per process; their schema is checked by the
    tests (tests/core/status/test_catalogue.py), not at every start (#18)."""
    return load_catalogue_from(resource_path("rejections"), validate=False)
