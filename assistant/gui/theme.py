"""Style and light/dark palette of the application.

Windows gets its native modern style ("windows11", else "windowsvista"), macOS its native one,
everything else Fusion. The palette follows the system's colour scheme: the platform theme
normally supplies a matching palette; when the system says "dark" but the palette is still light
(Fusion without a desktop theme plugin, the Vista style), :func:`dark_palette` is used instead.
A change of the system scheme while the program runs is followed too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

WINDOWS_STYLES = ("windows11", "windowsvista")


def style_arguments(
    argv: list[str], platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> list[str]:
    """Arguments that make a new QApplication start in Fusion where :func:`choose_style` would
    set it (not Windows or macOS), unless the user chose a style (``-style``,
    ``QT_STYLE_OVERRIDE``). Choosing it at construction keeps the ~6 ms of Python set-up of
    ``QStyle`` (asking for the style's name) out of the time to the first page."""
    env = os.environ if environ is None else environ
    chosen = env.get("QT_STYLE_OVERRIDE") or any(
        a == "-style" or a.startswith(("-style=", "--style")) for a in argv
    )
    if platform in ("win32", "darwin") or chosen:
        return []
    return ["-style", "Fusion"]


def choose_style(app: QApplication, platform: str = sys.platform) -> str:
    """Set the application style for ``platform``; returns its name (lower case)."""
    if platform == "win32":
        from PySide6.QtWidgets import QStyleFactory

        available = {k.lower() for k in QStyleFactory.keys()}  # noqa: SIM118 (not a dict)
        for name in WINDOWS_STYLES:
            if name in available:
                if app.style().name().lower() != name:
                    app.setStyle(name)
                return name
    elif platform != "darwin" and app.style().name().lower() != "fusion":
        # the bare "Windows" style looks dated on Linux without a desktop theme; Fusion follows
        # the palette (light and dark) properly
        app.setStyle("Fusion")
    return app.style().name().lower()


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette for Fusion (used when the system is dark but its palette is not)."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#38383d",
        QPalette.ColorRole.AlternateBase: "#242427",
        QPalette.ColorRole.ToolTipBase: "#3a3a3e",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#a0a0a6",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#3e3e43",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#6cb4ff",
        QPalette.ColorRole.LinkVisited: "#b48cff",
        QPalette.ColorRole.Highlight: "#3d7edb",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Light: "#4a4a4f",
        QPalette.ColorRole.Midlight: "#3e3e42",
        QPalette.ColorRole.Mid: "#2f2f33",
        QPalette.ColorRole.Dark: "#1a1a1c",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a80"))
    return p


class SchemeFollower:
    """Keeps the application palette in line with the system's colour scheme."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.forced_dark = False

    def apply(self, scheme: object = None) -> None:
        """``scheme``: the new ``Qt.ColorScheme`` (from the signal), else the current one."""
        from PySide6.QtCore import Qt

        if scheme is None:
            scheme = QGuiApplication.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Dark and not is_dark(self.app.palette()):
            self.app.setPalette(dark_palette())
            self.forced_dark = True
        elif scheme != Qt.ColorScheme.Dark and self.forced_dark:
            self.app.setPalette(self.app.style().standardPalette())
            self.forced_dark = False


_follower: SchemeFollower | None = None


def follow_color_scheme(app: QApplication) -> SchemeFollower:
    """Apply the system's scheme now and whenever it changes (idempotent)."""
    global _follower
    if _follower is None or _follower.app is not app:
        _follower = SchemeFollower(app)
        QGuiApplication.styleHints().colorSchemeChanged.connect(_follower.apply)
    _follower.apply()
    return _follower


def after_first_page(app: QApplication) -> None:
    """What can wait until the first page is on screen: the icon, following the system scheme.

    The platform theme already gives a dark palette to a dark desktop in the usual cases
    (Windows 11 style, macOS, KDE, GNOME); :mod:`assistant.gui.theme` only corrects the rest
    and follows changes while the program runs.
    """
    set_window_icon(app)
    follow_color_scheme(app)


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
