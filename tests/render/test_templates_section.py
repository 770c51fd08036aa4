"""The checklist lists the case's SMS templates (kind, signature, length, SMS count)."""

from __future__ import annotations

import datetime as dt

from assistant.core.checklist import build_checklist
from assistant.core.model import Case
from assistant.core.model.templates import Template
from assistant.render import build_checklist_document

DAY = dt.date(2026, 3, 2)


def _checklist_text(case: Case, lang: str) -> str:
    checklist = build_checklist(case.provider, case.account, case.purpose, case.type, None, lang)
    return str(build_checklist_document(checklist, case, lang=lang, prepared_on=DAY).toPlainText())


def test_templates_are_listed_with_kind_signature_and_length() -> None:
    case = Case(
        provider="alibaba",
        signature_names=["星河科技"],
        templates=[
            Template(kind="verification", text="您的验证码为${code}，5分钟内有效。"),
            Template(kind="marketing", text="尊敬的会员，店庆八折。拒收请回复R", name="店庆"),
        ],
    )
    en = _checklist_text(case, "en")
    assert "SMS templates to apply for" in en
    assert "您的验证码为${code}，5分钟内有效。" in en and "店庆" in en
    assert "with 【星河科技】" in en and "(1 SMS)" in en
    zh = _checklist_text(case, "zh")
    assert "要申请的短信模板" in zh and "营销" not in zh.split("要申请的短信模板")[0][-5:]


def test_no_section_without_templates() -> None:
    case = Case(provider="tencent", signature_names=["腾讯云"])
    assert "SMS templates to apply for" not in _checklist_text(case, "en")
