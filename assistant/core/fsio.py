"""File-system helpers used everywhere: atomic writes, content hashes, reading only regular files,
and the one private folder for temporary copies.

Temporary files never outlive the program by more than one run: :func:`atomic_output` writes a
``.<name>.<random>.part`` file beside the target and holds a lock on it while it exists;
:func:`work_folder` makes a locked folder in the private folder (:func:`private_temp_root`). A
process killed before it could remove them leaves them unlocked, and the next export removes them
(:func:`remove_stale_parts`, :func:`remove_stale_work_folders`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted, which is lock enough
    fcntl = None  # type: ignore[assignment]


# Digests of files read before, by what the file system says of them (device, inode, size,
# modification and change times): a case's attachments are hashed when it is loaded, reviewed
# and exported, and a 12 MP photo costs ~5 ms each time. A file changed within the last
# seconds is never taken from here (its times may not have moved yet: "racy" timestamps).
_DIGESTS: dict[tuple[int, ...], str] = {}
_DIGESTS_LOCK = threading.Lock()
_DIGESTS_MAX = 1024
_SETTLED_NS = 2_000_000_000


def _digest_key(st: os.stat_result) -> tuple[int, ...] | None:
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < _SETTLED_NS:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def sha256_file(path: str | os.PathLike[str], chunk: int = 1 << 20) -> str:
    """Hex sha256 of a regular file. Raises ``OSError`` when it cannot be read, and
    :class:`NotRegularFileError` (an ``OSError``) for a FIFO, device, directory or ``/proc``
    entry, which is never read (no hang on a FIFO, no endless ``/dev/zero``). A file unchanged
    since it was last hashed is not read again."""
    p = Path(path)
    if _is_proc(p):
        raise NotRegularFileError(f"not a regular file: {p}")
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(f"not a regular file: {p}")
        key = _digest_key(st)
        with _DIGESTS_LOCK:
            known = _DIGESTS.get(key) if key is not None else None
        if known is not None:
            return known
        digest = hashlib.sha256()
        while block := os.read(fd, chunk):
            digest.update(block)
    finally:
        os.close(fd)
    hexdigest = digest.hexdigest()
    if key is not None:
        with _DIGESTS_LOCK:
            if len(_DIGESTS) >= _DIGESTS_MAX:
                _DIGESTS.pop(next(iter(_DIGESTS)))  # the oldest entry
            _DIGESTS[key] = hexdigest
    return hexdigest


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    with atomic_output(path) as tmp:
        Path(tmp).write_bytes(data)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[str]:
    """Yield a temporary path next to ``path``; on success it replaces ``path`` (fsync'ed, but
    for a file in the private temporary folder, which is deleted right after its job).

    The temporary ``.part`` file is locked while it exists, so :func:`remove_stale_parts` can
    tell it from one a killed process left behind."""
    target = Path(path)
    durable = not _is_private(target)
    # the process id in the name: a .new file whose maker is gone is a leftover at once
    fd, new = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".new", dir=target.parent or "."
    )
    tmp = new.removesuffix(".new") + ".part"
    if durable:  # mkstemp makes 0600: a file for colleagues gets the user's normal permissions
        _set_normal_mode(fd, new, target)
    if fcntl is None:  # Windows renames no file that is open; an unlocked .part is left alone
        os.close(fd)
        fd = -1
    try:
        _lock(fd)
        os.replace(new, tmp)  # named .part only once it is locked: never taken for a leftover
        yield tmp
        if durable:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, new):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise
    finally:
        if fd >= 0:
            os.close(fd)


def current_umask() -> int:
    """The process's umask (read without changing it where the system tells it: Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:  # elsewhere: set and restore (no other thread of ours does it meanwhile)
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def normal_file_mode(existing: str | os.PathLike[str] | None = None) -> int:
    """The permissions a new file of the user gets (0666 less the umask), or those of the file
    ``existing`` it replaces (a file a colleague made group-writable stays so)."""
    if existing is not None:
        try:
            st = os.stat(existing)
        except OSError:
            pass
        else:
            if stat.S_ISREG(st.st_mode):
                return stat.S_IMODE(st.st_mode)
    return 0o666 & ~current_umask()


def _set_normal_mode(fd: int, name: str, target: Path) -> None:
    mode = normal_file_mode(target)
    with contextlib.suppress(OSError, NotImplementedError):
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        else:  # Windows: only the read-only bit exists
            os.chmod(name, mode)


def create_new_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``, which must not exist yet: ``FileExistsError`` otherwise,
    also when another program makes it at the same moment (never an overwrite). Readers see
    no file or the whole file: written beside it, then hard-linked to its name (where the file
    system has no hard links, created exclusively and written in place)."""
    target = Path(path)
    if os.path.lexists(target):
        raise FileExistsError(17, "File exists", str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent or ".")
    try:
        _set_normal_mode(fd, tmp, target)
        _write_all(fd, data)
        os.close(fd)
        fd = -1
        try:
            os.link(tmp, target)
            return
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here (FAT, some network shares): an exclusive create instead
    finally:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, 0o666)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


# what atomic_output names its temporary files: "." + target name + "." + 8 random + ".part"
# (".new" for the instant before it is locked)
_PART = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")
_NEW = re.compile(r"^\..+?(?:\.(\d+))?\.[A-Za-z0-9_]{8}\.new$")
_PRIVATE_PREFIX = "sms-signature-assistant-"
_LEGACY_PREFIX = "sms-bundle-"  # the export's temporary folders before the private folder
_LEGACY_AGE = 3600.0  # seconds: older than any export still running
_MAKING_SECONDS = 30.0  # a .new file or new-… folder exists for microseconds while a job makes it
_UMASK_LOCK = threading.Lock()


def _lock(fd: int) -> None:
    if fcntl is not None and fd >= 0:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unused(path: Path) -> bool:
    """True when no running process holds the lock of ``path`` (a file)."""
    if fcntl is None:
        return True  # Windows: removing an open file fails, so a live one survives
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def remove_stale_parts(folder: str | os.PathLike[str]) -> int:
    """Remove the ``.part`` files of :func:`atomic_output` in ``folder`` that no running process
    writes (left by a kill); returns how many. Files of other programs are not touched."""
    removed = 0
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not entry.is_file(follow_symlinks=False):
                continue
            new = _NEW.match(entry.name)
            if _PART.match(entry.name):
                stale = _unused(Path(entry.path))
            else:
                stale = new is not None and _made_by_the_dead(new.group(1), entry, now)
            if stale:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (POSIX; signal 0 only asks)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, another user's
    return True


def _made_by_the_dead(pid: str | None, entry: os.DirEntry[str], now: float) -> bool:
    """A file or folder being made (``.new``, ``new-…``), for microseconds, by process ``pid``:
    a leftover when that process is gone (a kill in that instant), or in any case once it is
    older than a job takes to lock it. Never probed by locking: that could make the live job's
    own lock fail."""
    if pid is not None and fcntl is not None and not _alive(int(pid)):
        return True
    return _older(entry, now, _MAKING_SECONDS)


def _older(entry: os.DirEntry[str], now: float, seconds: float = _LEGACY_AGE) -> bool:
    """True when ``entry`` was last changed longer ago than ``seconds`` (by default: longer ago
    than any job runs)."""
    try:
        return now - entry.stat(follow_symlinks=False).st_mtime > seconds
    except OSError:
        return False


def _private_path() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"{_PRIVATE_PREFIX}{uid}"


def _is_private(path: Path) -> bool:
    """True for a path in the private temporary folder (a job's copy, deleted after it)."""
    try:
        return path.resolve().is_relative_to(_private_path().resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def private_temp_root() -> Path:
    """The program's own folder for temporary copies (mode 0700, in the system's temp folder,
    one per user). Raises ``OSError`` when it cannot be made or is not ours."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    root = _private_path()
    with contextlib.suppress(FileExistsError):
        root.mkdir(mode=0o700)
    st = os.lstat(root)
    if not stat.S_ISDIR(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != uid):
        raise PermissionError(f"{root} is not a folder of this user")
    if stat.S_IMODE(st.st_mode) & 0o077:
        os.chmod(root, 0o700)
    return root


@contextlib.contextmanager
def work_folder() -> Iterator[Path]:
    """A new private, locked folder for one job's temporary copies; removed when the job ends,
    however it ends (a kill leaves it unlocked: the next job removes it)."""
    root = private_temp_root()
    new = Path(tempfile.mkdtemp(prefix=f"new-{os.getpid()}-", dir=root))
    folder = root / ("work-" + new.name.removeprefix("new-").split("-", 1)[-1])
    fd = -1
    try:
        fd = os.open(new / ".lock", os.O_WRONLY | os.O_CREAT, 0o600)
        _lock(fd)
        os.rename(new, folder)  # named work-… only once it is locked: never taken for a leftover
        yield folder
    finally:
        # renamed first: a kill while the copies are being deleted leaves a done-… folder,
        # which nothing uses (a work-… folder whose lock was deleted first would look alive)
        done = root / ("done-" + folder.name.removeprefix("work-"))
        with contextlib.suppress(OSError):
            os.rename(folder, done)
        if fd >= 0:
            os.close(fd)
        shutil.rmtree(done, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(new, ignore_errors=True)


def _stale_work(entry: os.DirEntry[str], now: float) -> bool:
    if entry.name.startswith("done-"):
        return True  # a finished job's folder whose removal was cut short
    lock = Path(entry.path) / ".lock"
    if entry.name.startswith("work-") and fcntl is not None and lock.exists():
        return _unused(lock)
    if entry.name.startswith("new-"):  # new-<pid>-…: being made, or its maker was killed
        pid = entry.name.split("-")[1]
        return _made_by_the_dead(pid if pid.isdigit() else None, entry, now)
    # no lock to ask (Windows): only when surely not running
    return entry.name.startswith("work-") and _older(entry, now)


def remove_stale_work_folders() -> int:
    """Remove the work folders of jobs that were killed (their lock is free), and the export's
    folders of earlier versions in the temp folder; returns how many."""
    removed = 0
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(private_temp_root()):
            if entry.is_dir(follow_symlinks=False) and _stale_work(entry, now):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
    uid = os.getuid() if hasattr(os, "getuid") else None
    with contextlib.suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            if not entry.name.startswith(_LEGACY_PREFIX):
                continue
            st = entry.stat(follow_symlinks=False)
            mine = uid is None or st.st_uid == uid
            if stat.S_ISDIR(st.st_mode) and mine and now - st.st_mtime > _LEGACY_AGE:
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
    return removed


class NotRegularFileError(OSError):
    """The path is a FIFO, device, directory, socket or ``/proc`` entry: it is never read."""


class FileTooLargeError(OSError):
    """The file is larger than the caller's limit: it is not read."""


def _is_proc(path: Path) -> bool:
    try:
        parts = path.resolve().parts
    except (OSError, RuntimeError):
        return False
    return len(parts) > 1 and parts[1] in ("proc", "sys")


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``.

    Opened without blocking (a FIFO never hangs), checked with ``fstat`` on the opened file (no
    race with a swap), never read when it is not a regular file. Raises
    :class:`NotRegularFileError`, :class:`FileTooLargeError` or the ``OSError`` of the open
    (``ValueError`` for a path with a NUL byte, ``UnicodeEncodeError`` for lone surrogates)."""
    p = Path(path)
    if _is_proc(p):
        raise NotRegularFileError(f"not a regular file: {p}")
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(f"not a regular file: {p}")
        if st.st_size > max_bytes:
            raise FileTooLargeError(f"larger than {max_bytes} bytes: {p}")
        chunks = []
        left = max_bytes + 1
        while left > 0 and (block := os.read(fd, min(left, 1 << 20))):
            chunks.append(block)
            left -= len(block)
        data = b"".join(chunks)
        if len(data) > max_bytes:  # grew while being read
            raise FileTooLargeError(f"larger than {max_bytes} bytes: {p}")
        return data
    finally:
        os.close(fd)
