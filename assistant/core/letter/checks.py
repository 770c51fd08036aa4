"""Checks of an authorization letter's content, before it is filled (findings, never raises).

Sources: seed 003 (授权书 rejection reasons: unsigned, wrong seal, no date, short validity, wrong
authorizer / authorized party / risk bearer), research/providers.md (Alibaba
CreateSmsAuthorizationLetter fields, Huawei validity >= 6 months). Validity limits and the number
of signatures come from the rule packs (``letter.min_validity_months``,
``letter.max_validity_months``, ``letter.max_signatures``), with the severity the pack gives.
"""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata
from dataclasses import replace
from typing import Any

from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import text
from assistant.core.identifiers import check_credit_code
from assistant.core.letter.model import (
    LETTER_LANGUAGES,
    LetterInput,
    _f,
    parse_date,
    provider_unknown,
)
from assistant.core.names import check_name
from assistant.core.rules import PROVIDERS, EffectiveRule, RulePack, load_pack

# The symbols a party's name may contain besides letters and digits: Alibaba's
# CreateSmsAuthorizationLetter (``Authorization``: only ·, 【】, （）, () and spaces).
PARTY_NAME_SYMBOLS = frozenset("·【】（）() ")
# Look-alikes of the middle dot that people type instead of "·".
_DOT_LOOKALIKES = {"•": "·", "・": "·", "‧": "·", "∙": "·", "⋅": "·", "･": "·", "．": "·"}
PARTY_RULE = "letter.party_name_symbols"  # severity in the packs; warning where a pack has none
EXPIRY_WARNING_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def whole_months(start: dt.date, last_day: dt.date) -> int:
    """Whole months from ``start`` to ``last_day`` inclusive (2026-01-01..2026-12-31 is 12)."""
    end = last_day + dt.timedelta(days=1)
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def party_key(name: str) -> str:
    """How two party names are compared: NFKC, case-folded, without white space."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def code_key(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


def _severity(pack: RulePack, rule_id: str, region: str | None, default: Severity) -> Severity:
    rule = pack.rule(rule_id, region)
    return Severity(rule.severity) if rule is not None and rule.severity else default


def _source(pack: RulePack, rule_id: str, region: str | None) -> str | None:
    rule = pack.rule(rule_id, region)
    return rule.sources[0] if rule is not None and rule.sources else None


def _rule_finding(
    rule: EffectiveRule,
    default: Severity,
    code: str,
    lang: str,
    subject: str,
    fixed_value: str | None = None,
    **params: Any,
) -> Finding:
    """A finding of a rule-pack rule: the rule's severity (``default`` where the pack gives
    none) and its first source."""
    severity = Severity(rule.severity) if rule.severity else default
    finding = _f(code, severity, lang, subject, **params)
    return replace(
        finding, source=rule.sources[0] if rule.sources else None, fixed_value=fixed_value
    )


def field_label(subject: str, lang: str) -> str:
    """The user-facing name of an input field (``owner.name`` -> "authorizer's name")."""
    return text(f"letter.field.{subject}", lang)


def check_party_name(
    value: str, subject: str, pack: RulePack, region: str | None, lang: str
) -> list[Finding]:
    findings: list[Finding] = []
    name = value.strip()
    if not name:
        return findings
    label = field_label(subject, lang)
    if all(ch.isdigit() or ch.isspace() for ch in name):
        findings.append(_f("letter.party_name_digits", Severity.ERROR, lang, subject, field=label))
        return findings
    bad = [
        ch
        for ch in dict.fromkeys(name)
        if not (unicodedata.category(ch)[0] in "LN" or ch in PARTY_NAME_SYMBOLS)
    ]
    if bad:
        fixed = "".join(_DOT_LOOKALIKES.get(ch, ch) for ch in name)
        severity = _severity(pack, PARTY_RULE, region, Severity.WARNING)
        shown = " ".join(f"“{ch}”" if not ch.isspace() else repr(ch) for ch in bad)
        finding = _f("letter.party_name_symbols", severity, lang, subject, field=label, chars=shown)
        finding = replace(finding, source=_source(pack, PARTY_RULE, region) or "alibaba-api")
        if fixed != name and all(
            unicodedata.category(ch)[0] in "LN" or ch in PARTY_NAME_SYMBOLS for ch in fixed
        ):
            finding = replace(finding, fixed_value=fixed)
        findings.append(finding)
    return findings


def _check_parties(inp: LetterInput, pack: RulePack, lang: str) -> list[Finding]:
    findings: list[Finding] = []
    required = (
        ("owner.name", inp.owner.name, Severity.ERROR),
        ("owner.credit_code", inp.owner.credit_code, Severity.ERROR),
        ("owner.legal_representative", inp.owner.legal_representative, Severity.WARNING),
        ("applicant.name", inp.applicant.name, Severity.ERROR),
        ("applicant.credit_code", inp.applicant.credit_code, Severity.ERROR),
    )
    for subject, value, severity in required:
        if not value.strip():
            findings.append(
                _f("letter.missing", severity, lang, subject, field=field_label(subject, lang))
            )
    for subject, value in (
        ("owner.credit_code", inp.owner.credit_code),
        ("applicant.credit_code", inp.applicant.credit_code),
    ):
        if value.strip():
            findings.extend(check_credit_code(value, lang=lang, subject=subject))
    return findings + _check_party_pair(inp, pack, lang)


def _check_party_pair(inp: LetterInput, pack: RulePack, lang: str) -> list[Finding]:
    """The parties as a pair: authorizer ≠ authorized party, the risk bearer, their names' symbols."""
    findings: list[Finding] = []
    owner, applicant = party_key(inp.owner.name), party_key(inp.applicant.name)
    if owner and owner == applicant:
        findings.append(_f("letter.same_party", Severity.ERROR, lang, "applicant.name"))
    owner_code, applicant_code = (
        code_key(inp.owner.credit_code),
        code_key(inp.applicant.credit_code),
    )
    if owner_code and owner_code == applicant_code and owner != applicant:
        findings.append(_f("letter.same_code", Severity.ERROR, lang, "applicant.credit_code"))
    region = pack.region_or_default(inp.region)
    if inp.risk_bearer.strip() and owner and party_key(inp.risk_bearer) != owner:
        # seed 003: 风险承担方填写错误 is a rejection reason (the packs' letter.risk_bearer_not_owner)
        rule_id = "letter.risk_bearer_not_owner"
        finding = _f(
            rule_id,
            _severity(pack, rule_id, region, Severity.ERROR),
            lang,
            "letter.risk_bearer",
            risk_bearer=inp.risk_bearer.strip(),
            owner=inp.owner.name.strip(),
        )
        findings.append(replace(finding, source=_source(pack, rule_id, region) or "seed-003"))
    # (the legal representative is a person: no provider restricts the symbols of their name)
    for subject, value in (
        ("owner.name", inp.owner.name),
        ("applicant.name", inp.applicant.name),
        ("letter.risk_bearer", inp.risk_bearer),
    ):
        findings.extend(check_party_name(value, subject, pack, region, lang))
    return findings


def _check_signatures(inp: LetterInput, pack: RulePack, lang: str, names: bool) -> list[Finding]:
    findings: list[Finding] = []
    region = pack.region_or_default(inp.region)
    listed = [n for n in inp.signature_names if n.strip()]
    if not listed:
        return [_f("letter.no_signatures", Severity.ERROR, lang, "signature_names")]
    rule = pack.rule("letter.max_signatures", region)
    if rule is not None and len(listed) > int(rule.value):
        findings.append(
            _rule_finding(
                rule,
                Severity.ERROR,
                "letter.too_many_signatures",
                lang,
                "signature_names",
                count=len(listed),
                max=rule.value,
            )
        )
    seen: set[str] = set()
    for i, name in enumerate(inp.signature_names):
        subject = f"signature_names[{i}]"
        key = party_key(name)
        if not key:
            findings.append(
                _f("letter.empty_signature", Severity.WARNING, lang, subject, index=i + 1)
            )
            continue
        if key in seen:
            findings.append(
                _f("letter.duplicate_signature", Severity.WARNING, lang, subject, name=name.strip())
            )
            continue
        seen.add(key)
        if names:
            for f in check_name(name, inp.provider, inp.region, lang=lang):
                findings.append(replace(f, subject=subject, message=f"“{name}”: {f.message}"))
    return findings


def _parse_dates(inp: LetterInput, lang: str) -> tuple[dict[str, dt.date | None], list[Finding]]:
    """The letter's dates by subject (None when empty or unreadable) and findings about them."""
    findings: list[Finding] = []
    dates: dict[str, dt.date | None] = {}
    for subject, value, required in (
        ("letter.valid_from", inp.valid_from, True),
        ("letter.valid_until", inp.valid_until, True),
        ("letter.signed_on", inp.signed_on, False),
    ):
        label = field_label(subject, lang)
        dates[subject] = parse_date(value) if value.strip() else None
        if not value.strip():
            if required:
                findings.append(_f("letter.missing", Severity.ERROR, lang, subject, field=label))
        elif dates[subject] is None:
            findings.append(
                _f("letter.date_invalid", Severity.ERROR, lang, subject, field=label, value=value)
            )
    return dates, findings


def _check_validity_length(
    start: dt.date, end: dt.date, pack: RulePack, region: str | None, lang: str
) -> list[Finding]:
    """The period against the pack's ``letter.min_validity_months`` / ``max_validity_months``."""
    findings: list[Finding] = []
    months = whole_months(start, end)
    provider = _provider_name(pack, lang)

    def last_day(rule: EffectiveRule) -> str:  # of a validity of the rule's months
        return (add_months(start, int(rule.value)) - dt.timedelta(days=1)).isoformat()

    def limit(rule: EffectiveRule, code: str, **params: Any) -> None:
        findings.append(
            _rule_finding(
                rule,
                Severity.WARNING,
                code,
                lang,
                "letter.valid_until",
                fixed_value=last_day(rule),
                months=months,
                provider=provider,
                **params,
            )
        )

    low = pack.rule("letter.min_validity_months", region)
    if low is not None and months < int(low.value):
        limit(low, "letter.validity_too_short", min=low.value, suggested=last_day(low))
    high = pack.rule("letter.max_validity_months", region)
    if high is not None and add_months(start, int(high.value)) <= end:
        limit(high, "letter.validity_too_long", max=high.value)
    return findings


def _check_timing(
    start: dt.date | None, end: dt.date | None, signed: dt.date | None, today: dt.date, lang: str
) -> list[Finding]:
    """The dates against today: expired, expiring soon, not yet valid, signed in the future or
    after the end."""
    findings: list[Finding] = []

    def add(code: str, severity: Severity, subject: str, **params: Any) -> None:
        findings.append(_f(code, severity, lang, subject, **params))

    if end is not None and (start is None or end >= start):
        if end < today:
            add("letter.expired", Severity.ERROR, "letter.valid_until", end=end.isoformat())
        elif (end - today).days < EXPIRY_WARNING_DAYS:
            days = (end - today).days
            add(
                "letter.expires_soon",
                Severity.WARNING,
                "letter.valid_until",
                end=end.isoformat(),
                days=days,
            )
    if start is not None and start > today:
        add("letter.not_yet_valid", Severity.WARNING, "letter.valid_from", start=start.isoformat())
    if signed is not None:
        if signed > today:
            add(
                "letter.signed_in_future",
                Severity.WARNING,
                "letter.signed_on",
                date=signed.isoformat(),
            )
        if end is not None and signed > end:
            add(
                "letter.signed_after_end",
                Severity.ERROR,
                "letter.signed_on",
                date=signed.isoformat(),
            )
    return findings


def _check_dates(inp: LetterInput, pack: RulePack, lang: str, today: dt.date) -> list[Finding]:
    dates, findings = _parse_dates(inp, lang)
    start, end = dates["letter.valid_from"], dates["letter.valid_until"]
    if start is not None and end is not None:
        if end < start:
            findings.append(
                _f(
                    "letter.validity_reversed",
                    Severity.ERROR,
                    lang,
                    "letter.valid_until",
                    start=start.isoformat(),
                    end=end.isoformat(),
                )
            )
        else:
            region = pack.region_or_default(inp.region)
            findings.extend(_check_validity_length(start, end, pack, region, lang))
    return findings + _check_timing(start, end, dates["letter.signed_on"], today, lang)


def _provider_name(pack: RulePack, lang: str) -> str:
    from assistant.core.i18n import localized

    return localized(pack.name, lang)


def check_parties(case: Any, lang: str = "en") -> list[Finding]:
    """The letter's checks of the parties as a pair, for a case applying for others (the wizard's
    Parties page shows them live; credit codes are checked field by field there)."""
    inp = LetterInput.from_case(case)
    if getattr(case, "purpose", "others") != "others" or inp.provider not in PROVIDERS:
        return []
    return sort_findings(_check_party_pair(inp, load_pack(inp.provider), lang))


def check_letter(
    inp: LetterInput | Any,
    lang: str = "en",
    *,
    today: dt.date | None = None,
    names: bool = True,
) -> list[Finding]:
    """Every finding about the letter's content, errors first.

    ``inp`` is a :class:`LetterInput` (or a case object, read with :meth:`LetterInput.from_case`).
    ``names=False`` leaves out the signature-name checks, for a caller that runs them already.
    ``today`` is for tests.
    """
    if not isinstance(inp, LetterInput):
        inp = LetterInput.from_case(inp)
    today = today or dt.date.today()
    if inp.provider not in PROVIDERS:
        return [provider_unknown(inp.provider, lang)]
    pack = load_pack(inp.provider)
    findings: list[Finding] = []
    if inp.region is not None and inp.region not in pack.region_ids:
        findings.append(
            _f(
                "letter.region_unknown",
                Severity.ERROR,
                lang,
                "region",
                value=inp.region,
                valid=", ".join(pack.region_ids) or "-",
            )
        )
        inp = replace(inp, region=None)
    lang_key = inp.language.strip().lower().replace("_", "-").split("-")[0]
    if lang_key not in LETTER_LANGUAGES:
        findings.append(
            _f(
                "letter.language_unknown",
                Severity.WARNING,
                lang,
                "letter.language",
                value=inp.language,
                valid=", ".join(LETTER_LANGUAGES),
                used=inp.letter_language,
            )
        )
    findings.extend(_check_parties(inp, pack, lang))
    findings.extend(_check_signatures(inp, pack, lang, names))
    findings.extend(_check_dates(inp, pack, lang, today))
    return sort_findings(findings)
