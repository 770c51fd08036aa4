"""Start: a new case, open a case, recent cases, or continue the autosaved draft."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from assistant.core.flow import PageId
from assistant.gui import settings
from assistant.gui.pages.base import BasePage
from assistant.gui.widgets import ActivatingList, hint_label


class StartPage(BasePage):
    page_id = PageId.START
    object_name = "page.start"

    def retitle(self) -> None:
        self.setTitle(self.tr("Prepare an SMS signature application"))
        self.setSubTitle(
            self.tr(
                "For Tencent Cloud, Alibaba Cloud and Huawei Cloud. A few plain questions, then the "
                "documents, checks and one bundle to upload. Nothing leaves this computer."
            )
        )

    def build(self) -> None:
        layout = QVBoxLayout(self)  # no scroll area: it fits 960×500 and shows sooner
        layout.setSpacing(6)
        layout.addLayout(self._language_row())

        self.recover_frame = QFrame()
        self.recover_frame.setObjectName("start.recover_frame")
        self.recover_frame.setFrameShape(QFrame.Shape.StyledPanel)
        rlay = QHBoxLayout(self.recover_frame)
        self.recover_button = QCommandLinkButton(self.tr("Continue where you &left off"))
        self.recover_button.setObjectName("start.recover")
        self.recover_button.clicked.connect(self._recover)
        rlay.addWidget(self.recover_button, 1)
        self.discard_draft_button = QPushButton(self.tr("&Discard draft"))
        self.discard_draft_button.setObjectName("start.discard_draft")
        self.discard_draft_button.setToolTip(self.tr("Delete the autosaved draft"))
        self.discard_draft_button.clicked.connect(self._discard_draft)
        rlay.addWidget(self.discard_draft_button)
        layout.addWidget(self.recover_frame)

        self.new_button = QCommandLinkButton(
            self.tr("Ne&w application"),
            self.tr("Start from the beginning: choose the provider and what you apply for."),
        )
        self.new_button.setObjectName("start.new")
        self.new_button.clicked.connect(self._new)
        layout.addWidget(self.new_button)

        self.open_button = QCommandLinkButton(
            self.tr("&Open a saved case…"),
            self.tr("Continue an application saved as a .smscase.json file."),
        )
        self.open_button.setObjectName("start.open")
        self.open_button.clicked.connect(self._open)
        layout.addWidget(self.open_button)

        self.library_button = QCommandLinkButton(
            self.tr("Case li&brary…"),
            self.tr(
                "For agencies: every client's case in one table, import a client list, export many."
            ),
        )
        self.library_button.setObjectName("start.library")
        self.library_button.clicked.connect(self.wiz.open_library)
        layout.addWidget(self.library_button)

        recent_label = QLabel(self.tr("&Recent cases"))
        recent_label.setStyleSheet("font-weight: bold; margin-top: 10px")
        recent_row = QHBoxLayout()
        recent_row.addWidget(recent_label, 1)
        self.rejected_button = QPushButton(self.tr("Re&jected? Paste the reason…"))
        self.rejected_button.setObjectName("start.rejected")
        self.rejected_button.setToolTip(
            self.tr(
                "What the provider's reason means and where to fix it, recorded on the case selected below"
            )
        )
        self.rejected_button.clicked.connect(self._rejected)
        recent_row.addWidget(self.rejected_button)
        layout.addLayout(recent_row)
        self.recent = ActivatingList()  # Enter opens the case, and does not press Next too
        self.recent.setObjectName("start.recent")
        self.recent.setAccessibleName(self.tr("Recent cases"))
        self.recent.setToolTip(self.tr("Double-click or press Enter to open"))
        self.recent.itemActivated.connect(self._open_recent)
        recent_label.setBuddy(self.recent)
        layout.addWidget(self.recent, 1)
        self.recent_empty = hint_label(
            self.tr(
                "No recent cases yet. Cases you save appear here, so an agency can switch clients quickly."
            ),
            plain=False,
        )
        self.recent_empty.setObjectName("start.recent_empty")
        layout.addWidget(self.recent_empty)

    def _language_row(self) -> QHBoxLayout:
        """The interface language, where people look for it: top right of the first page,
        labelled in every language it offers (a reader of none of them finds it anyway)."""
        from assistant.gui.languages import UI_LANGUAGES

        row = QHBoxLayout()
        row.addStretch(1)
        own = self.tr("Lan&guage")
        plain = own.replace("&", "").split("(")[0].strip()
        others = " · ".join(w for w in ("Language", "语言", "Bahasa") if w != plain)
        label = QLabel(f"{own} ({others}):")
        label.setObjectName("start.language_label")
        self.language = QComboBox()
        self.language.setObjectName("start.language")
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(self.tr("System language"), "")
        for code, name in UI_LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        self.language.activated.connect(self._language_chosen)
        label.setBuddy(self.language)
        row.addWidget(label)
        row.addWidget(self.language)
        return row

    def _language_chosen(self, index: int) -> None:
        code = str(self.language.itemData(index) or "")
        # after this slot: the switch makes every page again, this combo box too
        QTimer.singleShot(0, self.wiz, lambda: self.wiz.set_language(code))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.wiz.pages_built():
            # the first page is on screen: now make the others (imports the rule packs …)
            QTimer.singleShot(0, self.wiz, self.wiz.ensure_pages)
        if getattr(self, "_stages_wanted", False):  # then each recent case's stage
            self._stages_wanted = False
            QTimer.singleShot(0, self, self._read_stages)

    def load(self) -> None:
        has_draft = self.wiz.has_draft()
        self.recover_frame.setVisible(has_draft)
        if has_draft:
            from PySide6.QtCore import QDateTime, QFileInfo  # only with a draft: ~0.3 ms

            when = QFileInfo(str(settings.draft_path())).lastModified()
            self.recover_button.setDescription(
                self.tr(
                    "A draft was kept automatically (last change %1). Nothing you typed is lost."
                ).replace("%1", QDateTime.toString(when, "yyyy-MM-dd HH:mm"))
            )
        self.recent.clear()
        self.recent_paths = settings.recent_cases()
        for path in self.recent_paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setToolTip(str(path))
            if not path.exists():
                item.setText(item.text() + "   " + self.tr("(not found)"))
                item.setForeground(self.palette().placeholderText())
            self.recent.addItem(item)
        # each case's stage, once the window is on screen (read after the pages are made; see
        # paintEvent: no Qt namespace is touched before the first paint, it costs ~20 ms)
        self._stages_wanted = True
        if self.wiz.pages_built():
            self._stages_wanted = False
            QTimer.singleShot(0, self, self._read_stages)
        empty = self.recent.count() == 0
        self.recent.setVisible(not empty)
        self.recent_empty.setVisible(empty)
        (self.recover_button if has_draft else self.new_button).setFocus()

    # ---- actions
    def _new(self) -> None:
        if self.wiz.start_new_case():
            self.wiz.ensure_pages()
            self.wiz.next()

    def _open(self) -> None:
        self.wiz.open_case_dialog()

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.wiz.open_case_path(self.recent_paths[self.recent.row(item)])

    def _read_stages(self) -> None:
        from assistant.gui.status_panel import read_stages

        paths = list(self.recent_paths)
        if not paths:
            return  # nothing to read: no background import of the status modules

        def shown(row: int, label: str) -> None:  # "name · stage — folder"
            item = self.recent.item(row)
            if item is not None and self.recent_paths == paths:
                item.setText(f"{paths[row].name}    ·    {label}    —    {paths[row].parent}")

        read_stages(self.recent, paths, self.lang, shown)

    def _rejected(self) -> None:
        from assistant.gui.rejection import open_rejection_dialog

        chosen = [self.recent_paths[self.recent.row(i)] for i in self.recent.selectedItems()]
        open_rejection_dialog(self.wiz, chosen[0] if chosen and chosen[0].is_file() else None)

    def _recover(self) -> None:
        self.wiz.recover_draft()

    def _discard_draft(self) -> None:
        self.wiz.remove_draft()
        self.recover_frame.hide()
