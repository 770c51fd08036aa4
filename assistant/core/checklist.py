"""The certificate checklist: (provider, region, account, purpose, signature type) -> what to submit.

A pure function of the rule packs. A combination the provider does not allow, or a signature type
it has withdrawn, gives an error finding that says why and what to choose instead. The checklist
also carries what the application should know beyond its documents: notes on the account and the
type (a type the provider does not recommend, an individual account's limits), the restricted
industries question with the consequence of an answer, and for others which authorization letter
to use — the provider's official template where it publishes one (the safe default), else ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.core.findings import Finding, Severity, has_errors
from assistant.core.i18n import has_text, localized, normalize_language, text
from assistant.core.identifiers import REMARK_CHECKS
from assistant.core.rules import Document, Localized, RemarkField, RulePack, load_pack
from assistant.core.rules.model import Industry


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
    # The restricted-industries question (its options) and, for others, which letter to use.
    industries: tuple[Industry, ...] = ()
    letter: LetterNote | None = None

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
            "questions": [
                {
                    "id": "industry",
                    "question": text(
                        "checklist.industry_question",
                        lang,
                        options=", ".join(localized(i.name, lang) for i in self.industries),
                    ),
                    "options": [
                        {
                            "id": i.id,
                            "name": localized(i.name, lang),
                            "consequence": localized(i.consequence, lang),
                            "verification_only": i.verification_only,
                            "source": i.source,
                        }
                        for i in self.industries
                    ],
                }
            ]
            if self.industries
            else [],
            **({"letter": self.letter.to_dict(lang)} if self.letter else {}),
        }


@dataclass(frozen=True)
class LetterNote:
    """Which authorization letter to use: the provider's official template (where to get it and
    how to fill it with the assistant) or, when it publishes none, the assistant's own wording."""

    official: bool
    provider: Localized
    source: str | None = None
    url: str | None = None
    where: Localized | None = None
    how: Localized | None = None
    locked: bool = False  # the provider says the template's content must not be changed

    def text(self, lang: str = "en", *, wizard: bool = False) -> str:
        """What to use and how to fill it. On paper and in the terminal (the default) with the
        template's address and the ``letter --template`` command; with ``wizard``, as the Letter
        page says it: its own control for a template of the user's, and no address (the page
        shows it as a link, :meth:`download_text`)."""
        if not self.official:
            return text("checklist.own_letter", lang, provider=localized(self.provider, lang))
        where = localized(self.where or {}, lang)
        if self.url and not wizard:
            where = text("checklist.letter_url", lang, where=where, url=self.url)
        return text(
            "checklist.official_letter.wizard" if wizard else "checklist.official_letter",
            lang,
            provider=localized(self.provider, lang),
            where=where,
            how=localized(self.how or {}, lang),
        )

    def download_text(self, lang: str = "en") -> str:
        """The short text of a link to the template's address (empty when there is none)."""
        if not (self.official and self.url):
            return ""
        return text("checklist.letter_download", lang, provider=localized(self.provider, lang))

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "official": self.official,
            "locked": self.locked,
            "url": self.url,
            "source": self.source,
            "text": self.text(lang),
        }


def wording_note(pack: RulePack, template: str, lang: str = "en", *, wizard: bool = False) -> str:
    """What is said about the letter's wording: whether it is ours (not the provider's official
    wording) and, where the provider publishes one, its official template (the safe default),
    where to get it and how to fill it. ``wizard``: as the Letter page says it (its own control,
    the address left to a link, see :meth:`LetterNote.text`); else for paper and the terminal."""
    note = letter_note(pack)
    ours = not (template or "").strip().lower().endswith(".docx")
    provider = localized(pack.name, lang)
    if not note.official:
        return note.text(lang) if ours else ""
    parts = [text("checklist.our_wording", lang, provider=provider)] if ours else []
    joiner = "" if normalize_language(lang) == "zh" else " "  # no space after 。
    return joiner.join([*parts, note.text(lang, wizard=wizard)])


def letter_note(pack: RulePack) -> LetterNote:
    """The provider's official letter template (pack ``[official_letter]``), or ours."""
    data = pack.official_letter
    if not data:
        return LetterNote(official=False, provider=pack.name)
    return LetterNote(
        official=True,
        provider=pack.name,
        source=data.get("source"),
        url=data.get("url"),
        where=data.get("where"),
        how=data.get("how"),
        locked=bool(data.get("locked", False)),
    )


def _finding(
    code: str,
    lang: str,
    severity: Severity = Severity.ERROR,
    source: str | None = None,
    subject: str | None = None,
    fix: str | None = None,
    **params: Any,
) -> Finding:
    if fix is None and code != "checklist.withdrawn" and has_text(f"{code}.fix"):
        fix = text(f"{code}.fix", lang, **params)
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


def _rule_finding(
    pack: RulePack,
    rule_id: str,
    region: str | None,
    type_: str | None,
    code: str,
    lang: str,
    **params: Any,
) -> Finding | None:
    rule = pack.rule(rule_id, region, type_)
    if rule is None or rule.severity is None:
        return None
    fix_key = f"{code}.fix"
    return Finding(
        Severity(rule.severity),
        code,
        text(code, lang, **params),
        fix=text(fix_key, lang, **params) if has_text(fix_key) else None,
        subject="account" if rule_id.startswith("account.") else "type",
        source=rule.sources[0],
    )


def notes(
    pack: RulePack, type_: str, account: str, purpose: str, region: str | None, lang: str
) -> list[Finding]:
    """Warnings and information about an allowed combination: a type the provider does not
    recommend; an individual account's limits (``account.*`` rules concern individual accounts;
    ``account.personal_filing`` self-use ones)."""
    provider = localized(pack.name, lang)
    out: list[Finding | None] = []
    out.append(
        _rule_finding(
            pack,
            "type.not_recommended",
            region,
            type_,
            "checklist.type_not_recommended",
            lang,
            provider=provider,
        )
    )
    if account == "individual":
        if purpose == "self":
            out.append(
                _rule_finding(
                    pack,
                    "account.personal_filing",
                    region,
                    type_,
                    "checklist.personal_filing",
                    lang,
                    provider=provider,
                )
            )
        for rule_id, code in (
            ("account.daily_limit", "checklist.daily_limit"),
            ("account.console_only", "checklist.console_only"),
        ):
            out.append(_rule_finding(pack, rule_id, region, type_, code, lang, provider=provider))
    return [f for f in out if f is not None]


def industry_findings(
    pack: RulePack, industry: str | None, sign_type: str | None, lang: str
) -> list[Finding]:
    """The consequence of the restricted-industries answer (empty or ``none``: no finding)."""
    if not industry or industry == "none":
        return []
    item = pack.industries.get(industry)
    if item is None:
        return [
            _finding(
                "checklist.industry_unknown",
                lang,
                subject="industry",
                value=industry,
                valid=", ".join(["none", *pack.industries]),
            )
        ]
    name = localized(item.name, lang)
    out = [
        _finding(
            "checklist.industry",
            lang,
            Severity.INFO if item.verification_only else Severity.WARNING,
            item.source,
            "industry",
            industry=name,
            consequence=localized(item.consequence, lang),
        )
    ]
    verification = pack.choice("sign_kinds", "verification")
    if item.verification_only and verification is not None and pack.sign_kinds:
        default = next((k for k in pack.sign_kinds if k.default), pack.sign_kinds[0])
        kind = pack.choice("sign_kinds", sign_type or "") or default
        if kind.id != verification.id:
            out.append(
                _finding(
                    "checklist.industry_sign_kind",
                    lang,
                    Severity.ERROR,
                    item.source,
                    "sign_type",
                    industry=name,
                    kind=localized(kind.name, lang),
                    verification=localized(verification.name, lang),
                )
            )
    return out


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
    *,
    industry: str | None = None,
    sign_type: str | None = None,
) -> Checklist:
    """The ordered documents (with one-of groups) and remark fields for this application, the
    notes on it, the industries question (and the consequence of ``industry``, its answer) and,
    for others, the letter to use."""
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
        if not has_errors(findings):
            findings.extend(notes(pack, type_, account, purpose, region, lang))
        findings.extend(industry_findings(pack, industry, sign_type, lang))
    return Checklist(
        provider=provider,
        region=region,
        account=account,
        purpose=purpose,
        type=type_,
        entries=tuple(entries),
        remarks=tuple(pack.remarks[r] for r in remark_ids),
        findings=tuple(findings),
        industries=tuple(pack.industries.values()),
        letter=letter_note(pack) if purpose == "others" else None,
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
