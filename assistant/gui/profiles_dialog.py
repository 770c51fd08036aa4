"""Saved profiles: the agency's own company (the applicant) and its clients (owners with legal
representative, credit code and licence file), kept in ``sms-profiles.json`` beside the library
(see :mod:`assistant.core.profiles`). Edited here; picked on the Parties step, where the chosen
profile is *copied* into the case, so editing it later changes no existing case.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from assistant.gui import dialogs

if TYPE_CHECKING:
    from assistant.core.profiles import Profile


class ProfilesDialog(QDialog):
    """The list of profiles and the form of the one chosen. With ``pick``, a "Use" button
    closes the dialog with :attr:`picked` set (a copy of the profile)."""

    def __init__(self, path: Path, lang: str, parent: Any = None, *, pick: bool = False) -> None:
        super().__init__(parent)
        from assistant.core.profiles import load_profiles

        self.path, self.lang, self.pick = path, lang, pick
        self.picked: Profile | None = None
        self.book, found = load_profiles(path, lang)
        self.setObjectName("profiles")
        self.setWindowTitle(self.tr("Pick a saved profile") if pick else self.tr("Profiles"))
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("Kept in %1").replace("%1", str(path)))
        where.setObjectName("profiles.where")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        if found:
            problem = QLabel("\n".join(f.message for f in found))
            problem.setWordWrap(True)
            layout.addWidget(problem)
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("profiles.list")
        self.list.setAccessibleName(self.tr("Saved profiles"))
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemActivated.connect(lambda _i: self._use() if pick else None)
        row.addWidget(self.list, 1)
        row.addLayout(self._form(), 2)
        layout.addLayout(row, 1)
        layout.addWidget(self._buttons())
        self._fill()
        self.resize(760, 420)

    def _form(self) -> QVBoxLayout:
        box = QVBoxLayout()
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("profiles.kind")
        self.kind.addItem(self.tr("Your company (the applicant)"), "applicant")
        self.kind.addItem(self.tr("A client (owner of signatures)"), "client")
        form.addRow(self.tr("&Kind:"), self.kind)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (
            ("name", self.tr("&Name:")),
            ("credit_code", self.tr("&Credit code:")),
            ("legal_representative", self.tr("&Legal representative:")),
            ("licence_file", self.tr("Licence &file:")),
            ("note", self.tr("N&ote:")),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"profiles.{key}")
            edit.setClearButtonEnabled(True)
            self.fields[key] = edit
            form.addRow(label, edit)
        box.addLayout(form)
        actions = QHBoxLayout()
        for name, text, slot in (
            ("new", self.tr("&New"), self._new),
            ("browse", self.tr("&Licence file…"), self._browse),
            ("save", self.tr("&Save profile"), self._save),
            ("delete", self.tr("&Delete"), self._delete),
        ):
            button = QPushButton(text)
            button.setObjectName(f"profiles.{name}")
            button.clicked.connect(slot)
            actions.addWidget(button)
        box.addLayout(actions)
        note = QLabel(
            self.tr(
                "A profile is copied into a case when you pick it: editing it later does not change cases made before."
            )
        )
        note.setWordWrap(True)
        box.addWidget(note)
        box.addStretch(1)
        return box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if self.pick:
            self.use_button = buttons.addButton(
                self.tr("&Use this profile"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.use_button.setObjectName("profiles.use")
            self.use_button.clicked.connect(self._use)
        return buttons

    # ------------------------------------------------------------------ list and form
    def _fill(self, current: str | None = None) -> None:
        self.list.clear()
        names = {"applicant": self.tr("Your company"), "client": self.tr("Client")}
        for kind in ("applicant", "client"):
            for p in self.book.of_kind(kind):
                item = QListWidgetItem(f"{names[kind]}: {p.label()}")
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.list.addItem(item)
                if p.id == current:
                    self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        if self.pick:
            self.use_button.setEnabled(self.list.count() > 0)

    def current(self) -> Profile | None:
        item = self.list.currentItem()
        return self.book.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _show_current(self) -> None:
        p = self.current()
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind if p else "client")))
        for key, edit in self.fields.items():
            edit.setText(getattr(p, key) if p else "")

    def _new(self) -> None:
        self.list.setCurrentItem(None)  # type: ignore[arg-type]
        for edit in self.fields.values():
            edit.clear()
        self.fields["name"].setFocus()

    def _browse(self) -> None:
        chosen = dialogs.choose_attachments(self, str(self.path.parent))
        if chosen:
            self.fields["licence_file"].setText(str(chosen[0]))

    def _save(self) -> None:
        from assistant.core.profiles import Profile, save_profiles

        values = {k: e.text().strip() for k, e in self.fields.items()}
        if not values["name"]:
            self.fields["name"].setFocus()
            return
        old = self.current()
        profile = Profile(kind=str(self.kind.currentData()), **values)
        if old is not None:
            profile.id = old.id
        self.book.put(profile)
        try:
            save_profiles(self.book, self.path)
        except OSError as exc:
            dialogs.error(
                self, self.tr("Cannot save the profiles"), str(self.path), exc.strerror or str(exc)
            )
            return
        self._fill(profile.id)

    def _delete(self) -> None:
        from assistant.core.profiles import save_profiles

        p = self.current()
        if p is None:
            return
        self.book.remove(p.id)
        try:
            save_profiles(self.book, self.path)
        except OSError as exc:
            dialogs.error(
                self, self.tr("Cannot save the profiles"), str(self.path), exc.strerror or str(exc)
            )
        self._fill()

    def _use(self) -> None:
        import copy

        p = self.current()
        if p is not None:
            self.picked = copy.deepcopy(p)
            self.accept()
