"""Rule entries and how disagreeing ones merge: the stricter wins.

A pack keeps every entry of a rule with its source; :func:`merge` turns the entries that apply
to one region into one :class:`EffectiveRule`. ``MERGE`` says, per rule id, what "stricter" means.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RuleEntry:
    id: str
    source: str
    values: Mapping[str, Any]
    regions: tuple[str, ...] | None = None
    severity: str | None = None
    note: str | None = None
    types: tuple[str, ...] | None = None  # None: every signature type


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
        "name.letters_only",
        "name.test_substring",
        "name.owner_mismatch",
        "name.owner_romanized",
        "name.owner_full_name",
        "owner.not_mainland",
        "owner.entity_refused",
        "owner.not_organization",
        "owner.bracket_width",
        "account.personal_filing",
        "account.console_only",
        "account.daily_limit",
        "type.not_recommended",
        "files.name_ascii_only",
        "letter.party_name_symbols",
        "letter.risk_bearer_not_owner",
    }
)
# The keys of a rule entry that are its values, and those each kind of merge needs.
VALUE_FIELDS = ("min", "max", "value", "allowed", "formats", "chars", "entities")
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "range": ("min", "max"),
    "intersect": (),
    "union_chars": ("chars",),
    "min": ("value",),
    "max": ("value",),
}

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def merge_kind(rule_id: str) -> str:
    """How entries of ``rule_id`` merge (``"severity"`` for the severity-only rules)."""
    return MERGE.get(rule_id, "severity")


def _strictest_severity(entries: Iterable[RuleEntry]) -> str | None:
    severities = [e.severity for e in entries if e.severity]
    return min(severities, key=_SEVERITY_RANK.__getitem__) if severities else None


def merge(rule_id: str, entries: tuple[RuleEntry, ...]) -> EffectiveRule:
    """The one rule the (non-empty) ``entries`` of ``rule_id`` amount to: the stricter wins."""
    kind = merge_kind(rule_id)
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
