"""Start, provider, signature type, names and parties pages, driven by real clicks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
    QWizard,
)

from assistant.core.flow import PageId
from assistant.core.identifiers import org_code_check_char, uscc_check_char
from tests.gui.gui_helpers import click, click_next, find, go_to_page, type_text


def valid_code(prefix8: str = "91440300", org8: str = "MA5F6G7H") -> str:
    first17 = prefix8 + org8 + (org_code_check_char(org8) or "0")
    return first17 + (uscc_check_char(first17) or "0")


def next_button(wizard: QWizard) -> Any:
    return wizard.button(QWizard.WizardButton.NextButton)


def start_new(qtbot: Any, wizard: QWizard) -> None:
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    assert wizard.currentId() == PageId.PROVIDER


def choose(qtbot: Any, wizard: QWizard, name: str) -> None:
    button = find(wizard, QRadioButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    # on the indicator: a radio button only reacts to clicks on its indicator and text
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def test_start_page_has_an_empty_state_and_new_goes_to_provider(
    qtbot: Any, wizard: QWizard
) -> None:
    assert wizard.currentPage().objectName() == "page.start"
    assert find(wizard, QWidget, "start.recent_empty").isVisible()
    assert not find(wizard, QWidget, "start.recover_frame").isVisible()
    start_new(qtbot, wizard)


def test_provider_choices_write_the_case(qtbot: Any, wizard: QWizard) -> None:
    start_new(qtbot, wizard)
    choose(qtbot, wizard, "provider.provider.alibaba")
    assert wizard.case.provider == "alibaba"
    assert find(wizard, QWidget, "provider.region_box").isVisible()  # every provider has regions
    choose(qtbot, wizard, "provider.provider.tencent")
    assert find(wizard, QWidget, "provider.region_box").isVisible()
    choose(qtbot, wizard, "provider.region.international")
    choose(qtbot, wizard, "provider.purpose.others")
    assert wizard.case.region == "international"
    assert wizard.case.purpose == "others"
    assert wizard.dirty
    assert "*" in wizard.windowTitle() or wizard.isWindowModified()


def test_individual_account_at_huawei_is_refused_with_the_reason(
    qtbot: Any, wizard: QWizard
) -> None:
    start_new(qtbot, wizard)
    choose(qtbot, wizard, "provider.provider.huawei")
    choose(qtbot, wizard, "provider.region.mainland")
    choose(qtbot, wizard, "provider.account.individual")
    choose(qtbot, wizard, "provider.purpose.self")
    blocked = find(wizard, QWidget, "provider.blocked")
    assert blocked.isVisible()
    assert any(f.code == "checklist.not_allowed" for f in blocked.findings)
    assert not next_button(wizard).isEnabled()
    choose(qtbot, wizard, "provider.account.enterprise")
    assert next_button(wizard).isEnabled()
    assert not blocked.isVisible()


def test_withdrawn_types_are_disabled_with_reason_and_date(qtbot: Any, wizard: QWizard) -> None:
    start_new(qtbot, wizard)
    choose(qtbot, wizard, "provider.provider.tencent")
    choose(qtbot, wizard, "provider.region.mainland")
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.SIGNATURE_TYPE
    app = find(wizard, QRadioButton, "type.type.app")
    assert not app.isEnabled()
    page = wizard.currentPage()
    assert "2026-04-01" in page.types.notes["app"].text()
    assert find(wizard, QRadioButton, "type.type.company").isChecked()
    # internationally the app type is still accepted
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    choose(qtbot, wizard, "provider.region.international")
    click_next(qtbot, wizard)
    choose(qtbot, wizard, "type.type.app")
    assert wizard.case.type == "app"


def test_sign_kind_is_offered_where_the_provider_has_one(qtbot: Any, wizard: QWizard) -> None:
    start_new(qtbot, wizard)
    choose(qtbot, wizard, "provider.provider.huawei")
    click_next(qtbot, wizard)
    assert wizard.case.sign_type == "verification"  # Huawei's default
    choose(qtbot, wizard, "type.sign_type.notification")
    assert wizard.case.sign_type == "notification"
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    choose(qtbot, wizard, "provider.provider.tencent")
    click_next(qtbot, wizard)
    assert not wizard.currentPage().kind_box.isVisible()
    assert wizard.case.sign_type is None


def test_individual_tencent_account_cannot_choose_company(qtbot: Any, wizard: QWizard) -> None:
    start_new(qtbot, wizard)
    choose(qtbot, wizard, "provider.provider.tencent")
    choose(qtbot, wizard, "provider.region.international")
    choose(qtbot, wizard, "provider.account.individual")
    choose(qtbot, wizard, "provider.purpose.self")
    assert next_button(wizard).isEnabled()  # some types remain (app …)
    click_next(qtbot, wizard)
    assert not find(wizard, QRadioButton, "type.type.company").isEnabled()
    assert find(wizard, QRadioButton, "type.type.app").isChecked()
    assert wizard.case.type == "app"


def test_invalid_name_keeps_next_disabled_and_the_fix_is_one_click(
    qtbot: Any, wizard: QWizard
) -> None:
    start_new(qtbot, wizard)
    go_to_page(qtbot, wizard, PageId.NAMES)
    edit = find(wizard, QLineEdit, "names.name.0")
    assert not next_button(wizard).isEnabled()  # no name yet
    edit.setText("星河 云")
    assert not next_button(wizard).isEnabled()
    findings = find(wizard, QWidget, "names.findings.0")
    qtbot.waitUntil(lambda: bool(findings.findings))
    assert any(f.severity.value == "error" for f in findings.findings)
    fix = findings.findChild(QPushButton, "fix.name.space")
    assert fix is not None, [f.code for f in findings.findings]
    click(qtbot, fix)
    assert edit.text() == "星河云"
    assert next_button(wizard).isEnabled()
    assert wizard.case.signature_names == ["星河云"]


def test_names_typed_key_by_key_and_several_names(qtbot: Any, wizard: QWizard) -> None:
    start_new(qtbot, wizard)
    go_to_page(qtbot, wizard, PageId.NAMES)
    type_text(find(wizard, QLineEdit, "names.name.0"), "星河科技")
    assert wizard.case.signature_names == ["星河科技"]
    click(qtbot, find(wizard, QPushButton, "names.add"))
    second = find(wizard, QLineEdit, "names.name.1")
    type_text(second, "XingHe")
    assert wizard.case.signature_names == ["星河科技", "XingHe"]
    click(qtbot, find(wizard, QWidget, "names.remove.0"))
    assert wizard.case.signature_names == ["XingHe"]
    assert find(wizard, QLineEdit, "names.name.0").text() == "XingHe"


def test_remarks_the_type_needs_are_asked_and_checked(qtbot: Any, wizard: QWizard) -> None:
    start_new(qtbot, wizard)
    choose(qtbot, wizard, "provider.region.international")
    click_next(qtbot, wizard)
    choose(qtbot, wizard, "type.type.app")
    click_next(qtbot, wizard)
    link = find(wizard, QLineEdit, "names.remark.app_store_link")
    link.setText("not a link")
    assert wizard.case.remarks.app_store_link == "not a link"
    view = find(wizard, QWidget, "names.remark_findings.app_store_link")
    qtbot.waitUntil(lambda: bool(view.findings))
    description = find(wizard, QPlainTextEdit, "names.remark.description")
    description.setPlainText("验证码")
    counter = find(wizard, QWidget, "names.counter.description")
    assert counter.text().startswith("3")


def test_names_survive_back_and_forth(qtbot: Any, wizard: QWizard) -> None:
    start_new(qtbot, wizard)
    go_to_page(qtbot, wizard, PageId.NAMES)
    find(wizard, QLineEdit, "names.name.0").setText("星河科技")
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    go_to_page(qtbot, wizard, PageId.NAMES)
    assert find(wizard, QLineEdit, "names.name.0").text() == "星河科技"


def _to_parties(qtbot: Any, wizard: QWizard, purpose: str, account: str = "enterprise") -> None:
    start_new(qtbot, wizard)
    choose(qtbot, wizard, f"provider.purpose.{purpose}")
    choose(qtbot, wizard, f"provider.account.{account}")
    if account == "individual":
        choose(qtbot, wizard, "provider.region.international")
    go_to_page(qtbot, wizard, PageId.NAMES)
    find(wizard, QLineEdit, "names.name.0").setText("星河科技")
    go_to_page(qtbot, wizard, PageId.PARTIES)  # past the (optional) templates page


def test_self_use_has_no_owner_and_no_letter(qtbot: Any, wizard: QWizard) -> None:
    _to_parties(qtbot, wizard, "self")
    assert not find(wizard, QWidget, "parties.owner_box").isVisible()
    go_to_page(qtbot, wizard, PageId.DOCUMENTS)  # past the qualification, no letter
    assert PageId.LETTER not in wizard.visitedIds()
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.REVIEW
    assert wizard.steps.findChild(QWidget, f"steps.{int(PageId.LETTER)}") is None


def test_for_others_asks_for_the_owner_and_checks_codes_live(qtbot: Any, wizard: QWizard) -> None:
    _to_parties(qtbot, wizard, "others")
    assert find(wizard, QWidget, "parties.owner_box").isVisible()
    code = find(wizard, QLineEdit, "parties.owner.credit_code")
    code.setText("91440300MA5F6G7H8X")
    view = find(wizard, QWidget, "parties.owner.findings")
    qtbot.waitUntil(lambda: any(f.severity.value == "error" for f in view.findings))
    code.setText(valid_code())
    qtbot.waitUntil(lambda: not view.findings)
    find(wizard, QLineEdit, "parties.owner.name").setText("深圳市星河科技有限公司")
    find(wizard, QLineEdit, "parties.owner.legal_representative").setText("李明")
    assert wizard.case.owner.credit_code == valid_code()
    assert wizard.case.owner.legal_representative == "李明"
    assert wizard.steps.findChild(QWidget, f"steps.{int(PageId.LETTER)}") is not None
    go_to_page(qtbot, wizard, PageId.LETTER)  # the letter comes before the documents
    assert PageId.DOCUMENTS not in wizard.visitedIds()


def test_individual_applicant_has_no_credit_code(qtbot: Any, wizard: QWizard) -> None:
    _to_parties(qtbot, wizard, "self", account="individual")
    assert not find(wizard, QLineEdit, "parties.applicant.credit_code").isVisible()


def test_applicant_profile_is_saved_and_reused(qtbot: Any, make_wizard: Any) -> None:
    wizard = make_wizard()
    _to_parties(qtbot, wizard, "others")
    find(wizard, QLineEdit, "parties.applicant.name").setText("杭州蓝鲸数字营销有限公司")
    find(wizard, QLineEdit, "parties.applicant.credit_code").setText(
        valid_code("91330106", "MA2H3K4L")
    )
    click(qtbot, find(wizard, QPushButton, "parties.save_profile"))
    wizard.dirty = False

    other = make_wizard()
    _to_parties(qtbot, other, "others")
    combo = find(other, QComboBox, "parties.profiles")
    assert combo.isEnabled()
    labels = [combo.itemText(i) for i in range(combo.count())]
    index = next(i for i, t in enumerate(labels) if t.startswith("杭州蓝鲸数字营销有限公司"))
    assert index > 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert other.case.applicant.name == "杭州蓝鲸数字营销有限公司"
    assert other.case.applicant.credit_code == valid_code("91330106", "MA2H3K4L")


def test_saved_applicants_are_the_profiles_of_the_case_library(
    qtbot: Any, make_wizard: Any
) -> None:
    """One place for saved parties: the Parties page's list and the case library's profiles
    are the same book (sms-profiles.json)."""
    from assistant.core.profiles import Profile, ProfileBook, load_profiles, save_profiles
    from assistant.gui import settings

    path = settings.profiles_path()
    save_profiles(
        ProfileBook([Profile("applicant", "杭州蓝鲸数字营销有限公司", valid_code())]), path
    )
    wizard = make_wizard()
    _to_parties(qtbot, wizard, "others")
    combo = find(wizard, QComboBox, "parties.profiles")
    assert any(combo.itemText(i).startswith("杭州蓝鲸") for i in range(combo.count()))
    find(wizard, QLineEdit, "parties.applicant.name").setText("深圳市星河科技有限公司")
    click(qtbot, find(wizard, QPushButton, "parties.save_profile"))
    wizard.dirty = False
    book, found = load_profiles(path)
    assert not found
    assert {p.name for p in book.of_kind("applicant")} == {
        "杭州蓝鲸数字营销有限公司",
        "深圳市星河科技有限公司",
    }


def test_applicants_an_older_version_saved_are_moved_into_the_profiles(
    qtbot: Any, make_wizard: Any
) -> None:
    import json

    from PySide6.QtCore import QSettings

    from assistant.core.profiles import load_profiles
    from assistant.gui import settings

    old = {
        "杭州蓝鲸数字营销有限公司": {
            "name": "杭州蓝鲸数字营销有限公司",
            "credit_code": valid_code(),
        }
    }
    QSettings().setValue("applicants/profiles", json.dumps(old, ensure_ascii=False))
    wizard = make_wizard()
    _to_parties(qtbot, wizard, "others")
    combo = find(wizard, QComboBox, "parties.profiles")
    assert any(combo.itemText(i).startswith("杭州蓝鲸") for i in range(combo.count()))
    book, _ = load_profiles(settings.profiles_path())
    moved = book.find("杭州蓝鲸数字营销有限公司", "applicant")
    assert moved is not None and moved.credit_code == valid_code()
    assert settings.old_applicant_profiles() == []  # forgotten there once moved
    wizard.dirty = False


def test_owner_and_applicant_must_differ_live(qtbot: Any, wizard: QWizard) -> None:
    _to_parties(qtbot, wizard, "others")
    find(wizard, QLineEdit, "parties.applicant.name").setText("深圳市星河科技有限公司")
    find(wizard, QLineEdit, "parties.owner.name").setText("深圳市星河科技有限公司")
    pair = find(wizard, QWidget, "parties.same_party")
    qtbot.waitUntil(lambda: any(f.code == "letter.same_party" for f in pair.findings))
    find(wizard, QLineEdit, "parties.owner.name").setText("杭州云朵科技有限公司")
    qtbot.waitUntil(lambda: not any(f.code == "letter.same_party" for f in pair.findings))
