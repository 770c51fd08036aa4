"""Slow work off the GUI thread: a QRunnable running a plain function with progress and cancel.

The function gets ``progress(done: int, total: int, message: str)`` and ``cancel: threading.Event``
keyword arguments (the core's convention: it knows nothing of Qt). Its result comes back on the GUI
thread through the ``finished`` signal; an exception through ``failed`` (never a crash).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised by a task that noticed its cancel flag."""


class WorkerSignals(QObject):
    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a message for the user (the traceback goes to stderr)
    cancelled = Signal()


class Worker(QRunnable):
    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.cancel_event = threading.Event()
        self.signals = WorkerSignals()
        self.setAutoDelete(True)

    def cancel(self) -> None:
        self.cancel_event.set()

    def _progress(self, done: int, total: int, message: str = "") -> None:
        if not self.cancel_event.is_set():
            self.signals.progress.emit(int(done), int(total), str(message))

    def run(self) -> None:
        signals = self.signals  # keep a reference: the runnable may be deleted when run() returns
        try:
            result = self.fn(
                *self.args, progress=self._progress, cancel=self.cancel_event, **self.kwargs
            )
        except Cancelled:
            signals.cancelled.emit()
            return
        except Exception as exc:
            traceback.print_exc()
            signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if self.cancel_event.is_set():
            signals.cancelled.emit()
        else:
            signals.finished.emit(result)


def pool() -> QThreadPool:
    """The pool every background task runs in (tests drain it after each test)."""
    return QThreadPool.globalInstance()


def start(worker: Worker) -> Worker:
    pool().start(worker)
    return worker
