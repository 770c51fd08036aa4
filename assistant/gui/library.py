"""The case library window (issue #15): every case of a folder (possibly on a shared drive) in
one table — client, signatures, provider, status, blocking problems, last change — with search,
filters and sorting, and what an agency does with its cases (the actions are in
:mod:`assistant.gui.library_actions`).

The folder is scanned off the GUI thread and the table fills as rows come (the core's row cache,
kept beside the settings, makes a second opening cost a ``stat`` per file); the window scans
again when it is activated, so a case saved in the wizard or by a colleague shows its new state.
A providers' status file dropped on the table is imported into the folder's cases.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assistant.core.library import LibraryRow, Query, RowCache
from assistant.gui import dialogs, settings, workers
from assistant.gui.library_actions import LibraryActionsMixin
from assistant.gui.library_model import LibraryFilter, LibraryModel, provider_names

RESCAN_AFTER_S = 2.0  # an activation of the window rescans at most this often
SEARCH_DELAY_MS = 150


class _Relay(QObject):
    """Carries rows from the scanning thread to the GUI thread (a queued signal)."""

    rows = Signal(object)


class LibraryWindow(LibraryActionsMixin, QMainWindow):
    scanned = Signal()  # a scan finished (tests wait for it)

    def __init__(self, wizard: Any = None, folder: Path | None = None) -> None:
        super().__init__(wizard)  # its own window, closed with the wizard
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.wizard = wizard
        self.lang = getattr(wizard, "lang", "en")
        self.setObjectName("library")
        self.setWindowTitle(self.tr("Case library — SMS Signature Assistant"))
        self.setAcceptDrops(True)
        self.folder: Path | None = None
        self._cache = RowCache()
        self._cache_loaded_for: Path | None = None
        self._scanning: workers.Worker | None = None
        self._scan_again = False
        self._scanned_at = 0.0
        self.job: workers.Worker | None = None  # an export or import running
        self._relay = _Relay(self)
        self._relay.rows.connect(self._rows_arrived)
        self._build()
        self.resize(1180, 680)
        start = folder or settings.library_folder()
        if start is not None and start.is_dir():
            self.set_folder(start)
        else:
            self._update_counts()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(self._folder_row())
        layout.addLayout(self._filter_row())
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setDynamicSortFilter(True)
        self.table = QTableView()
        self.table.setObjectName("library.table")
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((230, 170, 110, 200, 330, 130, 160)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # blocking problems
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.drop_hint = QLabel(
            self.tr(
                "Tip: drop a status list saved from a provider's command-line tool on the table to update the cases' status."
            )
        )
        self.drop_hint.setObjectName("library.drop_hint")
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet("color: palette(placeholder-text)")
        layout.addWidget(self.drop_hint)
        layout.addLayout(self.action_row())
        self.setCentralWidget(body)
        self.progress = QProgressBar()
        self.progress.setObjectName("library.progress")
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("library.cancel")
        self.cancel_button.clicked.connect(self.cancel_job)
        self.cancel_button.hide()
        self.counts = QLabel()
        self.counts.setObjectName("library.counts")
        bar = self.statusBar()
        bar.addWidget(self.counts, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.rescan)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)
        self._update_buttons()

    def _folder_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Folder:"))
        self.folder_label = QLabel(self.tr("No folder chosen yet"))
        self.folder_label.setObjectName("library.folder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("C&hoose folder…"))
        self.choose_button.setObjectName("library.choose_folder")
        self.choose_button.setToolTip(
            self.tr("The folder that holds your cases; it may be on a shared drive")
        )
        self.choose_button.clicked.connect(self.choose_folder)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("library.refresh")
        self.refresh_button.setToolTip(self.tr("Read the folder again (F5)"))
        self.refresh_button.clicked.connect(self.rescan)
        row.addWidget(label)
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.refresh_button)
        return row

    def _filter_row(self) -> QHBoxLayout:
        from assistant.core.status import STAGES, stage_label

        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("library.search")
        self.search.setPlaceholderText(
            self.tr("Search client, signature, credit code, problem… (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search the cases"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        row.addWidget(self.search, 3)
        self.stage_filter = self._combo(
            "library.stage_filter",
            self.tr("Status"),
            [(self.tr("Every status"), "")]
            + [(stage_label(s, self.lang), s) for s in STAGES]
            + [(self.tr("Cannot be read"), "broken")],
        )
        self.provider_filter = self._combo(
            "library.provider_filter",
            self.tr("Provider"),
            [(self.tr("Every provider"), "")] + [(n, p) for p, n in provider_names().items()],
        )
        self.problem_filter = self._combo(
            "library.problem_filter",
            self.tr("Problems"),
            [
                (self.tr("With or without problems"), ""),
                (self.tr("Something still blocks"), "blocked"),
                (self.tr("Nothing blocks"), "clear"),
            ],
        )
        for combo in (self.stage_filter, self.provider_filter, self.problem_filter):
            row.addWidget(combo, 1)
        return row

    def _combo(self, name: str, accessible: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        return combo

    # ------------------------------------------------------------------ folder and scan
    def choose_folder(self) -> None:
        start = str(self.folder or settings.last_folder() or Path.home())
        folder = dialogs.choose_folder(self, self.tr("Choose the folder of your cases"), start)
        if folder is not None:
            self.set_folder(folder)

    def set_folder(self, folder: Path) -> None:
        folder = folder.resolve()
        if self.folder != folder:
            self.folder = folder
            settings.set_library_folder(folder)
            self.model.clear()
            self._cache = RowCache()
            self._cache_loaded_for = None
        self.folder_label.setText(str(folder))
        self.folder_label.setToolTip(str(folder))
        self.rescan()

    def rescan(self) -> None:
        """Read the folder (only what changed since the last time) in the background."""
        if self.folder is None:
            return
        if self._scanning is not None:
            self._scan_again = True
            return
        folder, lang, cache = self.folder, self.lang, self._cache
        cache_path = settings.library_cache_path(folder)
        load = self._cache_loaded_for != folder
        self._cache_loaded_for = folder
        relay = self._relay

        def task(worker: workers.Worker) -> Any:
            import contextlib

            from assistant.core.library import scan

            if load:
                loaded = RowCache.load(cache_path)
                cache.lang, cache.day, cache.entries = loaded.lang, loaded.day, loaded.entries
            result = scan(
                folder,
                lang=lang,
                cache=cache,
                on_rows=relay.rows.emit,
                progress=worker.report,
                cancel=worker.is_cancelled,
            )
            with contextlib.suppress(OSError):
                cache.save(cache_path)
            return result

        worker = workers.Worker(task)
        worker.signals.progress.connect(workers.guard(self, self._scan_progress))
        worker.signals.finished.connect(workers.guard(self, self._scan_finished))
        worker.signals.failed.connect(workers.guard(self, self._scan_failed))
        worker.signals.cancelled.connect(workers.guard(self, self._scan_ended))
        self._scanning = worker
        self._scanned_at = time.monotonic()
        workers.start(worker)

    def scanning(self) -> bool:
        return self._scanning is not None

    def _rows_arrived(self, rows: list[LibraryRow]) -> None:
        self.model.put_rows(rows)
        self._update_counts()

    def _scan_progress(self, done: int, total: int, _what: str) -> None:
        if self.job is None:
            self.progress.setVisible(done < total)
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)

    def _scan_finished(self, result: Any) -> None:
        if not result.cancelled:
            self.model.keep_only({r.path for r in result.rows})
        self._scan_ended()

    def _scan_failed(self, message: str) -> None:
        self._scan_ended()
        dialogs.error(self, self.tr("Cannot read the folder"), str(self.folder), message)

    def _scan_ended(self) -> None:
        self._scanning = None
        if self.job is None:
            self.progress.hide()
        self._update_counts()
        self._update_buttons()
        self.scanned.emit()
        if self._scan_again:
            self._scan_again = False
            self.rescan()

    # ------------------------------------------------------------------ filters and counts
    def current_query(self) -> Query:
        def chosen(combo: QComboBox) -> frozenset[str]:
            value = str(combo.currentData() or "")
            return frozenset({value}) if value else frozenset()

        problems = str(self.problem_filter.currentData() or "")
        return Query(
            self.search.text(), chosen(self.stage_filter), chosen(self.provider_filter), problems
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.proxy.set_query(self.current_query())
        self._update_counts()

    def _update_counts(self) -> None:
        rows = self.model.rows()
        if self.folder is None:
            self.counts.setText(self.tr("Choose the folder that holds your cases."))
            return
        blocked = sum(r.blocked for r in rows)
        text = (
            self.tr("%1 cases, %2 with something that still blocks; %3 shown")
            .replace("%1", str(len(rows)))
            .replace("%2", str(blocked))
            .replace("%3", str(self.proxy.rowCount()))
        )
        if self._scanning is not None:
            text += " — " + self.tr("reading the folder…")
        self.counts.setText(text)

    def selected_rows(self) -> list[LibraryRow]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.proxy.row_of(r) for r in sorted(rows)]

    def visible_rows(self) -> list[LibraryRow]:
        return [self.proxy.row_of(r) for r in range(self.proxy.rowCount())]

    # ------------------------------------------------------------------ window events
    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        activated = event.type() == event.Type.ActivationChange and self.isActiveWindow()
        if activated and time.monotonic() - self._scanned_at > RESCAN_AFTER_S:
            self.rescan()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if self.folder is not None and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_status_files(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._scanning is not None:
            self._scanning.cancel()
        if self.job is not None:
            self.job.cancel()
        super().closeEvent(event)


def open_library(wizard: Any) -> LibraryWindow:
    """The wizard's case library window (made on first use), shown and raised."""
    import shiboken6

    window = getattr(wizard, "library_window", None)
    if window is None or not shiboken6.isValid(window):
        window = LibraryWindow(wizard)
        wizard.library_window = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window
