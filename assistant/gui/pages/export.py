"""Export: choose where, progress, result, "show in folder". With errors the export is refused
and the errors listed, unless the user explicitly asks for an incomplete bundle (and confirms)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from assistant.core.flow import PageId
from assistant.gui import dialogs, settings, workers
from assistant.gui.pages.base import BasePage
from assistant.gui.widgets import FindingsView, hint_label


class ExportPage(BasePage):
    page_id = PageId.EXPORT
    object_name = "page.export"

    def retitle(self) -> None:
        self.setTitle(self.tr("Export the bundle"))
        self.setSubTitle(
            self.tr(
                "One zip with the renamed and fixed files, the letter, the checklist, a README and the API payloads."
            )
        )

    def build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Save the bundle as:"))
        self.target = QLineEdit()
        self.target.setObjectName("export.target")
        self.target.setAccessibleName(self.tr("Bundle file"))
        label.setBuddy(self.target)
        self.target.textChanged.connect(lambda _t: self.completeChanged.emit())
        row.addWidget(label)
        row.addWidget(self.target, 1)
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.choose.setObjectName("export.choose")
        self.choose.clicked.connect(self._choose)
        row.addWidget(self.choose)
        layout.addLayout(row)
        self.incomplete = QCheckBox(
            self.tr("Export even with errors (the bundle is marked INCOMPLETE)")
        )
        self.incomplete.setObjectName("export.incomplete")
        layout.addWidget(self.incomplete)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("export.run")
        self.export_button.setDefault(False)
        self.export_button.clicked.connect(self.export)
        buttons.addWidget(self.export_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("export.progress")
        buttons.addWidget(self.progress, 3)
        self.cancel_button = QPushButton(self.tr("S&top"))
        self.cancel_button.setObjectName("export.cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)  # the Export button as wide as its text, not as the page
        layout.addLayout(buttons)
        self.result_label = QLabel()
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()  # shown with the first thing to say (no empty gap before)
        self.result_label.setObjectName("export.result")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.findings = FindingsView()
        self.findings.setObjectName("export.findings")
        layout.addWidget(self.findings)
        done = QHBoxLayout()  # buttons as wide as their text, not as the window
        self.show_folder = QPushButton(self.tr("Show in fol&der"))
        self.show_folder.setObjectName("export.show_folder")
        self.show_folder.clicked.connect(self._show_folder)
        done.addWidget(self.show_folder)
        self.copy_path = QPushButton(self.tr("Cop&y path"))
        self.copy_path.setObjectName("export.copy_path")
        self.copy_path.setToolTip(self.tr("Copy where the bundle was saved"))
        self.copy_path.clicked.connect(lambda: self.output and dialogs.copy_path(self.output))
        done.addWidget(self.copy_path)
        done.addStretch(1)
        layout.addLayout(done)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Then upload the files in the provider's console as the README in the bundle says."
                )
            )
        )
        from assistant.gui.status_panel import StatusPanel

        self.status_panel = StatusPanel(self.wiz)  # after the upload: review, filing, sending
        status = self.scrolling_body(layout)
        status.setContentsMargins(0, 0, 0, 0)  # in line with the rows above
        status.addWidget(self.status_panel)
        status.addStretch(1)
        self.worker: workers.Worker | None = None
        self.output: Path | None = None
        self._busy(False)
        self._show_done(False)

    def load(self) -> None:
        if not self.target.text():
            folder = Path(settings.last_folder() or Path.home())
            stem = self.wiz.suggested_file_name().removesuffix(".smscase.json")
            self.target.setText(str(folder / f"{stem}-bundle.zip"))

    def _choose(self) -> None:
        path = dialogs.save_file(
            self,
            self.tr("Save the bundle as"),
            self.target.text(),
            self.tr("Zip archives (*.zip)"),
        )
        if path is not None:
            if path.suffix.lower() != ".zip":
                path = path.with_name(path.name + ".zip")
            self.target.setText(str(path))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy)
        self.choose.setEnabled(not busy)

    def busy(self) -> bool:
        return self.worker is not None

    def export(self) -> None:
        from assistant.core.bundle import export_case
        from assistant.render import checklist_pdf_bytes

        text = self.target.text().strip()
        if not text:
            self._choose()
            text = self.target.text().strip()
            if not text:
                return
        output = Path(text).expanduser()
        force = False
        if output.exists():
            if not dialogs.confirm(
                self,
                self.tr("Replace the bundle?"),
                self.tr("%1 already exists. Replace it?").replace("%1", output.name),
            ):
                return
            force = True
        allow_incomplete = self.incomplete.isChecked()
        if allow_incomplete and not dialogs.confirm(
            self,
            self.tr("Export an incomplete bundle?"),
            self.tr(
                "A bundle with errors will be rejected by the provider. Export it anyway, marked INCOMPLETE?"
            ),
        ):
            return
        snapshot = copy.deepcopy(self.case)
        case_file = self.wiz.case_path
        lang = self.lang

        def task(worker: workers.Worker) -> Any:
            return export_case(
                snapshot,
                output,
                force=force,
                allow_incomplete=allow_incomplete,
                lang=lang,
                progress=worker.report,
                cancel=worker.is_cancelled,
                render_checklist=checklist_pdf_bytes,
                case_file=case_file,
            )

        worker = workers.Worker(task)
        worker.signals.progress.connect(workers.guard(self, self._progress))
        worker.signals.finished.connect(workers.guard(self, lambda r, w=worker: self._done(w, r)))
        worker.signals.failed.connect(workers.guard(self, lambda m, w=worker: self._failed(w, m)))
        worker.signals.cancelled.connect(workers.guard(self, lambda w=worker: self._stopped(w)))
        self.worker = worker
        self.result_label.setText(self.tr("Exporting…"))
        self.result_label.show()
        self.findings.set_findings([], show_ok=False)
        self._show_done(False)
        self.progress.setRange(0, 0)
        self._busy(True)
        workers.start(worker)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _progress(self, done: int, total: int, what: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat("%p%")
        if what:
            name = what.replace("\\", "/").rsplit("/", 1)[-1]
            self.result_label.setText(self.tr("Exporting… %1").replace("%1", name))

    def _stopped(self, worker: workers.Worker) -> None:
        if worker is self.worker:
            self.worker = None
            self._busy(False)
            self.result_label.setText(self.tr("Export stopped; nothing was written."))

    def _failed(self, worker: workers.Worker, message: str) -> None:
        if worker is self.worker:
            self.worker = None
            self._busy(False)
            self.result_label.setText(self.tr("The export failed: %1").replace("%1", message))

    def _done(self, worker: workers.Worker, result: Any) -> None:
        from assistant.core.findings import Severity, sort_findings

        if worker is not self.worker:
            return
        self.worker = None
        self._busy(False)
        shown = [f for f in sort_findings(result.findings) if f.severity is not Severity.INFO]
        self.findings.set_findings(shown, show_ok=False)
        if result.output is not None and (result.ok or result.incomplete):
            self.output = Path(result.output)
            settings.set_last_folder(self.output)
            if result.incomplete:
                self.result_label.setText(
                    self.tr(
                        "⚠ Incomplete bundle written: %1, in the folder %2. Fix the errors below before uploading."
                    )
                    .replace("%1", self.output.name)
                    .replace("%2", str(self.output.parent))
                )
            else:
                self.result_label.setText(
                    self.tr("✔ Bundle written: %1 (%2 files), in the folder %3.")
                    .replace("%1", self.output.name)
                    .replace("%2", str(len(result.files)))
                    .replace("%3", str(self.output.parent))
                )
            self._show_done(True)
            if not result.incomplete:  # ready to submit: the case says so (saved with it)
                from assistant.core.status import mark_exported

                mark_exported(self.case)
                self.wiz.mark_dirty()
        else:
            self.output = None
            errors = sum(f.severity is Severity.ERROR for f in result.findings)
            self.result_label.setText(
                self.tr(
                    "Nothing was exported: 1 error must be fixed first (see below, or the Review step)."
                )
                if errors == 1
                else self.tr(
                    "Nothing was exported: %1 errors must be fixed first (see below, or the Review step)."
                ).replace("%1", str(errors))
            )

    def _show_done(self, shown: bool) -> None:
        self.show_folder.setVisible(shown)
        self.copy_path.setVisible(shown)

    def _show_folder(self) -> None:
        if self.output is not None and not dialogs.show_in_folder(self.output):
            dialogs.file_location(
                self,
                self.tr("Show in folder"),
                self.output,
                self.tr("The folder could not be shown (no file manager answered)."),
            )
