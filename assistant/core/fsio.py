"""File-system helpers used everywhere: atomic writes and content hashes."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


def sha256_file(path: str | os.PathLike[str], chunk: int = 1 << 20) -> str:
    """Hex sha256 of a regular file. Raises ``OSError`` when it cannot be read, and
    :class:`NotRegularFileError` (an ``OSError``) for a FIFO, device, directory or ``/proc``
    entry, which is never read (no hang on a FIFO, no endless ``/dev/zero``)."""
    digest = hashlib.sha256()
    p = Path(path)
    if _is_proc(p):
        raise NotRegularFileError(f"not a regular file: {p}")
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFileError(f"not a regular file: {p}")
        while block := os.read(fd, chunk):
            digest.update(block)
    finally:
        os.close(fd)
    return digest.hexdigest()


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    with atomic_output(path) as tmp:
        Path(tmp).write_bytes(data)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[str]:
    """Yield a temporary path next to ``path``; on success it replaces ``path`` (fsync'ed)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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
