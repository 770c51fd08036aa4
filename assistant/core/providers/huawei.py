"""Huawei Cloud Message & SMS (``msgsms`` v2): ``CreateSignature``, one request per name.

Field names as ``huaweicloudsdkmsgsms`` ``SmsSignatureReq`` takes them
(https://support.huaweicloud.com/api-msgsms/sms_05_0029.html, read 2026-12-01). Files are
uploaded first (``upload-files``) and referenced by the id that returns, so every file field is a
``TO_FILL`` naming the bundle file to upload.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from assistant.core.providers.base import Payload, PayloadInput, Provider, fill

# What Huawei's older variables (${TXT_6}, ${NUM_6}, ${DATE}, ${TIME}) are as variable_type.
_LEGACY_TYPES = {"TXT": "TEXT", "NUM": "CHARDIGIT", "DATE": "DATETIME", "TIME": "DATETIME"}


def _variable_attributes(inp: PayloadInput, template: Any) -> list[dict[str, Any]]:
    """variable_attributes: per variable in order, its index, type and (for TEXT) description."""
    from assistant.core.templates.case import variable_names

    out: list[dict[str, Any]] = []
    for index, name in enumerate(variable_names(inp.case, template), 1):
        info = template.variable(name)
        kind = (info.attribute if info else "") or _LEGACY_TYPES.get(name.split("_", 1)[0], "")
        if not kind and name in ("PHONE", "CHARDIGIT", "DATETIME", "MONEY", "TEXT"):
            kind = name
        attr: dict[str, Any] = {
            "variable_index": index,
            "variable_type": kind or fill(f"variable_type of ${{{name}}}"),
        }
        if info and info.description.strip():
            attr["variable_desc"] = info.description.strip()
        elif kind == "TEXT":
            attr["variable_desc"] = fill(f"what ${{{name}}} holds (required for TEXT)")
        out.append(attr)
    return out


# CreateSignature (2025-12-02, https://support.huaweicloud.com/intl/zh-cn/api-msgsms/sms_05_0029.html):
# signature_related_file_id (the app's ICP filing screenshot / the trademark certificate),
# license_number (the app's ICP filing or licence number), registration_number (the trademark's).
# huaweicloudsdkmsgsms 3.1.219 does not have these fields yet: the payload follows the API page.
_RELATION = {
    "app": ("app_icp_filing_screenshot", "license_number", "app_icp_number"),
    "trademark": ("trademark_certificate", "registration_number", "trademark_number"),
}


def _relation_fields(inp: PayloadInput) -> dict[str, Any]:
    """The relation screenshot and number of an app or trademark signature."""
    relation = _RELATION.get(inp.case.type)
    if relation is None:
        return {}
    document, number_field, remark = relation
    shot = next((f for f in inp.attachments if f.document == document), None)
    number = inp.case.remarks.get(remark).strip()
    return {
        "signature_related_file_id": fill(
            "file id returned by upload-files for "
            + (shot.name if shot else f"the {document.replace('_', ' ')}")
        ),
        number_field: number or fill(number_field.replace("_", " ")),
    }


class Huawei(Provider):
    id = "huawei"
    field_mapping: ClassVar[Mapping[str, Mapping[str, str]]] = {
        "CreateSignature": {
            "signature_name": "signature_names",
            "signature_source": "type",
            "signature_type": "sign_type",
            "is_involved_third": "purpose",
            "apply_desc": "remarks",
        },
    }

    def signature_payloads(self, inp: PayloadInput) -> list[Payload]:
        case = inp.case
        proof = inp.proof()
        letter = inp.letter_scan()
        remark = inp.remark()
        out: list[Payload] = []
        for i, name in enumerate(inp.names, 1):
            payload: dict[str, Any] = {
                "app_id": fill("your application id (console > Message & SMS > Applications)"),
                "signature_name": name,
                "signature_source": inp.type_code("signature_source"),
                "signature_type": inp.code("sign_kinds", inp.sign_kind),
                "is_involved_third": inp.code("purposes", case.purpose),
                "file_id": fill(
                    "file id returned by upload-files for "
                    + (proof.name if proof else "the business license")
                ),
                "qualification_id": inp.qualification_id("id of your approved qualification"),
            }
            if remark:
                payload["apply_desc"] = remark
            if case.purpose == "others":
                payload["power_attorney_fileid"] = fill(
                    "file id returned by upload-files for "
                    + (letter.name if letter else "the signed authorization letter scan")
                )
            payload.update(_relation_fields(inp))
            out.append((f"huawei-CreateSignature-{i}.json", payload))
        return out

    def template_payloads(self, inp: PayloadInput) -> list[Payload]:
        """``CreateTemplate`` per template (``SmsTemplateReq``: app_id, region, sign_id,
        template_content, template_desc, template_name, template_type, universal_template,
        variable_attributes of ``SmsTemplateVariableAttrReq``), read 2026-12-01."""
        from assistant.core.templates import template_rules
        from assistant.core.templates.case import signature, template_name, template_remark

        case, region = inp.case, inp.region
        rules = template_rules(self.id)
        out: list[Payload] = []
        for i, t in enumerate(case.templates, 1):
            payload: dict[str, Any] = {
                "app_id": fill("your application id (console > Message & SMS > Applications)"),
                "region": "intl" if region == "international" else "cn",
                "template_content": t.text,
                "template_desc": template_remark(case, t, region),
                "template_name": template_name(t, i),
                "universal_template": 0,
            }
            if region != "international":
                code = rules.kind_code(t.kind)
                payload["template_type"] = code if code is not None else fill("template_type")
                name = signature(t, case) or "the signature"
                payload["sign_id"] = fill(f"id of the approved signature {name} (ListSignatures)")
            attributes = _variable_attributes(inp, t)
            if attributes:
                payload["variable_attributes"] = attributes
            out.append((f"huawei-CreateTemplate-{i}.json", payload))
        return out


PROVIDER = Huawei()
