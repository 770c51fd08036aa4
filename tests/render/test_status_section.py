"""The checklist PDF shows the case's status after submission (and nothing for a fresh case)."""

from __future__ import annotations

import datetime as dt

from assistant.core.checklist import build_checklist
from assistant.core.model import Case
from assistant.core.status.lifecycle import mark_approved, mark_exported, mark_rejected, set_carrier
from assistant.render import build_checklist_document
from assistant.render.status_section import has_status, status_section_html

TODAY = dt.date(2027, 6, 1)


def _case() -> Case:
    return Case(
        provider="alibaba",
        account="enterprise",
        purpose="self",
        type="company",
        signature_names=["云朵科技", "云朵"],
        language="en",
    )


def test_a_fresh_case_has_no_status_section() -> None:
    case = _case()
    assert not has_status(case)
    assert status_section_html(case, "en", TODAY, ink="#000", muted="#555") == ""


def test_status_rows_and_warnings_in_the_checklist() -> None:
    case = _case()
    mark_exported(case, dt.date(2026, 12, 1))
    mark_approved(case, "云朵科技", dt.date(2026, 12, 4))
    for carrier in ("china_mobile", "china_unicom", "china_telecom"):
        set_carrier(case, "云朵科技", carrier, "filed", dt.date(2026, 12, 10))
    mark_rejected(case, "云朵", "营业执照水印注明了其他用途", dt.date(2026, 12, 3))
    checklist = build_checklist("alibaba", "enterprise", "self", "company", None, "en")
    doc = build_checklist_document(checklist, case, lang="en", prepared_on=TODAY)
    plain = doc.toPlainText()
    assert "Status after submission" in plain and "as of 2027-06-01" in plain
    assert "Filed, but no sending for close to six months" in plain  # 173 days since filing
    assert "【云朵】" in plain and "Rejected" in plain
    assert "watermark" in plain  # the explained reason, with its fix
    zh = build_checklist_document(checklist, case, lang="zh", prepared_on=TODAY).toPlainText()
    assert "提交后的状态" in zh and "已驳回" in zh
