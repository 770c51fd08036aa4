"""The qualification in the bundle (#11): a Tencent, an Alibaba and a Huawei case each get a
``qualification/`` folder and a README that let a user complete the console's form; Alibaba's
SubmitSmsQualification loads into the official SDK model; an approved qualification id fills
QualificationId everywhere; ID numbers appear in full only in the payload that needs them; ID
photos lose every metadata; the signature requests never carry them."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from assistant.core import bundle
from assistant.core.bundle import sample_case, write_demo
from assistant.core.model import load_case, save_case
from assistant.core.qualification import mask_id

DAY = dt.date(2026, 12, 1)
REP = "330106198506121237"
HANDLER = "330106199203154327"


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The demo bundle of each provider, with its complete qualification."""
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
        for provider in ("tencent", "alibaba", "huawei"):
            folder = tmp_path_factory.mktemp(provider)
            _, result = write_demo(folder, provider=provider)
            assert result.ok, [f.to_dict() for f in result.findings if f.severity.value == "error"]
            assert result.output is not None
            out[provider] = _zip(result.output)
    return out


EXPECTED = {
    "tencent": {
        "qualification/steps.txt",
        "qualification/commitment-letter.docx",
        "qualification/03-legal-rep-id-portrait.jpg",
        "qualification/04-legal-rep-id-emblem.jpg",
        "qualification/05-handler-id-portrait.jpg",
        "qualification/06-handler-id-emblem.jpg",
        "qualification/07-commitment-letter.jpg",
    },
    "alibaba": {
        "qualification/steps.txt",
        "qualification/alibaba-SubmitSmsQualification.json",
        "qualification/03-legal-rep-id-portrait.jpg",
        "qualification/04-legal-rep-id-emblem.jpg",
        "qualification/05-handler-id-portrait.jpg",
        "qualification/06-handler-id-emblem.jpg",
    },
    "huawei": {
        "qualification/steps.txt",
        "qualification/03-handler-id-portrait.jpg",
        "qualification/04-handler-id-emblem.jpg",
        "qualification/05-handler-holding-id.jpg",
    },
}


@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_the_qualification_folder(provider: str, demos: dict[str, dict[str, bytes]]) -> None:
    content = demos[provider]
    assert {n for n in content if n.startswith("qualification/")} == EXPECTED[provider]
    readme = content["README.txt"].decode("utf-8")
    steps = content["qualification/steps.txt"].decode("utf-8")
    # the README carries the same steps, first; the console form field by field
    assert readme.index("资质：请最先提交") < readme.index("操作步骤")
    for line in steps.splitlines()[3:]:
        assert line in readme
    for needed in ("管理员", "中国移动", "中国联通", "中国电信", "10 个工作日", "6 个月"):
        assert needed in readme
    for name in EXPECTED[provider]:  # every file of the folder is named where it goes
        if name.endswith(".jpg"):
            assert name in steps


def test_each_console_field_is_there_to_type(demos: dict[str, dict[str, bytes]]) -> None:
    tencent = demos["tencent"]["qualification/steps.txt"].decode("utf-8")
    assert "https://console.cloud.tencent.com/smsv2/enterprise" in tencent
    assert "法人证件号码: 3301**********1237" in tencent
    assert "qualification/commitment-letter.docx" in tencent
    alibaba = demos["alibaba"]["qualification/steps.txt"].decode("utf-8")
    assert "营业证件有效期: 2016-05-20 ~ 长期（2099-12-31）" in alibaba
    assert "管理员证件正面（身份证国徽面）  ←  qualification/06-handler-id-emblem.jpg" in alibaba
    assert "SubmitSmsQualification" in alibaba and "RequiredPhoneCode" in alibaba
    huawei = demos["huawei"]["qualification/steps.txt"].decode("utf-8")
    assert "手持身份证照片  ←  qualification/05-handler-holding-id.jpg" in huawei
    assert "邮箱: li.hua@example.com" in huawei and "5 个工作日" in huawei


def test_alibaba_submit_qualification_loads_into_the_sdk_model(
    demos: dict[str, dict[str, bytes]],
) -> None:
    models = pytest.importorskip("alibabacloud_dysmsapi20170525.models")
    payload = json.loads(demos["alibaba"]["qualification/alibaba-SubmitSmsQualification.json"])
    request = models.SubmitSmsQualificationRequest().from_map(payload)
    request.validate()
    # from_map ignores keys it does not know: the round trip proves every key is a field
    assert request.to_map() == payload
    assert request.use_by_self is False and request.company_type == "COMPANY"
    assert request.bussiness_license_exp_date == "2016-05-20~2099-12-31"
    assert request.legal_person_idcard_no == REP and request.admin_idcard_no == HANDLER
    assert request.admin_phone_no == "13800138000" and request.whether_share is False
    assert request.business_license_pics[0].type == "businessLicense"
    assert "qualification/06-handler-id-emblem.jpg" in request.admin_idcard_front_face


def test_id_numbers_only_in_the_payload(demos: dict[str, dict[str, bytes]]) -> None:
    for content in demos.values():
        for name, data in content.items():
            assert REP not in name and HANDLER not in name
            if name.endswith((".jpg", ".pdf", ".docx")):
                continue
            holds = REP.encode() in data or HANDLER.encode() in data
            assert holds == (name == "qualification/alibaba-SubmitSmsQualification.json"), name
    manifest = json.loads(demos["alibaba"]["manifest.json"])
    assert manifest["case"]["qualification"]["needed"] is True
    assert any(i["file"].startswith("qualification/") for i in manifest["to_fill"])


def test_id_photos_lose_every_metadata(tmp_path: Path) -> None:
    case = sample_case("en", DAY, provider="huawei")
    photo = tmp_path / f"{HANDLER}.jpg"  # a file named after the ID number
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0132] = "PhoneMaker", "Phone 12", "2026:11:30 10:00:00"
    Image.new("RGB", (1712, 1080), "#eef4fb").save(photo, "JPEG", exif=exif.tobytes())
    for document in ("handler_id_portrait", "handler_id_emblem", "handler_holding_id"):
        case.set_attachment(document, photo)
    lic = tmp_path / "licence.jpg"
    Image.new("RGB", (1754, 1240), "#f7f1e3").save(lic, "JPEG", exif=exif.tobytes())
    case.set_attachment("business_license", lic)
    case.set_attachment("authorization_letter", lic)
    result = bundle.export_case(case, tmp_path / "b.zip", prepared_on=DAY, allow_incomplete=True)
    assert result.output is not None
    content = _zip(result.output)
    photos = [n for n in content if n.startswith("qualification/") and n.endswith(".jpg")]
    assert len(photos) == 3
    for name in photos:
        assert not Image.open(io.BytesIO(content[name])).getexif(), name
    manifest = json.loads(content["manifest.json"])
    originals = {f["original"] for f in manifest["files"] if f["path"] in photos}
    assert originals == {f"{mask_id(HANDLER)}.jpg"}
    for f in result.findings:
        assert HANDLER not in f.message + (f.fix or "") + (f.subject or "")


def test_signature_requests_never_carry_id_photos(demos: dict[str, dict[str, bytes]]) -> None:
    legacy = json.loads(demos["alibaba"]["api/alibaba-AddSmsSign-legacy-1.json"])
    assert len(legacy["SignFileList"]) == 2  # the letter and the licence
    huawei = json.loads(demos["huawei"]["api/huawei-CreateSignature-1.json"])
    assert "business-license" in huawei["file_id"]


def _approved(tmp_path: Path, provider: str, qualification_id: str) -> dict[str, bytes]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    case = sample_case("en", DAY, provider=provider)
    case.qualification.approved_id = qualification_id
    for document, color in (("business_license", "#f7f1e3"), ("authorization_letter", "#fff")):
        path = tmp_path / f"{document}.jpg"
        Image.new("RGB", (1754, 1240), color).save(path, "JPEG")
        case.set_attachment(document, path)
    save_case(case, tmp_path / "c.smscase.json")
    result = bundle.export_case(
        tmp_path / "c.smscase.json", tmp_path / "b.zip", prepared_on=DAY, allow_incomplete=True
    )
    assert result.output is not None
    return _zip(result.output)


def test_an_approved_qualification_fills_every_request(tmp_path: Path) -> None:
    tencent = _approved(tmp_path / "t", "tencent", "1000001")
    sign = json.loads(tencent["api/tencent-AddSmsSign-1.json"])
    assert sign["QualificationId"] == 1000001  # Integer in AddSmsSignRequest
    assert not [n for n in tencent if n.startswith("qualification/")]
    readme = tencent["README.txt"].decode("utf-8")
    assert "1000001" in readme and "China Telecom" in readme
    alibaba = _approved(tmp_path / "a", "alibaba", "20001")
    assert json.loads(alibaba["api/alibaba-CreateSmsSign-1.json"])["QualificationId"] == 20001
    huawei = _approved(tmp_path / "h", "huawei", "a1b2c3")
    assert json.loads(huawei["api/huawei-CreateSignature-1.json"])["qualification_id"] == "a1b2c3"
    manifest = json.loads(huawei["manifest.json"])
    assert manifest["case"]["qualification"]["approved_id"] == "a1b2c3"
    assert not any(i["field"] == "qualification_id" for i in manifest["to_fill"])


def test_approved_ids_load_into_the_sdk_models(tmp_path: Path) -> None:
    tc = pytest.importorskip("tencentcloud.sms.v20210111.models")
    ali = pytest.importorskip("alibabacloud_dysmsapi20170525.models")
    tencent = _approved(tmp_path / "t", "tencent", "1000001")
    request = tc.AddSmsSignRequest()
    request.from_json_string(tencent["api/tencent-AddSmsSign-1.json"].decode())
    assert request.QualificationId == 1000001
    alibaba = _approved(tmp_path / "a", "alibaba", "20001")
    payload = json.loads(alibaba["api/alibaba-CreateSmsSign-1.json"])
    assert ali.CreateSmsSignRequest().from_map(payload).to_map() == payload


def test_a_bundle_refuses_an_expired_id(tmp_path: Path) -> None:
    case = sample_case("en", DAY, provider="tencent")
    case.qualification.handler.id_validity.valid_until = dt.date(2020, 1, 1)
    path = tmp_path / "c.smscase.json"
    save_case(case, path)
    result = bundle.export_case(path, tmp_path / "b.zip", prepared_on=DAY)
    assert result.output is None
    assert "qualification.validity_expired" in {f.code for f in result.findings}
    loaded, _ = load_case(path)
    assert loaded is not None and loaded.qualification.handler.id_number == HANDLER
