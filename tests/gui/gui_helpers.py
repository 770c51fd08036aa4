"""Helpers for GUI tests: real clicks on real buttons, typing any text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer_provider_page(qtbot: Any, wizard: QWizard) -> None:
    """On the provider page, click the case's current value of every question not answered yet
    (nothing is preselected: a test that does not care answers with the defaults)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QRadioButton

    page = wizard.currentPage()
    if page is None or page.objectName() != "page.provider":
        return
    case = wizard.case  # type: ignore[attr-defined]
    values = {
        "provider": case.provider,
        "region": case.region or "mainland",
        "account": case.account,
        "purpose": case.purpose,
    }
    for question in page.unanswered():
        button = wizard.findChild(QRadioButton, f"provider.{question}.{values[question]}")
        assert button is not None, question
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def click_next(qtbot: Any, wizard: QWizard) -> None:
    answer_provider_page(qtbot, wizard)
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on {wizard.currentPage().objectName()}"
    before = wizard.currentId()
    click(qtbot, button)
    assert wizard.currentId() != before


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (non-ASCII too: qtbot.keyClicks aborts on it)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def find(wizard: QWidget, cls: Any, name: str) -> Any:
    widget = wizard.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


def go_to_page(qtbot: Any, wizard: QWizard, page_id: int) -> None:
    """Click Next until ``page_id`` is shown (every Next must be enabled)."""
    for _ in range(12):
        if wizard.currentId() == page_id:
            return
        click_next(qtbot, wizard)
    assert wizard.currentId() == page_id


def press(
    qtbot: Any, wizard: QWidget, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press as the user makes it: delivered to the widget that has the keyboard focus."""
    target = QApplication.focusWidget() or wizard
    qtbot.keyClick(target, key, modifier)
