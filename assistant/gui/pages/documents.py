"""Documents: the checklist as a list. Each document shows its status (missing / checking / ok /
problems), the guidance, the attached file with a thumbnail, the review's verdict on it and,
where a fix exists, a before/after preview. Files are attached with a button or by drag and drop
(several at once go to the documents still missing, in checklist order); the checks run in the
background (:mod:`assistant.gui.checker`) with progress and can be stopped."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from assistant.core.flow import PageId
from assistant.gui import dialogs, settings, workers
from assistant.gui.checker import THUMB, checker_of, png
from assistant.gui.pages.base import BasePage
from assistant.gui.pages.document_row import DocumentRow, local_paths
from assistant.gui.widgets import clear_layout, hint_label

if TYPE_CHECKING:
    from assistant.gui.checker import AttachmentChecker, Checked


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
        self.progress.setRange(0, 100)
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
        self.rows_layout.setSpacing(6)
        margins = self.rows_layout.contentsMargins()  # the summary in line with the rows
        bar.setContentsMargins(margins.left(), 0, margins.right(), 0)
        self.rows: dict[str, DocumentRow] = {}
        self.groups: list[list[str]] = []
        self.others_buttons: dict[int, QPushButton] = {}
        self.expanded: set[int] = set()  # groups whose "not needed" alternatives are shown
        self._key: tuple[str, ...] = ()
        self._fix_dir = tempfile.TemporaryDirectory(prefix="sms-fix-")
        self.wiz.finished.connect(lambda _result: self._fix_dir.cleanup())
        self.checker.rowChanged.connect(self._row_changed)
        self.checker.attachmentsChanged.connect(self._attachments_changed)
        self.checker.progressChanged.connect(self._set_busy)
        self.checker.failed.connect(self._failed)
        self.checker.warm_up()
        self._set_busy()

    @property
    def checker(self) -> AttachmentChecker:
        return checker_of(self.wiz)

    # ------------------------------------------------------------------ case -> widgets
    def checklist(self) -> Any:
        from assistant.core.checklist import build_checklist

        c = self.case
        return build_checklist(c.provider, c.account, c.purpose, c.type, self.region(), self.lang)

    def load(self) -> None:
        checklist = self.checklist()
        key = (self.case.provider, str(self.region()), *(e.document.id for e in checklist.entries))
        if key != self._key:
            self._key = key
            self._make_rows(checklist)
        for doc_id in self.rows:
            self.checker.ensure_checked(doc_id, look=True)
            self.refresh_row(doc_id)
        self.update_summary()
        self._set_busy()

    def _make_rows(self, checklist: Any) -> None:
        from assistant.core.i18n import localized

        clear_layout(self.rows_layout)
        self.rows.clear()
        self.others_buttons.clear()
        if not checklist.entries:
            empty = hint_label(
                self.tr(
                    "No documents are needed for this choice, or the choice is not allowed: go back to the signature type."
                )
            )
            empty.setObjectName("docs.empty")
            self.rows_layout.addWidget(empty)
        self.groups = [[e.document.id for e in g] for g in checklist.groups()]
        for number, group in enumerate(checklist.groups()):
            if len(group) > 1:
                self.rows_layout.addWidget(
                    QLabel(self.tr("<b>One of these</b> (attach the one you have):"))
                )
            for entry in group:
                doc = entry.document
                row = DocumentRow(self, doc.id)
                name = localized(doc.name, self.lang)
                row.title.setText(f"<b>{name}</b>")
                row.guidance.setText(localized(doc.guidance, self.lang))
                row.attach.setAccessibleName(self.tr("Attach %1").replace("%1", name))
                self.rows[doc.id] = row
                self.rows_layout.addWidget(row)
            if len(group) > 1:
                self._add_others_button(number, len(group) - 1)
        self.rows_layout.addStretch(1)

    def _add_others_button(self, number: int, count: int) -> None:
        button = QPushButton()
        button.setObjectName(f"docs.others.{number}")
        button.setFlat(True)
        button.setCheckable(True)
        button.setProperty("others", count)
        button.toggled.connect(lambda on, n=number: self._toggle_others(n, on))
        self.others_buttons[number] = button
        self.rows_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def _toggle_others(self, number: int, on: bool) -> None:
        (self.expanded.add if on else self.expanded.discard)(number)
        for doc_id in self.groups[number]:
            self.refresh_row(doc_id)

    def group_of(self, doc_id: str) -> list[str]:
        return next((g for g in self.groups if doc_id in g), [doc_id])

    def status(self, doc_id: str) -> str:
        if self.checker.attachment(doc_id) is None and any(
            self.checker.attachment(p) is not None for p in self.group_of(doc_id) if p != doc_id
        ):
            return "optional"  # another document of its one-of group is attached
        return self.checker.status(doc_id)

    def refresh_row(self, doc_id: str) -> None:
        row = self.rows.get(doc_id)
        if row is None:
            return
        a = self.checker.attachment(doc_id)
        status = self.status(doc_id)
        row.set_status(status)
        self._place_in_group(doc_id, row, status)
        row.remove.setVisible(a is not None)
        row.attach.setText(self.tr("Replace…") if a else self.tr("Attach…"))
        checked = self.checker.result(doc_id)
        row.fix.setVisible(checked is not None and checked.fixable)
        if a is None:
            row.file_label.setText(self.tr("Drop a file here, or attach it with the button."))
            row.thumb.setPixmap(QPixmap())
            row.thumb.setText(self.tr("No file"))
            row.findings.set_findings([], show_ok=False)
            return
        row.file_label.setText(Path(a.path).name)
        row.file_label.setToolTip(a.path)
        if checked is None:
            row.findings.set_findings([], show_ok=False)
            return
        if checked.icon is not None:  # decoded and scaled by the worker
            row.thumb.setPixmap(QPixmap.fromImage(checked.icon))
        else:
            row.thumb.setText(self.tr("No preview"))
        row.findings.set_findings(checked.verdict, show_ok=False)

    def _place_in_group(self, doc_id: str, row: DocumentRow, status: str) -> None:
        """In a "one of these" group, only the attached alternative is shown in full; the others
        are one line each, and hidden behind a button once one is attached."""
        group = self.group_of(doc_id)
        if len(group) < 2:
            return
        number = self.groups.index(group)
        row.set_compact(self.checker.attachment(doc_id) is None)
        row.setVisible(status != "optional" or number in self.expanded)
        button = self.others_buttons.get(number)
        if button is not None:
            hidden = sum(self.status(d) == "optional" for d in group)
            button.setVisible(hidden > 0)
            button.setText(
                self.tr("▾ Hide the other documents")
                if number in self.expanded
                else self.tr("▸ Other documents that would also do (%1)").replace("%1", str(hidden))
            )

    def _row_changed(self, doc_id: str) -> None:
        """A check of one document ended: its row only, not the whole page."""
        self.refresh_row(doc_id)
        self.update_summary()

    def _attachments_changed(self, doc_id: str) -> None:
        """A file was attached or removed: its row and the rows of its "one of" group."""
        for peer in self.group_of(doc_id):
            self.refresh_row(peer)
        self.update_summary()

    def update_summary(self) -> None:
        def group_status(group: list[str]) -> str:
            found = [self.status(d) for d in group if self.checker.attachment(d) is not None]
            return found[0] if found else "missing"

        statuses = [group_status(g) for g in self.groups]
        done = sum(s in ("ok", "fixed", "warnings") for s in statuses)
        problems = sum(s == "problems" for s in statuses)
        text = (
            self.tr("%1 of %2 required documents attached and fine; %3 with problems.")
            .replace("%1", str(done))
            .replace("%2", str(len(statuses)))
            .replace("%3", str(problems))
        )
        if text != self.summary.text():
            self.summary.setText(text)

    # ------------------------------------------------------------------ attaching
    def attach_dialog(self, doc_id: str) -> None:
        paths = dialogs.choose_attachments(self, settings.last_folder())
        if paths:
            self.attach_files(doc_id, paths)

    def targets(self, first: str | None, count: int) -> list[str]:
        """Where ``count`` files go: ``first``, then each document still missing (one of each
        "one of these" group), in checklist order."""
        chosen = [first] if first else []
        for group in self.groups:
            if any(d in chosen or self.checker.attachment(d) is not None for d in group):
                continue
            chosen.append(group[0])
        return chosen[:count]

    def attach_files(self, doc_id: str | None, paths: list[Path]) -> None:
        """Attach every file: the first to ``doc_id`` (None: the first document missing), the
        others to the documents still missing. Files that find no document are named."""
        targets = self.targets(doc_id, len(paths))
        problems = []
        for target, path in zip(targets, paths, strict=False):
            try:
                self.checker.attach(target, path)
            except OSError as exc:
                problems.append(f"{path.name}: {exc.strerror or exc}")
        if targets:
            settings.set_last_folder(paths[0])  # once (the settings file is written each time)
        if len(targets) < len(paths) or problems:
            left = [p.name for p in paths[len(targets) :]]
            dialogs.error(
                self,
                self.tr("Not every file was attached"),
                "\n".join(problems)
                + ("\n" if problems and left else "")
                + (
                    self.tr("Every document already has a file; not attached: %1").replace(
                        "%1", ", ".join(left)
                    )
                    if left
                    else ""
                ),
            )
        if targets:
            self.changed()

    def remove_attachment(self, doc_id: str) -> None:
        self.checker.remove(doc_id)
        self.changed()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Dropped outside a row: the documents still missing get the files, in order."""
        paths = local_paths(event.mimeData())
        if paths and self.targets(None, len(paths)):
            event.acceptProposedAction()
            self.attach_files(None, paths)

    # ------------------------------------------------------------------ background checks
    def check_again(self) -> None:
        self.checker.check_again(list(self.rows))

    def _failed(self, _doc_id: str, message: str) -> None:
        if self.isVisible():
            dialogs.error(self, self.tr("A check failed"), message)

    def _set_busy(self) -> None:
        """Progress and the buttons that go with it; only what changed is touched (a progress
        bar repaints at once when its value changes)."""
        busy = self.checker.busy()
        for widget, shown in (
            (self.progress, busy),
            (self.cancel_button, busy),
            (self.recheck, not busy and bool(self.checker.stopped)),
        ):
            if widget.isVisibleTo(self) != shown:
                widget.setVisible(shown)
        if busy:
            value = int(100 * self.checker.progress())
            if value != self.progress.value():
                self.progress.setValue(value)
            running = len(self.checker.running)
            text = (
                self.tr("Checking 1 file…")
                if running == 1
                else self.tr("Checking %1 files…").replace("%1", str(running))
            )
            if text != self.summary.text():
                self.summary.setText(text)
        elif self._built:
            self.update_summary()

    def cancel_checks(self) -> None:
        self.checker.cancel_all()

    def busy(self) -> bool:
        return self.checker.busy()

    def result(self, doc_id: str) -> Checked | None:
        return self.checker.result(doc_id)

    # ------------------------------------------------------------------ fixes
    def preview_fix(self, doc_id: str) -> None:
        a = self.checker.attachment(doc_id)
        checked = self.checker.result(doc_id)
        if a is None or checked is None or doc_id in self.checker.running:
            return
        out_dir = Path(self._fix_dir.name) / doc_id
        provider, region, lang = self.checker.context()

        def task(worker: workers.Worker) -> tuple[Any, bytes | None]:
            from assistant.core.attachments import fix_file, thumbnail

            out_dir.mkdir(parents=True, exist_ok=True)
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
            thumb = png(thumbnail(result.outputs[0], THUMB * 2)) if result.outputs else None
            return result, thumb

        self.checker.run(doc_id, task, lambda r: self._fix_ready(doc_id, checked, r))

    def _describe(self, inspection: Any) -> str:
        from assistant.core.attachments.model import human_size

        parts = [
            (inspection.format or "?").upper(),
            human_size(inspection.size_bytes) if inspection.size_bytes is not None else "",
            f"{inspection.width}×{inspection.height}" if inspection.width else "",
        ]
        errors = sum(f.severity.value == "error" for f in inspection.findings)
        parts.append(
            self.tr("1 error") if errors == 1 else self.tr("%1 errors").replace("%1", str(errors))
        )
        return " · ".join(p for p in parts if p)

    @staticmethod
    def fix_notes(result: Any) -> list[str]:
        """What the fix did, in words: no internal file names (the copy is not saved yet)."""
        notes = []
        for f in result.findings:
            if f.code == "fix.output_renamed":
                continue  # it names the temporary copy; the user chooses the name next
            message = f.message
            for output in result.outputs:
                message = message.replace(str(output), Path(output).name)
            notes.append(message)
        return notes

    def _fix_ready(self, doc_id: str, before: Checked, outcome: tuple[Any, bytes | None]) -> None:
        result, after_thumb = outcome
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
        if not dialogs.fix_preview(
            self,
            self.tr("Fix preview"),
            (before.thumbnail, self._describe(before.inspection)),
            (after_thumb, self._describe(after) if after else ""),
            self.fix_notes(result),
        ):
            return
        self._keep_fixed(doc_id, Path(result.outputs[0]))

    def _keep_fixed(self, doc_id: str, fixed: Path) -> None:
        """Save the fixed copy where the user says (never over the original) and attach it."""
        a = self.checker.attachment(doc_id)
        source = Path(a.path) if a else fixed
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

        def copy(_worker: workers.Worker) -> Path:
            import shutil

            shutil.copyfile(fixed, target)
            return target

        worker = workers.Worker(copy)
        worker.signals.finished.connect(
            workers.guard(self, lambda path: self.attach_files(doc_id, [path]))
        )
        worker.signals.failed.connect(
            workers.guard(
                self,
                lambda message: dialogs.error(
                    self, self.tr("Cannot save the fixed copy"), str(target), message
                ),
            )
        )
        workers.start(worker)
