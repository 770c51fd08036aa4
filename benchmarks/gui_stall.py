"""The longest stall of the GUI event loop while ten 24 MP photos are checked, as a ratio to a
bare thread pool doing the same work (same run).

Each sample is a fresh process (offscreen Qt) with a 5 ms timer on the GUI thread; the stall is
the longest gap between two of its ticks, less 5 ms, from the moment the checks run (ours: right
after the ten attach calls, whose own GUI time is printed apart) until every check has ended. Two ways of checking the same ten photos (6000×4000 JPEG, noisy like a phone photo):

- ``ours``: the real wizard on the Documents page of a Huawei app case for another organization
  (ten documents), each photo attached through its row: hashed, inspected, thumbnailed in the
  background by :mod:`assistant.gui.checker`, rows and progress updated as the program does.
- ``bare``: a QThreadPool of QRunnables doing the same hash + ``inspect_file`` + thumbnail, the
  result sent to the GUI thread with a signal; nothing else on screen (the irreducible cost: the
  decoders and the GIL).

Prints, per kind, the min and median over the runs of the longest stall and of the wall time,
the peak resident memory of the process, and the ratio of the medians. Goal (#18): ours ≤ 50 ms.

    python benchmarks/gui_stall.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DOCUMENTS = [
    "authorization_letter",
    "business_license",
    "three_in_one_certificate",
    "five_in_one_certificate",
    "public_institution_certificate",
    "social_organization_certificate",
    "org_code_certificate",
    "law_enforcement_certificate",
    "social_credit_certificate",
    "app_icp_filing_screenshot",
]

_CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
CFG = json.loads(os.environ["GUI_STALL_CONFIG"])
ROOT, SETTINGS, PHOTOS, DOCUMENTS, KIND = (CFG[k] for k in ("root", "settings", "photos", "documents", "kind"))
sys.path.insert(0, ROOT)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, SETTINGS)
app = QApplication(sys.argv[:1])
photos = [Path(p) for p in PHOTOS]


class Meter:
    def __init__(self):
        self.last = None
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)

    def tick(self):
        now = time.perf_counter()
        if self.last is not None:
            self.worst = max(self.worst, now - self.last - 0.005)
        self.last = now

    def start(self):
        self.last = time.perf_counter()
        self.timer.start()


ATTACH = [0.0]  # GUI time of the attach calls themselves (ours), before the checks


def finish(meter, started):
    meter.timer.stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"stall_ms": meter.worst * 1000, "wall_s": time.perf_counter() - started,
                      "peak_mb": peak, "attach_ms": ATTACH[0] * 1000}), flush=True)
    app.quit()


def bare():
    from assistant.core.attachments import inspect_file, thumbnail
    from assistant.core.fsio import sha256_file

    class Signals(QObject):
        done = Signal(object)

    class Job(QRunnable):
        def __init__(self, path, doc):
            super().__init__()
            self.path, self.doc, self.signals = path, doc, Signals()

        def run(self):
            sha256_file(self.path)
            inspection = inspect_file(self.path, "huawei", self.doc, None, "en")
            thumbnail(self.path, 240)
            self.signals.done.emit(inspection)

    from PIL import Image

    import assistant.core.review.areas.attachments  # noqa: F401  (as the checker warms up)

    Image.init()
    left = [len(photos)]
    meter = Meter()
    jobs = [Job(p, d) for p, d in zip(photos, DOCUMENTS)]

    def one_done(_result):
        left[0] -= 1
        if not left[0]:
            finish(meter, started)

    for job in jobs:
        job.setAutoDelete(False)
        job.signals.done.connect(one_done)
    pool = QThreadPool.globalInstance()
    # the pool as the program has it (workers.pool(): one thread per core), for both kinds
    meter.start()
    started = time.perf_counter()
    for job in jobs:
        pool.start(job)
    app.exec()


def ours():
    from assistant.core.flow import PageId
    from assistant.gui.app import configure_application
    from assistant.gui.wizard import AssistantWizard

    configure_application(app)
    wizard = AssistantWizard(lang="en")
    wizard.show()
    app.processEvents()
    wizard.ensure_pages()
    wizard.start_new_case()
    case = wizard.case
    case.provider, case.purpose, case.type = "huawei", "others", "app"
    wizard.answered.update({"provider", "region", "account", "purpose"})
    wizard.restart()
    wizard.go_to(int(PageId.DOCUMENTS))
    page = wizard.currentPage()
    for _ in range(20):
        app.processEvents()
    meter = Meter()

    def check_done():
        if not page.busy():
            poll.stop()
            wizard.dirty = False
            finish(meter, started)

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(check_done)
    # a user needs a moment to pick the files: the page's background import has ended by then
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    started = time.perf_counter()
    for photo, doc in zip(photos, DOCUMENTS):  # ten attaches in one go (for the record)
        page.attach_files(doc, [photo])
    ATTACH[0] = time.perf_counter() - started
    meter.start()  # from here on the photos are checked
    poll.start()
    app.exec()


{"bare": bare, "ours": ours}[KIND]()
"""


def make_photos(folder: Path, count: int = 10) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from tests.core.corpus import noisy_photo

    photos = []
    for i in range(count):
        path = folder / f"photo-{i:02d}.jpg"
        noisy_photo((6000, 4000), seed=i + 1).save(path, "JPEG", quality=85)
        photos.append(path)
    return photos


def sample(kind: str, photos: list[Path], settings: Path) -> dict[str, float]:
    config = {
        "root": str(ROOT),
        "settings": str(settings),
        "photos": [str(p) for p in photos],
        "documents": DOCUMENTS,
        "kind": kind,
    }
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUI_STALL_CONFIG=json.dumps(config))
    # compiled modules as an installed program has them (kept out of the source tree)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(settings.parent / "pycache")
    out = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the {kind} run failed:\n{out.stderr}")
    line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
    result: dict[str, float] = json.loads(line)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sms-stall-") as tmp:
        folder = Path(tmp)
        photos = make_photos(folder)
        samples: dict[str, list[dict[str, float]]] = {"bare": [], "ours": []}
        for kind in ("bare", "ours"):  # a first run of each writes the compiled modules
            (folder / f"settings-{kind}-warm").mkdir()
            sample(kind, photos, folder / f"settings-{kind}-warm")
        for run in range(args.runs):  # interleaved: both kinds see the same machine load
            for kind in ("bare", "ours"):
                settings = folder / f"settings-{kind}-{run}"
                settings.mkdir()
                samples[kind].append(sample(kind, photos, settings))
    cores = os.cpu_count()
    print(f"ten 24 MP photos checked, {args.runs} runs each, {cores} cores (ms; wall s; peak MB)")
    medians = {}
    for kind, runs in samples.items():
        stalls = [r["stall_ms"] for r in runs]
        walls = [r["wall_s"] for r in runs]
        medians[kind] = statistics.median(stalls)
        print(
            f"  {kind:5}  longest stall min {min(stalls):6.1f}  median {medians[kind]:6.1f}"
            f"   wall min {min(walls):5.2f}  median {statistics.median(walls):5.2f}"
            f"   peak {max(r['peak_mb'] for r in runs):6.0f} MB"
        )
        if kind == "ours":
            attach = statistics.median(r["attach_ms"] for r in runs)
            print(f"         (attaching the ten files, before the checks: median {attach:.0f} ms)")
    ratio = medians["ours"] / medians["bare"] if medians["bare"] else float("inf")
    print(f"  ratio of the medians (ours / bare pool): {ratio:.2f}   goal: ours <= 50 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
