"""One decode per photo (#18): the fix works on the pixels its inspection decoded, a photo that
must shrink is decoded reduced (JPEG DCT scaling) and turned upright after that, nothing is
encoded at a size predicted not to fit, the written copy is re-inspected without decoding it
again — and the result is still upright, under the limit, readable, free of GPS and serials,
and byte-identical on every run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
import re
import threading
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from assistant.core.attachments import decoded as decoded_mod
from assistant.core.attachments import encode as encode_mod
from assistant.core.attachments import fix_file, inspect_file, metadata, raster
from assistant.core.attachments import fixes as fixes_mod
from assistant.core.attachments.decoded import Known
from assistant.core.attachments.inspection import inspect_with
from assistant.core.attachments.model import Context
from assistant.core.bundle import export_case, sample_case
from assistant.core.model import Attachment, save_case
from tests.core import corpus

DAY = dt.date(2026, 3, 2)
LIMIT = 2 * 1024 * 1024  # Alibaba's files.max_bytes
RED = (220, 20, 20)


def _exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 2.0)}  # GPS
    exif[0x8769] = {0xA431: "SN-0042-CAMERA"}  # BodySerialNumber
    return exif


def _photo(size: tuple[int, int], seed: int) -> Image.Image:
    """A noisy document photo with a red square in the stored top-left corner."""
    im = corpus.noisy_photo(size, seed=seed)
    im.paste(RED, (0, 0, size[0] // 10, size[1] // 10))
    return im


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("photos")
    files = {}
    files["big"] = d / "IMG_big.jpg"  # over 2 MB, stored sideways, GPS and a camera serial
    _photo((4000, 3000), 1).save(files["big"], quality=92, exif=_exif(6))
    files["phone"] = d / "IMG_phone.jpg"  # under every limit, sideways, GPS
    _photo((1600, 1200), 2).save(files["phone"], quality=85, exif=_exif(6))
    files["trailer"] = d / "IMG_trailer.jpg"  # over 2 MB only by an appended depth map
    buf = io.BytesIO()
    _photo((1600, 1200), 3).save(buf, "JPEG", quality=85)
    files["trailer"].write_bytes(buf.getvalue() + b"\xff\xd8\xff" + random.randbytes(LIMIT))
    try:
        import pillow_heif

        heif = pillow_heif.from_pillow(_photo((960, 720), 4))
        files["heic"] = d / "IMG_0001.HEIC"
        heif.save(files["heic"], quality=70, exif=_exif(1).tobytes())
    except ImportError:  # pragma: no cover
        pass
    return files


class Decodes:
    """Every picture decoded (Pillow's load that reads pixels; pillow-heif's decode), by size."""

    def __init__(self) -> None:
        self.jpeg: Counter[tuple[int, int]] = Counter()
        self.heic = 0
        self._lock = threading.Lock()

    def total(self) -> int:
        return sum(self.jpeg.values()) + self.heic


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Decodes]:
    seen = Decodes()
    real_load = ImageFile.ImageFile.load

    def load(self: ImageFile.ImageFile):  # type: ignore[no-untyped-def]
        if self.tile and self.format == "JPEG":
            with seen._lock:
                seen.jpeg[self.size] += 1
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    if raster.HEIC_SUPPORTED:
        real_open = raster.pillow_heif.open_heif

        def open_heif(*args, **kwargs):  # type: ignore[no-untyped-def]
            with seen._lock:
                seen.heic += 1
            return real_open(*args, **kwargs)

        monkeypatch.setattr(raster.pillow_heif, "open_heif", open_heif)
    yield seen


def _upright_red_corner(path: Path) -> tuple[int, int, tuple[int, ...]]:
    """(width, height, colour near the top-right corner) of a written picture."""
    with Image.open(path) as im:
        im.load()
        return im.width, im.height, im.convert("RGB").getpixel((im.width - 5, 5))


def _clean(path: Path) -> None:
    """No location and no camera data anywhere in the file (raw scan and re-inspection)."""
    scan = metadata.scan(path.read_bytes(), "jpeg")
    assert scan is not None and not scan.gps and not scan.personal
    with Image.open(path) as im:
        assert not im.getexif()
    assert not inspect_file(path, "alibaba").codes & {"image.gps", "image.personal_metadata"}


# --------------------------------------------------------------------------------------- fix_file
def test_shrink_decodes_once_reduced_then_upright_and_fits(
    photos: dict[str, Path], tmp_path: Path, decodes: Decodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a 4000x3000 photo stands for a 48 MP one: keep >= 2 MP (the real value is 8 MP)
    monkeypatch.setattr(decoded_mod, "SHRINK_KEEP_PIXELS", 2_000_000)
    src = photos["big"]
    assert src.stat().st_size > LIMIT
    result = fix_file(src, "alibaba", tmp_path / "a.jpg", "business_license")
    assert result.ok, result.findings
    # decoded once, at half size by DCT scaling (the inspection's statistics came from it too);
    # the copy written was re-inspected without decoding it
    assert decodes.jpeg == Counter({(2000, 1500): 1}), decodes.jpeg
    out = result.outputs[0]
    assert out.stat().st_size <= LIMIT
    width, height, corner = _upright_red_corner(out)
    assert (width, height) == (1500, 2000)  # turned upright: portrait
    assert min(width, height) >= 1000  # the certificate's readable size (files.min_side)
    assert corner[0] > 150 and corner[1] < 90 and corner[2] < 90  # stored top-left: now top-right
    assert {"fix.rotated", "fix.shrunk", "fix.metadata_removed"} <= {
        f.code for f in result.findings
    }
    _clean(out)
    again = fix_file(src, "alibaba", tmp_path / "b.jpg", "business_license")
    assert again.outputs[0].read_bytes() == out.read_bytes()  # deterministic


def test_without_a_shrink_the_photo_keeps_its_size_and_is_decoded_once(
    photos: dict[str, Path], tmp_path: Path, decodes: Decodes
) -> None:
    result = fix_file(photos["phone"], "tencent", tmp_path / "t.jpg", "business_license")
    assert result.ok, result.findings
    assert decodes.jpeg == Counter({(1600, 1200): 1})
    assert _upright_red_corner(result.outputs[0])[:2] == (1200, 1600)
    _clean(result.outputs[0])


def test_a_copy_that_fits_once_stripped_is_never_decoded_for_the_fix(
    photos: dict[str, Path], tmp_path: Path, decodes: Decodes
) -> None:
    src = photos["trailer"]
    assert src.stat().st_size > LIMIT
    result = fix_file(src, "alibaba", tmp_path / "s.jpg", "business_license")
    assert result.ok, result.findings
    assert "fix.metadata_removed" in {f.code for f in result.findings}
    # the inspection's reduced decode (1/2 here) of the source, and of the stripped copy: no more
    assert decodes.jpeg == Counter({(800, 600): 2})
    assert result.outputs[0].stat().st_size < LIMIT


@pytest.mark.skipif(not raster.HEIC_SUPPORTED, reason="pillow-heif not installed")
def test_heic_is_decoded_once_and_becomes_a_clean_jpeg(
    photos: dict[str, Path], tmp_path: Path, decodes: Decodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = photos["heic"]
    assert "image.gps" in inspect_file(src, "tencent").codes
    decodes.heic = 0
    stats: list[tuple[int, int]] = []
    real_stats = raster.pixel_stats

    def pixel_stats(im: Image.Image) -> raster.Stats:
        stats.append(im.size)
        return real_stats(im)

    monkeypatch.setattr(raster, "pixel_stats", pixel_stats)
    result = fix_file(src, "tencent", tmp_path / "h.jpg", "business_license")
    assert result.ok, result.findings
    assert decodes.heic == 1 and decodes.total() == 1
    # the JPEG holds exactly the pixels inspected: their statistics serve its re-inspection too
    assert stats == [(960, 720)]
    out = result.outputs[0]
    assert out.suffix == ".jpg" and "fix.converted" in {f.code for f in result.findings}
    assert _upright_red_corner(out)[:2] == (960, 720)
    _clean(out)
    again = fix_file(src, "tencent", tmp_path / "h2.jpg", "business_license")
    assert again.outputs[0].read_bytes() == out.read_bytes()


# --------------------------------------------------------------------------------------- re-inspection
def test_reinspection_takes_known_pixels_only_for_the_exact_bytes_written(
    photos: dict[str, Path], tmp_path: Path, decodes: Decodes
) -> None:
    good = tmp_path / "good.jpg"
    good.write_bytes(photos["phone"].read_bytes())
    blank = Image.new("RGB", (1600, 1200), (255, 255, 255))
    ctx, _ = Context.make("tencent", "business_license", None, "en", None, None)
    # the file holds other bytes than the ones "written": its own pixels are decoded and judged
    other = inspect_with(ctx, good, known=Known(b"not these bytes", blank))
    assert "image.blank" not in other.codes and sum(decodes.jpeg.values()) == 1
    # the very bytes written: the pixels they came from stand for a decode (here: blank)
    same = inspect_with(ctx, good, known=Known(good.read_bytes(), blank))
    assert "image.blank" in same.codes and sum(decodes.jpeg.values()) == 1
    # and everything else is still read from the file: its metadata, its orientation
    assert {"image.gps", "image.rotated"} <= same.codes


def test_a_size_predicted_not_to_fit_is_never_encoded(monkeypatch: pytest.MonkeyPatch) -> None:
    im = corpus.noisy_photo((2400, 1800), seed=7)
    sizes: list[tuple[int, int]] = []
    real = encode_mod.encode

    def encode(image, fmt, icc, quality=95, level=6):  # type: ignore[no-untyped-def]
        sizes.append(image.size)
        return real(image, fmt, icc, quality, level)

    monkeypatch.setattr(encode_mod, "encode", encode)
    ctx, _ = Context.make("alibaba", "business_license", None, "en", None, None)
    fitted = encode_mod.fit_jpeg(ctx, im, 250_000, 500, None)
    assert fitted is not None
    data, _, pixels = fitted
    assert len(data) <= 250_000 and min(pixels.size) >= 500
    full = [s for s in sizes if s[0] * s[1] > 0.2 * 2400 * 1800]  # not the 1/16 samples
    # the full size was predicted not to fit at any quality: the only whole picture encoded is
    # the one written
    assert set(full) == {pixels.size} and pixels.size != im.size, sizes


@pytest.mark.parametrize("orientation", range(2, 9))
def test_turning_a_picture_keeps_its_statistics(orientation: int) -> None:
    im = corpus.noisy_photo((1600, 1200), seed=9)  # 1600 // 480 = 3: not a multiple …
    im = im.crop((0, 0, 1596, 1197))  # … now both sides are
    before = raster.pixel_stats(im)
    after = raster.pixel_stats(raster.upright(im, orientation))
    assert dataclasses.replace(after, size=before.size) == before


# --------------------------------------------------------------------------------------- export
def _case(folder: Path, provider: str, files: list[tuple[str, Path]]) -> Path:
    case = sample_case("zh", dt.date.today())
    case.provider = provider
    case.region = "mainland" if provider == "tencent" else None
    for doc, path in files:
        case.attachments.append(Attachment(doc, str(path), ""))
    path = folder / f"{provider}.smscase.json"
    save_case(case, path)
    return path


def test_export_decodes_each_photo_once(
    photos: dict[str, Path], tmp_path: Path, decodes: Decodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    stats: Counter[tuple[int, int]] = Counter()
    real_stats = raster.pixel_stats

    def pixel_stats(im: Image.Image) -> raster.Stats:
        stats[im.size] += 1
        return real_stats(im)

    monkeypatch.setattr(raster, "pixel_stats", pixel_stats)
    files = [("business_license", photos["phone"]), ("authorization_letter", photos["big"])]
    heic = "heic" in photos
    if heic:
        files.append(("trademark_certificate", photos["heic"]))
    case_path = _case(tmp_path, "tencent", files)
    decodes.jpeg.clear()
    decodes.heic = 0
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY)
    assert result.output is not None, [f.to_dict() for f in result.findings]
    # the review's inspection and the fix share one decode; the copies are not decoded again
    assert decodes.jpeg == Counter({(1600, 1200): 1, (4000, 3000): 1}), decodes.jpeg
    assert decodes.heic == (1 if heic else 0)
    # statistics: the inspection's serve the upright copy of the 4000x3000 photo (sides that
    # are multiples of the analysis reduction, 8) and the JPEG of the HEIC (the same pixels);
    # the 1600x1200 one (reduction 3) is measured again upright
    expected = Counter({(1600, 1200): 1, (1200, 1600): 1, (4000, 3000): 1})
    if heic:
        expected[960, 720] = 1
    assert stats == expected, stats
    with zipfile.ZipFile(result.output) as zf:
        pictures = [zf.read(n) for n in zf.namelist() if n.startswith("files/")]
    assert len(pictures) == len(files)
    for data in pictures:
        scan = metadata.scan(data, "jpeg")
        assert scan is not None and not scan.gps and not scan.personal
    again = export_case(case_path, tmp_path / "b2.zip", prepared_on=DAY)
    assert again.output is not None
    assert again.output.read_bytes() == result.output.read_bytes()


def test_a_fix_that_fails_during_the_review_leaves_the_photo_out(
    photos: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise MemoryError("decoder blew up")

    monkeypatch.setattr(fixes_mod, "_fix_source", broken)
    case_path = _case(tmp_path, "tencent", [("business_license", photos["phone"])])
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY, allow_incomplete=True)
    assert result.output is not None and result.incomplete
    assert "bundle.left_out" in {f.code for f in result.findings}
    with zipfile.ZipFile(result.output) as zf:
        assert not [n for n in zf.namelist() if n.startswith("files/")]
        assert all(photos["phone"].read_bytes() not in zf.read(n) for n in zf.namelist())


# --------------------------------------------------------------------------------------- scan
def test_only_the_formats_the_metadata_scan_walks_are_read_for_it() -> None:
    from assistant.core.attachments.sniff import RASTER_FORMATS

    for fmt in RASTER_FORMATS:
        assert (metadata.scan(b"", fmt) is not None) == (fmt in metadata.SCANNED_FORMATS), fmt


_OLD_ENTROPY_END = re.compile(rb"\xff+[^\x00\xd0-\xd7\xff]")


def test_the_entropy_scan_finds_the_same_marker_as_before() -> None:
    rnd = random.Random(18)
    pieces = [b"\xff\x00", b"\xff\xd3", b"\xff\xff\xff", b"\x12\x34", b"\xff", b"\x00"]
    for _ in range(300):
        data = b"".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 60)))
        data += rnd.choice([b"\xff\xd9", b"\xff\xff\xda", b"", b"\xff\xc4"])
        old = _OLD_ENTROPY_END.search(data)
        expected = -1 if old is None else old.end() - 2
        assert metadata._skip_entropy(data, 0) == expected, data
