"""The case's qualification section checked against its provider's ``[qualification]`` rules.

``check_qualification(case, lang)`` says, all at once: whether the provider and region ask for a
qualification; that it is not prepared yet (a warning: the console asks for it first); an approved
id in the provider's format (then nothing else is asked); every field and document the provider
requires, recommends or may ask for; each value checked (:mod:`.checks`); the owner here equal to
the signature's owner and to the letter's authorizer (NFKC, bracket width); the purpose, entity
type and ID types the provider's form takes; the commitment letter's content. Never raises.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import localized, text
from assistant.core.model import Case, effective_region
from assistant.core.model.qualification import Qualification, Validity
from assistant.core.qualification.checks import (
    check_email,
    check_id_number,
    check_mobile,
    check_name_chars,
    check_validity,
    compact_id,
    finding,
)
from assistant.core.qualification.rules import Item, QualificationRules, qualification_rules
from assistant.core.rules import PROVIDERS

AREA = "qualification"
PREFIX = "qualification."
_SEVERITY = {"required": Severity.ERROR, "recommended": Severity.WARNING}


@dataclass(frozen=True)
class _Context:
    case: Case
    rules: QualificationRules
    lang: str
    today: dt.date

    @property
    def q(self) -> Qualification:
        return self.case.qualification

    @property
    def purpose(self) -> str:
        return effective_purpose(self.case)

    def item(self, field_id: str) -> Item | None:
        return self.rules.field(field_id, self.purpose)

    def label(self, item: Item | None, fallback: str) -> str:
        return localized(item.label, self.lang) if item else text(fallback, self.lang)


def effective_purpose(case: Case) -> str:
    """The qualification's purpose: its own, else the case's."""
    return case.qualification.purpose.strip() or case.purpose


def rules_for(case: Case) -> QualificationRules | None:
    """The provider's qualification rules when the case's region needs a qualification."""
    if case.provider not in PROVIDERS:
        return None
    rules = qualification_rules(case.provider)
    if rules is None or not rules.applies(effective_region(case)):
        return None
    return rules


def needs_qualification(case: Case) -> bool:
    return rules_for(case) is not None


def field_value(q: Qualification, field_id: str) -> Any:
    """The value of a rule-pack field id (``owner.name``, ``handler.id_validity`` …)."""
    value: Any = q
    for part in field_id.split("."):
        if part == "licence_validity":
            part = "licence"
        value = getattr(value, part, None)
    return value


def _filled(value: Any) -> bool:
    if isinstance(value, Validity):
        return not value.is_empty()
    return bool(value.strip()) if isinstance(value, str) else value is not None


def check_qualification(
    case: Case, lang: str = "en", *, today: dt.date | None = None
) -> list[Finding]:
    """Every finding of the case's qualification section, errors first."""
    rules = rules_for(case)
    if rules is None:
        return []
    ctx = _Context(case, rules, lang, today or dt.date.today())
    q = case.qualification
    if q.approved_id.strip():
        return _approved(ctx)
    if not q.is_started():
        return [
            finding(
                "qualification.not_prepared",
                Severity.WARNING,
                lang,
                AREA,
                source=rules.api_source or next(iter(rules.sources)),
                console=localized(rules.console, lang),
            )
        ]
    found = [*_required(ctx), *_values(ctx), *_documents(ctx), *_consistency(ctx)]
    found += _commitment(ctx)
    return sort_findings(found)


def _approved(ctx: _Context) -> list[Finding]:
    value = ctx.q.approved_id.strip()
    if re.fullmatch(ctx.rules.approved_id_pattern, value):
        return []
    return [
        finding(
            "qualification.approved_id_format",
            Severity.ERROR,
            ctx.lang,
            f"{PREFIX}approved_id",
            source=ctx.rules.approved_id_source,
            value=value,
        )
    ]


def _required(ctx: _Context) -> list[Finding]:
    """A finding per field the provider requires or recommends that is empty."""
    from assistant.core.qualification.output import effective_value

    out = []
    for item in ctx.rules.fields_for(ctx.purpose):
        if item.need not in _SEVERITY:
            continue
        if not _filled(effective_value(ctx.case, item.id)):
            code = f"qualification.missing_{item.need}"
            out.append(
                finding(
                    code,
                    _SEVERITY[item.need],
                    ctx.lang,
                    PREFIX + item.id,
                    source=item.source,
                    field=localized(item.label, ctx.lang),
                )
            )
    return out


def _values(ctx: _Context) -> list[Finding]:
    q, lang = ctx.q, ctx.lang
    out: list[Finding] = []
    for who, person in (("legal_representative", q.legal_representative), ("handler", q.handler)):
        out += _id_type(ctx, who, person.id_type)
        subject = f"{PREFIX}{who}.id_number"
        out += check_id_number(person.id_number, person.id_type, lang, subject, ctx.today)
        out += _validity(ctx, f"{who}.id_validity", person.id_validity, False)
    out += _validity(ctx, "owner.licence_validity", q.owner.licence, True)
    out += check_mobile(q.handler.mobile, lang, f"{PREFIX}handler.mobile")
    out += check_email(q.handler.email, lang, f"{PREFIX}handler.email")
    out += _names(ctx)
    if q.owner.credit_code.strip():  # the parties' codes are the identifiers area's
        from assistant.core.identifiers import check_credit_code

        out += check_credit_code(q.owner.credit_code, lang, f"{PREFIX}owner.credit_code")
    if q.purpose.strip() and q.purpose.strip() not in ("self", "others"):
        out.append(
            finding(
                "qualification.purpose_unknown",
                Severity.ERROR,
                lang,
                f"{PREFIX}purpose",
                value=q.purpose,
            )
        )
    out += _entity(ctx)
    return out


def _id_type(ctx: _Context, who: str, id_type: str) -> list[Finding]:
    from assistant.core.model.qualification import ID_TYPES

    accepted = ctx.rules.id_types
    valid = tuple(accepted) if accepted else ID_TYPES
    if id_type in valid:
        return []
    if id_type not in ID_TYPES:  # not an ID type at all: say what it is, not a name for it
        id_type = id_type[:40]
    shown = ", ".join(text(f"qualification.id_type.{t}", ctx.lang) for t in valid)
    return [
        finding(
            "qualification.id_type_unsupported",
            Severity.ERROR,
            ctx.lang,
            f"{PREFIX}{who}.id_type",
            source=_source_of(ctx.item(f"{who}.id_type")),
            value=id_type,
            valid=shown,
            provider=_provider_name(ctx),
        )
    ]


def _source_of(item: Item | None) -> str | None:
    return item.source if item is not None else None


def _validity(ctx: _Context, field_id: str, validity: Validity, licence: bool) -> list[Finding]:
    rules = ctx.rules
    item = ctx.item(field_id)
    wants = rules.licence_validity == "range" and item is not None and item.need == "required"
    return check_validity(
        validity,
        ctx.lang,
        PREFIX + field_id,
        what=ctx.label(item, f"qualification.what.{field_id}"),
        today=ctx.today,
        needed_days=rules.review_working_days + rules.filing_working_days,
        needed_source=rules.filing_source,
        wants_range=wants,
        range_source=rules.validity_source,
    )


def _names(ctx: _Context) -> list[Finding]:
    from assistant.core.qualification.output import effective_value

    out: list[Finding] = []
    for field_id in ("owner.name", "name", "legal_representative.name", "handler.name"):
        item = ctx.item(field_id)
        value = str(effective_value(ctx.case, field_id) or "")
        if item is None or not value.strip():
            continue
        out += check_name_chars(
            value,
            ctx.lang,
            PREFIX + field_id,
            label=localized(item.label, ctx.lang),
            allowed_symbols=item.allowed_symbols,
            max_length=item.max_length,
            not_all_digits=item.not_all_digits,
            source=item.source,
        )
    return out


def _party(case: Case) -> Any:
    """The signature's owner: the authorizer for others, the applicant for self-use."""
    return case.owner if case.purpose == "others" else case.applicant


def effective_entity_type(case: Case) -> str:
    return case.qualification.owner.entity_type.strip() or _party(case).entity_type.strip()


def _entity(ctx: _Context) -> list[Finding]:
    from assistant.core.findings import make_finding
    from assistant.core.owner import ENTITY_TYPES

    codes = ctx.rules.entity_codes
    entity = effective_entity_type(ctx.case)
    if entity and entity not in ENTITY_TYPES:
        return [
            make_finding(
                Severity.ERROR,
                "qualification.entity_unknown",
                ctx.lang,
                f"{PREFIX}owner.entity_type",
                message_key="owner.entity_unknown",
                value=entity,
                valid=", ".join(ENTITY_TYPES),
            )
        ]
    if not codes or not entity or entity in codes:
        return []
    valid = ", ".join(text(f"owner.entity.{e}", ctx.lang) for e in codes)
    return [
        finding(
            "qualification.entity_unsupported",
            Severity.ERROR,
            ctx.lang,
            f"{PREFIX}owner.entity_type",
            source=_source_of(ctx.item("owner.entity_type")),
            value=text(f"owner.entity.{entity}", ctx.lang) if _has_entity(entity) else entity,
            valid=valid,
            provider=_provider_name(ctx),
        )
    ]


def _has_entity(entity: str) -> bool:
    from assistant.core.i18n import has_text

    return has_text(f"owner.entity.{entity}")


def _provider_name(ctx: _Context) -> str:
    from assistant.core.rules import load_pack

    return localized(load_pack(ctx.case.provider).name, ctx.lang)


def _checklist_documents(case: Case) -> set[str]:
    """The documents the signature's checklist asks for (the attachments area reports those)."""
    from assistant.core.checklist import build_checklist

    try:
        checklist = build_checklist(
            case.provider, case.account, case.purpose, case.type, effective_region(case)
        )
    except Exception:  # an unknown id: the case area says so
        return set()
    return {e.document.id for e in checklist.entries if e.required}


def _documents(ctx: _Context) -> list[Finding]:
    attached = {a.document for a in ctx.case.attachments}
    theirs = _checklist_documents(ctx.case)
    out = []
    for item in ctx.rules.documents_for(ctx.purpose):
        if item.need == "optional" or attached.intersection(item.documents):
            continue
        if theirs.intersection(item.documents):
            continue  # missing already in the attachments area
        severity = _SEVERITY.get(item.need, Severity.INFO)
        code = "qualification.document_missing" + (
            "_conditional" if item.need == "conditional" else ""
        )
        note = " " + localized(item.note, ctx.lang) if item.note else ""
        out.append(
            finding(
                code,
                severity,
                ctx.lang,
                item.documents[0] if len(item.documents) == 1 else f"{PREFIX}licence",
                source=item.source,
                document=localized(item.label, ctx.lang),
                note=note,
            )
        )
    return out


def _consistency(ctx: _Context) -> list[Finding]:
    """The owner here, the signature's owner and the letter's authorizer: one entity."""
    from assistant.core.orgname import bracket_key

    q, case, lang = ctx.q, ctx.case, ctx.lang
    out: list[Finding] = []
    purpose = ctx.purpose
    if purpose in ("self", "others") and purpose != case.purpose:
        out.append(
            finding(
                "qualification.purpose_mismatch",
                Severity.ERROR,
                lang,
                f"{PREFIX}purpose",
                qualification=text(f"qualification.purpose.{purpose}", lang),
                case=text(f"qualification.purpose.{case.purpose}", lang)
                if case.purpose in ("self", "others")
                else case.purpose,
            )
        )
    party, who = (
        (case.owner, "owner") if case.purpose == "others" else (case.applicant, "applicant")
    )
    ours, theirs = q.owner.name.strip(), party.name.strip()
    role = text(f"qualification.role.{who}", lang)
    if ours and theirs and ours != theirs:
        same = bracket_key(ours) == bracket_key(theirs)
        out.append(
            finding(
                "qualification.owner_brackets" if same else "qualification.owner_mismatch",
                Severity.WARNING if same else Severity.ERROR,
                lang,
                f"{PREFIX}owner.name",
                source="public-notes-brackets" if same else None,
                fixed=ours if same else None,
                ours=ours,
                theirs=theirs,
                role=role,
                where=f"{who}.name",
            )
        )
    code_ours, code_theirs = compact_id(q.owner.credit_code), compact_id(party.credit_code)
    if code_ours and code_theirs and code_ours != code_theirs:
        out.append(
            finding(
                "qualification.code_mismatch",
                Severity.ERROR,
                lang,
                f"{PREFIX}owner.credit_code",
                ours=code_ours,
                theirs=code_theirs,
                role=role,
            )
        )
    out += _people(ctx)
    return out


def _people(ctx: _Context) -> list[Finding]:
    """One ID number, two different names: one of them is mistyped."""
    rep, handler = ctx.q.legal_representative, ctx.q.handler
    a, b = compact_id(rep.id_number), compact_id(handler.id_number)
    if a and a == b and rep.name.strip() and rep.name.strip() != handler.name.strip():
        return [
            finding(
                "qualification.same_id_two_names",
                Severity.ERROR,
                ctx.lang,
                f"{PREFIX}handler.id_number",
                rep=rep.name.strip(),
                handler=handler.name.strip(),
            )
        ]
    return []


def _commitment(ctx: _Context) -> list[Finding]:
    """The commitment letter's own content checks (its date, the names' characters), without
    repeating what the fields above already say."""
    if ctx.rules.commitment == "none":
        return []
    from assistant.core.letter import check_commitment
    from assistant.core.qualification.output import commitment_input

    keep = ("letter.date_invalid", "letter.signed_in_future")
    found = check_commitment(commitment_input(ctx.case), ctx.lang, today=ctx.today)
    return [f for f in found if f.code in keep]
