"""Before Qt starts: is there a display, and are the libraries of Qt's xcb platform there?

Without a display Qt aborts the process (exit 134) with a hint about ``libxcb-cursor0`` whatever is
missing; these checks say in one line what is wrong and how to use the command line instead.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

from assistant.core.i18n import environment_language, text

# soname -> Debian/Ubuntu package, for Qt 6's xcb platform plugin
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def missing_xcb_packages() -> list[str]:
    missing = []
    for soname, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def display_problem(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """A one-line explanation when the window cannot open on this machine, else None."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if qpa and qpa != "xcb":  # offscreen, wayland, vnc …: Qt's own business
        return None
    if not qpa and env.get("WAYLAND_DISPLAY"):  # Qt picks Wayland there
        return None
    lang = environment_language(env)
    if not env.get("DISPLAY"):
        return text("gui.no_display", lang)
    missing = missing_xcb_packages()
    if missing:
        return text("gui.missing_xcb", lang, packages=" ".join(missing))
    return None
