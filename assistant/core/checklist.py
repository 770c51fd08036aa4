"""The certificate checklist: (provider, region, account, purpose, signature type) -> what to submit.

A pure function of the rule packs. A combination the provider does not allow, or a signature type
it has withdrawn, gives an error finding that says why and what to choose instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.core.findings import Finding, Severity, has_errors
from assistant.core.i18n import localized, text
from assistant.core.identifiers import REMARK_CHECKS
from assistant.core.rules import Document, Localized, RemarkField, RulePack, load_pack


@dataclass(frozen=True)
class ChecklistEntry:
    """One document of the checklist. Documents of a one-of group share ``group``."""

    document: Document
    group: int
    required: bool
    one_of: tuple[str, ...] | None  # all ids of the group when there is a choice, else None
    source: str
    conflict_note: Localized | None = None


@dataclass(frozen=True)
class Checklist:
    provider: str
    region: str | None
    account: str
    purpose: str
    type: str
    entries: tuple[ChecklistEntry, ...]
    remarks: tuple[RemarkField, ...]
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)

    @property
    def pack(self) -> RulePack:
        return load_pack(self.provider)

    def groups(self) -> list[list[ChecklistEntry]]:
        out: dict[int, list[ChecklistEntry]] = {}
        for e in self.entries:
            out.setdefault(e.group, []).append(e)
        return list(out.values())

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "provider": self.provider,
            "region": self.region,
            "account": self.account,
            "purpose": self.purpose,
            "type": self.type,
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
            "documents": [
                {
                    "id": e.document.id,
                    "name": localized(e.document.name, lang),
                    "required": e.required,
                    "one_of": list(e.one_of) if e.one_of else None,
                    "group": e.group,
                    "kind": e.document.kind,
                    "code": e.document.code,
                    "guidance": localized(e.document.guidance, lang),
                    "source": e.source,
                    **({"note": localized(e.conflict_note, lang)} if e.conflict_note else {}),
                }
                for e in self.entries
            ],
            "remarks": [
                {
                    "id": r.id,
                    "name": localized(r.name, lang),
                    "required": True,
                    "guidance": localized(r.guidance, lang),
                }
                for r in self.remarks
            ],
        }


def _finding(
    code: str,
    lang: str,
    severity: Severity = Severity.ERROR,
    source: str | None = None,
    subject: str | None = None,
    fix: str | None = None,
    **params: Any,
) -> Finding:
    return Finding(
        severity, code, text(code, lang, **params), fix=fix, subject=subject, source=source
    )


def _valid(pack: RulePack, kind: str) -> str:
    return ", ".join(c.id for c in getattr(pack, kind))


def combination_findings(
    pack: RulePack,
    type_: str,
    account: str,
    purpose: str,
    region: str | None = None,
    lang: str = "en",
) -> list[Finding]:
    """Why a combination cannot be applied for (unknown ids, forbidden, withdrawn); empty if it can."""
    region = pack.region_or_default(region)
    provider = localized(pack.name, lang)
    unknown = []
    if pack.regions and region not in pack.region_ids:
        unknown.append(("region", region, ", ".join(pack.region_ids)))
    if pack.choice("accounts", account) is None:
        unknown.append(("account", account, _valid(pack, "accounts")))
    if pack.choice("purposes", purpose) is None:
        unknown.append(("purpose", purpose, _valid(pack, "purposes")))
    sig_type = pack.signature_type(type_)
    if sig_type is None:
        unknown.append(("type", type_, _valid(pack, "signature_types")))
    if unknown:
        return [
            _finding(
                "checklist.unknown",
                lang,
                subject=what,
                what=what,
                value=value,
                valid=valid,
                provider=provider,
            )
            for what, value, valid in unknown
        ]
    findings = []
    for rule in pack.forbidden:
        if rule.selector.matches(type_, account, purpose, region):
            findings.append(
                Finding(
                    Severity.ERROR,
                    "checklist.not_allowed",
                    localized(rule.reason, lang),
                    fix=localized(rule.instead, lang),
                    subject="type",
                    source=rule.source,
                )
            )
    assert sig_type is not None
    withdrawal = sig_type.withdrawal(region)
    if withdrawal is not None:
        findings.append(
            Finding(
                Severity.ERROR,
                "checklist.withdrawn",
                localized(withdrawal.notice, lang),
                fix=text("checklist.withdrawn.fix", lang, since=withdrawal.since.isoformat()),
                subject="type",
                source=withdrawal.source,
            )
        )
    return findings


def type_options(
    pack: RulePack, account: str, purpose: str, region: str | None = None, lang: str = "en"
) -> list[tuple[str, list[Finding]]]:
    """Every signature type of the pack with the findings that keep it from being chosen."""
    return [
        (t.id, combination_findings(pack, t.id, account, purpose, region, lang))
        for t in pack.signature_types
    ]


def build_checklist(
    provider: str,
    account: str,
    purpose: str,
    type_: str,
    region: str | None = None,
    lang: str = "en",
) -> Checklist:
    """The ordered documents (with one-of groups) and remark fields for this application."""
    pack = load_pack(provider)
    region = pack.region_or_default(region)
    findings = combination_findings(pack, type_, account, purpose, region, lang)
    entries: list[ChecklistEntry] = []
    remark_ids: list[str] = []
    matched = False
    if not any(f.code == "checklist.unknown" for f in findings):
        for req in pack.requirements:
            if not req.selector.matches(type_, account, purpose, region):
                continue
            matched = True
            for group in req.documents:
                index = len({e.group for e in entries})
                for doc_id in group.one_of:
                    entries.append(
                        ChecklistEntry(
                            document=pack.documents[doc_id],
                            group=index,
                            required=group.required,
                            one_of=group.one_of if len(group.one_of) > 1 else None,
                            source=group.source,
                            conflict_note=group.conflict.note if group.conflict else None,
                        )
                    )
            remark_ids.extend(r for r in req.remarks if r not in remark_ids)
        if not matched and not findings:
            findings.append(
                _finding("checklist.no_requirements", lang, provider=localized(pack.name, lang))
            )
    return Checklist(
        provider=provider,
        region=region,
        account=account,
        purpose=purpose,
        type=type_,
        entries=tuple(entries),
        remarks=tuple(pack.remarks[r] for r in remark_ids),
        findings=tuple(findings),
    )


def check_remark(
    pack: RulePack, field_id: str, value: Any, lang: str = "en", region: str | None = None
) -> list[Finding]:
    """Check one remark field's value with the check its catalogue entry names."""
    field = pack.remarks.get(field_id)
    if field is None:
        return [_finding("checklist.unknown_remark", lang, subject=field_id, field=field_id)]
    findings = REMARK_CHECKS[field.check](value, lang, field_id)
    limit = pack.rule("limits.remark_max_chars", region)
    if limit is not None and isinstance(value, str) and len(value) > limit.value:
        findings.append(
            _finding(
                "checklist.remark_too_long",
                lang,
                source=limit.sources[0],
                subject=field_id,
                count=len(value),
                max=limit.value,
                field=localized(field.name, lang),
            )
        )
    return findings
