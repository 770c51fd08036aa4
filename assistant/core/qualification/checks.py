"""The checks of single qualification values: resident ID numbers (GB 11643, ``stdnum.cn.ric``;
birth date plausible), other ID documents, mainland mobile numbers, e-mail addresses, validity
periods (expired, not yet valid, expiring before the review and the carriers' filing are done,
the format the provider wants) and the characters a provider allows in a name.

Every check returns findings and never raises; a finding that shows an ID number shows it masked
(:func:`~assistant.core.qualification.privacy.mask_id`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from assistant.core.findings import Finding, Severity, make_finding
from assistant.core.model.qualification import LONG_TERM_UNTIL, Validity
from assistant.core.qualification.privacy import mask_id

ADULT_AGE = 18  # a legal representative or an administrator signs for the owner
MAX_AGE = 120
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_RESIDENT_ID = re.compile(r"[0-9]{17}[0-9X]")
_DOCUMENT_NUMBER = re.compile(r"^[A-Za-z0-9()（）-]{5,30}$")


def finding(
    code: str,
    severity: Severity,
    lang: str,
    subject: str | None,
    *,
    source: str | None = None,
    fixed: str | None = None,
    **params: Any,
) -> Finding:
    """A finding of the qualification catalogue (``resources/i18n/qualification.toml``)."""
    return make_finding(severity, code, lang, subject, source=source, fixed_value=fixed, **params)


def compact_id(value: str) -> str:
    """An ID number without spaces or dashes, ``x`` as ``X``."""
    return re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", value or "")).upper()


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# ------------------------------------------------------------------------------- ID numbers
def check_resident_id(
    value: str, lang: str, subject: str, today: dt.date | None = None
) -> list[Finding]:
    """A resident ID number (居民身份证号码, GB 11643-1999): 18 characters, the check character
    right, a real birth date that makes an adult, an address code python-stdnum knows."""
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError

    today = today or dt.date.today()
    number = compact_id(value)
    if not number:
        return []
    shown = mask_id(number)
    src = "gb-11643"
    if len(number) != 18:
        return [
            finding(
                "qualification.id_length",
                Severity.ERROR,
                lang,
                subject,
                source=src,
                number=shown,
                count=len(number),
            )
        ]
    if not _RESIDENT_ID.fullmatch(number):  # ASCII digits only (int() refuses "²" and the like)
        return [
            finding(
                "qualification.id_format", Severity.ERROR, lang, subject, source=src, number=shown
            )
        ]
    if ric.calc_check_digit(number) != number[17]:
        return [
            finding(
                "qualification.id_checksum", Severity.ERROR, lang, subject, source=src, number=shown
            )
        ]
    try:
        born = ric.get_birth_date(number)
    except ValidationError:
        return [
            finding(
                "qualification.id_birth_date",
                Severity.ERROR,
                lang,
                subject,
                source=src,
                number=shown,
            )
        ]
    return _birth_findings(number, born, lang, subject, today)


def _birth_findings(
    number: str, born: dt.date, lang: str, subject: str, today: dt.date
) -> list[Finding]:
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError

    shown, src = mask_id(number), "gb-11643"
    age = age_on(born, today)
    if born > today or born.year < 1900 or age > MAX_AGE:
        return [
            finding(
                "qualification.id_birth_implausible",
                Severity.ERROR,
                lang,
                subject,
                source=src,
                number=shown,
                date=born.isoformat(),
            )
        ]
    out: list[Finding] = []
    if age < ADULT_AGE:
        out.append(
            finding(
                "qualification.id_minor",
                Severity.WARNING,
                lang,
                subject,
                source=src,
                number=shown,
                age=age,
            )
        )
    try:
        ric.get_birth_place(number)
    except (ValidationError, KeyError, ValueError):
        out.append(
            finding(
                "qualification.id_region_unknown",
                Severity.INFO,
                lang,
                subject,
                source=src,
                number=shown,
                area=number[:6],
            )
        )
    return out


def check_id_number(
    value: str, id_type: str, lang: str, subject: str, today: dt.date | None = None
) -> list[Finding]:
    """An ID number of ``id_type``: a resident ID fully, any other document's number for its
    characters and length only (their formats differ by issuer)."""
    if not (value or "").strip():
        return []
    if id_type == "resident_id":
        return check_resident_id(value, lang, subject, today)
    number = compact_id(value)
    if not _DOCUMENT_NUMBER.match(number):
        return [
            finding(
                "qualification.document_number",
                Severity.ERROR,
                lang,
                subject,
                number=mask_id(number),
            )
        ]
    return []


# ------------------------------------------------------------------------------- contacts
def mobile_digits(value: str) -> str:
    """The 11 digits of a mainland mobile number typed with separators or a +86 / 0086 / 86
    prefix ("" when it is none)."""
    digits = re.sub(r"[\s()-]", "", unicodedata.normalize("NFKC", value or ""))
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            digits = digits[len(prefix) :]
            break
    return digits if _MOBILE.match(digits) else ""


def check_mobile(value: str, lang: str, subject: str) -> list[Finding]:
    """A mainland mobile number: 11 digits from 13…–19… (+86, 0086 or 86 before it is fine)."""
    raw = (value or "").strip()
    if not raw:
        return []
    digits = mobile_digits(raw)
    if not digits:
        return [
            finding(
                "qualification.mobile_invalid",
                Severity.ERROR,
                lang,
                subject,
                source="mainland-mobile",
                value=raw,
            )
        ]
    if digits != raw:
        return [
            finding(
                "qualification.mobile_normalized",
                Severity.INFO,
                lang,
                subject,
                source="mainland-mobile",
                fixed=digits,
                value=digits,
            )
        ]
    return []


def check_email(value: str, lang: str, subject: str) -> list[Finding]:
    raw = (value or "").strip()
    if raw and not _EMAIL.match(raw):
        return [finding("qualification.email_invalid", Severity.ERROR, lang, subject, value=raw)]
    return []


# ------------------------------------------------------------------------------- validity
def add_working_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` working days (Monday to Friday; public holidays not counted)."""
    while days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def check_validity(
    validity: Validity,
    lang: str,
    subject: str,
    *,
    what: str,
    today: dt.date | None = None,
    needed_days: int = 0,
    needed_source: str | None = None,
    wants_range: bool = False,
    range_source: str | None = None,
) -> list[Finding]:
    """A validity period: ends after it starts, has started, has not ended, lasts beyond
    ``needed_days`` working days (the review and the carriers' filing), and has both ends when
    the provider wants ``YYYY-MM-DD~YYYY-MM-DD`` (``wants_range``; long-term counts as an end)."""
    today = today or dt.date.today()
    start, until = validity.valid_from, validity.until

    def f(code: str, severity: Severity, source: str | None = None, **params: Any) -> Finding:
        return finding(f"qualification.{code}", severity, lang, subject, source=source,
                       what=what, **params)  # fmt: skip

    def iso(day: dt.date | None) -> str:
        return day.isoformat() if day else ""

    out: list[Finding] = []
    if validity.long_term and validity.valid_until not in (None, LONG_TERM_UNTIL):
        out.append(f("validity_conflict", Severity.WARNING, until=iso(validity.valid_until)))
    if start is not None and until is not None and until < start:
        return [*out, f("validity_order", Severity.ERROR, start=iso(start), until=iso(until))]
    if start is not None and start > today:
        out.append(f("validity_not_started", Severity.ERROR, start=iso(start)))
    if until is not None and until < today:
        out.append(f("validity_expired", Severity.ERROR, until=iso(until)))
    elif until is not None and until < add_working_days(today, needed_days):
        out.append(
            f("validity_expiring", Severity.WARNING, needed_source, until=iso(until),
              days=needed_days)
        )  # fmt: skip
    if wants_range and not validity.is_empty() and (start is None or until is None):
        out.append(f("validity_range", Severity.ERROR, range_source))
    return out


# ------------------------------------------------------------------------------- names
def check_name_chars(
    value: str,
    lang: str,
    subject: str,
    *,
    label: str,
    allowed_symbols: str | None,
    max_length: int | None = None,
    not_all_digits: bool = False,
    source: str | None = None,
) -> list[Finding]:
    """A name the provider's form limits: only letters, digits, Chinese characters and
    ``allowed_symbols`` (None: any), not only digits, at most ``max_length`` characters."""
    name = (value or "").strip()
    if not name:
        return []
    out: list[Finding] = []
    if max_length is not None and len(name) > max_length:
        out.append(
            finding(
                "qualification.name_too_long",
                Severity.ERROR,
                lang,
                subject,
                source=source,
                field=label,
                length=len(name),
                max=max_length,
            )
        )
    if not_all_digits and name.replace(" ", "").isdigit():
        out.append(
            finding(
                "qualification.name_digits",
                Severity.ERROR,
                lang,
                subject,
                source=source,
                field=label,
            )
        )
    if allowed_symbols is not None:
        bad = [
            ch
            for ch in dict.fromkeys(name)
            if not (unicodedata.category(ch)[0] in "LN" or ch in allowed_symbols)
        ]
        if bad:
            shown = " ".join("␠" if ch.isspace() else f"“{ch}”" for ch in bad)
            allowed = " ".join("␠" if ch.isspace() else ch for ch in allowed_symbols) or "—"
            fixed = _without(name, bad, allowed_symbols)
            out.append(
                finding(
                    "qualification.name_symbols",
                    Severity.ERROR,
                    lang,
                    subject,
                    source=source,
                    fixed=fixed or None,
                    field=label,
                    chars=shown,
                    allowed=allowed,
                )
            )
    return out


# Look-alikes a name is often typed with, and the symbol the forms take instead.
_LOOKALIKES = {
    "•": "·",
    "・": "·",
    "．": "·",
    "(": "(",
    "〔": "（",
    "〕": "）",
    "[": "【",
    "]": "】",
}


def _without(name: str, bad: list[str], allowed: str) -> str:
    """``name`` with look-alikes replaced by an allowed symbol and other bad characters left
    out (the fix offered; "" when nothing sensible is left)."""
    out = []
    for ch in name:
        if ch in bad:
            sub = _LOOKALIKES.get(ch, "")
            if sub and sub in allowed:
                out.append(sub)
            continue
        out.append(ch)
    fixed = "".join(out).strip()
    return fixed if fixed and fixed != name else ""
