"""Fill an authorization letter: :func:`fill_letter` (check, fill, write atomically)."""

from __future__ import annotations

import datetime as dt
import os

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import localized, text
from assistant.core.letter.checks import check_letter, field_label
from assistant.core.letter.document import (
    LetterResult,
    LetterSpec,
    bundled_ids,
    fill_document,
    resolve_template,
    template_path,
)
from assistant.core.letter.engine import Value
from assistant.core.letter.model import LetterInput, _f, parse_date
from assistant.core.letter.qr import authorization_payload
from assistant.core.rules import PROVIDERS, load_pack

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Fields a letter must show somewhere; a user's template that has no place for one is reported:
# (field, subject, what it is).
ESSENTIAL = (
    ("owner_name", "owner.name", "letter.essential.owner_name"),
    ("owner_credit_code", "owner.credit_code", "letter.essential.owner_credit_code"),
    ("applicant_name", "applicant.name", "letter.essential.applicant_name"),
    ("signatures", "signature_names", "letter.essential.signatures"),
    ("validity", "letter.valid_until", "letter.essential.validity"),
)
# Ids of the bundled templates a case file may name instead of a path (``letter.template``).
BUNDLED_TEMPLATES = bundled_ids("auth")


def format_date(day: dt.date, language: str) -> str:
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def given_value(value: str, lang: str, blank_key: str = "letter.doc.blank") -> Value:
    """A text as filled, or a hand-writing blank when it is empty."""
    value = value.strip()
    return Value(value) if value else Value(text(blank_key, lang), missing=True)


def date_value(raw: str, lang: str, blank_key: str = "letter.doc.blank") -> Value:
    """A date in the letter's language (text that is no date as given), or a blank."""
    day = parse_date(raw)
    if day is not None:
        return Value(format_date(day, lang))
    return Value(raw.strip()) if raw.strip() else Value(text(blank_key, lang), missing=True)


def provider_name(provider: str, lang: str) -> str:
    """The provider's name in the letter's language (empty for an unknown provider)."""
    return localized(load_pack(provider).name, lang) if provider in PROVIDERS else ""


def letter_values(inp: LetterInput) -> dict[str, Value]:
    """The text of every placeholder, in the letter's language; blanks where input is missing."""
    lang = inp.letter_language

    def given(value: str) -> Value:
        return given_value(value, lang)

    names = [n.strip() for n in inp.signature_names if n.strip()]
    start, end = date_value(inp.valid_from, lang), date_value(inp.valid_until, lang)
    return {
        "provider": given(provider_name(inp.provider, lang)),
        "owner_name": given(inp.owner.name),
        "owner_credit_code": given(inp.owner.credit_code.strip().upper()),
        "owner_legal_representative": given(inp.owner.legal_representative),
        "applicant_name": given(inp.applicant.name),
        "applicant_credit_code": given(inp.applicant.credit_code.strip().upper()),
        "risk_bearer": given(inp.effective_risk_bearer),
        "signature_names": Value(text("letter.doc.joiner", lang).join(names))
        if names
        else Value(text("letter.doc.blank", lang), missing=True),
        "signature_count": Value(str(len(names))),
        "valid_from": start,
        "valid_until": end,
        "validity": Value(
            text("letter.doc.validity", lang, start=start.text, end=end.text),
            missing=start.missing or end.missing,
        ),
        "signed_on": date_value(inp.signed_on, lang, "letter.doc.date_blank"),
        "letter_code": Value(authorization_payload(inp)),
    }


def fill_letter(
    inp: LetterInput,
    output: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    lang: str = "en",
    *,
    today: dt.date | None = None,
    check: bool = True,
) -> LetterResult:
    """Check ``inp``, fill ``template`` (default: the bundled one of the letter's language, or
    ``inp.template``) and write the letter to ``output`` atomically.

    The template file is only read. The letter is written even when the checks found errors (so
    the user can see it); the findings say what is wrong. Nothing is written when the template
    cannot be read or ``output`` is the template.
    """
    findings: list[Finding] = list(check_letter(inp, lang, today=today)) if check else []
    spec = LetterSpec(
        kind="auth",
        language=inp.letter_language,
        values=letter_values(inp),
        label_fields=FIELDS,
        essential=ESSENTIAL,
        notes=(_sign_and_seal(inp, lang),),
        signatures=tuple(n.strip() for n in inp.signature_names if n.strip()),
    )
    return fill_document(spec, output, template or inp.template, lang, findings)


# The fields the engine fills; in a user's template, labels fill those no placeholder placed.
FIELDS = (
    "owner_name",
    "owner_credit_code",
    "owner_legal_representative",
    "applicant_name",
    "applicant_credit_code",
    "risk_bearer",
    "validity",
    "signature_names",
    "provider",
    "valid_from",
    "valid_until",
    "signed_on",
)


def _sign_and_seal(inp: LetterInput, lang: str) -> Finding:
    """How to sign and seal the letter before scanning it."""
    return _f(
        "letter.sign_and_seal",
        Severity.INFO,
        lang,
        None,
        representative=inp.owner.legal_representative.strip()
        or field_label("owner.legal_representative", lang),
        owner=inp.owner.name.strip() or field_label("owner.name", lang),
    )


__all__ = [
    "BUNDLED_TEMPLATES",
    "LetterResult",
    "fill_letter",
    "format_date",
    "letter_values",
    "resolve_template",
    "template_path",
]
