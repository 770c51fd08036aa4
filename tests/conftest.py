"""Shared test setup: no test may open a network connection (the program is offline always)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class NetworkBlocked(RuntimeError):
    """Raised when a test tries to open a network connection."""


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_create_connection = socket.create_connection


def _is_local_ipc(sock: socket.socket) -> bool:
    return getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX


def _guarded_connect(self: socket.socket, address: object) -> None:
    if _is_local_ipc(self):
        return _real_connect(self, address)  # type: ignore[arg-type]
    raise NetworkBlocked(f"a test tried to connect to {address!r}")


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if _is_local_ipc(self):
        return _real_connect_ex(self, address)  # type: ignore[arg-type]
    raise NetworkBlocked(f"a test tried to connect to {address!r}")


def _guarded_create_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
    raise NetworkBlocked(f"a test tried to connect to {address!r}")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", _guarded_create_connection)
    yield


@pytest.fixture(autouse=True)
def _english_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak the shell's language by default: every test starts from an English shell,
    whatever the machine's locale (a test that wants another sets LANG itself)."""
    for key in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
