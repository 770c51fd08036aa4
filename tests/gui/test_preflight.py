"""Without a display (or without Qt's xcb libraries) the program says so in one line and points
to the command line, instead of Qt's abort (exit 134) blaming libxcb-cursor0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.gui import preflight
from assistant.gui.preflight import display_problem


def test_no_display_is_one_clear_line() -> None:
    message = display_problem({"LANG": "en_US.UTF-8"}, "linux")
    assert message is not None and "No display" in message and "demo" in message
    assert "\n" not in message


def test_the_message_follows_the_shell_language() -> None:
    message = display_problem({"LANG": "zh_CN.UTF-8"}, "linux")
    assert message is not None and "未找到显示器" in message


@pytest.mark.parametrize(
    "env",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"},
        {"WAYLAND_DISPLAY": "wayland-0"},
    ],
)
def test_other_platforms_are_left_to_qt(env: dict[str, str]) -> None:
    assert display_problem(env, "linux") is None


def test_windows_and_macos_need_no_check() -> None:
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None


def test_missing_xcb_libraries_are_named_with_their_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def cdll(name: str) -> object:
        if name in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
            raise OSError(name)
        return object()

    monkeypatch.setattr(preflight.ctypes, "CDLL", cdll)
    message = display_problem({"DISPLAY": ":0"}, "linux")
    assert message is not None
    assert "libxcb-icccm4 libxcb-keysyms1" in message and "apt-get install" in message


def test_the_real_program_without_a_display_exits_2_with_the_message() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["LANG"] = "C.UTF-8"
    result = subprocess.run(
        [sys.executable, "-m", "assistant"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 2, result.stderr
    assert "No display found" in result.stderr and "Aborted" not in result.stderr
