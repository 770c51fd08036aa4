"""The rejection reasons as data: schema, cross-checks, every seed row, clear errors."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import jsonschema
import pytest

from assistant.core.status import STEPS, RejectionPackError, load_catalogue, load_catalogue_from
from assistant.core.status.catalogue import FILES, _plain
from assistant.core.status.textnorm import basic
from assistant.resources import resource_path

FOLDER = resource_path("rejections")

# Every row of the seeds' tables (seed wording) and the reason that carries it.
SEED_002_ROWS = {  # Huawei, signature table (English)
    "The entity that submits materials is inconsistent with that of the official account, applet, or app.": "huawei.sign.entity_mismatch",
    "No related applet or official account is found.": "huawei.sign.account_not_found",
    "The signature is inconsistent with the enterprise name.": "huawei.sign.not_company_name",
    "the link for downloading the application is not provided": "huawei.sign.app_link_missing",
    "No trademark is found.": "huawei.sign.trademark_not_found",
    "Pictures cannot be displayed.": "huawei.docs.image_not_displayed",
    "the e-commerce platform to which the signature belongs is not provided": "huawei.sign.shop_platform_missing",
    "A third party is involved, and the uploaded business license is of the applicant.": "huawei.docs.applicant_license_for_third_party",
    "Promotion and notification signatures are not supported": "huawei.sign.industry_not_supported",
    "The signature name must contain 2 to 16 characters": "huawei.name.format",
    "Send Chinese signatures to Chinese mainland numbers.": "huawei.name.english",
    "Neutral signatures cannot be used to identify the products and apps of enterprises and institutions.": "huawei.name.neutral",
}
SEED_003_ROWS = {  # Alibaba, signature table then template table (Chinese)
    "小程序、公众号、App、链接经核实后，功能内容太少，无法判断实际内容或找不到": "alibaba.sign.product_not_live",
    "签名过于宽泛，没有实际意义": "alibaba.sign.too_generic",
    "已提供信息，因无关联性被驳回": "alibaba.sign.no_relation",
    "未核实到商标信息": "alibaba.sign.trademark_unverified",
    "未核实到店铺信息": "alibaba.sign.shop_unverified",
    "链接无法访问": "alibaba.sign.link_unreachable",
    "链接与签名无关联": "alibaba.sign.link_unrelated",
    "下载或内测链接无法核实业务主体": "alibaba.sign.beta_link",
    "链接无ICP备案，无法核实备案主体": "alibaba.sign.link_no_icp",
    "无法查IP地址备案情况": "alibaba.sign.ip_no_filing",
    "IP地址无法核实企业所属性": "alibaba.sign.ip_owner_unverified",
    "授权书未签字": "alibaba.letter.unsigned",
    "授权书盖章错误": "alibaba.letter.wrong_seal",
    "授权书无日期": "alibaba.letter.no_date",
    "授权书有效期短": "alibaba.letter.short_validity",
    "授权书内容变更": "alibaba.letter.content_changed",
    "被授权方填写错误": "alibaba.letter.wrong_authorized_party",
    "授权方填写错误": "alibaba.letter.wrong_authorizer",
    "风险承担方填写错误": "alibaba.letter.wrong_risk_bearer",
    "涉及政企业务，材料未提供完全": "alibaba.docs.government_incomplete",
    "营业执照上的水印已注明了用途，非我方平台使用": "alibaba.docs.watermark",
    "证件无法查看": "alibaba.docs.unreadable",
    "签名名称中包含测试字样": "alibaba.name.test_word",
    "签名字数不符合要求": "alibaba.name.length",
    "签名带符号": "alibaba.name.symbols",
    "签名带繁体字": "alibaba.name.traditional",
    "签名是首字母拼写": "alibaba.name.initials",
    "签名是个人姓名": "alibaba.name.personal_name",
    "签名是个人小程序或公众号": "alibaba.sign.personal_mini_program",
    "签名涉及到不支持业务，包括金融、交友、宗教等": "alibaba.sign.restricted_industry",
    "模板没有体现业务内容，含义不明": "alibaba.tpl.meaning_unclear",
    "模板使用场景不详": "alibaba.tpl.scene_unknown",
    "使用了个人认证的小程序或公众号": "alibaba.tpl.personal_account",
    "业务内容不明确，例如加微信送礼": "alibaba.tpl.join_group",
    "会员营销短信模板包含了变量": "alibaba.tpl.marketing_variables",
    "会员营销短信没包含退订方式": "alibaba.tpl.marketing_no_unsubscribe",
    "验证码短信模板或通知短信模板包含了退订方式": "alibaba.tpl.unsubscribe_in_notice",
    "验证码短信模板包含多变量": "alibaba.tpl.code_multi_variables",
    "验证码短信模板包含无关内容": "alibaba.tpl.code_unrelated_content",
    "验证码关键词不全": "alibaba.tpl.code_keyword_missing",
    "通知短信模板包含了推广内容": "alibaba.tpl.notice_promotion",
    "应用市场中未核实到该APP、公众号或小程序": "alibaba.tpl.app_not_found",
    "模板中有错别字、变异字、繁体字、特殊符号、中括号": "alibaba.tpl.typos_symbols",
    "内容涉及金融、交友、宗教等": "alibaba.tpl.restricted_industry",
    "内容涉及第三方": "alibaba.tpl.third_party",
    "内容涉及电商营销信息": "alibaba.tpl.ecommerce_marketing",
    "变量内传入链接、IP地址、App、微信公众号、小程序、二维码等内容": "alibaba.tpl.variable_contains_link",
    "变量内容模糊": "alibaba.tpl.variable_vague",
    "变量格式错误": "alibaba.tpl.variable_format",
    "变量属性选择错误": "alibaba.tpl.variable_attribute",
    "模板类型选择与实际需求不匹配": "alibaba.tpl.wrong_type",
    "链接无ICP备案": "alibaba.tpl.link_no_icp",
    "链接未在全国互联网安全管理服务平台备案": "alibaba.tpl.link_no_security_filing",
    "短链+变量格式不符合规范": "alibaba.tpl.short_link_variable",
    "链接存在跳转": "alibaba.tpl.link_redirect",
    "模板内容有下载链接与内测链接": "alibaba.tpl.download_beta_link",
    "模板内容有登录链接，无法核实业务内容": "alibaba.tpl.login_link",
    "场景链接功能内容太少，无法判断实际内容": "alibaba.tpl.scene_link_too_little",
    "IP类地址不属于以下三类之一": "alibaba.tpl.private_ip",
    "不支持涉及数据排名、关键字搜索、精准拓客引流营销的内容": "alibaba.tpl.seo",
}
TEMPLATE_LINK_UNREACHABLE = "alibaba.tpl.link_unreachable"  # the template table's 链接无法访问


def _carries(reason_id: str, wording: str) -> bool:
    reason = load_catalogue().reason(reason_id)
    assert reason is not None, reason_id
    texts = [*reason.all_phrasings(), *reason.reason.values()]
    key = basic(wording).rstrip("。.")
    return any(key in basic(t) for t in texts)


@pytest.mark.parametrize(
    ("wording", "reason_id"), sorted({**SEED_002_ROWS, **SEED_003_ROWS}.items())
)
def test_every_seed_row_is_a_reason(wording: str, reason_id: str) -> None:
    assert _carries(reason_id, wording), f"{reason_id} does not carry {wording!r}"


def test_seed_rows_cite_their_seed() -> None:
    cat = load_catalogue()
    for reason_id in SEED_002_ROWS.values():
        r = cat.reason(reason_id)
        assert r is not None and "seed-002" in (r.source, *r.also)
    for reason_id in [*SEED_003_ROWS.values(), TEMPLATE_LINK_UNREACHABLE]:
        r = cat.reason(reason_id)
        assert r is not None and r.source == "seed-003"
    subjects = {cat.reason(i).subject for i in SEED_003_ROWS.values()}  # type: ignore[union-attr]
    assert subjects == {"signature", "template"}  # both of seed 003's tables


@pytest.mark.parametrize("stem", FILES)
def test_files_validate_against_the_json_schema(stem: str) -> None:
    schema = json.loads((FOLDER / "schema" / "rejections.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    with (FOLDER / f"{stem}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    jsonschema.validate(_plain(data), schema)


def test_every_reason_is_complete_and_sourced() -> None:
    cat = load_catalogue()
    assert len(cat.reasons) >= 120
    assert {r.provider for r in cat.reasons} == set(FILES)
    assert {r.step for r in cat.reasons} == set(STEPS)
    for r in cat.reasons:
        for part in (r.category, r.reason, r.cause, r.fix):
            assert part["en"].strip() and part["zh"].strip(), r.id
        assert r.phrasings["en"] and r.phrasings["zh"], r.id
        assert r.resubmit in ("as_is", "after_fix", "new_application")
        for sid in (r.source, *r.also):
            assert cat.sources[sid].read.isoformat() == "2026-12-01", sid
    assert any("id" in r.phrasings for r in cat.reasons)  # Indonesian where seed 001 has it


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "rejections"
    shutil.copytree(FOLDER, dest)
    return dest


def _edit(folder: Path, stem: str, old: str, new: str) -> None:
    path = folder / f"{stem}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_copy_loads_like_the_bundle(tmp_path: Path) -> None:
    assert len(load_catalogue_from(_copy(tmp_path)).reasons) == len(load_catalogue().reasons)


@pytest.mark.parametrize(
    ("stem", "old", "new", "message", "key"),
    [
        ("alibaba", 'step = "type"', 'step = "typ"', "is not one of", "reason.0.step"),
        ("huawei", 'resubmit = "after_fix"', "resubmit = 3", "is not one of", "reason.0.resubmit"),
        (
            "tencent",
            'source = "seed-000"',
            'source = "seed-999"',
            "unknown source 'seed-999'",
            "reason.0.source",
        ),
        (
            "tencent",
            'id = "tencent.sign.neutral"',
            'id = "alibaba.sign.neutral"',
            "must start with 'tencent.'",
            "reason.0.id",
        ),
        (
            "huawei",
            'id = "huawei.sign.account_not_found"',
            'id = "huawei.sign.entity_mismatch"',
            "also defined",
            "reason.1.id",
        ),
        ("alibaba", 'provider = "alibaba"', 'provider = "huawei"', "must be 'alibaba'", "provider"),
        (
            "common",
            "read = 2026-12-01",
            'read = "yesterday"',
            "does not match",
            "sources.seed-000.read",
        ),
        (
            "alibaba",
            "phrasings.en = [",
            "phrasings.fr = [",
            "'en' is a required property",
            "reason.0.phrasings",
        ),
    ],
)
def test_a_broken_file_names_file_key_and_line(
    tmp_path: Path, stem: str, old: str, new: str, message: str, key: str
) -> None:
    folder = _copy(tmp_path)
    _edit(folder, stem, old, new)
    with pytest.raises(RejectionPackError) as info:
        load_catalogue_from(folder)
    err = info.value
    assert err.file == f"{stem}.toml"
    assert err.key == key
    assert message in str(err)
    lines = (folder / f"{stem}.toml").read_text(encoding="utf-8").splitlines()
    assert err.line is not None and 1 <= err.line <= len(lines)
    assert key.rsplit(".", 1)[-1] in lines[err.line - 1]


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "huawei.toml").write_text(
        'schema = 1\nprovider = "huawei"\n[[reason]\n', encoding="utf-8"
    )
    with pytest.raises(RejectionPackError, match=r"huawei\.toml:3.*not valid TOML"):
        load_catalogue_from(folder)
    (folder / "huawei.toml").unlink()
    with pytest.raises(RejectionPackError, match="missing"):
        load_catalogue_from(folder)


def test_only_common_defines_sources_and_synonyms(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(
        folder,
        "tencent",
        'provider = "tencent"\n',
        'provider = "tencent"\n[synonyms]\n"x" = ["y"]\n',
    )
    with pytest.raises(RejectionPackError, match=r"only common\.toml"):
        load_catalogue_from(folder)


def test_the_bundled_files_pass_the_schema_the_program_no_longer_checks_at_start() -> None:
    from assistant.resources import resource_path

    checked = load_catalogue_from(resource_path("rejections"), validate=True)
    assert checked.reasons == load_catalogue().reasons
