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


class Huawei(Provider):
    id = "huawei"
    field_mapping: ClassVar[Mapping[str, Mapping[str, str]]] = {
        "CreateSignature": {
            "signature_name": "signature_names",
            "signature_source": "type",
            "signature_type": "sign_type",
            "is_involved_third": "purpose",
            "apply_desc": "remarks",
        }
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
                "qualification_id": fill("id of your approved qualification"),
            }
            if remark:
                payload["apply_desc"] = remark
            if case.purpose == "others":
                payload["power_attorney_fileid"] = fill(
                    "file id returned by upload-files for "
                    + (letter.name if letter else "the signed authorization letter scan")
                )
            out.append((f"huawei-CreateSignature-{i}.json", payload))
        return out


PROVIDER = Huawei()
