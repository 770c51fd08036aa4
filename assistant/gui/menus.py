"""The wizard's actions (with their shortcuts), its Case menu, and what they do that is not case
handling: print and save the checklist, help (F1) for the current step, About.

:class:`MenuActionsMixin` is mixed into :class:`assistant.gui.wizard.AssistantWizard`; the actions
are made again when the interface language changes (``build_actions``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from assistant.gui import dialogs, settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from assistant.core.model import Case

# QtGui's action types are imported when the actions are made (after the first page is shown).


class MenuActionsMixin:
    """Actions and menu of the wizard (a QWizard with ``case``, ``lang`` and case handling)."""

    if TYPE_CHECKING:  # provided by QWizard / AssistantWizard
        case: Case
        lang: str

        def addAction(self, action: QAction) -> None: ...
        def removeAction(self, action: QAction) -> None: ...
        def button(self, which: QWizard.WizardButton) -> Any: ...
        def currentId(self) -> int: ...
        def save(self) -> bool: ...
        def save_as(self) -> bool: ...
        def start_new_case(self) -> bool: ...
        def open_case_dialog(self) -> bool: ...
        def open_case_path(self, path: Path, confirm: bool = True) -> bool: ...
        def restart_at(self, page_id: Any) -> None: ...
        def set_language(self, choice: str) -> None: ...

    def build_actions(self) -> None:
        """The actions and the Case menu, in the current language (made again on a change)."""
        from PySide6.QtWidgets import QMenu

        for old in getattr(self, "_actions", []):
            self.removeAction(old)
            old.deleteLater()
        self._actions: list[QAction] = []
        self._make_actions()
        old_menu = getattr(self, "case_menu", None)
        menu = QMenu(self)  # type: ignore[call-overload]
        menu.setObjectName("menu.case")
        for act in (
            self.act_new,
            self.act_open,
            self.act_library,
            None,
            self.act_save,
            self.act_save_as,
            None,
        ):
            menu.addSeparator() if act is None else menu.addAction(act)
        self.recent_menu = menu.addMenu(
            QCoreApplication.translate("AssistantWizard", "Open &recent")
        )
        self.recent_menu.setObjectName("menu.recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addSeparator()
        menu.addAction(self.act_rejected)
        menu.addSeparator()
        for act in (self.act_print, self.act_preview, self.act_pdf, None):
            menu.addSeparator() if act is None else menu.addAction(act)
        self._language_menu(menu)
        menu.addSeparator()
        menu.addAction(self.act_help)
        menu.addAction(self.act_about)
        self.case_menu = menu
        self.button(QWizard.WizardButton.CustomButton1).setMenu(menu)
        if old_menu is not None:
            old_menu.deleteLater()

    def _action(self, text: str, name: str, shortcut: Any, slot: Callable[..., Any]) -> QAction:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeySequence

        act = QAction(text, self)  # type: ignore[call-overload]
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(slot)
        self.addAction(act)
        self._actions.append(act)
        return act

    def _make_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        keys = QKeySequence.StandardKey
        a = self._action
        self.act_new = a(
            QCoreApplication.translate("AssistantWizard", "&New case"),
            "action.new",
            keys.New,
            self._act_new,
        )
        self.act_open = a(
            QCoreApplication.translate("AssistantWizard", "&Open…"),
            "action.open",
            keys.Open,
            self.open_case_dialog,
        )
        self.act_library = a(
            QCoreApplication.translate("AssistantWizard", "Case li&brary…"),
            "action.library",
            QKeySequence("Ctrl+L"),
            self.open_library,
        )
        self.act_rejected = a(
            QCoreApplication.translate("AssistantWizard", "Re&jected? Paste the reason…"),
            "action.rejected",
            None,
            self.show_rejection,
        )
        self.act_save = a(
            QCoreApplication.translate("AssistantWizard", "&Save"),
            "action.save",
            keys.Save,
            self.save,
        )
        self.act_save_as = a(
            QCoreApplication.translate("AssistantWizard", "Save &as…"),
            "action.save_as",
            QKeySequence("Ctrl+Shift+S"),
            self.save_as,
        )
        self.act_print = a(
            QCoreApplication.translate("AssistantWizard", "&Print checklist…"),
            "action.print",
            keys.Print,
            self.print_checklist,
        )
        self.act_preview = a(
            QCoreApplication.translate("AssistantWizard", "Print pre&view…"),
            "action.preview",
            None,
            self.preview_checklist,
        )
        self.act_pdf = a(
            QCoreApplication.translate("AssistantWizard", "Save checklist as P&DF…"),
            "action.pdf",
            None,
            self.save_checklist_pdf,
        )
        self.act_help = a(
            QCoreApplication.translate("AssistantWizard", "&Help for this step"),
            "action.help",
            keys.HelpContents,
            self.show_help,
        )
        self.act_about = a(
            QCoreApplication.translate("AssistantWizard", "&About"),
            "action.about",
            None,
            self.show_about,
        )

    def _language_menu(self, menu: QMenu) -> None:
        """The interface language: the system's, or one chosen here (remembered in QSettings)."""
        from PySide6.QtGui import QActionGroup

        from assistant.gui.languages import UI_LANGUAGES

        self.language_menu = menu.addMenu(
            QCoreApplication.translate("AssistantWizard", "&Language")
        )
        self.language_menu.setObjectName("menu.language")
        group = QActionGroup(self.language_menu)
        chosen = settings.language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in (
            ("", QCoreApplication.translate("AssistantWizard", "System language")),
            *UI_LANGUAGES.items(),
        ):
            act = self.language_menu.addAction(name)
            act.setObjectName(f"action.language.{code or 'system'}")
            act.setCheckable(True)
            act.setChecked(code == chosen)
            group.addAction(act)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_actions[code] = act

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

    def open_library(self) -> None:
        from assistant.gui.library import open_library

        open_library(self)

    def show_rejection(self) -> None:
        """What a rejection text means for the current case, recorded, and the step to fix."""
        from assistant.gui.rejection import open_rejection_dialog

        open_rejection_dialog(self)  # type: ignore[arg-type]

    def _act_new(self) -> None:
        from assistant.core.flow import PageId

        if self.start_new_case():
            self.restart_at(PageId.PROVIDER)

    # ------------------------------------------------------------------ checklist printing
    def print_checklist(self) -> None:
        from assistant.gui import printing

        dialogs.print_document(self, printing.painter_for(self.case, self.lang))  # type: ignore[arg-type]

    def preview_checklist(self) -> None:
        from assistant.gui import printing

        dialogs.preview_document(self, printing.painter_for(self.case, self.lang))  # type: ignore[arg-type]

    def save_checklist_pdf(self) -> Path | None:
        from assistant.core.findings import Severity
        from assistant.gui import printing

        suggested = str(Path(settings.last_folder() or Path.home()) / "checklist.pdf")
        path = dialogs.save_file(
            self,  # type: ignore[arg-type]
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
                self,  # type: ignore[arg-type]
                QCoreApplication.translate("AssistantWizard", "Checklist PDF"),
                "\n".join(f.message for f in problems),
            )
        elif path.is_file():
            dialogs.file_location(
                self, QCoreApplication.translate("AssistantWizard", "Checklist saved"), path
            )  # type: ignore[arg-type]
        return path if path.is_file() else None

    # ------------------------------------------------------------------ help and about
    def show_help(self) -> None:
        """F1: the help page of the current step, in the interface language."""
        from assistant.gui.help import help_page

        title, text = help_page(self.currentId(), self.lang)
        dialogs.help_page(self, title, text)  # type: ignore[arg-type]

    def show_about(self) -> None:
        from assistant.gui.about import about_html

        dialogs.about(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("AssistantWizard", "About SMS Signature Assistant"),
            about_html(self.lang),
        )
