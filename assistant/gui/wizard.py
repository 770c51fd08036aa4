"""The main window: a QWizard over one :class:`assistant.core.model.Case`.

The case is the wizard's single state: pages read it in ``initializePage`` and write it on every
change (``mark_dirty``), so going back and forth never loses what the user typed. Page order comes
from :func:`assistant.core.flow.next_page`. Case handling (new, open, save, draft) is in
:mod:`assistant.gui.casefile`, the actions and menu in :mod:`assistant.gui.menus`.

One rule for every page: Next stays disabled while the page shows an error about what was entered
on it (``BasePage.page_errors``), and every step already visited that still has one is marked in
the step list.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QWizard

from assistant.core.flow import END, PageId, next_page, pages
from assistant.gui import screen, settings
from assistant.gui.casefile import CaseFileMixin
from assistant.gui.menus import MenuActionsMixin
from assistant.gui.pages import page_titles
from assistant.gui.widgets import StepList, discard

AUTOSAVE_DELAY_MS = 1500
# The other pages are made as soon as the first one has been painted (see StartPage.paintEvent);
# this timer only covers a window that is never painted (started minimised, say).
PAGES_FALLBACK_MS = 1000
_NO_CASE = SimpleNamespace(purpose="self", account="enterprise")

_BUTTON_NAMES = (
    (QWizard.WizardButton.BackButton, "button.back"),
    (QWizard.WizardButton.NextButton, "button.next"),
    (QWizard.WizardButton.FinishButton, "button.finish"),
    (QWizard.WizardButton.CancelButton, "button.close"),
    (QWizard.WizardButton.HelpButton, "button.help"),
    (QWizard.WizardButton.CustomButton1, "button.case"),
    (QWizard.WizardButton.CustomButton2, "button.print"),
)


def _button_texts() -> dict[QWizard.WizardButton, tuple[str, str]]:
    """(text, tooltip) of the wizard's own buttons in the interface language."""
    b = QWizard.WizardButton
    return {
        b.BackButton: (
            QCoreApplication.translate("AssistantWizard", "< &Back"),
            QCoreApplication.translate("AssistantWizard", "Go back one step (nothing is lost)"),
        ),
        b.NextButton: (
            QCoreApplication.translate("AssistantWizard", "&Next >"),
            QCoreApplication.translate(
                "AssistantWizard", "Go to the next step (enabled when this one is complete)"
            ),
        ),
        b.FinishButton: (
            QCoreApplication.translate("AssistantWizard", "&Finish"),
            QCoreApplication.translate("AssistantWizard", "Close the assistant"),
        ),
        b.CancelButton: (
            QCoreApplication.translate("AssistantWizard", "Close"),
            QCoreApplication.translate(
                "AssistantWizard", "Close the assistant (asks first if there are unsaved changes)"
            ),
        ),
        b.HelpButton: (
            QCoreApplication.translate("AssistantWizard", "&Help"),
            QCoreApplication.translate("AssistantWizard", "What to do on this step (F1)"),
        ),
        b.CustomButton1: (
            QCoreApplication.translate("AssistantWizard", "&Case"),
            QCoreApplication.translate(
                "AssistantWizard", "New, open, save, print the checklist, language, help, about"
            ),
        ),
        b.CustomButton2: (
            QCoreApplication.translate("AssistantWizard", "Pr&int checklist…"),
            QCoreApplication.translate(
                "AssistantWizard",
                "Print the checklist of documents for this case, or save it as PDF (Ctrl+P)",
            ),
        ),
    }


class AssistantWizard(CaseFileMixin, MenuActionsMixin, QWizard):
    caseReplaced = Signal()  # a new or opened case replaced the current one
    caseChanged = Signal()  # the current case was edited
    dirtyChanged = Signal(bool)

    def __init__(self, lang: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.init_case_file(lang)
        self.setObjectName("wizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        for option in (
            QWizard.WizardOption.NoBackButtonOnStartPage,
            QWizard.WizardOption.HaveHelpButton,
            QWizard.WizardOption.HaveCustomButton1,
            QWizard.WizardOption.HaveCustomButton2,
        ):
            self.setOption(option, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setOption(QWizard.WizardOption.CancelButtonOnLeft, False)
        b = QWizard.WizardButton
        self.setButtonLayout(
            [
                b.HelpButton,
                b.CustomButton1,
                b.CustomButton2,
                b.Stretch,
                b.BackButton,
                b.NextButton,
                b.FinishButton,
                b.CancelButton,
            ]
        )
        for which, name in _BUTTON_NAMES:
            self.button(which).setObjectName(name)
        self._retranslate_buttons()
        self.customButtonClicked.connect(self._custom_button)
        self.helpRequested.connect(self.show_help)

        # Only the start page before the window is on screen; the rest right after (fast start).
        self._pages_built = False
        from assistant.gui.pages import make_page

        self.setPage(PageId.START, make_page(PageId.START, self))
        QTimer.singleShot(PAGES_FALLBACK_MS, self, self.ensure_pages)

        self.steps = StepList(self)
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(self._page_changed)
        self.caseChanged.connect(self._refresh_steps)
        self.seen_pages: set[int] = set()
        self._steps_shown: Any = None
        self.caseReplaced.connect(self._case_replaced)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.write_draft)

        self._placed = False
        screen.place_window(self, settings.geometry())
        self._update_title()

    def _retranslate_buttons(self) -> None:
        """Texts of the wizard's own buttons and the window title, in the current language."""
        for which, (text, tip) in _button_texts().items():
            self.setButtonText(which, text)
            self.button(which).setToolTip(tip)
        self._update_title()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:  # the frame is known now: keep the whole window on the screen
            self._placed = True
            QTimer.singleShot(0, self, lambda: screen.keep_on_screen(self))

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
        self.build_actions()
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

    def _page_changed(self, page_id: int) -> None:
        self.seen_pages.add(page_id)
        self._refresh_steps()

    def _case_replaced(self) -> None:
        self.seen_pages = {self.currentId()}
        self._refresh_steps()

    def page_errors(self, page_id: int) -> list[Any]:
        """The errors a page shows about what was entered on it (none for a page not built)."""
        page = self.page(page_id)
        errors = getattr(page, "page_errors", None)
        return list(errors()) if callable(errors) and getattr(page, "_built", False) else []

    def _refresh_steps(self) -> None:
        flow = pages(self._case if self._case is not None else _NO_CASE)
        titles = page_titles()
        visited = set(self.visitedIds()) | self.seen_pages
        current = self.currentId()
        marks = {  # the steps the user has seen and left with an error
            int(p): len(self.page_errors(int(p)))
            for p in flow
            if int(p) in self.seen_pages and int(p) != current
        }
        steps = [(int(p), titles.get(p, p.name.title())) for p in flow]
        shown = (steps, current, {p for p in visited if p in dict(steps)}, marks)
        if shown == self._steps_shown:
            return  # nothing changed: no new labels
        self._steps_shown = shown
        self.steps.set_steps(steps, current, lambda p: p in visited, marks)

    def go_to(self, page_id: int, subject: str | None = None) -> None:
        """Jump to a page (back through the history, or forward through the flow); with a
        ``subject`` (a finding's field or document), that field gets the focus and a highlight."""
        self.ensure_pages()
        if page_id in self.visitedIds():
            while self.currentId() != page_id and self.currentId() != int(PageId.START):
                self.back()
            while self.currentId() != page_id:  # START was the target or history was odd
                if self.nextId() == -1:
                    break
                self.next()
        else:
            guard = 0
            while self.currentId() != page_id and self.nextId() != -1 and guard < 20:
                self.next()
                guard += 1
        focus = getattr(self.currentPage(), "focus_subject", None)
        if subject and self.currentId() == page_id and callable(focus):
            focus(subject)

    def restart_at(self, page_id: PageId) -> None:
        """Show the case from the start of the flow, then move on to ``page_id``."""
        self.ensure_pages()
        self.restart()
        self.go_to(int(page_id))

    # ------------------------------------------------------------------ language
    def set_language(self, choice: str) -> None:
        """Switch the interface language now; ``""`` follows the system. Saved for next time.
        Not an edit of the case: a new case nothing was entered in yet just follows it."""
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
        self.quiet = True  # pages shown while they are rebuilt fill defaults: not an edit
        try:
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
        finally:
            self.quiet = False
        self._refresh_steps()

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:
        if not self.confirm_discard():
            return
        settings.set_geometry(self.saveGeometry())
        self.remove_draft()
        from assistant.gui import workers

        workers.cancel_all()
        super().done(result)
