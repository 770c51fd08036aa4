"""Time to the first wizard page on screen, as a ratio to a bare PySide6 QWizard (same run).

Each sample is a fresh Python process that exits as soon as its first page has been painted:
the baseline shows an empty QWizard; ours starts the real application (``assistant.gui.app``)
with settings in a temporary folder. Medians of interleaved runs; goal: ratio <= 1.5.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

_EXIT_ON_PAINT = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class _Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.instance().quit)
        return False
"""

BASELINE = (
    _EXIT_ON_PAINT
    + """
import sys
from PySide6.QtWidgets import QWizard, QWizardPage
app = QApplication(sys.argv)
wizard = QWizard()
page = QWizardPage()
page.setTitle("Start")
wizard.addPage(page)
watch = _Painted()
page.installEventFilter(watch)
wizard.show()
app.exec()
"""
)

OURS = (
    _EXIT_ON_PAINT
    + """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from assistant.gui import app as gui_app
from assistant.gui.wizard import AssistantWizard
gui_app.configure_application(app)
wizard = AssistantWizard(lang=gui_app.ui_language())
watch = _Painted()
wizard.currentPage() or None
wizard.show()
wizard.currentPage().installEventFilter(watch)
app.exec()
wizard.dirty = False
"""
)


def sample(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["XDG_CONFIG_HOME"] = home  # our QSettings: an empty profile
        # compiled bytecode as an installed program has it (kept out of the source tree)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")
        sample(BASELINE, env)  # warm the file cache
        sample(OURS, env)
        base, ours = [], []
        for _ in range(args.runs):
            base.append(sample(BASELINE, env))
            ours.append(sample(OURS, env))
    b, o = statistics.median(base), statistics.median(ours)
    print(f"bare QWizard, first page shown:  {b * 1000:7.1f} ms (median of {args.runs})")
    print(f"our wizard, first page shown:    {o * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio: {o / b:.2f} (goal <= 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
