"""Opening a user's file: only regular files are read, never blocking, within a size cap.

A path may name anything: a named pipe that blocks a plain ``open()`` for ever, ``/dev/zero``
that reads for ever, a folder, a socket, a symlink loop, ``/proc/self/mem``, or a string the file
system cannot take (a NUL byte, a lone surrogate, too long). :func:`open_source` opens the path
without blocking (``O_NONBLOCK``), checks the *opened* descriptor with ``fstat`` (so the file
cannot be swapped for a pipe between a check and the read) and raises :class:`SourceProblem`,
which names the finding to report, for everything that is not a regular file it may read.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import cache
from typing import Any, BinaryIO

# Files larger than this are not read at all: no document photo or scan comes near it, and every
# provider's limit is a few MB. It bounds what a fix may hold in memory at once.
MAX_INPUT_BYTES = 256 * 1024 * 1024
# Linux PATH_MAX; longer paths cannot be opened anyway (and some file systems say so late).
MAX_PATH_BYTES = 4096
# Pseudo file systems whose "regular" files are not data (sizes 0 or 4096, reads that fail or
# never end): the kernel's process and device information.
_PSEUDO_ROOTS = ("/proc", "/sys")
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class SourceProblem(Exception):
    """Why a file is not read: ``code`` is the finding's code, ``params`` its message fields."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` as text that can always be printed: undecodable bytes (surrogates) become U+FFFD,
    control characters (NUL …) a visible escape."""
    raw = os.fspath(path)
    try:  # the bytes behind os.fsdecode's surrogates, so each undecodable byte is one U+FFFD
        data = raw.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = raw.encode("utf-8", "surrogatepass")
    text = data.decode("utf-8", "replace")
    text = "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)
    return text if len(text) <= 300 else f"{text[:150]}…{text[-100:]}"


def check_path(path: str | os.PathLike[str]) -> None:
    """Raise :class:`SourceProblem` when ``path`` cannot name a file on this system at all."""
    raw = os.fspath(path)
    shown = display_path(raw)
    if "\x00" in raw:
        raise SourceProblem("file.path_nul", path=shown)
    try:
        encoded = os.fsencode(raw)
    except UnicodeError:
        raise SourceProblem("file.path_encoding", path=shown) from None
    if len(encoded) > MAX_PATH_BYTES or any(
        len(part) > 255 for part in encoded.split(os.sep.encode())
    ):
        raise SourceProblem("file.path_too_long", path=shown, length=len(encoded))


def kind_of(mode: int) -> str:
    """The message key of what a non-regular file is (``file.kind.*``)."""
    if stat.S_ISDIR(mode):
        return "file.kind.folder"
    if stat.S_ISFIFO(mode):
        return "file.kind.pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "file.kind.device"
    if stat.S_ISSOCK(mode):
        return "file.kind.socket"
    return "file.kind.special"


@cache
def _pseudo_devices() -> frozenset[int]:
    devices = set()
    for root in _PSEUDO_ROOTS:
        try:
            devices.add(os.stat(root).st_dev)
        except OSError:
            continue
    return frozenset(devices)


def _not_a_file(path: str, kind: str) -> SourceProblem:
    return SourceProblem("file.not_a_file", path=display_path(path), kind=kind)


def _open_error(path: str, exc: OSError) -> SourceProblem:
    shown = display_path(path)
    if isinstance(exc, FileNotFoundError):
        return SourceProblem("file.not_found", path=shown)
    if isinstance(exc, IsADirectoryError):
        return _not_a_file(path, "file.kind.folder")
    if exc.errno == errno.ELOOP:
        return SourceProblem("file.symlink_loop", path=shown)
    if exc.errno == errno.ENAMETOOLONG:
        return SourceProblem("file.path_too_long", path=shown, length=len(os.fsencode(path)))
    if exc.errno in (errno.ENXIO, errno.EOPNOTSUPP, errno.ENODEV):  # sockets, odd devices
        try:
            return _not_a_file(path, kind_of(os.stat(path).st_mode))
        except OSError:
            return _not_a_file(path, "file.kind.special")
    return SourceProblem("file.unreadable", path=shown, reason=exc.strerror or str(exc))


def open_source(path: str | os.PathLike[str]) -> tuple[BinaryIO, os.stat_result]:
    """Open ``path`` for reading if it is a regular file of at most :data:`MAX_INPUT_BYTES`.

    Returns the open file (the caller closes it) and its ``fstat``. Raises
    :class:`SourceProblem` otherwise; never blocks (a named pipe is opened non-blocking and
    refused by its type), never reads from what is not a regular file."""
    check_path(path)
    raw = os.fspath(path)
    try:
        fd = os.open(raw, _OPEN_FLAGS)
    except OSError as exc:
        raise _open_error(raw, exc) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_a_file(raw, kind_of(st.st_mode))
        if st.st_dev in _pseudo_devices():
            raise _not_a_file(raw, "file.kind.system")
        if st.st_size > MAX_INPUT_BYTES:
            raise SourceProblem("file.too_big_to_check", size=st.st_size, limit=MAX_INPUT_BYTES)
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return fh, st


def read_bounded(fh: BinaryIO, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The rest of ``fh``, at most ``limit`` bytes (a file that grows while read is cut there)."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise SourceProblem("file.too_big_to_check", size=len(data), limit=limit)
    return data
