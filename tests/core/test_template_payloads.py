"""The case's templates: review area, bundle payloads verified against the official SDK request
models (optional `sdk` extra; skipped without them), README lines, the case file."""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import pytest

from assistant.core.bundle import export_case, write_sample_images
from assistant.core.model import Case, load_case, save_case
from assistant.core.model.templates import Template, TemplateVariableInfo
from assistant.core.providers import build_payloads
from assistant.core.review import check_case
from assistant.core.rules import load_pack
from tests.core.test_bundle import make_case

VAR = {"tencent": "{1}", "alibaba": "${code}", "huawei": "${1}"}
NAME = {"tencent": "1", "alibaba": "code", "huawei": "1"}
CODE_ATTR = {"tencent": "", "alibaba": "numberCaptcha", "huawei": "CHARDIGIT"}


def templates(provider: str) -> list[Template]:
    var, name = VAR[provider], NAME[provider]
    notify_var = "${order}" if provider == "alibaba" else var
    notify_name = "order" if provider == "alibaba" else name
    notify_attr = {"tencent": "", "alibaba": "other_number2", "huawei": "TEXT"}[provider]
    return [
        Template(
            kind="verification",
            text=f"您的验证码为{var}，5分钟内有效，请勿泄露。",
            scene="用户登录官网时发送",
            scene_link="https://www.example.cn/login",
            variables=[TemplateVariableInfo(name, CODE_ATTR[provider], 6, "385912")],
        ),
        Template(
            kind="notification",
            text=f"您的订单{notify_var}已发货，请注意查收。",
            name="发货通知",
            scene="订单发货后发送",
            variables=[TemplateVariableInfo(notify_name, notify_attr, 20, "A2026", "订单号")],
        ),
        Template(kind="marketing", text="尊敬的会员，店庆全场八折，欢迎选购。拒收请回复R"),
    ]


def case_with_templates(provider: str) -> Case:
    return Case(provider=provider, signature_names=["示例科技"], templates=templates(provider))


def template_payloads(provider: str) -> dict[str, dict]:
    case = case_with_templates(provider)
    payloads, _ = build_payloads(case, [], load_pack(provider))
    return {name: body for name, body in payloads if "Template" in name}


# --------------------------------------------------------------------------------- SDK models
def test_tencent_add_sms_template() -> None:
    models = pytest.importorskip("tencentcloud.sms.v20210111.models")
    payloads = template_payloads("tencent")
    assert set(payloads) == {f"tencent-AddSmsTemplate-{i}.json" for i in (1, 2, 3)}
    for payload in payloads.values():
        request = models.AddSmsTemplateRequest()
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # the SDK warns about fields it does not know
            request.from_json_string(json.dumps(payload))
        assert json.loads(request.to_json_string()) == payload
    assert [p["SmsType"] for p in payloads.values()] == [3, 2, 1]
    assert payloads["tencent-AddSmsTemplate-2.json"]["TemplateName"] == "发货通知"
    assert (
        "示例：【示例科技】您的验证码为385912"
        in payloads["tencent-AddSmsTemplate-1.json"]["Remark"]
    )


def test_alibaba_create_and_legacy_add_sms_template() -> None:
    models = pytest.importorskip("alibabacloud_dysmsapi20170525.models")
    payloads = template_payloads("alibaba")
    kinds = {
        **{
            f"alibaba-CreateSmsTemplate-{i}.json": models.CreateSmsTemplateRequest
            for i in (1, 2, 3)
        },
        **{
            f"alibaba-AddSmsTemplate-legacy-{i}.json": models.AddSmsTemplateRequest
            for i in (1, 2, 3)
        },
    }
    assert set(payloads) == set(kinds)
    for name, payload in payloads.items():
        request = kinds[name]().from_map(payload)
        request.validate()
        assert request.to_map() == payload, name  # every key is a field of the model
    first = models.CreateSmsTemplateRequest().from_map(payloads["alibaba-CreateSmsTemplate-1.json"])
    assert first.template_type == 0 and first.related_sign_name == "示例科技"
    assert json.loads(first.template_rule) == {"code": "numberCaptcha"}
    assert first.apply_scene_content == "https://www.example.cn/login"
    promo = payloads["alibaba-CreateSmsTemplate-3.json"]
    assert promo["TemplateType"] == 2 and promo["MoreData"][0].startswith("TO_FILL")
    assert all(len(p["Remark"]) <= 100 for n, p in payloads.items() if "legacy" in n)


def _without_none(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def test_huawei_create_template() -> None:
    model = pytest.importorskip("huaweicloudsdkmsgsms.v2.model")
    payloads = template_payloads("huawei")
    assert set(payloads) == {f"huawei-CreateTemplate-{i}.json" for i in (1, 2, 3)}
    for payload in payloads.values():
        attrs = [
            model.SmsTemplateVariableAttrReq(**a) for a in payload.get("variable_attributes", [])
        ]
        body = model.SmsTemplateReq(**{**payload, "variable_attributes": attrs or None})
        request = model.CreateTemplateRequest(body=body)
        assert _without_none(body.to_dict()) == payload
        assert request.body.template_content == payload["template_content"]
    notify = payloads["huawei-CreateTemplate-2.json"]
    assert notify["template_type"] == "NOTIFY_TYPE"
    assert notify["variable_attributes"] == [
        {"variable_index": 1, "variable_type": "TEXT", "variable_desc": "订单号"}
    ]


def test_missing_attributes_are_to_fill_markers() -> None:
    case = Case(
        provider="alibaba",
        signature_names=["示例科技"],
        templates=[Template(kind="notification", text="尊敬的${name}，您的订单已发货。")],
    )
    payloads, to_fill = build_payloads(case, [], load_pack("alibaba"))
    body = dict(payloads)["alibaba-CreateSmsTemplate-1.json"]
    assert body["TemplateRule"].startswith("TO_FILL") and "${name}" in body["TemplateRule"]
    assert any(item["field"] == "TemplateRule" for item in to_fill)


# --------------------------------------------------------------------------------- review
def test_review_area_checks_each_template_in_its_case() -> None:
    case = case_with_templates("alibaba")
    case.purpose = "self"
    case.templates.append(Template(kind="marketing", text="全场八折", signatures=["别的签名"]))
    review = check_case(case, "en")
    found = {(f.code, f.subject) for f in review.areas["templates"]}
    assert ("template.marketing.unsubscribe_missing", "templates[3]") in found
    assert ("template.case.signature_unknown", "templates[3]") in found
    errors = [f for f in review.areas["templates"] if f.severity == "error"]
    assert {f.subject for f in errors} == {"templates[3]"}


def test_review_has_no_templates_area_findings_without_templates() -> None:
    review = check_case(Case(provider="tencent", signature_names=["腾讯云"]), "en")
    assert review.areas["templates"] == []


def test_case_file_round_trip(tmp_path: Path) -> None:
    case = case_with_templates("huawei")
    path = tmp_path / "c.smscase.json"
    save_case(case, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["templates"][1]["variables"][0] == {
        "name": "1",
        "attribute": "TEXT",
        "max_length": 20,
        "example": "A2026",
        "description": "订单号",
    }
    loaded, findings = load_case(path)
    assert loaded is not None and loaded.templates == case.templates
    assert not [f for f in findings if f.severity == "error"]


# --------------------------------------------------------------------------------- bundle
def test_bundle_has_template_requests_and_readme_lines(tmp_path: Path) -> None:
    samples = write_sample_images(tmp_path / "samples")
    case_path = make_case(tmp_path / "c", samples, provider="tencent", region="mainland")
    case, _ = load_case(case_path)
    assert case is not None
    case.templates = templates("tencent")
    save_case(case, case_path)
    result = export_case(case_path, tmp_path / "b.zip", allow_incomplete=True)
    assert result.output is not None
    with zipfile.ZipFile(result.output) as zf:
        names = zf.namelist()
        readme = zf.read("README.txt").decode("utf-8")
    assert {f"api/tencent-AddSmsTemplate-{i}.json" for i in (1, 2, 3)} <= set(names)
    assert "您的订单{1}已发货" in readme and "tencent-AddSmsTemplate-1.json" in readme
