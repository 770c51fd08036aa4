"""The ``[templates]`` table of a provider pack as a model: kinds, variable attributes, rules.

The table is data (``resources/rules/<provider>.toml``, schema ``templates.schema.json``). Each
rule entry names a source and may be limited to some template kinds, regions, account types or
purposes. Several entries with one id are disagreeing sources: :meth:`TemplateRules.rule` merges
the entries that apply so that the stricter wins (smallest limit, narrowest range, most severe
severity, every word of every list).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.core.rules import RulePack, RulePackError, load_pack

KINDS = ("verification", "notification", "marketing")
SYNTAXES = ("tencent", "alibaba", "huawei")

# Rule ids a [templates] table may use (``industry.<name>`` too); all merge the same way except
# that these take the largest value rather than the smallest (a larger value is the stricter).
_LARGEST_WINS = frozenset({"variables.default_value_length", "vague"})
RULE_IDS = frozenset(
    {
        "length.max",
        "limits.max_templates",
        "limits.max_per_day",
        "limits.name_max_chars",
        "variables.max_count",
        "variables.max_run",
        "variables.space_separates",
        "variables.numbering",
        "variables.all_variable",
        "variables.unique",
        "variables.name",
        "variables.vague_name",
        "variables.value_max_length",
        "variables.default_value_length",
        "variables.legacy_length",
        "verification.variables",
        "verification.code_length",
        "verification.code_charset",
        "verification.keywords",
        "verification.links",
        "verification.contacts",
        "verification.promotion",
        "unsubscribe.text",
        "unsubscribe.forbidden",
        "marketing.unsubscribe",
        "marketing.variables",
        "marketing.member",
        "marketing.authorization_proof",
        "marketing.enterprise_only",
        "notification.promotion",
        "kind.verification_as_notification",
        "promotion.words",
        "brackets.lenticular",
        "brackets.square_edge",
        "brackets.square_any",
        "symbols.forbidden",
        "traditional",
        "vague",
        "evasion",
        "interference",
        "links.variable",
        "links.variable_path",
        "links.ip",
        "links.short",
        "links.short_with_variable",
        "links.redirect",
        "links.icp",
        "links.beta_download",
        "links.login",
        "contacts.mobile",
        "contacts.max_numbers",
        "contacts.im",
    }
)
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_LIST_FIELDS = ("words", "sequences", "hosts", "classes")


@dataclass(frozen=True)
class TemplateSource:
    id: str
    title: str
    read: dt.date | str
    url: str | None = None


@dataclass(frozen=True)
class TemplateKind:
    id: str
    code: int | str
    name: Mapping[str, str]
    source: str


@dataclass(frozen=True)
class Attribute:
    """A variable attribute (Alibaba ``TemplateRule`` value, Huawei ``variable_type``)."""

    id: str
    name: Mapping[str, str]
    max_length: int
    source: str
    min_length: int = 0
    kinds: tuple[str, ...] | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class Context:
    """What a rule entry may be limited to; None matches every entry."""

    kind: str | None = None
    region: str | None = None
    account: str | None = None
    purpose: str | None = None


@dataclass(frozen=True)
class Entry:
    id: str
    source: str
    data: Mapping[str, Any]
    kinds: tuple[str, ...] | None = None
    regions: tuple[str, ...] | None = None
    accounts: tuple[str, ...] | None = None
    purposes: tuple[str, ...] | None = None

    def applies(self, ctx: Context) -> bool:
        """Kinds and regions match when ``ctx`` leaves them open; an entry limited to account
        types or purposes applies only when ``ctx`` names one of them (a check that does not know
        the purpose must not assume "for others")."""
        if (self.kinds is not None and ctx.kind is not None and ctx.kind not in self.kinds) or (
            self.regions is not None and ctx.region is not None and ctx.region not in self.regions
        ):
            return False
        return (self.accounts is None or ctx.account in self.accounts) and (
            self.purposes is None or ctx.purpose in self.purposes
        )


@dataclass(frozen=True)
class TemplateRule:
    """A rule after merging the entries that apply (the stricter wins); ``entries`` keeps all."""

    id: str
    entries: tuple[Entry, ...]
    severity: str | None
    value: int | None
    range: tuple[int, int] | None
    text: str | None
    chars: str
    words: tuple[str, ...]
    sequences: tuple[str, ...]
    hosts: tuple[str, ...]
    classes: tuple[str, ...]
    allowed: frozenset[str] | None

    @property
    def source(self) -> str:
        return self.entries[0].source

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.source for e in self.entries))


def _union(lists: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for values in lists for x in values))


def merge(rule_id: str, entries: tuple[Entry, ...]) -> TemplateRule:
    severities = [e.data["severity"] for e in entries if "severity" in e.data]
    values = [int(e.data["value"]) for e in entries if "value" in e.data]
    ranges = [(int(e.data["min"]), int(e.data["max"])) for e in entries if "min" in e.data]
    alloweds = [frozenset(e.data["allowed"]) for e in entries if "allowed" in e.data]
    pick = max if rule_id in _LARGEST_WINS else min
    lists = {f: _union(e.data.get(f, ()) for e in entries) for f in _LIST_FIELDS}
    return TemplateRule(
        id=rule_id,
        entries=entries,
        severity=min(severities, key=_SEVERITY_RANK.__getitem__) if severities else None,
        value=pick(values) if values else None,
        range=(max(r[0] for r in ranges), min(r[1] for r in ranges)) if ranges else None,
        text=next((str(e.data["text"]) for e in entries if "text" in e.data), None),
        chars="".join(dict.fromkeys("".join(str(e.data.get("chars", "")) for e in entries))),
        words=lists["words"],
        sequences=lists["sequences"],
        hosts=lists["hosts"],
        classes=lists["classes"],
        allowed=frozenset.intersection(*alloweds) if alloweds else None,
    )


@dataclass(frozen=True)
class TemplateRules:
    provider: str
    api: str
    kind_field: str
    syntax: str
    kinds: Mapping[str, TemplateKind]
    attributes: Mapping[str, Attribute]
    entries: tuple[Entry, ...]
    sources: Mapping[str, TemplateSource]

    def rule(self, rule_id: str, ctx: Context) -> TemplateRule | None:
        """The merged rule ``rule_id`` for ``ctx``, or None when no entry applies."""
        entries = tuple(e for e in self.entries if e.id == rule_id and e.applies(ctx))
        return merge(rule_id, entries) if entries else None

    def words(self, rule_id: str) -> tuple[str, ...]:
        """Every word any entry of ``rule_id`` lists, whatever it is limited to."""
        return _union(e.data.get("words", ()) for e in self.entries if e.id == rule_id)

    @property
    def industries(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.id for e in self.entries if e.id.startswith("industry.")))

    def kind_code(self, kind: str) -> int | str | None:
        k = self.kinds.get(kind)
        return k.code if k else None


# --------------------------------------------------------------------------------------- loading
def _tuple(value: Any) -> tuple[str, ...] | None:
    return tuple(str(v) for v in value) if value is not None else None


def _sources(pack: RulePack, table: Mapping[str, Any]) -> dict[str, TemplateSource]:
    out = {
        sid: TemplateSource(id=sid, title=s.title, read=s.read, url=s.url)
        for sid, s in pack.sources.items()
    }
    for sid, s in dict(table.get("sources", {})).items():
        out[sid] = TemplateSource(id=sid, title=s["title"], read=s["read"], url=s.get("url"))
    return out


def _entries(table: Mapping[str, Any], fail: Any) -> tuple[Entry, ...]:
    entries = []
    for i, r in enumerate(table.get("rules", [])):
        rid = str(r["id"])
        if rid not in RULE_IDS and not rid.startswith("industry."):
            raise fail(f"rules[{i}].id", f"unknown template rule id {rid!r}")
        entries.append(
            Entry(
                id=rid,
                source=str(r["source"]),
                data=r,
                kinds=_tuple(r.get("kinds")),
                regions=_tuple(r.get("regions")),
                accounts=_tuple(r.get("accounts")),
                purposes=_tuple(r.get("purposes")),
            )
        )
    return tuple(entries)


def _attributes(table: Mapping[str, Any]) -> dict[str, Attribute]:
    return {
        a["id"]: Attribute(
            id=a["id"],
            name=a["name"],
            max_length=int(a["max_length"]),
            min_length=int(a.get("min_length", 0)),
            source=a["source"],
            kinds=_tuple(a.get("kinds")),
            pattern=a.get("pattern"),
        )
        for a in table.get("attributes", [])
    }


def rules_from_pack(pack: RulePack) -> TemplateRules:
    """The template rules of ``pack``; :class:`RulePackError` when the table is missing or wrong."""
    file = pack.path.name

    def fail(key: str, message: str) -> RulePackError:
        return RulePackError(file, f"templates.{key}" if key else "templates", message)

    table = pack.templates
    if not table:
        raise fail("", "the pack has no [templates] table")
    try:
        sources = _sources(pack, table)
        entries = _entries(table, fail)
        kinds = {
            k["id"]: TemplateKind(id=k["id"], code=k["code"], name=k["name"], source=k["source"])
            for k in table["kinds"]
        }
        attributes = _attributes(table)
        rules = TemplateRules(
            provider=pack.provider,
            api=str(table["api"]),
            kind_field=str(table["kind_field"]),
            syntax=str(table["variable_syntax"]),
            kinds=kinds,
            attributes=attributes,
            entries=entries,
            sources=sources,
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, RulePackError):
            raise
        raise fail("", f"malformed table ({exc!r})") from exc
    _cross_check(rules, fail)
    return rules


def _cross_check(rules: TemplateRules, fail: Any) -> None:
    if rules.syntax not in SYNTAXES:
        raise fail("variable_syntax", f"unknown syntax {rules.syntax!r}; valid: {SYNTAXES}")
    if set(rules.kinds) != set(KINDS):
        raise fail("kinds", f"must define exactly {KINDS}")
    cited = [(f"kinds.{k.id}", k.source) for k in rules.kinds.values()]
    cited += [(f"attributes.{a.id}", a.source) for a in rules.attributes.values()]
    cited += [(f"rules[{i}].source", e.source) for i, e in enumerate(rules.entries)]
    for key, sid in cited:
        if sid not in rules.sources:
            raise fail(key, f"unknown source {sid!r}")
    for i, e in enumerate(rules.entries):
        if "min" in e.data and e.data["min"] > e.data.get("max", e.data["min"]):
            raise fail(f"rules[{i}].min", "min is greater than max")


@cache
def template_rules(provider: str) -> TemplateRules:
    """The bundled template rules of ``provider`` (one of the rule packs' providers)."""
    return rules_from_pack(load_pack(provider))
