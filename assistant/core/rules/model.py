"""The model of a rule pack: what one provider asks for, as frozen dataclasses.

:class:`RulePack` is what the loader builds from ``resources/rules/<provider>.toml`` and
``common.toml``; :meth:`RulePack.rule` merges disagreeing entries of a rule (see ``merge``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.rules.merge import EffectiveRule, RuleEntry, merge
from assistant.core.sources import Source as Source  # re-exported: part of this API

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


# The model. Localized texts are {language: text} mappings (en, zh, id).
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
class Words:
    neutral: frozenset[str]
    neutral_from_seeds: tuple[str, ...]
    test_contains: tuple[str, ...]
    test_latin_words: frozenset[str]
    surnames_single: frozenset[str]
    surnames_compound: tuple[str, ...]
    sources: Mapping[str, tuple[str, ...]]
    # How registered names are read for the signature <-> owner check (common.toml [words.owner]).
    owner: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Industry:
    """A restricted industry (common.toml [industries]): asked as a question, with its consequence."""

    id: str
    name: Localized
    consequence: Localized
    source: str
    verification_only: bool = False


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
    # The pack's optional [templates] table, kept as read (SMS templates; empty when absent).
    templates: Mapping[str, Any] = field(default_factory=dict)
    # Restricted industries (common.toml) and the provider's official letter template, if it has one.
    industries: Mapping[str, Industry] = field(default_factory=dict)
    official_letter: Mapping[str, Any] = field(default_factory=dict)
    # The pack's optional [qualification] table, kept as read (typed by assistant.core.qualification).
    qualification: Mapping[str, Any] = field(default_factory=dict)

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

    def rule(
        self, rule_id: str, region: str | None = None, type_: str | None = None
    ) -> EffectiveRule | None:
        """The merged rule ``rule_id`` for ``region`` (the stricter of disagreeing sources).

        Entries limited to some signature types apply only when ``type_`` is one of them."""
        region = self.region_or_default(region)
        entries = tuple(
            e
            for e in self.rules
            if e.id == rule_id
            and (e.regions is None or region is None or region in e.regions)
            and (e.types is None or type_ in e.types)
        )
        if not entries:
            return None
        return merge(rule_id, entries)

    def source(self, source_id: str) -> Source:
        return self.sources[source_id]
