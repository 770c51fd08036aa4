"""The three journeys of #16 as cases a user would have filled in: an agency at Tencent for
another organization, a small business at Alibaba for itself (its licence a sideways phone
photo), an app applicant at Huawei — each with its qualification and ID photos. The
screenshots (``scripts/screenshots.py --journey``) and the layout tests start from them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from tests.core.test_review_verdict import sideways_gps_photo
from tests.gui.test_full_flow import code, document_image

if TYPE_CHECKING:
    from assistant.core.model import Case

JOURNEYS = ("tencent-others", "alibaba-self", "huawei-app")


def sample_files(folder: Path) -> dict[str, Path]:
    """A business license photo and a signed letter scan, made with Pillow."""
    return {
        "business-license.jpg": document_image(folder / "business-license.jpg"),
        "authorization-letter-signed.jpg": document_image(
            folder / "authorization-letter-signed.jpg", (1240, 1754)
        ),
    }


def realistic_case(folder: Path) -> Case:
    """An agency (杭州蓝鲸) applying at Tencent for 深圳市星河云科技, whose second signature
    name has a space the names page flags."""
    from assistant.core.model import Case

    files = sample_files(folder)
    case = Case()
    case.provider = "tencent"
    case.region = "mainland"
    case.account = "enterprise"
    case.purpose = "others"
    case.type = "company"
    case.signature_names = ["星河云科技", "星河 云"]
    case.applicant.name = "杭州蓝鲸数字营销有限公司"
    case.applicant.credit_code = code("91330106", "MA2H3K4L")
    case.owner.name = "深圳市星河云科技有限公司"
    case.owner.credit_code = code("91440300", "MA5F6G7H")
    case.owner.legal_representative = "李明"
    case.remarks.description = "向注册用户发送登录验证码和订单通知。官网：https://www.example.com"
    case.letter.valid_from = dt.date.today()
    case.letter.valid_until = dt.date.today().replace(year=dt.date.today().year + 2)
    case.set_attachment("business_license", files["business-license.jpg"])
    case.set_attachment("authorization_letter", files["authorization-letter-signed.jpg"])
    return case


def fill_qualification(case: Case, folder: Path) -> None:
    """The qualification as a user fills it: the demo's made-up legal representative and
    administrator, validities, and the ID photos the provider asks for."""
    from assistant.core.bundle import write_sample_images
    from assistant.core.bundle.demo_qualification import (
        add_sample_qualification,
        sample_qualification_documents,
    )

    add_sample_qualification(case, dt.date.today())
    case.qualification.commitment.signed_on = None  # dated by hand
    documents = [d for d in sample_qualification_documents(case) if d != "commitment_letter"]
    for doc_id, path in write_sample_images(folder / "id-photos", documents).items():
        if doc_id in documents:
            case.set_attachment(doc_id, path)


def sideways_photo(folder: Path) -> Path:
    """A phone photo of a licence as it comes off the phone: sideways (EXIF orientation 6),
    with its GPS position, over 3 MB (the bundle fixes all three)."""
    return sideways_gps_photo(folder / "IMG_20261201_0931.jpg")


def add_template(case: Case, kind: str, text: str, variable: str, example: str) -> None:
    """One SMS template of the case, its variable's example filled in."""
    from assistant.core.model.templates import Template, TemplateVariableInfo

    info = TemplateVariableInfo(name=variable, example=example)
    case.templates.append(Template(kind=kind, text=text, variables=[info]))


def journey_case(journey: str, folder: Path) -> Case:
    """The three journeys of #16: an agency at Tencent for another organization, a small
    business at Alibaba for itself, an app applicant at Huawei."""
    case = realistic_case(folder)
    if journey == "tencent-others":
        add_template(
            case, "verification", "您的登录验证码为{1}，5分钟内有效，请勿泄露。", "1", "123456"
        )
        fill_qualification(case, folder)
        return case
    case.attachments = []
    case.purpose, case.owner.name, case.owner.credit_code = "self", "", ""
    case.owner.legal_representative = ""
    if journey == "alibaba-self":
        case.provider, case.type = "alibaba", "company"
        case.signature_names = ["青禾茶业"]
        case.applicant.name = "杭州青禾茶业有限公司"
        case.remarks.description = "向会员发送订单通知和登录验证码。"
        case.set_attachment("business_license", sideways_photo(folder))
        add_template(
            case, "notification", "您的订单${order}已发货，请留意查收。", "order", "A2026001"
        )
    else:
        case.provider, case.type, case.sign_type = "huawei", "app", "verification"
        case.signature_names = ["青禾记账"]
        case.applicant.name = "杭州青禾软件有限公司"
        case.remarks.app_name = "青禾记账"
        case.remarks.app_icp_number = "浙ICP备2026000001号-1A"
        case.set_attachment("business_license", sample_files(folder)["business-license.jpg"])
        add_template(case, "verification", "您的验证码为${1}，10分钟内有效。", "1", "482913")
    fill_qualification(case, folder)
    return case
