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


def configure_application(app: QApplication) -> None:
    """Names (for QSettings), style, palette and translators of the application object."""
    from assistant.gui import theme

    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.sms_signature_assistant")
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
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)

    from assistant.gui.wizard import AssistantWizard

    wizard = AssistantWizard(lang=ui_language())
    case = case_argument(argv)
    wizard.show()
    if case is not None:
        QTimer.singleShot(0, wizard, lambda: wizard.open_case_path(case))
    return int(app.exec())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv))
