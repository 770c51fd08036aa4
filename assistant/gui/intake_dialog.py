"""Import clients from a spreadsheet: the column mapping step with a preview, then one checked
case file per row in the library folder (the core's :mod:`assistant.core.intake`).

Recognised headers come mapped; every column can be mapped to a field or left out. The preview
shows what the first rows become (ready, what is still missing, or refused and why) and follows
every change of the mapping, the agency profile and the default provider.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from assistant.gui import dialogs, workers

if TYPE_CHECKING:
    from assistant.core.intake import IntakeDefaults, IntakeReport, RawTable

PREVIEW_ROWS = 30


def field_labels() -> dict[str, str]:
    return {
        "owner.name": QCoreApplication.translate("IntakeDialog", "Client: company name"),
        "owner.credit_code": QCoreApplication.translate("IntakeDialog", "Client: credit code"),
        "owner.legal_representative": QCoreApplication.translate(
            "IntakeDialog", "Client: legal representative"
        ),
        "signature_names": QCoreApplication.translate("IntakeDialog", "Signature name(s)"),
        "provider": QCoreApplication.translate("IntakeDialog", "Provider"),
        "type": QCoreApplication.translate("IntakeDialog", "Signature type"),
        "sign_type": QCoreApplication.translate(
            "IntakeDialog", "Signature use (verification, notification…)"
        ),
        "purpose": QCoreApplication.translate("IntakeDialog", "For the client or for yourself"),
        "account": QCoreApplication.translate("IntakeDialog", "Account type"),
        "region": QCoreApplication.translate("IntakeDialog", "Region"),
        "applicant.name": QCoreApplication.translate("IntakeDialog", "Applicant: name"),
        "applicant.credit_code": QCoreApplication.translate(
            "IntakeDialog", "Applicant: credit code"
        ),
        "remarks.description": QCoreApplication.translate("IntakeDialog", "Description of use"),
        "remarks.domain": QCoreApplication.translate("IntakeDialog", "Website"),
        "remarks.app_name": QCoreApplication.translate("IntakeDialog", "App name"),
        "remarks.app_store_link": QCoreApplication.translate("IntakeDialog", "App store link"),
        "remarks.account_name": QCoreApplication.translate(
            "IntakeDialog", "Official account / mini program name"
        ),
        "remarks.trademark_name": QCoreApplication.translate("IntakeDialog", "Trademark name"),
        "remarks.trademark_number": QCoreApplication.translate(
            "IntakeDialog", "Trademark registration number"
        ),
        "remarks.landline": QCoreApplication.translate("IntakeDialog", "Landline"),
        "remarks.shop_link": QCoreApplication.translate("IntakeDialog", "Shop link"),
        "remarks.app_icp_number": QCoreApplication.translate("IntakeDialog", "ICP filing number"),
        "ignore.id_number": QCoreApplication.translate(
            "IntakeDialog", "ID number (checked, not kept)"
        ),
        "ignore.phone": QCoreApplication.translate("IntakeDialog", "Phone (checked, not kept)"),
        "ignore.contact": QCoreApplication.translate("IntakeDialog", "Contact person (not kept)"),
    }


class IntakeDialog(QDialog):
    def __init__(self, sheet: Path, folder: Path, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        from assistant.core.intake import read_table

        self.sheet, self.folder, self.lang = sheet, folder, lang
        self.report: IntakeReport | None = None  # set once the rows were written
        self.worker: workers.Worker | None = None
        self.setObjectName("intake")
        self.setWindowTitle(self.tr("Import clients from a spreadsheet"))
        self.table, found = read_table(sheet, lang)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("intake.heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        if self.table is None:
            self.heading.setText("\n".join(f.message for f in found))
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.reject)
            layout.addWidget(buttons)
            return
        self.heading.setText(
            self.tr("%1: %2 rows. Each row becomes a new case file in %3.")
            .replace("%1", sheet.name)
            .replace("%2", str(len(self.table.rows)))
            .replace("%3", str(folder))
        )
        layout.addLayout(self._defaults_form())
        layout.addWidget(QLabel(self.tr("Which column holds what (recognised headers are set):")))
        layout.addWidget(self._mapping_table(self.table), 2)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("intake.preview_label")
        layout.addWidget(self.preview_label)
        self.preview = QTableWidget(0, 4)
        self.preview.setObjectName("intake.preview")
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Client"), self.tr("Signatures"), self.tr("Result")]
        )
        self.preview.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton()
        self.import_button.setObjectName("intake.import")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 700)
        self.refresh_preview()

    def _defaults_form(self) -> QFormLayout:
        from assistant.core.profiles import load_profiles
        from assistant.gui import settings
        from assistant.gui.library_model import provider_names

        form = QFormLayout()
        self.applicant = QComboBox()
        self.applicant.setObjectName("intake.applicant")
        self.applicant.addItem(self.tr("None: each client applies with its own account"), None)
        book, _ = load_profiles(settings.profiles_path(), self.lang)
        for profile in book.of_kind("applicant"):
            self.applicant.addItem(profile.label(), profile)
        if self.applicant.count() > 1:
            self.applicant.setCurrentIndex(1)
        self.applicant.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        form.addRow(self.tr("&Applicant (your company):"), self.applicant)
        self.provider = QComboBox()
        self.provider.setObjectName("intake.provider")
        self.provider.addItem(self.tr("As the list says"), "")
        for pid, name in provider_names().items():
            self.provider.addItem(name, pid)
        self.provider.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        form.addRow(self.tr("&Provider of rows that name none:"), self.provider)
        return form

    def _mapping_table(self, table: RawTable) -> QTableWidget:
        from assistant.core.intake import recognise

        labels = field_labels()
        recognised = recognise(table.headers)
        grid = QTableWidget(len(table.headers), 3)
        grid.setObjectName("intake.mapping")
        grid.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Field of the case")]
        )
        grid.verticalHeader().setVisible(False)
        grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.field_boxes: list[QComboBox] = []
        for i, header in enumerate(table.headers):
            grid.setItem(i, 0, QTableWidgetItem(header or f"#{i + 1}"))
            example = next((c.value for _, cells in table.rows if not (c := cells[i]).empty), "")
            grid.setItem(i, 1, QTableWidgetItem(str(example)))
            box = QComboBox()
            box.setObjectName(f"intake.field.{i}")
            box.addItem(self.tr("— not used —"), "")
            for field_id, label in labels.items():
                box.addItem(label, field_id)
            box.setCurrentIndex(max(0, box.findData(recognised.get(i, ""))))
            box.currentIndexChanged.connect(lambda _i: self.refresh_preview())
            grid.setCellWidget(i, 2, box)
            self.field_boxes.append(box)
        grid.resizeColumnToContents(0)
        grid.setColumnWidth(2, 300)
        return grid

    # ------------------------------------------------------------------ mapping -> preview
    def overrides(self) -> dict[int, str]:
        return {i: str(box.currentData() or "") for i, box in enumerate(self.field_boxes)}

    def defaults(self) -> IntakeDefaults:
        from assistant.core.intake import IntakeDefaults

        return IntakeDefaults(
            provider=str(self.provider.currentData() or ""),
            applicant=self.applicant.currentData(),
            language=self.lang,
        )

    def refresh_preview(self) -> None:
        from dataclasses import replace

        from assistant.core.intake import import_table

        assert self.table is not None
        first = replace(self.table, rows=self.table.rows[:PREVIEW_ROWS], findings=[])
        report = import_table(
            first, None, overrides=self.overrides(), defaults=self.defaults(), lang=self.lang
        )
        self.show_rows(report)
        total = len(self.table.rows)
        self.preview_label.setText(
            self.tr("What the first %1 rows become:").replace("%1", str(len(first.rows)))
        )
        self.import_button.setText(self.tr("&Import %1 rows").replace("%1", str(total)))
        blocked = bool(report.findings)
        self.import_button.setEnabled(not blocked and total > 0 and self.worker is None)
        if blocked:
            self.preview_label.setText("\n".join(f.message for f in report.findings))

    def show_rows(self, report: IntakeReport) -> None:
        self.preview.setRowCount(len(report.rows))
        for i, r in enumerate(report.rows):
            if r.refused:
                result = self.tr("Refused: %1").replace("%1", r.refused[0].message)
            elif r.missing:
                result = self.tr("Still missing: %1").replace(
                    "%1", "; ".join(f.message for f in r.missing)
                )
            else:
                result = self.tr("Nothing missing")
            cells = (str(r.row), r.client, "  ".join(f"【{n}】" for n in r.signatures), result)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 3 and r.refused:
                    item.setForeground(Qt.GlobalColor.red)
                self.preview.setItem(i, column, item)
        self.preview.resizeColumnsToContents()

    # ------------------------------------------------------------------ import
    def run_import(self) -> None:
        from assistant.core.intake import import_table

        table, folder, lang = self.table, self.folder, self.lang
        overrides, defaults = self.overrides(), self.defaults()
        assert table is not None

        def task(worker: workers.Worker) -> Any:
            return import_table(
                table,
                folder,
                overrides=overrides,
                defaults=defaults,
                lang=lang,
                progress=worker.report,
                cancel=worker.is_cancelled,
            )

        worker = workers.Worker(task)
        worker.signals.finished.connect(workers.guard(self, self._imported))
        worker.signals.failed.connect(
            workers.guard(self, lambda m: dialogs.error(self, self.tr("Import failed"), m))
        )
        self.worker = worker
        self.import_button.setEnabled(False)
        workers.start(worker)

    def _imported(self, report: IntakeReport) -> None:
        self.worker = None
        self.report = report
        counts = report.counts()
        self.preview_label.setText(
            self.tr("%1 case files written to %2 (%3 with nothing missing); %4 rows refused.")
            .replace("%1", str(counts["ready"] + counts["incomplete"]))
            .replace("%2", str(self.folder))
            .replace("%3", str(counts["ready"]))
            .replace("%4", str(counts["refused"]))
        )
        self.show_rows(report)
        self.import_button.hide()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("intake.close")
