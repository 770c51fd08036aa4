"""The case library's table: a model of :class:`assistant.core.library.LibraryRow` s, filled
incrementally as the scan hands rows over, and a proxy that filters and sorts with the core's
rules (:class:`assistant.core.library.Matcher`, :func:`assistant.core.library.query.sort_key`),
so the window and ``list-cases`` agree on what a search finds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from assistant.core.library import LibraryRow, Matcher, Query
from assistant.core.library.query import sort_key

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# column id -> the core's sort key of that column
COLUMNS = (
    ("client", "client"),
    ("signatures", "signatures"),
    ("provider", "provider"),
    ("stage", "stage"),
    ("problems", "problems"),
    ("modified", "modified"),
    ("file", "file"),
)
_Index = QModelIndex | QPersistentModelIndex


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("LibraryModel", "Client"),
        QCoreApplication.translate("LibraryModel", "Signatures"),
        QCoreApplication.translate("LibraryModel", "Provider"),
        QCoreApplication.translate("LibraryModel", "Status"),
        QCoreApplication.translate("LibraryModel", "Blocking problems"),
        QCoreApplication.translate("LibraryModel", "Last change"),
        QCoreApplication.translate("LibraryModel", "File"),
    ]


def provider_names() -> dict[str, str]:
    return {
        "tencent": QCoreApplication.translate("LibraryModel", "Tencent Cloud"),
        "alibaba": QCoreApplication.translate("LibraryModel", "Alibaba Cloud"),
        "huawei": QCoreApplication.translate("LibraryModel", "Huawei Cloud"),
    }


def problems_text(row: LibraryRow) -> str:
    if row.errors == 0:
        return QCoreApplication.translate("LibraryModel", "None")
    if row.errors == 1:
        return row.first_error
    return (
        QCoreApplication.translate("LibraryModel", "%1 — and %2 more")
        .replace("%1", row.first_error)
        .replace("%2", str(row.errors - 1))
    )


class LibraryModel(QAbstractTableModel):
    """Rows by path; :meth:`put_rows` adds new ones at the end and updates the others."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LibraryRow] = []
        self._where: dict[str, int] = {}
        self._titles = column_titles()
        self._providers = provider_names()
        self._error = QBrush(QColor(196, 43, 28))

    # ---- filling
    def put_rows(self, rows: Iterable[LibraryRow]) -> None:
        new: list[LibraryRow] = []
        for row in rows:
            at = self._where.get(row.path)
            if at is None:
                new.append(row)
                continue
            self._rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for i, row in enumerate(new):
                self._where[row.path] = first + i
            self._rows.extend(new)
            self.endInsertRows()

    def keep_only(self, paths: set[str]) -> None:
        """Remove the rows of files that are gone."""
        for i in reversed(range(len(self._rows))):
            if self._rows[i].path not in paths:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        self._where = {r.path: i for i, r in enumerate(self._rows)}

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._where = [], {}
        self.endResetModel()

    def rows(self) -> Sequence[LibraryRow]:
        return self._rows

    def row_at(self, source_row: int) -> LibraryRow:
        return self._rows[source_row]

    # ---- the model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def _display(self, row: LibraryRow, column: str) -> str:
        if column == "client":
            return row.client or QCoreApplication.translate("LibraryModel", "(no client yet)")
        if column == "signatures":
            return "  ".join(f"【{n}】" for n in row.signatures)
        if column == "provider":
            return self._providers.get(row.provider, row.provider)
        if column == "stage":
            if row.broken:
                return QCoreApplication.translate("LibraryModel", "Cannot be read")
            return row.stage_label
        if column == "problems":
            return problems_text(row)
        if column == "modified":
            return dt.datetime.fromtimestamp(row.modified).strftime("%Y-%m-%d %H:%M")
        return row.name

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "problems" and row.errors:
                return row.first_error
            if column == "stage" and row.rejection:
                return row.rejection
            return row.path
        if role == Qt.ItemDataRole.ForegroundRole and column in ("problems", "stage"):
            if (column == "problems" and row.errors) or row.stage in ("rejected", "broken"):
                return self._error
            if column == "problems":
                palette = QApplication.palette()
                return palette.brush(QPalette.ColorRole.PlaceholderText)
        if role == ROW_ROLE:
            return row
        return None


class LibraryFilter(QSortFilterProxyModel):
    """Search, stage, provider and problem filters, and sorting by the core's keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matcher = Matcher(Query())
        self._keys: dict[int, Callable[[LibraryRow], Any]] = {
            i: sort_key(key) for i, (_, key) in enumerate(COLUMNS)
        }

    def set_query(self, query: Query) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._matcher = Matcher(query)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._matcher = Matcher(query)
            self.invalidateRowsFilter()

    def query(self) -> Query:
        return self._matcher.query

    def library(self) -> LibraryModel:
        source = self.sourceModel()
        assert isinstance(source, LibraryModel)
        return source

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        return self._matcher(self.library().row_at(source_row))

    def lessThan(self, left: _Index, right: _Index) -> bool:
        key = self._keys[left.column()]
        model = self.library()
        return bool(key(model.row_at(left.row())) < key(model.row_at(right.row())))

    def row_of(self, proxy_row: int) -> LibraryRow:
        return self.library().row_at(self.mapToSource(self.index(proxy_row, 0)).row())
