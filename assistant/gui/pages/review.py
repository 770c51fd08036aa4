"""Review: every remaining finding, grouped by the page that fixes it; activating one goes there."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from assistant.core.flow import PageId
from assistant.gui import workers
from assistant.gui.pages.base import BasePage
from assistant.gui.widgets import SEVERITY_COLOURS, SEVERITY_MARKS, severity_label

CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the finding's code
SUBJECT_ROLE = Qt.ItemDataRole.UserRole + 2  # what it is about (the field to focus)


class WrappingDelegate(QStyledItemDelegate):
    """Row heights for the text wrapped to the width the line has in the view (the view's own
    size hint assumes one unwrapped line, which cut long messages off)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        level, parent = 0, index.parent()
        while parent.isValid():
            level, parent = level + 1, parent.parent()
        indent = self.tree.indentation() * (level + (1 if self.tree.rootIsDecorated() else 0))
        # the width the style draws the text in (its rectangle less its margins): a guess
        # narrower than that wrapped a line too early and left an empty line under it
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(0, 0, max(1, self.tree.viewport().width() - indent), 100_000)
        style = self.tree.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self.tree)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        width = max(80, text_rect.width() - 2 * margin)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else option.fontMetrics
        box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(width, max(hint.height(), box.height() + 6))


class FindingsTree(QTreeWidget):
    """Enter activates the current line and stops there (it must not also press Next). Lines
    wrap to the width of the view, and are laid out again when it changes."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.itemActivated.emit(self.currentItem(), 0)
            event.accept()
            return
        super().keyPressEvent(event)


class ReviewPage(BasePage):
    page_id = PageId.REVIEW
    object_name = "page.review"

    def retitle(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr(
                "Everything that is still wrong, by step. Double-click a line (or press Enter) to go and fix it."
            )
        )

    def build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("review.summary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("review.progress")
        self.progress.setMaximumWidth(220)
        top.addWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("&Stop"))
        self.cancel_button.setObjectName("review.cancel")
        self.cancel_button.clicked.connect(self.cancel)
        top.addWidget(self.cancel_button)
        self.recheck = QPushButton(self.tr("Check &again"))
        self.recheck.setObjectName("review.recheck")
        self.recheck.clicked.connect(self.run_checks)
        top.addWidget(self.recheck)
        layout.addLayout(top)
        self.tree = FindingsTree()
        self.tree.setObjectName("review.tree")
        self.tree.setAccessibleName(self.tr("Remaining problems"))
        # one column: the problem and, under it, what to do; long texts wrap to the width
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setStretchLastSection(True)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self.go_button = QPushButton(self.tr("&Go to this step"))
        self.go_button.setObjectName("review.go")
        self.go_button.clicked.connect(lambda: self._activated(self.tree.currentItem(), 0))
        bottom = QHBoxLayout()
        self.rejected_button = QPushButton(self.tr("Re&jected? Paste the reason…"))
        self.rejected_button.setObjectName("review.rejected")
        self.rejected_button.clicked.connect(self._rejected)
        bottom.addWidget(self.rejected_button)
        bottom.addStretch(1)
        bottom.addWidget(self.go_button)
        layout.addLayout(bottom)
        self.worker: workers.Worker | None = None
        self.review: Any = None

    def load(self) -> None:
        self.run_checks()

    # ------------------------------------------------------------------ checks in the background
    def run_checks(self) -> None:
        from assistant.core.review import check_case

        self.cancel()
        snapshot = copy.deepcopy(self.case)
        lang = self.lang

        def task(worker: workers.Worker) -> Any:
            return check_case(snapshot, lang, progress=worker.report, cancel=worker.is_cancelled)

        worker = workers.Worker(task)
        worker.signals.progress.connect(workers.guard(self, self._progress))
        worker.signals.finished.connect(workers.guard(self, lambda r, w=worker: self._done(w, r)))
        worker.signals.failed.connect(
            workers.guard(self, lambda msg, w=worker: self._failed(w, msg))
        )
        worker.signals.cancelled.connect(workers.guard(self, lambda w=worker: self._stopped(w)))
        self.worker = worker
        self._busy(True)
        self.summary.setText(self.tr("Checking everything…"))
        workers.start(worker)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def busy(self) -> bool:
        return self.worker is not None

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.recheck.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)

    def _progress(self, done: int, total: int, what: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat("%v / %m")
        if what:
            name = what.replace("\\", "/").rsplit("/", 1)[-1]
            self.summary.setText(self.tr("Checking everything… %1").replace("%1", name))

    def _stopped(self, worker: workers.Worker) -> None:
        if worker is self.worker:
            self.worker = None
            self._busy(False)
            self.summary.setText(self.tr("Checks stopped. Press “Check again” to run them."))

    def _failed(self, worker: workers.Worker, message: str) -> None:
        if worker is self.worker:
            self.worker = None
            self._busy(False)
            self.summary.setText(self.tr("The checks failed: %1").replace("%1", message))

    def _done(self, worker: workers.Worker, review: Any) -> None:
        if worker is not self.worker:
            return
        self.worker = None
        self._busy(False)
        if review.cancelled:
            self._stopped(worker)
            return
        self.review = review
        self._show(review)

    def _show(self, review: Any) -> None:
        from assistant.core.findings import sort_findings
        from assistant.core.flow import page_for_area, pages
        from assistant.core.review import area_ids
        from assistant.gui.pages import page_titles

        self.tree.clear()
        by_page: dict[PageId, list[Any]] = {}
        for area in area_ids():
            for f in review.areas.get(area, []):
                by_page.setdefault(page_for_area(area, self.case), []).append(f)
        titles = page_titles()
        errors = warnings = 0
        for page in pages(self.case):
            findings = sort_findings(by_page.get(page, []))
            if not findings:
                continue
            head = QTreeWidgetItem([f"{titles[page]} ({len(findings)})", ""])
            head.setData(0, Qt.ItemDataRole.UserRole, int(page))
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for f in findings:
                sev = f.severity.value
                errors += sev == "error"
                warnings += sev == "warning"
                text = f"{SEVERITY_MARKS[sev]}  {f.message}"
                if f.fix:
                    text += f"\n→ {f.fix}"
                item = QTreeWidgetItem([text])
                item.setData(0, Qt.ItemDataRole.UserRole, int(page))
                item.setData(0, CODE_ROLE, f.code)
                item.setData(0, SUBJECT_ROLE, f.subject or "")
                item.setForeground(0, _brush(SEVERITY_COLOURS[sev]))
                item.setToolTip(0, f"{severity_label(sev)}: {f.message}")
                item.setData(
                    0,
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{severity_label(sev)}: {f.message} {f.fix or ''}".strip(),
                )
                head.addChild(item)
            head.setExpanded(True)
        self.summary.setText(self._summary(errors, warnings))
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _summary(self, errors: int, warnings: int) -> str:
        """How many errors and warnings, each counted as English says it (1 error, 2 errors;
        Chinese and Indonesian say one form), a count of none left out."""
        error_count = (
            self.tr("1 error") if errors == 1 else self.tr("%1 errors").replace("%1", str(errors))
        )
        warning_count = (
            self.tr("1 warning")
            if warnings == 1
            else self.tr("%1 warnings").replace("%1", str(warnings))
        )
        if errors and warnings:
            return (
                self.tr("%1 must be fixed before export; %2 to look at.")
                .replace("%1", error_count)
                .replace("%2", warning_count)
            )
        if errors:
            return self.tr("%1 must be fixed before export.").replace("%1", error_count)
        if warnings:
            return self.tr("Ready to export. %1 worth a look.").replace("%1", warning_count)
        return self.tr("✔ Everything checks out. Ready to export.")

    def _rejected(self) -> None:
        from assistant.gui.rejection import open_rejection_dialog

        open_rejection_dialog(self.wiz)

    def _activated(self, item: QTreeWidgetItem | None, _column: int) -> None:
        if item is None:
            return
        page = item.data(0, Qt.ItemDataRole.UserRole)
        if page is not None:  # the page, with the field the finding is about focused
            self.wiz.go_to(int(page), str(item.data(0, SUBJECT_ROLE) or "") or None)


def _brush(colour: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))
