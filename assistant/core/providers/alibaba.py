"""Alibaba Cloud SMS (Dysmsapi 2017-05-25): the authorization letter, the signature, and the
legacy signature request with the files inline.

Field names as ``alibabacloud-dysmsapi20170525`` takes them: ``CreateSmsAuthorizationLetter``
(https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-createsmsauthorizationletter),
``CreateSmsSign``
(https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-createsmssign) and the
legacy ``AddSmsSign`` (``SignFileList`` of base64 images), all read 2026-12-01. Ids of the
approved qualification, the letter, trademark and app filing come from the console.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from assistant.core.providers.base import Payload, PayloadInput, Provider, b64, fill, suffix

_INLINE_SUFFIXES = ("jpg", "jpeg", "png", "gif")  # what SignFileList accepts


def _third_party(inp: PayloadInput) -> bool:
    return str(inp.code("purposes", inp.case.purpose)).lower() == "true"


def _sign_kind(inp: PayloadInput) -> Any:
    kind = inp.code("sign_kinds", inp.sign_kind)
    return int(kind) if isinstance(kind, str) and kind.isdigit() else kind


# CreateSmsTemplate: TemplateType 3 is an international template; IntlType then says its kind
# (0 notification, 1 promotional, 2 verification: the request model's documentation).
_INTERNATIONAL_TYPE = 3
_INTL_TYPES = {"notification": 0, "marketing": 1, "verification": 2}
_LEGACY_REMARK_MAX = 100  # AddSmsTemplate: Remark at most 100 characters


def _template_rule(inp: PayloadInput, template: Any) -> str | None:
    """TemplateRule: {variable: attribute} as JSON text; a TO_FILL marker while one is missing."""
    import json

    from assistant.core.templates.case import variable_names

    names = variable_names(inp.case, template)
    if not names:
        return None
    rule = {n: (template.variable(n).attribute if template.variable(n) else "") for n in names}
    missing = [n for n, a in rule.items() if not a]
    if missing:
        return fill(
            "TemplateRule JSON, the attribute of " + ", ".join(f"${{{n}}}" for n in missing)
        )
    return json.dumps(rule, ensure_ascii=False)


def _template_requests(inp: PayloadInput, t: Any, i: int) -> tuple[dict[str, Any], dict[str, Any]]:
    from assistant.core.templates import template_rules
    from assistant.core.templates.case import signature, template_name, template_remark

    case, region = inp.case, inp.region
    code = template_rules("alibaba").kind_code(t.kind)
    kind = code if code is not None else fill("TemplateType (0, 1 or 2)")
    name = template_name(t, i)
    current: dict[str, Any] = {
        "TemplateName": name,
        "TemplateContent": t.text,
        "TemplateType": kind,
        "Remark": template_remark(case, t, region),
        "RelatedSignName": signature(t, case) or fill("an approved signature name"),
    }
    if region == "international":
        current["TemplateType"] = _INTERNATIONAL_TYPE
        current["IntlType"] = _INTL_TYPES.get(t.kind, 0)
    rule = _template_rule(inp, t)
    if rule is not None:
        current["TemplateRule"] = rule
    if t.scene_link.strip():
        current["ApplySceneContent"] = t.scene_link.strip()
    if t.kind == "marketing":
        current["MoreData"] = [
            fill("OSS fileKey of the user authorization material (user agreement, member system)")
        ]
    legacy = {
        "TemplateName": name,
        "TemplateContent": t.text,
        "TemplateType": current["TemplateType"],
        "Remark": template_remark(case, t, region, _LEGACY_REMARK_MAX),
    }
    return current, legacy


class Alibaba(Provider):
    id = "alibaba"
    field_mapping: ClassVar[Mapping[str, Mapping[str, str]]] = {
        "CreateSmsAuthorizationLetter": {
            "Authorization": "owner.name",
            "OrganizationCode": "owner.credit_code",
            "ProxyAuthorization": "applicant.name",
            "SignList": "signature_names",
        },
        "CreateSmsSign": {
            "SignName": "signature_names",
            "SignSource": "type",
            "SignType": "sign_type",
            "Remark": "remarks",
        },
        "AddSmsSign": {
            "SignName": "signature_names",
            "SignSource": "type",
            "SignType": "sign_type",
        },
    }

    def qualification_payloads(self, inp: PayloadInput) -> list[Payload]:
        """``SubmitSmsQualification`` (:mod:`.alibaba_qualification`)."""
        from assistant.core.providers.alibaba_qualification import submit_qualification

        return [submit_qualification(inp)]

    def letter_payloads(self, inp: PayloadInput) -> list[Payload]:
        if not _third_party(inp):
            return []
        case = inp.case
        valid = ""
        if case.letter.valid_from and case.letter.valid_until:
            valid = f"{case.letter.valid_from.isoformat()}~{case.letter.valid_until.isoformat()}"
        letter_name = re.sub(
            r"[^\w]", "", f"{case.owner.name}授权委托书{case.letter.valid_from or ''}"
        )
        payload = {
            "Authorization": case.owner.name or fill("authorizer: the signature owner's full name"),
            "OrganizationCode": case.owner.credit_code
            or fill("the owner's unified social credit code"),
            "ProxyAuthorization": case.applicant.name
            or fill("authorized party: your account's verified name"),
            "SignList": inp.names,
            "AuthorizationLetterExpDate": valid or fill("YYYY-MM-DD~YYYY-MM-DD"),
            "AuthorizationLetterName": letter_name[:100] or fill("a unique name for this letter"),
            "AuthorizationLetterPic": fill(
                "OSS fileKey of the signed letter picture (upload the scan first)"
            ),
        }
        return [("alibaba-CreateSmsAuthorizationLetter.json", payload)]

    def signature_payloads(self, inp: PayloadInput) -> list[Payload]:
        return [*self._create_sign(inp), *self._legacy_add_sign(inp)]

    def _create_sign(self, inp: PayloadInput) -> list[Payload]:
        case = inp.case
        third = _third_party(inp)
        remark = inp.remark()
        scene = case.remarks.app_store_link or case.remarks.domain or case.remarks.shop_link
        out: list[Payload] = []
        for i, name in enumerate(inp.names, 1):
            payload: dict[str, Any] = {
                "SignName": name,
                "SignSource": inp.type_code("SignSource"),
                "SignType": _sign_kind(inp),
                "Remark": remark,
                "QualificationId": inp.qualification_id(
                    "id of your approved qualification (console > Qualifications)"
                ),
                "ThirdParty": third,
            }
            if third:
                payload["AuthorizationLetterId"] = fill(
                    "AuthorizationLetterId returned by CreateSmsAuthorizationLetter"
                )
            if case.type == "trademark":
                payload["TrademarkId"] = fill("TrademarkId from CreateSmsTrademark / the console")
            if case.type == "app":
                payload["AppIcpRecordId"] = fill(
                    "AppIcpRecordId from CreateSmsAppIcpRecord / the console"
                )
            if scene:
                payload["ApplySceneContent"] = scene
            out.append((f"alibaba-CreateSmsSign-{i}.json", payload))
        return out

    def _legacy_add_sign(self, inp: PayloadInput) -> list[Payload]:
        remark = inp.remark()
        files = [
            {"FileContents": b64(f), "FileSuffix": suffix(f)}
            for f in inp.attachments
            if suffix(f) in _INLINE_SUFFIXES
        ]
        return [
            (
                f"alibaba-AddSmsSign-legacy-{i}.json",
                {
                    "SignName": name,
                    "SignSource": inp.type_code("SignSource"),
                    "SignType": _sign_kind(inp),
                    "Remark": remark or fill("remark (required, up to 200 characters)"),
                    "SignFileList": files,
                },
            )
            for i, name in enumerate(inp.names, 1)
        ]

    def template_payloads(self, inp: PayloadInput) -> list[Payload]:
        """``CreateSmsTemplate`` (current) and the legacy ``AddSmsTemplate`` per template, field
        names as ``CreateSmsTemplateRequest`` / ``AddSmsTemplateRequest`` take them
        (https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-createsmstemplate,
        read 2026-12-01)."""
        out: list[Payload] = []
        for i, t in enumerate(inp.case.templates, 1):
            current, legacy = _template_requests(inp, t, i)
            out.append((f"alibaba-CreateSmsTemplate-{i}.json", current))
            out.append((f"alibaba-AddSmsTemplate-legacy-{i}.json", legacy))
        return out


PROVIDER = Alibaba()
