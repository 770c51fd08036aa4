"""Tencent Cloud SMS (API 2021-01-11): ``AddSmsSign``, one request per signature name.

Field names as ``tencentcloud-sdk-python-sms`` ``AddSmsSignRequest`` takes them
(https://www.tencentcloud.com/document/api/382/40534, version 2021-01-11, read 2026-12-01).
The qualification proof and the signed letter go inline as base64 (``ProofImage``,
``CommissionImage``); the id of the approved qualification comes from the console.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from assistant.core.providers.base import Payload, PayloadInput, Provider, b64, fill


def _console_only(inp: PayloadInput) -> bool:
    return inp.case.account == "individual" and inp.pack.rule("account.console_only") is not None


class Tencent(Provider):
    id = "tencent"
    field_mapping: ClassVar[Mapping[str, Mapping[str, str]]] = {
        "AddSmsSign": {
            "SignName": "signature_names",
            "SignType": "type",
            "SignPurpose": "purpose",
            "Remark": "remarks",
        },
    }

    def payloads(self, inp: PayloadInput) -> list[Payload]:
        """No requests for an individually verified account: the signature and template APIs are
        not for it, it applies in the console (tencent-40653; the pack's account.console_only)."""
        if _console_only(inp):
            return []
        return super().payloads(inp)

    def console_steps(self, inp: PayloadInput, lang: str) -> list[str]:
        if not _console_only(inp):
            return []
        from assistant.core.i18n import localized, text

        return [text("bundle.console_only", lang, provider=localized(inp.pack.name, lang))]

    def signature_payloads(self, inp: PayloadInput) -> list[Payload]:
        case, pack, region = inp.case, inp.pack, inp.region
        proof = inp.proof()
        doc = pack.documents.get(proof.document or "") if proof else None
        letter = inp.letter_scan()
        remark = inp.remark()
        proof_image = b64(proof) if proof else fill("base64 of the qualification image")
        commission = ""
        if case.purpose == "others":
            commission = (
                b64(letter)
                if letter
                else fill("base64 of the signed and stamped authorization letter scan (letter/)")
            )
        out: list[Payload] = []
        for i, name in enumerate(inp.names, 1):
            payload: dict[str, Any] = {
                "SignName": name,
                "SignType": inp.type_code("SignType"),
                "DocumentType": doc.code if doc and doc.code is not None else fill("DocumentType"),
                "International": inp.code("regions", region) if region else 0,
                "SignPurpose": inp.code("purposes", case.purpose),
                "ProofImage": proof_image,
            }
            if case.purpose == "others":
                payload["CommissionImage"] = commission
            if remark:
                payload["Remark"] = remark
            if region != "international":
                payload["QualificationId"] = inp.qualification_id(
                    "id of your approved qualification (console > SMS > Qualification management)"
                )
            out.append((f"tencent-AddSmsSign-{i}.json", payload))
        return out

    def template_payloads(self, inp: PayloadInput) -> list[Payload]:
        """``AddSmsTemplate`` per template (``AddSmsTemplateRequest``: TemplateName,
        TemplateContent, SmsType 1 marketing / 2 notification / 3 verification, International,
        Remark), read 2026-12-01."""
        from assistant.core.templates import template_rules
        from assistant.core.templates.case import template_name, template_remark

        case, region = inp.case, inp.region
        rules = template_rules(self.id)
        out: list[Payload] = []
        for i, t in enumerate(case.templates, 1):
            code = rules.kind_code(t.kind)
            payload: dict[str, Any] = {
                "TemplateName": template_name(t, i),
                "TemplateContent": t.text,
                "SmsType": code if code is not None else fill("SmsType (1, 2 or 3)"),
                "International": inp.code("regions", region) if region else 0,
                "Remark": template_remark(case, t, region),
            }
            out.append((f"tencent-AddSmsTemplate-{i}.json", payload))
        return out


PROVIDER = Tencent()
