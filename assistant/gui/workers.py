"""Slow work off the GUI thread: a QRunnable running a plain function, with progress and cancel.

``Worker(fn)`` runs ``fn(worker)`` in the global QThreadPool. Inside, the function passes the
worker's adapters to the core in whichever convention that core function uses:
``worker.report(done, total, what)`` / ``worker.report_fraction(f)`` for progress, and
``worker.cancel_event`` (``is_set()``) or ``worker.is_cancelled`` (a callable) for cancel. The
result comes back on the GUI thread through ``finished``; an exception through ``failed`` (the
window never crashes because a check did).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

REPORT_INTERVAL = 0.04  # seconds between two progress reports of one worker


class WorkerSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a message for the user (the traceback goes to stderr)
    cancelled = Signal()


class Worker(QRunnable):
    def __init__(self, fn: Callable[[Worker], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.cancel_event = threading.Event()
        self.signals = WorkerSignals()
        self._reported = -REPORT_INTERVAL
        self.setAutoDelete(False)  # the Python object owns it: signals stay valid after run()

    # ---- adapters for the core's conventions
    def cancel(self) -> None:
        self.cancel_event.set()

    def is_cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def report(self, done: int, total: int, what: str = "") -> None:
        """Progress, at most every :data:`REPORT_INTERVAL` seconds (and always the last step):
        each report is an event the GUI thread handles, a core loop may report thousands."""
        if self.cancel_event.is_set():
            return
        now = time.monotonic()
        if done < total and now - self._reported < REPORT_INTERVAL:
            return
        self._reported = now
        self.signals.progress.emit(int(done), int(total), str(what))

    def report_fraction(self, fraction: float, what: str = "") -> None:
        self.report(int(max(0.0, min(1.0, float(fraction))) * 1000), 1000, what)

    def run(self) -> None:
        _yield_to_the_window()
        try:
            result = self.fn(self)
        except Exception as exc:  # report to the user, never crash the window
            if self.cancel_event.is_set() or sys.is_finalizing():
                return  # stopped, or the program closed under it: nothing to report
            traceback.print_exc()
            with contextlib.suppress(RuntimeError):  # the program is closing
                self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        try:
            if self.cancel_event.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        except RuntimeError:  # the program is closing: nobody is left to tell
            pass


def guard(owner: QObject, slot: Callable[..., Any]) -> Callable[..., None]:
    """``slot``, called only while ``owner`` (the page or object it updates) still exists: a
    result may arrive after its window was closed."""
    import shiboken6

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            slot(*args)

    return call


_lowered = threading.local()
BACKGROUND_NICE = 10  # Linux: a background thread's niceness (the window's thread keeps 0)


def _yield_to_the_window() -> None:
    """Background work gives way to the window's thread when both want a core: the pool's
    threads run below normal priority (Linux: a niceness of their own; elsewhere Qt's low
    thread priority). The checks still use every idle core."""
    if getattr(_lowered, "done", False):
        return
    _lowered.done = True
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)
    else:
        from PySide6.QtCore import QThread

        thread = QThread.currentThread()
        if thread is not None:
            thread.setPriority(QThread.Priority.LowPriority)


_running: set[Worker] = set()


def pool() -> QThreadPool:
    """The pool every background task runs in (tests drain it after each test)."""
    return QThreadPool.globalInstance()


def start(worker: Worker) -> Worker:
    """Run ``worker`` in the pool; it is kept alive until it has reported its end."""
    _running.add(worker)
    for signal in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
        signal.connect(lambda *_: _running.discard(worker))
    pool().start(worker)
    return worker


def cancel_all() -> None:
    for worker in list(_running):
        worker.cancel()


def finish(timeout_ms: int = 3000) -> bool:
    """When the window has closed: stop every task and wait (at most ``timeout_ms``) until the
    pool's threads are idle, so none is still importing or writing while Python shuts down.
    False when one is still running after the wait."""
    for worker in list(_running):
        worker.cancel()
    return bool(pool().waitForDone(timeout_ms))
