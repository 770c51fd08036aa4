"""Autosave survives kill -9 of a real process that is typing without a pause (#19): the draft is
written within a bounded time of the first unsaved change, not postponed by every keystroke."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

folder = Path(sys.argv[1])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
app = QApplication(["test"])
app.setOrganizationName("autosave-test")
app.setApplicationName("autosave-test")

from assistant.core.flow import PageId
from assistant.gui import settings
from assistant.gui.wizard import AssistantWizard

wizard = AssistantWizard(lang="en")
wizard.show()
wizard.ensure_pages()
wizard.restart_at(PageId.NAMES)
edit = next(e for e in wizard.currentPage().findChildren(QLineEdit) if e.isVisible())
edit.setFocus()
print("DRAFT", settings.draft_path(), flush=True)
count = 0

def type_one():
    global count
    QTest.keyClick(edit, "a")
    count += 1
    print("TYPED", count, flush=True)

timer = QTimer()
timer.timeout.connect(type_one)
timer.start(250)  # four keys a second, never a pause of 1.5 s
app.exec()
"""


def test_a_draft_survives_kill_9_while_typing_without_a_pause(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "settings")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    draft: Path | None = None
    typed = 0
    assert proc.stdout is not None
    try:
        while typed < 24:  # about six seconds of typing
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("DRAFT "):
                draft = Path(line.split(" ", 1)[1].strip())
            elif line.startswith("TYPED "):
                typed = int(line.split()[1])
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert typed >= 24, proc.stderr.read() if proc.stderr else ""
    assert draft is not None and draft.is_file(), "nothing was autosaved before the kill"
    names = json.loads(draft.read_text(encoding="utf-8"))["signature_names"]
    saved = max((len(n) for n in names), default=0)
    # at most AUTOSAVE_DELAY_MS (1.5 s, 6 keys) plus one interval of typing may be lost
    assert saved >= typed - 12, (saved, typed)
