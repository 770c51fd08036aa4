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
                "QualificationId": fill(
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


PROVIDER = Alibaba()
