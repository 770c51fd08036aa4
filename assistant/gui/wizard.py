"""The main window: a QWizard over one :class:`assistant.core.model.Case`.

The case is the wizard's single state: pages read it in ``initializePage`` and write it on every
change (``mark_dirty``), so going back and forth never loses what the user typed. Page order comes
from :func:`assistant.core.flow.next_page`. Case handling (new, open, save, save as, autosaved draft
and its recovery, the unsaved-changes prompt, recent cases) lives here.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

from assistant.core.flow import END, PageId, next_page, pages
from assistant.gui import dialogs, settings
from assistant.gui.pages import page_titles
from assistant.gui.widgets import StepList, discard

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from assistant.core.findings import Finding
    from assistant.core.model import Case

AUTOSAVE_DELAY_MS = 1500
# The other pages are made as soon as the first one has been painted (see StartPage.paintEvent);
# this timer only covers a window that is never painted (started minimised, say).
PAGES_FALLBACK_MS = 1000
_NO_CASE = SimpleNamespace(purpose="self", account="enterprise")


def new_case(lang: str) -> Case:
    from assistant.core.model import Case

    case = Case()
    case.language = lang
    case.letter.language = "zh" if lang == "zh" else case.letter.language
    return case


class _PlaceholderPage(QWizardPage):
    """A page whose module is not loaded yet (kept tiny: built on first use)."""


class AssistantWizard(QWizard):
    caseReplaced = Signal()  # a new or opened case replaced the current one
    caseChanged = Signal()  # the current case was edited
    dirtyChanged = Signal(bool)

    def __init__(self, lang: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._case: Case | None = None
        self.case_path: Path | None = None
        self.dirty = False
        self.open_findings: list[Finding] = []
        self.setObjectName("wizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setOption(QWizard.WizardOption.CancelButtonOnLeft, False)
        self.setButtonLayout(
            [
                QWizard.WizardButton.CustomButton1,
                QWizard.WizardButton.CustomButton2,
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )
        for which, name in (
            (QWizard.WizardButton.BackButton, "button.back"),
            (QWizard.WizardButton.NextButton, "button.next"),
            (QWizard.WizardButton.FinishButton, "button.finish"),
            (QWizard.WizardButton.CancelButton, "button.close"),
            (QWizard.WizardButton.CustomButton1, "button.case"),
            (QWizard.WizardButton.CustomButton2, "button.print"),
        ):
            self.button(which).setObjectName(name)
        self._retranslate_buttons()
        self.customButtonClicked.connect(self._custom_button)

        # Only the start page before the window is on screen; the rest right after (fast start).
        self._pages_built = False
        from assistant.gui.pages import make_page

        self.setPage(PageId.START, make_page(PageId.START, self))
        QTimer.singleShot(PAGES_FALLBACK_MS, self.ensure_pages)

        self.steps = StepList(self)
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(self._page_changed)
        self.caseChanged.connect(self._refresh_steps)
        self.caseReplaced.connect(self._refresh_steps)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.write_draft)

        self.resize(940, 680)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._update_title()

    def _retranslate_buttons(self) -> None:
        """Texts of the wizard's own buttons and the window title, in the current language."""
        texts = (
            (
                QWizard.WizardButton.BackButton,
                QCoreApplication.translate("AssistantWizard", "< &Back"),
            ),
            (
                QWizard.WizardButton.NextButton,
                QCoreApplication.translate("AssistantWizard", "&Next >"),
            ),
            (
                QWizard.WizardButton.FinishButton,
                QCoreApplication.translate("AssistantWizard", "&Finish"),
            ),
            (
                QWizard.WizardButton.CancelButton,
                QCoreApplication.translate("AssistantWizard", "Close"),
            ),
            (
                QWizard.WizardButton.CustomButton1,
                QCoreApplication.translate("AssistantWizard", "&Case"),
            ),
            (
                QWizard.WizardButton.CustomButton2,
                QCoreApplication.translate("AssistantWizard", "Pr&int checklist…"),
            ),
        )
        for which, text in texts:
            self.setButtonText(which, text)
        tips = (
            (
                QWizard.WizardButton.BackButton,
                QCoreApplication.translate("AssistantWizard", "Go back one step (nothing is lost)"),
            ),
            (
                QWizard.WizardButton.NextButton,
                QCoreApplication.translate(
                    "AssistantWizard", "Go to the next step (enabled when this one is complete)"
                ),
            ),
            (
                QWizard.WizardButton.FinishButton,
                QCoreApplication.translate("AssistantWizard", "Close the assistant"),
            ),
            (
                QWizard.WizardButton.CancelButton,
                QCoreApplication.translate(
                    "AssistantWizard",
                    "Close the assistant (asks first if there are unsaved changes)",
                ),
            ),
            (
                QWizard.WizardButton.CustomButton1,
                QCoreApplication.translate(
                    "AssistantWizard", "New, open, save, print the checklist, language, about"
                ),
            ),
            (
                QWizard.WizardButton.CustomButton2,
                QCoreApplication.translate(
                    "AssistantWizard",
                    "Print the checklist of documents for this case, or save it as PDF (Ctrl+P)",
                ),
            ),
        )
        for which, tip in tips:
            self.button(which).setToolTip(tip)
        self._update_title()

    # ------------------------------------------------------------------ pages
    def pages_built(self) -> bool:
        return self._pages_built

    def ensure_pages(self) -> None:
        """Create the pages after the start page, and the actions and menu (idempotent)."""
        if self._pages_built:
            return
        self._pages_built = True
        from assistant.gui.pages import make_page

        for page_id in PageId:
            if page_id is not PageId.START:
                self.setPage(page_id, make_page(page_id, self))
        self._build_actions()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            from assistant.gui.theme import after_first_page

            after_first_page(app)
        self._refresh_steps()

    def nextId(self) -> int:
        current = self.currentId()
        if current == -1:
            return int(PageId.START)
        # before a case exists (the start page), the flow of a default case: no import of the
        # case model (and the rule packs) before the first page is on screen
        state = self._case if self._case is not None else _NO_CASE
        nxt = next_page(current, state)
        return nxt if nxt != END else -1

    def _page_changed(self, _page_id: int) -> None:
        self._refresh_steps()

    def _refresh_steps(self) -> None:
        flow = pages(self._case if self._case is not None else _NO_CASE)
        titles = page_titles()
        visited = set(self.visitedIds())
        self.steps.set_steps(
            [(int(p), titles[p]) for p in flow], self.currentId(), lambda p: p in visited
        )

    def go_to(self, page_id: int) -> None:
        """Jump to a page: back through the history, or forward through the flow."""
        self.ensure_pages()
        if page_id in self.visitedIds():
            while self.currentId() != page_id and self.currentId() != int(PageId.START):
                self.back()
            while self.currentId() != page_id:  # START was the target or history was odd
                if self.nextId() == -1:
                    break
                self.next()
            return
        guard = 0
        while self.currentId() != page_id and self.nextId() != -1 and guard < 20:
            self.next()
            guard += 1

    # ------------------------------------------------------------------ the case
    @property
    def case(self) -> Case:
        if self._case is None:
            self._case = new_case(self.lang)
        return self._case

    def mark_dirty(self) -> None:
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
        self._case = case
        self.case_path = path
        self.dirty = dirty
        self._update_title()
        self.caseReplaced.emit()

    def start_new_case(self) -> bool:
        if not self.confirm_discard():
            return False
        self.replace_case(new_case(self.lang), None)
        self.remove_draft()
        return True

    def open_case_dialog(self) -> bool:
        if not self.confirm_discard():
            return False
        path = dialogs.open_case(self, settings.last_folder())
        if path is None:
            return False
        return self.open_case_path(path, confirm=False)

    def open_case_path(self, path: Path, confirm: bool = True) -> bool:
        if confirm and not self.confirm_discard():
            return False
        from assistant.core.findings import Severity
        from assistant.core.model import load_case

        case, findings = load_case(path, self.lang)
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
            return False
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
        self.restart_at(PageId.PROVIDER)
        return True

    def restart_at(self, page_id: PageId) -> None:
        """Show the case from the start of the flow, then move on to ``page_id``."""
        self.ensure_pages()
        self.restart()
        self.go_to(int(page_id))

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
        base = self.case.client or (
            self.case.signature_names[0] if self.case.signature_names else ""
        )
        base = "".join(
            ch for ch in base if ch not in '\\/:*?"<>|'
        ).strip() or QCoreApplication.translate("AssistantWizard", "new-case")
        return f"{base}.smscase.json"

    def _save_to(self, path: Path) -> bool:
        from assistant.core.model import save_case

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
        settings.add_recent_case(path)
        settings.set_last_folder(path)
        self.remove_draft()
        self._set_clean()
        return True

    # ------------------------------------------------------------------ draft (autosave)
    def write_draft(self) -> None:
        """Autosave: the case as a draft beside the settings (recovered after a crash or kill)."""
        if not self.dirty:
            return
        from assistant.core.model import save_case

        folder = settings.draft_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            save_case(self.case, settings.draft_path())
            settings.draft_source_path().write_text(str(self.case_path or ""), encoding="utf-8")
        except OSError:
            pass  # autosave is best effort; the user's explicit save reports errors

    def flush_draft(self) -> None:
        if self._autosave.isActive():
            self._autosave.stop()
            self.write_draft()

    @staticmethod
    def remove_draft() -> None:
        for p in (settings.draft_path(), settings.draft_source_path()):
            with contextlib.suppress(OSError):
                p.unlink()

    @staticmethod
    def has_draft() -> bool:
        return settings.draft_path().is_file()

    def recover_draft(self) -> bool:
        from assistant.core.model import load_case

        case, findings = load_case(settings.draft_path(), self.lang)
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
            return False
        try:
            source = settings.draft_source_path().read_text(encoding="utf-8").strip()
        except OSError:
            source = ""
        self.replace_case(case, Path(source) if source else None, dirty=True)
        self.open_findings = findings
        self.dirtyChanged.emit(True)
        self._update_title()
        self._autosave.start()
        self.restart_at(PageId.PROVIDER)
        return True

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

    def done(self, result: int) -> None:
        if not self.confirm_discard():
            return
        settings.set_geometry(self.saveGeometry())
        self.remove_draft()
        from assistant.gui import workers

        workers.cancel_all()
        super().done(result)

    # ------------------------------------------------------------------ actions and menu
    def _build_actions(self) -> None:
        """The actions (with their shortcuts) and the Case menu; rebuilt when the language changes."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence
        from PySide6.QtWidgets import QMenu

        for old in getattr(self, "_actions", []):
            self.removeAction(old)
            old.deleteLater()
        self._actions: list[QAction] = []

        def action(text: str, name: str, shortcut: Any, slot: Any) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            self._actions.append(act)
            return act

        self.act_new = action(
            self.tr("&New case"), "action.new", QKeySequence.StandardKey.New, self._act_new
        )
        self.act_open = action(
            self.tr("&Open…"), "action.open", QKeySequence.StandardKey.Open, self._act_open
        )
        self.act_save = action(
            self.tr("&Save"), "action.save", QKeySequence.StandardKey.Save, self.save
        )
        self.act_save_as = action(
            self.tr("Save &as…"), "action.save_as", QKeySequence("Ctrl+Shift+S"), self.save_as
        )
        self.act_print = action(
            self.tr("&Print checklist…"),
            "action.print",
            QKeySequence.StandardKey.Print,
            self.print_checklist,
        )
        self.act_preview = action(
            self.tr("Print pre&view…"), "action.preview", None, self.preview_checklist
        )
        self.act_pdf = action(
            self.tr("Save checklist as P&DF…"), "action.pdf", None, self.save_checklist_pdf
        )
        self.act_about = action(
            self.tr("&About"),
            "action.about",
            QKeySequence.StandardKey.HelpContents,
            self.show_about,
        )
        old_menu = getattr(self, "case_menu", None)
        menu = QMenu(self)
        menu.setObjectName("menu.case")
        for act in (self.act_new, self.act_open, None, self.act_save, self.act_save_as, None):
            menu.addSeparator() if act is None else menu.addAction(act)
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("menu.recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addSeparator()
        for act in (self.act_print, self.act_preview, self.act_pdf, None):
            menu.addSeparator() if act is None else menu.addAction(act)

        # the interface language: the system's, or one chosen here (remembered in QSettings)
        from assistant.gui.languages import UI_LANGUAGES

        self.language_menu = menu.addMenu(self.tr("&Language"))
        self.language_menu.setObjectName("menu.language")
        group = QActionGroup(self.language_menu)
        chosen = settings.language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("", self.tr("System language")), *UI_LANGUAGES.items()):
            act = self.language_menu.addAction(name)
            act.setObjectName(f"action.language.{code or 'system'}")
            act.setCheckable(True)
            act.setChecked(code == chosen)
            group.addAction(act)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_actions[code] = act
        menu.addSeparator()
        menu.addAction(self.act_about)
        self.case_menu = menu
        self.button(QWizard.WizardButton.CustomButton1).setMenu(menu)
        if old_menu is not None:
            old_menu.deleteLater()

    def set_language(self, choice: str) -> None:
        """Switch the interface language now; ``""`` follows the system. Saved for next time."""
        from assistant.gui import languages

        settings.set_language(choice)
        lang = languages.ui_language()
        for code, act in getattr(self, "language_actions", {}).items():
            act.setChecked(code == choice)
        if lang == self.lang:
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        languages.install_translators(app, lang)
        self.lang = lang
        if self._case is not None and self.case_path is None and not self.dirty:
            # a new case nothing was entered in yet: its checklist and README follow the interface
            self._case.language = lang
        self.rebuild_pages()

    def rebuild_pages(self) -> None:
        """Make every page again (in the current language) and come back to the current one."""
        from assistant.gui import workers
        from assistant.gui.pages import make_page

        current = self.currentId()
        workers.cancel_all()
        self.restart()
        for page_id in self.pageIds():
            page = self.page(page_id)
            self.removePage(page_id)
            if page is not None:
                discard(page)  # nameless at once: findChild sees only the new pages
        self.setPage(PageId.START, make_page(PageId.START, self))
        self._pages_built = False
        self.ensure_pages()
        self._retranslate_buttons()
        self.restart()
        if current > int(PageId.START):
            self.go_to(current)
        self._refresh_steps()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = settings.recent_cases()
        if not recent:
            empty = self.recent_menu.addAction(
                QCoreApplication.translate("AssistantWizard", "No recent cases")
            )
            empty.setEnabled(False)
            return
        for path in recent:
            act = self.recent_menu.addAction(path.name)
            act.setToolTip(str(path))
            act.triggered.connect(lambda _=False, p=path: self.open_case_path(p))

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton2.value:
            self.print_checklist()

    def _act_new(self) -> None:
        if self.start_new_case():
            self.restart_at(PageId.PROVIDER)

    def _act_open(self) -> None:
        self.open_case_dialog()

    # ------------------------------------------------------------------ checklist printing
    def print_checklist(self) -> None:
        from assistant.gui import printing

        dialogs.print_document(self, printing.painter_for(self.case, self.lang))

    def preview_checklist(self) -> None:
        from assistant.gui import printing

        dialogs.preview_document(self, printing.painter_for(self.case, self.lang))

    def save_checklist_pdf(self) -> Path | None:
        from assistant.core.findings import Severity
        from assistant.gui import printing

        suggested = str(Path(settings.last_folder() or Path.home()) / "checklist.pdf")
        path = dialogs.save_file(
            self,
            QCoreApplication.translate("AssistantWizard", "Save checklist as PDF"),
            suggested,
            QCoreApplication.translate("AssistantWizard", "PDF (*.pdf)"),
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        findings = printing.write_checklist_pdf(self.case, self.lang, path)
        problems = [f for f in findings if f.severity is not Severity.INFO]
        if problems:
            dialogs.information(
                self,
                QCoreApplication.translate("AssistantWizard", "Checklist PDF"),
                "\n".join(f.message for f in problems),
            )
        return path if path.is_file() else None

    def show_about(self) -> None:
        from assistant.gui.about import about_html

        dialogs.about(
            self,
            QCoreApplication.translate("AssistantWizard", "About SMS Signature Assistant"),
            about_html(self.lang),
        )
