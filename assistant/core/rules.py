"""Rule packs: the model of ``resources/rules/*.toml`` and its validating loader.

A provider pack (``tencent.toml`` …) holds what that provider asks for; ``common.toml`` holds
what the packs share: sources, the document and remark-field catalogue, and word lists. The
loader validates both against their JSON schemas and cross-checks every reference, and reports
the file, the key path and (where it can find it) the line that is wrong.

Where sources disagree, a pack keeps every entry of a rule with its source; :meth:`RulePack.rule`
merges them so that the stricter applies (see ``MERGE`` below).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from assistant.resources import resource_path

PROVIDERS = ("tencent", "alibaba", "huawei")
SIGNATURE_TYPE_IDS = (
    "company",
    "app",
    "website",
    "official_account",
    "mini_program",
    "trademark",
    "government",
    "eshop",
)

Localized = Mapping[str, str]


class RulePackError(ValueError):
    """A rule pack is malformed. ``file``, ``key`` and ``line`` say where."""

    def __init__(self, file: str, key: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.key = key
        self.line = line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {key or '(top level)'}: {message}")


# --------------------------------------------------------------------------------------- model
@dataclass(frozen=True)
class Source:
    id: str
    title: str
    ref: str
    read: dt.date
    url: str | None = None


@dataclass(frozen=True)
class Choice:
    """A region, account type, purpose or sign kind, with the provider's code for it."""

    id: str
    name: Localized
    description: Localized
    code: int | str | None = None
    default: bool = False


@dataclass(frozen=True)
class Withdrawal:
    since: dt.date
    notice: Localized
    source: str
    regions: tuple[str, ...] | None = None  # None: every region

    def applies_to(self, region: str | None) -> bool:
        return self.regions is None or region is None or region in self.regions


@dataclass(frozen=True)
class SignatureType:
    id: str
    code: int
    name: Localized
    description: Localized
    source: str
    withdrawn: tuple[Withdrawal, ...] = ()

    def withdrawal(self, region: str | None) -> Withdrawal | None:
        """The withdrawal in force for ``region``, if the type is no longer accepted there."""
        for w in self.withdrawn:
            if w.regions is None or region in w.regions:
                return w
        return None


@dataclass(frozen=True)
class Document:
    id: str
    kind: str  # certificate | letter | screenshot
    name: Localized
    guidance: Localized
    code: int | None = None  # Tencent DocumentType


@dataclass(frozen=True)
class RemarkField:
    id: str
    check: str
    name: Localized
    guidance: Localized


@dataclass(frozen=True)
class Conflict:
    source: str
    one_of: tuple[str, ...]
    note: Localized


@dataclass(frozen=True)
class DocumentGroup:
    one_of: tuple[str, ...]
    source: str
    required: bool = True
    conflict: Conflict | None = None


@dataclass(frozen=True)
class Selector:
    types: tuple[str, ...] | None
    accounts: tuple[str, ...] | None
    purposes: tuple[str, ...] | None
    regions: tuple[str, ...] | None

    def matches(self, type_: str, account: str, purpose: str, region: str | None) -> bool:
        return (
            (self.types is None or type_ in self.types)
            and (self.accounts is None or account in self.accounts)
            and (self.purposes is None or purpose in self.purposes)
            and (self.regions is None or region is None or region in self.regions)
        )


@dataclass(frozen=True)
class Requirement:
    selector: Selector
    source: str
    documents: tuple[DocumentGroup, ...] = ()
    remarks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Forbidden:
    selector: Selector
    source: str
    reason: Localized
    instead: Localized


@dataclass(frozen=True)
class RuleEntry:
    id: str
    source: str
    values: Mapping[str, Any]
    regions: tuple[str, ...] | None = None
    severity: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class EffectiveRule:
    """A rule after merging every entry that applies; ``entries`` keeps them all (and sources)."""

    id: str
    value: Any
    severity: str | None
    entries: tuple[RuleEntry, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.source for e in self.entries))

    @property
    def disagreement(self) -> bool:
        return len({json.dumps(dict(e.values), sort_keys=True) for e in self.entries}) > 1


@dataclass(frozen=True)
class Words:
    neutral: frozenset[str]
    neutral_from_seeds: tuple[str, ...]
    test_contains: tuple[str, ...]
    test_latin_words: frozenset[str]
    surnames_single: frozenset[str]
    surnames_compound: tuple[str, ...]
    sources: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class RulePack:
    provider: str
    version: str
    name: Localized
    api: str
    console: Localized
    regions: tuple[Choice, ...]
    accounts: tuple[Choice, ...]
    purposes: tuple[Choice, ...]
    sign_kinds: tuple[Choice, ...]
    signature_types: tuple[SignatureType, ...]
    documents: Mapping[str, Document]
    remarks: Mapping[str, RemarkField]
    requirements: tuple[Requirement, ...]
    forbidden: tuple[Forbidden, ...]
    rules: tuple[RuleEntry, ...]
    sources: Mapping[str, Source]
    words: Words
    path: Path = field(compare=False)

    # ---- look-ups
    def signature_type(self, type_id: str) -> SignatureType | None:
        return next((t for t in self.signature_types if t.id == type_id), None)

    @property
    def region_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.regions)

    @property
    def default_region(self) -> str | None:
        return self.regions[0].id if self.regions else None

    def region_or_default(self, region: str | None) -> str | None:
        return region if region is not None else self.default_region

    def choice(self, kind: str, choice_id: str) -> Choice | None:
        choices: tuple[Choice, ...] = getattr(self, kind)
        return next((c for c in choices if c.id == choice_id), None)

    def rule(self, rule_id: str, region: str | None = None) -> EffectiveRule | None:
        """The merged rule ``rule_id`` for ``region`` (the stricter of disagreeing sources)."""
        region = self.region_or_default(region)
        entries = tuple(
            e
            for e in self.rules
            if e.id == rule_id and (e.regions is None or region is None or region in e.regions)
        )
        if not entries:
            return None
        return _merge(rule_id, entries)

    def source(self, source_id: str) -> Source:
        return self.sources[source_id]


# --------------------------------------------------------------------------------------- merging
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _strictest_severity(entries: Iterable[RuleEntry]) -> str | None:
    severities = [e.severity for e in entries if e.severity]
    return min(severities, key=_SEVERITY_RANK.__getitem__) if severities else None


def _merge(rule_id: str, entries: tuple[RuleEntry, ...]) -> EffectiveRule:
    kind = MERGE.get(rule_id, "severity")
    value: Any
    severity = _strictest_severity(entries)
    if kind == "range":
        value = (max(e.values["min"] for e in entries), min(e.values["max"] for e in entries))
    elif kind == "intersect":
        key = "allowed" if "allowed" in entries[0].values else "formats"
        sets = [set(e.values[key]) for e in entries]
        value = frozenset(set.intersection(*sets))
    elif kind == "union_chars":
        value = "".join(sorted({c for e in entries for c in e.values["chars"]}))
    elif kind in ("min", "max"):
        pick = min if kind == "min" else max
        strict = pick(entries, key=lambda e: e.values["value"])
        value = strict.values["value"]
        severity = strict.severity or severity
    else:  # severity-only rules
        value = True
    return EffectiveRule(rule_id, value, severity, entries)


# How disagreeing entries of a rule merge: the stricter wins.
MERGE: dict[str, str] = {
    "name.length": "range",  # the narrowest range
    "name.charset": "intersect",
    "files.formats": "intersect",
    "files.max_bytes": "min",
    "files.name_forbidden_chars": "union_chars",
    "limits.max_signatures": "min",
    "limits.remark_max_chars": "min",
    "letter.max_signatures": "min",
    "letter.min_validity_months": "max",
    "letter.max_validity_months": "min",
    # readability of attachments per document kind (the larger minimum is the stricter)
    "files.min_side_certificate": "max",
    "files.min_side_letter": "max",
    "files.min_side_screenshot": "max",
    "files.recommended_side_certificate": "max",
    "files.recommended_side_letter": "max",
    "files.recommended_side_screenshot": "max",
}
# Rule ids a pack may use: the merged ones above and these severity-only ones.
SEVERITY_RULES = frozenset(
    {
        "name.space",
        "name.brackets",
        "name.neutral",
        "name.test_word",
        "name.all_digits",
        "name.traditional",
        "name.initialism",
        "name.personal_name",
        "name.latin_only",
        "files.name_ascii_only",
        "letter.party_name_symbols",
    }
)
_VALUE_FIELDS = ("min", "max", "value", "allowed", "formats", "chars")
_REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "range": ("min", "max"),
    "intersect": (),
    "union_chars": ("chars",),
    "min": ("value",),
    "max": ("value",),
}


# --------------------------------------------------------------------------------------- loading
def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _path_str(parts: Iterable[Any]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _locate(text: str, parts: list[Any]) -> int | None:
    """Best-effort line number of a key path in a TOML text (for error messages)."""
    lines = text.splitlines()
    start = 0
    i = 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if isinstance(part, str) and isinstance(nxt, int):
            header = re.compile(rf"^\s*\[\[\s*{re.escape(part)}\s*\]\]")
            hits = [n for n in range(start, len(lines)) if header.match(lines[n])]
            if len(hits) > nxt:
                start = hits[nxt]
                i += 2
                continue
            # an inline array: find the key, then count on
            key = re.compile(rf"^\s*{re.escape(part)}\s*=")
            for n in range(start, len(lines)):
                if key.match(lines[n]):
                    return n + 1
            return None
        if isinstance(part, str):
            pat = re.compile(rf"^\s*(\[\s*)?([\w.-]+\.)?{re.escape(part)}(\s*\]|\s*=|\.)")
            for n in range(start, len(lines)):
                if pat.match(lines[n]):
                    start = n
                    break
            else:
                return start + 1 if start else None
        i += 1
    return start + 1


@cache
def _schema(name: str) -> dict[str, Any]:
    with resource_path("rules", "schema", f"{name}.schema.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulePackError(path.name, "", f"cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise RulePackError(path.name, "", "the file is not UTF-8 text") from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        raise RulePackError(path.name, "", f"not valid TOML: {exc}", line) from exc


def _validate_schema(data: dict[str, Any], text: str, schema_name: str, file: str) -> None:
    validator = jsonschema.Draft202012Validator(
        _schema(schema_name), format_checker=jsonschema.FormatChecker()
    )
    errors = sorted(validator.iter_errors(_jsonable(data)), key=lambda e: list(e.absolute_path))
    if errors:
        err = jsonschema.exceptions.best_match(errors) or errors[0]
        parts = list(err.absolute_path)
        raise RulePackError(file, _path_str(parts), err.message, _locate(text, parts))


def _tuple(value: Any) -> tuple[str, ...] | None:
    return tuple(value) if value is not None else None


def _choices(items: list[dict[str, Any]] | None) -> tuple[Choice, ...]:
    return tuple(
        Choice(
            id=c["id"],
            name=c["name"],
            description=c["description"],
            code=c.get("code"),
            default=c.get("default", False),
        )
        for c in items or ()
    )


@dataclass(frozen=True)
class _Common:
    sources: Mapping[str, Source]
    documents: Mapping[str, dict[str, Any]]
    remarks: Mapping[str, RemarkField]
    words: Words


@cache
def _load_common(path: Path) -> _Common:
    data, text = _read_toml(path)
    _validate_schema(data, text, "common", path.name)
    sources = {
        sid: Source(id=sid, title=s["title"], ref=s["ref"], read=s["read"], url=s.get("url"))
        for sid, s in data["sources"].items()
    }
    remarks = {
        rid: RemarkField(id=rid, check=r["check"], name=r["name"], guidance=r["guidance"])
        for rid, r in data["remarks"].items()
    }
    w = data["words"]
    for key in ("neutral", "test", "surnames"):
        for i, sid in enumerate(w[key]["sources"]):
            if sid not in sources:
                parts: list[Any] = ["words", key, "sources", i]
                raise RulePackError(
                    path.name, _path_str(parts), f"unknown source {sid!r}", _locate(text, parts)
                )
    neutral = [*w["neutral"]["from_seeds"], *w["neutral"]["derived"]]
    words = Words(
        neutral=frozenset(_fold(x) for x in neutral),
        neutral_from_seeds=tuple(w["neutral"]["from_seeds"]),
        test_contains=tuple(w["test"]["contains"]),
        test_latin_words=frozenset(x.lower() for x in w["test"]["latin_words"]),
        surnames_single=frozenset(w["surnames"]["single"]),
        surnames_compound=tuple(w["surnames"]["compound"]),
        sources={k: tuple(w[k]["sources"]) for k in ("neutral", "test", "surnames")},
    )
    return _Common(sources=sources, documents=data["documents"], remarks=remarks, words=words)


def _fold(value: str) -> str:
    """Lower-case and drop white space: how neutral words are compared."""
    return "".join(value.lower().split())


def load_pack_file(path: Path, common_path: Path | None = None) -> RulePack:
    """Load and validate one provider pack. Raises :class:`RulePackError` naming the bad key."""
    common = _load_common(common_path or resource_path("rules", "common.toml"))
    data, text = _read_toml(path)
    file = path.name
    _validate_schema(data, text, "provider", file)

    def fail(parts: list[Any], message: str) -> RulePackError:
        return RulePackError(file, _path_str(parts), message, _locate(text, parts))

    def check_source(sid: str, parts: list[Any]) -> None:
        if sid not in common.sources:
            raise fail(parts, f"unknown source {sid!r} (sources are listed in common.toml)")

    regions = _choices(data.get("regions"))
    accounts = _choices(data["accounts"])
    purposes = _choices(data["purposes"])
    sign_kinds = _choices(data.get("sign_kinds"))
    region_ids = {r.id for r in regions}
    for kind, choices in (
        ("regions", regions),
        ("accounts", accounts),
        ("purposes", purposes),
        ("sign_kinds", sign_kinds),
    ):
        seen: set[str] = set()
        for i, c in enumerate(choices):
            if c.id in seen:
                raise fail([kind, i, "id"], f"duplicate id {c.id!r}")
            seen.add(c.id)
    account_ids = {a.id for a in accounts}
    purpose_ids = {p.id for p in purposes}

    documents: dict[str, Document] = {}
    for doc_id, extra in data["documents"].items():
        base = common.documents.get(doc_id)
        if base is None:
            raise fail(["documents", doc_id], f"unknown document {doc_id!r} (not in common.toml)")
        documents[doc_id] = Document(
            id=doc_id,
            kind=base["kind"],
            name=base["name"],
            guidance=base["guidance"],
            code=extra.get("code"),
        )

    types: list[SignatureType] = []
    for i, t in enumerate(data["signature_types"]):
        if any(x.id == t["id"] for x in types):
            raise fail(["signature_types", i, "id"], f"duplicate signature type {t['id']!r}")
        check_source(t["source"], ["signature_types", i, "source"])
        withdrawn = []
        for j, w in enumerate(t.get("withdrawn", [])):
            check_source(w["source"], ["signature_types", i, "withdrawn", j, "source"])
            for r in w.get("regions", []):
                if r not in region_ids:
                    raise fail(
                        ["signature_types", i, "withdrawn", j, "regions"], f"unknown region {r!r}"
                    )
            withdrawn.append(
                Withdrawal(
                    since=w["since"],
                    notice=w["notice"],
                    source=w["source"],
                    regions=_tuple(w.get("regions")),
                )
            )
        types.append(
            SignatureType(
                id=t["id"],
                code=t["code"],
                name=t["name"],
                description=t["description"],
                source=t["source"],
                withdrawn=tuple(withdrawn),
            )
        )
    type_ids = {t.id for t in types}
    known = {
        "types": type_ids,
        "accounts": account_ids,
        "purposes": purpose_ids,
        "regions": region_ids,
    }

    def selector(item: dict[str, Any], parts: list[Any]) -> Selector:
        for key, valid in known.items():
            for value in item.get(key, []):
                if value not in valid:
                    raise fail(
                        [*parts, key], f"unknown {key[:-1]} {value!r}; valid: {sorted(valid)}"
                    )
        return Selector(
            types=_tuple(item.get("types")),
            accounts=_tuple(item.get("accounts")),
            purposes=_tuple(item.get("purposes")),
            regions=_tuple(item.get("regions")),
        )

    requirements: list[Requirement] = []
    for i, r in enumerate(data["requirements"]):
        parts: list[Any] = ["requirements", i]
        check_source(r["source"], [*parts, "source"])
        groups = []
        for j, g in enumerate(r.get("documents", [])):
            for d in g["one_of"]:
                if d not in documents:
                    raise fail(
                        [*parts, "documents", j],
                        f"document {d!r} is not in this pack's [documents]",
                    )
            conflict = None
            if "conflict" in g:
                c = g["conflict"]
                check_source(c["source"], [*parts, "documents", j])
                if not set(g["one_of"]) <= set(c["one_of"]):
                    raise fail(
                        [*parts, "documents", j],
                        "one_of must be the stricter (a subset of the conflicting source's list)",
                    )
                conflict = Conflict(source=c["source"], one_of=tuple(c["one_of"]), note=c["note"])
            groups.append(
                DocumentGroup(
                    one_of=tuple(g["one_of"]),
                    source=r["source"],
                    required=g.get("required", True),
                    conflict=conflict,
                )
            )
        for rem in r.get("remarks", []):
            if rem not in common.remarks:
                raise fail([*parts, "remarks"], f"unknown remark field {rem!r}")
        requirements.append(
            Requirement(
                selector=selector(r, parts),
                source=r["source"],
                documents=tuple(groups),
                remarks=tuple(r.get("remarks", [])),
            )
        )

    forbidden = []
    for i, f in enumerate(data.get("forbidden", [])):
        check_source(f["source"], ["forbidden", i, "source"])
        forbidden.append(
            Forbidden(
                selector=selector(f, ["forbidden", i]),
                source=f["source"],
                reason=f["reason"],
                instead=f["instead"],
            )
        )

    rules = []
    for i, r in enumerate(data.get("rules", [])):
        parts = ["rules", i]
        rid = r["id"]
        check_source(r["source"], [*parts, "source"])
        if rid not in MERGE and rid not in SEVERITY_RULES:
            raise fail([*parts, "id"], f"unknown rule id {rid!r}")
        kind = MERGE.get(rid, "severity")
        if kind == "severity" and "severity" not in r:
            raise fail([*parts], f"rule {rid!r} needs a severity")
        if kind == "intersect" and not ("allowed" in r or "formats" in r):
            raise fail([*parts], f"rule {rid!r} needs 'allowed' or 'formats'")
        for needed in _REQUIRED_FIELDS.get(kind, ()):
            if needed not in r:
                raise fail([*parts], f"rule {rid!r} needs {needed!r}")
        if kind == "range" and r["min"] > r["max"]:
            raise fail([*parts, "min"], "min is greater than max")
        for reg in r.get("regions", []):
            if reg not in region_ids:
                raise fail([*parts, "regions"], f"unknown region {reg!r}")
        rules.append(
            RuleEntry(
                id=rid,
                source=r["source"],
                values={k: r[k] for k in _VALUE_FIELDS if k in r},
                regions=_tuple(r.get("regions")),
                severity=r.get("severity"),
                note=r.get("note"),
            )
        )

    pack = RulePack(
        provider=data["provider"],
        version=data["version"],
        name=data["name"],
        api=data["api"],
        console=data["console"],
        regions=regions,
        accounts=accounts,
        purposes=purposes,
        sign_kinds=sign_kinds,
        signature_types=tuple(types),
        documents=documents,
        remarks=common.remarks,
        requirements=tuple(requirements),
        forbidden=tuple(forbidden),
        rules=tuple(rules),
        sources=common.sources,
        words=common.words,
        path=path,
    )
    for rid in ("name.length", "name.charset"):
        for region in pack.region_ids or (None,):
            if pack.rule(rid, region) is None:
                raise fail(
                    ["rules"],
                    f"rule {rid!r} is missing" + (f" for region {region!r}" if region else ""),
                )
    return pack


@cache
def load_pack(provider: str) -> RulePack:
    """The bundled pack of ``provider`` (one of :data:`PROVIDERS`)."""
    if provider not in PROVIDERS:
        raise KeyError(provider)
    pack = load_pack_file(resource_path("rules", f"{provider}.toml"))
    if pack.provider != provider:
        raise RulePackError(f"{provider}.toml", "provider", f"says {pack.provider!r}")
    return pack


def load_all() -> dict[str, RulePack]:
    return {p: load_pack(p) for p in PROVIDERS}
