"""Status import: payloads built from the official SDKs' response models, matched to cases.

The SDKs are the `sdk` extra; without them these tests skip (the importer itself needs none).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from assistant.core.model import Case, load_case, save_case
from assistant.core.status.importer import import_status, read_status_file
from assistant.core.status.lifecycle import mark_exported, signature_status, stage
from assistant.core.status.payloads import parse_status

tc = pytest.importorskip("tencentcloud.sms.v20210111.models")
ali = pytest.importorskip("alibabacloud_dysmsapi20170525.models")
hw = pytest.importorskip("huaweicloudsdkmsgsms.v2.model")

TODAY = dt.date(2026, 12, 20)


def tencent_sign_list() -> dict[str, Any]:
    resp = tc.DescribeSmsSignListResponse()
    resp._deserialize(
        {
            "DescribeSignListStatusSet": [
                {
                    "SignId": 1001,
                    "International": 0,
                    "StatusCode": -1,
                    "SignName": "云朵科技",
                    "ReviewReply": "签名与提交的证明文件不符",
                    "CreateTime": 1764806400,
                },
                {
                    "SignId": 1002,
                    "International": 0,
                    "StatusCode": 0,
                    "SignName": "云朵",
                    "ReviewReply": "",
                    "CreateTime": 1764806400,
                },
                {
                    "SignId": 1003,
                    "International": 0,
                    "StatusCode": 1,
                    "SignName": "别家签名",
                    "ReviewReply": "",
                    "CreateTime": 1764806400,
                },
            ],
            "RequestId": "req-1",
        }
    )
    return {"Response": json.loads(resp.to_json_string())}


def tencent_template_list() -> dict[str, Any]:
    resp = tc.DescribeSmsTemplateListResponse()
    resp._deserialize(
        {
            "DescribeTemplateStatusSet": [
                {
                    "TemplateId": 77,
                    "International": 0,
                    "StatusCode": -1,
                    "TemplateName": "登录验证码",
                    "ReviewReply": "验证码模板包含多变量",
                    "CreateTime": 1764806400,
                },
            ],
            "RequestId": "req-2",
        }
    )
    return json.loads(resp.to_json_string())  # tccli prints the response without the wrapper


def alibaba_sign_list() -> dict[str, Any]:
    body = ali.QuerySmsSignListResponseBody(
        code="OK",
        request_id="r",
        sms_sign_list=[
            ali.QuerySmsSignListResponseBodySmsSignList(
                sign_name="云朵科技",
                audit_status="AUDIT_STATE_NOT_PASS",
                order_id="2001",
                create_date="2026-12-02 10:00:00",
                business_type="普通",
                reason=ali.QuerySmsSignListResponseBodySmsSignListReason(
                    reject_info="授权书未签字",
                    reject_sub_info="请法定代表人签字",
                    reject_date="2026-12-03 11:00:00",
                ),
            ),
            ali.QuerySmsSignListResponseBodySmsSignList(
                sign_name="云朵",
                audit_status="AUDIT_STATE_INIT",
                order_id="2002",
                create_date="2026-12-02 10:00:00",
                reason=ali.QuerySmsSignListResponseBodySmsSignListReason(reject_info="无审核备注"),
            ),
        ],
    )
    return body.to_map()


def alibaba_get_sms_sign() -> dict[str, Any]:
    reg = ali.GetSmsSignResponseBodySignIspRegisterDetailList
    reason = ali.GetSmsSignResponseBodySignIspRegisterDetailListRegisterStatusReasons
    body = ali.GetSmsSignResponseBody(
        code="OK",
        sign_name="云朵",
        sign_status=1,
        sign_code="SIGN_AB12",
        create_date="2026-12-02 10:00:00",
        audit_info=ali.GetSmsSignResponseBodyAuditInfo(audit_date="2026-12-04 09:00:00"),
        sign_isp_register_detail_list=[
            reg(
                operator_code="mobile",
                register_status=3,
                operator_complete_time="2026-12-08 10:00:00",
            ),
            reg(
                operator_code="unicom",
                register_status=0,
                operator_complete_time="2026-12-09 10:00:00",
                register_status_reasons=[
                    reason(
                        reason_code="QUALIFICATION_ERROR",
                        reason_desc_list=["资质信息与工信注册信息不一致"],
                    )
                ],
            ),
            reg(operator_code="telecom", register_status=-1),
        ],
    )
    return body.to_map()


def alibaba_template_list() -> dict[str, Any]:
    body = ali.QuerySmsTemplateListResponseBody(
        code="OK",
        sms_template_list=[
            ali.QuerySmsTemplateListResponseBodySmsTemplateList(
                template_name="会员活动",
                template_code="SMS_1",
                audit_status="AUDIT_STATE_NOT_PASS",
                signature_name="云朵",
                reason=ali.QuerySmsTemplateListResponseBodySmsTemplateListReason(
                    reject_info="会员营销短信没包含退订方式"
                ),
            )
        ],
    )
    return body.to_map()


def huawei_signatures() -> dict[str, Any]:
    results = [
        hw.SmsSignatureResp(
            id="hw-1",
            signature_name="云朵科技",
            status="REVIEW_NOT_PASS",
            review_desc="签名与企业名称不一致",
            create_time="2026-12-01 10:00:00",
            update_time="2026-12-02 10:00:00",
        ),
        hw.SmsSignatureResp(
            id="hw-2",
            signature_name="云朵",
            status="REAL_NAME_REGISTRATING",
            create_time="2026-12-01 10:00:00",
            update_time="2026-12-05 10:00:00",
        ),
    ]
    # ListSignatureDetailsResponse's JSON: {"results": [SmsSignatureResp…], "total": n}
    assert set(hw.ListSignatureDetailsResponse.attribute_map) == {"results", "total"}
    return {"results": [r.to_dict() for r in results], "total": len(results)}


def _cases(folder: Path, provider: str) -> Path:
    """A case of ``provider`` with two names, and one of another provider with the same name."""
    (folder / "sub").mkdir(parents=True)
    case = Case(provider=provider, signature_names=["云朵科技", "云朵"])
    mark_exported(case, dt.date(2026, 12, 1))
    path = folder / "yunduo.smscase.json"
    save_case(case, path)
    other = "tencent" if provider == "huawei" else "huawei"
    save_case(
        Case(provider=other, signature_names=["云朵科技"]), folder / "sub" / "other.smscase.json"
    )
    return path


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "status.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_tencent_signatures_and_templates(tmp_path: Path) -> None:
    case_path = _cases(tmp_path / "cases", "tencent")
    report = import_status(
        _write(tmp_path, [tencent_sign_list(), tencent_template_list()]),
        tmp_path / "cases",
        lang="en",
        today=TODAY,
    )
    assert report.ok
    assert [u.path for u in report.updates] == [case_path]  # the other provider's case is untouched
    case, _ = load_case(case_path)
    assert case is not None
    first = signature_status(case, "云朵科技")
    assert first.state == "rejected" and first.provider_id == "1001"
    assert first.reasons[0] == "tencent.sign.certificate_mismatch"
    assert first.submitted_on == dt.date(2025, 12, 4)
    assert stage(case, signature_status(case, "云朵"), TODAY) == "approved"
    assert [i.name for i in report.unmatched] == ["别家签名", "登录验证码"]  # no case holds them
    explained = report.to_dict("en")["rejections"]
    assert {r["item"] for r in explained} == {"云朵科技", "登录验证码"}
    assert (
        next(r for r in explained if r["item"] == "登录验证码")["matches"][0]["step"] == "templates"
    )


def test_alibaba_list_get_sms_sign_and_templates(tmp_path: Path) -> None:
    case_path = _cases(tmp_path / "cases", "alibaba")
    status = _write(
        tmp_path, [alibaba_sign_list(), alibaba_get_sms_sign(), alibaba_template_list()]
    )
    report = import_status(status, tmp_path / "cases", lang="zh", today=TODAY)
    assert report.ok and len(report.updates) == 1
    case, _ = load_case(case_path)
    assert case is not None
    first = signature_status(case, "云朵科技")
    assert first.state == "rejected" and first.decided_on == dt.date(2026, 12, 3)
    assert first.rejection == "授权书未签字；请法定代表人签字"
    assert first.reasons[0] == "alibaba.letter.unsigned"
    second = signature_status(case, "云朵")
    assert second.state == "approved" and second.provider_id == "SIGN_AB12"
    carriers = {c: f.state for c, f in second.carriers.items()}
    assert carriers == {
        "china_mobile": "filed",
        "china_unicom": "failed",
        "china_telecom": "pending",
    }
    assert "资质信息与工信注册信息不一致" in second.carriers.china_unicom.detail
    assert stage(case, second, TODAY) == "filing_failed"
    (template,) = case.status.templates  # matched through its signature 云朵
    assert (
        template.state == "rejected"
        and template.reasons[0] == "alibaba.tpl.marketing_no_unsubscribe"
    )


def test_huawei_signature_list(tmp_path: Path) -> None:
    case_path = _cases(tmp_path / "cases", "huawei")
    report = import_status(
        _write(tmp_path, huawei_signatures()), tmp_path / "cases", lang="en", today=TODAY
    )
    assert report.ok
    case, _ = load_case(case_path)
    assert case is not None
    first = signature_status(case, "云朵科技")
    assert first.state == "rejected" and first.reasons[0] == "huawei.sign.not_company_name"
    second = signature_status(case, "云朵")
    assert stage(case, second, TODAY) == "filing"


def test_dry_run_saves_nothing_and_a_second_import_changes_nothing(tmp_path: Path) -> None:
    case_path = _cases(tmp_path / "cases", "alibaba")
    before = case_path.read_bytes()
    status = _write(tmp_path, alibaba_sign_list())
    report = import_status(status, tmp_path / "cases", today=TODAY, write=False)
    assert report.updates and not report.updates[0].saved
    assert case_path.read_bytes() == before
    import_status(status, tmp_path / "cases", today=TODAY)
    again = import_status(status, tmp_path / "cases", today=TODAY)
    assert again.updates == []


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"{not json", "status.import.not_json"),
        (b'{"Hello": "world"}', "status.import.unknown_format"),
        (b"\xff\xfe\x00", "status.import.not_json"),
    ],
)
def test_bad_files_give_findings(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    items, findings = read_status_file(path)
    assert items == [] and [f.code for f in findings] == [code]
    report = import_status(path, tmp_path)
    assert not report.ok


def test_missing_file_folder_and_unknown_values(tmp_path: Path) -> None:
    assert not import_status(tmp_path / "none.json", tmp_path).ok
    path = _write(tmp_path, alibaba_sign_list())
    report = import_status(path, tmp_path / "no-such-folder")
    assert [f.code for f in report.findings] == ["status.import.no_cases_dir"]
    items, findings = parse_status(
        {"SmsSignList": [{"SignName": "x", "AuditStatus": "AUDIT_STATE_WHAT"}]}
    )
    assert items == [] and findings[0].code == "status.import.unknown_value"
    items, findings = parse_status(
        {"results": [{"signature_name": "x", "status": "NEW_STATUS"}], "total": 1}
    )
    assert items == [] and "NEW_STATUS" in findings[0].message
