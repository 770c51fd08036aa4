"""“Rejected? Paste the reason”: what the one line a provider's console shows means, recorded on
the case, and the step of the wizard that fixes it.

The dialog explains the pasted text as the user types (:func:`assistant.core.status.explain`, in
the background), lists the reasons that fit best first with their confidence, and shows the chosen
one's cause, fix, whether it can be resubmitted as is, the step to revisit and the source. *Record
the rejection* marks the case's signature rejected with the text
(:func:`assistant.core.status.mark_rejected`; which signature is asked when the case has several);
*Go to this step* records it too and opens the step with the reason's field focused and
highlighted (:func:`go_to_step`, which the case library's *Explain a rejection* uses as well).

The case is the wizard's current one, or — opened from the start page with a recent case selected
— a case file, which is opened in the wizard when the rejection is recorded.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.flow import PageId, needs_letter, page_for_subject, pages
from assistant.gui import workers
from assistant.gui.widgets import hint_label

if TYPE_CHECKING:
    from assistant.core.status import Explanation, Match
    from assistant.gui.wizard import AssistantWizard

EXPLAIN_DELAY_MS = 250  # typing pauses this long before the text is explained again
MAX_TEXT = 4000  # characters kept from a paste (consoles show one or two lines)

# Fields of the rejection catalogue that the pages hold under another name: the letter's
# template is chosen with "Our template" / "My own .docx" (the official one is the safe
# default), the signed letter is attached with "Attach the signed scan".
FIELD_SUBJECTS: dict[str, str] = {
    "letter.template": "letter.template.ours",
    "authorization_letter": "letter.attach_scan",
}


def page_for_step(step: str, case: Any) -> PageId:
    """The page of a reason's ``step`` in this case's flow
    (:data:`assistant.core.status.STEP_PAGES`); a step the case does not have: the letter's is
    Parties, any other's (the qualification abroad) Documents."""
    from assistant.core.status.catalogue import STEP_PAGES

    page = STEP_PAGES.get(step) or page_for_subject(step, case)
    if page not in pages(case):
        return PageId.PARTIES if step == "letter" else PageId.DOCUMENTS
    return page


def subject_for(field: str | None, case: Any) -> str | None:
    """The subject ``go_to`` focuses for a reason's field."""
    if not field:
        return None
    if field == "authorization_letter" and not needs_letter(case):
        return None
    return FIELD_SUBJECTS.get(field, field)


def go_to_step(wizard: AssistantWizard, step: str, field: str | None) -> None:
    """Open the page of a reason's ``step`` for the wizard's case, with the page's widget for
    the reason's ``field`` focused and highlighted."""
    case = wizard.case
    wizard.go_to(int(page_for_step(step, case)), subject_for(field, case))


def case_file_summary(path: Path, lang: str) -> tuple[list[str], str] | None:
    """The signature names and provider of a case file, read without opening it in the wizard
    (None when it cannot be read)."""
    from assistant.gui.status_panel import read_case_quickly

    case = read_case_quickly(path, lang)
    if case is None:
        return None
    return [n.strip() for n in case.signature_names if n.strip()], case.provider


class RejectionDialog(QDialog):
    """Paste a rejection text, see what it means, record it, go to the step that fixes it."""

    def __init__(
        self, wizard: AssistantWizard, path: Path | None = None, name: str | None = None
    ) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.lang = wizard.lang
        self.setObjectName("rejection")
        self.setWindowTitle(self.tr("Rejected? Paste the reason"))
        self.explanation: Explanation | None = None
        self.worker: workers.Worker | None = None
        self.recorded_text = ""  # the text last recorded on the case
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(EXPLAIN_DELAY_MS)
        self._timer.timeout.connect(self.explain)
        self._target(path)
        self._build()
        self._fill_names(name)
        self._prefill(name)
        self.resize(720, 620)

    # ------------------------------------------------------------------ the case it is about
    def _target(self, path: Path | None) -> None:
        """``self.path``: a case file to open when recording (None: the wizard's case);
        ``self.names``, ``self.provider``: that case's signatures and provider."""
        wiz = self.wiz
        self.path: Path | None = None
        self.has_case = False
        if path is not None and (wiz.case_path is None or path.resolve() != wiz.case_path):
            summary = case_file_summary(path, self.lang)
            if summary is not None:
                self.path = path
                self.names, self.provider = summary
                return
        case = wiz.case if wiz.has_case() else None
        names = [n.strip() for n in case.signature_names if n.strip()] if case else []
        self.has_case = case is not None and bool(wiz.case_path or wiz.dirty or names)
        self.names = names if self.has_case else []
        self.provider = case.provider if case is not None and self.has_case else ""

    @property
    def case_known(self) -> bool:
        return self.path is not None or self.has_case

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Paste the text the provider's console shows with the rejection, in any wording, Chinese or English. The program says what it means, what to fix, and where."
                )
            )
        )
        label = QLabel(self.tr("&Rejection text:"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("rejection.text")
        self.text.setAccessibleName(self.tr("Rejection text"))
        self.text.setPlaceholderText(self.tr("e.g. 审核不通过：授权委托书未加盖公章"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        self.text.textChanged.connect(self._edited)
        label.setBuddy(self.text)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addLayout(self._provider_row())
        self.summary = QLabel()
        self.summary.setObjectName("rejection.summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        matches_label = QLabel(self.tr("&Matching reasons, best first:"))
        self.matches = QListWidget()
        self.matches.setObjectName("rejection.matches")
        self.matches.setAccessibleName(self.tr("Matching reasons"))
        self.matches.setMaximumHeight(100)
        self.matches.currentRowChanged.connect(self._show_match)
        matches_label.setBuddy(self.matches)
        self.matches_label = matches_label
        layout.addWidget(matches_label)
        layout.addWidget(self.matches)
        self.details = QLabel()
        self.details.setObjectName("rejection.details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.details, 1)
        layout.addLayout(self._case_row())
        self.recorded = QLabel()
        self.recorded.setObjectName("rejection.recorded")
        self.recorded.setWordWrap(True)
        layout.addWidget(self.recorded)
        layout.addLayout(self._buttons())
        self._show(None)

    def _provider_row(self) -> QHBoxLayout:
        from assistant.core.i18n import localized
        from assistant.core.rules import PROVIDERS, load_pack

        row = QHBoxLayout()
        label = QLabel(self.tr("&Provider:"))
        self.provider_box = QComboBox()
        self.provider_box.setObjectName("rejection.provider")
        self.provider_box.setAccessibleName(self.tr("Provider"))
        self.provider_box.addItem(self.tr("Any provider"), "")
        for p in PROVIDERS:
            self.provider_box.addItem(localized(load_pack(p).name, self.lang), p)
        self.provider_box.setCurrentIndex(max(0, self.provider_box.findData(self.provider)))
        self.provider_box.currentIndexChanged.connect(self._edited)
        label.setBuddy(self.provider_box)
        row.addWidget(label)
        row.addWidget(self.provider_box)
        row.addStretch(1)
        return row

    def _case_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.case_label = QLabel()
        self.case_label.setObjectName("rejection.case")
        self.case_label.setWordWrap(True)
        row.addWidget(self.case_label, 1)
        self.signature_label = QLabel(self.tr("&Signature:"))
        self.signature = QComboBox()
        self.signature.setObjectName("rejection.signature")
        self.signature.setAccessibleName(self.tr("Which signature was rejected"))
        self.signature.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.signature_label.setBuddy(self.signature)
        row.addWidget(self.signature_label)
        row.addWidget(self.signature)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Re&cord the rejection"))
        self.record_button.setObjectName("rejection.record")
        self.record_button.setToolTip(
            self.tr("Mark the signature rejected with this text, in the case (then save it)")
        )
        self.record_button.clicked.connect(lambda: self.record())
        row.addWidget(self.record_button)
        self.go_button = QPushButton(self.tr("&Go to this step"))
        self.go_button.setObjectName("rejection.go")
        self.go_button.setToolTip(
            self.tr("Record the rejection and open the step to fix, with the field highlighted")
        )
        self.go_button.clicked.connect(self.go)
        row.addWidget(self.go_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("rejection.close")
        close.clicked.connect(self.reject)
        row.addWidget(close)
        return row

    def _fill_names(self, name: str | None) -> None:
        from assistant.core.status.lifecycle import name_key

        self.signature.clear()
        for n in self.names:
            self.signature.addItem(f"【{n}】", n)
        if name:
            key = name_key(name)
            index = next((i for i, n in enumerate(self.names) if name_key(n) == key), 0)
            self.signature.setCurrentIndex(index)
        several = len(self.names) > 1
        self.signature.setVisible(several)
        self.signature_label.setVisible(several)
        if self.path is not None:
            case = self.tr("Case: %1 (opened when you record the rejection)").replace(
                "%1", self.path.name
            )
        elif not self.case_known:
            case = self.tr(
                "No case is open: to record the rejection, select the case under Recent cases (or open it) first."
            )
        elif self.wiz.case_path is not None:
            case = self.tr("Case: %1").replace("%1", self.wiz.case_path.name)
        else:
            case = self.tr("Case: the one open now (not saved yet)")
        if self.case_known and not self.names:
            case += " " + self.tr("It has no signature name yet, so nothing can be recorded.")
        elif len(self.names) == 1:
            case += " " + self.tr("Signature: %1").replace("%1", f"【{self.names[0]}】")
        elif several:
            case += " " + self.tr("Which signature was rejected?")
        self.case_label.setText(case)

    def _prefill(self, name: str | None) -> None:
        """A signature already rejected: its text, to see the explanation again."""
        if self.path is not None or not self.has_case:
            return
        from assistant.core.status.lifecycle import find_signature

        chosen = name or (self.names[0] if len(self.names) == 1 else None)
        sig = find_signature(self.wiz.case, chosen) if chosen else None
        if sig is not None and sig.state == "rejected" and sig.rejection:
            self.text.setPlainText(sig.rejection)
            self.recorded_text = sig.rejection.strip()
            self.explain()

    # ------------------------------------------------------------------ explaining
    def _edited(self, *_: Any) -> None:
        self._timer.start()
        self._enable()

    def current_text(self) -> str:
        return self.text.toPlainText().strip()[:MAX_TEXT]

    def explain(self) -> None:
        """Explain the text now (in the background); the result replaces the one shown."""
        from assistant.core.status import explain

        self._timer.stop()
        value = self.current_text()
        provider = str(self.provider_box.currentData() or "") or None
        if self.worker is not None:
            self.worker.cancel()
        if not value:
            self.worker = None
            self._show(None)
            return
        worker = workers.Worker(lambda _w: explain(value, provider))
        worker.signals.finished.connect(workers.guard(self, lambda r, w=worker: self._done(w, r)))
        worker.signals.failed.connect(workers.guard(self, lambda m, w=worker: self._failed(w, m)))
        self.worker = worker
        workers.start(worker)

    def busy(self) -> bool:
        return self.worker is not None or self._timer.isActive()

    def _done(self, worker: workers.Worker, result: Explanation) -> None:
        if worker is self.worker:
            self.worker = None
            self._show(result)

    def _failed(self, worker: workers.Worker, message: str) -> None:
        if worker is self.worker:
            self.worker = None
            self._show(None)
            self.summary.setText(
                self.tr("The text could not be explained: %1").replace("%1", message)
            )

    def _show(self, result: Explanation | None) -> None:
        self.explanation = result
        self.matches.clear()
        matched = result is not None and result.matched
        if result is None:
            self.summary.setText(self.tr("Paste or type the rejection text above."))
        elif not matched:
            self.summary.setText("✖  " + result.message(self.lang))
        else:
            found = len(result.matches)
            self.summary.setText(
                self.tr("1 known reason fits this text.")
                if found == 1
                else self.tr("%1 known reasons fit this text.").replace("%1", str(found))
            )
            for m in result.matches:
                self.matches.addItem(self._item(m))
        self.matches.setVisible(matched)
        self.matches_label.setVisible(matched)
        self.details.setVisible(matched)
        if matched:
            self.matches.setCurrentRow(0)
        else:
            self.details.clear()
        self._enable()

    def _item(self, m: Match) -> QListWidgetItem:
        from assistant.core.status import step_label

        r = m.reason
        item = QListWidgetItem(
            f"{round(m.confidence * 100)} %   {r.text('reason', self.lang)}   →   "
            f"{step_label(r.step, self.lang)}"
        )
        item.setToolTip(r.text("reason", self.lang))
        return item

    def selected(self) -> Match | None:
        if self.explanation is None or not self.explanation.matches:
            return None
        row = max(0, self.matches.currentRow())
        return self.explanation.matches[min(row, len(self.explanation.matches) - 1)]

    def _show_match(self, _row: int) -> None:
        m = self.selected()
        if m is None:
            self.details.clear()
            return
        self.details.setText(match_html(m, self.lang))

    def _enable(self) -> None:
        has_text = bool(self.current_text())
        can_record = has_text and bool(self.names) and self.wiz.opening is None
        self.record_button.setEnabled(can_record)
        self.go_button.setEnabled(
            self.selected() is not None and self.case_known and self.wiz.opening is None
        )

    # ------------------------------------------------------------------ recording, going
    def record(self, then: Callable[[], None] | None = None) -> bool:
        """Mark the chosen signature rejected with the text (opening the case file first when
        the dialog is about one); ``then`` runs once it is recorded. False when nothing was."""
        value = self.current_text()
        if not value or not self.names:
            return False
        name = str(self.signature.currentData() or self.names[0])
        if self.path is None:
            self._apply(name, value)
            if then is not None:
                then()
            return True
        path = self.path

        def opened() -> None:
            if self.wiz.case_path != path.resolve():
                return
            self.path = None
            self.has_case = True
            self._apply(name, value)
            self._fill_names(name)
            if then is not None:
                then()

        started = self.wiz.open_case_path(path, then=workers.guard(self, opened))
        self._enable()
        return started

    def _apply(self, name: str, value: str) -> None:
        from assistant.core.status import mark_rejected

        result = mark_rejected(self.wiz.case, name, value)
        self.recorded_text = value
        self.wiz.mark_dirty()
        self.recorded.setText(
            "✔  "
            + self.tr("Recorded: %1 rejected. Save the case to keep it.").replace(
                "%1", f"【{name}】"
            )
        )
        if self.explanation is None or self.explanation.text.strip()[:MAX_TEXT] != value:
            self._show(result)

    def go(self) -> None:
        """Record the rejection (when not done yet) and open the step of the chosen reason."""
        match = self.selected()
        if match is None or not self.case_known:
            return
        step, field = match.reason.step, match.reason.field

        def jump() -> None:
            self.accept()
            go_to_step(self.wiz, step, field)

        if self.names and self.current_text() and self.current_text() != self.recorded_text:
            self.record(then=jump)
        elif self.path is None:
            jump()
        else:  # a case file without a signature name: open it, then go
            path = self.path

            def opened() -> None:
                if self.wiz.case_path == path.resolve():
                    jump()

            self.wiz.open_case_path(path, then=workers.guard(self, opened))

    def done(self, result: int) -> None:
        self._timer.stop()
        if self.worker is not None:
            self.worker.cancel()
            self.worker = None
        super().done(result)


def match_html(m: Match, lang: str) -> str:
    """What one matching reason says, for the details pane."""
    from assistant.core.i18n import text
    from assistant.core.status import load_catalogue, resubmit_label, step_label

    r = m.reason
    source = load_catalogue().sources.get(r.source)
    # the page's title in the dialog's language, its address and the date read; never our own
    # seed or research file (#16)
    cited = source.cited(lang) if source else r.source

    def part(label: str, value: str) -> str:
        return f"<p><b>{html.escape(label)}:</b> {html.escape(value)}</p>"

    return (
        f"<p><b>{html.escape(r.text('reason', lang))}</b> — "
        f"{html.escape(text('status.explain.confidence', lang))} {round(m.confidence * 100)} %"
        f"<br><i>{html.escape(r.text('category', lang))}</i></p>"
        + part(text("status.explain.cause", lang), r.text("cause", lang))
        + part(text("status.explain.fix", lang), r.text("fix", lang))
        + part(text("status.explain.resubmit", lang), resubmit_label(r.resubmit, lang))
        + part(text("status.explain.step", lang), step_label(r.step, lang))
        + f"<p><small>{html.escape(text('status.explain.source', lang))}: "
        f"{html.escape(cited)}</small></p>"
    )


def open_rejection_dialog(
    wizard: AssistantWizard, path: Path | None = None, name: str | None = None
) -> RejectionDialog:
    """Show the dialog (window-modal, without blocking) for the wizard's case, a case file, or
    the signature ``name``."""
    wizard.ensure_pages()
    dialog = RejectionDialog(wizard, path, name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.text.setFocus()
    return dialog


def find_dialog(wizard: QWidget) -> RejectionDialog | None:
    """The rejection dialog shown over ``wizard`` (for tests and the shell)."""
    return next((d for d in wizard.findChildren(RejectionDialog) if d.isVisible()), None)
