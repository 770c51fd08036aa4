"""GPS positions and camera serial numbers never reach a bundle, wherever they sit (#17): EXIF,
a second APP1 segment, XMP in JPEG, PNG and GIF, PNG text chunks, maker notes, a picture appended
after the end, EXIF and XMP inside a PDF's embedded images. Each input is built here; the
inspection must name what it holds, and the fix (and the export, which fixes what the
inspection names) must write a copy without it."""

from __future__ import annotations

import binascii
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin
from pypdf import PdfReader

from assistant.core.attachments import fix_file, inspect_file, metadata, pdf
from tests.core import corpus
from tests.hostile import builders

SERIAL = "SN-TEST-4711"
XMP_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="39,54.45N" exif:GPSLongitude="116,23.5E"/></rdf:RDF></x:xmpmeta>'
)
XMP_SERIAL = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" '
    b'aux:SerialNumber="' + SERIAL.encode() + b'"/></rdf:RDF></x:xmpmeta>'
)


def _gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825).update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 30.0)})
    return exif.tobytes()


def _camera_exif(**tags: object) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif.get_ifd(0x8769).update({int(k[1:], 16): v for k, v in tags.items()})
    return exif.tobytes()


def _doc() -> Image.Image:
    return corpus.document_image((900, 640))


def _insert_after_soi(jpeg: bytes, *segments: bytes) -> bytes:
    """Put APPn segments (marker + payload) right after the JFIF header."""
    at = 2 + 2 + struct.unpack(">H", jpeg[4:6])[0] if jpeg[2:4] == b"\xff\xe0" else 2
    body = b"".join(m + struct.pack(">H", len(p) + 2) + p for m, p in segments)
    return jpeg[:at] + body + jpeg[at:]


# --------------------------------------------------------------------------------------- inputs
def jpeg_exif_gps(d: Path) -> Path:
    path = d / "exif.jpg"
    path.write_bytes(builders.jpeg_bytes(_doc(), exif=_gps_exif()))
    return path


def jpeg_second_app1(d: Path) -> Path:
    """The first APP1 holds a harmless EXIF (all that Pillow reads); the second the position."""
    first = _camera_exif()
    data = builders.jpeg_bytes(_doc(), exif=first)
    at = data.find(b"\xff\xe1")
    end = at + 2 + struct.unpack(">H", data[at + 2 : at + 4])[0]
    gps = _gps_exif()
    second = b"\xff\xe1" + struct.pack(">H", len(gps) + 2) + gps
    path = d / "two-app1.jpg"
    path.write_bytes(data[:end] + second + data[end:])
    return path


def jpeg_xmp_gps(d: Path) -> Path:
    path = d / "xmp.jpg"
    xmp = b"http://ns.adobe.com/xap/1.0/\x00" + XMP_GPS
    path.write_bytes(_insert_after_soi(builders.jpeg_bytes(_doc()), (b"\xff\xe1", xmp)))
    return path


def jpeg_xmp_serial(d: Path) -> Path:
    path = d / "xmp-serial.jpg"
    xmp = b"http://ns.adobe.com/xap/1.0/\x00" + XMP_SERIAL
    path.write_bytes(_insert_after_soi(builders.jpeg_bytes(_doc()), (b"\xff\xe1", xmp)))
    return path


def jpeg_exif_serial(d: Path) -> Path:
    path = d / "serial.jpg"
    path.write_bytes(builders.jpeg_bytes(_doc(), exif=_camera_exif(xA431=SERIAL)))
    return path


def jpeg_maker_notes(d: Path) -> Path:
    path = d / "makernote.jpg"
    notes = b"Nikon\x00\x02\x10\x00\x00" + SERIAL.encode()
    path.write_bytes(builders.jpeg_bytes(_doc(), exif=_camera_exif(x927C=notes)))
    return path


def jpeg_appended_preview(d: Path) -> Path:
    """A clean JPEG followed by a phone's preview JPEG that carries the position."""
    preview = builders.jpeg_bytes(Image.new("RGB", (160, 120), "gray"), exif=_gps_exif())
    path = d / "preview.jpg"
    path.write_bytes(builders.jpeg_bytes(_doc()) + preview)
    return path


def png_exif_chunk(d: Path) -> Path:
    path = d / "exif.png"
    _doc().save(path, "PNG", exif=_gps_exif())
    return path


def png_xmp_itxt(d: Path) -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP_GPS.decode(), zip=True)  # compressed
    path = d / "xmp.png"
    _doc().save(path, "PNG", pnginfo=info)
    return path


def png_raw_profile(d: Path) -> Path:
    """ImageMagick's hex "Raw profile type exif" in a zTXt chunk, written after the pixels."""
    exif = _gps_exif()
    text = b"\nexif\n%8d\n" % len(exif) + binascii.hexlify(exif) + b"\n"
    chunk = builders.png_chunk(b"zTXt", b"Raw profile type exif\x00\x00" + zlib.compress(text))
    buf = io.BytesIO()
    _doc().save(buf, "PNG")
    data = buf.getvalue()
    path = d / "raw-profile.png"
    path.write_bytes(data[:-12] + chunk + data[-12:])
    return path


def gif_xmp(d: Path) -> Path:
    """XMP in a GIF application extension (Pillow does not read it)."""
    buf = io.BytesIO()
    _doc().convert("P", palette=Image.Palette.ADAPTIVE).save(buf, "GIF")
    data = buf.getvalue()
    magic = bytes([1, *range(255, -1, -1), 0])  # XMP's "magic trailer" of sub-block lengths
    extension = b"\x21\xff\x0bXMP DataXMP" + XMP_GPS + magic
    blocks = metadata.gif_blocks(data)
    assert blocks is not None
    at = next(start for start, _, kind in blocks if kind == b"image")
    path = d / "xmp.gif"
    path.write_bytes(data[:at] + extension + data[at:])
    return path


def pdf_image_exif(d: Path) -> Path:
    """A scanned page whose JPEG stream carries EXIF with the position and the serial."""
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (39.0, 54.0, 27.0)})
    exif.get_ifd(0x8769)[0xA431] = SERIAL
    jpeg = builders.jpeg_bytes(corpus.document_image((1240, 1754)), exif=exif.tobytes())
    image = builders.stream(
        b"/Type /XObject /Subtype /Image /Width 1240 /Height 1754 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Filter /DCTDecode",
        jpeg,
    )
    path = d / "scan-exif.pdf"
    path.write_bytes(builders.image_pdf([image]))
    return path


def pdf_image_xmp(d: Path) -> Path:
    """A scanned page whose image XObject has its own XMP /Metadata with the position."""
    jpeg = builders.jpeg_bytes(corpus.document_image((1240, 1754)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
        builders.stream(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        builders.stream(
            b"/Type /XObject /Subtype /Image /Width 1240 /Height 1754 /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Metadata 6 0 R",
            jpeg,
        ),
        builders.stream(b"/Type /Metadata /Subtype /XML", XMP_GPS),
    ]
    path = d / "scan-xmp.pdf"
    path.write_bytes(builders.pdf_from_objects(objects))
    return path


GPS_INPUTS: list[tuple[Callable[[Path], Path], str]] = [
    (jpeg_exif_gps, "image.gps"),
    (jpeg_second_app1, "image.gps"),
    (jpeg_xmp_gps, "image.gps"),
    (jpeg_appended_preview, "image.gps"),
    (png_exif_chunk, "image.gps"),
    (png_xmp_itxt, "image.gps"),
    (png_raw_profile, "image.gps"),
    (gif_xmp, "image.gps"),
    (jpeg_exif_serial, "image.personal_metadata"),
    (jpeg_xmp_serial, "image.personal_metadata"),
    (jpeg_maker_notes, "image.personal_metadata"),
    (pdf_image_exif, "image.gps"),
    (pdf_image_xmp, "image.gps"),
]
IDS = [make.__name__ for make, _ in GPS_INPUTS]


def assert_clean(data: bytes, what: str) -> None:
    """No position, serial number or EXIF block anywhere in ``data`` (a file or a bundle entry)."""
    assert SERIAL.encode() not in data, what
    assert b"GPSLatitude" not in data and b"Exif\x00\x00" not in data, what
    if data.startswith(b"%PDF"):
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            for obj in pdf.page_xobjects(page):
                found = pdf.image_metadata(obj)
                assert not found.gps and not found.personal, what
        return
    fmt = {b"\xff\xd8": "jpeg", b"\x89P": "png", b"GI": "gif"}.get(data[:2])
    if fmt is not None:
        found = metadata.scan(data, fmt)
        assert found is not None and not found.gps and not found.personal, (what, found)


# --------------------------------------------------------------------------------------- tests
@pytest.mark.parametrize(("make", "code"), GPS_INPUTS, ids=IDS)
@pytest.mark.parametrize("provider", ["huawei", "tencent"])
def test_inspection_names_it_and_the_fix_removes_it(
    tmp_path: Path, make: Callable[[Path], Path], code: str, provider: str
) -> None:
    path = make(tmp_path)
    original = path.read_bytes()
    insp = inspect_file(path, provider)
    assert code in insp.codes, sorted(insp.codes)
    if code == "image.personal_metadata":
        message = next(f.message for f in insp.findings if f.code == code)
        assert "serial" in message, message
    result = fix_file(path, provider, tmp_path / "out" / path.name)
    assert result.outputs, [f.message for f in result.findings]
    assert not {"fix.not_passing", "fix.cannot_fix"} & {f.code for f in result.findings}
    for out in result.outputs:
        assert_clean(out.read_bytes(), f"{provider}: {out.name}")
    for again in result.inspections:
        assert not again.codes & {"image.gps", "image.personal_metadata"}
    assert path.read_bytes() == original


def test_a_pdf_keeps_its_pixels_when_cleaned(tmp_path: Path) -> None:
    """Huawei takes PDFs: the cleaned copy is still a PDF whose JPEG is the same picture
    (segments removed, not re-encoded)."""
    path = pdf_image_exif(tmp_path)
    result = fix_file(path, "huawei", tmp_path / "clean.pdf")
    assert result.ok and result.outputs[0].suffix == ".pdf"
    before = PdfReader(path).pages[0].images[0].image
    after = PdfReader(result.outputs[0]).pages[0].images[0].image
    assert before is not None and after is not None
    assert before.tobytes() == after.tobytes()
    again = fix_file(path, "huawei", tmp_path / "again.pdf")
    assert again.outputs[0].read_bytes() == result.outputs[0].read_bytes()  # deterministic


def test_gif_clean_copy_is_lossless(tmp_path: Path) -> None:
    path = gif_xmp(tmp_path)
    result = fix_file(path, "huawei", tmp_path / "clean.gif")
    assert result.ok and result.outputs[0].suffix == ".gif"
    with Image.open(path) as a, Image.open(result.outputs[0]) as b:
        assert a.tobytes() == b.tobytes() and a.getpalette() == b.getpalette()


def test_clean_files_are_not_flagged(tmp_path: Path) -> None:
    for fmt in ("JPEG", "PNG", "GIF"):
        path = tmp_path / f"clean.{fmt.lower()}"
        _doc().convert("P" if fmt == "GIF" else "RGB").save(path, fmt)
        insp = inspect_file(path, "huawei")
        assert not insp.codes & {"image.gps", "image.personal_metadata", "file.trailing_data"}


def test_the_bundle_carries_no_position_or_serial(tmp_path: Path) -> None:
    """An exported bundle: every entry is free of what the attachments carried."""
    from assistant.core.bundle import export_case, sample_case

    case = sample_case("en")
    case.provider = "huawei"
    case.region = None
    case.set_attachment("business_license", jpeg_second_app1(tmp_path))
    case.set_attachment("authorization_letter", pdf_image_exif(tmp_path))
    result = export_case(case, tmp_path / "bundle.zip", allow_incomplete=True)
    assert result.output is not None, [f.message for f in result.findings]
    with zipfile.ZipFile(result.output) as zf:
        names = [n for n in zf.namelist() if n.startswith("files/")]
        assert len(names) == 2, zf.namelist()
        for name in zf.namelist():
            assert_clean(zf.read(name), name)
