"""The ``[qualification]`` table of a provider pack as a model: which fields and documents the
provider's qualification form asks for, how strictly, under which console label or API field,
with which limits, and where each rule comes from.

The table is data (``resources/rules/<provider>.toml``, schema ``qualification.schema.json``).
An entry's ``need`` is ``required`` (an error while it is missing, once the section is started),
``recommended`` (a warning), ``conditional`` (an info: the provider asks for it only in some
cases, which the note says) or ``optional``. Entries may be limited to some purposes; the first
entry of an id that applies to the case's purpose is the one that counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.core.rules import RulePack, RulePackError, load_pack
from assistant.core.sources import Source

NEEDS = ("required", "recommended", "conditional", "optional")


@dataclass(frozen=True)
class Item:
    """A field or a document of the provider's qualification form."""

    id: str
    need: str
    label: Mapping[str, str]
    source: str
    purposes: tuple[str, ...] | None = None
    one_of: tuple[str, ...] = ()  # documents: any of these document ids (else the id itself)
    api_field: str | None = None
    max_length: int | None = None
    allowed_symbols: str | None = None
    not_all_digits: bool = False
    note: Mapping[str, str] | None = None

    def applies(self, purpose: str) -> bool:
        return self.purposes is None or purpose in self.purposes

    @property
    def documents(self) -> tuple[str, ...]:
        return self.one_of or (self.id,)


@dataclass(frozen=True)
class Policy:
    """A severity and its source (``one_handler``)."""

    severity: str
    source: str


@dataclass(frozen=True)
class QualificationRules:
    """One provider's qualification rules (:func:`qualification_rules`)."""

    provider: str
    version: str
    console: Mapping[str, str]
    sources: Mapping[str, Source]
    fields: tuple[Item, ...]
    documents: tuple[Item, ...]
    commitment: str  # required | recommended | none
    commitment_source: str
    filing_working_days: int
    filing_source: str
    lapse_months: int
    lapse_source: str
    one_handler: Policy
    regions: tuple[str, ...] | None = None
    api: str | None = None
    api_source: str | None = None
    console_url: str | None = None
    review_working_days: int = 0
    review_source: str | None = None
    licence_validity: str | None = None  # "range": YYYY-MM-DD~YYYY-MM-DD
    long_term_until: dt.date | None = None
    validity_source: str | None = None
    approved_id_type: str = "string"
    approved_id_pattern: str = ".+"
    approved_id_source: str | None = None
    id_types: Mapping[str, str] | None = None  # None: the form takes any
    entity_codes: Mapping[str, str] | None = None
    licence_types: Mapping[str, str] | None = None

    def applies(self, region: str | None) -> bool:
        """Whether ``region`` needs a qualification at this provider."""
        return self.regions is None or region is None or region in self.regions

    @property
    def console_only(self) -> bool:
        return not self.api

    def field(self, field_id: str, purpose: str) -> Item | None:
        return next((f for f in self.fields if f.id == field_id and f.applies(purpose)), None)

    def document(self, document_id: str, purpose: str) -> Item | None:
        return next((d for d in self.documents if d.id == document_id and d.applies(purpose)), None)

    def fields_for(self, purpose: str) -> list[Item]:
        """The fields that apply to ``purpose``, one per id, in the pack's order."""
        return _first_per_id(self.fields, purpose)

    def documents_for(self, purpose: str) -> list[Item]:
        return _first_per_id(self.documents, purpose)

    def source(self, source_id: str, pack: RulePack | None = None) -> Source:
        """A source of this table, else of ``common.toml``."""
        if source_id in self.sources:
            return self.sources[source_id]
        return (pack or load_pack(self.provider)).sources[source_id]


def _first_per_id(items: tuple[Item, ...], purpose: str) -> list[Item]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.id not in seen and item.applies(purpose):
            seen.add(item.id)
            out.append(item)
    return out


def _item(raw: Mapping[str, Any]) -> Item:
    return Item(
        id=raw["id"],
        need=raw["need"],
        label=raw["label"],
        source=raw["source"],
        purposes=tuple(raw["purposes"]) if "purposes" in raw else None,
        one_of=tuple(raw.get("one_of", ())),
        api_field=raw.get("api_field"),
        max_length=raw.get("max_length"),
        allowed_symbols=raw.get("allowed_symbols"),
        not_all_digits=bool(raw.get("not_all_digits", False)),
        note=raw.get("note"),
    )


def _sources(raw: Mapping[str, Any]) -> dict[str, Source]:
    return {sid: Source.from_table(sid, s) for sid, s in raw.items()}


def build_rules(pack: RulePack) -> QualificationRules | None:
    """The qualification rules of ``pack`` (None when it has no ``[qualification]`` table).

    Raises :class:`RulePackError` for a source, document, region or code the pack does not know.
    """
    raw = pack.qualification
    if not raw:
        return None
    sources = _sources(raw["sources"])
    approved = raw.get("approved_id", {})
    rules = QualificationRules(
        provider=pack.provider,
        version=raw["version"],
        console=raw["console"],
        sources=sources,
        fields=tuple(_item(f) for f in raw["fields"]),
        documents=tuple(_item(d) for d in raw["documents"]),
        commitment=raw["commitment"],
        commitment_source=raw["commitment_source"],
        filing_working_days=raw["filing_working_days"],
        filing_source=raw["filing_source"],
        lapse_months=raw["lapse_months"],
        lapse_source=raw["lapse_source"],
        one_handler=Policy(raw["one_handler"]["severity"], raw["one_handler"]["source"]),
        regions=tuple(raw["regions"]) if "regions" in raw else None,
        api=raw.get("api"),
        api_source=raw.get("api_source"),
        console_url=raw.get("console_url"),
        review_working_days=raw.get("review_working_days", 0),
        review_source=raw.get("review_source"),
        licence_validity=raw.get("licence_validity"),
        long_term_until=raw.get("long_term_until"),
        validity_source=raw.get("validity_source"),
        approved_id_type=approved.get("type", "string"),
        approved_id_pattern=approved.get("pattern", ".+"),
        approved_id_source=approved.get("source"),
        id_types=raw.get("id_types"),
        entity_codes=raw.get("entity_codes"),
        licence_types=raw.get("licence_types"),
    )
    _check_references(rules, pack, raw)
    return rules


def _check_references(rules: QualificationRules, pack: RulePack, raw: Mapping[str, Any]) -> None:
    from assistant.core.model.qualification import ID_TYPES
    from assistant.core.owner import ENTITY_TYPES

    def fail(where: str, message: str) -> RulePackError:
        return RulePackError(f"{pack.provider}.toml", f"qualification.{where}", message)

    known_sources = set(rules.sources) | set(pack.sources)
    named = {
        key: raw.get(key)
        for key in (
            "commitment_source",
            "filing_source",
            "lapse_source",
            "review_source",
            "api_source",
            "validity_source",
        )
    }
    named["one_handler"] = rules.one_handler.source
    named["approved_id"] = rules.approved_id_source
    for where, sid in named.items():
        if sid and sid not in known_sources:
            raise fail(where, f"unknown source {sid!r}")
    for kind, items in (("fields", rules.fields), ("documents", rules.documents)):
        for i, item in enumerate(items):
            if item.source not in known_sources:
                raise fail(f"{kind}[{i}]", f"unknown source {item.source!r}")
            if kind == "documents":
                for doc in item.documents if item.one_of else ():
                    if doc not in pack.documents:
                        raise fail(f"{kind}[{i}]", f"document {doc!r} is not in [documents]")
                if not item.one_of and item.id not in pack.documents:
                    raise fail(f"{kind}[{i}]", f"document {item.id!r} is not in [documents]")
    for region in rules.regions or ():
        if region not in pack.region_ids:
            raise fail("regions", f"unknown region {region!r}")
    for table, valid in (
        ("id_types", ID_TYPES),
        ("entity_codes", ENTITY_TYPES),
        ("licence_types", tuple(pack.documents)),
    ):
        for key in raw.get(table, {}):
            if key not in valid:
                raise fail(table, f"unknown id {key!r}; valid: {', '.join(valid)}")


@cache
def qualification_rules(provider: str) -> QualificationRules | None:
    """The bundled pack's qualification rules of ``provider`` (None: it asks for none)."""
    return build_rules(load_pack(provider))
