"""Inspection and fixes of attachments on a generated corpus (tests/core/corpus.py)."""

from __future__ import annotations

import hashlib
import io
import itertools
import threading
from pathlib import Path

import pytest
from PIL import Image

from assistant.core.attachments import (
    FIXABLE_CODES,
    fix_file,
    inspect_file,
    safe_upload_name,
    thumbnail,
)
from assistant.core.attachments.strip import strip_jpeg, strip_png
from assistant.core.findings import Severity
from tests.core import corpus


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return corpus.build(tmp_path_factory.mktemp("corpus"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# (corpus item, provider, document, code expected, its severity)
CASES = [
    ("truncated", "alibaba", None, "file.truncated", Severity.ERROR),
    ("truncated_png", "alibaba", None, "file.truncated", Severity.ERROR),
    ("wrong_extension", "alibaba", None, "file.extension_mismatch", Severity.WARNING),
    ("random_bytes", "alibaba", None, "file.not_an_image", Severity.ERROR),
    ("text", "tencent", None, "file.not_an_image", Severity.ERROR),
    ("empty", "alibaba", None, "file.empty", Severity.ERROR),
    ("bomb_png", "alibaba", None, "file.bomb", Severity.ERROR),
    ("bomb_jpeg", "alibaba", None, "file.bomb", Severity.ERROR),
    ("tiny", "alibaba", "business_license", "image.too_few_pixels", Severity.ERROR),
    ("blank", "alibaba", None, "image.blank", Severity.ERROR),
    ("dark", "alibaba", None, "image.too_dark", Severity.WARNING),
    ("washed_out", "alibaba", None, "image.washed_out", Severity.WARNING),
    ("blurred", "alibaba", None, "image.blurred", Severity.WARNING),
    ("rotated", "alibaba", None, "image.rotated", Severity.WARNING),
    ("gps", "alibaba", None, "image.gps", Severity.WARNING),
    ("serial", "alibaba", None, "image.personal_metadata", Severity.WARNING),
    ("cmyk", "alibaba", None, "image.cmyk", Severity.WARNING),
    ("png16", "alibaba", None, "image.sixteen_bit", Severity.INFO),
    ("animated_gif", "alibaba", None, "image.animated", Severity.WARNING),
    ("alpha", "alibaba", None, "image.alpha", Severity.WARNING),
    ("alpha_unused", "alibaba", None, "image.alpha_unused", Severity.INFO),
    ("dpi", "alibaba", None, "image.unusual_dpi", Severity.INFO),
    ("webp", "tencent", None, "file.format_not_accepted", Severity.ERROR),
    ("bmp", "tencent", None, "file.format_not_accepted", Severity.ERROR),
    ("tiff", "huawei", None, "file.format_not_accepted", Severity.ERROR),
    ("svg", "huawei", None, "file.format_not_accepted", Severity.ERROR),
    ("heic", "alibaba", None, "file.format_not_accepted", Severity.ERROR),
    ("static_gif", "tencent", None, "file.format_not_accepted", Severity.ERROR),
    ("docx", "alibaba", None, "file.word_document", Severity.ERROR),
    ("large", "alibaba", None, "file.too_large", Severity.ERROR),
    ("encrypted_pdf", "huawei", None, "pdf.encrypted", Severity.ERROR),
    ("restricted_pdf", "huawei", None, "pdf.restricted", Severity.WARNING),
    ("truncated_pdf", "huawei", None, "pdf.broken", Severity.ERROR),
    ("broken_pdf", "huawei", None, "pdf.broken", Severity.ERROR),
    ("scanned_pdf", "huawei", None, "pdf.scanned", Severity.INFO),
    ("scanned_pdf", "tencent", None, "file.format_not_accepted", Severity.ERROR),
    ("vector_pdf", "alibaba", None, "file.format_not_accepted", Severity.ERROR),
    ("chinese_name", "alibaba", None, "file.name_renamed", Severity.INFO),
    ("huawei_name", "huawei", None, "file.name_renamed", Severity.INFO),
    ("deleted", "huawei", None, "file.not_found", Severity.ERROR),
]


@pytest.mark.parametrize(("item", "provider", "document", "code", "severity"), CASES)
def test_each_corpus_item_gives_its_finding(
    files: dict[str, Path],
    item: str,
    provider: str,
    document: str | None,
    code: str,
    severity: Severity,
) -> None:
    insp = inspect_file(files[item], provider, document)
    found = [f for f in insp.findings if f.code == code]
    assert found, f"{item}: expected {code}, got {sorted(insp.codes)}"
    assert found[0].severity is severity
    assert found[0].message and "{" not in found[0].message
    assert insp.ok is not any(f.severity is Severity.ERROR for f in insp.findings) or insp.cancelled


@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_good_files_are_clean(files: dict[str, Path], provider: str) -> None:
    for item in ("good_jpeg", "good_png"):
        insp = inspect_file(files[item], provider, "business_license")
        assert insp.ok and insp.findings == [], (item, insp.findings)
        assert insp.format == ("jpeg" if item == "good_jpeg" else "png")
        assert (insp.width, insp.height) == corpus.DOC_SIZE


def test_facts_of_a_scanned_pdf(files: dict[str, Path]) -> None:
    insp = inspect_file(files["scanned_pdf"], "huawei", "authorization_letter")
    assert insp.ok, insp.findings
    assert insp.format == "pdf" and insp.pages == 3 and insp.image_pages == (1, 2, 3)
    assert (insp.width, insp.height) == (1240, 1754)
    assert "pdf.pages" in insp.codes


def test_vector_pdf_is_accepted_by_huawei_and_not_scanned(files: dict[str, Path]) -> None:
    insp = inspect_file(files["vector_pdf"], "huawei")
    assert insp.ok and insp.pages == 1 and insp.image_pages == ()
    fix = [
        f
        for f in inspect_file(files["vector_pdf"], "tencent").findings
        if f.code == "file.format_not_accepted"
    ]
    assert "Export the pages" in (fix[0].fix or "")


def test_scanned_pdf_offers_extraction(files: dict[str, Path]) -> None:
    f = next(
        f
        for f in inspect_file(files["scanned_pdf"], "tencent").findings
        if f.code == "file.format_not_accepted"
    )
    assert "extract" in (f.fix or "")


def test_readability_depends_on_the_document_kind(tmp_path: Path) -> None:
    path = tmp_path / "shot.png"
    corpus.document_image((900, 490)).save(path)
    as_screenshot = inspect_file(path, "tencent", "app_store_screenshot")
    as_license = inspect_file(path, "tencent", "business_license")
    assert "image.too_few_pixels" not in as_screenshot.codes
    found = [f for f in as_license.findings if f.code == "image.too_few_pixels"]
    assert found and found[0].severity is Severity.ERROR and found[0].source == "derived"


def test_too_large_names_the_limit_and_its_source(files: dict[str, Path]) -> None:
    f = next(
        f for f in inspect_file(files["large"], "alibaba").findings if f.code == "file.too_large"
    )
    assert "2.0 MB" in f.message and f.source == "seed-003"
    # Tencent allows 5 MB: the same file passes there
    assert "file.too_large" not in inspect_file(files["large"], "tencent").codes


def test_name_finding_carries_the_upload_name(files: dict[str, Path]) -> None:
    f = next(
        f
        for f in inspect_file(files["huawei_name"], "huawei").findings
        if f.code == "file.name_renamed"
    )
    assert f.fixed_value == safe_upload_name(files["huawei_name"].name, "huawei")
    assert "#" in f.message and f.source == "huawei-api"
    assert "file.name_renamed" not in inspect_file(files["huawei_name"], "tencent").codes


def test_messages_in_chinese(files: dict[str, Path]) -> None:
    insp = inspect_file(files["gps"], "alibaba", lang="zh")
    assert "GPS" in insp.findings[0].message and "照片" in insp.findings[0].message


def test_unknown_document_is_a_finding_not_an_exception(files: dict[str, Path]) -> None:
    insp = inspect_file(files["good_jpeg"], "alibaba", "no_such_document")
    assert "file.unknown_document" in insp.codes


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    assert "file.not_a_file" in inspect_file(tmp_path, "alibaba").codes


def test_bomb_does_not_touch_pillow_globals(files: dict[str, Path]) -> None:
    before = Image.MAX_IMAGE_PIXELS
    insp = inspect_file(files["bomb_png"], "huawei")
    assert before == Image.MAX_IMAGE_PIXELS
    assert (insp.width, insp.height) == (30000, 30000)
    assert thumbnail(files["bomb_png"], 200) is None


# --------------------------------------------------------------------------------------- progress / cancel
def test_progress_is_monotonic_and_reaches_one(files: dict[str, Path]) -> None:
    seen: list[float] = []
    inspect_file(files["scanned_pdf"], "huawei", progress=seen.append)
    assert seen and seen[-1] == pytest.approx(1.0)
    assert all(0.0 <= a <= b <= 1.0 for a, b in itertools.pairwise(seen))


def test_cancel_before_start(files: dict[str, Path]) -> None:
    flag = threading.Event()
    flag.set()
    insp = inspect_file(files["good_jpeg"], "alibaba", cancel=flag)
    assert insp.cancelled and not insp.ok and "file.cancelled" in insp.codes


def test_cancel_during_a_fix_leaves_no_file(files: dict[str, Path], tmp_path: Path) -> None:
    flag = threading.Event()

    def progress(value: float) -> None:
        if value > 0.35:
            flag.set()

    result = fix_file(
        files["large"], "alibaba", tmp_path / "out.jpg", progress=progress, cancel=flag
    )
    assert result.cancelled and not result.ok and result.outputs == []
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------------------- fixes
FIX_CASES = [
    ("wrong_extension", "alibaba", None),
    ("rotated", "alibaba", None),
    ("gps", "alibaba", None),
    ("serial", "huawei", None),
    ("cmyk", "tencent", None),
    ("png16", "tencent", None),
    ("animated_gif", "alibaba", None),
    ("alpha", "alibaba", None),
    ("alpha_unused", "alibaba", None),
    ("dpi", "alibaba", None),
    ("webp", "tencent", None),
    ("bmp", "tencent", None),
    ("tiff", "huawei", None),
    ("heic", "alibaba", None),
    ("static_gif", "tencent", None),
    ("large", "alibaba", "business_license"),
    ("restricted_pdf", "huawei", None),
    ("scanned_pdf_1", "alibaba", None),
    ("good_jpeg", "tencent", None),
]


@pytest.mark.parametrize(("item", "provider", "document"), FIX_CASES)
def test_fix_passes_reinspection_and_keeps_the_original(
    files: dict[str, Path], tmp_path: Path, item: str, provider: str, document: str | None
) -> None:
    src = files[item]
    before = _digest(src)
    problems = inspect_file(src, provider, document).codes & FIXABLE_CODES
    result = fix_file(src, provider, tmp_path / "fixed.jpg", document)
    assert _digest(src) == before, "the original was modified"
    assert result.ok, (result.findings, [i.findings for i in result.inspections])
    assert result.outputs and all(p.exists() for p in result.outputs)
    for again in result.inspections:
        assert not (again.codes & problems), (problems, again.codes)
        assert again.format in ("jpeg", "png", "gif", "pdf")


def test_shrink_keeps_best_quality_that_fits(files: dict[str, Path], tmp_path: Path) -> None:
    result = fix_file(files["large"], "alibaba", tmp_path / "small.jpg", "business_license")
    out = result.outputs[0]
    assert out.stat().st_size <= 2 * 1024 * 1024 < files["large"].stat().st_size
    shrunk = next(f for f in result.findings if f.code == "fix.shrunk")
    assert "quality" in shrunk.message
    with Image.open(out) as im:
        assert min(im.size) >= 1000  # never below the certificate's readable size


def test_cannot_fit_says_so(tmp_path: Path) -> None:
    # pure noise of 1200x1200 cannot fit in a tiny budget without going below the floor
    src = tmp_path / "noise.png"
    Image.effect_noise((1200, 1200), 120).convert("RGB").save(src)
    from assistant.core.attachments import fixes
    from assistant.core.attachments.model import Context

    ctx, _ = Context.make("alibaba", "business_license", None, "en", None, None)
    with Image.open(src) as im:
        im.load()
        assert fixes.fit_jpeg(ctx, im, 20_000, 1000, None) is None


def test_scanned_pdf_becomes_page_images(files: dict[str, Path], tmp_path: Path) -> None:
    result = fix_file(files["scanned_pdf"], "tencent", tmp_path / "letter.jpg")
    assert result.ok
    assert [p.name for p in result.outputs] == ["letter-p1.jpg", "letter-p2.jpg", "letter-p3.jpg"]
    assert "fix.extracted" in {f.code for f in result.findings}
    with Image.open(result.outputs[1]) as im:
        assert im.format == "JPEG" and im.size == (1240, 1754)


def test_huawei_keeps_an_acceptable_pdf(files: dict[str, Path], tmp_path: Path) -> None:
    result = fix_file(files["scanned_pdf"], "huawei", tmp_path / "letter")
    assert result.ok and [p.name for p in result.outputs] == ["letter.pdf"]
    assert result.outputs[0].read_bytes() == files["scanned_pdf"].read_bytes()


def test_output_extension_follows_the_format(files: dict[str, Path], tmp_path: Path) -> None:
    result = fix_file(files["webp"], "tencent", tmp_path / "license.webp")
    assert result.ok and result.outputs == [tmp_path / "license.jpg"]
    assert "fix.output_renamed" in {f.code for f in result.findings}
    result = fix_file(files["good_png"], "tencent", tmp_path / "shot")
    assert result.outputs == [tmp_path / "shot.png"]


def test_output_directory(files: dict[str, Path], tmp_path: Path) -> None:
    result = fix_file(files["gps"], "alibaba", tmp_path)
    assert result.outputs == [tmp_path / "gps.jpg"]


def test_refuses_to_write_over_the_input(files: dict[str, Path]) -> None:
    src = files["gps"]
    before = _digest(src)
    result = fix_file(src, "alibaba", src)
    assert not result.ok and result.outputs == []
    assert [f.code for f in result.findings] == ["fix.output_is_input"]
    # the same file through its folder: written as a "-fixed" sibling, never over the original
    result = fix_file(src, "alibaba", src.parent)
    assert result.ok and result.outputs[0] != src
    result.outputs[0].unlink()
    assert _digest(src) == before


def test_unfixable_files(files: dict[str, Path], tmp_path: Path) -> None:
    for item, code in (
        ("truncated", "fix.cannot_fix"),
        ("encrypted_pdf", "fix.cannot_fix"),
        ("vector_pdf", "fix.pdf_not_scanned"),
        ("svg", "fix.cannot_fix"),
        ("deleted", "fix.cannot_fix"),
    ):
        result = fix_file(files[item], "alibaba", tmp_path / f"{item}.jpg")
        assert not result.ok and code in {f.code for f in result.findings}, item
        assert result.outputs == []
    # a blank picture can be copied but not made to pass
    result = fix_file(files["blank"], "alibaba", tmp_path / "blank.jpg")
    assert not result.ok and "fix.not_passing" in {f.code for f in result.findings}


def test_fixes_are_deterministic(files: dict[str, Path], tmp_path: Path) -> None:
    for item in ("large", "rotated", "alpha"):
        a = fix_file(files[item], "alibaba", tmp_path / "a" / "x.jpg").outputs[0].read_bytes()
        b = fix_file(files[item], "alibaba", tmp_path / "b" / "x.jpg").outputs[0].read_bytes()
        assert a == b, item


def test_rotation_is_applied_to_pixels(files: dict[str, Path], tmp_path: Path) -> None:
    result = fix_file(files["rotated"], "alibaba", tmp_path / "upright.jpg")
    with Image.open(result.outputs[0]) as im:
        assert im.size == corpus.DOC_SIZE  # landscape again
        assert not im.getexif()


def test_metadata_is_stripped_losslessly(files: dict[str, Path], tmp_path: Path) -> None:
    result = fix_file(files["gps"], "alibaba", tmp_path / "clean.jpg")
    with Image.open(files["gps"]) as a, Image.open(result.outputs[0]) as b:
        assert a.tobytes() == b.tobytes()  # same pixels, no re-encode
        assert not b.getexif()


def test_sixteen_bit_is_scaled_not_clipped(files: dict[str, Path], tmp_path: Path) -> None:
    result = fix_file(files["png16"], "tencent", tmp_path / "deep.png")
    with Image.open(result.outputs[0]) as im:
        assert im.mode == "L"
        lo, hi = im.getextrema()
        assert lo < 64 and 200 < hi <= 255


# --------------------------------------------------------------------------------------- strip
def test_strip_jpeg_drops_trailers_and_keeps_pixels() -> None:
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Maker"
    corpus.document_image((320, 200)).save(buf, "JPEG", exif=exif, progressive=True)
    data = buf.getvalue() + b"TRAILING MPF IMAGE DATA"
    out = strip_jpeg(data)
    assert out is not None and out.endswith(b"\xff\xd9") and b"Exif" not in out
    with Image.open(io.BytesIO(out)) as a, Image.open(io.BytesIO(buf.getvalue())) as b:
        assert a.tobytes() == b.tobytes()
    assert strip_jpeg(data[:100]) is None
    assert strip_png(b"\x89PNG\r\n\x1a\n" + b"\x00" * 5) is None


# --------------------------------------------------------------------------------------- names
def test_safe_upload_name() -> None:
    assert safe_upload_name("license.JPG", "tencent") == "license.jpg"
    assert safe_upload_name("my #1 [final]; copy.png", "huawei") == "my_1_final_copy.png"
    a = safe_upload_name("营业执照.jpg", "alibaba")
    b = safe_upload_name("授权书.jpg", "alibaba")
    assert a != b and a.isascii() and a.endswith(".jpg")
    assert safe_upload_name("营业执照.jpg", "alibaba") == a  # deterministic
    assert safe_upload_name("Café.png", "alibaba").startswith("Cafe")
    assert (
        safe_upload_name("scan.pdf", "huawei", role="authorization_letter")
        == "authorization_letter-scan.pdf"
    )
    assert safe_upload_name(r"C:\Users\x\photo.jpeg", "huawei") == "photo.jpeg"
    assert safe_upload_name("", "huawei") == "file"
    assert safe_upload_name(".hidden", "huawei") == "hidden"


# --------------------------------------------------------------------------------------- thumbnail
def test_thumbnail(files: dict[str, Path]) -> None:
    for item in ("good_jpeg", "rotated", "cmyk", "png16", "alpha", "heic", "scanned_pdf", "large"):
        im = thumbnail(files[item], 256)
        assert im is not None, item
        assert max(im.size) <= 256 and im.mode in ("RGB", "RGBA", "L")
    rotated = thumbnail(files["rotated"], 256)
    assert rotated is not None and rotated.width > rotated.height  # EXIF orientation applied
    for item in (
        "random_bytes",
        "empty",
        "truncated",
        "bomb_jpeg",
        "vector_pdf",
        "encrypted_pdf",
        "deleted",
        "svg",
    ):
        assert thumbnail(files[item], 256) is None, item
