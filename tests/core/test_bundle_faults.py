"""Faults while exporting (#17 item 5): a kill -9 at any moment never leaves a partial file at
the output path (and what it leaves beside it is removed by the next export); a full disk or a
read-only folder gives a clear finding and no file."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from assistant.core import fsio
from assistant.core.bundle import write_sample_images
from assistant.core.bundle.target import is_our_bundle
from assistant.core.model import load_case, save_case
from tests.core import corpus
from tests.core.test_bundle import DAY, export_case, make_case

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import datetime as dt, json, os, signal, sys, time
from assistant.core.bundle import export_case
from assistant.core.bundle import export as export_mod
if sys.argv[3:] == ["die-in-zip"]:  # killed for sure half-way through writing the zip
    real = export_mod.write_zip
    def dying(path, files, when):
        real(path, files[: len(files) // 2], when)
        os.kill(os.getpid(), signal.SIGKILL)
    export_mod.write_zip = dying
print("go", flush=True)
t = time.perf_counter()
r = export_case(sys.argv[1], sys.argv[2], force=True, prepared_on=dt.date(2026, 3, 2))
print(json.dumps({"seconds": time.perf_counter() - t, "output": str(r.output),
                  "codes": sorted({f.code for f in r.findings})}), flush=True)
"""


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_sample_images(tmp_path_factory.mktemp("samples"))


def _slow_case(folder: Path, samples: dict[str, Path]) -> Path:
    """A case with four attachments to fix and a big photo stored as it is: the export takes a
    while and writes several MB, so a kill can land in every phase."""
    items = corpus.build(folder / "corpus")
    path = make_case(folder / "c", samples)
    case, _ = load_case(path)
    assert case is not None
    big = folder / "c" / "files" / "big.jpg"
    corpus.noisy_photo((2600, 1900)).save(big, quality=95)
    for document, item in (
        ("authorization_letter", items["gps"]),
        ("trademark_certificate", items["cmyk"]),
        ("org_code_certificate", items["png16"]),
        ("social_credit_certificate", items["rotated"]),
        ("business_license", big),
    ):
        case.set_attachment(document, item)
    save_case(case, path)
    return path


def _child(case: Path, out: Path, tmpdir: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(case), str(out), *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run(case: Path, out: Path, tmpdir: Path) -> dict:  # type: ignore[type-arg]
    proc = _child(case, out, tmpdir)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    return json.loads(stdout.splitlines()[-1])


def _assert_whole_or_absent(out: Path, note: str) -> None:
    if out.exists():
        with zipfile.ZipFile(out) as zf:
            assert zf.testzip() is None, note
        assert is_our_bundle(out), note


def test_kill_9_at_random_moments_never_leaves_a_partial_bundle(
    tmp_path: Path, samples: dict[str, Path]
) -> None:
    case = _slow_case(tmp_path, samples)
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "bundle.zip"
    first = _run(case, out, tmpdir)
    assert first["output"] == str(out), first
    seconds = first["seconds"]
    seed = int.from_bytes(os.urandom(4), "big")
    rnd = random.Random(seed)
    out.unlink()
    for attempt in range(8):
        # half the kills with no bundle yet, half while a previous one is being replaced
        if attempt == 4:
            assert _run(case, out, tmpdir)["output"] == str(out)
        proc = _child(case, out, tmpdir)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "go"
        delay = rnd.uniform(0.0, seconds * 1.1)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        _assert_whole_or_absent(out, f"seed {seed}, attempt {attempt}, {delay:.3f} s")
        assert not (out_dir / "bundle-INCOMPLETE.zip").exists()
    # one kill for sure while the zip is half written: a .part file and the copies are left
    died = _child(case, out, tmpdir, "die-in-zip")
    died.communicate(timeout=300)
    assert died.returncode == -signal.SIGKILL
    _assert_whole_or_absent(out, "killed while writing the zip")
    assert [p for p in out_dir.iterdir() if p.name.endswith(".part")]
    private = [p for p in tmpdir.iterdir() if p.name.startswith("sms-signature-assistant-")]
    assert any(list(p.iterdir()) for p in private)
    # the next export completes and removes what the killed ones left (.part files, copies)
    assert _run(case, out, tmpdir)["output"] == str(out)
    assert [p.name for p in out_dir.iterdir()] == ["bundle.zip"]
    private = [p for p in tmpdir.iterdir() if p.name.startswith("sms-signature-assistant-")]
    assert all(list(p.iterdir()) == [] for p in private)


def _disk_child(limit: int) -> str:
    return f"""
import datetime as dt, json, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write over the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
from assistant.core.bundle import export_case
r = export_case(sys.argv[1], sys.argv[2], prepared_on=dt.date(2026, 3, 2))
print(json.dumps({{"output": str(r.output), "findings": [f.to_dict() for f in r.findings]}}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_is_a_clear_finding_and_leaves_nothing(
    tmp_path: Path, samples: dict[str, Path]
) -> None:
    case = make_case(tmp_path / "c", samples)
    out = tmp_path / "out" / "bundle.zip"
    out.parent.mkdir()
    # more than the letter (the only temporary copy of this case), less than the zip
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", _disk_child(200_000), str(case), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result["output"] == "None"
    failed = [f for f in result["findings"] if f["code"] == "bundle.write_failed"]
    assert failed and "too large" in failed[0]["message"].lower(), result["findings"]
    assert list(out.parent.iterdir()) == []


def test_no_space_left_while_copying_a_file(
    tmp_path: Path, samples: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.core.bundle import zipwriter

    case = make_case(tmp_path / "c", samples)
    real = shutil.copyfileobj

    def fills_up(src, dst, length=0):  # type: ignore[no-untyped-def]
        dst.write(src.read(1000))  # some bytes reach the disk, then it is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(zipwriter.shutil, "copyfileobj", fills_up)
    out = tmp_path / "out" / "bundle.zip"
    out.parent.mkdir()
    result = export_case(case, out, prepared_on=DAY)
    monkeypatch.setattr(zipwriter.shutil, "copyfileobj", real)
    failed = [f for f in result.findings if f.code == "bundle.write_failed"]
    assert result.output is None and failed
    assert os.strerror(errno.ENOSPC) in failed[0].message
    assert list(out.parent.iterdir()) == []


def test_a_read_only_folder_is_a_clear_finding(
    tmp_path: Path, samples: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = make_case(tmp_path / "c", samples)
    folder = tmp_path / "ro"
    folder.mkdir()
    real = fsio.tempfile.mkstemp

    def read_only(*args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(kwargs.get("dir", "")) == folder:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real(*args, **kwargs)

    monkeypatch.setattr(fsio.tempfile, "mkstemp", read_only)
    result = export_case(case, folder / "bundle.zip", prepared_on=DAY)
    failed = [f for f in result.findings if f.code == "bundle.write_failed"]
    assert result.output is None and failed
    assert os.strerror(errno.EROFS) in failed[0].message
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="folder permissions do not stop root (the EROFS test above covers the finding)",
)
def test_a_folder_without_write_permission(tmp_path: Path, samples: dict[str, Path]) -> None:
    case = make_case(tmp_path / "c", samples)
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = export_case(case, folder / "bundle.zip", prepared_on=DAY)
    finally:
        folder.chmod(0o700)
    assert result.output is None
    assert "bundle.write_failed" in {f.code for f in result.findings}
    assert list(folder.iterdir()) == []


def test_no_room_for_temporary_copies_is_a_clear_finding(
    tmp_path: Path, samples: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = make_case(tmp_path / "c", samples)

    def no_temp() -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fsio, "private_temp_root", no_temp)
    out = tmp_path / "bundle.zip"
    result = export_case(case, out, prepared_on=DAY)
    assert result.output is None and not out.exists()
    assert "bundle.write_failed" in {f.code for f in result.findings}
