"""House rules that are checked, not just written down."""

from __future__ import annotations

import ast
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NetworkBlocked

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "assistant" / "core"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_never_import_qt() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in CORE.rglob("*.py")
        if any(
            m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")
            for m in _imported_modules(p)
        )
    ]
    assert offenders == []


def test_importing_all_of_core_loads_no_qt() -> None:
    modules = sorted(
        "assistant." + ".".join(p.relative_to(ROOT / "assistant").with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__init__.py" or p.parent != CORE
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_no_test_can_open_a_network_connection() -> None:
    """The autouse guard in tests/conftest.py is in force for every test."""
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlocked):
            sock.connect(("93.184.216.34", 80))
        with pytest.raises(NetworkBlocked):
            sock.connect_ex(("127.0.0.1", 9))
    finally:
        sock.close()
