"""A PNG of every wizard page with a realistic case, in light and dark palette.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py --output shots/
    xvfb-run -a python scripts/screenshots.py --output shots/      # a real X server
    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py --size 1366x768@125% \
        --journey alibaba-self --lang zh --output shots/

With a DISPLAY (xvfb-run) the X server is used, else the offscreen platform. ``--size`` is one of
the three screens of #16: it sets the scale and keeps a task bar of 40 pixels free at the bottom
(the Xvfb screen itself must have that size: ``-s "-screen 0 WxHx24"``). A page whose content is
wider than the window (a horizontal scroll bar) is named on stderr.

Settings are redirected to a temporary folder, so the user's recent cases are neither shown nor
changed. Sample attachments are generated with Pillow; the qualification is filled as a user
would fill it (the demo's made-up people), with its ID photos attached.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

# the screens of #16: physical size and scale (QT_SCALE_FACTOR)
SIZES = {
    "1366x768@125%": (1366, 768, 1.25),
    "1920x1080@100%": (1920, 1080, 1.0),
    "1920x1080@200%": (1920, 1080, 2.0),
}
PANEL = 40  # physical pixels of task bar at the bottom of the screen


def journey_case(journey: str, folder: Path):  # -> Case
    """The case of ``journey`` (tests/gui/journeys.py), filled in as a user would."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.gui.journeys import journey_case as make

    return make(journey, folder)


def reserve_panel(app: QApplication, size: str) -> None:
    """The window placed as on a screen of ``size`` with a task bar at the bottom."""
    from assistant.gui import screen

    width, height, scale = SIZES[size]
    real = app.primaryScreen().geometry()
    wanted = QRect(0, 0, round(width / scale), round(height / scale))
    if real.size() != wanted.size():
        print(
            f"the screen is {real.width()}x{real.height()}, not {wanted.width()}x"
            f"{wanted.height()}: run under xvfb-run -a -s '-screen 0 {width}x{height}x24'",
            file=sys.stderr,
        )
    room = QRect(real.topLeft(), real.size())
    room.setHeight(real.height() - round(PANEL / scale))
    screen.available_geometry = lambda _widget: room


def too_wide(page: QWidget, name: str) -> None:
    """Say on stderr when the page scrolls sideways (its content wider than the window)."""
    for area in page.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.maximum() > 0:
            print(f"{name}: scrolls sideways by {bar.maximum()} px", file=sys.stderr)


def grab_whole(page: QWidget, path: Path) -> None:
    """The content of the page's scroll area, all of it, at the width it has on screen."""
    areas = [a for a in page.findChildren(QScrollArea) if a.isVisible() and a.widget()]
    if areas:
        areas[0].widget().grab().save(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("screenshots"))
    parser.add_argument("--lang", default="en", choices=("en", "zh", "id"))
    parser.add_argument(
        "--scale", type=float, default=1.0, help="QT_SCALE_FACTOR, e.g. 2 for 200 %%"
    )
    parser.add_argument(
        "--size",
        choices=sorted(SIZES),
        help="one of the screens of #16: its scale and a task bar (run under an Xvfb of that size)",
    )
    parser.add_argument(
        "--journey",
        default="tencent-others",
        choices=("tencent-others", "alibaba-self", "huawei-app"),  # tests/gui/journeys.py
    )
    parser.add_argument("--scheme", default="both", choices=("light", "dark", "both"))
    parser.add_argument(
        "--screen", action="store_true", help="grab the whole screen (does the window fit?)"
    )
    parser.add_argument(
        "--window",
        metavar="WxH",
        help="the window at this size (logical pixels), as if the user had resized it",
    )
    parser.add_argument(
        "--whole",
        action="store_true",
        help="also the whole content of each page, scrolled or not (NN-name-SCHEME-whole.png)",
    )
    args = parser.parse_args(argv)
    if args.size:
        args.scale = SIZES[args.size][2]
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    args.output.mkdir(parents=True, exist_ok=True)

    tmp = Path(tempfile.mkdtemp(prefix="sms-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from assistant.core.flow import PageId, pages
    from assistant.gui import settings
    from assistant.gui.app import configure_application
    from assistant.gui.languages import install_translators
    from assistant.gui.wizard import AssistantWizard

    configure_application(app)
    if args.size:
        reserve_panel(app, args.size)
    install_translators(app, args.lang)
    app.setStyle("Fusion")
    light = app.style().standardPalette()
    from assistant.gui.theme import dark_palette

    case_file = tmp / "xinghe.smscase.json"
    for path in ("xinghe.smscase.json", "lanjing-2024.smscase.json"):
        settings.add_recent_case(tmp / path)

    def grab(widget: QWidget, path: Path) -> None:
        if args.screen:
            screen = widget.screen()
            screen.grabWindow(0).save(str(path))
        else:
            widget.grab().save(str(path))
        written.append(path)

    written: list[Path] = []
    schemes = [("light", light), ("dark", dark_palette())]
    for scheme, palette in [x for x in schemes if args.scheme in ("both", x[0])]:
        app.setPalette(palette)
        wizard = AssistantWizard(lang=args.lang)  # placed as the program places it
        wizard.show()
        if args.window:
            width, height = (int(n) for n in args.window.lower().split("x"))
            wizard.resize(width, height)
        for _ in range(30):
            app.processEvents()
            time.sleep(0.01)
        grab(wizard, args.output / f"{int(PageId.START):02d}-start-{scheme}.png")
        wizard.ensure_pages()
        wizard.start_new_case()
        wizard.next()
        app.processEvents()
        grab(wizard, args.output / f"{int(PageId.PROVIDER):02d}-provider-new-{scheme}.png")

        case = journey_case(args.journey, tmp)
        from assistant.core.model import save_case

        save_case(case, case_file)
        wizard.replace_case(case, case_file)
        wizard.restart()
        app.processEvents()
        for page_id in pages(case)[1:]:
            wizard.go_to(int(page_id))
            page = wizard.currentPage()
            for _ in range(600):  # let background checks finish (at most ~30 s)
                app.processEvents()
                if not (hasattr(page, "busy") and page.busy()):
                    break
                time.sleep(0.05)
            for _ in range(30):
                app.processEvents()
            wizard.currentPage().setFocus(Qt.FocusReason.OtherFocusReason)
            name = PageId(wizard.currentId()).name.lower()
            grab(wizard, args.output / f"{wizard.currentId():02d}-{name}-{scheme}.png")
            too_wide(wizard.currentPage(), name)
            if args.whole:
                grab_whole(
                    wizard.currentPage(),
                    args.output / f"{wizard.currentId():02d}-{name}-{scheme}-whole.png",
                )
        wizard.dirty = False
        wizard.close()
        app.processEvents()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
