"""The worker pools and cancel flag that every slow job uses: threads for the files of one case
(review, export), processes for the cases of a batch.

Core functions take a ``progress`` callback and a ``cancel`` callback and know nothing of Qt;
the GUI adapts them to its own signals. Results always come back in the order of the input, so
what is built from them is the same on every run.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from typing import Any, TypeVar

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
# At most this many processes work on the cases of a batch: each holds the libraries (Qt for the
# checklist, Pillow, python-docx) and one case's files, about 150 MB.
MAX_PROCESSES = 8
_file_workers_cap = MAX_FILE_WORKERS  # lowered in a batch's worker processes


def cpu_count() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int) -> int:
    """Threads for ``jobs`` independent file jobs: one per CPU this process may use, at most one
    per job and at most :data:`MAX_FILE_WORKERS` (fewer in a batch's worker processes, which
    share the CPUs)."""
    return max(1, min(cpu_count(), jobs, _file_workers_cap))


def process_count(jobs: int) -> int:
    """Processes for ``jobs`` independent cases: one per CPU, at most one per job and at most
    :data:`MAX_PROCESSES`."""
    return max(1, min(cpu_count(), jobs, MAX_PROCESSES))


def limit_file_workers(threads: int) -> None:
    """Use at most ``threads`` threads per case in this process (a batch's worker process: the
    processes already keep every CPU busy)."""
    global _file_workers_cap
    _file_workers_cap = max(1, min(threads, MAX_FILE_WORKERS))


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
        for _ in _finished(futures, cancel):
            first_open = next((i for i, f in enumerate(futures) if not f.done()), n)
            report(sum(f.done() for f in futures), first_open)
        if not all(f.done() for f in futures):
            return None  # cancelled
        return [f.result() for f in futures]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _finished(futures: Sequence[Future[_R]], cancel: Cancelled | None) -> Iterator[list[int]]:
    """The indexes of the futures that finished, a batch at a time; raises the first exception
    of a job; stops early when ``cancel()`` becomes true."""
    index = {f: i for i, f in enumerate(futures)}
    pending = set(futures)
    while pending:
        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            future.result()  # raises the job's exception here
        if cancel is not None and cancel():
            return
        yield sorted(index[f] for f in finished)


def completed_in_processes(
    items: Sequence[_T],
    work: Callable[[_T], _R],
    *,
    workers: int,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
    cancel: Cancelled | None = None,
) -> Iterator[tuple[int, _R]]:
    """``(index, work(item))`` as items finish in ``workers`` new processes (``spawn``: nothing
    of this process is inherited; ``work`` and the items must pickle). Stops starting items
    when ``cancel()`` becomes true; a crashed worker raises ``BrokenProcessPool`` here."""
    context = multiprocessing.get_context("spawn")
    pool: Executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs
    )
    try:
        futures = [pool.submit(work, item) for item in items]
        for indexes in _finished(futures, cancel):
            for i in indexes:
                yield i, futures[i].result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
