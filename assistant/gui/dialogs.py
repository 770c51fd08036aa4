"""Every file dialog, message box, print dialog and desktop hand-off of the wizard.

This is the ONE module that opens modal dialogs or talks to the desktop, so tests replace these
functions (``monkeypatch.setattr(dialogs, "open_case", ...)``) instead of clicking native dialogs.
Pages call them as ``dialogs.open_case(self)`` — always through the module, never imported by name.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

CASE_FILTER = "smscase"


def _case_filter() -> str:
    return QCoreApplication.translate(
        "dialogs", "SMS signature cases (*.smscase.json);;All files (*)"
    )


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def open_case(parent: QWidget | None, start_dir: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("dialogs", "Open case"), start_dir, _case_filter()
    )
    return Path(name) if name else None


def save_case(parent: QWidget | None, suggested: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("dialogs", "Save case as"), suggested, _case_filter()
    )
    if not name:
        return None
    path = Path(name)
    if not path.name.endswith(".smscase.json"):
        path = path.with_name(path.name.removesuffix(".json") + ".smscase.json")
    return path


def choose_attachments(parent: QWidget | None, start_dir: str = "") -> list[Path]:
    from PySide6.QtWidgets import QFileDialog

    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("dialogs", "Attach files"),
        start_dir,
        QCoreApplication.translate(
            "dialogs",
            "Images and PDF (*.jpg *.jpeg *.png *.gif *.pdf *.webp *.heic *.bmp *.tif *.tiff);;All files (*)",
        ),
    )
    return [Path(n) for n in names]


def choose_template(parent: QWidget | None, start_dir: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("dialogs", "Choose a letter template"),
        start_dir,
        QCoreApplication.translate("dialogs", "Word documents (*.docx)"),
    )
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, title: str, start_dir: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, start_dir)
    return Path(name) if name else None


def choose_spreadsheet(parent: QWidget | None, start_dir: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("dialogs", "Import clients from a spreadsheet"),
        start_dir,
        QCoreApplication.translate(
            "dialogs", "Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)"
        ),
    )
    return Path(name) if name else None


def ask_text(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    """One line of text from the user (None when cancelled)."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label, text=value)
    return text if ok else None


class OnDisk(Enum):
    OVERWRITE = "overwrite"  # save this window's version over the other one
    SAVE_AS = "save_as"  # keep both: save this one under another name
    CANCEL = "cancel"


def changed_on_disk(parent: QWidget | None, path: Path) -> OnDisk:
    """The case file was changed by someone else (another window, a colleague) since it was
    opened here: ask before saving over it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("changed_on_disk")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Changed on disk"))
    box.setText(
        QCoreApplication.translate(
            "dialogs",
            "%1 was changed by another window or a colleague since you opened it.",
        ).replace("%1", path.name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "dialogs",
            "Saving now replaces their changes with yours. Save yours under another name to keep both.",
        )
    )
    save_as = box.addButton(
        QCoreApplication.translate("dialogs", "Save &as…"), QMessageBox.ButtonRole.AcceptRole
    )
    overwrite = box.addButton(
        QCoreApplication.translate("dialogs", "&Replace their changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    if box.clickedButton() is save_as:
        return OnDisk.SAVE_AS
    if box.clickedButton() is overwrite:
        return OnDisk.OVERWRITE
    return OnDisk.CANCEL


def show_dialog(dialog: Any) -> int:
    """Run one of the program's own dialogs (tests answer it instead)."""
    return int(dialog.exec())


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


def ask_unsaved(parent: QWidget | None) -> Unsaved:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Unsaved changes"))
    box.setText(QCoreApplication.translate("dialogs", "This case has changes that are not saved."))
    box.setInformativeText(
        QCoreApplication.translate("dialogs", "Do you want to save them before closing?")
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def confirm(parent: QWidget | None, title: str, text: str, details: str = "") -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.exec()


def information(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def about(parent: QWidget | None, title: str, html: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, title, html)


def print_document(parent: QWidget | None, paint: Callable[[Any], Any]) -> bool:
    """The system print dialog; ``paint(printer)`` lays the document out. False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint(printer)
    return True


def preview_document(parent: QWidget | None, paint: Callable[[Any], Any]) -> None:
    """Print preview (with its own print button); ``paint(printer)`` lays the document out."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(paint)
    dialog.exec()


def open_path(path: Path) -> bool:
    """Open a file with the desktop's program for it (the office program for a .docx)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Open the folder that holds ``path`` in the desktop's file manager."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    folder = path if path.is_dir() else path.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def fix_preview(
    parent: QWidget | None,
    title: str,
    before: tuple[bytes | None, str],
    after: tuple[bytes | None, str],
    notes: list[str],
) -> bool:
    """Before/after of a fix (thumbnails as PNG bytes, and a caption each); True to keep it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import (
        QDialog,
        QDialogButtonBox,
        QGridLayout,
        QLabel,
        QVBoxLayout,
    )

    dialog = QDialog(parent)
    dialog.setObjectName("fix_preview")
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    grid = QGridLayout()
    for column, (heading, (png, caption)) in enumerate(
        (
            (QCoreApplication.translate("dialogs", "Before (your original, unchanged)"), before),
            (QCoreApplication.translate("dialogs", "After (a new copy)"), after),
        )
    ):
        head = QLabel(f"<b>{heading}</b>")
        grid.addWidget(head, 0, column)
        image = QLabel()
        image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image.setMinimumSize(260, 260)
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png):
            image.setPixmap(pixmap)
        else:
            image.setText(QCoreApplication.translate("dialogs", "(no preview)"))
        grid.addWidget(image, 1, column)
        cap = QLabel(caption)
        cap.setWordWrap(True)
        grid.addWidget(cap, 2, column)
    layout.addLayout(grid)
    if notes:
        text = QLabel("\n".join(f"• {n}" for n in notes))
        text.setWordWrap(True)
        layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    keep = buttons.addButton(
        QCoreApplication.translate("dialogs", "&Use the fixed copy…"),
        QDialogButtonBox.ButtonRole.AcceptRole,
    )
    keep.setObjectName("fix_preview.keep")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog.exec() == QDialog.DialogCode.Accepted


def copy_path(path: Path) -> None:
    """Put ``path`` on the clipboard (to paste it in a file manager, a mail, a chat)."""
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(str(path))


def file_location(parent: QWidget | None, title: str, path: Path, problem: str = "") -> None:
    """Where a file is, in words (folder and name), with a button that copies its path. Used
    when the desktop cannot show the folder or open the file, so the user can get there anyway."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("file_location")
    box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    where = QCoreApplication.translate("dialogs", "The file %1 is in the folder:").replace(
        "%1", path.name
    )
    box.setText(f"{problem}\n\n{where}" if problem else where)
    box.setInformativeText(str(path.parent))
    copy = box.addButton(
        QCoreApplication.translate("dialogs", "&Copy the path"), QMessageBox.ButtonRole.ActionRole
    )
    copy.setObjectName("file_location.copy")
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is copy:
        copy_path(path)


def help_page(parent: QWidget | None, title: str, markdown: str) -> None:
    """The help of one step (Markdown), in a window of its own that can stay open."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setObjectName("help")
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    text = QTextBrowser()
    text.setObjectName("help.text")
    text.setOpenExternalLinks(False)
    text.setMarkdown(markdown)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(560, 480)
    dialog.exec()
