"""Authorization letter (for others): validity with a calendar, language, risk bearer, template
(ours or a .docx the user picks), generate, open in the office program, attach the signed scan."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.flow import PageId
from assistant.gui import dialogs, settings
from assistant.gui.checker import AttachmentChecker, checker_of
from assistant.gui.pages.base import BasePage
from assistant.gui.pages.letter_writer import LetterWriter, attach_file
from assistant.gui.pages.reflow import Reflow, shrinkable
from assistant.gui.widgets import FindingsView, hint_label

LETTER_DOCUMENT = "authorization_letter"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class LetterPage(BasePage):
    page_id = PageId.LETTER
    object_name = "page.letter"

    def retitle(self) -> None:
        self.setTitle(self.tr("Authorization letter"))
        self.setSubTitle(
            self.tr(
                "The owner authorizes the applicant. Generate the letter, have it signed and stamped, then attach the scan."
            )
        )

    def build(self) -> None:
        layout = self.scrolling_body()
        layout.addWidget(self._letter_box())
        self.checks = FindingsView(ok_text=self.tr("The letter's content checks out."))
        self.checks.setObjectName("letter.findings")
        layout.addWidget(self.checks)
        layout.addWidget(self._steps_box())
        layout.addStretch(1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.refresh_checks)
        self.writer = LetterWriter(
            self, "authorization-letter", self.tr("letter"), self.generate, self._say
        )
        self.writer.written.connect(self._generated)
        self.checker.rowChanged.connect(self._scan_changed)
        self.checker.attachmentsChanged.connect(self._scan_changed)

    @property
    def checker(self) -> AttachmentChecker:
        return checker_of(self.wiz)

    def _letter_box(self) -> QGroupBox:
        """Validity, language, risk bearer and template of the letter."""
        box = QGroupBox(self.tr("Letter"))
        form = QFormLayout(box)
        self.valid_from = QDateEdit()
        self.valid_from.setObjectName("letter.valid_from")
        self.valid_until = QDateEdit()
        self.valid_until.setObjectName("letter.valid_until")
        self.valid_from.setAccessibleName(self.tr("Valid from"))
        self.valid_until.setAccessibleName(self.tr("Valid until"))
        for edit in (self.valid_from, self.valid_until):
            edit.setToolTip(self.tr("Type the date or pick it in the calendar (Alt+Down)"))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._edited)
        dates = QHBoxLayout()
        dates.addWidget(self.valid_from)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.valid_until)
        dates.addStretch(1)
        valid_label = QLabel(self.tr("&Valid from – until:"))
        valid_label.setBuddy(self.valid_from)
        form.addRow(valid_label, dates)
        self.language = shrinkable(QComboBox())
        self.language.setObjectName("letter.language")
        self.language.setAccessibleName(self.tr("Language of the letter"))
        self.language.addItem("中文（授权委托书）", "zh")
        self.language.addItem("English (Declaration of Authorisation)", "en")
        self.language.currentIndexChanged.connect(self._edited)
        lang_label = QLabel(self.tr("&Language:"))
        lang_label.setBuddy(self.language)
        form.addRow(lang_label, self.language)
        self.risk_bearer = QLineEdit()
        self.risk_bearer.setObjectName("letter.risk_bearer")
        self.risk_bearer.setAccessibleName(self.tr("Risk bearer"))
        self.risk_bearer.setPlaceholderText(self.tr("Empty: the owner bears the risk"))
        self.risk_bearer.textChanged.connect(self._edited)
        risk_label = QLabel(self.tr("&Risk bearer:"))
        risk_label.setBuddy(self.risk_bearer)
        form.addRow(risk_label, self.risk_bearer)
        form.addRow(QLabel(self.tr("Template:")), self._template_row())
        # official template (the safe default) or our wording; the template's address a link
        self.wording = hint_label(plain=False)
        self.wording.setTextFormat(Qt.TextFormat.RichText)
        self.wording.setOpenExternalLinks(True)
        self.wording.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.wording.setObjectName("letter.wording")
        form.addRow(self.wording)
        return box

    def _template_row(self) -> Reflow:
        tpl = Reflow()
        self.ours = QRadioButton(self.tr("&Our template"))
        self.ours.setObjectName("letter.template.ours")
        self.own = QRadioButton(self.tr("My own .&docx"))
        self.own.setObjectName("letter.template.own")
        group = QButtonGroup(self)
        group.addButton(self.ours)
        group.addButton(self.own)
        self.ours.toggled.connect(self._template_toggled)
        self.template_label = QLabel()
        self.template_label.setObjectName("letter.template.path")
        self.choose_template = QPushButton(self.tr("Choose…"))
        self.choose_template.setObjectName("letter.template.choose")
        self.choose_template.clicked.connect(self._choose_template)
        tpl.add(self.ours)
        tpl.add(self.own)
        tpl.add(self.choose_template)
        tpl.add(self.template_label, 1)
        return tpl

    def _steps_box(self) -> QGroupBox:
        """Generate, open to print, attach the signed scan (checked here, as on Documents)."""
        steps = QGroupBox(self.tr("Steps"))
        slay = QVBoxLayout(steps)
        slay.setSpacing(4)
        row = Reflow()  # one under the other in a narrow window
        self.generate = QPushButton(self.tr("1. &Generate the letter…"))
        self.generate.setObjectName("letter.generate")
        self.generate.clicked.connect(self.generate_letter)
        row.add(self.generate)
        self.open_button = QPushButton(self.tr("2. Open it to prin&t"))
        self.open_button.setObjectName("letter.open")
        self.open_button.setToolTip(self.tr("Opens the .docx in your office program"))
        self.open_button.clicked.connect(self._open)
        row.add(self.open_button)
        self.attach_scan = QPushButton(self.tr("3. &Attach the signed scan…"))
        self.attach_scan.setObjectName("letter.attach_scan")
        self.attach_scan.clicked.connect(self._attach_scan)
        row.add(self.attach_scan)
        row.add(QWidget(), 1)
        slay.addWidget(row)
        written = QHBoxLayout()
        self.generated_label = QLabel()
        self.generated_label.setObjectName("letter.generated")
        self.generated_label.setWordWrap(True)
        self.generated_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.generated_label.hide()
        written.addWidget(self.generated_label, 1)
        self.copy_path = QPushButton(self.tr("Cop&y path"))
        self.copy_path.setObjectName("letter.copy_path")
        self.copy_path.setToolTip(self.tr("Copy where the letter was saved"))
        self.copy_path.clicked.connect(lambda: self.generated and dialogs.copy_path(self.generated))
        self.copy_path.hide()
        written.addWidget(self.copy_path, 0, Qt.AlignmentFlag.AlignTop)
        slay.addLayout(written)
        self.fill_findings = FindingsView()
        self.fill_findings.setObjectName("letter.fill_findings")
        slay.addWidget(self.fill_findings)
        self.scan_label = QLabel()
        self.scan_label.setObjectName("letter.scan")
        self.scan_label.setWordWrap(True)
        slay.addWidget(self.scan_label)
        self.scan_findings = FindingsView()
        self.scan_findings.setObjectName("letter.scan_findings")
        slay.addWidget(self.scan_findings)
        slay.addWidget(
            hint_label(
                self.tr(
                    "The legal representative signs by hand and the owner stamps its official seal at the bottom right. Scan or photograph the whole page."
                )
            )
        )
        return steps

    # ------------------------------------------------------------------ case -> widgets
    def load(self) -> None:
        letter = self.case.letter
        if letter.valid_from is None or letter.valid_until is None:
            # defaults shown when the page is first seen; not an edit (nothing to save yet)
            today = dt.date.today()
            letter.valid_from = letter.valid_from or today
            start = letter.valid_from
            try:
                letter.valid_until = letter.valid_until or start.replace(
                    year=start.year + 2
                ) - dt.timedelta(days=1)
            except ValueError:  # 29 February
                letter.valid_until = start.replace(year=start.year + 2, day=28)
        self.valid_from.setDate(_qdate(letter.valid_from))
        self.valid_until.setDate(_qdate(letter.valid_until))
        self.language.setCurrentIndex(max(0, self.language.findData(letter.language)))
        self.risk_bearer.setText(letter.risk_bearer)
        own = bool(letter.template) and letter.template.lower().endswith(".docx")
        (self.own if own else self.ours).setChecked(True)
        self.template_label.setText(Path(letter.template).name if own else "")
        self.choose_template.setEnabled(own)
        self._show_wording()
        self._show_scan()
        self.refresh_checks()

    # ------------------------------------------------------------------ widgets -> case
    def _edited(self, *_: Any) -> None:
        if self._loading:
            return
        letter = self.case.letter
        letter.valid_from = _pydate(self.valid_from.date())
        letter.valid_until = _pydate(self.valid_until.date())
        letter.language = str(self.language.currentData() or "zh")
        letter.risk_bearer = self.risk_bearer.text()
        self.timer.start()
        self.changed()

    def _show_wording(self) -> None:
        """The wording note as this page says it (its own controls), the template's address as
        a link with a short text: a bare address does not wrap and made the page ~400 px wider."""
        from html import escape

        from assistant.core.checklist import letter_note, wording_note

        pack = self.pack()
        note = wording_note(pack, self.case.letter.template, self.lang, wizard=True)
        official = letter_note(pack)
        shown = escape(note)
        if note and official.url:
            link = escape(official.download_text(self.lang))
            shown += f'<br><a href="{escape(official.url, quote=True)}">{link}</a>'
        self.wording.setText(shown)
        self.wording.setToolTip((official.url or "") if note else "")
        self.wording.setVisible(bool(note))

    def _template_toggled(self, ours: bool) -> None:
        self.choose_template.setEnabled(not ours)
        self._show_wording()
        if self._loading:
            return
        if ours:
            self.case.letter.template = ""
            self.template_label.setText("")
            self.changed()
        elif not self.case.letter.template:
            self._choose_template()

    def _choose_template(self) -> None:
        path = dialogs.choose_template(self, settings.last_folder())
        if path is None:
            if not self.case.letter.template:
                self.ours.setChecked(True)
            return
        self.case.letter.template = str(path)
        self.template_label.setText(path.name)
        self._show_wording()
        self.changed()

    # ------------------------------------------------------------------ checks
    def refresh_checks(self) -> None:
        from assistant.core.letter import LetterInput, check_letter

        try:
            findings = check_letter(LetterInput.from_case(self.case), self.lang)
        except Exception as exc:  # a check must never break the page
            findings = []
            self._say(str(exc))
        self.checks.set_findings(findings)
        self._show_fill_findings()

    def _show_fill_findings(self) -> None:
        """What writing the letter found, without what the checks above already say."""
        said = {(f.code, f.subject) for f in self.checks.findings}
        self.fill_findings.set_findings(
            [f for f in getattr(self, "_fill_found", []) if (f.code, f.subject) not in said],
            show_ok=False,
        )

    # ------------------------------------------------------------------ generate, open, attach
    def generate_letter(self) -> None:
        from assistant.core.letter import LetterInput, fill_letter

        inp = LetterInput.from_case(copy.deepcopy(self.case))
        lang = self.lang
        self.writer.write(lambda path: fill_letter(inp, path, lang=lang))

    @property
    def generated(self) -> Path | None:
        """The letter last written."""
        return self.writer.path

    def busy(self) -> bool:
        """Writing the letter, or checking the signed scan."""
        return self.writer.busy() or LETTER_DOCUMENT in self.checker.running

    def _say(self, text: str) -> None:
        """What happened to the letter; no empty line when there is nothing to say."""
        self.generated_label.setText(text)
        self.generated_label.setVisible(bool(text))

    def _generated(self, result: Any) -> None:
        self._fill_found = list(result.findings)
        self._show_fill_findings()
        if self.generated is None:
            self.copy_path.hide()
            return
        self._say(
            self.tr("Written: %1, in the folder %2")
            .replace("%1", self.generated.name)
            .replace("%2", str(self.generated.parent))
        )
        self.copy_path.show()
        self.open_button.setEnabled(True)

    def _open(self) -> None:
        if self.generated is None:
            self.generate_letter()
        else:
            self.writer.open()

    def _attach_scan(self) -> None:
        paths = dialogs.choose_attachments(self, settings.last_folder())
        if paths:
            attach_file(self, self.checker, LETTER_DOCUMENT, paths[0])

    def _scan_changed(self, doc_id: str) -> None:
        if doc_id == LETTER_DOCUMENT and self._built:
            self._show_scan()

    def _show_scan(self) -> None:
        """The signed scan and the review's verdict on it (the same as on Documents)."""
        a = self.checker.attachment(LETTER_DOCUMENT)
        if a is None:
            self.scan_label.setText(self.tr("No signed scan attached yet."))
            self.scan_findings.set_findings([], show_ok=False)
            return
        self.checker.ensure_checked(LETTER_DOCUMENT)
        checked = self.checker.result(LETTER_DOCUMENT)
        name = Path(a.path).name
        if checked is None:
            text = self.tr("Signed scan attached: %1 (being checked…)").replace("%1", name)
        elif checked.status == "problems":
            text = self.tr("Signed scan attached: %1. It has problems:").replace("%1", name)
        else:
            text = self.tr("Signed scan attached: %1. ✔ It passes the checks.").replace("%1", name)
        self.scan_label.setText(text)
        self.scan_findings.set_findings(checked.verdict if checked else [], show_ok=False)
