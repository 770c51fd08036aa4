"""Files for colleagues: cases, bundles and letters get the user's normal permissions (the
umask, not mkstemp's 0600), replace atomically, keep the mode of a file they replace; a new
file is never written over another."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.core import fsio
from assistant.core.model import Case, save_case

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def umask_002() -> Iterator[None]:
    old = os.umask(0o002)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_atomic_writes_follow_the_umask(tmp_path: Path, umask_002: None) -> None:
    assert fsio.current_umask() == 0o002
    fsio.atomic_write_bytes(tmp_path / "a.bin", b"x")
    assert mode(tmp_path / "a.bin") == 0o664
    save_case(Case(), tmp_path / "c.smscase.json")
    assert mode(tmp_path / "c.smscase.json") == 0o664
    os.umask(0o077)
    fsio.atomic_write_bytes(tmp_path / "private.bin", b"x")
    assert mode(tmp_path / "private.bin") == 0o600


def test_replacing_keeps_the_mode_of_the_file(tmp_path: Path, umask_002: None) -> None:
    target = tmp_path / "shared.smscase.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o660)
    fsio.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o660
    assert [p.name for p in tmp_path.iterdir()] == ["shared.smscase.json"]


def test_a_bundle_and_a_letter_are_readable_by_colleagues(tmp_path: Path, umask_002: None) -> None:
    from assistant.core.bundle import write_demo

    case_path, result = write_demo(tmp_path / "demo")
    assert result.output is not None
    assert mode(result.output) == 0o664
    assert mode(case_path) == 0o664
    from assistant.core.letter import LetterInput, fill_letter
    from assistant.core.model import load_case

    case, _ = load_case(case_path)
    assert case is not None
    fill_letter(LetterInput.from_case(case), tmp_path / "letter.docx", lang="zh", check=False)
    assert mode(tmp_path / "letter.docx") == 0o664


def test_private_temporary_copies_stay_private(tmp_path: Path, umask_002: None) -> None:
    with fsio.work_folder() as folder:
        fsio.atomic_write_bytes(folder / "copy.bin", b"x")
        assert mode(folder / "copy.bin") == 0o600


def test_create_new_file_never_overwrites(tmp_path: Path, umask_002: None) -> None:
    target = tmp_path / "new.smscase.json"
    fsio.create_new_file(target, b"first")
    assert target.read_bytes() == b"first" and mode(target) == 0o664
    with pytest.raises(FileExistsError):
        fsio.create_new_file(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["new.smscase.json"]


def test_create_new_file_two_writers_at_once_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "race.smscase.json"
    outcomes: list[str] = []

    def write(data: bytes) -> None:
        try:
            fsio.create_new_file(target, data)
            outcomes.append("made")
        except FileExistsError:
            outcomes.append("exists")

    threads = [threading.Thread(target=write, args=(bytes([65 + i]) * 1000,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["exists"] * 7 + ["made"]
    data = target.read_bytes()
    assert len(data) == 1000 and len(set(data)) == 1


def test_create_new_file_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_002: None
) -> None:
    def no_links(*_: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "fat.smscase.json"
    fsio.create_new_file(target, b"data")
    assert target.read_bytes() == b"data" and mode(target) == 0o664
    with pytest.raises(FileExistsError):
        fsio.create_new_file(target, b"again")
    assert [p.name for p in tmp_path.iterdir()] == ["fat.smscase.json"]
