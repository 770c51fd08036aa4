"""Entry point of the desktop wizard: ``run(argv) -> exit code``.

Kept light: only QtWidgets and the wizard shell are imported before the first page is on screen;
rule packs, python-docx, pypdf and the renderer are imported when a page needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from assistant import __version__

ORGANIZATION = "SMS Signature Assistant"
APPLICATION = "sms-signature-assistant"
DISPLAY_NAME = "SMS Signature Assistant"


def configure_application(app: QApplication) -> None:
    """Names (for QSettings), icon, style and translators of the application object."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.sms_signature_assistant")
    icon = _icon_path()
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    if (
        sys.platform != "win32"
        and sys.platform != "darwin"
        and app.style().name().lower() == "windows"
    ):
        # the bare "Windows" style looks dated on Linux without a platform theme; Fusion follows
        # the palette (light and dark) properly
        app.setStyle("Fusion")
    install_translators(app, ui_language())


def _icon_path() -> Path | None:
    try:
        from assistant.resources import resource_path

        path = resource_path("icons", "sms-signature-assistant.svg")
    except FileNotFoundError:
        return None
    return path if path.exists() else None


def ui_language() -> str:
    """The interface language: the saved choice, else the system's (en, zh or id)."""
    from assistant.core.i18n import normalize_language
    from assistant.gui import settings

    return normalize_language(settings.language() or QLocale.system().name())


_translators: list[QTranslator] = []


def install_translators(app: QApplication, lang: str) -> None:
    """Qt's own strings (wizard buttons, dialogs) and ours, for ``lang``."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang == "en":
        return
    locale = QLocale({"zh": "zh_CN", "id": "id_ID"}.get(lang, lang))
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    try:
        from assistant.resources import resource_path

        folder = resource_path("i18n", "gui")
    except FileNotFoundError:
        return
    ours = QTranslator(app)
    if ours.load(locale, "assistant", "_", str(folder)):
        app.installTranslator(ours)
        _translators.append(ours)


def run(argv: Sequence[str]) -> int:
    """Start the wizard; ``argv[1]`` may name a case file to open."""
    argv = list(argv) or ["sms-signature-assistant"]
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)

    from assistant.gui.wizard import AssistantWizard

    wizard = AssistantWizard(lang=ui_language())
    case_arg = next((a for a in argv[1:] if not a.startswith("-")), None)
    wizard.show()
    if case_arg:
        QTimer.singleShot(0, lambda: wizard.open_case_path(Path(case_arg)))
    return int(app.exec())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv))
