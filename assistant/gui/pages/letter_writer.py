"""A letter a page writes as a .docx, and its signed scan attached back: where to save it (the
case's name and the letter's kind), written off the window's thread, what happened said on the
page, opened in the office program to print. Shared by the authorization letter (Letter page)
and the commitment letter (Qualification page)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from assistant.gui import dialogs, settings, workers

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from assistant.gui.checker import AttachmentChecker
    from assistant.gui.pages.base import BasePage


class LetterWriter(QObject):
    """Writes one kind of letter for ``page``: ``name`` is what the messages call it (in the
    interface language, e.g. "letter", "commitment letter"), ``say`` shows a line about it on
    the page, the ``generate`` button is disabled while the letter is being written."""

    written = Signal(object)  # the fill result, once the writer has taken note of it

    def __init__(
        self,
        page: BasePage,
        kind: str,
        name: str,
        generate: QPushButton,
        say: Callable[[str], None],
    ) -> None:
        super().__init__(page)
        self.page = page
        self.kind = kind  # the end of the suggested file name, e.g. "authorization-letter"
        self.name = name
        self.generate = generate
        self.say = say
        self.worker: workers.Worker | None = None
        self.path: Path | None = None  # the letter last written

    def busy(self) -> bool:
        return self.worker is not None

    def ask_path(self) -> Path | None:
        """Where to save the letter (a .docx), None when the user cancels."""
        stem = self.page.wiz.suggested_file_name().removesuffix(".smscase.json")
        folder = Path(settings.last_folder() or Path.home())
        path = dialogs.save_file(
            self.page,
            self.tr("Save the %1 as").replace("%1", self.name),
            str(folder / f"{stem}-{self.kind}.docx"),
            self.tr("Word documents (*.docx)"),
        )
        if path is not None and path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        return path

    def write(self, fill: Callable[[Path], Any]) -> None:
        """Ask where, then ``fill(path)`` (a letter fill returning its result) off the window's
        thread; ``fill`` works on its own copy of the case."""
        path = self.ask_path()
        if path is None:
            return
        worker = workers.Worker(lambda _worker: fill(path))
        worker.signals.finished.connect(workers.guard(self, self._finished))
        worker.signals.failed.connect(workers.guard(self, self._failed))
        self.worker = worker
        self.generate.setEnabled(False)
        self.say(self.tr("Writing the %1…").replace("%1", self.name))
        workers.start(worker)

    def _failed(self, message: str) -> None:
        self.worker = None
        self.generate.setEnabled(True)
        self.say(message)

    def _finished(self, result: Any) -> None:
        self.worker = None
        self.generate.setEnabled(True)
        if result.output is None:
            self.path = None
            self.say(self.tr("The %1 could not be written.").replace("%1", self.name))
        else:
            self.path = Path(result.output)
            settings.set_last_folder(self.path)
        self.written.emit(result)

    def open(self) -> None:
        """The letter in the program that opens .docx files, else where it is."""
        if self.path is not None and not dialogs.open_path(self.path):
            dialogs.file_location(
                self.page,
                self.tr("Open it to print"),
                self.path,
                self.tr("No program to open .docx files was found. Open the %1 yourself:").replace(
                    "%1", self.name
                ),
            )


def attach_file(page: BasePage, checker: AttachmentChecker, doc_id: str, path: Path) -> bool:
    """Attach ``path`` as ``doc_id`` (hashed and checked off the window's thread); an error
    dialog when it cannot be read. True when attached."""
    try:
        checker.attach(doc_id, path)
    except OSError as exc:
        title = QCoreApplication.translate("LetterWriter", "Cannot attach the file")
        dialogs.error(page, title, str(path), exc.strerror or str(exc))
        return False
    settings.set_last_folder(path)
    page.changed()
    return True
