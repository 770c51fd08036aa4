"""One document of the Documents page: its status, guidance, the attached file with a thumbnail,
the verdict on it and the buttons. A row can be *compact* (one line: an alternative of a
"one of these" group that is not attached), and accepts dropped files either way."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from assistant.gui.checker import THUMB
from assistant.gui.widgets import SEVERITY_COLOURS, FindingsView, hint_label

if TYPE_CHECKING:
    from assistant.gui.pages.documents import DocumentsPage

_STATUS_COLOURS = {
    "missing": SEVERITY_COLOURS["warning"],
    "checking": SEVERITY_COLOURS["info"],
    "ok": SEVERITY_COLOURS["ok"],
    "fixed": SEVERITY_COLOURS["ok"],
    "warnings": SEVERITY_COLOURS["warning"],
    "problems": SEVERITY_COLOURS["error"],
    "unchecked": "#888888",
    "optional": "#888888",
}


def local_paths(mime: Any) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class DocumentRow(QFrame):
    """One document of the checklist."""

    def __init__(self, page: DocumentsPage, document_id: str) -> None:
        super().__init__()
        self.page = page
        self.document_id = document_id
        self.compact = False
        self.setObjectName(f"docs.row.{document_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        self.thumb = QLabel()
        self.thumb.setObjectName(f"docs.thumb.{document_id}")
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setFrameShape(QFrame.Shape.Box)
        outer.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        body = QVBoxLayout()
        body.setSpacing(3)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName(f"docs.title.{document_id}")
        self.title.setWordWrap(True)
        head.addWidget(self.title, 1)
        self.status = QLabel()
        self.status.setObjectName(f"docs.status.{document_id}")
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(head)
        self.guidance = hint_label()
        body.addWidget(self.guidance)
        self.file_label = QLabel()
        self.file_label.setObjectName(f"docs.file.{document_id}")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        body.addWidget(self.file_label)
        self.findings = FindingsView()
        self.findings.setObjectName(f"docs.findings.{document_id}")
        body.addWidget(self.findings)
        body.addLayout(self._buttons())
        outer.addLayout(body, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _buttons(self) -> QHBoxLayout:
        page, document_id = self.page, self.document_id
        buttons = QHBoxLayout()
        self.attach = QPushButton(self.tr("Attach…"))
        self.attach.setObjectName(f"docs.attach.{document_id}")
        self.attach.clicked.connect(lambda: page.attach_dialog(document_id))
        buttons.addWidget(self.attach)
        self.fix = QPushButton(self.tr("Preview fix…"))
        self.fix.setObjectName(f"docs.fix.{document_id}")
        self.fix.setToolTip(
            self.tr(
                "Make a compliant copy and compare it with your original (which stays unchanged)"
            )
        )
        self.fix.clicked.connect(lambda: page.preview_fix(document_id))
        buttons.addWidget(self.fix)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setObjectName(f"docs.remove.{document_id}")
        self.remove.clicked.connect(lambda: page.remove_attachment(document_id))
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        return buttons

    def set_compact(self, compact: bool) -> None:
        """One line (title, status, Attach) for an alternative that is not attached."""
        if compact == self.compact and self.property("laid_out"):
            return
        self.setProperty("laid_out", True)
        self.compact = compact
        for widget in (self.thumb, self.guidance, self.file_label):
            widget.setVisible(not compact)
        self.setToolTip(self.guidance.text() if compact else "")

    def set_status(self, status: str) -> None:
        if self.status.property("status") == status:
            return  # a style sheet costs a re-polish: only when the status changes
        texts = {
            "missing": self.tr("Missing"),
            "checking": self.tr("Checking…"),
            "ok": self.tr("OK"),
            "fixed": self.tr("OK, fixed in the bundle"),
            "warnings": self.tr("Look at it"),
            "problems": self.tr("Problems"),
            "unchecked": self.tr("Not checked"),
            "optional": self.tr("Not needed"),
        }
        self.status.setText(texts[status])
        self.status.setProperty("status", status)
        self.status.setStyleSheet(
            f"color: white; background: {_STATUS_COLOURS[status]}; border-radius: 4px;"
            " padding: 2px 8px; font-weight: bold"
        )
        self.status.setAccessibleName(self.tr("Status: %1").replace("%1", texts[status]))

    # ---- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.page.attach_files(self.document_id, paths)
