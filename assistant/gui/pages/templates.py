"""SMS templates (optional): add and remove templates, each checked live as the user types
(debounced) with one-click fixes, and a preview of the message as a phone shows it —
【signature】 and the text with example values — with its length and number of SMS."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
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
from assistant.gui.pages.reflow import shrinkable
from assistant.gui.widgets import FindingsView, discard, hint_label

if TYPE_CHECKING:
    from assistant.core.findings import Finding
    from assistant.core.model.templates import Template

DEBOUNCE_MS = 250
MAX_TEMPLATES = 50
KINDS = ("verification", "notification", "marketing")
_EXAMPLE = {"tencent": "{1}", "alibaba": "${code}", "huawei": "${1}"}


@lru_cache(maxsize=256)
def _findings(key: str, lang: str) -> tuple[Finding, ...]:
    """The findings of one template (cached by the case JSON of the template and its context)."""
    import json

    from assistant.core.model import Case
    from assistant.core.templates.case import template_findings

    data = json.loads(key)
    case = Case.from_dict({"format": "sms-signature-case", "version": 2, **data["case"]})
    return tuple(template_findings(case, 0, data["region"], lang))


class TemplateRow(QFrame):
    """One template: kind, signature, text, scene, findings, phone preview."""

    def __init__(self, page: TemplatesPage, index: int) -> None:
        super().__init__()
        self.page = page
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of template"))
        self.kind.currentIndexChanged.connect(page.edited)
        top.addWidget(self.kind)
        self.signature = QComboBox()
        self.signature.setAccessibleName(self.tr("Signature it is sent with"))
        self.signature.currentIndexChanged.connect(page.edited)
        top.addWidget(self.signature, 1)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this template"))
        self.remove.setAccessibleName(self.tr("Remove this template"))
        self.remove.clicked.connect(lambda: page.remove_row(self))
        top.addWidget(self.remove)
        lay.addLayout(top)
        form = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 14)
        self.text.setAccessibleName(self.tr("Template text"))
        self.text.textChanged.connect(page.edited)
        form.addRow(self.tr("Text:"), self.text)
        self.scene = QLineEdit()
        self.scene.setAccessibleName(self.tr("Scene description"))
        self.scene.setPlaceholderText(
            self.tr("Where and when it is sent, with a link to the page or app")
        )
        self.scene.textChanged.connect(page.edited)
        form.addRow(self.tr("Scene:"), self.scene)
        lay.addLayout(form)
        self.variables = form  # a line per variable under the text and scene, in line with them
        self.fixed_rows = form.rowCount()
        self.variable_names: tuple[str, ...] = ()
        self.variable_widgets: dict[str, tuple[QComboBox | None, QLineEdit]] = {}
        self.findings = FindingsView(
            ok_text=self.tr("Looks good for this provider."), offer_fixes=True
        )
        self.findings.fixApplied.connect(self.text.setPlainText)
        lay.addWidget(self.findings)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet(
            "QLabel { background: #e9e9ef; color: #111; border-radius: 12px; padding: 8px 10px; }"
        )
        self.preview.setAccessibleName(self.tr("Message preview"))
        self.preview.setMaximumWidth(360)
        lay.addWidget(self.preview)
        self.counter = QLabel()
        self.counter.setAccessibleName(self.tr("Length and number of SMS"))
        lay.addWidget(self.counter)
        self.rename(index)

    def set_variables(
        self, names: tuple[str, ...], template: Template, attributes: list[tuple[str, str]]
    ) -> None:
        """One line per variable of the text: its attribute (where the provider has them) and an
        example value for the preview; rebuilt only when the variables change."""
        if names == self.variable_names:
            return
        self.variable_names = names
        while self.variables.rowCount() > self.fixed_rows:
            self.variables.removeRow(self.fixed_rows)
        self.variable_widgets = {}
        index = self.objectName().rsplit(".", 1)[-1]
        for name in names:
            info = template.variable(name)
            line = QWidget()
            llay = QHBoxLayout(line)
            llay.setContentsMargins(0, 0, 0, 0)
            combo: QComboBox | None = None
            if attributes:
                combo = shrinkable(QComboBox())
                combo.setObjectName(f"templates.attribute.{index}.{name}")
                combo.setAccessibleName(self.tr("Attribute of %1").replace("%1", name))
                combo.addItem(self.tr("(choose)"), "")
                for attr, label in attributes:
                    combo.addItem(label, attr)
                combo.setCurrentIndex(max(0, combo.findData(info.attribute if info else "")))
                combo.currentIndexChanged.connect(self.page.edited)
                llay.addWidget(combo)
            example = QLineEdit(info.example if info else "")
            example.setObjectName(f"templates.example.{index}.{name}")
            example.setAccessibleName(self.tr("Example value of %1").replace("%1", name))
            example.setPlaceholderText(self.tr("Example value of %1").replace("%1", name))
            example.setToolTip(example.placeholderText())  # also once a value is typed
            example.textChanged.connect(self.page.edited)
            llay.addWidget(example, 1)
            self.variables.addRow(self.tr("Variable %1:").replace("%1", name), line)
            self.variable_widgets[name] = (combo, example)

    def write_variables(self, template: Template) -> None:
        from assistant.core.model.templates import TemplateVariableInfo

        kept = {v.name: v for v in template.variables}
        out = []
        for name, (combo, example) in self.variable_widgets.items():
            info = kept.get(name) or TemplateVariableInfo(name=name)
            info.attribute = (combo.currentData() or "") if combo else info.attribute
            info.example = example.text()
            out.append(info)
        out += [v for n, v in kept.items() if n not in self.variable_widgets]
        template.variables = out

    def rename(self, index: int) -> None:
        self.variable_names = ()  # the variables' widgets are named after the row: rebuild them
        for widget, part in (
            (self, "row"),
            (self.kind, "kind"),
            (self.signature, "signature"),
            (self.text, "text"),
            (self.scene, "scene"),
            (self.remove, "remove"),
            (self.findings, "findings"),
            (self.preview, "preview"),
            (self.counter, "counter"),
        ):
            widget.setObjectName(f"templates.{part}.{index}")


class TemplatesPage(BasePage):
    page_id = PageId.TEMPLATES
    object_name = "page.templates"

    def retitle(self) -> None:
        self.setTitle(self.tr("SMS templates"))
        self.setSubTitle(
            self.tr(
                "Optional: the messages you will send with the signature, checked as you type against the provider's template rules."
            )
        )

    def build(self) -> None:
        self.body_layout = self.scrolling_body()
        box = QGroupBox(self.tr("&Templates"))
        box.setObjectName("templates.box")
        blay = QVBoxLayout(box)
        self.hint = hint_label()
        self.hint.setObjectName("templates.hint")
        blay.addWidget(self.hint)
        self.rows_layout = QVBoxLayout()
        blay.addLayout(self.rows_layout)
        self.add_button = QPushButton(self.tr("&Add a template"))
        self.add_button.setObjectName("templates.add")
        self.add_button.setToolTip(self.tr("Add an SMS template to apply for"))
        self.add_button.clicked.connect(self._add_clicked)
        blay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)
        self.rows: list[TemplateRow] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)

    # ------------------------------------------------------------------ case -> widgets
    def load(self) -> None:
        provider = self.case.provider
        self.hint.setText(
            self.tr(
                "Write variables as this provider does, e.g. %1. Promotion templates end with 拒收请回复R. Do not type the signature or 【】."
            ).replace("%1", _EXAMPLE.get(provider, "{1}"))
        )
        templates = list(self.case.templates)
        while len(self.rows) < len(templates):
            self._append_row()
        while len(self.rows) > len(templates):
            self._drop_row(self.rows[-1])
        for row, t in zip(self.rows, templates, strict=True):
            self._fill_row(row, t)
        self.add_button.setEnabled(len(self.rows) < MAX_TEMPLATES)
        self.refresh()

    def _kind_names(self) -> list[tuple[str, str]]:
        from assistant.core.i18n import localized
        from assistant.core.templates import template_rules

        kinds = template_rules(self.case.provider).kinds
        return [(k, localized(kinds[k].name, self.lang) if k in kinds else k) for k in KINDS]

    def _fill_row(self, row: TemplateRow, t: Template) -> None:
        row.kind.blockSignals(True)
        row.kind.clear()
        for kind, name in self._kind_names():
            row.kind.addItem(name, kind)
        row.kind.setCurrentIndex(max(0, row.kind.findData(t.kind)))
        row.kind.blockSignals(False)
        row.signature.blockSignals(True)
        row.signature.clear()
        names = [n.strip() for n in self.case.signature_names if n.strip()]
        for name in names:
            row.signature.addItem(f"【{name}】", name)
        tied = t.signatures[0] if t.signatures else ""
        if tied and tied not in names:
            row.signature.addItem(f"【{tied}】", tied)
        row.signature.setCurrentIndex(max(0, row.signature.findData(tied)) if tied else 0)
        row.signature.setEnabled(row.signature.count() > 1)
        row.signature.blockSignals(False)
        if row.text.toPlainText() != t.text:
            row.text.setPlainText(t.text)
        if row.scene.text() != t.scene:
            row.scene.setText(t.scene)

    # ------------------------------------------------------------------ rows
    def _append_row(self) -> TemplateRow:
        row = TemplateRow(self, len(self.rows))
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        return row

    def _drop_row(self, row: TemplateRow) -> None:
        self.rows.remove(row)
        self.rows_layout.removeWidget(row)
        discard(row)

    def _add_clicked(self) -> None:
        from assistant.core.model.templates import Template

        if len(self.rows) >= MAX_TEMPLATES:
            return
        self.case.templates.append(Template(kind="verification"))
        row = self._append_row()
        self._loading = True
        try:
            self._fill_row(row, self.case.templates[-1])
        finally:
            self._loading = False
        self.add_button.setEnabled(len(self.rows) < MAX_TEMPLATES)
        self.refresh()
        self.changed()
        row.text.setFocus()

    def remove_row(self, row: TemplateRow) -> None:
        index = self.rows.index(row)
        self._drop_row(row)
        del self.case.templates[index]
        for i, r in enumerate(self.rows):
            r.rename(i)
        self.add_button.setEnabled(len(self.rows) < MAX_TEMPLATES)
        self.refresh()
        self.changed()

    # ------------------------------------------------------------------ widgets -> case
    def edited(self, *_: object) -> None:
        if self._loading:
            return
        for row, t in zip(self.rows, self.case.templates, strict=False):
            t.kind = row.kind.currentData() or t.kind
            t.text = row.text.toPlainText()
            t.scene = row.scene.text()
            name = row.signature.currentData()
            t.signatures = [name] if name and row.signature.currentIndex() > 0 else []
            row.write_variables(t)
        self.timer.start()
        self.changed()

    # ------------------------------------------------------------------ checks and preview
    def findings_for(self, index: int) -> tuple[Finding, ...]:
        import json

        from assistant.core.model.plain import to_plain

        case = self.case
        data = {
            "provider": case.provider,
            "region": case.region,
            "account": case.account,
            "purpose": case.purpose,
            "signature_names": list(case.signature_names),
            "templates": [to_plain(case.templates[index])],
        }
        key = json.dumps(
            {"case": data, "region": self.region()}, ensure_ascii=False, sort_keys=True
        )
        return _findings(key, self.lang)

    def refresh(self) -> None:
        from assistant.core.templates import preview
        from assistant.core.templates.case import signature, specs

        for i, (row, t) in enumerate(zip(self.rows, self.case.templates, strict=False)):
            self._loading = True
            try:
                row.set_variables(self._variable_names(t), t, self._attributes(t.kind))
            finally:
                self._loading = False
            if t.text.strip():
                row.findings.set_findings(self.findings_for(i))
            else:
                row.findings.set_findings([], show_ok=False)
            p = preview(
                t.text,
                self.case.provider,
                t.kind,
                signature=signature(t, self.case),
                variables=specs(t),
                region=self.region(),
            )
            row.preview.setText(p.text or self.tr("(empty)"))
            row.counter.setText(
                self.tr("%1 characters · %2 SMS")
                .replace("%1", str(p.length))
                .replace("%2", str(p.segments))
            )
        self.completeChanged.emit()

    def _variable_names(self, t: Template) -> tuple[str, ...]:
        from assistant.core.templates.case import variable_names

        return tuple(variable_names(self.case, t))

    def _attributes(self, kind: str) -> list[tuple[str, str]]:
        from assistant.core.i18n import localized
        from assistant.core.templates import template_rules

        attrs = template_rules(self.case.provider).attributes.values()
        return [
            (a.id, localized(a.name, self.lang))  # what it holds in words, not the API value
            for a in attrs
            if a.kinds is None or kind in a.kinds
        ]

    def cleanupPage(self) -> None:
        self.timer.stop()
