"""Dialogs of the case library: explain a rejection of one case (and record it)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from assistant.core.library import LibraryRow
    from assistant.core.status import Explanation


class ExplainDialog(QDialog):
    """Paste the console's rejection text: what it means, what to fix, which step; record it in
    the case (status *rejected* with the reason) and open that step in the wizard."""

    def __init__(self, row: LibraryRow, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.row, self.lang = row, lang
        self.recorded = False
        # the chosen reason's step and field, to open in the wizard
        # (assistant.gui.rejection.go_to_step) once the dialog is closed
        self.go_to: tuple[str, str | None] | None = None
        self.explanation: Explanation | None = None
        self.setObjectName("explain")
        self.setWindowTitle(self.tr("Explain a rejection"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Client:"), QLabel(row.client or row.name))
        self.signature = QComboBox()
        self.signature.setObjectName("explain.signature")
        self.signature.addItems(row.signatures)
        form.addRow(self.tr("&Signature:"), self.signature)
        layout.addLayout(form)
        self.text = QPlainTextEdit(row.rejection)
        self.text.setObjectName("explain.text")
        self.text.setPlaceholderText(self.tr("Paste the reason the provider's console shows"))
        self.text.setAccessibleName(self.tr("Rejection text"))
        self.text.setMaximumHeight(90)
        layout.addWidget(self.text)
        self.explain_button = QPushButton(self.tr("E&xplain"))
        self.explain_button.setObjectName("explain.explain")
        self.explain_button.clicked.connect(self.explain)
        layout.addWidget(self.explain_button)
        self.explained = QTextBrowser()
        self.explained.setObjectName("explain.result")
        self.explained.setMinimumSize(520, 220)
        layout.addWidget(self.explained, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.record_button = buttons.addButton(
            self.tr("&Mark as rejected and save"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.record_button.setObjectName("explain.record")
        self.record_button.clicked.connect(self.record)
        self.go_button = buttons.addButton(
            self.tr("&Open the step to fix"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.go_button.setObjectName("explain.go")
        self.go_button.clicked.connect(self._go)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text.textChanged.connect(self._update)
        self._update()
        if row.rejection:
            self.explain()

    def _update(self) -> None:
        has_text = bool(self.text.toPlainText().strip())
        self.explain_button.setEnabled(has_text)
        self.record_button.setEnabled(has_text and not self.recorded)
        self.go_button.setEnabled(bool(self.explanation and self.explanation.matched))

    def explain(self) -> None:
        from assistant.core.status import explain

        self.explanation = explain(self.text.toPlainText(), self.row.provider or None)
        self.explained.setHtml(self._html(self.explanation))
        self._update()

    def _html(self, found: Explanation) -> str:
        from assistant.core.status import step_label

        parts = [f"<p><b>{html.escape(found.message(self.lang))}</b></p>"]
        why = html.escape(self.tr("Why:"))
        fix = html.escape(self.tr("Fix:"))
        step = html.escape(self.tr("Step:"))
        for m in found.matches[:3]:
            r = m.reason
            parts.append(
                "<p>"
                + f"<b>{html.escape(r.text('reason', self.lang))}</b> "
                + f"({round(m.confidence * 100)} %)<br>"
                + f"{why} {html.escape(r.text('cause', self.lang))}<br>"
                + f"{fix} {html.escape(r.text('fix', self.lang))}<br>"
                + f"{step} {html.escape(step_label(r.step, self.lang))}"
                + "</p>"
            )
        return "".join(parts)

    def record(self) -> None:
        from assistant.core.library import record_rejection
        from assistant.gui import dialogs

        explanation, found = record_rejection(
            self.row.path, self.signature.currentText(), self.text.toPlainText(), lang=self.lang
        )
        if found:
            dialogs.error(
                self,
                self.tr("Cannot save the case"),
                self.row.path,
                "\n".join(f.message for f in found),
            )
            return
        self.recorded = True
        self.explanation = explanation
        if explanation is not None:
            self.explained.setHtml(self._html(explanation))
        self._update()

    def _go(self) -> None:
        best = self.explanation.best if self.explanation else None
        if best is not None:
            self.go_to = (best.reason.step, best.reason.field)
        self.accept()
