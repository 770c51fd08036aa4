"""GUI test fixtures: offscreen Qt, QSettings in a temporary folder, every dialog replaced through
``assistant.gui.dialogs``, and the thread pool drained after each test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from assistant.gui import dialogs

DIALOG_FUNCTIONS = (
    "open_case",
    "save_case",
    "choose_attachments",
    "choose_template",
    "save_file",
    "ask_unsaved",
    "confirm",
    "error",
    "information",
    "about",
    "print_document",
    "preview_document",
    "open_path",
    "show_in_folder",
    "fix_preview",
    "file_location",
    "help_page",
    "choose_folder",
    "choose_spreadsheet",
    "ask_text",
    "changed_on_disk",
    "show_dialog",
)


class FakeDialogs:
    """Stands in for every dialog. Queue answers with ``answer(name, value)``; each call is
    recorded in ``calls``. A dialog called without a queued answer returns a neutral default
    (None / [] / False / CANCEL), so a test never blocks on a modal window."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answers: dict[str, list[Any]] = {}

    def answer(self, name: str, *values: Any) -> None:
        self.answers.setdefault(name, []).extend(values)

    def called(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.calls if n == name]

    def make(self, name: str) -> Callable[..., Any]:
        defaults: dict[str, Any] = {
            "choose_attachments": [],
            "ask_unsaved": dialogs.Unsaved.CANCEL,
            "confirm": False,
            "print_document": False,
            "open_path": True,
            "show_in_folder": True,
            "fix_preview": False,
            "changed_on_disk": dialogs.OnDisk.CANCEL,
            "show_dialog": 0,
        }

        def fake(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args + tuple(kwargs.values())))
            queue = self.answers.get(name)
            if queue:
                value = queue.pop(0)
                return value(*args, **kwargs) if callable(value) else value
            return defaults.get(name)

        return fake


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    folder = tmp_path / "settings"
    folder.mkdir()
    qapp.setOrganizationName("SMS Signature Assistant Tests")
    qapp.setApplicationName("sms-signature-assistant-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    yield folder
    QSettings().clear()


@pytest.fixture(autouse=True)
def fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    fake = FakeDialogs()
    for name in DIALOG_FUNCTIONS:
        monkeypatch.setattr(dialogs, name, fake.make(name))
    return fake


@pytest.fixture(autouse=True)
def drain_thread_pool(qapp: QApplication) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(30_000)
    qapp.processEvents()


@pytest.fixture
def make_wizard(qtbot: Any) -> Iterator[Callable[..., Any]]:
    from assistant.gui.wizard import AssistantWizard

    made: list[AssistantWizard] = []

    def make(lang: str = "en") -> AssistantWizard:
        wizard = AssistantWizard(lang=lang)
        qtbot.addWidget(wizard)
        with qtbot.waitExposed(wizard):
            wizard.show()
        with qtbot.waitActive(wizard):
            wizard.activateWindow()
        qtbot.waitUntil(lambda: wizard._pages_built)  # built just after the first page is shown
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.dirty = False
        wizard.hide()


@pytest.fixture
def wizard(make_wizard: Callable[..., Any]) -> Any:
    return make_wizard()
