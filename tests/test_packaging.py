"""Resources are found from a checkout, from a built wheel (run from another folder) and frozen."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant import resources

ROOT = Path(__file__).resolve().parents[1]


def test_checkout_resources() -> None:
    assert resources.resources_root() == ROOT / "resources"
    assert resources.resource_path("rules", "tencent.toml").is_file()


def test_frozen_bundle_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "rules").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.resources_root.cache_clear()
    try:
        assert resources.resources_root() == tmp_path / "resources"
    finally:
        resources.resources_root.cache_clear()


def test_wheel_carries_resources_and_finds_them_from_another_folder(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "assistant/_resources/rules/tencent.toml" in names
        assert "assistant/_resources/rules/schema/provider.schema.json" in names
        assert not any(n.startswith("resources/") for n in names)
        zf.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "from assistant.resources import resources_root; from assistant.core.rules import load_all; "
        "load_all(); print(resources_root())"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"},
    )
    assert run.returncode == 0, run.stderr
    assert Path(run.stdout.strip()) == site / "assistant" / "_resources"
