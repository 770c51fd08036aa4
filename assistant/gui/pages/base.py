"""What every page shares: access to the wizard's case, lazy building, dirty marking."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from assistant.core.flow import PageId

if TYPE_CHECKING:
    from assistant.core.findings import Finding
    from assistant.core.model import Case
    from assistant.core.rules import RulePack
    from assistant.gui.wizard import AssistantWizard


class _Body(QWidget):
    """The content of a page's scroll area. Where it has word-wrapped text, its height is the
    one its width needs (the scroll area asks for it): not the taller minimum the text has at
    its narrowest, which showed a vertical scroll bar on pages that fit."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            return QSize(hint.width(), 0)
        return hint


class BasePage(QWizardPage):
    page_id: PageId
    object_name = "page"

    def __init__(self, wizard: AssistantWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._built = False
        self._loading = False
        self._findings_pending = False
        self._errors_shown = -1
        self._views: list[Any] = []  # the findings lists of the page (they register themselves)
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

    # ---- one rule for every page: an error shown on it keeps Next disabled
    def page_errors(self) -> list[Finding]:
        """The errors the page shows (in its visible findings lists) about what was entered.
        The lists tell the page when they change (``findings_shown``): no search of the tree."""
        import shiboken6

        views = [v for v in self._views if shiboken6.isValid(v)]
        self._views = views
        return [
            f
            for view in views
            if view.errors and view.objectName() and view.isVisibleTo(self)
            for f in view.findings
            if f.severity.value == "error" and self.owns(f.subject)
        ]

    def owns(self, subject: str | None) -> bool:
        """Is an error about ``subject`` this page's to block? Not when it is fixed on an
        earlier page (the letter's checks repeat the names'): that page blocks it already."""
        from assistant.core.flow import page_for_subject, position

        if not subject:
            return True
        return position(page_for_subject(subject, self.case)) >= position(self.page_id)

    def isComplete(self) -> bool:
        if not self._built or self._wizard.quiet:  # quiet: pages are being made again
            return True
        return not self.page_errors()

    def findings_shown(self, view: QWidget | None = None) -> None:
        """A findings list of this page changed: Next and the step list follow (coalesced)."""
        if view is not None and view not in self._views:
            self._views.append(view)
        if not self._findings_pending:
            self._findings_pending = True
            QTimer.singleShot(0, self, self._findings_settled)

    def _findings_settled(self) -> None:
        """Next and the step list follow the page's errors, when their number changed (a
        check of a file that ends while others run must not redo the whole window)."""
        self._findings_pending = False
        errors = len(self.page_errors())
        if errors == self._errors_shown:
            return
        self._errors_shown = errors
        self.completeChanged.emit()
        refresh = getattr(self._wizard, "_refresh_steps", None)
        if callable(refresh):
            refresh()

    # ---- "Go to this step": the field a finding is about
    def subject_widget(self, subject: str) -> QWidget | None:
        """The widget of this page that holds ``subject`` (a field path like
        ``owner.credit_code``, ``signature_names[1]``, ``remarks.domain``, a document id, or a
        signature name as the names area gives it)."""
        head, _, rest = subject.partition(".")
        index = re.fullmatch(r"\w+\[(\d+)\]", head)
        candidates = [
            subject,
            f"{self.object_name.removeprefix('page.')}.{subject}",
            f"names.remark.{rest}" if head == "remarks" else "",
            f"names.name.{index.group(1)}" if index and head.startswith("signature") else "",
            "names.name.0" if head in ("signature_name", "signature_names", "names") else "",
            f"docs.row.{subject}",
            f"provider.{subject}",
            "type.type" if subject == "type" else "",
            "type.sign_type" if subject == "sign_type" else "",
        ]
        for name in filter(None, candidates):
            widget = self.findChild(QWidget, name)
            if widget is not None and widget.isVisibleTo(self):
                return widget
        from PySide6.QtWidgets import QLineEdit

        for edit in self.findChildren(QLineEdit):  # a signature name, as the names area says
            if edit.isVisibleTo(self) and edit.text().strip() == subject.strip():
                return edit
        return None

    def focus_subject(self, subject: str) -> bool:
        """Focus and highlight the field ``subject`` is about; False when the page has none."""
        from assistant.gui.widgets import highlight

        widget = self.subject_widget(subject)
        if widget is None:
            return False
        from PySide6.QtCore import Qt  # (the Qt namespace costs ~20 ms: not at start)

        focus = widget
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:  # a row, a group: its first input
            focus = next(
                (
                    w
                    for w in widget.findChildren(QWidget)
                    if w.isVisibleTo(self) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                ),
                widget,
            )
        highlight(widget, focus)
        return True

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
        body = _Body()
        layout = layout_type(body)
        scroll.setWidget(body)
        # see-through: the page's own background shows (and the page gets its paint events,
        # which the start page uses to make the other pages once it is on screen)
        scroll.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
        outer.addWidget(scroll, 1)
        return layout

    def cleanupPage(self) -> None:
        # Do not reset anything on Back: the case keeps what the user entered.
        pass
