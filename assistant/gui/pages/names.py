"""Signature name(s), checked live as the user types (debounced), with the fix one click away;
and the remark fields this application needs, with their own live checks."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.flow import PageId
from assistant.gui.pages.base import BasePage
from assistant.gui.widgets import FindingsView, discard, hint_label

if TYPE_CHECKING:
    from assistant.core.findings import Finding

DEBOUNCE_MS = 250
MAX_ROWS = 100


@lru_cache(maxsize=512)
def _name_findings(
    name: str, provider: str, region: str | None, lang: str, type_: str = "company", owner: str = ""
) -> tuple[Finding, ...]:
    """The name's checks and, once the owner (or the app's / trademark's full name) is known,
    the check against it."""
    from assistant.core.owner import check_signature

    return tuple(check_signature(name, provider, region, lang, type_=type_, owner=owner or None))


class NameRow(QWidget):
    def __init__(self, page: NamesPage, index: int) -> None:
        super().__init__()
        self.page = page
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 4)
        top = QHBoxLayout()
        self.edit = QLineEdit()
        self.edit.setObjectName(f"names.name.{index}")
        self.edit.setAccessibleName(self.tr("Signature name %1").replace("%1", str(index + 1)))
        self.edit.setPlaceholderText(self.tr("e.g. 腾讯科技 or the company's short name"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(page.names_edited)
        top.addWidget(self.edit, 1)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setObjectName(f"names.remove.{index}")
        self.remove.setToolTip(self.tr("Remove this name"))
        self.remove.setAccessibleName(self.tr("Remove name %1").replace("%1", str(index + 1)))
        self.remove.clicked.connect(lambda: page.remove_row(self))
        top.addWidget(self.remove)
        lay.addLayout(top)
        self.findings = FindingsView(
            ok_text=self.tr("Looks good for this provider."), offer_fixes=True
        )
        self.findings.setObjectName(f"names.findings.{index}")
        self.findings.fixApplied.connect(self.edit.setText)
        lay.addWidget(self.findings)


class RemarkRow:
    def __init__(
        self, page: NamesPage, field_id: str, label: str, guidance: str, multiline: bool
    ) -> None:
        self.field_id = field_id
        self.edit: QLineEdit | QPlainTextEdit
        if multiline:
            self.edit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 14)
            self.edit.setPlaceholderText(guidance)
            self.edit.textChanged.connect(page.remarks_edited)
        else:
            self.edit = QLineEdit()
            self.edit.setPlaceholderText(guidance)
            self.edit.setClearButtonEnabled(True)
            self.edit.textChanged.connect(page.remarks_edited)
        self.edit.setObjectName(f"names.remark.{field_id}")
        self.edit.setAccessibleName(label)
        self.edit.setToolTip(guidance)
        self.counter = QLabel()
        self.counter.setObjectName(f"names.counter.{field_id}")
        self.findings = FindingsView(offer_fixes=True)
        self.findings.setObjectName(f"names.remark_findings.{field_id}")
        self.findings.fixApplied.connect(self.set_text)

    def text(self) -> str:
        if isinstance(self.edit, QPlainTextEdit):
            return self.edit.toPlainText()
        return self.edit.text()

    def set_text(self, value: str) -> None:
        if isinstance(self.edit, QPlainTextEdit):
            if self.edit.toPlainText() != value:
                self.edit.setPlainText(value)
        elif self.edit.text() != value:
            self.edit.setText(value)


class NamesPage(BasePage):
    page_id = PageId.NAMES
    object_name = "page.names"

    def retitle(self) -> None:
        self.setTitle(self.tr("Signature name"))
        self.setSubTitle(
            self.tr("The text shown in 【】 at the start of every message. Checked as you type.")
        )

    def build(self) -> None:
        self.body_layout = self.scrolling_body()

        names_box = QGroupBox(self.tr("Signature na&mes"))
        names_box.setObjectName("names.box")
        nlay = QVBoxLayout(names_box)
        self.rules_hint = hint_label()
        self.rules_hint.setObjectName("names.rules")
        nlay.addWidget(self.rules_hint)
        self.owner_hint = hint_label()
        self.owner_hint.setObjectName("names.owner_hint")
        nlay.addWidget(self.owner_hint)
        self.rows_layout = QVBoxLayout()
        nlay.addLayout(self.rows_layout)
        self.add_button = QPushButton(self.tr("&Add another name"))
        self.add_button.setObjectName("names.add")
        self.add_button.setToolTip(
            self.tr(
                "One application can list several names of the same owner (one letter covers them all)"
            )
        )
        self.add_button.clicked.connect(self._add_clicked)
        nlay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body_layout.addWidget(names_box)

        self.remarks_box = QGroupBox(self.tr("&Remarks for the reviewer"))
        self.remarks_box.setObjectName("names.remarks_box")
        self.remarks_form = QFormLayout(self.remarks_box)
        self.remarks_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body_layout.addWidget(self.remarks_box)
        self.body_layout.addStretch(1)

        self.rows: list[NameRow] = []
        self.remarks: dict[str, RemarkRow] = {}
        self._remark_key: tuple[str, ...] = ()

        self.name_timer = QTimer(self)
        self.name_timer.setSingleShot(True)
        self.name_timer.setInterval(DEBOUNCE_MS)
        self.name_timer.timeout.connect(self.refresh_name_findings)
        self.remark_timer = QTimer(self)
        self.remark_timer.setSingleShot(True)
        self.remark_timer.setInterval(DEBOUNCE_MS)
        self.remark_timer.timeout.connect(self.refresh_remark_findings)

    # ------------------------------------------------------------------ case -> widgets
    def load(self) -> None:
        from assistant.core.i18n import localized

        case, pack = self.case, self.pack()
        length = pack.rule("name.length", self.region())
        if length is not None:
            lo, hi = length.value
            self.rules_hint.setText(
                self.tr(
                    "%1: %2–%3 characters; Chinese characters, letters and digits. Do not type the 【】 brackets."
                )
                .replace("%1", localized(pack.name, self.lang))
                .replace("%2", str(lo))
                .replace("%3", str(hi))
            )
        names = list(case.signature_names) or [""]
        while len(self.rows) < len(names):
            self._append_row()
        while len(self.rows) > len(names):
            self._drop_row(self.rows[-1])
        for row, name in zip(self.rows, names, strict=True):
            if row.edit.text() != name:
                row.edit.setText(name)
        self._update_remove_buttons()
        self._build_remarks()
        self.refresh_name_findings()
        self.refresh_remark_findings()

    def _build_remarks(self) -> None:
        from assistant.core.checklist import build_checklist
        from assistant.core.i18n import localized

        case, pack = self.case, self.pack()
        checklist = build_checklist(
            case.provider, case.account, case.purpose, case.type, self.region(), self.lang
        )
        wanted = [r.id for r in checklist.remarks]
        if "description" not in wanted and "description" in pack.remarks:
            wanted.append("description")
        key = (case.provider, *wanted)
        if key == self._remark_key:
            for field_id, row in self.remarks.items():
                row.set_text(case.remarks.get(field_id))
            return
        self._remark_key = key
        while self.remarks_form.rowCount():
            self.remarks_form.removeRow(0)
        self.remarks.clear()
        required = {r.id for r in checklist.remarks}
        for field_id in wanted:
            field = pack.remarks[field_id]
            name = localized(field.name, self.lang)
            if field_id not in required:
                name = self.tr("%1 (optional)").replace("%1", name)
            row = RemarkRow(
                self,
                field_id,
                name,
                localized(field.guidance, self.lang),
                field_id == "description",
            )
            row.set_text(case.remarks.get(field_id))
            label = QLabel(name + ":")
            label.setBuddy(row.edit)
            cell = QWidget()
            clay = QVBoxLayout(cell)
            clay.setContentsMargins(0, 0, 0, 0)
            clay.addWidget(row.edit)
            clay.addWidget(row.counter, 0, Qt.AlignmentFlag.AlignRight)
            clay.addWidget(row.findings)
            self.remarks_form.addRow(label, cell)
            self.remarks[field_id] = row
        self.remarks_box.setVisible(bool(self.remarks))

    # ------------------------------------------------------------------ rows
    def _append_row(self) -> NameRow:
        row = NameRow(self, len(self.rows))
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        return row

    def _drop_row(self, row: NameRow) -> None:
        self.rows.remove(row)
        self.rows_layout.removeWidget(row)
        discard(row)

    def _add_clicked(self) -> None:
        if len(self.rows) >= MAX_ROWS:
            return
        row = self._append_row()
        self._update_remove_buttons()
        row.edit.setFocus()

    def remove_row(self, row: NameRow) -> None:
        if len(self.rows) <= 1:
            row.edit.clear()
            return
        index = self.rows.index(row)
        self._drop_row(row)
        for i, r in enumerate(self.rows[index:], start=index):
            r.edit.setObjectName(f"names.name.{i}")
            r.remove.setObjectName(f"names.remove.{i}")
            r.findings.setObjectName(f"names.findings.{i}")
        self._update_remove_buttons()
        self.names_edited()
        self.rows[min(index, len(self.rows) - 1)].edit.setFocus()

    def _update_remove_buttons(self) -> None:
        for r in self.rows:
            r.remove.setVisible(len(self.rows) > 1)
        self.add_button.setEnabled(len(self.rows) < MAX_ROWS)

    # ------------------------------------------------------------------ widgets -> case
    def names_edited(self, *_: object) -> None:
        if self._loading:
            return
        self.case.signature_names = [r.edit.text() for r in self.rows if r.edit.text().strip()]
        self.name_timer.start()
        self.changed()

    def remarks_edited(self, *_: object) -> None:
        if self._loading:
            return
        for field_id, row in self.remarks.items():
            setattr(self.case.remarks, field_id, row.text())
        self._update_counters()
        self.remark_timer.start()
        self.name_timer.start()  # the app's / trademark's full name is what names are checked against
        self.changed()

    # ------------------------------------------------------------------ checks
    def findings_for(self, name: str) -> tuple[Finding, ...]:
        from assistant.core.owner import reference_name

        case = self.case
        return _name_findings(
            name, case.provider, self.region(), self.lang, case.type, reference_name(case)
        )

    def _update_owner_hint(self) -> None:
        from assistant.core.owner import reference_name

        reference = reference_name(self.case)
        if reference:
            self.owner_hint.setText(
                self.tr("Checked against “%1”: the full name or a continuous part of it.").replace(
                    "%1", reference
                )
            )
        elif self.case.type in ("company", "government"):
            self.owner_hint.setText(
                self.tr(
                    "Once the owner's registered name is entered (next page), each name is checked against it."
                )
            )
        else:
            self.owner_hint.setText("")
        self.owner_hint.setVisible(bool(self.owner_hint.text()))

    def refresh_name_findings(self) -> None:
        self._update_owner_hint()
        for row in self.rows:
            text = row.edit.text()
            if text.strip():
                row.findings.set_findings(self.findings_for(text))
            else:
                row.findings.set_findings([], show_ok=False)
        self.completeChanged.emit()

    def refresh_remark_findings(self) -> None:
        from assistant.core.checklist import check_remark

        pack = self.pack()
        for field_id, row in self.remarks.items():
            value = row.text()
            if value.strip():
                row.findings.set_findings(
                    check_remark(pack, field_id, value, self.lang, self.region()), show_ok=False
                )
            else:
                row.findings.set_findings([], show_ok=False)
        self._update_counters()

    def _update_counters(self) -> None:
        limit = self.pack().rule("limits.remark_max_chars", self.region())
        for row in self.remarks.values():
            if not isinstance(row.edit, QPlainTextEdit):
                row.counter.hide()
                continue
            count = len(row.text())
            row.counter.show()
            if limit is None:
                row.counter.setText(self.tr("%1 characters").replace("%1", str(count)))
                continue
            row.counter.setText(f"{count} / {limit.value}")
            over = count > limit.value
            row.counter.setStyleSheet("color: #d64545; font-weight: bold" if over else "")

    def isComplete(self) -> bool:
        if not self._built:
            return False
        from assistant.core.findings import has_errors

        names = [r.edit.text() for r in self.rows if r.edit.text().strip()]
        return bool(names) and not any(has_errors(self.findings_for(n)) for n in names)
