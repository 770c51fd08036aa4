"""Qualification (资质, issue #11): what the provider asks for before any signature — the owner
exactly as on its licence, its legal representative and the administrator (handler) with their
ID documents and mobile number, the ID photos, and where the provider asks for it the commitment
letter (generated here). Checked as you type against the provider's rules; ID numbers are shown
masked unless their field is being edited. Skippable with "I already have an approved
qualification: id …", which then fills QualificationId in every request. Shown only when the
provider asks for a qualification in the case's region (``core.flow``)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.flow import PageId
from assistant.gui import dialogs, settings
from assistant.gui.checker import AttachmentChecker, checker_of
from assistant.gui.pages.base import BasePage
from assistant.gui.pages.letter_writer import LetterWriter, attach_file
from assistant.gui.pages.qualification_widgets import DocumentLine, MaskedIdEdit, ValidityEdit
from assistant.gui.pages.reflow import Reflow, fit_text, shrinkable
from assistant.gui.widgets import FindingsView, clear_layout, hint_label

DEBOUNCE_MS = 250
# every field the page has, in the order of the consoles' forms, with its kind of widget
FIELDS = (
    ("owner.name", "text"),
    ("owner.credit_code", "text"),
    ("owner.entity_type", "entity"),
    ("owner.licence_validity", "validity"),
    ("legal_representative.name", "text"),
    ("legal_representative.id_type", "id_type"),
    ("legal_representative.id_number", "id_number"),
    ("legal_representative.id_validity", "validity"),
    ("handler.name", "text"),
    ("handler.id_type", "id_type"),
    ("handler.id_number", "id_number"),
    ("handler.id_validity", "validity"),
    ("handler.mobile", "text"),
    ("handler.email", "text"),
    ("name", "text"),
    ("remark", "text"),
)
GROUPS = ("owner", "legal_representative", "handler", "other")


def _group_of(field_id: str) -> str:
    head = field_id.split(".", 1)[0]
    return head if head in GROUPS else "other"


class QualificationPage(BasePage):
    page_id = PageId.QUALIFICATION
    object_name = "page.qualification"

    def retitle(self) -> None:
        self.setTitle(self.tr("Qualification"))
        self.setSubTitle(
            self.tr(
                "The provider asks for it before any signature: the owner exactly as on its licence, its legal representative and the administrator who manages SMS. Or give the id of a qualification already approved."
            )
        )

    # ------------------------------------------------------------------ building
    def build(self) -> None:
        self.widgets: dict[str, QWidget] = {}
        self.rows: dict[str, DocumentLine] = {}
        self._bad_dates: dict[str, list[str]] = {}
        layout = self.scrolling_body()
        layout.addWidget(self._approved_box())
        self.form = QWidget()
        self.form.setObjectName("qualification.form")
        flay = QVBoxLayout(self.form)
        flay.setContentsMargins(0, 0, 0, 0)
        self.where = hint_label()
        self.where.setObjectName("qualification.where")
        flay.addWidget(self.where)
        self.boxes: dict[str, tuple[QGroupBox, QFormLayout]] = {}
        titles = {
            "owner": self.tr("Owner, exactly as on its licence"),
            "legal_representative": self.tr("Legal representative"),
            "handler": self.tr("Administrator (handler, 经办人)"),
            "other": self.tr("The qualification"),
        }
        for group in GROUPS:
            box = QGroupBox(titles[group])
            box.setObjectName(f"qualification.box.{group}")
            form = QFormLayout(box)
            self.boxes[group] = (box, form)
            flay.addWidget(box)
        self._make_fields()
        flay.addWidget(self._commitment_box())  # generated, signed, then attached below
        flay.addWidget(self._documents_box())
        layout.addWidget(self.form)
        self.findings = FindingsView(ok_text=self.tr("The qualification passes every check."))
        self.findings.setObjectName("qualification.findings")
        layout.addWidget(self.findings)
        self.after = hint_label()
        self.after.setObjectName("qualification.after")
        layout.addWidget(self.after)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_findings)
        self.checker.rowChanged.connect(self._row_changed)

    @property
    def checker(self) -> AttachmentChecker:
        return checker_of(self.wiz)

    def _approved_box(self) -> QWidget:
        box = Reflow()
        self.approved = QCheckBox(self.tr("I already have an approved &qualification: id"))
        self.approved.setObjectName("qualification.approved")
        self.approved.toggled.connect(self._approved_toggled)
        self.approved_id = QLineEdit()
        self.approved_id.setObjectName("qualification.approved_id")
        self.approved_id.setAccessibleName(self.tr("Approved qualification id"))
        self.approved_id.setPlaceholderText(self.tr("As the console's qualification list shows it"))
        fit_text(self.approved_id, self.approved_id.placeholderText())  # else under the box
        self.approved_id.textEdited.connect(self._edited)
        box.add(self.approved)
        box.add(self.approved_id, 1)
        return box

    def _make_fields(self) -> None:
        from assistant.core.model.qualification import ID_TYPES
        from assistant.core.owner import ENTITY_TYPES

        for field_id, kind in FIELDS:
            widget: QWidget
            if kind == "text":
                edit = QLineEdit()
                edit.textEdited.connect(self._edited)
                widget = edit
            elif kind == "id_number":
                masked = MaskedIdEdit(f"qualification.{field_id}", field_id)
                masked.valueChanged.connect(self._edited)
                widget = masked
            elif kind == "validity":
                validity = ValidityEdit(f"qualification.{field_id}")
                validity.changed.connect(self._edited)
                widget = validity
            else:
                combo = shrinkable(QComboBox())
                for choice in ("", *ENTITY_TYPES) if kind == "entity" else ID_TYPES:
                    combo.addItem(choice, choice)
                combo.activated.connect(self._edited)
                widget = combo
            self._add(field_id, widget)

    def _add(self, field_id: str, widget: QWidget) -> None:
        if not widget.objectName():
            widget.setObjectName(f"qualification.{field_id}")
        label = QLabel(field_id)
        label.setObjectName(f"qualification.label.{field_id}")
        label.setBuddy(widget)
        self.boxes[_group_of(field_id)][1].addRow(label, widget)
        self.widgets[field_id] = widget

    def _documents_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("ID photos and signed letters"))
        box.setObjectName("qualification.documents")
        lay = QVBoxLayout(box)
        lay.addWidget(
            hint_label(
                self.tr(
                    "Colour photos of the original cards, the whole card in the picture. The licence is attached on the Documents step. The bundle removes every metadata (location, camera) from these photos."
                )
            )
        )
        self.doc_rows = QVBoxLayout()
        lay.addLayout(self.doc_rows)
        return box

    def _commitment_box(self) -> QGroupBox:
        self.commitment_box = QGroupBox(self.tr("Commitment letter (合规使用承诺函)"))
        self.commitment_box.setObjectName("qualification.commitment")
        lay = QVBoxLayout(self.commitment_box)
        form = QFormLayout()
        self.signed_on = QLineEdit()
        self.signed_on.setObjectName("qualification.commitment.signed_on")
        self.signed_on.setPlaceholderText(self.tr("YYYY-MM-DD, or empty to date it by hand"))
        self.signed_on.textEdited.connect(self._edited)
        self.signed_on_label = QLabel(self.tr("Signing &date:"))
        self.signed_on_label.setBuddy(self.signed_on)
        form.addRow(self.signed_on_label, self.signed_on)
        lay.addLayout(form)
        row = Reflow()
        self.generate = QPushButton(self.tr("&Generate the commitment letter…"))
        self.generate.setObjectName("qualification.generate")
        self.generate.clicked.connect(self.generate_letter)
        self.open_button = QPushButton(self.tr("Open it to print"))
        self.open_button.setObjectName("qualification.open")
        self.open_button.setEnabled(False)
        self.writer = LetterWriter(
            self, "commitment-letter", self.tr("commitment letter"), self.generate, self._say
        )
        self.writer.written.connect(self._generated)
        self.open_button.clicked.connect(self.writer.open)
        row.add(self.generate)
        row.add(self.open_button)
        row.add(QWidget(), 1)
        lay.addWidget(row)
        self.generated_label = QLabel()
        self.generated_label.setObjectName("qualification.generated")
        self.generated_label.setWordWrap(True)
        self.generated_label.hide()  # no empty line before anything is written
        lay.addWidget(self.generated_label)
        self.letter_findings = FindingsView()
        self.letter_findings.setObjectName("qualification.letter_findings")
        lay.addWidget(self.letter_findings)
        return self.commitment_box

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        from assistant.core.i18n import localized
        from assistant.core.qualification import after_approval, rules_for

        rules = rules_for(self.case)
        q = self.case.qualification
        self.approved.setChecked(bool(q.approved_id.strip()))
        self.approved_id.setText(q.approved_id)
        if rules is not None:
            self.where.setText(localized(rules.console, self.lang))
            self.after.setText("\n".join(after_approval(rules, self.lang)))
        self.commitment_box.setVisible(rules is not None and rules.commitment != "none")
        self._show_fields(rules)
        self._load_values()
        self._make_rows(rules)
        self.signed_on.setText(q.commitment.signed_on.isoformat() if q.commitment.signed_on else "")
        self._approved_toggled(self.approved.isChecked())
        self.refresh_findings()

    def _show_fields(self, rules: Any) -> None:
        """Only the fields the provider's form has, under its own labels."""
        from assistant.core.i18n import localized, text
        from assistant.core.qualification import effective_purpose

        purpose = effective_purpose(self.case)
        shown = {g: 0 for g in GROUPS}
        for field_id, widget in self.widgets.items():
            item = rules.field(field_id, purpose) if rules is not None else None
            group, form = self.boxes[_group_of(field_id)]
            label = form.labelForField(widget)
            if item is not None and isinstance(label, QLabel):
                need = "" if item.need != "required" else "\u00a0*"  # never alone on a line
                label.setText(localized(item.label, self.lang) + need)
                note = localized(item.note, self.lang) if item.note else ""
                widget.setToolTip(note)
                if field_id == "remark" and isinstance(widget, QLineEdit):
                    widget.setPlaceholderText(note)  # what to write in it, as on Names
                widget.setAccessibleName(localized(item.label, self.lang))
            form.setRowVisible(widget, item is not None)
            shown[_group_of(field_id)] += item is not None
            if isinstance(widget, QComboBox):
                self._label_choices(widget, field_id, text)
        for group, (box, _form) in self.boxes.items():
            box.setVisible(shown[group] > 0)
        self._placeholders()
        self._align_labels()

    def _align_labels(self) -> None:
        """The fields of every box start at the same x (the commitment letter's too)."""
        labels = [
            label
            for _box, form in self.boxes.values()
            for widget in self.widgets.values()
            if isinstance(label := form.labelForField(widget), QLabel)
            and form.isRowVisible(widget)  # a hidden row's label has another provider's text
        ]
        if self.commitment_box.isVisibleTo(self):
            labels.append(self.signed_on_label)
        # a long label (a remark with its explanation) wraps rather than push every field right
        for label in labels:
            label.setWordWrap(False)  # measured on one line
        wanted = {label: label.sizeHint().width() for label in labels}
        cap = 42 * self.fontMetrics().averageCharWidth()
        width = min(cap, max(wanted.values(), default=0))
        for label in labels:
            label.setWordWrap(wanted[label] > width)
            label.setFixedWidth(width)

    def _label_choices(self, combo: QComboBox, field_id: str, text: Any) -> None:
        for i in range(combo.count()):
            value = combo.itemData(i)
            if field_id == "owner.entity_type" and not value:
                shown = self.tr("As on the Parties page")
            elif field_id == "owner.entity_type":
                shown = text(f"owner.entity.{value}", self.lang)
            else:
                shown = text(f"qualification.id_type.{value}", self.lang)
            combo.setItemText(i, shown)

    def _placeholders(self) -> None:
        case = self.case
        party = case.owner if case.purpose == "others" else case.applicant
        hints = {
            "owner.name": party.name,
            "owner.credit_code": party.credit_code,
            "legal_representative.name": case.owner.legal_representative,
        }
        for field_id, value in hints.items():
            edit = self.widgets[field_id]
            if isinstance(edit, QLineEdit):
                edit.setPlaceholderText(
                    self.tr("From the Parties page: %1").replace("%1", value) if value else ""
                )
        self._name_placeholder()

    def _name_placeholder(self) -> None:
        """The qualification's name, derived while none is typed (Alibaba QualificationName)."""
        from assistant.core.qualification import qualification_name

        edit = self.widgets["name"]
        if isinstance(edit, QLineEdit) and not self.case.qualification.name.strip():
            edit.setPlaceholderText(qualification_name(self.case))

    def _load_values(self) -> None:
        from assistant.core.qualification.section import field_value

        q = self.case.qualification
        for field_id, widget in self.widgets.items():
            value = field_value(q, field_id)
            if isinstance(widget, MaskedIdEdit):
                widget.set_value(value or "")
            elif isinstance(widget, QLineEdit):
                widget.setText(value or "")
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value or "")))
            elif isinstance(widget, ValidityEdit):
                widget.load(value)

    def _make_rows(self, rules: Any) -> None:
        from assistant.core.i18n import localized
        from assistant.core.model.qualification import QUALIFICATION_DOCUMENTS
        from assistant.core.qualification import effective_purpose

        clear_layout(self.doc_rows)
        self.rows = {}
        if rules is None:
            return
        for item in rules.documents_for(effective_purpose(self.case)):
            if item.id not in QUALIFICATION_DOCUMENTS or item.need == "optional":
                continue
            row = DocumentLine(self, item.id)
            mark = {"required": " *", "conditional": " " + self.tr("(if asked)")}
            row.title.setText(localized(item.label, self.lang) + mark.get(item.need, ""))
            row.note.setText(localized(item.note, self.lang) if item.note else "")
            row.note.setVisible(bool(item.note))
            self.rows[item.id] = row
            self.doc_rows.addWidget(row)
            self.refresh_row(item.id)

    # ------------------------------------------------------------------ editing
    def _approved_toggled(self, on: bool) -> None:
        self.approved_id.setEnabled(on)
        self.form.setVisible(not on)
        if not self._loading:
            self._edited()

    def _edited(self, *_: Any) -> None:
        if self._loading:
            return
        self.store()
        self._name_placeholder()
        self.changed()
        self.timer.start()

    def store(self) -> None:
        """Write every field into the case's qualification section."""
        from assistant.core.qualification.section import field_value

        q = self.case.qualification
        q.approved_id = self.approved_id.text().strip() if self.approved.isChecked() else ""
        self._bad_dates = {}
        for field_id, widget in self.widgets.items():
            parent_path, _, attr = field_id.rpartition(".")
            parent = field_value(q, parent_path) if parent_path else q
            if isinstance(widget, MaskedIdEdit):
                setattr(parent, attr, widget.value())
            elif isinstance(widget, QLineEdit):
                setattr(parent, attr, widget.text())
            elif isinstance(widget, QComboBox):
                setattr(parent, attr, widget.currentData() or "")
            elif isinstance(widget, ValidityEdit):
                bad = widget.store(field_value(q, field_id))
                if bad:
                    self._bad_dates[field_id] = bad
        raw = self.signed_on.text().strip()
        self._bad_dates.pop("commitment.signed_on", None)
        try:
            import datetime as dt

            q.commitment.signed_on = dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            self._bad_dates["commitment.signed_on"] = [raw]

    def refresh_findings(self) -> None:
        from assistant.core.findings import Severity
        from assistant.core.model.fileformat import finding
        from assistant.core.qualification import check_qualification

        if not self._built:
            return
        found = check_qualification(self.case, self.lang)
        for field_id, values in self._bad_dates.items():
            for value in values:
                found.append(
                    finding(
                        Severity.ERROR,
                        "case.bad_date",
                        self.lang,
                        f"qualification.{field_id}",
                        key=field_id,
                        value=value,
                    )
                )
        self.findings.set_findings(found)

    # ------------------------------------------------------------------ documents
    def refresh_row(self, doc_id: str) -> None:
        from assistant.core.qualification import redact

        row = self.rows.get(doc_id)
        if row is None:
            return
        a = self.checker.attachment(doc_id)
        self.checker.ensure_checked(doc_id)
        checked = self.checker.result(doc_id)
        name = (
            redact(Path(a.path).name, self.case.qualification.id_numbers(), id_like=True)
            if a
            else None
        )
        row.show_state(self.checker.status(doc_id), name, checked.verdict if checked else [])

    def _row_changed(self, doc_id: str) -> None:
        if self._built and doc_id in self.rows:
            self.refresh_row(doc_id)
            self.timer.start()

    def attach_dialog(self, doc_id: str) -> None:
        paths = dialogs.choose_attachments(self, settings.last_folder())
        if paths:
            self.attach_files(doc_id, paths[:1])

    def attach_files(self, doc_id: str, paths: list[Path]) -> None:
        attach_file(self, self.checker, doc_id, paths[0])

    def remove_attachment(self, doc_id: str) -> None:
        self.checker.remove(doc_id)
        self.changed()

    # ------------------------------------------------------------------ the commitment letter
    def generate_letter(self) -> None:
        from assistant.core.letter import fill_commitment_letter
        from assistant.core.qualification import commitment_input

        self.store()
        inp = commitment_input(copy.deepcopy(self.case))
        lang = self.lang
        self.writer.write(lambda path: fill_commitment_letter(inp, path, lang=lang))

    @property
    def generated(self) -> Path | None:
        """The commitment letter last written."""
        return self.writer.path

    def busy(self) -> bool:
        """Writing the letter, or checking an ID photo or the signed letter."""
        return self.writer.busy() or any(d in self.checker.running for d in self.rows)

    def _say(self, text: str) -> None:
        """What happened to the letter; no empty line when there is nothing to say."""
        self.generated_label.setText(text)
        self.generated_label.setVisible(bool(text))

    def _generated(self, result: Any) -> None:
        self.letter_findings.set_findings(
            [f for f in result.findings if f.severity.value != "error"], show_ok=False
        )
        if self.generated is None:
            return
        self._say(
            self.tr(
                "Written: %1, in the folder %2. Print it, have it signed and stamped, then attach the scan below."
            )
            .replace("%1", self.generated.name)
            .replace("%2", str(self.generated.parent))
        )
        self.open_button.setEnabled(True)

    # ------------------------------------------------------------------ "Go to this step"
    def subject_widget(self, subject: str) -> QWidget | None:
        field = subject.removeprefix("qualification.")
        if field in self.rows:
            return self.rows[field]
        widget = self.widgets.get(field)
        if isinstance(widget, ValidityEdit):
            return widget.start
        if widget is not None and widget.isVisibleTo(self):
            return widget
        if field == "approved_id":
            return self.approved_id
        return super().subject_widget(subject)
