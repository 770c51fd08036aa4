"""Entry of the packaging smoke test's second executable (built only with SMS_ASSISTANT_SMOKE=1,
see the spec): the real wizard (``assistant.gui.app.run``) in the frozen bundle, and after a
while a screenshot of its window to ``$SMS_ASSISTANT_SCREENSHOT``; exit 0 when it was saved.

It shares the bundle's folder, libraries, Qt plugins and resources with the app itself, so it
proves that the frozen GUI starts; packaging/smoke.py runs it offscreen.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    target = os.environ["SMS_ASSISTANT_SCREENSHOT"]
    delay = int(os.environ.get("SMS_ASSISTANT_SCREENSHOT_MS", "3000"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from assistant.gui.app import run

    app = QApplication(sys.argv[:1])

    def shoot() -> None:
        windows = [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow()]
        saved = bool(windows) and windows[0].grab().save(target, "PNG")
        print(f"screenshot: {target if saved else 'NOT SAVED'} ({len(windows)} window(s))")
        app.exit(0 if saved else 3)

    QTimer.singleShot(delay, shoot)
    return run(sys.argv[:1])


if __name__ == "__main__":
    sys.exit(main())
