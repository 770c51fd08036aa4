"""Provider requests after #10: Tencent individual accounts apply in the console only (no
payloads, a README step), Huawei's three new CreateSignature fields for app and trademark
signatures."""

from __future__ import annotations

from assistant.core.bundle import build_readme
from assistant.core.bundle.files import BundleFile
from assistant.core.providers import TO_FILL, build_payloads
from assistant.core.rules import load_pack
from tests.core.test_providers import DAY, FILES, FakeFile, full_case


def test_tencent_individual_accounts_get_no_payloads_but_a_console_step() -> None:
    # tencent-40653: 签名、正文模板相关 API 不支持个人认证用户，只能通过短信控制台管理
    case, pack = full_case("tencent"), load_pack("tencent")
    case.account = "individual"
    payloads, to_fill = build_payloads(case, FILES, pack)
    assert payloads == [] and to_fill == []
    files = [BundleFile(f.name, "attachment", data=f.data, document=f.document) for f in FILES]
    readme = build_readme(case, pack, files, [], [], "en", DAY, False)
    steps = [line for line in readme.splitlines() if line[:1].isdigit()]
    assert "not for individually verified accounts" in steps[-2]
    case.account = "enterprise"  # an enterprise account keeps its AddSmsSign request
    assert [name for name, _ in build_payloads(case, FILES, pack)[0]] == [
        "tencent-AddSmsSign-1.json"
    ]


def test_huawei_app_signature_carries_the_icp_filing_and_its_number() -> None:
    # huawei-create-signature: signature_related_file_id (ICP备案截图), license_number
    case, pack = full_case("huawei"), load_pack("huawei")
    case.type = "app"
    case.remarks.app_icp_number = "粤ICP备12345678号-1A"
    files = [*FILES, FakeFile("files/03-app-icp-filing.png", "app_icp_filing_screenshot")]
    (_name, payload), *_ = build_payloads(case, files, pack)[0]
    assert payload["signature_source"] == 2
    assert payload["license_number"] == "粤ICP备12345678号-1A"
    assert "files/03-app-icp-filing.png" in payload["signature_related_file_id"]
    assert "registration_number" not in payload


def test_huawei_trademark_signature_carries_the_certificate_and_its_number() -> None:
    # huawei-create-signature: signature_related_file_id (商标证书截图), registration_number
    case, pack = full_case("huawei"), load_pack("huawei")
    case.type = "trademark"
    payloads, to_fill = build_payloads(case, FILES, pack)
    payload = payloads[0][1]
    assert payload["signature_source"] == 5
    assert payload["registration_number"].startswith(TO_FILL)  # not given yet: to fill
    assert payload["signature_related_file_id"].startswith(TO_FILL)
    assert {"registration_number", "signature_related_file_id"} <= {i["field"] for i in to_fill}


def test_huawei_company_signature_has_no_relation_fields() -> None:
    payload = build_payloads(full_case("huawei"), FILES, load_pack("huawei"))[0][0][1]
    assert not {"signature_related_file_id", "license_number", "registration_number"} & set(payload)
