"""Provider (and region), account type and purpose, each choice with a one-line explanation."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from assistant.core.flow import PageId
from assistant.gui.pages.base import BasePage
from assistant.gui.pages.reflow import Reflow
from assistant.gui.widgets import ChoiceGroup, FindingsView, hint_label


class ProviderPage(BasePage):
    page_id = PageId.PROVIDER
    object_name = "page.provider"

    def retitle(self) -> None:
        self.setTitle(self.tr("Provider and account"))
        self.setSubTitle(
            self.tr("Where will you send the messages from, and whose signature is it?")
        )

    def build(self) -> None:
        from assistant.core.i18n import localized
        from assistant.core.rules import PROVIDERS, load_pack

        layout = self.scrolling_body()
        # first: at 200 % the end of the page is out of view, and Next stays disabled until then
        self.todo = hint_label(self.tr("Nothing is chosen for you: answer each question to go on."))
        self.todo.setObjectName("provider.todo")
        layout.addWidget(self.todo)

        top = Reflow()  # side by side, one under the other in a narrow window
        self.provider_box = box = QGroupBox(self.tr("Cloud &provider"))
        box.setObjectName("provider.box")
        self.providers = ChoiceGroup("provider.provider")
        lay = QVBoxLayout(box)
        lay.addWidget(self.providers)
        self.providers.set_choices(
            [
                (
                    p,
                    localized(load_pack(p).name, self.lang),
                    self.tr("Apply in: %1").replace(
                        "%1", localized(load_pack(p).console, self.lang)
                    ),
                )
                for p in PROVIDERS
            ],
            None,
        )
        self.providers.chosen.connect(self._provider_chosen)
        top.add(box, 1)

        self.region_box = QGroupBox(self.tr("&Where are the messages sent?"))
        self.region_box.setObjectName("provider.region_box")
        self.regions = ChoiceGroup("provider.region")
        QVBoxLayout(self.region_box).addWidget(self.regions)
        self.regions.chosen.connect(self._region_chosen)
        top.add(self.region_box, 1)
        layout.addWidget(top)

        mid = Reflow()
        self.acc_box = acc_box = QGroupBox(self.tr("How is your cloud &account verified?"))
        self.accounts = ChoiceGroup("provider.account")
        QVBoxLayout(acc_box).addWidget(self.accounts)
        self.accounts.chosen.connect(self._account_chosen)
        mid.add(acc_box, 1)

        self.pur_box = pur_box = QGroupBox(self.tr("Whose &signature is it?"))
        self.purposes = ChoiceGroup("provider.purpose")
        QVBoxLayout(pur_box).addWidget(self.purposes)
        self.purposes.chosen.connect(self._purpose_chosen)
        mid.add(pur_box, 1)
        layout.addWidget(mid)

        self.blocked = FindingsView()
        self.blocked.setObjectName("provider.blocked")
        layout.addWidget(self.blocked)
        layout.addStretch(1)

    # ---- case -> widgets
    def answered(self, question: str) -> bool:
        """Did the user choose this (a new case starts with nothing chosen)?"""
        return question in self.wiz.answered

    def load(self) -> None:
        from assistant.core.i18n import localized

        case = self.case
        pack = self.pack()
        self.providers.set_current(case.provider if self.answered("provider") else None)
        self.region_box.setVisible(bool(pack.regions))
        if pack.regions:
            self.regions.set_choices(
                [
                    (r.id, localized(r.name, self.lang), localized(r.description, self.lang))
                    for r in pack.regions
                ],
                self.region() if self.answered("region") else None,
            )
        self.accounts.set_choices(
            [
                (a.id, localized(a.name, self.lang), localized(a.description, self.lang))
                for a in pack.accounts
            ],
            case.account if self.answered("account") else None,
        )
        self.purposes.set_choices(
            [
                (p.id, localized(p.name, self.lang), localized(p.description, self.lang))
                for p in pack.purposes
            ],
            case.purpose if self.answered("purpose") else None,
        )
        self._update_blocked()
        self._align_columns()

    def _align_columns(self) -> None:
        """The boxes of a column as wide as each other: the two rows split at the same x, and
        go one under the other at the same width."""
        left, right = (self.provider_box, self.acc_box), (self.region_box, self.pur_box)
        for column in (left, right):
            for box in column:
                box.setMinimumWidth(0)
            width = max(b.minimumSizeHint().width() for b in column if b.isVisibleTo(self))
            for box in column:
                box.setMinimumWidth(width)

    # ---- widgets -> case
    def _provider_chosen(self, provider: str) -> None:
        if self._loading:
            return
        if provider == self.case.provider:
            self.wiz.answered.add("provider")
            self.changed()
            return
        from assistant.core.rules import load_pack

        self.wiz.answered.add("provider")

        self.case.provider = provider
        pack = load_pack(provider)
        if self.case.region not in pack.region_ids:
            self.case.region = pack.default_region
        if (
            self.case.sign_type is not None
            and pack.choice("sign_kinds", self.case.sign_type) is None
        ):
            self.case.sign_type = None
        self.initializePage()  # region, account and purpose texts are the provider's
        self.changed()

    def _region_chosen(self, region: str) -> None:
        if not self._loading:
            self.wiz.answered.add("region")
            self.case.region = region
            self._update_blocked()
            self.changed()

    def _account_chosen(self, account: str) -> None:
        if not self._loading:
            self.wiz.answered.add("account")
            self.case.account = account
            self._update_blocked()
            self.changed()

    def _purpose_chosen(self, purpose: str) -> None:
        if not self._loading:
            self.wiz.answered.add("purpose")
            self.case.purpose = purpose
            self._update_blocked()
            self.changed()
            self.wiz.caseChanged.emit()  # the steps list gains or loses the letter page

    # ---- what the provider does not allow
    def blocking_findings(self) -> list:
        """When every signature type is ruled out for this account (and purpose, once it is
        chosen; before, for every purpose): the reasons. Nothing before the account is chosen."""
        from assistant.core.checklist import type_options

        case, pack = self.case, self.pack()
        if not self.answered("account"):
            return []
        purposes = [case.purpose] if self.answered("purpose") else [p.id for p in pack.purposes]
        reasons = {}
        for purpose in purposes:
            options = type_options(pack, case.account, purpose, self.region(), self.lang)
            if any(not findings for _, findings in options):
                return []
            for _, findings in options:
                for f in findings:
                    if f.code == "checklist.not_allowed":
                        reasons.setdefault(f.message, f)
        return list(reasons.values())

    def unanswered(self) -> list[str]:
        """The questions on screen the user has not answered yet."""
        asked = ["provider", "account", "purpose"]
        if self.region_box.isVisibleTo(self):
            asked.insert(1, "region")
        return [q for q in asked if not self.answered(q)]

    def _update_blocked(self) -> None:
        findings = self.blocking_findings()
        self.blocked.set_findings(findings, show_ok=False)
        self.blocked.setVisible(bool(findings))

    def isComplete(self) -> bool:
        if not self._built:
            return True
        unanswered = self.unanswered()
        self.todo.setVisible(bool(unanswered))
        return not unanswered and not self.blocking_findings()
