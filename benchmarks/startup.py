"""Time to the first wizard page on screen, as a ratio to a bare PySide6 QWizard (same run).

Each sample is a fresh Python process that exits as soon as its first page has been painted:
the baseline shows an empty QWizard; ours starts the real application (``assistant.gui.app``)
with settings in a temporary folder. The time of a sample runs from just before the process is
started to the first paint of the page, read in the child on the same system-wide clock
(``time.perf_counter``: CLOCK_MONOTONIC / QueryPerformanceCounter), so the interpreter's exit
is not counted. Medians of interleaved runs; goal: ratio <= 1.5. The whole run (up to the
process's exit) is printed too, for information.

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

import time as _time

class _Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = _time.perf_counter()
            print(f"painted {self.at!r}", flush=True)
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
from assistant.gui import app as gui_app
app = gui_app.new_application(sys.argv)
from assistant.gui.wizard import AssistantWizard
wizard = AssistantWizard(lang=gui_app.ui_language())
watch = _Painted()
wizard.show()
wizard.currentPage().installEventFilter(watch)
app.exec()
wizard.dirty = False
from assistant.gui import workers
workers.finish()
"""
)


def sample(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the first paint, seconds to the end of the process)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True
    )
    end = time.perf_counter()
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("painted "))
    return float(line.split()[1]) - start, end - start


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
    b = statistics.median(s[0] for s in base)
    o = statistics.median(s[0] for s in ours)
    b_all = statistics.median(s[1] for s in base)
    o_all = statistics.median(s[1] for s in ours)
    print(f"bare QWizard, first page shown:  {b * 1000:7.1f} ms (median of {args.runs})")
    print(f"our wizard, first page shown:    {o * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio: {o / b:.2f} (goal <= 1.5)")
    print(
        f"(whole runs up to the process exit: {b_all * 1000:.1f} ms and {o_all * 1000:.1f} ms, "
        f"ratio {o_all / b_all:.2f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
