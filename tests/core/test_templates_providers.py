"""Template checks from the Alibaba and Huawei pages, the rules as data, length and segments,
and fuzzing: no text makes a check raise."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.core.rules import PROVIDERS, load_pack
from assistant.core.templates import (
    KINDS,
    TemplateVariable,
    check_template,
    fixed_template,
    preview,
    segments,
    sms_length,
    template_rules,
)
from assistant.core.templates.rules import Context


def errors(text: str, provider: str, kind: str, **kw: Any) -> set[str]:
    return {f.code for f in check_template(text, provider, kind, **kw) if f.severity == "error"}


V, N, M = "verification", "notification", "marketing"

# --------------------------------------------------------------------------------- Alibaba
# help.aliyun.com 44357 (apply), 463237 (verification), 463270 (notification), 91975, 2806243
ALIBABA = [
    ("您正在申请手机注册，验证码为：${code}，5分钟内有效！", V, {}, None),
    ("尊敬的${username}，你的订单${order}，需要尽快付款。", N, {}, None),
    (
        "您的快递${no}已到，取件码${code}，请凭取件码${code}取件。",
        N,
        {},
        "template.variable.repeated",
    ),
    ("验证码${code}，点击 https://www.aliyun.com 完成验证。", V, {}, "template.verification.link"),
    ("验证码${code}，如有疑问请致电0571-88157858。", V, {}, "template.verification.contact"),
    ("您的订单已发货，如有疑问请联系13812345678。", N, {}, "template.contact.mobile"),
    ("您的订单已发货，客服电话0571-88157858。", N, {}, None),
    ("客服：0571-88157858、4001234567、95187。", N, {}, "template.contact.too_many"),
    ("您的理财产品${name}已到期。", N, {"purpose": "others"}, "template.industry.finance"),
    ("您的理财产品${name}已到期。", N, {"purpose": "self"}, None),
    ("尊敬的会员，理财产品限时开售。拒收请回复R", M, {}, "template.industry.finance"),
    (
        "尊敬的会员，新品上市。拒收请回复R",
        M,
        {"account": "individual"},
        "template.marketing.enterprise_only",
    ),
    ("尊敬的会员，新品上市。拒收请回复R", M, {"account": "enterprise"}, None),
    (
        "您的验证码为${code}",
        V,
        {"variables": [TemplateVariable("code", "characterWithNumber2", 6)]},
        None,
    ),
    ("您的验证码为${code}，${time}分钟内有效", V, {}, "template.verification.too_many_variables"),
    (
        "您的验证码为${code}",
        V,
        {"variables": {"code": TemplateVariable("code", max_length=40)}},
        "template.verification.code_length",
    ),
    (
        "尊敬的${name}，您的订单已发货",
        N,
        {"variables": [TemplateVariable("name", "name", 40)]},
        "template.variable.too_long",
    ),
    (
        "请致电${phone}",
        N,
        {"variables": [TemplateVariable("phone", "phone_number2", example="call-me")]},
        "template.variable.example_format",
    ),
    ("您的网站排名已提升", N, {}, "template.industry.seo"),
]


@pytest.mark.parametrize(("text", "kind", "kw", "code"), ALIBABA)
def test_alibaba_rules(text: str, kind: str, kw: dict[str, Any], code: str | None) -> None:
    found = errors(text, "alibaba", kind, **kw)
    assert (code in found) if code else found == set(), found


def test_alibaba_verification_keyword_list_comes_from_the_page() -> None:
    for word in ("验证码", "注册码", "校验码", "动态码", "动态密码"):
        assert errors(f"您的{word}为${{code}}，请勿泄露。", "alibaba", V) == set()


# --------------------------------------------------------------------------------- Huawei
# support.huaweicloud.com sms_templates (2025-09-04), sms_faq_0003 (variables), sms_faq_0076
HUAWEI = [
    ("您的验证码为${1}，5分钟内有效，请勿泄露。", V, {}, None),
    ("您的验证码为${NUM_6}，5分钟内有效。", V, {}, None),
    ("您的验证码为${NUM_8}，5分钟内有效。", V, {}, "template.verification.code_length"),
    ("您的验证码为${TXT_6}，5分钟内有效。", V, {}, "template.verification.code_charset"),
    ("您的验证码为${1}，${2}分钟内有效。", V, {}, "template.verification.too_many_variables"),
    ("您的包裹已到${TXT_30}，请及时领取。", N, {}, "template.variable.legacy_length"),
    ("您的订单${NAME}已发货。", N, {}, "template.variable.huawei_name"),
    ("温馨提醒：${1} ${2}-${3}的会议即将开始，请您准时参加。", N, {}, None),
    (
        "温馨提醒：${PHONE}${CHARDIGIT}${DATETIME}的会议即将开始。",
        N,
        {},
        "template.variable.adjacent",
    ),
    ("详情请访问 https://t.cn/abc 查看。", N, {}, "template.link.short"),
    ("详情请访问 https://www.huaweicloud.com/jump?url=x 查看。", N, {}, "template.link.redirect"),
    (
        "详情请访问 https://www.huaweicloud.com/order/${1} 查看。",
        N,
        {},
        "template.link.variable_path",
    ),
    ("您的订单[${1}]已发货。", N, {}, "template.brackets.square"),
    ("您的订单${1}已发货&请查收。", N, {}, "template.symbols"),
    ("尊敬的会员${1}，店庆八折。拒收请回复R", M, {}, "template.marketing.variables"),
    ("尊敬的会员，店庆八折，详询13812345678。拒收请回复R", M, {}, "template.contact.mobile"),
    ("尊敬的会员，店庆八折，详询0755-28780808。拒收请回复R", M, {}, None),
    ("您的账号${1}已开服，快来体验新游戏。", N, {}, "template.industry.game"),
    ("您正在登录游戏账号，验证码${1}，请勿泄露。", V, {}, None),
]


@pytest.mark.parametrize(("text", "kind", "kw", "code"), HUAWEI)
def test_huawei_rules(text: str, kind: str, kw: dict[str, Any], code: str | None) -> None:
    found = errors(text, "huawei", kind, **kw)
    assert (code in found) if code else found == set(), found


def test_huawei_twenty_variables_at_most() -> None:
    text = "，".join(f"第{i}项${{{i}}}" for i in range(1, 22))
    assert "template.variable.too_many" in errors(text, "huawei", N)


def test_huawei_disagreeing_sources_keep_both_and_the_stricter_applies() -> None:
    rules = template_rules("huawei")
    code = rules.rule("verification.code_length", Context(kind=V))
    assert code is not None and code.range == (1, 6) and len(code.entries) == 2
    run = rules.rule("variables.max_run", Context(kind=N))
    assert run is not None and run.value == 1 and {e.data["value"] for e in run.entries} == {1, 4}


# --------------------------------------------------------------------------------- every provider
@pytest.mark.parametrize("provider", PROVIDERS)
def test_common_rules_everywhere(provider: str) -> None:
    var = {"tencent": "{1}", "alibaba": "${code}", "huawei": "${1}"}[provider]
    good = f"您的验证码为{var}，5分钟内有效，请勿泄露。"
    assert errors(good, provider, V) == set()
    assert "template.brackets.lenticular" in errors(f"您的【验证码】为{var}", provider, V)
    assert "template.unsubscribe.forbidden" in errors(good + "拒收请回复R", provider, V)
    assert "template.marketing.unsubscribe_missing" in errors("尊敬的会员，店庆八折。", provider, M)
    assert errors("尊敬的会员，店庆八折。拒收请回复R", provider, M) == set()
    assert "template.verification.keyword_missing" in errors(f"您的密码为{var}", provider, V)
    assert "template.variable.all_variable" in errors(var, provider, N)
    assert "template.contact.im" in errors(f"订单{var}已发货，加微信领取资料", provider, N)
    assert "template.industry.dating" in errors(f"{var}您好，同城交友活动本周开始", provider, N)
    assert "template.link.ip" in errors(f"订单{var}详见 http://1.2.3.4/a", provider, N)
    assert "template.empty" in errors("  ", provider, N)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_kinds_carry_the_providers_codes(provider: str) -> None:
    rules = template_rules(provider)
    expected = {
        "tencent": {V: 3, N: 2, M: 1},
        "alibaba": {V: 0, N: 1, M: 2},
        "huawei": {V: "VERIFY_CODE_TYPE", N: "NOTIFY_TYPE", M: "PROMOTION_TYPE"},
    }[provider]
    assert {k: rules.kind_code(k) for k in KINDS} == expected


def test_unknown_kind_is_a_finding() -> None:
    assert errors("您好", "alibaba", "promotion") == {"template.kind.unknown"}


# --------------------------------------------------------------------------------- rules as data
@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_template_rule_names_a_source_read_on_2026_12_01(provider: str) -> None:
    rules = template_rules(provider)
    own = load_pack(provider).templates["sources"]
    assert own and all(s["read"] == dt.date(2026, 12, 1) and s["url"] for s in own.values())
    for e in rules.entries:
        assert e.source in rules.sources
    assert {"length.max", "unsubscribe.text", "verification.keywords"} <= {
        e.id for e in rules.entries
    }


@pytest.mark.parametrize("provider", PROVIDERS)
def test_unsubscribe_wording_is_unified(provider: str) -> None:
    rule = template_rules(provider).rule("unsubscribe.text", Context(kind=M))
    assert rule is not None and rule.text == "拒收请回复R"


# --------------------------------------------------------------------------------- length
@pytest.mark.parametrize(
    ("n", "parts"), [(0, 0), (1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (500, 8)]
)
def test_segments(n: int, parts: int) -> None:
    assert segments(n) == parts


def test_preview_shows_signature_and_example_values() -> None:
    p = preview(
        "您的验证码为${code}，5分钟内有效。",
        "alibaba",
        V,
        signature="阿里云",
        variables=[TemplateVariable("code", "numberCaptcha", example="8531")],
    )
    assert p.text == "【阿里云】您的验证码为8531，5分钟内有效。"
    assert p.length == sms_length("【阿里云】您的验证码为，5分钟内有效。") + 6
    assert p.segments == 1
    assert sms_length("😀") == 2


def test_long_message_reports_its_segments() -> None:
    found = {f.code: f for f in check_template("通知" * 40, "tencent", N, signature="腾讯云")}
    assert found["template.segments"].severity == "info"
    assert "2 SMS" in found["template.segments"].message


def test_messages_exist_in_every_language() -> None:
    for lang in ("en", "zh", "id"):
        for f in check_template("【x】您的訂單{$a}★", "alibaba", N, lang=lang):
            assert f.message and "{" not in f.message.replace("{$a}", "").replace("${a}", "")


# --------------------------------------------------------------------------------- fuzzing
_ALPHABET = st.sampled_from(
    [
        *"验证码您的订单已发货，。！【】[]{}$＄｛｝ _-/.:?&=#★¥①²😀拒收请回复R回T退订",
        *("${code}", "{1}", "${1}", "${TXT_5}", "www.a.cn", "http://", "13812345678"),
        *("\u200b", "\x00"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=80), st.lists(_ALPHABET, max_size=30).map("".join)),
    provider=st.sampled_from(PROVIDERS),
    kind=st.sampled_from(KINDS),
    signature=st.one_of(st.none(), st.text(max_size=12)),
)
def test_any_text_gives_findings_never_an_exception(
    text: str, provider: str, kind: str, signature: str | None
) -> None:
    findings = check_template(text, provider, kind, signature=signature, purpose="others")
    for f in findings:
        assert f.code.startswith("template.") and f.message
        assert f.fixed_value is None or f.fixed_value != text
    p = preview(text, provider, kind, signature=signature)
    assert p.segments == segments(p.length)


@settings(max_examples=100, deadline=None)
@given(
    text=st.lists(_ALPHABET, max_size=20).map("".join),
    provider=st.sampled_from(PROVIDERS),
    kind=st.sampled_from(KINDS),
)
def test_fixing_terminates_and_each_fix_removes_its_finding(
    text: str, provider: str, kind: str
) -> None:
    fixed = fixed_template(text, provider, kind)
    assert fixed is None or isinstance(fixed, str)
    for f in check_template(text, provider, kind):
        if f.fixed_value is not None and f.code not in ("template.variable.syntax",):
            again = {g.code for g in check_template(f.fixed_value, provider, kind)}
            assert f.code not in again or f.code.startswith("template.marketing"), (f, again)
