"""Entry point of the desktop wizard: ``run(argv) -> exit code``.

Kept light: only QtWidgets and the wizard shell are imported before the first page is on screen;
rule packs, python-docx, pypdf and the renderer are imported when a page needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from assistant import __version__

ORGANIZATION = "SMS Signature Assistant"
APPLICATION = "sms-signature-assistant"
DISPLAY_NAME = "SMS Signature Assistant"

# Interface languages (with a translation in resources/i18n/gui), each named in itself for the
# Language menu. English is the source language of the program.
UI_LANGUAGES = {"en": "English", "zh": "中文（简体）", "id": "Bahasa Indonesia"}
QT_LOCALES = {"en": "en_US", "zh": "zh_CN", "id": "id_ID"}


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


def after_first_page(app: QApplication) -> None:
    """What can wait until the first page is on screen: the icon, following the system scheme.

    The platform theme already gives a dark palette to a dark desktop in the usual cases
    (Windows 11 style, macOS, KDE, GNOME); :mod:`assistant.gui.theme` only corrects the rest
    and follows changes while the program runs.
    """
    from assistant.gui import theme

    set_window_icon(app)
    theme.follow_color_scheme(app)


def set_window_icon(app: QApplication) -> None:
    """The application icon (loading the SVG takes a few milliseconds)."""
    from PySide6.QtGui import QIcon

    icon = _icon_path()
    if icon is not None and app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(icon)))


def _icon_path() -> Path | None:
    try:
        from assistant.resources import resource_path

        path = resource_path("icons", "sms-signature-assistant.svg")
    except FileNotFoundError:
        return None
    return path if path.exists() else None


def normalize_ui_language(lang: str | None) -> str:
    """``zh_CN``, ``zh-Hans``, ``id_ID`` … -> one of :data:`UI_LANGUAGES` (English otherwise)."""
    base = (lang or "").replace("-", "_").split("_")[0].lower()
    return base if base in UI_LANGUAGES else "en"


def ui_language() -> str:
    """The interface language: the one chosen in the Language menu, else the system's."""
    from assistant.gui import settings

    return normalize_ui_language(settings.language() or QLocale.system().name())


_translators: list[QTranslator] = []


def translations_folder() -> Path | None:
    try:
        from assistant.resources import resource_path

        folder = resource_path("i18n", "gui")
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


def install_translators(app: QApplication, lang: str) -> None:
    """Qt's own strings (wizard buttons, dialogs) and ours, for ``lang``."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang == "en":
        return
    locale = QLocale(QT_LOCALES.get(lang, lang))
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    folder = translations_folder()
    if folder is None:
        return
    ours = QTranslator(app)
    if ours.load(locale, "assistant", "_", str(folder)):
        app.installTranslator(ours)
        _translators.append(ours)


def case_argument(argv: Sequence[str]) -> Path | None:
    """The case file named on the command line, if any (the first argument not an option)."""
    arg = next((a for a in argv[1:] if not a.startswith("-")), None)
    return Path(arg) if arg else None


def run(argv: Sequence[str]) -> int:
    """Start the wizard; ``argv[1]`` may name a case file to open."""
    argv = list(argv) or ["sms-signature-assistant"]
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)

    from assistant.gui.wizard import AssistantWizard

    wizard = AssistantWizard(lang=ui_language())
    case = case_argument(argv)
    wizard.show()
    if case is not None:
        QTimer.singleShot(0, lambda: wizard.open_case_path(case))
    return int(app.exec())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv))
