"""What an authorization letter needs: :class:`LetterInput`, built from the case file's keys.

The keys are those of the case file (``docs/case-format.md``)::

    provider, region, signature_names[],
    owner {name, credit_code, legal_representative}, applicant {name, credit_code},
    letter {valid_from, valid_until, language, risk_bearer, signed_on, template}

Dates are kept as the text the user gave (ISO ``YYYY-MM-DD`` preferred; ``YYYY/MM/DD``,
``YYYY.MM.DD`` and ``YYYY年M月D日`` are read too) and parsed by the checks, which report a date
that cannot be read. Nothing here raises on bad input: :meth:`LetterInput.from_mapping` returns
findings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.core.findings import Finding, Severity, make_finding
from assistant.core.rules import PROVIDERS

LETTER_LANGUAGES = ("zh", "en")
DEFAULT_LETTER_LANGUAGE = "zh"

_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A date from ISO or common Chinese forms; None when empty or not a real date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    match = _DATE_RE.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _date_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Party:
    name: str = ""
    credit_code: str = ""
    legal_representative: str = ""  # the authorizer's; empty for the applicant


@dataclass(frozen=True)
class LetterInput:
    """Everything the letter is filled with. ``risk_bearer`` empty means the owner bears the risk."""

    provider: str
    signature_names: tuple[str, ...] = ()
    owner: Party = field(default_factory=Party)
    applicant: Party = field(default_factory=Party)
    valid_from: str = ""
    valid_until: str = ""
    language: str = DEFAULT_LETTER_LANGUAGE
    risk_bearer: str = ""
    signed_on: str = ""  # empty: a blank for the date written by hand when signing
    region: str | None = None
    template: str = ""  # a .docx path chosen by the user; empty for the bundled template

    @property
    def effective_risk_bearer(self) -> str:
        return self.risk_bearer.strip() or self.owner.name.strip()

    @property
    def letter_language(self) -> str:
        lang = self.language.strip().lower().replace("_", "-").split("-")[0]
        return lang if lang in LETTER_LANGUAGES else DEFAULT_LETTER_LANGUAGE

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_mapping(cls, data: Any, lang: str = "en") -> tuple[LetterInput | None, list[Finding]]:
        """Read the case-file keys from ``data`` (a parsed JSON object or the case's dict).

        Returns ``(None, findings)`` when no letter can be made at all (not an object, no known
        provider); otherwise the input and findings about keys of the wrong type. Keys that are
        not the letter's are ignored (the case file has more).
        """
        if not isinstance(data, Mapping):
            return None, [_f("letter.not_an_object", Severity.ERROR, lang, None)]
        provider = data.get("provider")
        if not isinstance(provider, str) or provider not in PROVIDERS:
            shown = provider if isinstance(provider, str) else ""
            return None, [provider_unknown(shown, lang)]

        read = _Reader(lang)
        names = read.names(data.get("signature_names", []))  # (findings in reading order)
        owner, applicant = read.obj(data, "owner"), read.obj(data, "applicant")
        letter = read.obj(data, "letter")
        region = data.get("region")
        inp = cls(
            provider=provider,
            signature_names=names,
            owner=Party(
                name=read.string(owner, "owner.name"),
                credit_code=read.string(owner, "owner.credit_code"),
                legal_representative=read.string(owner, "owner.legal_representative"),
            ),
            applicant=Party(
                name=read.string(applicant, "applicant.name"),
                credit_code=read.string(applicant, "applicant.credit_code"),
            ),
            valid_from=read.string(letter, "letter.valid_from"),
            valid_until=read.string(letter, "letter.valid_until"),
            language=read.string(letter, "letter.language") or DEFAULT_LETTER_LANGUAGE,
            risk_bearer=read.string(letter, "letter.risk_bearer"),
            signed_on=read.string(letter, "letter.signed_on"),
            region=region if isinstance(region, str) and region else None,
            template=read.string(letter, "letter.template"),
        )
        return inp, read.findings

    @classmethod
    def from_case(cls, case: Any) -> LetterInput:
        """From an object with the case's attributes (``assistant.core.model.Case``), duck-typed."""

        def attr(obj: Any, name: str) -> str:
            value = getattr(obj, name, "") if obj is not None else ""
            return _date_text(value)

        owner = getattr(case, "owner", None)
        applicant = getattr(case, "applicant", None)
        letter = getattr(case, "letter", None)
        names = getattr(case, "signature_names", ()) or ()
        return cls(
            provider=str(getattr(case, "provider", "")),
            signature_names=tuple(n for n in names if isinstance(n, str)),
            owner=Party(
                name=attr(owner, "name"),
                credit_code=attr(owner, "credit_code"),
                legal_representative=attr(owner, "legal_representative"),
            ),
            applicant=Party(
                name=attr(applicant, "name"), credit_code=attr(applicant, "credit_code")
            ),
            valid_from=attr(letter, "valid_from"),
            valid_until=attr(letter, "valid_until"),
            language=attr(letter, "language") or DEFAULT_LETTER_LANGUAGE,
            risk_bearer=attr(letter, "risk_bearer"),
            signed_on=attr(letter, "signed_on"),
            region=getattr(case, "region", None) or None,
            template=attr(letter, "template"),
        )


class _Reader:
    """Values of a parsed JSON object, with a ``letter.wrong_type`` finding for each key of the
    wrong type (the value then counts as empty)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.findings: list[Finding] = []

    def wrong_type(self, where: str, expected: str) -> None:
        self.findings.append(
            _f(
                "letter.wrong_type",
                Severity.ERROR,
                self.lang,
                where,
                field=where,
                expected=expected,
            )
        )

    def string(self, obj: Mapping[str, Any], where: str) -> str:
        """The text at key ``where``'s last part (``owner.name`` -> ``name``) of ``obj``."""
        value = obj.get(where.rsplit(".", 1)[-1])
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return _date_text(value)
        if not isinstance(value, str):
            self.wrong_type(where, "text")
            return ""
        return value

    def obj(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.wrong_type(key, "object")
            return {}
        return value

    def names(self, raw: Any) -> tuple[str, ...]:
        """``signature_names``: a list of texts (one text is read as a list of one)."""
        if isinstance(raw, str):
            return (raw,)
        if not isinstance(raw, list | tuple):
            self.wrong_type("signature_names", "list")
            return ()
        names: list[str] = []
        for i, item in enumerate(raw):
            if isinstance(item, str):
                names.append(item)
            else:
                self.wrong_type(f"signature_names[{i}]", "text")
        return tuple(names)


def provider_unknown(value: str, lang: str) -> Finding:
    return _f(
        "letter.provider_unknown",
        Severity.ERROR,
        lang,
        "provider",
        value=value,
        valid=", ".join(PROVIDERS),
    )


def _f(code: str, severity: Severity, lang: str, subject: str | None, **params: Any) -> Finding:
    """A finding of this package: message ``code`` and, when the catalogue has one, ``code.fix``."""
    return make_finding(severity, code, lang, subject, **params)
