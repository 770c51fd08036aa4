"""What every page shares: access to the wizard's case, lazy building, dirty marking."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from assistant.core.flow import PageId

if TYPE_CHECKING:
    from assistant.core.model import Case
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
        from assistant.core.model import effective_region

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

    def scrolling_body(
        self, outer: QVBoxLayout | None = None, layout_type: type[QBoxLayout] = QVBoxLayout
    ) -> QBoxLayout:
        """A frameless scroll area filling the page (or the rest of ``outer``); returns the
        layout of the widget inside it, where the page puts its content."""
        if outer is None:
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = layout_type(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        return layout

    def cleanupPage(self) -> None:
        # Do not reset anything on Back: the case keeps what the user entered.
        pass
