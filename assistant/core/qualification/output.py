"""What the qualification section turns into: the commitment letter's input, the values as the
provider's form takes them, and the step-by-step console page (what to type in which field,
which file to upload where, what happens after approval) for the bundle's README, its
``qualification/steps.txt``, the checklist and the ``qualification`` command.

Values shown are masked where they are ID numbers; the payload of an API that needs them
(Alibaba ``SubmitSmsQualification``, :mod:`assistant.core.providers.alibaba`) is the one place
that holds them in full.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.core.i18n import has_text, localized, text
from assistant.core.model import Case
from assistant.core.model.qualification import Validity
from assistant.core.qualification.checks import mobile_digits
from assistant.core.qualification.privacy import mask_id, redact
from assistant.core.qualification.rules import Item, QualificationRules
from assistant.core.qualification.section import (
    effective_entity_type,
    effective_purpose,
    rules_for,
)

MAX_NAME = 100  # Alibaba QualificationName


@dataclass(frozen=True)
class QualificationFile:
    """A file of the qualification as the user finds it: in the bundle, or next to the case."""

    document: str
    name: str  # e.g. qualification/04-handler-id-portrait.jpg, files/01-business-license.jpg


def _party(case: Case) -> Any:
    return case.owner if case.purpose == "others" else case.applicant


def owner_name(case: Case) -> str:
    """The qualification's owner: as typed here, else the signature's owner of the case."""
    return case.qualification.owner.name.strip() or _party(case).name.strip()


def owner_credit_code(case: Case) -> str:
    code = case.qualification.owner.credit_code.strip() or _party(case).credit_code.strip()
    return re.sub(r"[\s-]", "", code).upper()


def legal_representative_name(case: Case) -> str:
    return (
        case.qualification.legal_representative.name.strip()
        or case.owner.legal_representative.strip()
    )


def effective_value(case: Case, field_id: str) -> Any:
    """A rule-pack field's value with the case's fallbacks (owner, code, legal representative,
    the derived qualification name)."""
    from assistant.core.qualification.section import field_value

    fallbacks = {
        "owner.name": owner_name,
        "owner.credit_code": owner_credit_code,
        "legal_representative.name": legal_representative_name,
        "owner.entity_type": effective_entity_type,
        "purpose": effective_purpose,
        "name": qualification_name,
    }
    if field_id in fallbacks:
        return fallbacks[field_id](case)
    return field_value(case.qualification, field_id)


def qualification_name(case: Case) -> str:
    """The qualification's name: as typed, else the owner's name + 资质 + the administrator's
    name, Chinese, letters and digits only (Alibaba: no symbols), at most 100 characters."""
    typed = case.qualification.name.strip()
    if typed:
        return typed
    raw = f"{owner_name(case)}资质{case.qualification.handler.name.strip()}"
    kept = "".join(
        ch for ch in unicodedata.normalize("NFKC", raw) if unicodedata.category(ch)[0] in "LN"
    )
    return kept[:MAX_NAME]


def commitment_input(case: Case) -> Any:
    """The :class:`~assistant.core.letter.CommitmentInput` of the case's qualification."""
    from assistant.core.letter import CommitmentInput

    c = case.qualification.commitment
    return CommitmentInput(
        provider=case.provider,
        owner_name=owner_name(case),
        owner_credit_code=owner_credit_code(case),
        legal_representative=legal_representative_name(case),
        handler_name=case.qualification.handler.name.strip(),
        signed_on=c.signed_on.isoformat() if c.signed_on else "",
        language=c.language,
        region=case.region,
        template=c.template,
    )


# ------------------------------------------------------------------------------- display
def validity_text(v: Validity, lang: str) -> str:
    """``2020-01-01 ~ 2030-01-01``, ``2020-01-01 ~ long-term (2099-12-31)`` or ""."""
    if v.is_empty():
        return ""
    start = v.valid_from.isoformat() if v.valid_from else "?"
    if v.is_long_term:
        until = text("qualification.long_term", lang)
    else:
        until = v.valid_until.isoformat() if v.valid_until else "?"
    return f"{start} ~ {until}"


def shown_value(case: Case, field_id: str, lang: str) -> str:
    """The value of a field as the steps show it (ID numbers masked; "" when missing)."""
    value = effective_value(case, field_id)
    if isinstance(value, Validity):
        return validity_text(value, lang)
    if field_id.endswith("id_number"):
        return mask_id(value) if value else ""
    if field_id.endswith("id_type") and has_text(f"qualification.id_type.{value}"):
        return text(f"qualification.id_type.{value}", lang)
    if field_id.endswith("entity_type") and has_text(f"owner.entity.{value}"):
        return text(f"owner.entity.{value}", lang)
    if field_id == "purpose" and value in ("self", "others"):
        return text(f"qualification.purpose.{value}", lang)
    return str(value or "").strip()


def _field_lines(case: Case, rules: QualificationRules, lang: str) -> list[str]:
    lines = []
    for item in rules.fields_for(effective_purpose(case)):
        value = shown_value(case, item.id, lang)
        label = localized(item.label, lang)
        if not value:
            shown = text(
                "qualification.steps.value_missing"
                if item.need == "required"
                else "qualification.steps.value_empty",
                lang,
            )
        elif item.id.endswith("id_number"):
            shown = text("qualification.steps.masked", lang, value=value)
        else:
            shown = value
        lines.append(f"       {label}: {shown}")
    return lines


def _file_lines(
    case: Case, rules: QualificationRules, files: Sequence[QualificationFile], lang: str
) -> list[str]:
    lines = []
    for item in rules.documents_for(effective_purpose(case)):
        if item.need == "optional" or item.id == "commitment_letter":
            continue
        names = [f.name for f in files if f.document in item.documents]
        label = localized(item.label, lang)
        if names:
            target = ", ".join(names)
        else:
            key = {"required": "missing", "recommended": "recommended"}.get(item.need, "if_asked")
            target = text(f"qualification.steps.file_{key}", lang)
        lines.append(f"       {label}  ←  {target}")
    return lines


def _commitment_lines(
    case: Case,
    rules: QualificationRules,
    files: Sequence[QualificationFile],
    lang: str,
    letter_file: str | None,
) -> list[str]:
    if rules.commitment == "none":
        return []
    scan = next((f.name for f in files if f.document == "commitment_letter"), "")
    item = rules.document("commitment_letter", effective_purpose(case))
    label = localized(item.label, lang) if item else "commitment_letter"
    return [
        text(
            "qualification.steps.commitment",
            lang,
            file=letter_file or text("qualification.steps.no_letter_file", lang),
            representative=legal_representative_name(case) or "—",
            handler=case.qualification.handler.name.strip() or "—",
            owner=owner_name(case) or "—",
            label=label,
        ),
        *(
            [f"       {label}  ←  {scan}"]
            if scan
            else [f"       {label}  ←  {text('qualification.steps.scan_missing', lang)}"]
        ),
    ]


def steps(
    case: Case,
    lang: str,
    files: Sequence[QualificationFile] = (),
    *,
    letter_file: str | None = None,
    payload_file: str | None = None,
) -> list[str]:
    """The qualification's steps in ``lang`` (empty when the provider and region ask for none):
    where the form is, what to type in each field, which file goes where, the commitment letter,
    the verification code, the review, and what happens after approval."""
    rules = rules_for(case)
    if rules is None:
        return []
    q = case.qualification
    if q.approved_id.strip():
        return [
            text("qualification.steps.approved", lang, id=q.approved_id.strip()),
            *after_approval(rules, lang),
        ]
    t = _t(lang)
    where = t("where", console=localized(rules.console, lang))
    if rules.console_url:
        where += "\n" + t("url", url=rules.console_url)
    out = [
        where,
        "\n".join([t("type"), *_field_lines(case, rules, lang)]),
        "\n".join([t("upload"), *_file_lines(case, rules, files, lang)]),
    ]
    commitment = _commitment_lines(case, rules, files, lang, letter_file)
    if commitment:
        out.append("\n".join(commitment))
    mobile = q.handler.mobile.strip()
    if mobile:
        out.append(t("code", mobile=mobile_digits(mobile) or mobile))
    if payload_file and not rules.console_only:
        out.append(t("api", api=rules.api or "", file=payload_file))
    elif rules.console_only:
        out.append(t("console_only"))
    out.append(
        t("review", days=rules.review_working_days)
        if rules.review_working_days
        else t("review_any")
    )
    return [*out, *after_approval(rules, lang)]


def _t(lang: str) -> Any:
    def t(key: str, **params: Any) -> str:
        return text(f"qualification.steps.{key}", lang, **params)

    return t


def after_approval(rules: QualificationRules, lang: str) -> list[str]:
    """What happens after approval: the qualification id, the carriers' filing carrier by
    carrier, its working days, the six-month lapse."""
    t = _t(lang)
    return [
        t("qualification_id"),
        t("filing", days=rules.filing_working_days),
        t("carriers"),
        t("lapse", months=rules.lapse_months),
    ]


def numbered(items: Sequence[str], indent: str = "") -> list[str]:
    """``1. …``, ``2. …``: each step numbered, its further lines kept under it."""
    out = []
    for n, item in enumerate(items, 1):
        first, *rest = item.split("\n")
        out.append(f"{indent}{n}. {first}")
        out += [f"{indent}{line}" for line in rest]
    return out


def steps_text(case: Case, lang: str, **kwargs: Any) -> str:
    """:func:`steps` numbered, as one text, with a heading; every ID number of the case masked
    once more (in case one was typed into another field)."""
    items = steps(case, lang, **kwargs)
    if not items:
        return ""
    heading = text("qualification.steps.heading", lang)
    lines = [heading, "=" * max(20, min(72, len(heading) * 2)), "", *numbered(items)]
    return redact("\n".join(lines), case.qualification.id_numbers()) + "\n"


def items_for(case: Case) -> tuple[list[Item], list[Item]]:
    """The fields and documents the case's provider asks for (empty without a qualification)."""
    rules = rules_for(case)
    if rules is None:
        return [], []
    purpose = effective_purpose(case)
    return rules.fields_for(purpose), rules.documents_for(purpose)
