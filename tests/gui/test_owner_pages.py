"""The signature checked against its owner in the wizard (#10): live on the names page once the
owner is known, and again on the parties page, which also asks the owner's entity type and the
restricted-industries question."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget, QWizard

from assistant.core.flow import PageId
from tests.gui.gui_helpers import click, click_next, find, go_to_page, type_text
from tests.gui.test_early_pages import choose, start_new


def to_names(qtbot: Any, wizard: QWizard, provider: str, purpose: str = "self") -> None:
    start_new(qtbot, wizard)
    choose(qtbot, wizard, f"provider.provider.{provider}")
    choose(qtbot, wizard, "provider.region.mainland")
    choose(qtbot, wizard, "provider.account.enterprise")
    choose(qtbot, wizard, f"provider.purpose.{purpose}")
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.NAMES


def codes(view: Any) -> list[str]:
    return [f.code for f in view.findings]


def test_names_are_checked_against_the_owner_once_it_is_known(qtbot: Any, wizard: QWizard) -> None:
    to_names(qtbot, wizard, "tencent")
    hint = find(wizard, QWidget, "names.owner_hint")
    assert "next page" in hint.text()
    name = find(wizard, QLineEdit, "names.name.0")
    type_text(name, "北京XAX科技")
    findings = find(wizard, QWidget, "names.findings.0")
    assert "name.owner_mismatch" not in codes(findings)  # the owner is not known yet
    go_to_page(qtbot, wizard, PageId.PARTIES)
    type_text(find(wizard, QLineEdit, "parties.applicant.name"), "北京市XAX科技有限公司")
    checks = find(wizard, QWidget, "parties.owner_checks")
    qtbot.waitUntil(lambda: "name.owner_mismatch" in codes(checks), timeout=3000)
    # back on the names page the same finding shows, with the fix one click away
    while wizard.currentId() != PageId.NAMES:
        click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    qtbot.waitUntil(lambda: "name.owner_mismatch" in codes(findings), timeout=3000)
    assert "北京市XAX科技有限公司" in hint.text()
    mismatch = next(f for f in findings.findings if f.code == "name.owner_mismatch")
    assert mismatch.fixed_value == "XAX科技"
    name.setText(mismatch.fixed_value)
    qtbot.waitUntil(lambda: "name.owner_mismatch" not in codes(findings), timeout=3000)


def test_parties_asks_the_entity_type_and_the_industry(qtbot: Any, wizard: QWizard) -> None:
    to_names(qtbot, wizard, "huawei", "others")
    type_text(find(wizard, QLineEdit, "names.name.0"), "蓝鲸")
    description = wizard.findChild(QPlainTextEdit, "names.remark.description")
    if description is not None:
        description.setPlainText("向会员发送验证码")
    go_to_page(qtbot, wizard, PageId.PARTIES)
    type_text(find(wizard, QLineEdit, "parties.owner.name"), "杭州蓝鲸科技合伙企业（有限合伙）")
    checks = find(wizard, QWidget, "parties.owner_checks")
    # huawei-concepts: no partnerships; the name says it is one
    qtbot.waitUntil(lambda: "owner.entity_refused" in codes(checks), timeout=3000)
    entity = find(wizard, QComboBox, "parties.entity_type")
    entity.setCurrentIndex(entity.findData("enterprise"))
    qtbot.waitUntil(lambda: "owner.entity_refused" not in codes(checks), timeout=3000)
    assert wizard.case.owner.entity_type == "enterprise"
    industry = find(wizard, QComboBox, "parties.industry")
    industry.setCurrentIndex(industry.findData("religion"))
    assert wizard.case.industry == "religion"
    qtbot.waitUntil(lambda: "checklist.industry" in codes(checks), timeout=3000)
