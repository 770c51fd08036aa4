"""Rows that fit a narrow window: widgets side by side while the width gives each its minimum,
one under the other when it does not — so that no page has to scroll sideways (#16) on a small
screen, at 200 % or in a window the user made narrower. Used for two columns of choice boxes,
a combo box with its buttons, two dates with their "long-term" box."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLayout, QLineEdit, QStyle, QWidget

STRETCH = "reflowStretch"  # the property that keeps an item's stretch in a row


class Reflow(QWidget):
    """Its widgets in a row (with their stretch factors) when its width holds the row's
    minimum, else in a column, each at its natural width from the left unless it stretches.

    Its minimum width is the column's, so a layout never forces the row's width on it; the row
    comes back as soon as the width is there again (no feedback: the widths of the items do
    not depend on the direction)."""

    def __init__(self, parent: QWidget | None = None, spacing: int | None = None) -> None:
        super().__init__(parent)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        # its minimum is the column's (minimumSizeHint), even as a window of its own
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        if spacing is not None:
            self._layout.setSpacing(spacing)

    def add(self, item: QWidget | QLayout, stretch: int = 0) -> None:
        if isinstance(item, QLayout):
            self._layout.addLayout(item, stretch)
        else:
            self._layout.addWidget(item, stretch)
        item.setProperty(STRETCH, stretch)
        self._align()

    def is_row(self) -> bool:
        return self._layout.direction() == QBoxLayout.Direction.LeftToRight

    def _items(self) -> list:
        items = (self._layout.itemAt(i) for i in range(self._layout.count()))
        return [item for item in items if not item.isEmpty()]

    def row_width(self) -> int:
        """The narrowest width that holds the visible items side by side."""
        items = self._items()
        margins = self._layout.contentsMargins()
        gaps = self._layout.spacing() * max(0, len(items) - 1)
        return (
            sum(item.minimumSize().width() for item in items)
            + gaps
            + margins.left()
            + margins.right()
        )

    def minimumSizeHint(self) -> QSize:
        margins = self._layout.contentsMargins()
        widest = max((item.minimumSize().width() for item in self._items()), default=0)
        own = super().minimumSizeHint()
        return QSize(widest + margins.left() + margins.right(), own.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow(event.size().width())

    def reflow(self, width: int) -> None:
        """A row if ``width`` holds it, else a column."""
        row = width >= self.row_width()
        if row != self.is_row():
            self._layout.setDirection(
                QBoxLayout.Direction.LeftToRight if row else QBoxLayout.Direction.TopToBottom
            )
            self._align()
            self.updateGeometry()

    def _align(self) -> None:
        """In a column an item that does not stretch keeps its natural width, from the left."""
        row = self.is_row()
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            target = item.widget() or item.layout()
            if target is None:
                continue
            stretch = int(target.property(STRETCH) or 0)
            self._layout.setStretch(i, stretch if row else 0)
            if item.widget() is not None:
                left = Qt.AlignmentFlag.AlignLeft
                self._layout.setAlignment(
                    item.widget(), Qt.AlignmentFlag(0) if row or stretch else left
                )


def shrinkable(combo: QComboBox, chars: int = 14) -> QComboBox:
    """A combo box as narrow as ``chars`` characters when it must be, not as wide as its
    longest choice (its list still shows every choice whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def fit_text(edit: QLineEdit, sample: str) -> QLineEdit:
    """A line edit never narrower than ``sample`` (a date, its placeholder): a row around it
    goes one under the other before the text is cut."""
    margins = edit.textMargins()
    frame = 2 * edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth) + 8
    width = edit.fontMetrics().horizontalAdvance(sample) + margins.left() + margins.right()
    edit.setMinimumWidth(width + frame)
    return edit
