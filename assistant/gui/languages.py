"""The interface language: which ones exist, the one in use, and Qt's translators for it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

# Interface languages (with a translation in resources/i18n/gui), each named in itself for the
# Language menu. English is the source language of the program.
UI_LANGUAGES = {"en": "English", "zh": "中文（简体）", "id": "Bahasa Indonesia"}
QT_LOCALES = {"en": "en_US", "zh": "zh_CN", "id": "id_ID"}


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
