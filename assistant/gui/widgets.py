"""Small reusable widgets of the wizard: findings list, choice groups, the step list."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from assistant.core.findings import Finding

# Colours that read on light and dark palettes alike (the palette decides the text colour).
SEVERITY_COLOURS = {"error": "#d64545", "warning": "#d48a00", "info": "#3d85c6", "ok": "#2e9e5b"}
SEVERITY_MARKS = {"error": "✖", "warning": "▲", "info": "ℹ", "ok": "✔"}


def severity_label(severity: str) -> str:
    return {
        "error": QCoreApplication.translate("widgets", "Error"),
        "warning": QCoreApplication.translate("widgets", "Warning"),
        "info": QCoreApplication.translate("widgets", "Note"),
        "ok": QCoreApplication.translate("widgets", "OK"),
    }.get(severity, severity)


def _escape(text: str) -> str:
    """HTML-escaped text (without importing :mod:`html` before the first page is shown)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mark_html(severity: str) -> str:
    colour = SEVERITY_COLOURS.get(severity, "#888888")
    return (
        f'<span style="color:{colour}; font-weight:bold">{SEVERITY_MARKS.get(severity, "•")}</span>'
    )


def discard(widget: QWidget) -> None:
    """Retire a widget now (hidden, nameless so findChild no longer sees it) and delete it later.

    It stays in its window until deleted: re-parenting it to None would turn it into a window of
    its own and take the keyboard focus and the active window away from the wizard.
    """
    parent = widget.parentWidget()
    if parent is not None and widget.isAncestorOf(QApplication.focusWidget()):
        parent.setFocus()
    widget.hide()
    for child in (widget, *widget.findChildren(QObject)):
        child.setObjectName("")
    widget.deleteLater()


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        w = item.widget()
        if w is not None:
            discard(w)
        elif item.layout() is not None:
            clear_layout(item.layout())


HIGHLIGHT_MS = 2500
_HIGHLIGHT_STYLE = '*[highlighted="true"] { border: 2px solid #3d85c6; border-radius: 4px; }'


def highlight(widget: QWidget, focus: QWidget | None = None) -> None:
    """Draw attention to ``widget`` for a moment (a blue frame), scrolled into view, and give
    ``focus`` (default: the widget) the keyboard focus: where "Go to this step" leads."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget, 20, 20)
    if not widget.property("highlighted"):
        widget.setProperty("unhighlighted_style", widget.styleSheet())
        widget.setStyleSheet(widget.styleSheet() + _HIGHLIGHT_STYLE)
    widget.setProperty("highlighted", True)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    (focus or widget).setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def clear() -> None:
        if widget.property("highlighted"):
            widget.setProperty("highlighted", False)
            widget.setStyleSheet(str(widget.property("unhighlighted_style") or ""))

    QTimer.singleShot(HIGHLIGHT_MS, widget, clear)


class ActivatingList(QListWidget):
    """A list where Enter opens the current item and stops there (it must not also press the
    wizard's default button, Next)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
            and self.currentItem() is not None
        ):
            self.itemActivated.emit(self.currentItem())
            event.accept()
            return
        super().keyPressEvent(event)


def hint_label(text: str = "", parent: QWidget | None = None, plain: bool = True) -> QLabel:
    """A secondary, word-wrapped explanation line (dimmed text of the palette)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if plain:
        label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    wrapping(label, QSizePolicy.Policy.Preferred)
    return label


def wrapping(label: QLabel, horizontal: QSizePolicy.Policy) -> QLabel:
    """A word-wrapped label's size policy that keeps its height-for-width: without it the
    layouts size the label for a narrow guess of its width and leave big gaps around it."""
    policy = QSizePolicy(horizontal, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


class FindingsView(QWidget):
    """Findings of one subject, each with its fix and, when the core offers a corrected value,
    a button that applies it (``fixApplied`` carries the value).

    The lines are made once and reused: new findings change their texts (a check that ends
    while others run costs a relayout, not new widgets to create, style and delete)."""

    fixApplied = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, ok_text: str = "", offer_fixes: bool = False
    ) -> None:
        """``offer_fixes``: show a button for each corrected value (connect ``fixApplied``)."""
        super().__init__(parent)
        self.offer_fixes = offer_fixes
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self._layout.setSpacing(4)
        self.ok_text = ok_text
        self.findings: list[Finding] = []
        self._shown: tuple[list[Finding], bool] | None = None
        self._lines: list[tuple[QWidget, QLabel, QPushButton | None]] = []
        self.errors = 0  # how many of the findings are errors
        self.setAccessibleName(QCoreApplication.translate("widgets", "Findings"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()

    def clear(self) -> None:
        self.set_findings([], show_ok=False)

    def set_findings(self, findings: Sequence[Finding], show_ok: bool = True) -> None:
        shown = (list(findings), show_ok)
        if shown == self._shown:
            return  # the same again (a row refreshed for another reason): nothing to redo
        self._shown = shown
        self.findings = list(findings)
        self.errors = sum(f.severity.value == "error" for f in self.findings)
        lines: list[tuple[str, str, str | None, str, str | None]] = []
        if not findings and show_ok and self.ok_text:
            lines.append(("ok", self.ok_text, None, "", None))
        said = None
        for f in findings:  # a fix said for the finding just above is not said again
            lines.append(
                (
                    f.severity.value,
                    f.message,
                    f.fix if f.fix != said else None,
                    f.code,
                    f.fixed_value if self.offer_fixes and f.fixed_value else None,
                )
            )
            said = f.fix
        while len(self._lines) < len(lines):
            self._lines.append(self._new_line())
        for i, (widget, label, button) in enumerate(self._lines):
            if i >= len(lines):
                widget.hide()
                label.setObjectName("")
                self._offer(button, "", None)
                continue
            severity, message, fix, code, value = lines[i]
            self._fill(label, severity, message, fix)
            label.setObjectName(f"finding.{code}" if code else "")
            self._offer(button, code, value)
            widget.show()
        self.setVisible(bool(lines))  # no empty gap where nothing is said
        self._tell_page()

    def _tell_page(self) -> None:
        """The page holding this list re-evaluates its Next button (see BasePage)."""
        parent = self.parentWidget()
        while parent is not None and not hasattr(parent, "findings_shown"):
            parent = parent.parentWidget()
        if parent is not None:
            parent.findings_shown(self)

    def _new_line(self) -> tuple[QWidget, QLabel, QPushButton | None]:
        row = QWidget()
        row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        wrapping(label, QSizePolicy.Policy.Expanding)
        lay.addWidget(label, 1)
        button = None
        if self.offer_fixes:  # a list that never offers one has no hidden buttons either
            button = QPushButton()
            button.setToolTip(
                QCoreApplication.translate("widgets", "Replace the text with the corrected value")
            )
            button.clicked.connect(
                lambda _=False, b=button: self.fixApplied.emit(b.property("value"))
            )
            button.hide()
            lay.addWidget(button, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(row)
        return row, label, button

    @staticmethod
    def _fill(label: QLabel, severity: str, message: str, fix: str | None) -> None:
        import html

        body = f"{mark_html(severity)}&nbsp; {html.escape(message)}"
        if fix:
            body += f'<br><span style="margin-left:1.5em">→ {html.escape(fix)}</span>'
        label.setText(body)
        label.setAccessibleName(f"{severity_label(severity)}: {message}")

    @staticmethod
    def _offer(button: QPushButton | None, code: str, value: str | None) -> None:
        """The button that applies the corrected value, where the core offers one."""
        if button is None:
            return
        if value is None:
            button.hide()
            button.setObjectName("")
            return
        button.setText(QCoreApplication.translate("widgets", "Use “%1”").replace("%1", value))
        button.setAccessibleName(
            QCoreApplication.translate("widgets", "Apply the fix: %1").replace("%1", value)
        )
        button.setObjectName(f"fix.{code}")
        button.setProperty("value", value)
        button.show()


class ChoiceGroup(QWidget):
    """Radio buttons, one per choice, each with a one-line explanation under it."""

    chosen = Signal(str)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        self.notes: dict[str, QLabel] = {}
        self._group.buttonToggled.connect(self._toggled)

    def set_choices(self, choices: Iterable[tuple[str, str, str]], current: str | None) -> None:
        """``choices``: (id, title, explanation)."""
        for b in list(self._group.buttons()):
            self._group.removeButton(b)
        clear_layout(self._layout)
        self.buttons.clear()
        self.notes.clear()
        for choice_id, title, explanation in choices:
            button = QRadioButton(title)
            button.setObjectName(f"{self.objectName()}.{choice_id}")
            button.setProperty("choice", choice_id)
            button.setAccessibleDescription(explanation)
            note = hint_label(explanation)
            note.setContentsMargins(24, 0, 0, 6)
            self._group.addButton(button)
            self._layout.addWidget(button)
            self._layout.addWidget(note)
            self.buttons[choice_id] = button
            self.notes[choice_id] = note
        self._layout.addStretch(1)
        self.set_current(current)

    def set_current(self, choice_id: str | None) -> None:
        button = self.buttons.get(choice_id or "")
        if button is not None:
            blocked = self._group.blockSignals(True)
            button.setChecked(True)
            self._group.blockSignals(blocked)

    def current(self) -> str | None:
        button = self._group.checkedButton()
        return str(button.property("choice")) if button is not None else None

    def set_enabled_choice(self, choice_id: str, enabled: bool, note: str | None = None) -> None:
        button = self.buttons[choice_id]
        button.setEnabled(enabled)
        if note is not None:
            self.notes[choice_id].setText(note)

    def _toggled(self, button: Any, checked: bool) -> None:
        if checked:
            self.chosen.emit(str(button.property("choice")))


class StepList(QFrame):
    """The side panel: the steps of this case, the current one highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(14, 16, 14, 16)
        self._layout.setSpacing(8)
        self.setMinimumWidth(200)
        self.setAccessibleName(QCoreApplication.translate("widgets", "Steps"))

    def set_steps(
        self,
        steps: Sequence[tuple[int, str]],
        current: int,
        done: Callable[[int], bool],
        errors: Mapping[int, int] | None = None,
    ) -> None:
        """``errors``: per step, how many errors it still shows (a ✖ after its title)."""
        clear_layout(self._layout)
        for number, (page_id, title) in enumerate(steps, start=1):
            label = QLabel()
            label.setObjectName(f"steps.{page_id}")
            count = (errors or {}).get(page_id, 0)
            text = f"{number}.&nbsp;&nbsp;{_escape(title)}"
            if page_id == current:  # bold in the markup: no QFont before the first paint
                text = f"<b>{text}</b>"
            text = f"<span>{text}</span>"  # (rich text)
            if count:
                text += f"&nbsp; {mark_html('error')}"
                tip = (
                    QCoreApplication.translate("widgets", "1 error on this step")
                    if count == 1
                    else QCoreApplication.translate("widgets", "%1 errors on this step").replace(
                        "%1", str(count)
                    )
                )
                label.setToolTip(tip)
                label.setAccessibleDescription(tip)
            label.setText(text)
            label.setProperty("errors", count)
            label.setProperty("current", page_id == current)
            if page_id == current:
                label.setForegroundRole(QPalette.ColorRole.Highlight)
            elif not done(page_id):
                label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self._layout.addWidget(label)
        self._layout.addStretch(1)
