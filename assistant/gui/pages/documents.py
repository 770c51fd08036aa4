"""Documents: the checklist as a list. Each document shows its status (missing / checking / ok /
problems), the guidance, the attached file with a thumbnail, the inspection's findings and, where
a fix exists, a before/after preview. Files are attached with a button or by drag and drop; the
checks run in the background with progress and can be cancelled."""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from assistant.core.flow import PageId
from assistant.gui import dialogs, settings, workers
from assistant.gui.pages.base import BasePage
from assistant.gui.widgets import (
    SEVERITY_COLOURS,
    FindingsView,
    clear_layout,
    hint_label,
)

if TYPE_CHECKING:
    from assistant.core.attachments import Inspection

THUMB = 120


@dataclass
class Checked:
    """An inspection of one attached file, with its thumbnail (PNG bytes)."""

    inspection: Inspection
    thumbnail: bytes | None


def _png(image: Any) -> bytes | None:
    if image is None:
        return None
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def _inspect_task(path: str, provider: str, document: str, region: str | None, lang: str):
    def task(worker: workers.Worker) -> Checked:
        from assistant.core.attachments import inspect_file, thumbnail

        inspection = inspect_file(
            path,
            provider,
            document,
            region,
            lang,
            progress=worker.report_fraction,
            cancel=worker.cancel_event,
        )
        thumb = None if worker.is_cancelled() else _png(thumbnail(path, THUMB * 2))
        return Checked(inspection, thumb)

    return task


def local_paths(mime: Any) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class DocumentRow(QFrame):
    """One document of the checklist. Accepts dropped files."""

    filesDropped = Signal(str, list)  # document id, [Path]

    def __init__(self, page: DocumentsPage, document_id: str) -> None:
        super().__init__()
        self.page = page
        self.document_id = document_id
        self.setObjectName(f"docs.row.{document_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        outer = QHBoxLayout(self)
        self.thumb = QLabel()
        self.thumb.setObjectName(f"docs.thumb.{document_id}")
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setFrameShape(QFrame.Shape.Box)
        self.thumb.setForegroundRole(self.thumb.foregroundRole())
        outer.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        body = QVBoxLayout()
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
        body.addLayout(buttons)
        outer.addLayout(body, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_status(self, status: str) -> None:
        texts = {
            "missing": self.tr("Missing"),
            "checking": self.tr("Checking…"),
            "ok": self.tr("OK"),
            "problems": self.tr("Problems"),
            "unchecked": self.tr("Not checked"),
            "optional": self.tr("Not needed"),
        }
        colour = {
            "missing": SEVERITY_COLOURS["warning"],
            "checking": SEVERITY_COLOURS["info"],
            "ok": SEVERITY_COLOURS["ok"],
            "problems": SEVERITY_COLOURS["error"],
            "unchecked": "#888888",
            "optional": "#888888",
        }[status]
        self.status.setText(texts[status])
        self.status.setProperty("status", status)
        self.status.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 4px; padding: 2px 8px; font-weight: bold"
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


class DocumentsPage(BasePage):
    page_id = PageId.DOCUMENTS
    object_name = "page.documents"

    def retitle(self) -> None:
        self.setTitle(self.tr("Documents"))
        self.setSubTitle(
            self.tr(
                "Attach each document (button or drag and drop). Every file is checked against the provider's rules; your originals are never changed."
            )
        )

    def build(self) -> None:
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("docs.summary")
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("docs.progress")
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName(self.tr("Checking files"))
        bar.addWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("&Stop checks"))
        self.cancel_button.setObjectName("docs.cancel")
        self.cancel_button.clicked.connect(self.cancel_checks)
        bar.addWidget(self.cancel_button)
        self.recheck = QPushButton(self.tr("Check &again"))
        self.recheck.setObjectName("docs.recheck")
        self.recheck.clicked.connect(self.check_again)
        bar.addWidget(self.recheck)
        outer.addLayout(bar)
        self.rows_layout = self.scrolling_body(outer)
        self.rows: dict[str, DocumentRow] = {}
        self.results: dict[tuple[str, str, str, str], Checked] = {}
        self.running: dict[str, workers.Worker] = {}  # document -> its check (or fix)
        self.running_keys: dict[str, Any] = {}  # document -> the result key being checked
        self.progress_parts: dict[str, float] = {}
        self.stopped: set[Any] = set()
        self.groups: list[list[str]] = []
        self._key: tuple[str, ...] = ()
        self._fix_dir = tempfile.TemporaryDirectory(prefix="sms-fix-")
        self.wiz.finished.connect(lambda _result: self._fix_dir.cleanup())
        self._set_busy()

    # ------------------------------------------------------------------ case -> widgets
    def checklist(self) -> Any:
        from assistant.core.checklist import build_checklist

        c = self.case
        return build_checklist(c.provider, c.account, c.purpose, c.type, self.region(), self.lang)

    def load(self) -> None:
        from assistant.core.i18n import localized

        checklist = self.checklist()
        key = (self.case.provider, str(self.region()), *(e.document.id for e in checklist.entries))
        if key != self._key:
            self._key = key
            clear_layout(self.rows_layout)
            self.rows.clear()
            if not checklist.entries:
                empty = hint_label(
                    self.tr(
                        "No documents are needed for this choice, or the choice is not allowed: go back to the signature type."
                    )
                )
                empty.setObjectName("docs.empty")
                self.rows_layout.addWidget(empty)
            self.groups = [[e.document.id for e in g] for g in checklist.groups()]
            for group in checklist.groups():
                if len(group) > 1:
                    head = QLabel(self.tr("<b>One of these</b> (attach the one you have):"))
                    self.rows_layout.addWidget(head)
                for entry in group:
                    doc = entry.document
                    row = DocumentRow(self, doc.id)
                    name = localized(doc.name, self.lang)
                    row.title.setText(f"<b>{name}</b>")
                    row.guidance.setText(localized(doc.guidance, self.lang))
                    row.attach.setAccessibleName(self.tr("Attach %1").replace("%1", name))
                    self.rows[doc.id] = row
                    self.rows_layout.addWidget(row)
            self.rows_layout.addStretch(1)
        for doc_id in self.rows:
            self.refresh_row(doc_id)
            self._ensure_checked(doc_id)
        self.update_summary()

    def _attachment(self, doc_id: str) -> Any:
        found = self.case.attachments_for(doc_id)
        return found[0] if found else None

    def _result_key(self, doc_id: str) -> tuple[str, str, str, str] | None:
        a = self._attachment(doc_id)
        if a is None:
            return None
        return (doc_id, a.path, a.sha256, f"{self.case.provider}/{self.region()}/{self.lang}")

    def result(self, doc_id: str) -> Checked | None:
        key = self._result_key(doc_id)
        return self.results.get(key) if key else None

    def status(self, doc_id: str) -> str:
        if self._attachment(doc_id) is None:
            peers = next((g for g in self.groups if doc_id in g), [doc_id])
            if any(self._attachment(p) is not None for p in peers if p != doc_id):
                return "optional"  # another document of its one-of group is attached
            return "missing"
        if doc_id in self.running:
            return "checking"
        checked = self.result(doc_id)
        if checked is None:
            return "unchecked" if self._result_key(doc_id) in self.stopped else "checking"
        return "ok" if checked.inspection.ok else "problems"

    def refresh_row(self, doc_id: str) -> None:
        from assistant.core.attachments import FIXABLE_CODES

        row = self.rows.get(doc_id)
        if row is None:
            return
        a = self._attachment(doc_id)
        status = self.status(doc_id)
        row.set_status(status)
        row.remove.setVisible(a is not None)
        row.attach.setText(self.tr("Replace…") if a else self.tr("Attach…"))
        checked = self.result(doc_id)
        if a is None:
            row.file_label.setText(self.tr("Drop a file here, or attach it with the button."))
            row.thumb.setPixmap(QPixmap())
            row.thumb.setText(self.tr("No file"))
            row.findings.set_findings([], show_ok=False)
            row.fix.hide()
            return
        row.file_label.setText(Path(a.path).name)
        row.file_label.setToolTip(a.path)
        if checked is None:
            row.findings.set_findings([], show_ok=False)
            row.fix.hide()
            return
        pixmap = QPixmap()
        if checked.thumbnail and pixmap.loadFromData(checked.thumbnail):
            row.thumb.setPixmap(
                pixmap.scaled(
                    THUMB - 4,
                    THUMB - 4,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            row.thumb.setText(self.tr("No preview"))
        row.findings.set_findings(checked.inspection.sorted_findings(), show_ok=False)
        row.fix.setVisible(bool(checked.inspection.codes & FIXABLE_CODES))

    def update_summary(self) -> None:
        def group_status(group: list[str]) -> str:
            found = [self.status(d) for d in group if self._attachment(d) is not None]
            return found[0] if found else "missing"

        statuses = [group_status(g) for g in self.groups]
        done = sum(s == "ok" for s in statuses)
        problems = sum(s == "problems" for s in statuses)
        self.summary.setText(
            self.tr("%1 of %2 required documents attached and fine; %3 with problems.")
            .replace("%1", str(done))
            .replace("%2", str(len(statuses)))
            .replace("%3", str(problems))
        )

    # ------------------------------------------------------------------ attaching
    def attach_dialog(self, doc_id: str) -> None:
        paths = dialogs.choose_attachments(self, settings.last_folder())
        if paths:
            self.attach_files(doc_id, paths)

    def attach_files(self, doc_id: str, paths: list[Path]) -> None:
        path = paths[0]
        try:
            self.case.set_attachment(doc_id, path)
        except OSError as exc:
            dialogs.error(
                self, self.tr("Cannot attach the file"), str(path), exc.strerror or str(exc)
            )
            return
        settings.set_last_folder(path)
        self.changed()
        for peer in self.rows:
            self.refresh_row(peer)
        self._ensure_checked(doc_id)

    def remove_attachment(self, doc_id: str) -> None:
        self._cancel(doc_id)
        self.case.remove_attachment(doc_id)
        self.changed()
        for peer in self.rows:
            self.refresh_row(peer)
        self.update_summary()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Dropped outside a row: the first document still missing gets the file."""
        paths = local_paths(event.mimeData())
        missing = [d for d in self.rows if self._attachment(d) is None]
        if paths and missing:
            event.acceptProposedAction()
            self.attach_files(missing[0], paths)

    # ------------------------------------------------------------------ background checks
    def _ensure_checked(self, doc_id: str) -> None:
        """Start the check of the file attached to ``doc_id`` unless it is done, running or
        stopped by the user. A check still running for a file since replaced is cancelled."""
        a = self._attachment(doc_id)
        key = self._result_key(doc_id)
        running = self.running.get(doc_id)
        if running is not None:
            if self.running_keys.get(doc_id) == key:
                return
            running.cancel()  # an older file of this document: its result no longer matters
        if a is None or key is None or self.result(doc_id) is not None or key in self.stopped:
            if running is not None:
                self._forget(doc_id, running)
            return
        worker = workers.Worker(
            _inspect_task(a.path, self.case.provider, doc_id, self.region(), self.lang)
        )
        worker.signals.progress.connect(
            lambda d, t, _w, doc=doc_id, w=worker: self._progress(doc, w, d, t)
        )
        worker.signals.finished.connect(
            lambda r, doc=doc_id, k=key, w=worker: self._checked(doc, k, w, r)
        )
        worker.signals.failed.connect(lambda msg, doc=doc_id, w=worker: self._failed(doc, w, msg))
        worker.signals.cancelled.connect(
            lambda doc=doc_id, k=key, w=worker: self._stopped(doc, k, w)
        )
        self.running[doc_id] = worker
        self.running_keys[doc_id] = key
        self.progress_parts[doc_id] = 0.0
        workers.start(worker)
        self.refresh_row(doc_id)
        self._set_busy()

    def _stopped(self, doc_id: str, key: Any, worker: workers.Worker) -> None:
        if self.running.get(doc_id) is worker:  # the user stopped it (not a replaced file)
            self.stopped.add(key)
        self._ended(doc_id, worker)

    def check_again(self) -> None:
        self.stopped.clear()
        for doc_id in self.rows:
            self._ensure_checked(doc_id)

    def _progress(self, doc_id: str, worker: workers.Worker, done: int, total: int) -> None:
        if self.running.get(doc_id) is worker:
            self.progress_parts[doc_id] = done / total if total else 0.0
            self._set_busy()

    def _checked(self, doc_id: str, key: Any, worker: workers.Worker, checked: Checked) -> None:
        if checked.inspection.cancelled:
            self._stopped(doc_id, key, worker)
            return
        self.results[key] = checked
        self._ended(doc_id, worker)

    def _failed(self, doc_id: str, worker: workers.Worker, message: str) -> None:
        current = self.running.get(doc_id) is worker
        self._ended(doc_id, worker)
        if current:
            dialogs.error(self, self.tr("A check failed"), message)

    def _forget(self, doc_id: str, worker: workers.Worker) -> None:
        if self.running.get(doc_id) is worker:
            self.running.pop(doc_id, None)
            self.running_keys.pop(doc_id, None)
            self.progress_parts.pop(doc_id, None)

    def _ended(self, doc_id: str, worker: workers.Worker) -> None:
        """A check or fix ended; a newer file of the same document gets its check now."""
        self._forget(doc_id, worker)
        if doc_id not in self.running:
            self._ensure_checked(doc_id)
        self.refresh_row(doc_id)
        self.update_summary()
        self._set_busy()

    def _set_busy(self) -> None:
        busy = bool(self.running)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.recheck.setVisible(not busy and bool(self.stopped))
        if busy:
            parts = self.progress_parts.values()
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * sum(parts) / max(1, len(parts))))
            self.progress.setFormat("%p%")
            self.summary.setText(
                self.tr("Checking %1 file(s)…").replace("%1", str(len(self.running)))
            )
        elif hasattr(self, "rows"):
            self.update_summary()

    def _cancel(self, doc_id: str) -> None:
        worker = self.running.get(doc_id)
        if worker is not None:
            worker.cancel()

    def cancel_checks(self) -> None:
        for worker in list(self.running.values()):
            worker.cancel()

    def busy(self) -> bool:
        return bool(self.running)

    # ------------------------------------------------------------------ fixes
    def preview_fix(self, doc_id: str) -> None:
        a = self._attachment(doc_id)
        checked = self.result(doc_id)
        if a is None or checked is None or doc_id in self.running:
            return
        out_dir = Path(self._fix_dir.name) / doc_id
        out_dir.mkdir(parents=True, exist_ok=True)
        provider, region, lang = self.case.provider, self.region(), self.lang

        def task(worker: workers.Worker) -> tuple[Any, bytes | None]:
            from assistant.core.attachments import fix_file, thumbnail

            result = fix_file(
                a.path,
                provider,
                out_dir / Path(a.path).stem,
                doc_id,
                region,
                lang,
                progress=worker.report_fraction,
                cancel=worker.cancel_event,
            )
            thumb = _png(thumbnail(result.outputs[0], THUMB * 2)) if result.outputs else None
            return result, thumb

        worker = workers.Worker(task)
        worker.signals.finished.connect(
            lambda r, doc=doc_id, w=worker: self._fix_ready(doc, w, checked, r)
        )
        worker.signals.failed.connect(lambda msg, doc=doc_id, w=worker: self._failed(doc, w, msg))
        worker.signals.cancelled.connect(lambda doc=doc_id, w=worker: self._ended(doc, w))
        worker.signals.progress.connect(
            lambda d, t, _w, doc=doc_id, w=worker: self._progress(doc, w, d, t)
        )
        self.running[doc_id] = worker
        self.running_keys[doc_id] = self._result_key(doc_id)
        self.progress_parts[doc_id] = 0.0
        workers.start(worker)
        self.refresh_row(doc_id)
        self._set_busy()

    def _describe(self, inspection: Any) -> str:
        from assistant.core.attachments.model import human_size

        parts = [
            (inspection.format or "?").upper(),
            human_size(inspection.size_bytes) if inspection.size_bytes is not None else "",
            f"{inspection.width}×{inspection.height}" if inspection.width else "",
        ]
        errors = sum(f.severity.value == "error" for f in inspection.findings)
        parts.append(self.tr("%1 error(s)").replace("%1", str(errors)))
        return " · ".join(p for p in parts if p)

    def _fix_ready(
        self,
        doc_id: str,
        worker: workers.Worker,
        before: Checked,
        outcome: tuple[Any, bytes | None],
    ) -> None:
        result, after_thumb = outcome
        self._ended(doc_id, worker)
        if result.cancelled:
            return
        if not result.outputs:
            dialogs.error(
                self,
                self.tr("No fix possible"),
                self.tr("This file cannot be fixed automatically."),
                "\n".join(f.message for f in result.findings),
            )
            return
        after = result.inspections[0] if result.inspections else None
        notes = [f.message for f in result.findings]
        keep = dialogs.fix_preview(
            self,
            self.tr("Fix preview"),
            (before.thumbnail, self._describe(before.inspection)),
            (after_thumb, self._describe(after) if after else ""),
            notes,
        )
        if not keep:
            return
        a = self._attachment(doc_id)
        source = Path(a.path) if a else result.outputs[0]
        fixed = result.outputs[0]
        suggested = str(source.with_name(f"{source.stem}-fixed{fixed.suffix}"))
        target = dialogs.save_file(
            self, self.tr("Keep the fixed copy as"), suggested, f"*{fixed.suffix}"
        )
        if target is None:
            return
        if target.resolve() == source.resolve():
            dialogs.error(
                self,
                self.tr("Choose another name"),
                self.tr("Your original file is never overwritten."),
            )
            return
        try:
            target.write_bytes(fixed.read_bytes())
        except OSError as exc:
            dialogs.error(
                self, self.tr("Cannot save the fixed copy"), str(target), exc.strerror or str(exc)
            )
            return
        self.attach_files(doc_id, [target])

    def cleanupPage(self) -> None:
        pass
