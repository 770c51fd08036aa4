"""Closing the program while background work still runs: no traceback, exit code 0.

Right after the first paint the wizard makes its pages and starts background work (imports of
the decoders, first checks). A user who closes the window at that moment used to see
``RuntimeError: can't register atexit after shutdown`` tracebacks from a worker that was still
importing while Python shut down. ``run`` now stops and waits for the pool before returning.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.gui import workers

ROOT = Path(__file__).resolve().parents[2]

# The real entry point; the window quits as soon as every page (and its content) exists.
_QUIT_AFTER_PAGES = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from assistant.gui import app as gui_app, wizard as W

made = W.AssistantWizard.ensure_pages
def ensure(self):
    made(self)
    for page_id in self.pageIds():
        getattr(self.page(page_id), "ensure_built", lambda: None)()
    QTimer.singleShot(0, QApplication.instance().quit)
W.AssistantWizard.ensure_pages = ensure
sys.exit(gui_app.run(["sms-signature-assistant"]))
"""


@pytest.mark.parametrize("attempt", range(3))
def test_closing_right_after_the_start_leaves_no_traceback(tmp_path: Path, attempt: int) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", _QUIT_AFTER_PAGES],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr


def test_finish_waits_for_a_running_task(qapp: object) -> None:
    import threading

    started, release = threading.Event(), threading.Event()
    ended: list[bool] = []

    def task(worker: workers.Worker) -> None:
        started.set()
        while not worker.is_cancelled() and not release.is_set():
            release.wait(0.01)
        ended.append(worker.is_cancelled())

    workers.start(workers.Worker(task))
    assert started.wait(10)
    assert workers.finish(10_000) is True  # cancelled, then waited for
    assert ended == [True]


def test_a_task_failing_while_the_program_closes_reports_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fail(_worker: workers.Worker) -> None:
        raise RuntimeError("can't register atexit after shutdown")

    worker = workers.Worker(fail)
    failed: list[str] = []
    worker.signals.failed.connect(failed.append)
    monkeypatch.setattr(sys, "is_finalizing", lambda: True)
    worker.run()
    assert failed == []
    assert "Traceback" not in capsys.readouterr().err
