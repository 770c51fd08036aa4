"""The window on the screen: as large as it is comfortable, never larger than the screen's
available geometry (the screen without task bars and docks, in device-independent pixels, so a
1366×768 screen at 125 % is 1093×614 minus the task bar), and at the size the user left it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(980, 700)  # what the pages are laid out for
# The window frame (title bar, borders) before the window manager has told us its real size.
ASSUMED_FRAME = QMargins(4, 32, 4, 4)


def available_geometry(widget: QWidget) -> QRect:
    """The available geometry of the screen the widget is on (tests replace this function)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def fit_rect(available: QRect, wanted: QRect, frame: QMargins) -> QRect:
    """``wanted`` (the client area) shrunk and moved so that it and its ``frame`` fit in
    ``available``; a position outside the screen (a monitor unplugged since) is centred."""
    room = available.marginsRemoved(frame)
    size = wanted.size().boundedTo(room.size())
    rect = QRect(wanted.topLeft(), size)
    if not room.contains(rect):
        if room.intersects(rect):
            rect.moveLeft(min(max(rect.left(), room.left()), room.right() - size.width() + 1))
            rect.moveTop(min(max(rect.top(), room.top()), room.bottom() - size.height() + 1))
        else:
            rect.moveCenter(room.center())
    return rect


def frame_margins(window: QWidget) -> QMargins:
    """The frame the window manager draws around ``window`` (a guess before it is shown)."""
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame != inner:
        return QMargins(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
    return ASSUMED_FRAME


def place_window(window: QWidget, saved: QByteArray | None) -> None:
    """The size (and place) the user left the window at, else :data:`PREFERRED` centred; either
    way within the available geometry of its screen."""
    available = available_geometry(window)
    if saved is not None and window.restoreGeometry(saved):
        wanted = window.geometry()
    else:
        wanted = QRect(0, 0, PREFERRED.width(), PREFERRED.height())
        wanted.moveCenter(available.center())
    window.setGeometry(fit_rect(available, wanted, frame_margins(window)))


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move ``window`` back inside its screen (after the frame is known)."""
    rect = fit_rect(available_geometry(window), window.geometry(), frame_margins(window))
    if rect != window.geometry():
        window.setGeometry(rect)
