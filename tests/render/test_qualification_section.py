"""The checklist's qualification section (#11): the steps with a tick box, ID numbers masked,
what happens after approval; nothing where no qualification is asked."""

from __future__ import annotations

import datetime as dt

from assistant.core.bundle import sample_case
from assistant.core.checklist import build_checklist
from assistant.core.model import Case
from assistant.render import build_checklist_document

DAY = dt.date(2026, 12, 1)
HANDLER = "330106199203154327"


def _checklist_text(case: Case, lang: str) -> str:
    checklist = build_checklist(
        case.provider, case.account, case.purpose, case.type, case.region, lang
    )
    return str(build_checklist_document(checklist, case, lang=lang, prepared_on=DAY).toPlainText())


def test_the_qualification_comes_first_with_its_steps() -> None:
    case = sample_case("en", DAY, provider="huawei")
    en = _checklist_text(case, "en")
    heading = "Qualification (资质): submit it first"
    assert heading in en
    part = en.split(heading, 1)[1]
    assert "3301**********4327" in part and HANDLER not in en
    assert "Photo of the administrator holding the ID card" in part
    assert "China Mobile" in part and "6 months" in part
    zh = _checklist_text(case, "zh")
    assert "资质：请最先提交" in zh and "手持身份证照片" in zh


def test_an_approved_qualification_is_one_line_and_the_filing() -> None:
    case = sample_case("en", DAY, provider="tencent")
    case.qualification.approved_id = "1000001"
    text = _checklist_text(case, "en")
    assert "approved qualification 1000001" in text and "China Telecom" in text


def test_no_section_where_none_is_asked() -> None:
    case = sample_case("en", DAY, provider="tencent")
    case.region = "international"
    assert "submit it first" not in _checklist_text(case, "en")
