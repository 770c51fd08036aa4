"""Alibaba Cloud ``SubmitSmsQualification`` (Dysmsapi 2017-05-25): the qualification request.

Field names and value types as ``alibabacloud-dysmsapi20170525`` 4.6.0
``SubmitSmsQualificationRequest`` takes them (to_map / from_map keys), read 2026-12-01 with the
help page https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-submitsmsqualification:
pictures are OSS file paths (upload first: ``GetQualificationOssInfo``), so each is a ``TO_FILL``
naming the bundle file to upload; ``CertifyCode`` is the SMS code ``RequiredPhoneCode`` sends to
the administrator. The one payload of the bundle that holds ID numbers in full — the API needs
them; everything else shows them masked.
"""

from __future__ import annotations

from typing import Any

from assistant.core.providers.base import AttachedFile, Payload, PayloadInput, fill

FILE_NAME = "alibaba-SubmitSmsQualification.json"
# photo documents -> request field (front = 国徽面 / national emblem, back = 人像面 / portrait)
_PHOTOS = (
    ("LegalPersonIdCardFrontSide", "legal_rep_id_emblem"),
    ("LegalPersonIdCardBackSide", "legal_rep_id_portrait"),
    ("AdminIDCardFrontFace", "handler_id_emblem"),
    ("AdminIDCardPic", "handler_id_portrait"),
)


def _oss(f: AttachedFile) -> str:
    return fill(f"OSS path of {f.name} (upload it first: GetQualificationOssInfo)")


def _licence_pics(inp: PayloadInput, codes: dict[str, str]) -> list[dict[str, str]]:
    """BusinessLicensePics: every attached licence the form has a type for, with that type."""
    return [
        {"LicensePic": _oss(f), "Type": codes[f.document]}
        for f in inp.attachments
        if f.document in codes
    ]


def submit_qualification(inp: PayloadInput) -> Payload:
    from assistant.core.qualification import qualification_name
    from assistant.core.qualification.checks import compact_id, mobile_digits
    from assistant.core.qualification.output import (
        effective_value,
        legal_representative_name,
        owner_credit_code,
        owner_name,
    )
    from assistant.core.qualification.rules import qualification_rules
    from assistant.core.qualification.section import effective_entity_type, effective_purpose

    case = inp.case
    q = case.qualification
    rules = qualification_rules("alibaba")
    assert rules is not None
    ids, entities = dict(rules.id_types or {}), dict(rules.entity_codes or {})

    def given(value: str, what: str) -> Any:
        return value.strip() if value and value.strip() else fill(what)

    def validity(field_id: str, what: str) -> str:
        text: str = effective_value(case, field_id).range_text()
        return text or fill(f"{what} YYYY-MM-DD~YYYY-MM-DD (2099-12-31 for long-term)")

    rep, admin = q.legal_representative, q.handler
    payload: dict[str, Any] = {
        "QualificationName": given(qualification_name(case), "a unique qualification name"),
        "UseBySelf": effective_purpose(case) == "self",
        "CompanyType": entities.get(effective_entity_type(case))
        or fill("COMPANY or NON_PROFIT_ORGANIZATION"),
        "BusinessLicensePics": _licence_pics(inp, dict(rules.licence_types or {})),
        "CompanyName": given(owner_name(case), "the company name as on the licence"),
        "OrganizationCode": given(owner_credit_code(case), "the unified social credit code"),
        "BussinessLicenseExpDate": validity("owner.licence_validity", "licence validity"),
        "LegalPersonName": given(legal_representative_name(case), "the legal representative"),
        "LegalPersonIDCardType": ids.get(rep.id_type) or fill("LegalPersonIDCardType"),
        "LegalPersonIDCardNo": given(compact_id(rep.id_number), "legal representative's ID no."),
        "LegalPersonIdCardEffTime": validity("legal_representative.id_validity", "ID validity"),
        "AdminName": given(admin.name, "the administrator's name"),
        "AdminIDCardType": ids.get(admin.id_type) or fill("AdminIDCardType"),
        "AdminIDCardNo": given(compact_id(admin.id_number), "the administrator's ID number"),
        "AdminIDCardExpDate": validity("handler.id_validity", "administrator's ID validity"),
        "AdminPhoneNo": given(mobile_digits(admin.mobile), "the administrator's mobile number"),
        "CertifyCode": fill("the SMS code RequiredPhoneCode sends to the administrator's mobile"),
        "WhetherShare": False,
        "OtherFiles": [],
    }
    for field, document in _PHOTOS:
        photo = next((f for f in inp.qualification_files if f.document == document), None)
        if photo is not None:
            payload[field] = _oss(photo)
        elif not field.startswith("LegalPerson"):  # the legal person's: only when asked
            payload[field] = fill(f"OSS path of the {document.replace('_', ' ')} photo")
    if q.remark.strip():
        payload["Remark"] = q.remark.strip()
    return FILE_NAME, payload
