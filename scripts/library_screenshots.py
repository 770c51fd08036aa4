"""PNGs of the case library with 50 imported clients in several states, the mapping step of the
spreadsheet import and the explain dialog, in one language.

    xvfb-run -a python scripts/library_screenshots.py --output shots/ --lang zh
    QT_QPA_PLATFORM=offscreen python scripts/library_screenshots.py --output shots/

Settings are redirected to a temporary folder; the cases are generated there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def varied_cases(folder: Path, licence: Path) -> None:
    """50 cases of an agency, a few in each state (the first five complete and exported)."""
    from assistant.core import status
    from assistant.core.model import load_case, save_case
    from tests.core.library_corpus import make_case_folder

    paths = sorted(make_case_folder(folder, 50))
    day = dt.date.today()
    for i, path in enumerate(paths):
        case, _ = load_case(path)
        assert case is not None
        name = case.signature_names[0]
        if i % 7 == 0:
            case.set_attachment("business_license", licence)
            status.mark_exported(case, day - dt.timedelta(days=20))
        if i % 7 == 1:
            status.mark_submitted(case, name, day - dt.timedelta(days=3), f"S-10{i:02d}")
        if i % 7 == 2:
            status.mark_rejected(case, name, "签名与企业名称不符", day - dt.timedelta(days=1))
        if i % 7 == 3:
            status.mark_approved(case, name, day - dt.timedelta(days=40))
            for carrier in ("china_mobile", "china_unicom", "china_telecom"):
                status.set_carrier(case, name, carrier, "filed", day - dt.timedelta(days=30))
        save_case(case, path)


def settle(app: QApplication, window: object, seconds: float = 30) -> None:
    start = time.monotonic()
    while getattr(window, "scanning")() and time.monotonic() - start < seconds:  # noqa: B009
        app.processEvents()
        time.sleep(0.02)
    for _ in range(30):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("screenshots"))
    parser.add_argument("--lang", default="en", choices=("en", "zh", "id"))
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="sms-library-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from assistant.gui.app import configure_application
    from assistant.gui.languages import install_translators

    configure_application(app)
    install_translators(app, args.lang)
    app.setStyle("Fusion")
    from scripts.screenshots import sample_files

    files = sample_files(tmp)
    varied_cases(tmp / "cases", files["business-license.jpg"])
    from assistant.gui.library import LibraryWindow
    from assistant.gui.wizard import AssistantWizard

    wizard = AssistantWizard(lang=args.lang)
    window = LibraryWindow(wizard, tmp / "cases")
    window.resize(1280, 760)
    window.show()
    settle(app, window)
    written = [args.output / f"library-{args.lang}.png"]
    window.grab().save(str(written[-1]))

    window.search.setText("科技")
    window.problem_filter.setCurrentIndex(window.problem_filter.findData("blocked"))
    window.apply_filters()
    window.table.selectRow(0)
    window.table.selectRow(1)
    settle(app, window)
    written.append(args.output / f"library-filtered-{args.lang}.png")
    window.grab().save(str(written[-1]))
    window.search.clear()
    window.problem_filter.setCurrentIndex(0)
    window.apply_filters()

    from assistant.gui.intake_dialog import IntakeDialog

    dialog = IntakeDialog(ROOT / "docs" / "example-clients.xlsx", tmp / "cases", args.lang, window)
    dialog.show()
    for _ in range(30):
        app.processEvents()
    written.append(args.output / f"library-import-{args.lang}.png")
    dialog.grab().save(str(written[-1]))
    dialog.close()

    from assistant.gui.library_dialogs import ExplainDialog

    rejected = next(r for r in window.model.rows() if r.stage == "rejected")
    explain = ExplainDialog(rejected, args.lang, window)
    explain.show()
    for _ in range(30):
        app.processEvents()
    written.append(args.output / f"library-explain-{args.lang}.png")
    explain.grab().save(str(written[-1]))
    explain.close()
    window.close()
    wizard.dirty = False
    wizard.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
