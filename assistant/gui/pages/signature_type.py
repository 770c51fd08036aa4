"""Signature type (only those allowed; withdrawn ones disabled with reason and date) and the
provider's sign kind (verification code / general / notification …) where it has one."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from assistant.core.flow import PageId
from assistant.gui.pages.base import BasePage
from assistant.gui.pages.reflow import Reflow
from assistant.gui.widgets import ChoiceGroup, hint_label


class SignatureTypePage(BasePage):
    page_id = PageId.SIGNATURE_TYPE
    object_name = "page.signature_type"

    def retitle(self) -> None:
        self.setTitle(self.tr("Signature type"))
        self.setSubTitle(
            self.tr("What is the signature named after? This decides the documents you need.")
        )

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = self.scrolling_body(outer)
        boxes = Reflow()  # side by side, one under the other in a narrow window

        type_box = QGroupBox(self.tr("Signature &type"))
        tlay = QVBoxLayout(type_box)
        self.types = ChoiceGroup("type.type")
        self.types.chosen.connect(self._type_chosen)
        tlay.addWidget(self.types)
        tlay.addStretch(1)
        boxes.add(type_box, 3)

        self.kind_box = QGroupBox(self.tr("&Kind of messages"))
        klay = QVBoxLayout(self.kind_box)
        self.kinds = ChoiceGroup("type.sign_type")
        self.kinds.chosen.connect(self._kind_chosen)
        klay.addWidget(self.kinds)
        klay.addStretch(1)
        boxes.add(self.kind_box, 2)
        layout.addWidget(boxes)
        layout.addStretch(1)
        self.empty = hint_label(
            self.tr(
                "None of this provider's signature types can be chosen with this account and purpose. Go back and change them."
            )
        )
        self.empty.setObjectName("type.empty")
        outer.addWidget(self.empty)

    def load(self) -> None:
        from assistant.core.checklist import type_options
        from assistant.core.i18n import localized
        from assistant.core.model import effective_sign_type

        case, pack, lang = self.case, self.pack(), self.lang
        options = dict(type_options(pack, case.account, case.purpose, self.region(), lang))
        choices = []
        for t in pack.signature_types:
            choices.append((t.id, localized(t.name, lang), localized(t.description, lang)))
        self.types.set_choices(choices, None)
        allowed = [t for t, f in options.items() if not f]
        for type_id, findings in options.items():
            if findings:
                why = " ".join(f.message + (f" {f.fix}" if f.fix else "") for f in findings[:1])
                self.types.set_enabled_choice(type_id, False, "⊘ " + why)
                self.types.buttons[type_id].setToolTip(why)
        if case.type not in allowed and allowed:
            case.type = allowed[0]
            self.wiz.mark_dirty()
        self.types.set_current(case.type if case.type in allowed else None)
        self.empty.setVisible(not allowed)

        self.kind_box.setVisible(bool(pack.sign_kinds))
        if pack.sign_kinds:
            self.kinds.set_choices(
                [
                    (k.id, localized(k.name, lang), localized(k.description, lang))
                    for k in pack.sign_kinds
                ],
                effective_sign_type(case, pack),
            )
            if case.sign_type is None:
                case.sign_type = effective_sign_type(case, pack)
        else:
            case.sign_type = None

    def _type_chosen(self, type_id: str) -> None:
        if not self._loading:
            self.case.type = type_id
            self.changed()

    def _kind_chosen(self, kind: str) -> None:
        if not self._loading:
            self.case.sign_type = kind
            self.changed()

    def isComplete(self) -> bool:
        if not self._built:
            return True
        return self.types.current() is not None
