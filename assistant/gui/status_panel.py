"""The case's status after it left the program, in the wizard: a panel on the Export page.

It shows the stage of the case (:func:`assistant.core.status.case_stage`), and per signature name
its review (draft, ready, submitted, approved, rejected, with dates and the provider's id), its
filing with each carrier, and the last day a message was sent with it — a date the user sets,
from which the six-month warning counts (:func:`assistant.core.status.status_findings`). Buttons
record what the provider answered (submitted, approved, rejected with the reason); a status list
saved from the provider's own command-line tool (JSON) dropped on the panel updates the case
(:func:`assistant.core.status.read_status_file`, :func:`assistant.core.status.apply_items`).

:func:`read_stages` gives the start page's recent cases their stage, read in the background.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.gui import workers
from assistant.gui.widgets import clear_layout, mark_html

if TYPE_CHECKING:
    from assistant.core.findings import Finding
    from assistant.core.model import Case
    from assistant.core.model.status import SignatureStatus
    from assistant.gui.wizard import AssistantWizard

NOT_KNOWN = QDate(2000, 1, 1)  # the date edit's minimum, shown as "not known"


def today() -> dt.date:
    """The date the panel records and counts from (tests replace it)."""
    return dt.date.today()


def read_case_quickly(path: Path, lang: str) -> Case | None:
    """A case file read without hashing or checking its attachments (None when unreadable)."""
    from assistant.core.model.fileformat import parse_case, read_case_document

    data, _ = read_case_document(path, lang)
    if data is None:
        return None
    case, _ = parse_case(data, path.parent, lang=lang, verify_files=False)
    return case


def read_stages(
    owner: QObject, paths: Sequence[Path], lang: str, done: Callable[[int, str], None]
) -> workers.Worker:
    """The stage label of each case file of ``paths``, read in the background; ``done(index,
    label)`` is called on the GUI thread for each one that could be read (while ``owner``
    exists)."""

    def task(worker: workers.Worker) -> list[tuple[int, str]]:
        from assistant.core.status import case_stage, stage_label

        out = []
        for i, path in enumerate(paths):
            if worker.is_cancelled():
                break
            try:
                case = read_case_quickly(path, lang) if path.is_file() else None
            except OSError:
                case = None
            if case is not None:
                out.append((i, stage_label(case_stage(case, today()), lang)))
        return out

    def finished(rows: list[tuple[int, str]]) -> None:
        for i, label in rows:
            done(i, label)

    worker = workers.Worker(task)
    worker.signals.finished.connect(workers.guard(owner, finished))
    return workers.start(worker)


class SignatureRow(QFrame):
    """One signature name: its stage, filing per carrier, last sending, and what to record."""

    def __init__(self, panel: StatusPanel, index: int, name: str) -> None:
        super().__init__()
        self.panel, self.index, self.name = panel, index, name
        self.setObjectName(f"status.row.{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(3)
        top = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.stage = wrapped_label()  # 【name】 and its stage
        self.stage.setObjectName(f"status.stage.{index}")
        top.addWidget(self.stage, 1)
        for key, text, tip, slot in (
            (
                "submitted",
                self.tr("Submitted"),
                self.tr("Record that this signature was submitted in the console today"),
                self._submitted,
            ),
            (
                "approved",
                self.tr("Approved"),
                self.tr("Record that the provider approved this signature today"),
                self._approved,
            ),
            (
                "rejected",
                self.tr("Rejected…"),
                self.tr("Paste the provider's reason: see what it means and where to fix it"),
                self._rejected,
            ),
        ):
            button = QPushButton(text)
            button.setObjectName(f"status.{key}.{index}")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.buttons[key] = button
        lay.addLayout(top)
        self.carriers = wrapped_label()
        self.carriers.setObjectName(f"status.carriers.{index}")
        lay.addWidget(self.carriers)
        lay.addLayout(self._last_sent_row())

    def _last_sent_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Last message sent:"))
        self.last_sent = QDateEdit()
        self.last_sent.setObjectName(f"status.last_sent.{self.index}")
        self.last_sent.setAccessibleName(
            self.tr("Last message sent with %1").replace("%1", self.name)
        )
        self.last_sent.setToolTip(
            self.tr(
                "The carriers drop a filing after six months without sending: the warning counts from this day"
            )
        )
        self.last_sent.setCalendarPopup(True)
        self.last_sent.setDisplayFormat("yyyy-MM-dd")
        self.last_sent.setMinimumDate(NOT_KNOWN)
        self.last_sent.setSpecialValueText(self.tr("not known"))
        self.last_sent.dateChanged.connect(self._last_sent_changed)
        self.last_sent.installEventFilter(self)
        self._placeholder = False  # today shown to type over, not recorded until edited
        label.setBuddy(self.last_sent)
        row.addWidget(label)
        row.addWidget(self.last_sent)
        clear = QToolButton()
        clear.setText("×")
        clear.setObjectName(f"status.clear_last_sent.{self.index}")
        clear.setToolTip(self.tr("Not known"))
        clear.clicked.connect(lambda: self.last_sent.setDate(NOT_KNOWN))
        row.addWidget(clear)
        row.addStretch(1)
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A date "not known" shows today to type over or step from while it has the focus
        (recorded only once changed), and "not known" again when left unchanged."""
        if watched is self.last_sent:
            kind = event.type()
            if kind == QEvent.Type.FocusIn and self.last_sent.date() <= NOT_KNOWN:
                self._set_quietly(QDate(today()))
                self._placeholder = True
            elif (
                kind == QEvent.Type.FocusOut
                and self._placeholder
                and isinstance(event, QFocusEvent)
                and event.reason() != Qt.FocusReason.PopupFocusReason
            ):
                self._placeholder = False
                self._set_quietly(NOT_KNOWN)
        return super().eventFilter(watched, event)

    def _set_quietly(self, value: QDate) -> None:
        self.last_sent.blockSignals(True)
        try:
            self.last_sent.setDate(value)
        finally:
            self.last_sent.blockSignals(False)

    # ---- case -> widgets
    def show_status(self, case: Case, line: Any, lang: str) -> None:
        from assistant.core.status.lifecycle import find_signature

        sig = find_signature(case, self.name)
        self.stage.setText(f"<b>【{_escape(self.name)}】 {_escape(line.label)}</b>")
        self.carriers.setText(
            (f"<small>{_escape(line.detail)}</small><br>" if line.detail else "")
            + self._carrier_text(sig, lang)
        )
        state = sig.state if sig else "draft"
        self.buttons["submitted"].setEnabled(state != "submitted")
        self.buttons["approved"].setEnabled(state != "approved")
        self.last_sent.setMaximumDate(QDate(today()))
        last = sig.last_sent if sig else None
        if last or not self._placeholder:
            self._set_quietly(QDate(last) if last else NOT_KNOWN)

    def _carrier_text(self, sig: SignatureStatus | None, lang: str) -> str:
        from assistant.core.model.status import Carriers
        from assistant.core.status.lifecycle import carrier_label

        states = {
            "": self.tr("not filed yet"),
            "pending": self.tr("filing in progress"),
            "filed": self.tr("filed"),
            "failed": self.tr("failed"),
            "lapsed": self.tr("lapsed"),
        }
        parts = []
        for carrier, filing in (sig.carriers if sig else Carriers()).items():
            state = states.get(filing.state, filing.state)
            if filing.on and filing.state:
                state += f" ({filing.on.isoformat()})"
            if filing.detail:
                state += f": {filing.detail}"
            parts.append(f"{_escape(carrier_label(carrier, lang))}: {_escape(state)}")
        return _escape(self.tr("Carrier filing:")) + " " + " · ".join(parts)

    # ---- widgets -> case
    def _submitted(self) -> None:
        from assistant.core.status import mark_submitted

        mark_submitted(self.panel.case, self.name, today())
        self.panel.changed()

    def _approved(self) -> None:
        from assistant.core.status import mark_approved

        mark_approved(self.panel.case, self.name, today())
        self.panel.changed()

    def _rejected(self) -> None:
        from assistant.gui.rejection import open_rejection_dialog

        open_rejection_dialog(self.panel.wiz, name=self.name)

    def _last_sent_changed(self, value: QDate) -> None:
        from assistant.core.status import set_last_sent

        self._placeholder = False
        day = value.toPython()
        if not isinstance(day, dt.date) or value <= NOT_KNOWN:
            day = None
        set_last_sent(self.panel.case, self.name, day)
        self.panel.changed()


def _escape(value: str) -> str:
    import html

    return html.escape(value)


def wrapped_label(text: str = "", rich: bool = True) -> QLabel:
    """A word-wrapped label as tall as its text at the width it gets (in a scroll area too);
    ``rich``: its text is HTML (every value in it escaped)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


def findings_html(findings: Sequence[Finding]) -> str:
    """The findings as the wizard shows them (mark, message, → fix), one paragraph each."""
    return "".join(
        f"<p>{mark_html(f.severity.value)}&nbsp; {_escape(f.message)}"
        + (f"<br>→ {_escape(f.fix)}" if f.fix else "")
        + "</p>"
        for f in findings
    )


class StatusPanel(QGroupBox):
    """The status of the wizard's case, kept up to date while it is shown."""

    def __init__(self, wizard: AssistantWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wiz = wizard
        self.setObjectName("status.panel")
        self.setTitle(self.tr("Status after submission"))
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.headline = wrapped_label()
        self.headline.setObjectName("status.headline")
        layout.addWidget(self.headline)
        hint = wrapped_label(
            rich=False,
            text=self.tr(
                "Record what the provider answers, or drop here the status list its command-line tool saved (JSON): the case keeps each signature's review, its filing with each carrier and the last day a message was sent."
            ),
        )
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(hint)
        self.findings = wrapped_label()  # rejected, filing failed, six months without sending
        self.findings.setObjectName("status.findings")
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.findings)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        self.imported = wrapped_label(rich=False)
        self.imported.setObjectName("status.imported")
        self.imported.hide()
        layout.addWidget(self.imported)
        self.rows: list[SignatureRow] = []
        self._stale = True
        wizard.caseChanged.connect(self._case_changed)
        wizard.caseReplaced.connect(self._case_changed)

    @property
    def case(self) -> Case:
        return self.wiz.case

    def sizeHint(self) -> QSize:
        """As tall as the wrapped texts are at the width the panel has (a scroll area asks the
        size hint, which otherwise assumes a narrower width and leaves gaps)."""
        hint = super().sizeHint()
        if self.width() > 0 and self.hasHeightForWidth():
            return QSize(hint.width(), self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _case_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def changed(self) -> None:
        """A row wrote to the case: it is an edit (saved with the case), and the texts follow."""
        self.wiz.mark_dirty()  # caseChanged refreshes the panel when it is shown
        if not self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Show the case's status (rows are made again only when the names changed)."""
        from assistant.core.status import case_stage, stage_label, status_findings, status_lines

        self._stale = False
        case, lang, now = self.case, self.wiz.lang, today()
        lines = status_lines(case, now, lang)
        if [r.name for r in self.rows] != [line.name for line in lines]:
            clear_layout(self.rows_layout)
            self.rows = [SignatureRow(self, i, line.name) for i, line in enumerate(lines)]
            for row in self.rows:
                self.rows_layout.addWidget(row)
        for row, line in zip(self.rows, lines, strict=True):
            row.show_status(case, line, lang)
        self.headline.setText(
            self.tr("Stage: %1").replace(
                "%1", f"<b>{_escape(stage_label(case_stage(case, now), lang))}</b>"
            )
            if lines
            else self.tr("No signature name yet: the status is kept per signature.")
        )
        self.shown_findings = status_findings(case, now, lang)
        self.findings.setText(findings_html(self.shown_findings))
        self.findings.setVisible(bool(self.shown_findings))

    # ------------------------------------------------------------------ a dropped status list
    @staticmethod
    def _json_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        data = event.mimeData()
        if not data.hasUrls():
            return []
        return [
            Path(u.toLocalFile())
            for u in data.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".json")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._json_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._json_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths)

    def import_files(self, paths: Sequence[Path]) -> int:
        """Update the case from saved status lists; the number of changes made."""
        from assistant.core.status import apply_items, read_status_file

        lang, lines, total = self.wiz.lang, [], 0
        for path in paths:
            items, problems = read_status_file(path, lang)
            changes = apply_items(self.case, items, today()) if items else []
            total += len(changes)
            if problems:
                lines += [f"✖ {path.name}: {f.message}" for f in problems]
            elif changes:
                said = (
                    self.tr("%1: 1 change in this case.")
                    if len(changes) == 1
                    else self.tr("%1: %2 changes in this case.")
                )
                lines.append("✔ " + said.replace("%1", path.name).replace("%2", str(len(changes))))
            else:
                said = (
                    self.tr("%1: nothing in it changes this case (1 signature or template read).")
                    if len(items) == 1
                    else self.tr(
                        "%1: nothing in it changes this case (%2 signatures or templates read)."
                    )
                )
                lines.append(said.replace("%1", path.name).replace("%2", str(len(items))))
        self.imported.setText("\n".join(lines))
        self.imported.show()
        if total:
            self.changed()
        return total
