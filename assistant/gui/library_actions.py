"""What the case library does with its rows: open in the wizard, duplicate for a new client,
export the chosen cases in the background (the core of ``export-batch``), explain a rejection,
import a providers' status file, import clients from a spreadsheet, edit the profiles.

:class:`LibraryActionsMixin` is mixed into :class:`assistant.gui.library.LibraryWindow`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton

from assistant.gui import dialogs, settings, workers

if TYPE_CHECKING:
    from assistant.core.library import LibraryRow


class LibraryActionsMixin:
    if TYPE_CHECKING:  # provided by LibraryWindow
        wizard: Any
        lang: str
        folder: Path | None
        job: workers.Worker | None
        progress: Any
        cancel_button: Any
        table: Any

        def tr(self, text: str) -> str: ...
        def selected_rows(self) -> list[LibraryRow]: ...
        def rescan(self) -> None: ...

    def action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        specs = (
            (
                "open",
                QCoreApplication.translate("LibraryWindow", "&Open in the wizard"),
                QCoreApplication.translate("LibraryWindow", "Open the case (double-click, Enter)"),
                self.open_selected,
            ),
            (
                "duplicate",
                QCoreApplication.translate("LibraryWindow", "&Duplicate for a new client…"),
                QCoreApplication.translate(
                    "LibraryWindow",
                    "A new case with the same applicant and provider, for another client",
                ),
                self.duplicate_selected,
            ),
            (
                "export",
                QCoreApplication.translate("LibraryWindow", "&Export selected…"),
                QCoreApplication.translate(
                    "LibraryWindow",
                    "Export the selected cases to a folder, one bundle each, with a summary",
                ),
                self.export_selected,
            ),
            (
                "explain",
                QCoreApplication.translate("LibraryWindow", "E&xplain a rejection…"),
                QCoreApplication.translate(
                    "LibraryWindow",
                    "Paste the reason the console shows: what it means and what to fix",
                ),
                self.explain_selected,
            ),
            (None, "", "", None),
            (
                "import",
                QCoreApplication.translate("LibraryWindow", "&Import clients…"),
                QCoreApplication.translate(
                    "LibraryWindow", "One new case per row of a spreadsheet (.xlsx or .csv)"
                ),
                self.import_clients,
            ),
            (
                "profiles",
                QCoreApplication.translate("LibraryWindow", "&Profiles…"),
                QCoreApplication.translate(
                    "LibraryWindow", "Your company and your clients, entered once"
                ),
                self.edit_profiles,
            ),
        )
        self.buttons: dict[str, QPushButton] = {}
        for name, text, tip, slot in specs:
            if name is None:
                row.addStretch(1)
                continue
            button = QPushButton(text)
            button.setObjectName(f"library.{name}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, act=slot: act())
            row.addWidget(button)
            self.buttons[name] = button
        return row

    def _update_buttons(self) -> None:
        chosen = self.selected_rows()
        one = len(chosen) == 1 and not chosen[0].broken
        has_folder = self.folder is not None
        self.buttons["open"].setEnabled(len(chosen) == 1 and self.wizard is not None)
        self.buttons["duplicate"].setEnabled(one)
        self.buttons["export"].setEnabled(bool(chosen) and self.job is None)
        self.buttons["explain"].setEnabled(one and bool(chosen[0].signatures))
        self.buttons["import"].setEnabled(has_folder and self.job is None)
        self.buttons["profiles"].setEnabled(True)

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self.table)  # type: ignore[call-overload]
        for name in ("open", "duplicate", "export", "explain"):
            button = self.buttons[name]
            act = menu.addAction(button.text(), button.click)
            act.setEnabled(button.isEnabled())
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ open and duplicate
    def open_selected(self) -> bool:
        chosen = self.selected_rows()
        if len(chosen) != 1 or self.wizard is None:
            return False
        return self.open_in_wizard(Path(chosen[0].path))

    def open_in_wizard(self, path: Path, then: Callable[[Any], None] | None = None) -> bool:
        """Open the case file ``path`` in the wizard; ``then(wizard)`` runs once it shows the
        case (after its first step), to go on to a page."""
        wizard = self.wizard
        if not wizard.open_case_path(path):
            return False
        if then is not None:
            wanted = path.resolve()

            def arrived() -> None:
                wizard.caseReplaced.disconnect(arrived)
                if wizard.case_path == wanted:  # after the wizard has shown its first step
                    QTimer.singleShot(0, lambda: then(wizard))

            wizard.caseReplaced.connect(arrived)
        wizard.show()
        wizard.raise_()
        wizard.activateWindow()
        return True

    def duplicate_selected(self) -> Path | None:
        from assistant.core.library import duplicate_case

        chosen = self.selected_rows()
        if len(chosen) != 1:
            return None
        client = dialogs.ask_text(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("LibraryWindow", "Duplicate for a new client"),
            QCoreApplication.translate(
                "LibraryWindow",
                "The new client's name (the signature owner; you can change it later):",
            ),
        )
        if client is None:
            return None
        made, found = duplicate_case(chosen[0].path, client=client, lang=self.lang)
        if made is None:
            dialogs.error(
                self,
                QCoreApplication.translate("LibraryWindow", "Cannot duplicate the case"),
                chosen[0].path,
                "\n".join(f.message for f in found),
            )  # type: ignore[arg-type]
            return None
        self.rescan()
        if self.wizard is not None:
            from assistant.core.flow import PageId

            self.open_in_wizard(made, lambda wizard: wizard.go_to(int(PageId.PARTIES)))
        return made

    # ------------------------------------------------------------------ background jobs
    def run_job(self, task: Callable[[workers.Worker], Any], done: Callable[[Any], None]) -> None:
        """``task`` in the background with the progress bar and Cancel; ``done(result)``."""
        worker = workers.Worker(task)

        def progress(n: int, total: int, _what: str) -> None:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(n)

        def finished(result: Any) -> None:
            self._job_ended()
            done(result)

        def failed(message: str) -> None:
            self._job_ended()
            dialogs.error(
                self, QCoreApplication.translate("LibraryWindow", "Something went wrong"), message
            )  # type: ignore[arg-type]

        worker.signals.progress.connect(workers.guard(self, progress))  # type: ignore[arg-type]
        worker.signals.finished.connect(workers.guard(self, finished))  # type: ignore[arg-type]
        worker.signals.failed.connect(workers.guard(self, failed))  # type: ignore[arg-type]
        worker.signals.cancelled.connect(workers.guard(self, self._job_ended))  # type: ignore[arg-type]
        self.job = worker
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._update_buttons()
        workers.start(worker)

    def _job_ended(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()
        self.rescan()

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()

    # ------------------------------------------------------------------ export
    def export_selected(self) -> None:
        chosen = self.selected_rows()
        if not chosen or self.folder is None or self.job is not None:
            return
        outdir = dialogs.choose_folder(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("LibraryWindow", "Export %1 cases to the folder…").replace(
                "%1", str(len(chosen))
            ),
            settings.last_folder() or str(self.folder.parent),
        )
        if outdir is None:
            return
        blocked = [r for r in chosen if r.blocked]
        allow = bool(blocked) and dialogs.confirm(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("LibraryWindow", "Some cases are not complete"),
            QCoreApplication.translate(
                "LibraryWindow",
                "%1 of the %2 cases still have problems that block the export. Export them too, marked INCOMPLETE?",
            )
            .replace("%1", str(len(blocked)))
            .replace("%2", str(len(chosen))),
            QCoreApplication.translate(
                "LibraryWindow",
                "No: only the complete cases are exported; the summary lists the others and why.",
            ),
        )
        folder, paths, lang = self.folder, [r.path for r in chosen], self.lang

        def task(worker: workers.Worker) -> Any:
            from assistant.core.library import export_cases, mark_ready
            from assistant.render import checklist_pdf_bytes

            result = export_cases(
                paths,
                folder,
                outdir,
                allow_incomplete=allow,
                render_checklist=checklist_pdf_bytes,
                progress=worker.report,
                cancel=worker.is_cancelled,
            )
            result.findings.extend(
                mark_ready([r.case_file for r in result.rows if r.status == "ok"], lang=lang)
            )
            return result

        self.run_job(task, lambda result: self._exported(result, outdir))

    def _exported(self, result: Any, outdir: Path) -> None:
        counts = {
            s: sum(r.status == s for r in result.rows)
            for s in ("ok", "incomplete", "blocked", "broken")
        }
        lines = [
            QCoreApplication.translate(
                "LibraryWindow",
                "%1 bundles written to %2: %3 complete, %4 marked INCOMPLETE; %5 not exported.",
            )
            .replace("%1", str(counts["ok"] + counts["incomplete"]))
            .replace("%2", str(outdir))
            .replace("%3", str(counts["ok"]))
            .replace("%4", str(counts["incomplete"]))
            .replace("%5", str(counts["blocked"] + counts["broken"]))
        ]
        for r in result.rows:
            if r.status in ("blocked", "broken"):
                lines.append(
                    f"• {r.client or Path(r.case_file).name}: {r.problems[0] if r.problems else r.status}"
                )
        lines += [f"• {f.message}" for f in result.findings]
        if result.summary:
            lines.append(
                QCoreApplication.translate(
                    "LibraryWindow", "The summary of every case is in %1."
                ).replace("%1", str(result.summary))
            )
        dialogs.information(
            self, QCoreApplication.translate("LibraryWindow", "Export finished"), "\n".join(lines)
        )  # type: ignore[arg-type]

    # ------------------------------------------------------------------ rejection and status
    def explain_selected(self) -> None:
        from assistant.gui.library_dialogs import ExplainDialog

        chosen = self.selected_rows()
        if len(chosen) != 1 or not chosen[0].signatures:
            return
        dialog = ExplainDialog(chosen[0], self.lang, self)  # type: ignore[arg-type]
        dialogs.show_dialog(dialog)
        if dialog.recorded:
            self.rescan()
        if dialog.go_to is not None:
            from assistant.gui.rejection import go_to_step

            step, field = dialog.go_to
            self.open_in_wizard(
                Path(chosen[0].path), lambda wizard: go_to_step(wizard, step, field)
            )

    def import_status_files(self, paths: list[Path]) -> None:
        folder, lang = self.folder, self.lang
        if folder is None or self.job is not None:
            return

        def task(_worker: workers.Worker) -> Any:
            from assistant.core.status import import_status

            return [import_status(p, folder, lang=lang) for p in paths]

        self.run_job(task, self._status_imported)

    def _status_imported(self, reports: list[Any]) -> None:
        from assistant.core.status import stage_label

        lines = []
        for report in reports:
            lines.append(
                QCoreApplication.translate(
                    "LibraryWindow",
                    "%1: %2 signatures and templates read, %3 cases updated, %4 matched no case.",
                )
                .replace("%1", report.file.name)
                .replace("%2", str(len(report.items)))
                .replace("%3", str(len(report.updates)))
                .replace("%4", str(len(report.unmatched)))
            )
            for update in report.updates:
                for c in update.changes:
                    before = stage_label(c.before, self.lang) if c.kind == "signature" else c.before
                    after = stage_label(c.after, self.lang) if c.kind == "signature" else c.after
                    lines.append(
                        f"• {update.client or update.path.name} 【{c.name}】 {before} → {after}"
                    )
            lines += [f"• {f.message}" for f in report.findings]
        dialogs.information(
            self, QCoreApplication.translate("LibraryWindow", "Status imported"), "\n".join(lines)
        )  # type: ignore[arg-type]

    # ------------------------------------------------------------------ clients and profiles
    def import_clients(self) -> None:
        from assistant.gui.intake_dialog import IntakeDialog

        if self.folder is None:
            return
        sheet = dialogs.choose_spreadsheet(self, settings.last_folder() or str(self.folder))  # type: ignore[arg-type]
        if sheet is None:
            return
        dialog = IntakeDialog(sheet, self.folder, self.lang, self)  # type: ignore[arg-type]
        dialogs.show_dialog(dialog)
        if dialog.report is not None:
            self.rescan()

    def edit_profiles(self) -> None:
        from assistant.gui.profiles_dialog import ProfilesDialog

        dialogs.show_dialog(ProfilesDialog(settings.profiles_path(), self.lang, self))  # type: ignore[arg-type]
