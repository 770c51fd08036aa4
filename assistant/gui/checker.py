"""The attached files of the case, checked off the GUI thread: for each document one background
job that hashes the file, inspects it and makes its thumbnail. Results are kept per file (path,
size, modification time, provider, region, language), so going back and forth checks nothing
twice. Every page shows the review's verdict on a file (:func:`review.areas.attachments.verdict`):
the Documents page, and the Letter page for the signed scan.

Progress from the jobs is coalesced: the pages repaint at most every :data:`PROGRESS_MS`, and a
result refreshes only the row of its document (``rowChanged``).
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from assistant.gui import workers

if TYPE_CHECKING:
    from assistant.core.attachments import Inspection
    from assistant.core.findings import Finding
    from assistant.core.model import Attachment, Case

THUMB = 120
PROGRESS_MS = 50  # at most 20 repaints of the progress a second

Key = tuple[str, str, int, int, str]


@dataclass
class Checked:
    """One attached file, checked: its inspection, the review's verdict on it, a thumbnail."""

    inspection: Inspection
    thumbnail: bytes | None  # PNG
    sha256: str
    verdict: list[Finding] = field(default_factory=list)
    # the thumbnail as the row shows it, scaled in the worker (QImage works off the GUI thread)
    icon: QImage | None = None

    @property
    def fixable(self) -> bool:
        """The bundle would fix something: a "Preview fix" can show what."""
        from assistant.core.attachments import FIXABLE_CODES

        return any(f.code in FIXABLE_CODES for f in self.verdict)

    @property
    def status(self) -> str:
        """``problems`` (an error), ``warnings``, ``fixed`` (the bundle fixes it) or ``ok``."""
        severities = {f.severity.value for f in self.verdict}
        if "error" in severities:
            return "problems"
        if "warning" in severities:
            return "warnings"
        return "fixed" if self.fixable else "ok"


def png(image: Any) -> bytes | None:
    if image is None:
        return None
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def row_icon(thumb: bytes | None) -> QImage | None:
    """The PNG thumbnail decoded and scaled for a row, in the calling (worker) thread."""
    image = QImage()
    if not thumb or not image.loadFromData(thumb):
        return None
    return image.scaled(
        THUMB - 4,
        THUMB - 4,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _check_task(path: str, provider: str, document: str, region: str | None, lang: str) -> Any:
    def task(worker: workers.Worker) -> Checked:
        from assistant.core.attachments import inspect_file, thumbnail
        from assistant.core.fsio import sha256_file
        from assistant.core.review.areas.attachments import verdict

        try:
            digest = sha256_file(path)
        except OSError:
            digest = ""  # the inspection says why the file cannot be read
        inspection = inspect_file(
            path,
            provider,
            document,
            region,
            lang,
            progress=worker.report_fraction,
            cancel=worker.cancel_event,
        )
        thumb = None if worker.is_cancelled() else png(thumbnail(path, THUMB * 2))
        said = verdict(inspection.findings, document, lang)
        return Checked(inspection, thumb, digest, said, row_icon(thumb))

    return task


def _import_check_modules(_worker: workers.Worker) -> None:
    """What a check needs (decoders, every Pillow format plugin, the review's verdict),
    imported off the GUI thread: a first check would otherwise import some fifty modules while
    holding the interpreter's lock, and the window would wait."""
    from PIL import Image

    import assistant.core.attachments
    import assistant.core.review.areas.attachments  # noqa: F401

    Image.init()


class AttachmentChecker(QObject):
    rowChanged = Signal(str)  # a document's file was checked, stopped … (its row only)
    attachmentsChanged = Signal(str)  # a file was attached or removed (its group may change)
    progressChanged = Signal()  # coalesced: at most every PROGRESS_MS
    failed = Signal(str, str)  # document, message

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        self.results: dict[Key, Checked] = {}
        self.running: dict[str, workers.Worker] = {}  # document -> its check (or fix)
        self.running_keys: dict[str, Key | None] = {}
        self.parts: dict[str, float] = {}
        self.stopped: set[Key] = set()
        self._stats: dict[str, tuple[int, int]] = {}
        self._warm = False
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self._tick)
        self._progress_dirty = False

    def warm_up(self) -> None:
        """Import what the checks need in the background, before the first file is attached."""
        if not self._warm:
            self._warm = True
            workers.start(workers.Worker(_import_check_modules))

    # ------------------------------------------------------------------ state
    @property
    def case(self) -> Case:
        case: Case = self.wizard.case
        return case

    def context(self) -> tuple[str, str | None, str]:
        from assistant.core.model import effective_region

        return self.case.provider, effective_region(self.case), self.wizard.lang

    def attachment(self, doc_id: str) -> Attachment | None:
        found = self.case.attachments_for(doc_id)
        return found[0] if found else None

    def key(self, doc_id: str) -> Key | None:
        """What a result is valid for: the document, the file as it was last looked at (size,
        modification time: a changed file is a new key) and provider/region/language."""
        a = self.attachment(doc_id)
        if a is None:
            return None
        if a.path not in self._stats:
            self.look_at(a.path)
        size, mtime = self._stats[a.path]
        return (doc_id, a.path, size, mtime, "/".join(map(str, self.context())))

    def look_at(self, path: str) -> None:
        """Note the file's size and time now (a stat, no read); done when a page is shown and
        when a check starts, not on every repaint."""
        try:
            st = os.stat(path)
            self._stats[path] = (st.st_size, st.st_mtime_ns)
        except OSError:
            self._stats[path] = (-1, -1)

    def result(self, doc_id: str) -> Checked | None:
        key = self.key(doc_id)
        return self.results.get(key) if key else None

    def status(self, doc_id: str) -> str:
        """``missing``, ``checking``, ``unchecked`` (stopped) or the result's status."""
        if self.attachment(doc_id) is None:
            return "missing"
        if doc_id in self.running:
            return "checking"
        checked = self.result(doc_id)
        if checked is None:
            return "unchecked" if self.key(doc_id) in self.stopped else "checking"
        return checked.status

    def busy(self) -> bool:
        return bool(self.running)

    def progress(self) -> float:
        parts = self.parts.values()
        return sum(parts) / max(1, len(parts))

    # ------------------------------------------------------------------ attach and remove
    def attach(self, doc_id: str, path: Path) -> None:
        """Attach ``path`` for ``doc_id`` now (the file is hashed and checked in the background).
        Raises ``OSError`` for a path that is no readable file."""
        from assistant.core.model import Attachment

        resolved = Path(path).expanduser().resolve()
        problem = (
            (errno.EISDIR if resolved.is_dir() else errno.ENOENT)
            if not resolved.is_file()
            else (errno.EACCES if not os.access(resolved, os.R_OK) else 0)
        )
        if problem:
            raise OSError(problem, os.strerror(problem), str(resolved))
        case = self.case
        case.attachments = [a for a in case.attachments if a.document != doc_id]
        case.attachments.append(Attachment(document=doc_id, path=str(resolved), sha256=""))
        self.look_at(str(resolved))
        self.ensure_checked(doc_id)
        self.attachmentsChanged.emit(doc_id)

    def remove(self, doc_id: str) -> None:
        self.cancel(doc_id)
        self.case.remove_attachment(doc_id)
        self.attachmentsChanged.emit(doc_id)

    # ------------------------------------------------------------------ background checks
    def ensure_checked(self, doc_id: str, look: bool = False) -> None:
        """Start the check of the file attached to ``doc_id`` unless it is done, running or
        stopped by the user. A check still running for a file since replaced is cancelled.
        ``look``: stat the file again first (a page is shown: it may have changed on disk)."""
        a = self.attachment(doc_id)
        if a is not None and look:
            self.look_at(a.path)
        key = self.key(doc_id)
        running = self.running.get(doc_id)
        if running is not None:
            if self.running_keys.get(doc_id) == key:
                return
            running.cancel()  # an older file of this document: its result no longer matters
        if a is None or key is None or key in self.results or key in self.stopped:
            if running is not None:
                self._forget(doc_id, running)
            return
        provider, region, lang = self.context()
        worker = workers.Worker(_check_task(a.path, provider, doc_id, region, lang))
        worker.signals.finished.connect(
            workers.guard(self, lambda r, doc=doc_id, k=key, w=worker: self._checked(doc, k, w, r))
        )
        worker.signals.cancelled.connect(
            workers.guard(self, lambda doc=doc_id, k=key, w=worker: self._stopped(doc, k, w))
        )
        self._start(doc_id, key, worker)

    def run(
        self, doc_id: str, task: Callable[[workers.Worker], Any], done: Callable[[Any], None]
    ) -> None:
        """Another job about ``doc_id`` (a fix): the document shows as busy while it runs."""
        worker = workers.Worker(task)

        def finished(result: Any) -> None:
            self._ended(doc_id, worker)
            done(result)

        worker.signals.finished.connect(workers.guard(self, finished))
        worker.signals.cancelled.connect(workers.guard(self, lambda: self._ended(doc_id, worker)))
        self._start(doc_id, self.key(doc_id), worker)

    def _start(self, doc_id: str, key: Key | None, worker: workers.Worker) -> None:
        worker.signals.progress.connect(
            workers.guard(self, lambda d, t, _w, doc=doc_id, w=worker: self._progress(doc, w, d, t))
        )
        worker.signals.failed.connect(
            workers.guard(self, lambda msg, doc=doc_id, w=worker: self._failed(doc, w, msg))
        )
        self.running[doc_id] = worker
        self.running_keys[doc_id] = key
        self.parts[doc_id] = 0.0
        workers.start(worker)
        if not self._progress_timer.isActive():
            self._progress_timer.start()
        self._progress_dirty = True

    def _progress(self, doc_id: str, worker: workers.Worker, done: int, total: int) -> None:
        if self.running.get(doc_id) is worker:
            self.parts[doc_id] = done / total if total else 0.0
            self._progress_dirty = True  # shown on the next tick, not now

    def _tick(self) -> None:
        if self._progress_dirty:
            self._progress_dirty = False
            self.progressChanged.emit()
        if not self.running:
            self._progress_timer.stop()

    def _checked(self, doc_id: str, key: Key, worker: workers.Worker, checked: Checked) -> None:
        if checked.inspection.cancelled:
            self._stopped(doc_id, key, worker)
            return
        self.results[key] = checked
        a = self.attachment(doc_id)
        if a is not None and a.path == key[1] and not a.sha256 and checked.sha256:
            a.sha256 = checked.sha256  # recorded once hashed (off the GUI thread)
            if not self.wizard.dirty:  # attaching made it dirty already, as a rule
                self.wizard.mark_dirty()
        self._ended(doc_id, worker)

    def _stopped(self, doc_id: str, key: Key | None, worker: workers.Worker) -> None:
        if self.running.get(doc_id) is worker and key is not None:  # the user stopped it
            self.stopped.add(key)
        self._ended(doc_id, worker)

    def _failed(self, doc_id: str, worker: workers.Worker, message: str) -> None:
        current = self.running.get(doc_id) is worker
        self._ended(doc_id, worker)
        if current:
            self.failed.emit(doc_id, message)

    def _forget(self, doc_id: str, worker: workers.Worker) -> None:
        if self.running.get(doc_id) is worker:
            self.running.pop(doc_id, None)
            self.running_keys.pop(doc_id, None)
            self.parts.pop(doc_id, None)

    def _ended(self, doc_id: str, worker: workers.Worker) -> None:
        """A check or fix ended; a newer file of the same document gets its check now."""
        self._forget(doc_id, worker)
        if doc_id not in self.running:
            self.ensure_checked(doc_id)
        self._progress_dirty = True
        if not self.running:  # the last job: the progress goes away now, not on a tick
            self._tick()
        self.rowChanged.emit(doc_id)

    def cancel(self, doc_id: str) -> None:
        worker = self.running.get(doc_id)
        if worker is not None:
            worker.cancel()

    def cancel_all(self) -> None:
        for worker in list(self.running.values()):
            worker.cancel()

    def check_again(self, documents: list[str]) -> None:
        self.stopped.clear()
        for doc_id in documents:
            self.ensure_checked(doc_id)


def checker_of(wizard: Any) -> AttachmentChecker:
    """The wizard's one checker (made on first use; it outlives pages rebuilt in a new language)."""
    checker = getattr(wizard, "_attachment_checker", None)
    if checker is None:
        checker = AttachmentChecker(wizard)
        wizard._attachment_checker = checker
    return checker
