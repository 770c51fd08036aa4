"""Entry point of the desktop wizard: ``run(argv) -> exit code``.

Kept light: only QtWidgets and the wizard shell are imported before the first page is on screen;
rule packs, python-docx, pypdf and the renderer are imported when a page needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from assistant import __version__
from assistant.gui.languages import install_translators, ui_language

ORGANIZATION = "SMS Signature Assistant"
APPLICATION = "sms-signature-assistant"
DISPLAY_NAME = "SMS Signature Assistant"


def new_application(argv: Sequence[str]) -> QApplication:
    """The application object, configured; its style chosen at construction where we pick one
    (see :func:`assistant.gui.theme.style_arguments`)."""
    from assistant.gui import theme

    args = list(argv)
    app = QApplication(args + theme.style_arguments(args))
    # Windows and macOS: their native style is picked now; elsewhere Fusion (or the user's own
    # -style / QT_STYLE_OVERRIDE) was given to the constructor
    configure_application(app, style_chosen=sys.platform not in ("win32", "darwin"))
    return app


def configure_application(app: QApplication, style_chosen: bool = False) -> None:
    """Names (for QSettings), style, palette and translators of the application object;
    ``style_chosen``: the style was already given at construction."""
    from assistant.gui import theme

    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.sms_signature_assistant")
    if not style_chosen:
        theme.choose_style(app)
    install_translators(app, ui_language())
    # the palette follows the system's light/dark scheme from the first page on: see
    # AssistantWizard.ensure_pages (asking for the scheme costs ~15 ms of Qt enum set-up)


def case_argument(argv: Sequence[str]) -> Path | None:
    """The case file named on the command line, if any (the first argument not an option)."""
    arg = next((a for a in argv[1:] if not a.startswith("-")), None)
    return Path(arg) if arg else None


def run(argv: Sequence[str]) -> int:
    """Start the wizard; ``argv[1]`` may name a case file to open."""
    argv = list(argv) or ["sms-signature-assistant"]
    if QApplication.instance() is None:
        from assistant.gui.preflight import display_problem

        problem = display_problem()
        if problem is not None:
            print(problem, file=sys.stderr)
            return 2
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        configure_application(app)
    else:
        app = new_application(argv)

    from assistant.gui.wizard import AssistantWizard

    wizard = AssistantWizard(lang=ui_language())
    case = case_argument(argv)
    wizard.show()
    if case is not None:
        QTimer.singleShot(0, wizard, lambda: wizard.open_case_path(case))
    code = int(app.exec())
    from assistant.gui import workers

    workers.finish()  # no task left running into the interpreter's shutdown
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv))
