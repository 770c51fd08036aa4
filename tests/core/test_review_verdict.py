"""One verdict on an attached file (#16): a problem the export fixes by itself is a notice,
"Fixed in the bundle: …", wherever the review is shown; other problems stay as found."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from assistant.core.attachments import FIXABLE_CODES, inspect_file
from assistant.core.findings import Severity
from assistant.core.model import Case
from assistant.core.review import check_case
from assistant.core.review.areas.attachments import verdict
from tests.core.corpus import _gps_exif, noisy_photo


def sideways_gps_photo(path: Path) -> Path:
    """A phone photo as it comes off the phone: stored sideways (EXIF orientation 6), with the
    place it was taken in its metadata, and over 3 MB."""
    exif = _gps_exif(6)
    exif.get_ifd(0x8825).update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 30.0)})
    photo = noisy_photo((2600, 3400)).transpose(Image.Transpose.ROTATE_90)
    photo.save(path, "JPEG", quality=97, exif=exif)
    assert path.stat().st_size > 3_000_000
    return path


def test_fixable_problems_become_notices_that_say_fixed_in_the_bundle(tmp_path: Path) -> None:
    photo = sideways_gps_photo(tmp_path / "license.jpg")
    inspection = inspect_file(photo, "alibaba", "business_license", None, "en")
    fixable = [f for f in inspection.findings if f.code in FIXABLE_CODES]
    assert {"image.rotated", "image.gps", "file.too_large"} <= {f.code for f in fixable}
    said = verdict(inspection.findings, "business_license", "en")
    by_code = {f.code: f for f in said}
    for f in fixable:
        notice = by_code[f.code]
        assert notice.severity is Severity.INFO
        assert notice.message == f"Fixed in the bundle: {f.message}"
        assert notice.subject == "business_license"
    zh = verdict(inspection.findings, "business_license", "zh")
    assert all(f.message.startswith("已在材料包中自动修正") for f in zh if f.code in FIXABLE_CODES)


def test_the_review_says_the_same_and_is_not_blocked_by_it(tmp_path: Path) -> None:
    photo = sideways_gps_photo(tmp_path / "license.jpg")
    case = Case(provider="alibaba", purpose="self", type="company", signature_names=["青禾茶业"])
    case.set_attachment("business_license", photo)
    review = check_case(case, "en")
    found = [f for f in review.areas["attachments"] if f.code in FIXABLE_CODES]
    assert found and all(f.severity is Severity.INFO for f in found)
    assert all(f.message.startswith("Fixed in the bundle: ") for f in found)
    assert not any(f.code in FIXABLE_CODES for f in review.errors())


def test_a_problem_no_fix_removes_is_kept(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.jpg"
    Image.new("RGB", (120, 90), (250, 250, 250)).save(tiny)
    inspection = inspect_file(tiny, "tencent", "business_license", None, "en")
    kept = [f for f in inspection.findings if f.code not in FIXABLE_CODES]
    assert kept and any(f.severity is Severity.ERROR for f in kept)
    said = verdict(inspection.findings, "business_license", "en")
    assert [(f.code, f.severity, f.message) for f in said if f.code not in FIXABLE_CODES] == [
        (f.code, f.severity, f.message) for f in kept
    ]
