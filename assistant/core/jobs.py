"""The one worker pool and cancel flag that every slow job uses (review, export, batch).

Core functions take a ``progress`` callback and a ``cancel`` callback and know nothing of Qt;
the GUI adapts them to its own signals. Results always come back in the order of the input, so
what is built from them is the same on every run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TypeVar

Progress = Callable[[int, int, str], None]  # (done, total, what)
Cancelled = Callable[[], bool]


class CallbackFlag:
    """A ``cancel()`` callback as the flag the attachments module takes (an object with
    ``is_set()``, like a ``threading.Event``)."""

    def __init__(self, cancel: Cancelled | None) -> None:
        self._cancel = cancel

    def is_set(self) -> bool:
        return bool(self._cancel is not None and self._cancel())


_T = TypeVar("_T")
_R = TypeVar("_R")


# At most this many files are worked on at once: each job may hold a decoded image of up to the
# attachments' decode budget (50 MP, 150 MB) and its resized copies, so memory stays bounded on
# machines with many CPUs.
MAX_FILE_WORKERS = 4


def worker_count(jobs: int) -> int:
    """Threads for ``jobs`` independent file jobs: one per CPU this process may use, at most one
    per job and at most :data:`MAX_FILE_WORKERS`."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, jobs, MAX_FILE_WORKERS))


def run_in_order(
    items: Sequence[_T],
    work: Callable[[_T], _R],
    *,
    progress: Callable[[int, str], None] | None = None,
    label: Callable[[_T], str] = str,
    cancel: Cancelled | None = None,
    workers: int | None = None,
) -> list[_R] | None:
    """``work(item)`` for every item, ``workers`` at a time (default :func:`worker_count`), the
    results in the order of ``items`` whatever finished first — so what is built from them is
    the same on every run.

    ``progress(done, what)`` is called in the calling thread: at the start and as each item
    finishes, with the number finished and the label of the first item not finished yet (``""``
    when all are). When ``cancel()`` becomes true no further item is started and None is
    returned (a running ``work`` should watch ``cancel`` itself). An exception of ``work`` is
    raised here, after the items not yet started are dropped.
    """
    n = len(items)
    workers = worker_count(n) if workers is None else max(1, min(workers, n))

    def report(done: int, first_open: int) -> None:
        if progress is not None:
            progress(done, label(items[first_open]) if first_open < n else "")

    if workers <= 1:
        results: list[_R] = []
        for i, item in enumerate(items):
            if cancel is not None and cancel():
                return None
            report(i, i)
            results.append(work(item))
        report(n, n)
        return results

    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sms-files")
    try:
        futures: list[Future[_R]] = [pool.submit(work, item) for item in items]
        report(0, 0)
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                future.result()  # raises the job's exception here
            if cancel is not None and cancel():
                return None
            first_open = next((i for i, f in enumerate(futures) if not f.done()), n)
            report(n - len(pending), first_open)
        return [f.result() for f in futures]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
