"""What a killed job leaves in the private work folder is removed by the next job, whatever
moment the kill came at; a live job's folder never is."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from assistant.core import fsio


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return fsio.private_temp_root()


def _aged(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_folder_whose_removal_was_cut_short_is_removed(root: Path) -> None:
    done = root / "done-abc123"
    done.mkdir()
    (done / "copy.jpg").write_bytes(b"x")  # its .lock already deleted: killed mid-removal
    assert fsio.remove_stale_work_folders() == 1
    assert not done.exists()


def test_a_folder_killed_while_being_made_is_removed_once_surely_dead(root: Path) -> None:
    fresh, old = root / "new-fresh1", root / "new-old123"
    fresh.mkdir()
    old.mkdir()
    (old / ".lock").write_bytes(b"")  # the lock file, nobody holding it
    _aged(old, 120)
    assert fsio.remove_stale_work_folders() == 1
    assert fresh.exists() and not old.exists()  # a live job is new-… for microseconds only


def test_a_live_job_keeps_its_folder_and_a_finished_one_leaves_nothing(root: Path) -> None:
    with fsio.work_folder() as folder:
        (folder / "copy.jpg").write_bytes(b"x" * 1000)
        _aged(folder, 7200)
        assert fsio.remove_stale_work_folders() == 0
        assert (folder / "copy.jpg").exists()
    assert list(root.iterdir()) == []


def _last_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_what_a_killed_maker_left_is_removed_at_once_and_a_live_ones_kept(
    root: Path, tmp_path: Path
) -> None:
    dead = _last_pid()
    out = tmp_path / "out"
    out.mkdir()
    (out / f".bundle.zip.{dead}.abcd1234.new").write_bytes(b"")  # killed before it was locked
    (out / f".bundle.zip.{os.getpid()}.efgh5678.new").write_bytes(b"")  # being made right now
    (root / f"new-{dead}-abcd1234").mkdir()
    (root / f"new-{os.getpid()}-efgh5678").mkdir()
    assert fsio.remove_stale_parts(out) == 1
    assert fsio.remove_stale_work_folders() == 1
    assert [p.name for p in out.iterdir()] == [f".bundle.zip.{os.getpid()}.efgh5678.new"]
    assert [p.name for p in root.iterdir()] == [f"new-{os.getpid()}-efgh5678"]


def test_atomic_output_and_work_folders_name_their_maker(root: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    real = tempfile.mkstemp

    def spy(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)  # type: ignore[call-overload]
        seen.append(Path(name).name)
        return fd, name

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(fsio.tempfile, "mkstemp", spy)
        fsio.atomic_write_bytes(tmp_path / "x.zip", b"PK")
    assert seen and f".x.zip.{os.getpid()}." in seen[0]
    with fsio.work_folder() as folder:
        assert folder.name.startswith("work-") and str(os.getpid()) not in folder.name
    assert list(root.iterdir()) == []
