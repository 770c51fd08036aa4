"""The placeholders of the letter templates (authorization and commitment letter): the ONE list
the fill engine, the template builder (``packaging/build_templates.py``) and
``docs/letter-placeholders.md`` all follow. Each letter fills the ones it has values for.

A placeholder is written ``{{name}}`` anywhere in a .docx (body, tables, headers, footers, text
boxes); spaces inside the braces are allowed, and Word may split it across runs. Row placeholders
(``signature_no``, ``signature_name``) make the table row (or paragraph) that holds them repeat for
the signatures: a row with *k* ``{{signature_name}}`` cells takes *k* signatures per copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Placeholder:
    name: str
    subject: str  # the input field it comes from (a finding's ``subject``)
    en: str  # what it is, for the documentation
    zh: str
    row: bool = False  # repeats with the signature list


PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder(
        "provider",
        "provider",
        "The provider's name in the letter's language (Tencent Cloud, 阿里云 …).",
        "云服务商名称（按授权书语言，如“腾讯云”）。",
    ),
    Placeholder(
        "owner_name",
        "owner.name",
        "Authorizer: full name of the organization that owns the signatures.",
        "授权方（签名归属方）全称。",
    ),
    Placeholder(
        "owner_credit_code",
        "owner.credit_code",
        "Authorizer's unified social credit code (18 characters).",
        "授权方统一社会信用代码（18 位）。",
    ),
    Placeholder(
        "owner_legal_representative",
        "owner.legal_representative",
        "Authorizer's legal representative (the person who signs).",
        "授权方法定代表人（签字人）。",
    ),
    Placeholder(
        "applicant_name",
        "applicant.name",
        "Authorized party: the account's verified entity (the applicant).",
        "被授权方（签名申请方），即本账号的认证主体名称。",
    ),
    Placeholder(
        "applicant_credit_code",
        "applicant.credit_code",
        "Authorized party's unified social credit code.",
        "被授权方统一社会信用代码。",
    ),
    Placeholder(
        "risk_bearer",
        "letter.risk_bearer",
        "Risk bearer: the owner of the SMS content (the authorizer unless given).",
        "风险承担方，即短信内容所属方（未填时为授权方）。",
    ),
    Placeholder(
        "signature_names",
        "signature_names",
        "Every authorized signature, in one line (、 or , separated).",
        "全部授权签名，一行列出（以“、”或“,”分隔）。",
    ),
    Placeholder(
        "signature_count",
        "signature_names",
        "How many signatures are authorized.",
        "授权签名个数。",
    ),
    Placeholder(
        "signature_no",
        "signature_names",
        "Row placeholder: the signature's number (1, 2 …).",
        "行占位符：签名序号。",
        row=True,
    ),
    Placeholder(
        "signature_name",
        "signature_names",
        "Row placeholder: one signature name.",
        "行占位符：一个签名名称。",
        row=True,
    ),
    Placeholder("valid_from", "letter.valid_from", "First day of validity.", "授权有效期起始日。"),
    Placeholder("valid_until", "letter.valid_until", "Last day of validity.", "授权有效期截止日。"),
    Placeholder(
        "validity",
        "letter.valid_until",
        "The whole period, e.g. “2026年1月1日至2027年12月31日”.",
        "完整有效期，如“2026年1月1日至2027年12月31日”。",
    ),
    Placeholder(
        "signed_on",
        "letter.signed_on",
        "Signing date; a blank to write by hand when not given.",
        "签署日期；未填时留出手写空白。",
    ),
    Placeholder(
        "handler_name",
        "commitment.handler_name",
        "Commitment letter: the handler (经办人, the qualification's administrator) who signs too.",
        "承诺函：经办人（资质管理员）姓名，亦需签字。",
    ),
    Placeholder(
        "letter_qr",
        "letter.qr",
        "The letter's QR code (a picture, 20 mm): which letter it is and a digest of the filled "
        "fields (docs/letter-qr.md).",
        "授权书二维码（图片，20 毫米）：标识本授权书，并含所填内容的摘要。",
    ),
    Placeholder(
        "letter_code",
        "letter.qr",
        "What the QR code says, as text (SMSA1|…), to print under it.",
        "二维码内容的文字（SMSA1|…），印在二维码下方。",
    ),
)

BY_NAME: dict[str, Placeholder] = {p.name: p for p in PLACEHOLDERS}
ROW_PLACEHOLDERS = frozenset(p.name for p in PLACEHOLDERS if p.row)

# ``{{ name }}``; names are lower-case ASCII words. Anything else between braces is not ours.
PATTERN = re.compile(r"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")


def token(name: str) -> str:
    """The placeholder as written in a template: ``{{name}}``."""
    if name not in BY_NAME:
        raise KeyError(name)
    return "{{" + name + "}}"
