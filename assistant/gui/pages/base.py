"""What every page shares: access to the wizard's case, lazy building, dirty marking."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from assistant.core.flow import PageId

if TYPE_CHECKING:
    from assistant.core.case import Case
    from assistant.core.rules import RulePack
    from assistant.gui.wizard import AssistantWizard


class BasePage(QWizardPage):
    page_id: PageId
    object_name = "page"

    def __init__(self, wizard: AssistantWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._built = False
        self._loading = False
        self.setObjectName(self.object_name)
        self.retitle()

    # subclasses: retitle() sets title/subtitle (cheap); build() makes widgets; load() reads case
    def retitle(self) -> None:
        pass

    def build(self) -> None:
        pass

    def load(self) -> None:
        pass

    @property
    def wiz(self) -> AssistantWizard:
        return self._wizard

    @property
    def case(self) -> Case:
        return self._wizard.case

    @property
    def lang(self) -> str:
        return self._wizard.lang

    def pack(self) -> RulePack:
        from assistant.core.rules import load_pack

        return load_pack(self.case.provider)

    def region(self) -> str | None:
        from assistant.core.case import effective_region

        return effective_region(self.case)

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            self.build()

    def initializePage(self) -> None:
        self.ensure_built()
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False
        self.completeChanged.emit()

    def changed(self, *_: Any) -> None:
        """A widget wrote to the case: mark it dirty (unless loading) and re-evaluate Next."""
        if self._loading:
            return
        self._wizard.mark_dirty()
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        # Do not reset anything on Back: the case keeps what the user entered.
        pass


class UnavailablePage(BasePage):
    """Stands in for a page whose part of the program is not installed yet."""

    def __init__(self, wizard: AssistantWizard, page_id: PageId) -> None:
        self.page_id = page_id
        self.object_name = f"page.{page_id.name.lower()}"
        super().__init__(wizard)

    def build(self) -> None:
        from assistant.gui.wizard import page_titles

        self.setTitle(page_titles()[self.page_id])
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("This step is not available in this version of the program yet."))
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addStretch(1)

    def retitle(self) -> None:
        from assistant.gui.wizard import page_titles

        self.setTitle(page_titles()[self.page_id])
