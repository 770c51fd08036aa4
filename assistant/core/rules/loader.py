"""Reading rule packs: TOML files -> :class:`RulePack`, every reference cross-checked.

A provider pack (``tencent.toml`` …) holds what that provider asks for; ``common.toml`` holds
what the packs share: sources, the document and remark-field catalogue, and word lists. Both are
validated against their JSON schemas (``schema``) and then every reference is checked (documents,
sources, remark fields, types, accounts, purposes, regions, rule ids); an error names the file,
the key path and, where it can find it, the line.

The shipped packs (:func:`load_pack`) are trusted: the test suite validates every one of them
against the schemas (:func:`validate_folder`), so a start of the program does not import
``jsonschema`` and validate them again. Their references are still checked, and should one of
them be malformed anyway, the schema is consulted then, to name the key. A pack loaded from a
path of the user's (:func:`load_pack_file`) is always validated.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from assistant.core.compiled import data_for
from assistant.core.rules.errors import PackText, RulePackError
from assistant.core.rules.merge import (
    MERGE,
    REQUIRED_FIELDS,
    SEVERITY_RULES,
    VALUE_FIELDS,
    RuleEntry,
    merge_kind,
)
from assistant.core.rules.model import (
    PROVIDERS,
    Choice,
    Conflict,
    Document,
    DocumentGroup,
    Forbidden,
    Industry,
    RemarkField,
    Requirement,
    RulePack,
    Selector,
    SignatureType,
    Source,
    Withdrawal,
    Words,
)
from assistant.core.rules.schema import validate
from assistant.resources import resource_path

_T = TypeVar("_T")
_CHOICE_KINDS = ("regions", "accounts", "purposes", "sign_kinds")
# Rules every pack must have, for every region.
_REQUIRED_RULES = ("name.length", "name.charset")


def read_toml(path: Path) -> tuple[dict[str, Any], PackText]:
    """The data of a TOML file and its text (for error lines); unreadable or invalid: an error."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise RulePackError(path.name, "", f"cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise RulePackError(path.name, "", "the file is not UTF-8 text") from exc
    compiled = data_for(path, raw)  # a shipped pack: its compiled copy (fast), while it matches
    if compiled is not None:
        return compiled, PackText(path.name, text)
    try:
        return tomllib.loads(text), PackText(path.name, text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        raise RulePackError(path.name, "", f"not valid TOML: {exc}", line) from exc


def _tuple(value: Any) -> tuple[str, ...] | None:
    return tuple(value) if value is not None else None


def _fold(value: str) -> str:
    """Lower-case and drop white space: how neutral words are compared."""
    return "".join(value.lower().split())


def _built(
    build: Callable[[], _T], data: dict[str, Any], text: PackText, kind: str, trusted: bool
) -> _T:
    """``build()`` of ``data``, validated against the schema of ``kind`` first unless ``trusted``.

    A trusted file that is malformed after all (a build that trips over a missing key or a wrong
    type) is validated then, so the error still names the file, line and key.
    """
    if not trusted:
        validate(data, text, kind)
        return build()
    try:
        return build()
    except RulePackError:
        raise
    except (KeyError, TypeError, AttributeError, IndexError, ValueError):
        validate(data, text, kind)
        raise


# ----------------------------------------------------------------------------------- common.toml
@dataclass(frozen=True)
class _Common:
    sources: Mapping[str, Source]
    documents: Mapping[str, dict[str, Any]]
    remarks: Mapping[str, RemarkField]
    words: Words
    industries: Mapping[str, Industry]


def _words(w: dict[str, Any], sources: Mapping[str, Source], pack: PackText) -> Words:
    for key in ("neutral", "test", "surnames", "owner"):
        for i, sid in enumerate(w[key]["sources"]):
            if sid not in sources:
                raise pack.error(["words", key, "sources", i], f"unknown source {sid!r}")
    neutral = [*w["neutral"]["from_seeds"], *w["neutral"]["derived"]]
    return Words(
        neutral=frozenset(_fold(x) for x in neutral),
        neutral_from_seeds=tuple(w["neutral"]["from_seeds"]),
        test_contains=tuple(w["test"]["contains"]),
        test_latin_words=frozenset(x.lower() for x in w["test"]["latin_words"]),
        surnames_single=frozenset(w["surnames"]["single"]),
        surnames_compound=tuple(w["surnames"]["compound"]),
        sources={k: tuple(w[k]["sources"]) for k in ("neutral", "test", "surnames", "owner")},
        owner={k: tuple(v) for k, v in w["owner"].items() if k != "sources"},
    )


def _industries(
    data: dict[str, Any], sources: Mapping[str, Source], pack: PackText
) -> dict[str, Industry]:
    out: dict[str, Industry] = {}
    for iid, item in data.get("industries", {}).items():
        if item["source"] not in sources:
            raise pack.error(["industries", iid, "source"], f"unknown source {item['source']!r}")
        out[iid] = Industry(
            id=iid,
            name=item["name"],
            consequence=item["consequence"],
            source=item["source"],
            verification_only=item["verification_only"],
        )
    return out


@cache
def _load_common(path: Path, trusted: bool) -> _Common:
    data, pack = read_toml(path)
    return _built(lambda: _common(data, pack), data, pack, "common", trusted)


def _common(data: dict[str, Any], pack: PackText) -> _Common:
    sources = {sid: Source.from_table(sid, s) for sid, s in data["sources"].items()}
    remarks = {
        rid: RemarkField(id=rid, check=r["check"], name=r["name"], guidance=r["guidance"])
        for rid, r in data["remarks"].items()
    }
    return _Common(
        sources=sources,
        documents=data["documents"],
        remarks=remarks,
        words=_words(data["words"], sources, pack),
        industries=_industries(data, sources, pack),
    )


# ------------------------------------------------------------------------------- a provider pack
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


class _Builder:
    """Builds the parts of one provider pack, checking each reference as it goes."""

    def __init__(self, data: dict[str, Any], pack: PackText, common: _Common) -> None:
        self.data = data
        self.pack = pack
        self.common = common
        self.choices = {kind: self._unique_choices(kind) for kind in _CHOICE_KINDS}
        self.documents = self._documents()
        self.signature_types = self._signature_types()
        self.known = {
            "types": {t.id for t in self.signature_types},
            "accounts": {a.id for a in self.choices["accounts"]},
            "purposes": {p.id for p in self.choices["purposes"]},
            "regions": self.region_ids,
        }

    @property
    def region_ids(self) -> set[str]:
        return {r.id for r in self.choices["regions"]}

    def check_source(self, sid: str, parts: list[Any]) -> None:
        if sid not in self.common.sources:
            raise self.pack.error(
                parts, f"unknown source {sid!r} (sources are listed in common.toml)"
            )

    def check_regions(self, regions: list[str], parts: list[Any]) -> None:
        for region in regions:
            if region not in self.region_ids:
                raise self.pack.error(parts, f"unknown region {region!r}")

    def _unique_choices(self, kind: str) -> tuple[Choice, ...]:
        choices = _choices(self.data.get(kind))
        seen: set[str] = set()
        for i, c in enumerate(choices):
            if c.id in seen:
                raise self.pack.error([kind, i, "id"], f"duplicate id {c.id!r}")
            seen.add(c.id)
        return choices

    def _documents(self) -> dict[str, Document]:
        documents: dict[str, Document] = {}
        for doc_id, extra in self.data["documents"].items():
            base = self.common.documents.get(doc_id)
            if base is None:
                raise self.pack.error(
                    ["documents", doc_id], f"unknown document {doc_id!r} (not in common.toml)"
                )
            documents[doc_id] = Document(
                id=doc_id,
                kind=base["kind"],
                name=base["name"],
                guidance=base["guidance"],
                code=extra.get("code"),
            )
        return documents

    def _withdrawal(self, w: dict[str, Any], parts: list[Any]) -> Withdrawal:
        self.check_source(w["source"], [*parts, "source"])
        self.check_regions(w.get("regions", []), [*parts, "regions"])
        return Withdrawal(
            since=w["since"],
            notice=w["notice"],
            source=w["source"],
            regions=_tuple(w.get("regions")),
        )

    def _signature_types(self) -> tuple[SignatureType, ...]:
        types: list[SignatureType] = []
        for i, t in enumerate(self.data["signature_types"]):
            parts: list[Any] = ["signature_types", i]
            if any(x.id == t["id"] for x in types):
                raise self.pack.error([*parts, "id"], f"duplicate signature type {t['id']!r}")
            self.check_source(t["source"], [*parts, "source"])
            withdrawn = tuple(
                self._withdrawal(w, [*parts, "withdrawn", j])
                for j, w in enumerate(t.get("withdrawn", []))
            )
            types.append(
                SignatureType(
                    id=t["id"],
                    code=t["code"],
                    name=t["name"],
                    description=t["description"],
                    source=t["source"],
                    withdrawn=withdrawn,
                )
            )
        return tuple(types)

    def selector(self, item: dict[str, Any], parts: list[Any]) -> Selector:
        for key, valid in self.known.items():
            for value in item.get(key, []):
                if value not in valid:
                    raise self.pack.error(
                        [*parts, key], f"unknown {key[:-1]} {value!r}; valid: {sorted(valid)}"
                    )
        return Selector(
            types=_tuple(item.get("types")),
            accounts=_tuple(item.get("accounts")),
            purposes=_tuple(item.get("purposes")),
            regions=_tuple(item.get("regions")),
        )

    def _document_group(self, g: dict[str, Any], source: str, parts: list[Any]) -> DocumentGroup:
        for d in g["one_of"]:
            if d not in self.documents:
                raise self.pack.error(parts, f"document {d!r} is not in this pack's [documents]")
        conflict = None
        if "conflict" in g:
            c = g["conflict"]
            self.check_source(c["source"], parts)
            if not set(g["one_of"]) <= set(c["one_of"]):
                raise self.pack.error(
                    parts, "one_of must be the stricter (a subset of the conflicting source's list)"
                )
            conflict = Conflict(source=c["source"], one_of=tuple(c["one_of"]), note=c["note"])
        return DocumentGroup(
            one_of=tuple(g["one_of"]),
            source=source,
            required=g.get("required", True),
            conflict=conflict,
        )

    def requirements(self) -> tuple[Requirement, ...]:
        requirements: list[Requirement] = []
        for i, r in enumerate(self.data["requirements"]):
            parts: list[Any] = ["requirements", i]
            self.check_source(r["source"], [*parts, "source"])
            groups = tuple(
                self._document_group(g, r["source"], [*parts, "documents", j])
                for j, g in enumerate(r.get("documents", []))
            )
            for rem in r.get("remarks", []):
                if rem not in self.common.remarks:
                    raise self.pack.error([*parts, "remarks"], f"unknown remark field {rem!r}")
            requirements.append(
                Requirement(
                    selector=self.selector(r, parts),
                    source=r["source"],
                    documents=groups,
                    remarks=tuple(r.get("remarks", [])),
                )
            )
        return tuple(requirements)

    def forbidden(self) -> tuple[Forbidden, ...]:
        forbidden: list[Forbidden] = []
        for i, f in enumerate(self.data.get("forbidden", [])):
            self.check_source(f["source"], ["forbidden", i, "source"])
            forbidden.append(
                Forbidden(
                    selector=self.selector(f, ["forbidden", i]),
                    source=f["source"],
                    reason=f["reason"],
                    instead=f["instead"],
                )
            )
        return tuple(forbidden)

    def _rule_entry(self, r: dict[str, Any], parts: list[Any]) -> RuleEntry:
        rid = r["id"]
        self.check_source(r["source"], [*parts, "source"])
        if rid not in MERGE and rid not in SEVERITY_RULES:
            raise self.pack.error([*parts, "id"], f"unknown rule id {rid!r}")
        kind = merge_kind(rid)
        if kind == "severity" and "severity" not in r:
            raise self.pack.error(parts, f"rule {rid!r} needs a severity")
        if kind == "intersect" and not ("allowed" in r or "formats" in r):
            raise self.pack.error(parts, f"rule {rid!r} needs 'allowed' or 'formats'")
        for needed in REQUIRED_FIELDS.get(kind, ()):
            if needed not in r:
                raise self.pack.error(parts, f"rule {rid!r} needs {needed!r}")
        if kind == "range" and r["min"] > r["max"]:
            raise self.pack.error([*parts, "min"], "min is greater than max")
        self.check_regions(r.get("regions", []), [*parts, "regions"])
        for t in r.get("types", []):
            if t not in self.known["types"]:
                raise self.pack.error([*parts, "types"], f"unknown type {t!r}")
        return RuleEntry(
            id=rid,
            source=r["source"],
            values={k: r[k] for k in VALUE_FIELDS if k in r},
            regions=_tuple(r.get("regions")),
            severity=r.get("severity"),
            note=r.get("note"),
            types=_tuple(r.get("types")),
        )

    def rules(self) -> tuple[RuleEntry, ...]:
        return tuple(
            self._rule_entry(r, ["rules", i]) for i, r in enumerate(self.data.get("rules", []))
        )

    def pack_at(self, path: Path) -> RulePack:
        data, choices = self.data, self.choices
        return RulePack(
            provider=data["provider"],
            version=data["version"],
            name=data["name"],
            api=data["api"],
            console=data["console"],
            regions=choices["regions"],
            accounts=choices["accounts"],
            purposes=choices["purposes"],
            sign_kinds=choices["sign_kinds"],
            signature_types=self.signature_types,
            documents=self.documents,
            remarks=self.common.remarks,
            requirements=self.requirements(),
            forbidden=self.forbidden(),
            rules=self.rules(),
            sources=self.common.sources,
            words=self.common.words,
            path=path,
            templates=data.get("templates", {}),
            industries=self.common.industries,
            official_letter=self._official_letter(),
            qualification=data.get("qualification", {}),
        )

    def _official_letter(self) -> Mapping[str, Any]:
        letter: Mapping[str, Any] = self.data.get("official_letter", {})
        if letter:
            self.check_source(letter["source"], ["official_letter", "source"])
        return letter


def _check_required_rules(pack: RulePack, text: PackText) -> None:
    for rid in _REQUIRED_RULES:
        for region in pack.region_ids or (None,):
            if pack.rule(rid, region) is None:
                raise text.error(
                    ["rules"],
                    f"rule {rid!r} is missing" + (f" for region {region!r}" if region else ""),
                )


def load_pack_file(
    path: Path, common_path: Path | None = None, *, trusted: bool = False
) -> RulePack:
    """Load and validate one provider pack. Raises :class:`RulePackError` naming the bad key.

    ``trusted`` (the shipped packs, see the module docstring) skips the schema validation of the
    pack and of the default ``common.toml``.
    """
    common = _load_common(
        common_path or resource_path("rules", "common.toml"), trusted and common_path is None
    )
    data, text = read_toml(path)
    pack = _built(
        lambda: _Builder(data, text, common).pack_at(path), data, text, "provider", trusted
    )
    _check_required_rules(pack, text)
    return pack


@cache
def load_pack(provider: str) -> RulePack:
    """The bundled pack of ``provider`` (one of :data:`PROVIDERS`)."""
    if provider not in PROVIDERS:
        raise KeyError(provider)
    pack = load_pack_file(resource_path("rules", f"{provider}.toml"), trusted=True)
    if pack.provider != provider:
        raise RulePackError(f"{provider}.toml", "provider", f"says {pack.provider!r}")
    return pack


def validate_folder(folder: Path) -> dict[str, RulePack]:
    """Every pack in ``folder`` (``common.toml`` and the provider packs), fully validated.

    What the test suite runs over ``resources/rules`` so that :func:`load_pack` may trust them.
    """
    common = folder / "common.toml"
    _load_common(common, False)
    return {
        path.stem: load_pack_file(path, common)
        for path in sorted(folder.glob("*.toml"))
        if path != common
    }


def load_all() -> dict[str, RulePack]:
    return {p: load_pack(p) for p in PROVIDERS}
