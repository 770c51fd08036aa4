"""The Qualification page (#11), with real clicks and keys: shown only where the provider asks
for a qualification; checked as you type; ID numbers masked unless their field is edited;
skippable with an approved qualification id (which then fills QualificationId); the ID photos
attached and checked as on Documents; the commitment letter generated there; and a Tencent, an
Alibaba and a Huawei case each go from this page to a bundle with its qualification/ folder."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget, QWizard

from assistant.core.bundle import export_case, sample_case, write_sample_images
from assistant.core.flow import PageId, pages
from assistant.core.model import Case
from tests.gui.gui_helpers import click, click_next, find, go_to_page, type_text

HANDLER = "330106199203154327"


def codes(view: Any) -> list[str]:
    return [f.code for f in view.findings]


def _case(tmp_path: Path, provider: str, qualification: bool = False) -> Case:
    """The demo case of ``provider`` with its signature documents attached (its qualification
    empty unless ``qualification``)."""
    case = sample_case("en", provider=provider)
    if not qualification:
        from assistant.core.model.qualification import Qualification

        case.qualification = Qualification()
    images = write_sample_images(tmp_path / "files")
    case.set_attachment("business_license", images["business_license"])
    case.set_attachment("authorization_letter", images["authorization_letter"])
    return case


def to_page(qtbot: Any, wizard: QWizard, case: Case) -> Any:
    wizard.replace_case(case, None, dirty=True)  # type: ignore[attr-defined]
    wizard.restart()
    go_to_page(qtbot, wizard, PageId.QUALIFICATION)
    return wizard.currentPage()


def findings(wizard: QWizard) -> Any:
    return find(wizard, QWidget, "qualification.findings")


def test_the_page_only_where_a_qualification_is_asked() -> None:
    mainland = Case(provider="tencent", region="mainland")
    assert PageId.QUALIFICATION in pages(mainland)
    assert PageId.QUALIFICATION not in pages(Case(provider="tencent", region="international"))
    order = list(pages(mainland))
    assert order.index(PageId.PARTIES) < order.index(PageId.QUALIFICATION)


def test_typing_is_checked_live_and_id_numbers_are_masked(
    qtbot: Any, wizard: QWizard, tmp_path: Path
) -> None:
    to_page(qtbot, wizard, _case(tmp_path, "tencent"))
    view = findings(wizard)
    assert "qualification.not_prepared" in codes(view)
    number = find(wizard, QLineEdit, "qualification.handler.id_number")
    click(qtbot, number)
    type_text(number, HANDLER[:-1] + "0")  # a wrong check character
    qtbot.waitUntil(lambda: "qualification.id_checksum" in codes(view), timeout=3000)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: not next_button.isEnabled(), timeout=3000)  # an error blocks Next
    assert number.text() == HANDLER[:-1] + "0"  # shown as typed while it is being edited
    mobile = find(wizard, QLineEdit, "qualification.handler.mobile")
    click(qtbot, mobile)  # the focus leaves the number
    assert number.text() == "3301**********4320"
    assert wizard.case.qualification.handler.id_number == HANDLER[:-1] + "0"
    for f in view.findings:
        assert HANDLER[:-1] not in f.message
    click(qtbot, number)
    assert number.text() == HANDLER[:-1] + "0"
    number.selectAll()
    qtbot.keyClick(number, Qt.Key.Key_Backspace)
    type_text(number, HANDLER)
    type_text(mobile, "12345")
    qtbot.waitUntil(lambda: "qualification.mobile_invalid" in codes(view), timeout=3000)
    assert "qualification.id_checksum" not in codes(view)
    assert wizard.case.qualification.handler.id_number == HANDLER


def test_skipped_with_an_approved_qualification(
    qtbot: Any, wizard: QWizard, tmp_path: Path
) -> None:
    to_page(qtbot, wizard, _case(tmp_path, "alibaba"))
    approved = find(wizard, QCheckBox, "qualification.approved")
    click(qtbot, approved)
    assert approved.isChecked()
    assert not find(wizard, QWidget, "qualification.form").isVisible()
    type_text(find(wizard, QLineEdit, "qualification.approved_id"), "12x")
    view = findings(wizard)
    qtbot.waitUntil(lambda: codes(view) == ["qualification.approved_id_format"], timeout=3000)
    find(wizard, QLineEdit, "qualification.approved_id").clear()
    type_text(find(wizard, QLineEdit, "qualification.approved_id"), "20001")
    qtbot.waitUntil(lambda: codes(view) == [], timeout=3000)
    assert wizard.case.qualification.approved_id == "20001"
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(next_button.isEnabled, timeout=3000)
    click_next(qtbot, wizard)  # nothing blocks the way on
    result = export_case(wizard.case, tmp_path / "b.zip", allow_incomplete=True)
    assert result.output is not None
    with zipfile.ZipFile(result.output) as zf:
        sign = json.loads(zf.read("api/alibaba-CreateSmsSign-1.json"))
        assert not [n for n in zf.namelist() if n.startswith("qualification/")]
    assert sign["QualificationId"] == 20001


def _photo(tmp_path: Path, document: str) -> Path:
    """A clearly fake but readable picture of ``document`` (a blank one is refused)."""
    from PIL import ImageFont

    from assistant.core.bundle.demo_qualification import draw_sample

    path = tmp_path / f"{document}.jpg"
    draw_sample(path, document, lambda size: ImageFont.load_default(size=size))
    return path


def test_a_blank_photo_is_refused_on_the_page(
    qtbot: Any, wizard: QWizard, tmp_path: Path, fake_dialogs: Any
) -> None:
    page = to_page(qtbot, wizard, _case(tmp_path, "huawei"))
    blank = tmp_path / "blank.jpg"
    Image.new("RGB", (1712, 1080), "#eef4fb").save(blank, "JPEG")
    fake_dialogs.answer("choose_attachments", [blank])
    click(qtbot, find(wizard, QPushButton, "qualification.attach.handler_holding_id"))
    view = find(wizard, QWidget, "qualification.findings.handler_holding_id")
    qtbot.waitUntil(lambda: "image.blank" in codes(view), timeout=20000)
    assert page.checker.status("handler_holding_id") == "problems"
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: not next_button.isEnabled(), timeout=3000)
    click(qtbot, find(wizard, QPushButton, "qualification.remove.handler_holding_id"))
    assert page.checker.attachment("handler_holding_id") is None


# what the user types on the page, field by field (shown fields only)
TYPED = {
    "qualification.owner.licence_validity.valid_from": "2016-05-20",
    "qualification.legal_representative.id_number": "330106198506121237",
    "qualification.legal_representative.id_validity.valid_from": "2015-03-01",
    "qualification.legal_representative.id_validity.valid_until": "2035-03-01",
    "qualification.handler.name": "李华",
    "qualification.handler.id_number": HANDLER,
    "qualification.handler.id_validity.valid_from": "2019-08-01",
    "qualification.handler.id_validity.valid_until": "2039-08-01",
    "qualification.handler.mobile": "13800138000",
    "qualification.handler.email": "li.hua@example.com",
}


@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_from_the_page_to_a_bundle(
    qtbot: Any, wizard: QWizard, tmp_path: Path, fake_dialogs: Any, provider: str
) -> None:
    page = to_page(qtbot, wizard, _case(tmp_path, provider))
    for name, value in TYPED.items():
        edit = wizard.findChild(QLineEdit, name)
        if edit is not None and edit.isVisible():
            click(qtbot, edit)
            type_text(edit, value)
    entity = wizard.findChild(QComboBox, "qualification.owner.entity_type")
    if entity.isVisible():  # Alibaba's CompanyType: the keyboard chooses 企业 (enterprise)
        entity.setFocus()
        qtbot.keyClick(entity, Qt.Key.Key_Down)
        assert wizard.case.qualification.owner.entity_type == "enterprise"
    long_term = wizard.findChild(QCheckBox, "qualification.owner.licence_validity.long_term")
    if long_term is not None and long_term.isVisible():
        click(qtbot, long_term)
    for doc_id in list(page.rows):
        fake_dialogs.answer("choose_attachments", [_photo(tmp_path, doc_id)])
        click(qtbot, find(wizard, QPushButton, f"qualification.attach.{doc_id}"))
    for doc_id in page.rows:
        qtbot.waitUntil(lambda d=doc_id: page.checker.status(d) not in ("checking",), timeout=20000)
    if provider == "tencent":  # the commitment letter, generated here
        letter = tmp_path / "commitment.docx"
        fake_dialogs.answer("save_file", letter)
        click(qtbot, find(wizard, QPushButton, "qualification.generate"))
        qtbot.waitUntil(lambda: letter.is_file() and not page.busy(), timeout=20000)
        assert "commitment.docx" in find(wizard, QWidget, "qualification.generated").text()
    view = findings(wizard)

    def only_notes() -> bool:  # nothing left but notes on photos the provider may ask for
        return all(f.severity.value == "info" for f in view.findings)

    qtbot.waitUntil(only_notes, timeout=5000)
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled, timeout=5000)
    click_next(qtbot, wizard)
    result = export_case(wizard.case, tmp_path / "bundle.zip", allow_incomplete=True)
    assert result.output is not None
    with zipfile.ZipFile(result.output) as zf:
        names = zf.namelist()
        steps = zf.read("qualification/steps.txt").decode("utf-8")
        readme = zf.read("README.txt").decode("utf-8")
    photos = [n for n in names if n.startswith("qualification/") and n.endswith(".jpg")]
    assert len(photos) == len(page.rows)
    for photo in photos:
        assert photo in steps
    assert "3301**********4327" in steps and HANDLER not in readme + steps
    assert "China Mobile" in readme and "China Unicom" in readme and "China Telecom" in readme
    if provider == "alibaba":
        assert "qualification/alibaba-SubmitSmsQualification.json" in names
    if provider == "tencent":
        assert "qualification/commitment-letter.docx" in names


def test_go_to_this_step_focuses_the_field(qtbot: Any, wizard: QWizard, tmp_path: Path) -> None:
    case = _case(tmp_path, "alibaba", qualification=True)
    case.qualification.handler.mobile = "12345"
    wizard.replace_case(case, None, dirty=True)  # type: ignore[attr-defined]
    wizard.restart()
    wizard.go_to(int(PageId.QUALIFICATION), "qualification.handler.mobile")  # type: ignore[attr-defined]
    assert wizard.currentId() == PageId.QUALIFICATION
    mobile = find(wizard, QLineEdit, "qualification.handler.mobile")
    assert mobile.property("highlighted") and mobile.hasFocus()
    page = wizard.currentPage()
    start = find(wizard, QLineEdit, "qualification.handler.id_validity.valid_from")
    assert page.subject_widget("qualification.handler.id_validity") is start
    assert page.subject_widget("handler_id_emblem") is page.rows["handler_id_emblem"]


@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_the_fields_start_at_one_x_and_a_long_label_wraps(
    qtbot: Any, wizard: QWizard, tmp_path: Path, provider: str
) -> None:
    """Every field of the page starts at the same x, near the labels: a long label wraps
    instead of pushing every field to the right (#16; Huawei's remark label was one, until its
    explanation moved to the field's note, shown in the field)."""
    page = to_page(qtbot, wizard, _case(tmp_path, provider, qualification=True))
    form = find(wizard, QWidget, "qualification.form")
    fields = [
        w
        for name, w in page.widgets.items()
        if w.isVisibleTo(page) and not name.endswith("validity")
    ]
    xs = {w.mapTo(form, w.rect().topLeft()).x() for w in fields}
    assert len(xs) == 1, xs  # one column of fields …
    labels = [find(wizard, QLabel, f"qualification.label.{name}") for name in page.widgets]
    shown = [label for label in labels if label.isVisibleTo(page)]
    assert {label.width() for label in shown} == {shown[0].width()}
    label_end = shown[0].mapTo(form, shown[0].rect().topRight()).x()
    assert xs.pop() - label_end < 30  # … just after the labels
    assert shown[0].width() <= 42 * page.fontMetrics().averageCharWidth()
    if provider == "huawei":  # its remark is short; what to write in it is in the field
        remark = find(wizard, QLabel, "qualification.label.remark")
        assert remark.isVisibleTo(page) and not remark.wordWrap()
        edit = find(wizard, QLineEdit, "qualification.remark")
        assert "which is which" in edit.placeholderText()
    # a label longer than the column (a user's pack, a translation) wraps
    long = shown[-1]
    long.setText("A label that says in brackets everything the provider wants to know about it")
    page._align_labels()
    assert long.wordWrap() and {label.width() for label in shown} == {shown[0].width()}
    assert long.fontMetrics().horizontalAdvance(long.text()) > long.width()
