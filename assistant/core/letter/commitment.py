"""The commitment letter (合规使用承诺函 / 安全合规使用承诺书) of an SMS qualification (issue #11).

The qualification's owner — the entity on the licence — commits to using the SMS service
lawfully; its legal representative and the qualification's handler (经办人 / 管理员) sign it and
the owner stamps its seal. Tencent asks for it in 实名资质管理 together with the legal
representative's and the administrator's data ("提交企业实名资料，包括但不限于法人信息、管理员信息、
合规使用承诺函等": 签名实名制报备, https://cloud.tencent.com/document/product/382, 2025-04-11, read
2026-12-01 through a copy; a 2024 walkthrough calls it "安全合规使用承诺书",
https://blog.csdn.net/u012069313/article/details/140821160). Alibaba's qualification has no
commitment-letter field (``SubmitSmsQualification``: a 资质授权 box to tick, ``OtherFiles`` for
further material; https://help.aliyun.com/zh/sms/user-guide/apply-qualification); Huawei's
qualification FAQ asks for none. Which provider requires it is the rule packs' business.

The providers' own wording is a console download that no public page reproduces; the bundled
text commits to what the law asks of a sender of SMS: true qualification data, signatures and
templates of its own business, no prohibited content (中华人民共和国电信条例 第五十六条), no
commercial message without the recipient's consent and an easy way to refuse
(通信短信息服务管理规定, 工业和信息化部令第31号, 2015), lawful handling of recipients' personal
information (个人信息保护法), cooperation with real-name filing.

    inp = CommitmentInput(provider="tencent", owner_name=..., owner_credit_code=..., ...)
    result = fill_commitment_letter(inp, "commitment.docx", lang="zh")
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from assistant.core.evidence.letter_qr import (
    _code,
    _date,
    case_key,
    encode_payload,
    fields_digest,
    normalize_value,
)
from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.identifiers import check_credit_code
from assistant.core.letter.checks import check_party_name, field_label
from assistant.core.letter.document import LetterResult, LetterSpec, fill_document
from assistant.core.letter.engine import Value
from assistant.core.letter.fill import date_value, given_value, provider_name
from assistant.core.letter.model import (
    DEFAULT_LETTER_LANGUAGE,
    LETTER_LANGUAGES,
    _f,
    parse_date,
    provider_unknown,
)
from assistant.core.rules import PROVIDERS, load_pack

# What the committing party's placeholders and fields are called in findings (``subject``).
SUBJECTS = {
    "provider": "provider",
    "owner_name": "commitment.owner_name",
    "owner_credit_code": "commitment.owner_credit_code",
    "owner_legal_representative": "commitment.legal_representative",
    "handler_name": "commitment.handler_name",
    "signed_on": "commitment.signed_on",
}
LABEL_FIELDS = tuple(SUBJECTS)
ESSENTIAL = (
    ("owner_name", SUBJECTS["owner_name"], "letter.essential.commit.owner_name"),
    ("owner_credit_code", SUBJECTS["owner_credit_code"], "letter.essential.commit.owner_code"),
)


@dataclass(frozen=True)
class CommitmentInput:
    """What the commitment letter is filled with; the case's qualification section maps to it.

    Names and the code exactly as on the owner's licence; ``signed_on`` an ISO date (empty: a
    blank to write by hand); ``template`` a .docx of the user's (or ``zh``/``en``; empty: the
    bundled template of ``language``)."""

    provider: str
    owner_name: str = ""
    owner_credit_code: str = ""
    legal_representative: str = ""
    handler_name: str = ""
    signed_on: str = ""
    language: str = DEFAULT_LETTER_LANGUAGE
    region: str | None = None
    template: str = ""

    @property
    def letter_language(self) -> str:
        lang = self.language.strip().lower().replace("_", "-").split("-")[0]
        return lang if lang in LETTER_LANGUAGES else DEFAULT_LETTER_LANGUAGE


def commitment_fields(inp: CommitmentInput) -> dict[str, Any]:
    """The ``commit`` fields of the QR digest (``docs/letter-qr.md``), as filled."""
    return {
        "provider": normalize_value(inp.provider),
        "owner_name": normalize_value(inp.owner_name),
        "owner_credit_code": _code(inp.owner_credit_code),
        "owner_legal_representative": normalize_value(inp.legal_representative),
        "handler_name": normalize_value(inp.handler_name),
        "signed_on": _date(inp.signed_on),
        "language": inp.letter_language,
    }


def commitment_payload(inp: CommitmentInput) -> str:
    """``SMSA1|<case key>|<digest>|commit``; the case key names the owner (no second party)."""
    key = case_key(inp.provider, inp.owner_credit_code, "")
    return encode_payload("commit", key, fields_digest(commitment_fields(inp)))


def commitment_values(inp: CommitmentInput) -> dict[str, Value]:
    """The text of each placeholder of the commitment letter, in its language."""
    lang = inp.letter_language
    return {
        "provider": given_value(provider_name(inp.provider, lang), lang),
        "owner_name": given_value(inp.owner_name, lang),
        "owner_credit_code": given_value(inp.owner_credit_code.strip().upper(), lang),
        "owner_legal_representative": given_value(inp.legal_representative, lang),
        "handler_name": given_value(inp.handler_name, lang),
        "signed_on": date_value(inp.signed_on, lang, "letter.doc.date_blank"),
        "letter_code": Value(commitment_payload(inp)),
    }


def check_commitment(
    inp: CommitmentInput, lang: str = "en", *, today: dt.date | None = None
) -> list[Finding]:
    """The content checks of a commitment letter, errors first (never raises)."""
    if inp.provider not in PROVIDERS:
        return [provider_unknown(inp.provider, lang)]
    pack = load_pack(inp.provider)
    region = pack.region_or_default(inp.region if inp.region in pack.region_ids else None)
    findings: list[Finding] = []
    for key, value, severity in (
        ("owner_name", inp.owner_name, Severity.ERROR),
        ("owner_credit_code", inp.owner_credit_code, Severity.ERROR),
        ("owner_legal_representative", inp.legal_representative, Severity.WARNING),
        ("handler_name", inp.handler_name, Severity.WARNING),
    ):
        subject = SUBJECTS[key]
        if not value.strip():
            label = field_label(subject, lang)
            findings.append(_f("letter.missing", severity, lang, subject, field=label))
    if inp.owner_credit_code.strip():
        code = inp.owner_credit_code
        findings += check_credit_code(code, lang=lang, subject=SUBJECTS["owner_credit_code"])
    findings += check_party_name(inp.owner_name, SUBJECTS["owner_name"], pack, region, lang)
    findings += _check_signed_on(inp.signed_on, lang, today or dt.date.today())
    return sort_findings(findings)


def _check_signed_on(value: str, lang: str, today: dt.date) -> list[Finding]:
    subject = SUBJECTS["signed_on"]
    if not value.strip():
        return []
    day = parse_date(value)
    if day is None:
        label = field_label(subject, lang)
        return [_f("letter.date_invalid", Severity.ERROR, lang, subject, field=label, value=value)]
    if day > today:
        return [
            _f("letter.signed_in_future", Severity.WARNING, lang, subject, date=day.isoformat())
        ]
    return []


def fill_commitment_letter(
    inp: CommitmentInput,
    output: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    lang: str = "en",
    *,
    today: dt.date | None = None,
    check: bool = True,
) -> LetterResult:
    """Check ``inp``, fill the commitment letter (the bundled template of its language, or
    ``template`` / ``inp.template``, a user's .docx with placeholders or labels) and write it to
    ``output`` atomically, with the findings and how to sign and seal it."""
    findings = check_commitment(inp, lang, today=today) if check else []
    spec = LetterSpec(
        kind="commit",
        language=inp.letter_language,
        values=commitment_values(inp),
        label_fields=LABEL_FIELDS,
        essential=ESSENTIAL,
        notes=(_sign_and_seal(inp, lang),),
        subjects=SUBJECTS,
    )
    return fill_document(spec, output, template or inp.template, lang, findings)


def _sign_and_seal(inp: CommitmentInput, lang: str) -> Finding:
    return _f(
        "letter.commit_sign_and_seal",
        Severity.INFO,
        lang,
        None,
        representative=inp.legal_representative.strip()
        or field_label(SUBJECTS["owner_legal_representative"], lang),
        handler=inp.handler_name.strip() or field_label(SUBJECTS["handler_name"], lang),
        owner=inp.owner_name.strip() or field_label(SUBJECTS["owner_name"], lang),
    )
