"""Bounded work (#17): only regular files are read, every library error is a finding, and the
limits on pages, frames, scans, pixels and time give their own findings. Inputs come from
tests/hostile/builders.py; the whole hostile corpus runs under resource limits in tests/hostile/.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from assistant.core.attachments import (
    display_path,
    fix_file,
    inspect_file,
    inspection,
    pdf,
    pdf_fix,
    raster,
    thumbnail,
)
from assistant.core.attachments.source import SourceProblem, check_path, open_source
from tests.core import corpus
from tests.hostile import builders

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux file types")


def _finishes(call: Callable[[], Any], seconds: float = 120.0) -> Any:
    """Run ``call`` in a thread; fail (instead of hanging the suite) if it never returns."""
    box: list[Any] = []
    thread = threading.Thread(target=lambda: box.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, "blocked: a read of something that is not a regular file"
    return box[0]


@linux_only
@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (builders.fifo, "named pipe"),
        (lambda d: Path("/dev/zero"), "device"),
        (lambda d: Path("/dev/urandom"), "device"),
        (builders.unix_socket, "socket"),
        (lambda d: d, "folder"),
        (lambda d: Path("/proc/self/mem"), "system entry"),
    ],
    ids=["fifo", "dev_zero", "dev_urandom", "socket", "folder", "proc_self_mem"],
)
def test_what_is_not_a_regular_file_is_never_read(
    tmp_path: Path, make: Callable[[Path], Path], kind: str
) -> None:
    path = make(tmp_path)
    insp = _finishes(lambda: inspect_file(path, "alibaba"))
    assert [f.code for f in insp.findings] == ["file.not_a_file"]
    assert kind in insp.findings[0].message
    result = _finishes(lambda: fix_file(path, "alibaba", tmp_path / "out.jpg"))
    assert [f.code for f in result.findings] == ["fix.cannot_fix"] and not result.outputs
    assert _finishes(lambda: thumbnail(path, 64)) is None


@linux_only
def test_symlink_loop_and_odd_paths(tmp_path: Path) -> None:
    loop = builders.symlink_loop(tmp_path)
    assert inspect_file(loop, "tencent").codes == {"file.symlink_loop"}
    assert fix_file(loop, "tencent", tmp_path).findings[0].code == "fix.cannot_fix"
    for path, code in (
        (f"{tmp_path}/a\x00b.jpg", "file.path_nul"),
        (f"{tmp_path}/\ud800.jpg", "file.path_encoding"),
        (f"{tmp_path}/{'x' * 256}.jpg", "file.path_too_long"),
        (f"{tmp_path}/{'d/' * 2100}x.jpg", "file.path_too_long"),
    ):
        insp = inspect_file(path, "tencent")
        assert insp.codes == {code}, path[:60]
        insp.findings[0].message.encode("utf-8")  # printable: no surrogates, no NUL
        assert thumbnail(path, 64) is None


def test_a_name_with_undecodable_bytes_is_checked_and_printable(tmp_path: Path) -> None:
    path = builders.surrogate_name(tmp_path)
    insp = inspect_file(path, "alibaba", "business_license")
    assert insp.ok and "file.name_renamed" in insp.codes
    renamed = next(f for f in insp.findings if f.code == "file.name_renamed")
    renamed.message.encode("utf-8")
    assert renamed.fixed_value and renamed.fixed_value.isascii()
    assert "\ufffd" in display_path(path) and display_path(path).encode("utf-8")
    result = fix_file(path, "alibaba", tmp_path / "out")
    assert result.ok


def test_source_checks_the_opened_descriptor(tmp_path: Path) -> None:
    good = tmp_path / "good.jpg"
    good.write_bytes(builders.jpeg_bytes())
    fh, st = open_source(good)
    with fh:
        assert st.st_size == good.stat().st_size and fh.read(2) == b"\xff\xd8"
    with pytest.raises(SourceProblem) as raised:
        check_path("bad\x00name")
    assert raised.value.code == "file.path_nul"


def test_a_file_over_the_input_cap_is_not_opened(tmp_path: Path, monkeypatch) -> None:
    from assistant.core.attachments import source

    path = tmp_path / "big.jpg"
    path.write_bytes(builders.jpeg_bytes())
    monkeypatch.setattr(source, "MAX_INPUT_BYTES", 1000)
    insp = inspect_file(path, "tencent")
    assert insp.codes == {"file.too_big_to_check"}


def test_time_budget_is_a_finding_not_a_hang(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "license.jpg"
    path.write_bytes(builders.jpeg_bytes(corpus.document_image()))
    monkeypatch.setattr(inspection, "INSPECT_SECONDS", -1.0)  # already out of time
    insp = inspect_file(path, "tencent")
    assert insp.codes == {"file.time_budget"} and not insp.ok and not insp.cancelled
    from assistant.core.attachments import fixes

    monkeypatch.setattr(fixes, "FIX_SECONDS", -1.0)
    result = fix_file(path, "tencent", tmp_path / "out.jpg")
    assert [f.code for f in result.findings] == ["fix.cannot_fix"] and not result.outputs
    assert "stopped" in result.findings[0].message


def test_tiff_frames_are_walked_only_up_to_the_limit(tmp_path: Path, monkeypatch) -> None:
    path = builders.tiff_many_ifds(tmp_path / "frames.tif", count=3000)
    monkeypatch.setattr(raster, "MAX_FRAMES", 200)
    seen: list[int] = []
    real_seek = Image.Image.seek

    def seek(self: Image.Image, frame: int) -> None:
        seen.append(frame)
        real_seek(self, frame)

    from PIL import TiffImagePlugin

    monkeypatch.setattr(TiffImagePlugin.TiffImageFile, "seek", seek, raising=False)
    with Image.open(path) as im:
        assert raster.frame_count(im, "tiff") is None  # more than 200: not counted to the end
    assert max(seen) <= 200
    insp = inspect_file(path, "huawei")
    assert "image.animated" in insp.codes


def test_jpeg_of_thousands_of_scans_is_refused_before_decoding(tmp_path: Path) -> None:
    path = builders.jpeg_scan_bomb(tmp_path / "scans.jpg", scans=300)
    insp = inspect_file(path, "tencent")
    assert insp.codes == {"image.too_many_scans"}
    assert "300" in insp.findings[0].message
    assert fix_file(path, "tencent", tmp_path / "o.jpg").findings[0].code == "fix.cannot_fix"
    assert thumbnail(path, 64) is None  # the preview refuses it before libjpeg sees it


def test_lying_dimensions_are_truncation(tmp_path: Path) -> None:
    for path in (
        builders.jpeg_lying_size(tmp_path / "lying.jpg"),
        builders.png_lying_size(tmp_path / "lying.png"),
    ):
        assert inspect_file(path, "alibaba").codes == {"file.truncated"}, path.name
        assert thumbnail(path, 64) is None or path.suffix == ".png", path.name
    # a real, highly compressible picture is not mistaken for one
    flat = tmp_path / "flat.png"
    Image.new("L", (4000, 3000), 255).save(flat, optimize=True)
    assert "file.truncated" not in inspect_file(flat, "alibaba").codes


def test_pdf_pages_are_decoded_within_a_pixel_budget(tmp_path: Path, monkeypatch) -> None:
    path = builders.pdf_scans(tmp_path / "scans.pdf", pages=4, side=1500)
    monkeypatch.setattr(pdf, "PDF_ANALYSIS_PIXELS", 2 * 1500 * 1500)
    insp = inspect_file(path, "huawei")
    budget = next(f for f in insp.findings if f.code == "pdf.analysis_budget")
    assert "3–4" in budget.message
    assert insp.image_pages == (1, 2, 3, 4)


def test_page_extraction_is_refused_over_its_budget(tmp_path: Path, monkeypatch) -> None:
    path = builders.pdf_scans(tmp_path / "scans.pdf", pages=3, side=1200)
    monkeypatch.setattr(pdf_fix, "FIX_MAX_PAGES", 2)
    result = fix_file(path, "tencent", tmp_path / "page.jpg")
    assert [f.code for f in result.findings] == ["fix.too_much_work"] and not result.outputs
    monkeypatch.setattr(pdf_fix, "FIX_MAX_PAGES", 20)
    monkeypatch.setattr(pdf_fix, "FIX_PIXEL_BUDGET", 2 * 1200 * 1200)
    result = fix_file(path, "tencent", tmp_path / "page.jpg")
    assert "fix.too_much_work" in {f.code for f in result.findings} and not result.outputs
    monkeypatch.setattr(pdf_fix, "FIX_PIXEL_BUDGET", 3 * 1200 * 1200)
    assert fix_file(path, "tencent", tmp_path / "page.jpg").ok


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (builders.pdf_jbig2, "pdf.no_decoder"),
        (builders.pdf_many_filters, "pdf.no_decoder"),
        (builders.pdf_buffer_over_limit, "pdf.page_limit"),
        (builders.pdf_content_bomb, "pdf.page_limit"),
        (builders.pdf_lying_image, "pdf.broken_page"),
    ],
    ids=["jbig2", "20_filters", "buffer_limit", "content_bomb", "lying_image"],
)
def test_pdf_library_errors_are_findings(
    tmp_path: Path, make: Callable[[Path], Path], code: str
) -> None:
    path = make(tmp_path / "x.pdf")
    insp = inspect_file(path, "huawei")
    assert code in insp.codes, sorted(insp.codes)
    result = fix_file(path, "tencent", tmp_path / "out.jpg")
    assert result.findings and not result.ok
    assert thumbnail(path, 64) is None or code != "pdf.no_decoder"


def test_pypdf_limit_and_dependency_errors_are_named(tmp_path: Path) -> None:
    from pypdf.errors import DependencyError, LimitReachedError

    from assistant.core.attachments.model import Context

    ctx, _ = Context.make("huawei", None, None, "en", None, None)
    assert pdf.page_problem(ctx, DependencyError("jbig2dec binary is not available."), 2).code == (
        "pdf.no_decoder"
    )
    assert pdf.page_problem(ctx, LimitReachedError("Limit reached"), 2).code == "pdf.page_limit"
    assert pdf.document_problem(ctx, LimitReachedError("Declared size")).code == "pdf.limit"
    assert pdf.document_problem(ctx, RecursionError()).code == "pdf.limit"
    assert pdf.document_problem(ctx, ValueError("bad xref")).code == "pdf.broken"


def test_unforeseen_decoder_errors_become_findings(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "license.png"
    corpus.document_image().save(path)

    def broken(*args: object, **kwargs: object) -> None:
        raise LookupError("a decoder bug nobody foresaw")

    monkeypatch.setattr(raster, "open_image", broken)
    insp = inspect_file(path, "tencent")
    assert insp.codes == {"file.corrupt"} and "nobody foresaw" in insp.findings[0].message
    result = fix_file(path, "tencent", tmp_path / "out.png")
    assert result.findings[-1].code == "fix.cannot_fix"


@linux_only
def test_output_paths_that_cannot_be_written(tmp_path: Path) -> None:
    src = tmp_path / "license.jpg"
    src.write_bytes(builders.jpeg_bytes(corpus.document_image()))
    bad = fix_file(src, "tencent", f"{tmp_path}/out\x00.jpg")
    assert [f.code for f in bad.findings] == ["fix.output_failed"]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    under_file = fix_file(src, "tencent", blocker / "out.jpg")
    assert "fix.output_failed" in {f.code for f in under_file.findings}
    # a named pipe waiting at the output path is replaced, never opened
    pipe = tmp_path / "out.jpg"
    os.mkfifo(pipe)
    result = _finishes(lambda: fix_file(src, "tencent", pipe))
    assert result.ok and pipe.is_file()
    assert not list(tmp_path.glob(".*.part"))


@linux_only
def test_cli_prints_findings_for_hostile_paths(tmp_path: Path) -> None:
    pipe = builders.fifo(tmp_path)
    odd = builders.surrogate_name(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    for argv, expected in (
        (["check-file", "--provider", "tencent", str(pipe), "/dev/zero"], 1),
        (["check-file", "--provider", "alibaba", os.fsdecode(odd)], 0),
        (["fix-file", "--provider", "alibaba", os.fsdecode(odd), "-o", str(tmp_path / "o")], 0),
        (["fix-file", "--provider", "tencent", str(pipe), "-o", str(tmp_path / "p")], 1),
    ):
        run = subprocess.run(
            [sys.executable, "-m", "assistant", *argv],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=300,
            check=False,
        )
        assert run.returncode == expected, run.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in run.stderr


def test_zip_with_a_huge_central_directory_is_not_listed(tmp_path: Path) -> None:
    path = builders.zip_many_entries(tmp_path / "many.docx", count=6000)
    assert inspect_file(path, "tencent").codes >= {"file.not_an_image"}


def test_thumbnail_of_a_good_file_still_works(tmp_path: Path) -> None:
    path = tmp_path / "p.png"
    corpus.document_image().save(path)
    thumb = thumbnail(path, 100)
    assert thumb is not None and max(thumb.size) == 100
    buf = io.BytesIO()
    thumb.save(buf, "PNG")
