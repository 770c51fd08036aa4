"""The Qualification page's own widgets: an ID number field that shows the number masked unless
it is being edited, a validity (from, until, long-term), and one row per document the provider
asks for (attach, remove, the review's verdict on the file — the same checker as Documents)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from assistant.gui.pages.reflow import Reflow, fit_text
from assistant.gui.widgets import FindingsView, hint_label

if TYPE_CHECKING:
    from assistant.core.model.qualification import Validity


class MaskedIdEdit(QLineEdit):
    """An ID number field: the number as typed while it has the focus, masked
    (``1101**********1234``) otherwise — on screen, in screenshots and to screen readers."""

    valueChanged = Signal(str)

    def __init__(self, object_name: str, accessible: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setAccessibleName(accessible)
        self.setMaxLength(30)
        self._value = ""
        self._showing = False  # the real number is on screen (editing)
        self.textEdited.connect(self._edited)

    def value(self) -> str:
        return self.text() if self._showing else self._value

    def set_value(self, value: str) -> None:
        self._value = value
        self._show()

    def is_masked(self) -> bool:
        return not self._showing

    def _show(self) -> None:
        from assistant.core.qualification import mask_id

        self.blockSignals(True)
        self.setText(self._value if self._showing else mask_id(self._value))
        self.blockSignals(False)

    def _edited(self, text: str) -> None:
        if self._showing:
            self._value = text
            self.valueChanged.emit(text)

    def _unmask(self) -> None:
        if not self._showing:
            self._showing = True
            self._show()
            self.end(False)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._unmask()
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._unmask()  # typing edits the number itself, never its masked form
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._value = self.text()
        self._showing = False
        self._show()
        super().focusOutEvent(event)


class ValidityEdit(Reflow):
    """From, until (``YYYY-MM-DD``) and long-term (长期) of a licence or an ID card; the
    long-term box goes under the dates when the row is narrow."""

    changed = Signal()

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        dates = QHBoxLayout()
        self.start = QLineEdit()
        self.start.setObjectName(f"{object_name}.valid_from")
        self.until = QLineEdit()
        self.until.setObjectName(f"{object_name}.valid_until")
        for edit in (self.start, self.until):
            edit.setPlaceholderText("YYYY-MM-DD")
            edit.setMaxLength(10)
            fit_text(edit, "0000-00-00")
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.long_term = QCheckBox(self.tr("Long-term (长期)"))
        self.long_term.setObjectName(f"{object_name}.long_term")
        self.long_term.toggled.connect(self._long_term)
        dates.addWidget(self.start, 1)
        dates.addWidget(QLabel("~"))
        dates.addWidget(self.until, 1)
        self.add(dates, 1)
        self.add(self.long_term)
        self.start.setAccessibleName(self.tr("Valid from"))
        self.until.setAccessibleName(self.tr("Valid until"))

    def _long_term(self, on: bool) -> None:
        self.until.setEnabled(not on)
        self.changed.emit()

    def load(self, validity: Validity) -> None:
        self.blockSignals(True)
        self.start.setText(validity.valid_from.isoformat() if validity.valid_from else "")
        self.until.setText(validity.valid_until.isoformat() if validity.valid_until else "")
        self.long_term.setChecked(validity.long_term)
        self.until.setEnabled(not validity.long_term)
        self.blockSignals(False)

    def store(self, validity: Validity) -> list[str]:
        """Write the fields into ``validity``; the texts that are not dates (left unchanged)."""
        bad = []
        for edit, attr in ((self.start, "valid_from"), (self.until, "valid_until")):
            raw = edit.text().strip()
            if not raw:
                setattr(validity, attr, None)
                continue
            try:
                setattr(validity, attr, dt.date.fromisoformat(raw))
            except ValueError:
                bad.append(raw)
        validity.long_term = self.long_term.isChecked()
        return bad


class DocumentLine(QFrame):
    """One document of the qualification: its label, status, file, the verdict, the buttons."""

    def __init__(self, page: Any, document_id: str) -> None:
        super().__init__()
        self.page = page
        self.document_id = document_id
        self.setObjectName(f"qualification.doc.{document_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        head.addWidget(self.title, 1)
        self.status = QLabel()
        self.status.setObjectName(f"qualification.status.{document_id}")
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(head)
        self.note = hint_label()
        lay.addWidget(self.note)
        self.file_label = QLabel()
        self.file_label.setObjectName(f"qualification.file.{document_id}")
        self.file_label.setWordWrap(True)
        lay.addWidget(self.file_label)
        self.findings = FindingsView()
        self.findings.setObjectName(f"qualification.findings.{document_id}")
        lay.addWidget(self.findings)
        buttons = QHBoxLayout()
        self.attach = QPushButton(self.tr("Attach…"))
        self.attach.setObjectName(f"qualification.attach.{document_id}")
        self.attach.clicked.connect(lambda: page.attach_dialog(document_id))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setObjectName(f"qualification.remove.{document_id}")
        self.remove.clicked.connect(lambda: page.remove_attachment(document_id))
        buttons.addWidget(self.attach)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        lay.addLayout(buttons)

    def show_state(self, status: str, file_name: str | None, findings: list[Any]) -> None:
        texts = {
            "missing": self.tr("Not attached"),
            "checking": self.tr("Checking…"),
            "ok": self.tr("OK"),
            "fixed": self.tr("OK, fixed in the bundle"),
            "warnings": self.tr("Look at it"),
            "problems": self.tr("Problems"),
            "unchecked": self.tr("Not checked"),
        }
        self.status.setText(texts.get(status, status))
        self.status.setProperty("status", status)
        self.file_label.setText(file_name or "")
        self.file_label.setVisible(bool(file_name))
        self.remove.setEnabled(bool(file_name))
        self.findings.set_findings(findings, show_ok=False)

    def dragEnterEvent(self, event: Any) -> None:
        from assistant.gui.pages.document_row import local_paths

        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        from assistant.gui.pages.document_row import local_paths

        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.page.attach_files(self.document_id, [Path(p) for p in paths])
