"""The Templates page, driven by real clicks and typing: add and remove templates, live checks
with one-click fixes, the phone preview with its length and number of SMS."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
    QWizard,
)

from assistant.core.flow import PageId
from tests.gui.gui_helpers import click, click_next, find, go_to_page, type_text
from tests.gui.test_early_pages import choose

TIMEOUT = 20000  # a loaded CI machine: the debounced checks still come


def next_enabled(wizard: QWizard) -> bool:
    return bool(wizard.button(QWizard.WizardButton.NextButton).isEnabled())


def to_templates(qtbot: Any, wizard: QWizard, name: str = "星河科技") -> None:
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    go_to_page(qtbot, wizard, PageId.NAMES)
    find(wizard, QLineEdit, "names.name.0").setText(name)
    qtbot.waitUntil(lambda: next_enabled(wizard), timeout=TIMEOUT)
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.TEMPLATES


def codes(view: Any) -> set[str]:
    return {f.code for f in view.findings}


def test_templates_are_optional(qtbot: Any, wizard: QWizard) -> None:
    to_templates(qtbot, wizard)
    assert wizard.currentPage().objectName() == "page.templates"
    assert wizard.case.templates == []
    assert "{1}" in find(wizard, QLabel, "templates.hint").text()  # Tencent's variable syntax
    assert next_enabled(wizard)
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.PARTIES


def test_live_check_fix_preview_and_segments(qtbot: Any, wizard: QWizard) -> None:
    to_templates(qtbot, wizard)
    click(qtbot, find(wizard, QPushButton, "templates.add"))
    assert len(wizard.case.templates) == 1
    kind = find(wizard, QComboBox, "templates.kind.0")
    kind.setCurrentIndex(kind.findData("marketing"))
    text = find(wizard, QPlainTextEdit, "templates.text.0")
    type_text(text, "尊敬的会员，店庆全场八折")
    assert wizard.case.templates[0].kind == "marketing"
    assert wizard.case.templates[0].text == "尊敬的会员，店庆全场八折"
    view = find(wizard, QWidget, "templates.findings.0")
    qtbot.waitUntil(
        lambda: "template.marketing.unsubscribe_missing" in codes(view), timeout=TIMEOUT
    )
    assert not next_enabled(wizard)  # an error on the page keeps Next disabled
    fix = view.findChild(QPushButton, "fix.template.marketing.unsubscribe_missing")
    assert fix is not None
    click(qtbot, fix)
    assert text.toPlainText() == "尊敬的会员，店庆全场八折拒收请回复R"
    qtbot.waitUntil(
        lambda: "template.marketing.unsubscribe_missing" not in codes(view), timeout=TIMEOUT
    )
    preview = find(wizard, QLabel, "templates.preview.0")
    assert preview.text() == "【星河科技】尊敬的会员，店庆全场八折拒收请回复R"
    counter = find(wizard, QLabel, "templates.counter.0")
    assert counter.text() == "24 characters · 1 SMS"
    type_text(text, "，" + "详情请登录官网查看" * 6)
    qtbot.waitUntil(lambda: "2 SMS" in counter.text(), timeout=TIMEOUT)
    type_text(find(wizard, QLineEdit, "templates.scene.0"), "会员店庆活动通知")
    assert wizard.case.templates[0].scene == "会员店庆活动通知"


def test_variables_show_example_values_in_the_preview(qtbot: Any, wizard: QWizard) -> None:
    to_templates(qtbot, wizard)
    click(qtbot, find(wizard, QPushButton, "templates.add"))
    text = find(wizard, QPlainTextEdit, "templates.text.0")
    type_text(text, "您的验证码为{1}，5分钟内有效。")
    preview = find(wizard, QLabel, "templates.preview.0")
    qtbot.waitUntil(lambda: "123456" in preview.text(), timeout=TIMEOUT)
    assert preview.text() == "【星河科技】您的验证码为123456，5分钟内有效。"
    view = find(wizard, QWidget, "templates.findings.0")
    qtbot.waitUntil(lambda: view.isVisible(), timeout=TIMEOUT)
    assert not [f for f in view.findings if f.severity.value == "error"]
    type_text(text, "{3}")
    qtbot.waitUntil(lambda: "template.variable.numbering" in codes(view), timeout=TIMEOUT)
    click(qtbot, view.findChild(QPushButton, "fix.template.variable.numbering"))
    assert text.toPlainText() == "您的验证码为{1}，5分钟内有效。{2}"


def test_add_and_remove_templates(qtbot: Any, wizard: QWizard) -> None:
    to_templates(qtbot, wizard)
    add = find(wizard, QPushButton, "templates.add")
    click(qtbot, add)
    click(qtbot, add)
    type_text(find(wizard, QPlainTextEdit, "templates.text.0"), "第一个")
    type_text(find(wizard, QPlainTextEdit, "templates.text.1"), "您的订单{1}已发货。")
    assert [t.text for t in wizard.case.templates] == ["第一个", "您的订单{1}已发货。"]
    click(qtbot, find(wizard, QWidget, "templates.remove.0"))
    assert [t.text for t in wizard.case.templates] == ["您的订单{1}已发货。"]
    assert find(wizard, QPlainTextEdit, "templates.text.0").toPlainText() == "您的订单{1}已发货。"
    assert wizard.findChild(QPlainTextEdit, "templates.text.1") is None
    assert wizard.dirty


def test_templates_survive_back_and_forth(qtbot: Any, wizard: QWizard) -> None:
    to_templates(qtbot, wizard)
    click(qtbot, find(wizard, QPushButton, "templates.add"))
    type_text(find(wizard, QPlainTextEdit, "templates.text.0"), "您的订单{1}已发货。")
    wizard.back()
    assert wizard.currentId() == PageId.NAMES
    click_next(qtbot, wizard)
    assert find(wizard, QPlainTextEdit, "templates.text.0").toPlainText() == "您的订单{1}已发货。"


def test_variables_get_an_attribute_and_an_example(qtbot: Any, wizard: QWizard) -> None:
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    choose(qtbot, wizard, "provider.provider.alibaba")
    go_to_page(qtbot, wizard, PageId.NAMES)
    find(wizard, QLineEdit, "names.name.0").setText("星河科技")
    qtbot.waitUntil(lambda: next_enabled(wizard), timeout=TIMEOUT)
    go_to_page(qtbot, wizard, PageId.TEMPLATES)
    click(qtbot, find(wizard, QPushButton, "templates.add"))
    type_text(
        find(wizard, QPlainTextEdit, "templates.text.0"), "您的验证码为${code}，5分钟内有效。"
    )
    view = find(wizard, QWidget, "templates.findings.0")
    qtbot.waitUntil(lambda: "template.variable.attribute_missing" in codes(view), timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: wizard.findChild(QComboBox, "templates.attribute.0.code") is not None,
        timeout=TIMEOUT,
    )
    attribute = find(wizard, QComboBox, "templates.attribute.0.code")
    assert attribute.findData("phone_number2") == -1  # only the verification attributes
    # said in words, not as the API's value
    assert (
        attribute.itemText(attribute.findData("numberCaptcha")) == "Digits only (verification code)"
    )
    attribute.setCurrentIndex(attribute.findData("numberCaptcha"))
    type_text(find(wizard, QLineEdit, "templates.example.0.code"), "8531")
    [info] = wizard.case.templates[0].variables
    assert (info.name, info.attribute, info.example) == ("code", "numberCaptcha", "8531")
    preview = find(wizard, QLabel, "templates.preview.0")
    qtbot.waitUntil(lambda: "8531" in preview.text(), timeout=TIMEOUT)
    assert preview.text() == "【星河科技】您的验证码为8531，5分钟内有效。"
    qtbot.waitUntil(
        lambda: "template.variable.attribute_missing" not in codes(view), timeout=TIMEOUT
    )
