"""Parties: the applicant (the account's verified entity; for others the authorized party) and,
for others, the signature owner (authorizer) with its legal representative. Credit codes are
checked live; an applicant can be saved as a profile and reused (agencies apply for many clients)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.flow import PageId
from assistant.gui import settings
from assistant.gui.pages.base import BasePage
from assistant.gui.pages.reflow import Reflow, shrinkable
from assistant.gui.widgets import FindingsView, hint_label

if TYPE_CHECKING:
    from assistant.core.findings import Finding

DEBOUNCE_MS = 250


class PartiesPage(BasePage):
    page_id = PageId.PARTIES
    object_name = "page.parties"

    def retitle(self) -> None:
        self.setTitle(self.tr("Applicant and owner"))
        self.setSubTitle(
            self.tr(
                "Who applies, and who owns the signature. Names exactly as on the business license."
            )
        )

    def _line(self, name: str, placeholder: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(accessible)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self._edited)
        return edit

    def build(self) -> None:
        layout = self.scrolling_body()
        layout.addWidget(self._build_applicant_box())
        layout.addWidget(self._build_owner_box())
        layout.addWidget(self._build_owner_checks())
        layout.addStretch(1)
        self._align_labels()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_findings)

    def _align_labels(self) -> None:
        """The fields of every box start at the same x: one label width for all the forms."""
        labels = [
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            for form in self.findChildren(QFormLayout)
            for row in range(form.rowCount())
            if form.itemAt(row, QFormLayout.ItemRole.LabelRole) is not None
        ]
        labels = [label for label in labels if isinstance(label, QLabel)]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def _build_applicant_box(self) -> QGroupBox:
        self.applicant_box = QGroupBox(self.tr("Applicant"))
        self.applicant_box.setObjectName("parties.applicant_box")
        alay = QVBoxLayout(self.applicant_box)
        self.applicant_hint = hint_label()
        alay.addWidget(self.applicant_hint)
        form = QFormLayout()
        prof = Reflow()  # the buttons under the list in a narrow window
        self.profiles = shrinkable(QComboBox())
        self.profiles.setObjectName("parties.profiles")
        self.profiles.setAccessibleName(self.tr("Saved applicants"))
        self.profiles.setToolTip(self.tr("Fill in an applicant you saved before"))
        self.profiles.activated.connect(self._profile_chosen)
        prof_label = QLabel(self.tr("Sa&ved applicants:"))
        prof_label.setBuddy(self.profiles)
        prof.add(self.profiles, 1)
        buttons = QWidget()  # under the list together in a narrow window
        blay = QHBoxLayout(buttons)
        blay.setContentsMargins(0, 0, 0, 0)
        self.save_profile = QPushButton(self.tr("Save &applicant"))
        self.save_profile.setObjectName("parties.save_profile")
        self.save_profile.setToolTip(self.tr("Remember this applicant for your next cases"))
        self.save_profile.clicked.connect(self._save_profile)
        blay.addWidget(self.save_profile)
        self.pick_profile = QPushButton(self.tr("Pick a saved &profile…"))
        self.pick_profile.setObjectName("parties.pick_profile")
        self.pick_profile.setToolTip(
            self.tr("Your company or a client, saved once (copied into this case)")
        )
        self.pick_profile.clicked.connect(self._pick_profile)
        blay.addWidget(self.pick_profile)
        prof.add(buttons)
        form.addRow(prof_label, prof)
        self.applicant_name = self._line(
            "parties.applicant.name",
            self.tr("Full verified name of your cloud account"),
            self.tr("Applicant name"),
        )
        self.applicant_code = self._line(
            "parties.applicant.credit_code",
            self.tr("18 characters, e.g. 91110000802100433B"),
            self.tr("Applicant credit code"),
        )
        self.applicant_code.setMaxLength(24)
        self.applicant_code_findings = FindingsView(
            ok_text=self.tr("Valid unified social credit code."), offer_fixes=True
        )
        self.applicant_code_findings.setObjectName("parties.applicant.findings")
        self.applicant_code_findings.fixApplied.connect(self.applicant_code.setText)
        self.applicant_name_label = QLabel(self.tr("Nam&e:"))
        self.applicant_name_label.setBuddy(self.applicant_name)
        form.addRow(self.applicant_name_label, self.applicant_name)
        self.applicant_code_label = QLabel(self.tr("C&redit code:"))
        self.applicant_code_label.setBuddy(self.applicant_code)
        code_cell = QWidget()
        cl = QVBoxLayout(code_cell)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.applicant_code)
        cl.addWidget(self.applicant_code_findings)
        form.addRow(self.applicant_code_label, code_cell)
        alay.addLayout(form)
        return self.applicant_box

    def _build_owner_box(self) -> QGroupBox:
        self.owner_box = QGroupBox(self.tr("Signature owner (authorizer)"))
        self.owner_box.setObjectName("parties.owner_box")
        olay = QVBoxLayout(self.owner_box)
        olay.addWidget(
            hint_label(
                self.tr(
                    "The organization the signature belongs to. It signs and stamps the authorization letter that lets the applicant use the signature."
                )
            )
        )
        oform = QFormLayout()
        self.owner_name = self._line(
            "parties.owner.name",
            self.tr("Full name as on its business license"),
            self.tr("Owner name"),
        )
        self.owner_code = self._line(
            "parties.owner.credit_code", self.tr("18 characters"), self.tr("Owner credit code")
        )
        self.owner_code.setMaxLength(24)
        self.owner_rep = self._line(
            "parties.owner.legal_representative",
            self.tr("Signs the letter by hand"),
            self.tr("Legal representative"),
        )
        self.owner_code_findings = FindingsView(
            ok_text=self.tr("Valid unified social credit code."), offer_fixes=True
        )
        self.owner_code_findings.setObjectName("parties.owner.findings")
        self.owner_code_findings.fixApplied.connect(self.owner_code.setText)
        for text, widget in (
            (self.tr("Na&me:"), self.owner_name),
            (self.tr("Credit c&ode:"), None),
            (self.tr("&Legal representative:"), self.owner_rep),
        ):
            label = QLabel(text)
            if widget is None:
                cell = QWidget()
                cl = QVBoxLayout(cell)
                cl.setContentsMargins(0, 0, 0, 0)
                cl.addWidget(self.owner_code)
                cl.addWidget(self.owner_code_findings)
                label.setBuddy(self.owner_code)
                oform.addRow(label, cell)
            else:
                label.setBuddy(widget)
                oform.addRow(label, widget)
        olay.addLayout(oform)
        self.same_party = FindingsView()
        self.same_party.setObjectName("parties.same_party")
        olay.addWidget(self.same_party)
        return self.owner_box

    def _build_owner_checks(self) -> QGroupBox:
        """The owner's entity type and business (asked), and the owner checked live: the
        signature names against its registered name, refused or foreign owners."""
        from assistant.core.owner import ENTITY_TYPES

        box = QGroupBox(self.tr("The signature's owner, checked"))
        box.setObjectName("parties.owner_checks_box")
        form = QFormLayout(box)
        self.entity_type = shrinkable(QComboBox())
        self.entity_type.setObjectName("parties.entity_type")
        self.entity_type.setAccessibleName(self.tr("Owner's entity type"))
        self.entity_type.addItem(self.tr("Not said (guessed from the name and credit code)"), "")
        for kind in ENTITY_TYPES:
            self.entity_type.addItem(_entity_label(kind, self.lang), kind)
        self.entity_type.currentIndexChanged.connect(self._edited)
        label = QLabel(self.tr("En&tity type:"))
        label.setBuddy(self.entity_type)
        form.addRow(label, self.entity_type)
        self.industry = shrinkable(QComboBox())
        self.industry.setObjectName("parties.industry")
        self.industry.setAccessibleName(self.tr("Restricted industry"))
        self.industry.currentIndexChanged.connect(self._edited)
        label = QLabel(self.tr("Restricted indu&stry:"))
        label.setBuddy(self.industry)
        form.addRow(label, self.industry)
        self.owner_checks = FindingsView(
            ok_text=self.tr("The names are part of the owner's registered name."), offer_fixes=False
        )
        self.owner_checks.setObjectName("parties.owner_checks")
        form.addRow(self.owner_checks)
        return box

    def _fill_industries(self) -> None:
        from assistant.core.i18n import localized

        self.industry.blockSignals(True)
        self.industry.clear()
        self.industry.addItem(self.tr("Not answered"), "")
        self.industry.addItem(self.tr("None of these"), "none")
        for item in self.pack().industries.values():
            self.industry.addItem(localized(item.name, self.lang), item.id)
        index = self.industry.findData(self.case.industry)
        self.industry.setCurrentIndex(max(0, index))
        self.industry.blockSignals(False)

    def _party(self) -> object:
        return self.case.owner if self.case.purpose == "others" else self.case.applicant

    # ------------------------------------------------------------------ case -> widgets
    def load(self) -> None:
        case = self.case
        individual = case.account == "individual"
        others = case.purpose == "others"
        if others:
            self.applicant_box.setTitle(self.tr("Applicant (authorized party)"))
            self.applicant_hint.setText(
                self.tr(
                    "The entity your cloud account is verified as. The owner authorizes it to use the signature."
                )
            )
        else:
            self.applicant_box.setTitle(self.tr("Applicant (signature owner)"))
            self.applicant_hint.setText(
                self.tr(
                    "The entity your cloud account is verified as; the signature belongs to it."
                )
                if not individual
                else self.tr("Your name exactly as your cloud account is verified.")
            )
        self.applicant_code_label.setVisible(not individual)
        self.applicant_code.parentWidget().setVisible(not individual)
        self.owner_box.setVisible(others)
        for edit, value in (
            (self.applicant_name, case.applicant.name),
            (self.applicant_code, case.applicant.credit_code),
            (self.owner_name, case.owner.name),
            (self.owner_code, case.owner.credit_code),
            (self.owner_rep, case.owner.legal_representative),
        ):
            if edit.text() != value:
                edit.setText(value)
        self._fill_profiles()
        self._fill_industries()
        index = self.entity_type.findData(getattr(self._party(), "entity_type", ""))
        self.entity_type.blockSignals(True)
        self.entity_type.setCurrentIndex(max(0, index))
        self.entity_type.blockSignals(False)
        self.refresh_findings()

    def _profile_book(self) -> tuple[Any, list[Finding]]:
        """The saved profiles (``sms-profiles.json``, shared with the case library), with the
        applicants an older version kept in the settings moved in once (nothing is lost: they
        are forgotten there only after the book was written)."""
        from assistant.core.profiles import Profile, load_profiles, save_profiles

        path = settings.profiles_path()
        book, found = load_profiles(path, self.lang)
        old = settings.old_applicant_profiles() if not found else []
        if old:
            for item in old:
                if book.find(item["name"], "applicant") is None:
                    book.put(Profile("applicant", item["name"], item.get("credit_code", "")))
            try:
                save_profiles(book, path)
            except OSError:
                pass  # kept in the settings: moved next time
            else:
                settings.forget_old_applicant_profiles()
        return book, found

    def _fill_profiles(self) -> None:
        """The profiles that can be this case's applicant: the agency's own company, and a
        client applying for itself (see assistant.core.profiles.role_for)."""
        from assistant.core.profiles import role_for

        self.profiles.clear()
        book, _ = self._profile_book()
        usable = [p for p in book.profiles if role_for(self.case, p) == "applicant"]
        if not usable:
            self.profiles.addItem(self.tr("(none saved yet)"))
            self.profiles.setEnabled(False)
            return
        self.profiles.setEnabled(True)
        self.profiles.addItem(self.tr("Choose…"))
        for profile in sorted(usable, key=lambda p: (p.kind != "applicant", p.name)):
            self.profiles.addItem(profile.label(), profile.id)

    # ------------------------------------------------------------------ widgets -> case
    def _edited(self, *_: object) -> None:
        if self._loading:
            return
        case = self.case
        case.applicant.name = self.applicant_name.text()
        case.applicant.credit_code = self.applicant_code.text()
        case.owner.name = self.owner_name.text()
        case.owner.credit_code = self.owner_code.text()
        case.owner.legal_representative = self.owner_rep.text()
        self._party().entity_type = self.entity_type.currentData() or ""
        case.industry = self.industry.currentData() or ""
        self.timer.start()
        self.changed()

    def _profile_chosen(self, index: int) -> None:
        profile_id = self.profiles.itemData(index)
        if not isinstance(profile_id, str):
            return
        profile = self._profile_book()[0].get(profile_id)
        if profile is not None:
            self._apply(profile)

    def _apply(self, profile: Any) -> None:
        """Copy ``profile`` into the case: editing the profile later changes no case."""
        from assistant.core.profiles import apply_profile
        from assistant.gui import dialogs

        found = apply_profile(self.case, profile, self.lang)
        self.initializePage()  # the copied values into the fields
        self.wiz.mark_dirty()
        if found:
            dialogs.information(self, self.tr("Profile"), "\n".join(f.message for f in found))

    def _pick_profile(self) -> None:
        """A saved profile (agency or client) chosen in the profiles dialog."""
        from assistant.gui import dialogs
        from assistant.gui.profiles_dialog import ProfilesDialog

        dialog = ProfilesDialog(settings.profiles_path(), self.lang, self, pick=True)
        if not dialogs.show_dialog(dialog) or dialog.picked is None:
            return
        self._apply(dialog.picked)

    def _save_profile(self) -> None:
        """This applicant into the saved profiles (the same book as the case library's), or
        the one of the same name updated."""
        from assistant.core.profiles import profile_from_case, save_profiles
        from assistant.gui import dialogs

        name = self.applicant_name.text().strip()
        if not name:
            self.applicant_name.setFocus()
            return
        book, found = self._profile_book()
        path = settings.profiles_path()
        if found:  # an unreadable book is never written over
            dialogs.error(self, self.tr("Profile"), "\n".join(f.message for f in found))
            return
        profile = profile_from_case(self.case, "applicant")
        same = book.find(name, "applicant")
        if same is not None:
            profile.id = same.id
        book.put(profile)
        try:
            save_profiles(book, path)
        except OSError as exc:
            dialogs.error(
                self,
                self.tr("Profile"),
                self.tr("The profiles could not be saved in %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        self._fill_profiles()
        self.profiles.setCurrentIndex(max(0, self.profiles.findData(profile.id)))

    # ------------------------------------------------------------------ checks
    def refresh_findings(self) -> None:
        from assistant.core.identifiers import check_credit_code

        for edit, view, subject in (
            (self.applicant_code, self.applicant_code_findings, "applicant.credit_code"),
            (self.owner_code, self.owner_code_findings, "owner.credit_code"),
        ):
            value = edit.text()
            if value.strip():
                view.set_findings(check_credit_code(value, self.lang, subject))
            else:
                view.set_findings([], show_ok=False)
        self.same_party.set_findings(self._party_findings(), show_ok=False)
        from assistant.core.owner import reference_name

        known = bool(reference_name(self.case) and self.case.signature_names)
        self.owner_checks.set_findings(self._owner_findings(), show_ok=known)

    def _owner_findings(self) -> list:
        """The review's owner checks, live: names against the owner, the owner as an entity."""
        from assistant.core.review.areas.owner import check_owner_area
        from assistant.core.review.registry import CaseReview, ReviewContext

        review = CaseReview(areas={"names": [], "owner": []})
        check_owner_area(ReviewContext(self.case, self.lang, review, inspect_attachments=False))
        return review.areas["names"] + review.areas["owner"]

    def _party_findings(self) -> list:
        """The letter's checks of the parties as a pair (authorizer ≠ authorized party …)."""
        from assistant.core.letter import check_parties

        return check_parties(self.case, self.lang)


def _entity_label(kind: str, lang: str) -> str:
    from assistant.core.i18n import text

    return text(f"owner.entity.{kind}", lang)
