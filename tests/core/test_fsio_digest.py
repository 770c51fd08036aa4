"""sha256_file reads a file again only when it may have changed (issue #18): attachments are
hashed on load, review and export, and each read of a phone photo costs milliseconds."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from assistant.core import fsio


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    counted: list[int] = []
    real = os.read

    def read(fd: int, n: int) -> bytes:
        counted.append(fd)
        return real(fd, n)

    monkeypatch.setattr(fsio.os, "read", read)
    fsio._DIGESTS.clear()
    return counted


def _later(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    now = time.time_ns() + int(seconds * 1e9)
    monkeypatch.setattr(fsio.time, "time_ns", lambda: now)


def test_a_settled_file_is_read_once(
    tmp_path: Path, reads: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"x" * 3_000_000)
    _later(monkeypatch, 10)
    first = fsio.sha256_file(path)
    n = len(reads)
    assert n > 0
    assert fsio.sha256_file(path) == first
    assert len(reads) == n  # not read again


def test_a_file_changed_moments_ago_is_always_read(tmp_path: Path, reads: list[int]) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"a" * 1000)
    first = fsio.sha256_file(path)
    n = len(reads)
    path.write_bytes(b"b" * 1000)  # same size, possibly the same timestamp: still read
    assert fsio.sha256_file(path) != first
    assert len(reads) > n


def test_a_changed_file_is_hashed_anew(
    tmp_path: Path, reads: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"a" * 1000)
    _later(monkeypatch, 10)
    first = fsio.sha256_file(path)
    path.write_bytes(b"a" * 999 + b"b")
    os.utime(path, ns=(time.time_ns() - 5_000_000_000,) * 2)
    assert fsio.sha256_file(path) != first


def test_a_fifo_is_still_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(fsio.NotRegularFileError):
        fsio.sha256_file(fifo)
