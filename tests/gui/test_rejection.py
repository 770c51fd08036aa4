"""“Rejected? Paste the reason” (#14): from the start page, the Case menu and the Review page; the
explanation best first; recorded on the case (which signature, when it has several); “Go to this
step” opens the step with the reason's field focused and highlighted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from assistant.core.flow import PageId
from assistant.core.model import Case, save_case
from assistant.gui import settings
from assistant.gui.rejection import (
    FIELD_SUBJECTS,
    RejectionDialog,
    find_dialog,
    page_for_step,
    subject_for,
)
from tests.gui.gui_helpers import click, find, type_text

TIMEOUT = 30_000


def make_case(
    provider: str = "tencent",
    purpose: str = "others",
    kind: str = "company",
    names: tuple[str, ...] = ("星河云科技",),
) -> Case:
    case = Case()
    case.provider, case.account, case.purpose, case.type = provider, "enterprise", purpose, kind
    case.signature_names = list(names)
    case.applicant.name = "杭州蓝鲸数字营销有限公司"
    case.owner.name = "深圳市星河云科技有限公司"
    case.letter.valid_from = dt.date.today()
    case.letter.valid_until = dt.date.today().replace(year=dt.date.today().year + 2)
    return case


def dialog_of(qtbot: Any, wizard: Any) -> RejectionDialog:
    qtbot.waitUntil(lambda: find_dialog(wizard) is not None, timeout=TIMEOUT)
    dialog = find_dialog(wizard)
    assert dialog is not None
    return dialog


def paste(qtbot: Any, dialog: RejectionDialog, text: str) -> None:
    box = find(dialog, QPlainTextEdit, "rejection.text")
    box.selectAll()
    type_text(box, text)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.explanation is not None, timeout=TIMEOUT)


def test_from_the_start_page_without_a_case_it_explains_only(qtbot: Any, wizard: Any) -> None:
    click(qtbot, find(wizard, QPushButton, "start.rejected"))
    dialog = dialog_of(qtbot, wizard)
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    assert "No case is open" in find(dialog, QLabel, "rejection.case").text()
    paste(qtbot, dialog, "审核不通过：营业执照有水印，请上传无水印的图片")
    matches = find(dialog, QListWidget, "rejection.matches")
    assert matches.isVisible() and matches.count() >= 1
    assert matches.item(0).text().split(" %")[0].isdigit()  # the confidence comes first
    assert dialog.explanation is not None and dialog.explanation.step == "documents"
    details = find(dialog, QLabel, "rejection.details").text()
    for part in ("Why:", "Fix:", "Resubmit:", "Step:", "Source:", "confidence"):
        assert part in details, part
    assert "Documents" in details
    record, go = (find(dialog, QPushButton, f"rejection.{n}") for n in ("record", "go"))
    assert not record.isEnabled() and not go.isEnabled()  # nothing to record it on
    # a text no known reason fits: said plainly, nothing to choose
    paste(qtbot, dialog, "lorem ipsum dolor sit amet")
    assert not dialog.explanation.matched
    assert "No known rejection reason matches" in find(dialog, QLabel, "rejection.summary").text()
    assert not matches.isVisible()
    click(qtbot, find(dialog, QPushButton, "rejection.close"))
    qtbot.waitUntil(lambda: find_dialog(wizard) is None)
    assert not wizard.dirty


def test_the_selected_recent_case_is_opened_recorded_and_sent_to_the_step(
    qtbot: Any, make_wizard: Any, tmp_path: Path
) -> None:
    path = tmp_path / "xinghe.smscase.json"
    save_case(make_case(names=("星河云科技", "星河云")), path)
    settings.add_recent_case(path)
    wizard = make_wizard()
    recent = find(wizard, QListWidget, "start.recent")
    # the recent list says where each case stands (read in the background)
    qtbot.waitUntil(lambda: "Draft" in recent.item(0).text(), timeout=TIMEOUT)
    assert recent.item(0).text().startswith("xinghe.smscase.json    ·    Draft    —    ")
    recent.setCurrentRow(0)
    click(qtbot, find(wizard, QPushButton, "start.rejected"))
    dialog = dialog_of(qtbot, wizard)
    assert "xinghe.smscase.json" in find(dialog, QLabel, "rejection.case").text()
    assert find(dialog, QComboBox, "rejection.provider").currentData() == "tencent"
    signature = find(dialog, QComboBox, "rejection.signature")
    assert signature.isVisible() and signature.count() == 2  # several: it asks which one
    signature.setCurrentIndex(1)
    paste(qtbot, dialog, "驳回原因：授权委托书上的公章不是授权方的公章")
    best = dialog.explanation.best
    assert best is not None and best.reason.step == "letter"
    click(qtbot, find(dialog, QPushButton, "rejection.go"))
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.LETTER, timeout=TIMEOUT)
    assert wizard.case_path == path.resolve() and wizard.dirty
    from assistant.core.status.lifecycle import find_signature

    first, second = (find_signature(wizard.case, n) for n in ("星河云科技", "星河云"))
    assert first is None or first.state == "draft"  # only the one chosen is rejected
    assert second is not None and second.state == "rejected"
    assert second.rejection == "驳回原因：授权委托书上的公章不是授权方的公章"
    assert second.reasons[0] == best.reason.id and second.decided_on == dt.date.today()
    page = wizard.currentPage()
    wanted = page.subject_widget(subject_for(best.reason.field, wizard.case) or "")
    assert wanted is not None and wanted.property("highlighted")
    focus = wizard.focusWidget()  # the window's focus, once the dialog gave it back
    assert focus is wanted or wanted.isAncestorOf(focus), focus
    assert find_dialog(wizard) is None


def test_the_review_page_and_the_case_menu_use_the_open_case(
    qtbot: Any, wizard: Any, tmp_path: Path
) -> None:
    path = tmp_path / "one.smscase.json"
    case = make_case(provider="alibaba", purpose="self")
    save_case(case, path)
    wizard.replace_case(case, path.resolve())
    wizard.go_to(int(PageId.REVIEW))
    assert wizard.currentId() == PageId.REVIEW
    review = wizard.currentPage()
    qtbot.waitUntil(lambda: not review.busy(), timeout=TIMEOUT)
    click(qtbot, find(wizard, QPushButton, "review.rejected"))
    dialog = dialog_of(qtbot, wizard)
    assert find(dialog, QLabel, "rejection.case").text().startswith("Case: one.smscase.json")
    assert not find(dialog, QComboBox, "rejection.signature").isVisible()  # one name only
    assert find(dialog, QComboBox, "rejection.provider").currentData() == "alibaba"
    paste(qtbot, dialog, "签名名称与企业名称不一致")
    click(qtbot, find(dialog, QPushButton, "rejection.record"))
    sig = wizard.case.status.signatures[0]
    assert sig.state == "rejected" and sig.rejection == "签名名称与企业名称不一致"
    assert "Recorded: 【星河云科技】 rejected" in find(dialog, QLabel, "rejection.recorded").text()
    assert wizard.dirty
    click(qtbot, find(dialog, QPushButton, "rejection.close"))
    qtbot.waitUntil(lambda: find_dialog(wizard) is None)
    # the Case menu opens it again for this case, with the recorded text explained
    action = wizard.findChild(type(wizard.act_rejected), "action.rejected")
    assert action in wizard.case_menu.actions()
    action.trigger()
    dialog = dialog_of(qtbot, wizard)
    assert find(dialog, QPlainTextEdit, "rejection.text").toPlainText() == sig.rejection
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.explanation is not None)
    assert dialog.explanation.matched
    dialog.reject()


# Every field a rejection reason names, and a case where its page shows it (None: the field
# belongs to a withdrawn signature type, no page shows it: the step opens without a focus).
FIELD_CASES: dict[str, tuple[str, str, str] | None] = {
    "signature_names": ("tencent", "company", "self"),
    "type": ("tencent", "company", "self"),
    "sign_type": ("alibaba", "company", "self"),
    "purpose": ("tencent", "company", "self"),
    "region": ("alibaba", "company", "self"),
    "business_license": ("tencent", "company", "self"),
    "trademark_certificate": ("tencent", "trademark", "self"),
    "org_code_certificate": ("alibaba", "government", "self"),
    "remarks.trademark_number": ("alibaba", "trademark", "self"),
    "applicant.name": ("alibaba", "company", "self"),
    "owner.name": ("alibaba", "company", "others"),
    "authorization_letter": ("tencent", "company", "others"),
    "letter.valid_from": ("alibaba", "company", "others"),
    "letter.valid_until": ("alibaba", "company", "others"),
    "letter.template": ("alibaba", "company", "others"),
    "letter.risk_bearer": ("alibaba", "company", "others"),
    "account": ("tencent", "company", "self"),
    "remarks.description": ("alibaba", "company", "self"),
    "remarks.app_icp_number": ("huawei", "app", "self"),
    "remarks.app_store_link": None,
}


def reason_fields() -> dict[str, str]:
    """Each field the catalogue names -> the step of its first reason."""
    from assistant.core.status import load_catalogue

    out: dict[str, str] = {}
    for r in load_catalogue().reasons:
        if r.field:
            out.setdefault(r.field, r.step)
    return out


def test_every_field_of_the_catalogue_is_known_here() -> None:
    assert set(reason_fields()) == set(FIELD_CASES)
    assert set(FIELD_SUBJECTS) <= set(FIELD_CASES)


@pytest.mark.parametrize("field", sorted(f for f, c in FIELD_CASES.items() if c))
def test_go_to_this_step_focuses_the_field_of_each_reason(
    qtbot: Any, wizard: Any, field: str
) -> None:
    provider, kind, purpose = FIELD_CASES[field] or ("", "", "")
    step = reason_fields()[field]
    case = make_case(provider, purpose, kind)
    wizard.replace_case(case, None, dirty=True)
    wizard.restart()
    page, subject = page_for_step(step, case), subject_for(field, case)
    wizard.go_to(int(page), subject)
    assert wizard.currentId() == page
    widget = wizard.currentPage().subject_widget(subject or "")
    assert widget is not None, f"{field} -> {subject} on {PageId(page).name}"
    assert widget.property("highlighted")
    focus = QApplication.focusWidget()
    assert focus is widget or widget.isAncestorOf(focus), focus


def test_steps_the_case_does_not_have() -> None:
    mine = make_case(purpose="self")
    assert page_for_step("letter", mine) == PageId.PARTIES  # no letter for self-use
    assert subject_for("authorization_letter", mine) is None
    assert page_for_step("letter", make_case()) == PageId.LETTER
    assert page_for_step("qualification", mine) in (PageId.DOCUMENTS, PageId(10))
    assert page_for_step("templates", mine) == PageId.TEMPLATES
    assert subject_for(None, mine) is None
    assert subject_for("letter.template", make_case()) == "letter.template.ours"


def test_a_case_without_names_can_be_explained_not_recorded(qtbot: Any, wizard: Any) -> None:
    wizard.replace_case(make_case(names=()), None, dirty=True)
    wizard.show_rejection()
    dialog = dialog_of(qtbot, wizard)
    assert "no signature name yet" in find(dialog, QLabel, "rejection.case").text()
    paste(qtbot, dialog, "The trademark certificate is missing")
    assert dialog.explanation.matched
    assert not find(dialog, QPushButton, "rejection.record").isEnabled()
    assert find(dialog, QPushButton, "rejection.go").isEnabled()
    click(qtbot, find(dialog, QPushButton, "rejection.go"))
    qtbot.waitUntil(lambda: find_dialog(wizard) is None)
    assert wizard.currentId() == page_for_step(dialog.explanation.step or "", wizard.case)
    assert wizard.case.status.signatures == []


def test_the_dialog_speaks_chinese(qtbot: Any, qapp: Any, make_wizard: Any) -> None:
    from assistant.gui import languages

    languages.install_translators(qapp, "zh")
    try:
        wizard = make_wizard("zh")
        wizard.replace_case(make_case(), None, dirty=True)
        wizard.show_rejection()
        dialog = dialog_of(qtbot, wizard)
        paste(qtbot, dialog, "the authorization letter is not signed")
        assert dialog.windowTitle() == "被驳回？粘贴驳回原因"
        details = find(dialog, QLabel, "rejection.details").text()
        assert "原因" in details and "处理" in details and "授权委托书" in details
        assert find(dialog, QPushButton, "rejection.go").text() == "前往此步骤(&G)"
        dialog.reject()
    finally:
        languages.install_translators(qapp, "en")


def test_no_widget_of_the_dialog_is_unnamed(qtbot: Any, wizard: Any) -> None:
    from tests.gui.test_desktop_quality import unnamed_inputs

    wizard.replace_case(make_case(names=("星河云科技", "星河云")), None, dirty=True)
    wizard.show_rejection()
    dialog = dialog_of(qtbot, wizard)
    assert unnamed_inputs(dialog) == []
    letters = [
        w.text().replace("&&", "").split("&")[1][0].lower()
        for w in dialog.findChildren(QWidget)
        if (isinstance(w, QPushButton) or (isinstance(w, QLabel) and w.buddy() is not None))
        and w.isVisible()
        and "&" in w.text()
    ]
    assert len(letters) == len(set(letters)), letters
    dialog.reject()
