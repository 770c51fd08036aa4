"""The Qt application the renderer needs, and the one font every printable document uses.

The font ships with the program (``resources/fonts/wqy-microhei.ttc``, WenQuanYi Micro Hei,
Apache 2.0; see ``resources/fonts/README.md``) and is registered with Qt at run time, so a PDF
is the same, byte for byte and in its copyable text, on every machine whatever fonts it has:
the system's fonts are used only for a character the bundled font lacks, and such a character
is a finding (:func:`font_findings`).
"""

from __future__ import annotations

import os
import sys
import unicodedata
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import text
from assistant.resources import resource_path

FONT_FILE = ("fonts", "wqy-microhei.ttc")
BODY_POINTS = 9.5
_APP: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a headless one (fonts and PDF output need one).

    The one created is a ``QApplication`` when QtWidgets is there (it always is with
    PySide6-Essentials): Qt cannot turn a ``QGuiApplication`` into one later, and a process that
    rendered a checklist may still open a window (the wizard, the GUI tests). Rendering itself
    uses QtGui only.
    """
    global _APP
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app_class: type[QGuiApplication]
    try:
        from PySide6.QtWidgets import QApplication

        app_class = QApplication
    except ImportError:  # pragma: no cover - a Qt without widgets
        app_class = QGuiApplication
    _APP = app_class(sys.argv[:1] or ["sms-signature-assistant"])
    return _APP


@cache
def bundled_family() -> str | None:
    """The family name of the bundled font once registered with Qt; None when the file is
    missing or Qt cannot load it (the checklist then falls back to the system's fonts)."""
    ensure_gui_application()
    path = resource_path(*FONT_FILE)
    if not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    proportional = [f for f in families if "Mono" not in f]
    return (proportional or families or [None])[0]


@cache
def _raw_font() -> QRawFont | None:
    family = bundled_family()
    if family is None:
        return None
    raw = QRawFont.fromFont(QFont(family))
    return raw if raw.isValid() and raw.familyName() == family else None


def cjk_font_family() -> str | None:
    """The font family that draws Chinese: the bundled one (None only if it cannot be loaded
    and no system font has Simplified Chinese glyphs either)."""
    family = bundled_family()
    if family is not None:
        return family
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return families[0] if families else None


def missing_characters(value: str) -> list[str]:
    """The characters of ``value`` the bundled font has no glyph for (in order, once each);
    white space, controls and Qt's object-replacement character (images) do not count."""
    raw = _raw_font()
    seen: list[str] = []
    for ch in value:
        if ch in seen or ch.isspace() or ch == "\ufffc" or unicodedata.category(ch)[0] == "C":
            continue
        if raw is None or not raw.supportsCharacter(ord(ch)):
            seen.append(ch)
    return seen


def font_findings(value: str, lang: str | None = None) -> list[Finding]:
    """A warning when the bundled font cannot be loaded (``render.no_cjk_font``), or when
    ``value`` has characters it cannot draw (``render.missing_glyphs``): those come from
    whatever font the system has, so the PDF differs from machine to machine."""
    if bundled_family() is None:
        return [
            Finding(
                Severity.WARNING,
                "render.no_cjk_font",
                text("render.no_cjk_font", lang),
                fix=text("render.no_cjk_font.fix", lang),
                subject="checklist.pdf",
            )
        ]
    missing = missing_characters(value)
    if not missing:
        return []
    shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:12])
    return [
        Finding(
            Severity.WARNING,
            "render.missing_glyphs",
            text("render.missing_glyphs", lang, chars=shown),
            fix=text("render.missing_glyphs.fix", lang),
            subject="checklist.pdf",
        )
    ]


def document_font(lang: str) -> QFont:
    """The body font of a printable document: the bundled font only, whatever ``lang`` (its
    Latin letters are Droid Sans), so no system font takes part in the layout."""
    ensure_gui_application()
    font = QFont()
    family = cjk_font_family()
    if family:
        font.setFamilies([family])
    font.setPointSizeF(BODY_POINTS)
    # the system's font configuration (fontconfig's hinting style) must not change glyph
    # advances: outlines as designed, the same on every machine
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    plain_text_shaping(font)
    return font


def plain_text_shaping(font: QFont) -> None:
    """Turn off the standard ligatures (``liga``) of ``font``: a PDF then draws "fi" as two
    glyphs, so text copied or extracted from it reads "certificate", not "certiﬁcate" (U+FB01),
    and a search for the word finds it (``QFont.setFeature``, Qt >= 6.7)."""
    font.setFeature(QFont.Tag("liga"), 0)
