"""Hostile case files cannot pull a file into a bundle, overwrite one, or leave copies behind
(#19): each test builds the hostile input."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.core import attachments as attachments_mod
from assistant.core import fsio
from assistant.core.attachments import FixResult, Inspection
from assistant.core.findings import Finding, Severity
from assistant.core.fsio import sha256_file
from assistant.core.model import load_case, save_case
from tests.core import corpus
from tests.core.test_bundle import DAY, export_case, make_case, write_sample_images

SECRET = b"TOP SECRET: root:$6$hash:19000:0:99999:7:::\n"


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_sample_images(tmp_path_factory.mktemp("samples"))


@pytest.fixture(autouse=True)
def private_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The program's private temp folder, per test (so a test can see what is left in it)."""
    root = tmp_path / "private"
    root.mkdir(mode=0o700)
    monkeypatch.setattr(fsio, "private_temp_root", lambda: root)
    return root


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _hostile_case(tmp_path: Path, samples: dict[str, Path], license_path: str) -> Path:
    """A complete case whose business license is ``license_path``, written as a hand-made case
    file would have it (relative paths stay relative)."""
    case_path = make_case(tmp_path / "c", samples)
    data = json.loads(case_path.read_text(encoding="utf-8"))
    for a in data["attachments"]:
        if a["document"] == "business_license":
            a["path"], a["sha256"] = license_path, ""
    case_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return case_path


def _assert_left_out(result, content: dict[str, bytes], secret: bytes) -> None:  # type: ignore[no-untyped-def]
    codes = {f.code for f in result.findings}
    assert "bundle.left_out" in codes
    assert result.incomplete and not result.ok
    assert not any(n.startswith("files/") and "business-license" in n for n in content)
    encoded = base64.b64encode(secret)
    for name, data in content.items():
        assert secret not in data and encoded not in data, name
    manifest = json.loads(content["manifest.json"])
    assert manifest["status"] == "INCOMPLETE"
    assert "business_license" not in {f.get("document") for f in manifest["files"]}


def test_a_file_outside_the_case_never_enters_the_bundle(
    tmp_path: Path, samples: dict[str, Path]
) -> None:
    secret = tmp_path / "outside" / "shadow"
    secret.parent.mkdir()
    secret.write_bytes(SECRET)
    depth = len((tmp_path / "c").resolve().parts)
    relative = "../" * depth + str(secret.resolve()).lstrip("/")
    for path in (str(secret), relative, "../outside/shadow"):
        case_path = _hostile_case(tmp_path, samples, path)
        out = tmp_path / "b.zip"
        result = export_case(case_path, out, prepared_on=DAY, allow_incomplete=True)
        assert result.output == tmp_path / "b-INCOMPLETE.zip", path
        _assert_left_out(result, _zip(result.output), SECRET)
        # without --allow-incomplete nothing at all is written
        result.output.unlink()
        again = export_case(case_path, out, prepared_on=DAY)
        assert again.output is None and not list(tmp_path.glob("*.zip"))


def test_etc_passwd_by_a_relative_path(tmp_path: Path, samples: dict[str, Path]) -> None:
    passwd = Path("/etc/passwd")
    if not passwd.is_file():
        pytest.skip("no /etc/passwd on this system")
    case_path = _hostile_case(tmp_path, samples, "../../../../../../../../../../etc/passwd")
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY, allow_incomplete=True)
    assert result.output is not None
    _assert_left_out(result, _zip(result.output), passwd.read_bytes())


@pytest.mark.parametrize("kind", ["device", "fifo", "text", "symlink", "folder"])
def test_what_is_not_a_document_stays_out(
    tmp_path: Path, samples: dict[str, Path], kind: str
) -> None:
    folder = tmp_path / "c" / "files"
    folder.mkdir(parents=True)
    if kind == "device":
        path = "/dev/zero"
    elif kind == "fifo":
        os.mkfifo(folder / "license.jpg")
        path = "files/license.jpg"
    elif kind == "text":
        (folder / "license.jpg").write_bytes(SECRET)
        path = "files/license.jpg"
    elif kind == "symlink":
        target = tmp_path / "secret.txt"
        target.write_bytes(SECRET)
        (folder / "license.jpg").symlink_to(target)
        path = "files/license.jpg"
    else:
        (folder / "license.jpg").mkdir()
        path = "files/license.jpg"
    case_path = _hostile_case(tmp_path, samples, path)
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY, allow_incomplete=True)
    assert result.output is not None, [f.to_dict() for f in result.findings]
    _assert_left_out(result, _zip(result.output), SECRET)


def _gps_case(tmp_path: Path, samples: dict[str, Path]) -> Path:
    """A complete case whose license photo carries GPS: the export must strip it (a fix)."""
    items = corpus.build(tmp_path / "corpus")
    case_path = make_case(tmp_path / "c", samples)
    case, _ = load_case(case_path)
    assert case is not None
    photo = tmp_path / "c" / "files" / "gps.jpg"
    shutil.copy(items["gps"], photo)
    case.set_attachment("business_license", photo)
    save_case(case, case_path)
    return case_path


def _failing_fix(outputs: bool):  # type: ignore[no-untyped-def]
    """A fix_file that fails: writes nothing, or writes a copy that does not pass."""

    def fix(source, provider, output, **kw):  # type: ignore[no-untyped-def]
        result = FixResult(Path(source), inspection=kw.get("inspection"))
        if outputs:
            out = Path(output) / "fixed.jpg"
            shutil.copy(source, out)
            result.outputs = [out]
            bad = Finding(Severity.ERROR, "image.gps", "still has GPS")
            result.inspections = [Inspection(out, [bad], format="jpeg")]
        else:
            result.findings = [Finding(Severity.ERROR, "fix.failed", "could not")]
        return result

    return fix


def _inspect_only(path, provider, output, needs_fix, **kw):  # type: ignore[no-untyped-def]
    kw.pop("cancel", None)
    return attachments_mod.inspect_file(path, provider, **kw), None


@pytest.mark.parametrize("how", ["nothing_written", "copy_still_fails", "exception"])
def test_a_failed_fix_never_sends_the_original(
    tmp_path: Path, samples: dict[str, Path], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    case_path = _gps_case(tmp_path, samples)
    gps_bytes = (tmp_path / "c" / "files" / "gps.jpg").read_bytes()
    # the export fixes as its review inspects (inspect_then_fix): here it only inspects, so the
    # fix is made (and fails) while the bundle is built
    monkeypatch.setattr(attachments_mod, "inspect_then_fix", _inspect_only)
    if how == "exception":

        def broken(*a, **kw):  # type: ignore[no-untyped-def]
            raise MemoryError("decoder blew up")

        monkeypatch.setattr(attachments_mod, "fix_file", broken)
    else:
        monkeypatch.setattr(attachments_mod, "fix_file", _failing_fix(how == "copy_still_fails"))
    out = tmp_path / "b.zip"
    # the review is clean (GPS is fixed by the export): the failure is found while building
    result = export_case(case_path, out, prepared_on=DAY)
    assert result.output is None and not out.exists()
    assert "bundle.left_out" in {f.code for f in result.findings}
    result = export_case(case_path, out, prepared_on=DAY, allow_incomplete=True)
    assert result.output == tmp_path / "b-INCOMPLETE.zip"
    content = _zip(result.output)
    assert json.loads(content["manifest.json"])["status"] == "INCOMPLETE"
    assert all(gps_bytes not in data for data in content.values())


def test_a_missing_letter_template_marks_the_bundle_incomplete(
    tmp_path: Path, samples: dict[str, Path]
) -> None:
    case_path = make_case(tmp_path / "c", samples)
    case, _ = load_case(case_path)
    assert case is not None
    case.letter.template = str(tmp_path / "c" / "gone.docx")
    save_case(case, case_path)
    out = tmp_path / "b.zip"
    result = export_case(case_path, out, prepared_on=DAY)
    assert result.output is None and not out.exists()
    assert "letter.template_missing" in {f.code for f in result.findings}
    result = export_case(case_path, out, prepared_on=DAY, allow_incomplete=True)
    assert result.output is not None and result.incomplete
    content = _zip(result.output)
    assert "letter/authorization-letter.docx" not in content
    assert json.loads(content["manifest.json"])["status"] == "INCOMPLETE"


def test_a_renderer_that_fails_is_a_finding(tmp_path: Path, samples: dict[str, Path]) -> None:
    from assistant.core import bundle

    def broken(*a, **kw):  # type: ignore[no-untyped-def]
        raise RuntimeError("no display")

    case_path = make_case(tmp_path / "c", samples)
    result = bundle.export_case(case_path, tmp_path / "b.zip", render_checklist=broken)
    assert result.output is None
    assert "bundle.checklist_failed" in {f.code for f in result.findings}


# --------------------------------------------------------------------------------------- outputs
@pytest.mark.parametrize("which", ["case", "attachment", "device", "folder", "symlink"])
def test_the_output_is_never_an_input_or_a_special_file(
    tmp_path: Path, samples: dict[str, Path], which: str
) -> None:
    case_path = make_case(tmp_path / "c", samples)
    license_jpg = tmp_path / "c" / "files" / "business_license.jpg"
    expected = "bundle.output_is_input"
    if which == "case":
        out = case_path
    elif which == "attachment":
        out = license_jpg
    elif which == "device":
        out, expected = Path("/dev/null"), "bundle.output_not_regular"
    elif which == "folder":
        out, expected = tmp_path / "c" / "files", "bundle.output_not_regular"
    else:
        out = tmp_path / "link.zip"
        export_case(case_path, tmp_path / "ours.zip", prepared_on=DAY)
        out.symlink_to(tmp_path / "ours.zip")
        expected = "bundle.output_not_regular"
    before = {p: sha256_file(p) for p in (case_path, license_jpg)}
    for incomplete in (False, True):
        result = export_case(
            case_path, out, prepared_on=DAY, force=True, allow_incomplete=incomplete
        )
        assert result.output is None and expected in {f.code for f in result.findings}
    assert {p: sha256_file(p) for p in before} == before
    if which == "device":
        assert Path("/dev/null").is_char_device()


# --------------------------------------------------------------------------------------- leftovers
def test_no_absolute_path_in_any_bundle_file(tmp_path: Path, samples: dict[str, Path]) -> None:
    case_path = make_case(tmp_path / "c", samples)
    case, _ = load_case(case_path)
    assert case is not None
    # a changed attachment and a missing one: both findings name the file's path
    (tmp_path / "c" / "files" / "authorization_letter.jpg").write_bytes(
        (tmp_path / "c" / "files" / "business_license.jpg").read_bytes()
    )
    outside = tmp_path / "elsewhere" / "trademark.jpg"
    outside.parent.mkdir()
    shutil.copy(samples["business_license"], outside)
    case.set_attachment("trademark_certificate", outside)
    outside.unlink()
    save_case(case, case_path)
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY, allow_incomplete=True)
    assert result.output is not None
    messages = " ".join(f.message for f in result.findings)
    assert str(tmp_path) in messages  # the user is told where; the bundle is not
    content = _zip(result.output)
    texts = {n: d.decode("utf-8") for n, d in content.items() if n.endswith((".txt", ".json"))}
    texts["checklist.pdf"] = _pdf_text(content["checklist.pdf"])
    home = str(Path.home())
    absolute = re.compile(r"(?<![\w.:/])/(?:[^\s/\"]+/)+")
    for name, text in texts.items():
        assert str(tmp_path) not in text and home + "/" not in text, name
        if not name.startswith("api/"):  # base64 may look like a path ("/9j/4AAQ…")
            assert not absolute.search(text), (name, absolute.search(text))
    manifest = json.loads(content["manifest.json"])
    assert any("files/authorization_letter.jpg" in f["message"] for f in manifest["findings"])


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_leftovers_of_killed_exports_are_removed_at_the_next_start(
    tmp_path: Path, samples: dict[str, Path], private_root: Path
) -> None:
    case_path = make_case(tmp_path / "c", samples)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    stale_part = out_dir / ".b.zip.abcd1234.part"
    stale_part.write_bytes(b"PK half")
    someone_elses = out_dir / "download.zip.part"
    someone_elses.write_bytes(b"not ours")
    stale_work = private_root / "work-dead0001"
    stale_work.mkdir()
    (stale_work / ".lock").touch()
    (stale_work / "license-copy.jpg").write_bytes(b"copy")
    live_work = private_root / "work-live0001"
    live_work.mkdir()
    fd = os.open(live_work / ".lock", os.O_WRONLY | os.O_CREAT)
    fsio._lock(fd)  # a running export holds its folder's lock
    try:
        result = export_case(case_path, out_dir / "b.zip", prepared_on=DAY)
        assert result.ok
        assert not stale_part.exists() and someone_elses.exists()
        assert not stale_work.exists() and live_work.exists()
    finally:
        os.close(fd)
    assert sorted(p.name for p in out_dir.iterdir()) == ["b.zip", "download.zip.part"]
    assert sorted(p.name for p in private_root.iterdir()) == ["work-live0001"]


def test_the_work_folder_is_removed_after_success_and_failure(
    tmp_path: Path, samples: dict[str, Path], private_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.core.bundle import export as export_mod

    case_path = _gps_case(tmp_path, samples)  # a fix: copies are written to the work folder
    assert export_case(case_path, tmp_path / "a.zip", prepared_on=DAY).ok
    assert list(private_root.iterdir()) == []

    def full_disk(path, files, when):  # type: ignore[no-untyped-def]
        Path(path).write_bytes(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_mod, "write_zip", full_disk)
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY)
    assert "bundle.write_failed" in {f.code for f in result.findings}
    assert list(private_root.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["a.zip"]


def test_only_the_bundle_is_flushed_to_disk(
    tmp_path: Path, samples: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The letter's copy in the private folder is deleted right after: no fsync for it."""
    monkeypatch.undo()  # the real private folder: copies there are not flushed
    case_path = make_case(tmp_path / "c", samples)
    flushed: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{fd}") if sys.platform == "linux" else "?")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    out = tmp_path / "b.zip"
    result = export_case(case_path, out, prepared_on=DAY)
    assert result.ok and len(flushed) == 1
    if sys.platform == "linux":
        assert Path(flushed[0]).parent == tmp_path and flushed[0].endswith(".part")


def test_the_cleaner_never_takes_a_live_job_for_a_leftover(
    tmp_path: Path, private_root: Path
) -> None:
    """Exports start (and clean up) while others run: a folder or .part file is visible only
    once it is locked, so a concurrent clean-up never removes it (a batch lost a letter so)."""
    import threading

    stop = threading.Event()
    out = tmp_path / "out"
    out.mkdir()

    def cleaner() -> None:
        while not stop.is_set():
            fsio.remove_stale_work_folders()
            fsio.remove_stale_parts(out)

    threads = [threading.Thread(target=cleaner) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for i in range(150):
            with fsio.work_folder() as work:
                (work / "copy.jpg").write_bytes(b"x" * 1000)
                with fsio.atomic_output(out / f"b{i}.zip") as part:
                    Path(part).write_bytes(b"PK")
                    assert Path(part).exists()
                assert (work / "copy.jpg").exists()
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert len(list(out.iterdir())) == 150


@pytest.mark.parametrize("which", ["case", "image"])
def test_the_demo_never_writes_over_a_device_or_a_folder(tmp_path: Path, which: str) -> None:
    from assistant.core import bundle

    out = tmp_path / "demo"
    (out / "files").mkdir(parents=True)
    target = (
        out / "demo.smscase.json"
        if which == "case"
        else out / "files" / "sample-business-license.jpg"
    )
    os.mkfifo(target)
    _, result = bundle.write_demo(out, lang="en")
    assert result.output is None
    assert [f.code for f in result.findings] == ["bundle.output_not_regular"]
    assert target.is_fifo() and not (out / "demo-bundle.zip").exists()


def test_force_never_replaces_a_file_that_is_not_our_bundle(
    tmp_path: Path, samples: dict[str, Path]
) -> None:
    complete = make_case(tmp_path / "c", samples)
    broken = make_case(tmp_path / "d", samples, signature_names=["测试"])
    out = tmp_path / "b.zip"
    out.write_bytes(b"someone's archive")
    # an incomplete bundle goes to b-INCOMPLETE.zip: b.zip is not touched, so it may be written
    result = export_case(broken, out, prepared_on=DAY, force=True, allow_incomplete=True)
    assert result.output == tmp_path / "b-INCOMPLETE.zip"
    # a complete one would replace b.zip: refused, after the work, and nothing written
    result = export_case(complete, out, prepared_on=DAY, force=True)
    assert result.output is None and "bundle.not_ours" in {f.code for f in result.findings}
    assert out.read_bytes() == b"someone's archive"
    assert sorted(p.name for p in tmp_path.glob("*.zip")) == ["b-INCOMPLETE.zip", "b.zip"]
