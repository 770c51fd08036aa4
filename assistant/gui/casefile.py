"""Case handling of the wizard: the current case, new, open (in the background: a case file's
attachments are hashed as it is read), save, save as, the autosaved draft and its recovery, the
unsaved-changes prompt and the window title.

:class:`CaseFileMixin` is mixed into :class:`assistant.gui.wizard.AssistantWizard`; it uses the
wizard's signals (``caseReplaced``, ``caseChanged``, ``dirtyChanged``), its autosave timer and
``restart_at``.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from assistant.gui import dialogs, settings

# disk_guard and workers are imported where used: not before the first page is on screen

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from assistant.core.findings import Finding
    from assistant.core.model import Case
    from assistant.gui import disk_guard, workers

_DRAFTS: list[ThreadPoolExecutor] = []


def _drafts() -> ThreadPoolExecutor:
    """The drafts' one lane: writes and removals of the draft happen in the order they were
    asked (made on first use)."""
    if not _DRAFTS:
        from concurrent.futures import ThreadPoolExecutor

        _DRAFTS.append(ThreadPoolExecutor(max_workers=1, thread_name_prefix="sms-draft"))
    return _DRAFTS[0]


def _write_draft(draft: Path, data: bytes, source: tuple[Path, str]) -> None:
    from assistant.core.fsio import atomic_write_bytes

    try:
        draft.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(draft, data)
        source[0].write_text(source[1], encoding="utf-8")
    except OSError:
        pass  # autosave is best effort; the user's explicit save reports errors


def _remove(paths: tuple[Path, ...]) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()


# The questions of the provider page: a new case has none answered (nothing is preselected).
QUESTIONS = frozenset({"provider", "region", "account", "purpose"})


def new_case(lang: str) -> Case:
    from assistant.core.model import Case

    case = Case()
    case.language = lang
    case.letter.language = "zh" if lang == "zh" else case.letter.language
    return case


class CaseFileMixin:
    """The case of the wizard and its file. Expects the attributes set in ``init_case_file``."""

    if TYPE_CHECKING:  # provided by QWizard / AssistantWizard
        caseReplaced: Any
        caseChanged: Any
        dirtyChanged: Any
        _autosave: Any

        def restart_at(self, page_id: Any) -> None: ...
        def setWindowTitle(self, title: str) -> None: ...
        def setWindowModified(self, modified: bool) -> None: ...

    def init_case_file(self, lang: str) -> None:
        self.lang = lang
        self._case: Case | None = None
        self.case_path: Path | None = None
        self.disk_stamp: disk_guard.Stamp | None = None  # the case file when opened or saved
        self.dirty = False
        self.open_findings: list[Finding] = []
        self.answered: set[str] = set()  # the provider page's questions the user answered
        self.quiet = False  # True while pages are rebuilt: what they do then is not an edit
        self.opening: workers.Worker | None = None

    # ------------------------------------------------------------------ the case
    @property
    def case(self) -> Case:
        if self._case is None:
            self._case = new_case(self.lang)
        return self._case

    def has_case(self) -> bool:
        return self._case is not None

    def mark_dirty(self) -> None:
        if self.quiet:
            return
        was = self.dirty
        self.dirty = True
        # written at most AUTOSAVE_DELAY_MS after the first unsaved change: typing on without a
        # pause does not postpone the draft (a restart here would, and a kill would lose it all)
        if not self._autosave.isActive():
            self._autosave.start()
        self.caseChanged.emit()
        if not was:
            self.dirtyChanged.emit(True)
            self._update_title()

    def _set_clean(self) -> None:
        self.dirty = False
        self._autosave.stop()
        self.dirtyChanged.emit(False)
        self._update_title()

    def _update_title(self) -> None:
        name = (
            self.case_path.name
            if self.case_path
            else QCoreApplication.translate("AssistantWizard", "New case")
        )
        program = QCoreApplication.translate("AssistantWizard", "SMS Signature Assistant")
        self.setWindowTitle(f"{name}[*] — {program}")
        self.setWindowModified(self.dirty)

    def replace_case(self, case: Case, path: Path | None, dirty: bool = False) -> None:
        """``case`` becomes the current one; a case from a file has every question answered."""
        self._case = case
        self.case_path = path
        from assistant.gui import disk_guard

        self.disk_stamp = disk_guard.stamp(path)  # what is on disk: saving checks it (#15)
        self.dirty = dirty
        self.answered = set(QUESTIONS) if (path is not None or dirty) else set()
        self._update_title()
        self.caseReplaced.emit()

    def start_new_case(self) -> bool:
        if not self.confirm_discard():
            return False
        self.replace_case(new_case(self.lang), None)
        self.remove_draft()
        return True

    # ------------------------------------------------------------------ open (in the background)
    def open_case_dialog(self) -> bool:
        if not self.confirm_discard():
            return False
        path = dialogs.open_case(self, settings.last_folder())
        if path is None:
            return False
        return self.open_case_path(path, confirm=False)

    def open_case_path(self, path: Path, confirm: bool = True, then: Any = None) -> bool:
        """Start reading ``path`` (its attachments are hashed off the GUI thread); the case
        replaces the current one when it has been read, then ``then()`` is called (when given).
        False when nothing was started."""
        if self.opening is not None or (confirm and not self.confirm_discard()):
            return False
        self._read_case(path, lambda case, findings: self._opened(path, case, findings, then))
        return True

    def _read_case(self, path: Path, done: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from assistant.gui import workers

        lang = self.lang

        def task(_worker: workers.Worker) -> Any:
            from assistant.core.model import load_case

            return load_case(path, lang)

        worker = workers.Worker(task)

        def finished(result: Any) -> None:
            self._opening_ended()
            done(*result)

        def failed(message: str) -> None:
            self._opening_ended()
            dialogs.error(
                self,
                QCoreApplication.translate("AssistantWizard", "Cannot open the case"),
                str(path),
                message,
            )

        worker.signals.finished.connect(workers.guard(self, finished))
        worker.signals.failed.connect(workers.guard(self, failed))
        worker.signals.cancelled.connect(workers.guard(self, self._opening_ended))
        self.opening = worker
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        workers.start(worker)

    def _opening_ended(self) -> None:
        from PySide6.QtWidgets import QApplication

        if self.opening is not None:
            self.opening = None
            QApplication.restoreOverrideCursor()

    def _opened(
        self, path: Path, case: Case | None, findings: list[Finding], then: Any = None
    ) -> None:
        from assistant.core.findings import Severity

        if case is None:
            dialogs.error(
                self,
                QCoreApplication.translate("AssistantWizard", "Cannot open the case"),
                QCoreApplication.translate("AssistantWizard", "%1 cannot be opened.").replace(
                    "%1", str(path)
                ),
                "\n".join(f.message for f in findings),
            )
            settings.remove_recent_case(path)
            return
        self.replace_case(case, path.resolve())
        self.remove_draft()
        settings.add_recent_case(path)
        settings.set_last_folder(path)
        self.open_findings = findings
        serious = [f for f in findings if f.severity is not Severity.INFO]
        if serious:
            dialogs.information(
                self,
                QCoreApplication.translate("AssistantWizard", "Opened with problems"),
                QCoreApplication.translate(
                    "AssistantWizard", "The case was opened; please look at these problems:"
                )
                + "\n\n"
                + "\n".join(f"• {f.message}" for f in serious),
            )
        from assistant.core.flow import PageId

        self.restart_at(PageId.PROVIDER)
        if then is not None:
            then()

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        if self.case_path is None:
            return self.save_as()
        return self._save_to(self.case_path)

    def save_as(self) -> bool:
        suggested = str(Path(settings.last_folder() or Path.home()) / self.suggested_file_name())
        path = dialogs.save_case(self, suggested)
        if path is None:
            return False
        return self._save_to(path)

    def suggested_file_name(self) -> str:
        case = self.case
        base = case.client or (case.signature_names[0] if case.signature_names else "")
        base = "".join(
            ch for ch in base if ch not in '\\/:*?"<>|'
        ).strip() or QCoreApplication.translate("AssistantWizard", "new-case")
        return f"{base}.smscase.json"

    def _save_to(self, path: Path) -> bool:
        from assistant.core.model import save_case
        from assistant.gui import disk_guard

        mine = self.case_path is not None and path.resolve() == self.case_path
        answer = disk_guard.before_save(self, path, self.disk_stamp if mine else None)
        if answer is dialogs.OnDisk.CANCEL:  # another window or a colleague changed it
            return False
        if answer is dialogs.OnDisk.SAVE_AS:
            return self.save_as()
        try:
            save_case(self.case, path)
        except OSError as exc:
            dialogs.error(
                self,
                QCoreApplication.translate("AssistantWizard", "Cannot save the case"),
                str(path),
                exc.strerror or str(exc),
            )
            return False
        self.case_path = path.resolve()
        self.disk_stamp = disk_guard.stamp(self.case_path)
        settings.add_recent_case(path)
        settings.set_last_folder(path)
        self.remove_draft()
        self._set_clean()
        return True

    # ------------------------------------------------------------------ draft (autosave)
    def write_draft(self, wait: bool = False) -> None:
        """Autosave: the case as a draft beside the settings (recovered after a crash or kill).
        The text is made here, from the case as it is now; the file is written (and synced to
        disk) on the drafts' own thread, so the window does not wait for the disk."""
        if not self.dirty:
            return
        from assistant.core.model import case_json

        draft = settings.draft_path()
        data = case_json(self.case, draft.parent.resolve()).encode("utf-8")
        source = (settings.draft_source_path(), str(self.case_path or ""))
        written = _drafts().submit(_write_draft, draft, data, source)
        if wait:
            written.result()

    def flush_draft(self) -> None:
        if self._autosave.isActive():
            self._autosave.stop()
            self.write_draft(wait=True)

    @staticmethod
    def remove_draft() -> None:
        """Delete the draft, after any write of it still under way."""
        paths = (settings.draft_path(), settings.draft_source_path())
        _drafts().submit(_remove, paths).result()

    @staticmethod
    def has_draft() -> bool:
        return settings.draft_path().is_file()

    def recover_draft(self) -> bool:
        """Start reading the autosaved draft; it becomes the (unsaved) current case."""
        if self.opening is not None:
            return False
        self._read_case(settings.draft_path(), self._recovered)
        return True

    def _recovered(self, case: Case | None, findings: list[Finding]) -> None:
        if case is None:
            dialogs.error(
                self,
                QCoreApplication.translate("AssistantWizard", "Cannot recover the draft"),
                QCoreApplication.translate(
                    "AssistantWizard", "The autosaved draft cannot be read."
                ),
                "\n".join(f.message for f in findings),
            )
            self.remove_draft()
            return
        try:
            source = settings.draft_source_path().read_text(encoding="utf-8").strip()
        except OSError:
            source = ""
        self.replace_case(case, Path(source) if source else None, dirty=True)
        self.open_findings = findings
        self.dirtyChanged.emit(True)
        self._update_title()
        self._autosave.start()
        from assistant.core.flow import PageId

        self.restart_at(PageId.PROVIDER)

    # ------------------------------------------------------------------ closing
    def confirm_discard(self) -> bool:
        """Ask about unsaved changes; True when it is fine to drop the current case."""
        if not self.dirty:
            return True
        answer = dialogs.ask_unsaved(self)
        if answer is dialogs.Unsaved.SAVE:
            return self.save()
        if answer is dialogs.Unsaved.DISCARD:
            self.remove_draft()
            self._set_clean()
            return True
        return False
