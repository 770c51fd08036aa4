"""Start of the wizard, as ratios to a bare PySide6 QWizard (same run), issue #18.

Two figures, each over fresh Python processes:

- **first page painted**: the baseline shows an empty QWizard with one page; ours starts the real
  application (``assistant.gui.app.new_application`` and the wizard) with settings in a temporary
  folder. Goal: ratio <= 1.2.
- **all pages built**: the baseline shows a bare QWizard holding as many empty pages as ours has
  (all of them exist when its first page is painted); ours runs until the wizard has made every
  page and its actions (``AssistantWizard.ensure_pages``, right after the first paint). Goal:
  ratio <= 1.3.

The time of a sample runs from just before the process is started to the moment named, read in
the child on the same system-wide clock (``time.perf_counter``: CLOCK_MONOTONIC /
QueryPerformanceCounter), so the interpreter's exit is not counted. Baseline and ours alternate;
min and median of ``--runs`` (at least 5) are printed, and the peak resident memory of ours.

Ours also counts what PySide6 spends making the Python enums of the Qt types it touches (every
Qt class or namespace used for the first time builds all its enums, e.g. the ``Qt`` namespace 94
of them) — work a bare QWizard never does, printed so the remaining gap can be read.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

_HARNESS = """
import enum as _enum, json as _json, time as _time
_made = {"n": 0, "s": 0.0}
_create = _enum.EnumType._create_
def _counted(cls, *args, **kw):
    t = _time.perf_counter()
    try:
        return _create(cls, *args, **kw)
    finally:
        _made["n"] += 1
        _made["s"] += _time.perf_counter() - t
_enum.EnumType._create_ = _counted

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def _peak_mb():
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
    except OSError:
        return 0.0

def _mark(name, quit=False):
    print(name, _json.dumps({"at": _time.perf_counter(), "enums": _made["n"],
                             "enum_s": _made["s"], "peak_mb": _peak_mb()}), flush=True)
    if quit:
        QTimer.singleShot(0, QApplication.instance().quit)

class _Painted(QObject):
    def __init__(self, quit):
        super().__init__()
        self.quit = quit
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = True
            _mark("painted", self.quit)
        return False
"""

BASELINE = (
    _HARNESS
    + """
import sys
from PySide6.QtWidgets import QWizard, QWizardPage
app = QApplication(sys.argv)
wizard = QWizard()
pages = []
for i in range(int(sys.argv[1])):
    page = QWizardPage()
    page.setTitle(f"Step {i + 1}")
    wizard.addPage(page)
    pages.append(page)
watch = _Painted(quit=True)
pages[0].installEventFilter(watch)
wizard.show()
app.exec()
"""
)

OURS = (
    _HARNESS
    + """
import sys
from assistant.gui import app as gui_app
app = gui_app.new_application(sys.argv)
from assistant.gui.wizard import AssistantWizard
wizard = AssistantWizard(lang=gui_app.ui_language())
made = wizard.ensure_pages
def _all_made():
    first = not wizard.pages_built()
    made()
    if first:
        _mark("all_pages", quit=True)
wizard.ensure_pages = _all_made
watch = _Painted(quit=False)
wizard.show()
wizard.currentPage().installEventFilter(watch)
app.exec()
wizard.dirty = False
from assistant.gui import workers
workers.finish()
"""
)


def page_count() -> int:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
    from assistant.core.flow import PageId

    return len(PageId)


def sample(code: str, env: dict[str, str], *args: str) -> dict[str, dict[str, float]]:
    """Each mark the child printed: seconds since just before it was started, and its counts."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, env=env, capture_output=True, text=True
    )
    marks: dict[str, dict[str, float]] = {}
    for line in done.stdout.splitlines():
        name, _, data = line.partition(" ")
        if name in ("painted", "all_pages"):
            values = json.loads(data)
            values["at"] -= start
            marks[name] = values
    return marks


def _line(name: str, values: list[float], unit: str = " ms", scale: float = 1000.0) -> str:
    return (
        f"  {name:40} min {min(values) * scale:8.2f}{unit}   "
        f"median {statistics.median(values) * scale:8.2f}{unit}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    pages = str(page_count())
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["XDG_CONFIG_HOME"] = home  # our QSettings: an empty profile
        env["PYTHONPATH"] = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
        # compiled bytecode as an installed program has it (kept out of the source tree)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")
        sample(BASELINE, env, "1")  # warm the file cache and the bytecode
        sample(BASELINE, env, pages)
        sample(OURS, env)
        one, many, ours = [], [], []
        for _ in range(runs):
            one.append(sample(BASELINE, env, "1")["painted"])
            many.append(sample(BASELINE, env, pages)["painted"])
            ours.append(sample(OURS, env))
    first = [o["painted"]["at"] / b["at"] for o, b in zip(ours, one, strict=True)]
    every = [o["all_pages"]["at"] / b["at"] for o, b in zip(ours, many, strict=True)]
    print(f"{runs} runs each (baseline and ours alternate), {pages} pages:")
    print(_line("bare QWizard, 1 page painted", [b["at"] for b in one]))
    print(_line("our wizard, first page painted", [o["painted"]["at"] for o in ours]))
    print(_line("ratio first page (goal <= 1.2)", first, " x", 1.0))
    print(_line(f"bare QWizard, {pages} pages, painted", [b["at"] for b in many]))
    print(_line("our wizard, all pages built", [o["all_pages"]["at"] for o in ours]))
    print(_line("ratio all pages (goal <= 1.3)", every, " x", 1.0))
    print(
        _line("Qt enums made, ours, before first paint", [o["painted"]["enum_s"] for o in ours])
        + f"  ({ours[0]['painted']['enums']:.0f} enums; bare QWizard "
        f"{statistics.median(b['enum_s'] for b in one) * 1000:.2f} ms, {one[0]['enums']:.0f})"
    )
    print(
        _line("Qt enums made, ours, all pages", [o["all_pages"]["enum_s"] for o in ours])
        + f"  ({ours[0]['all_pages']['enums']:.0f} enums)"
    )
    print(_line("peak RSS, ours, all pages", [o["all_pages"]["peak_mb"] for o in ours], " MB", 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
