"""Test corpus of attachments, generated on the fly (nothing binary is committed).

``build(directory)`` writes every item and returns {name: path}. Items are small (≤ ~2 MP) so the
whole corpus takes well under a second or two; ``benchmarks/attachments.py`` makes the large ones.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pypdf import PdfWriter

DOC_SIZE = (1600, 1130)  # landscape license-like page: short side above every readability threshold


def document_image(
    size: tuple[int, int] = DOC_SIZE, seed: int = 1, lines: int | None = None
) -> Image.Image:
    """A light page with dark text lines and a red seal: what a license photo looks like."""
    rnd = random.Random(seed)
    w, h = size
    im = Image.new("RGB", size, (246, 244, 238))
    d = ImageDraw.Draw(im)
    font = ImageFont.load_default(size=max(10, h // 40))
    step = max(14, h // 22)
    rows = range(h // 10, h - h // 10, step)
    for i, y in enumerate(rows):
        if lines is not None and i >= lines:
            break
        words = " ".join(
            "".join(rnd.choice("ABCDEFGHJKLMNPQRTUWXY0123456789") for _ in range(rnd.randint(3, 9)))
            for _ in range(8)
        )
        d.text((w // 12, y), words, fill=(25, 25, 30), font=font)
    r = min(w, h) // 8
    d.ellipse((w - 3 * r, h - 3 * r, w - r, h - r), outline=(200, 30, 30), width=max(2, r // 10))
    return im


def noisy_photo(size: tuple[int, int], seed: int = 1) -> Image.Image:
    """A phone-photo-like picture: a document on a textured background with sensor noise.
    Noise makes JPEG files large, like real photos."""
    doc = document_image((size[0] * 3 // 4, size[1] * 3 // 4), seed=seed)
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    base.paste(doc, (size[0] // 8, size[1] // 8))
    noise = Image.effect_noise(size, 28).convert("RGB")
    return Image.blend(base, noise, 0.18)


def _save(im: Image.Image, path: Path, fmt: str, **kw: object) -> Path:
    im.save(path, fmt, **kw)
    return path


def _gps_exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    if orientation:
        exif[0x0112] = orientation
    return exif


def png_bomb(path: Path, width: int = 30000, height: int = 30000) -> Path:
    """A PNG that declares width×height pixels but carries only a few bytes of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    raw = zlib.compress(b"\x00" * (width + 1) * 4, 9)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    )
    return path


def jpeg_bomb(path: Path) -> Path:
    """A small JPEG whose frame header is patched to claim 65000×65000 pixels."""
    buf = io.BytesIO()
    Image.new("L", (64, 64), 128).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65000, 65000)
    path.write_bytes(bytes(data))
    return path


def scanned_pdf(
    path: Path, pages: int = 3, size: tuple[int, int] = (1240, 1754), **kw: object
) -> Path:
    images = [document_image(size, seed=i) for i in range(pages)]
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=150.0, **kw)
    return path


def vector_pdf(path: Path) -> Path:
    """A one-page PDF with text drawn by the PDF itself (no image): not a scan."""
    content = b"BT /F1 24 Tf 72 720 Td (Authorization letter) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def encrypted_pdf(path: Path, user_password: str = "secret", owner_password: str = "owner") -> Path:
    src = io.BytesIO()
    scanned_pdf(src, pages=1, size=(620, 877))  # type: ignore[arg-type]
    src.seek(0)
    writer = PdfWriter(clone_from=src)
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return path


def build(d: Path) -> dict[str, Path]:
    """Write the whole corpus into directory ``d``."""
    d.mkdir(parents=True, exist_ok=True)
    doc = document_image()
    c: dict[str, Path] = {}
    c["good_jpeg"] = _save(doc, d / "license.jpg", "JPEG", quality=90)
    c["good_png"] = _save(
        doc.convert("P", palette=Image.Palette.ADAPTIVE), d / "screenshot.png", "PNG"
    )
    good = c["good_jpeg"].read_bytes()
    c["truncated"] = d / "truncated.jpg"
    c["truncated"].write_bytes(good[: len(good) // 2])
    png = c["good_png"].read_bytes()
    c["truncated_png"] = d / "truncated.png"
    c["truncated_png"].write_bytes(png[: len(png) * 2 // 3])
    c["wrong_extension"] = d / "photo.jpg"
    c["wrong_extension"].write_bytes(png)
    c["random_bytes"] = d / "random.jpg"
    c["random_bytes"].write_bytes(random.Random(7).randbytes(4096))
    c["empty"] = d / "empty.png"
    c["empty"].write_bytes(b"")
    c["bomb_png"] = png_bomb(d / "bomb.png")
    c["bomb_jpeg"] = jpeg_bomb(d / "bomb.jpg")
    c["tiny"] = _save(doc.resize((160, 113)), d / "tiny.jpg", "JPEG")
    c["blank"] = _save(Image.new("RGB", DOC_SIZE, (252, 252, 250)), d / "blank.jpg", "JPEG")
    c["dark"] = _save(doc.point(lambda v: v * 0.3), d / "dark.jpg", "JPEG")
    c["washed_out"] = _save(doc.point(lambda v: 180 + v * 0.28), d / "washed.jpg", "JPEG")
    c["blurred"] = _save(doc.filter(ImageFilter.GaussianBlur(8)), d / "blurred.jpg", "JPEG")
    # stored sideways (pixels rotated), upright only through EXIF orientation 6 (rotate 90° CW)
    c["rotated"] = _save(
        doc.transpose(Image.Transpose.ROTATE_90), d / "rotated.jpg", "JPEG", exif=_gps_exif(6)
    )
    exif = _gps_exif()
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 30.0)})
    c["gps"] = _save(doc, d / "gps.jpg", "JPEG", exif=exif)
    exif = _gps_exif()
    exif.get_ifd(0x8769).update({0xA431: "SN123456789", 0xA430: "Zhang San"})
    c["serial"] = _save(doc, d / "serial.jpg", "JPEG", exif=exif)
    c["cmyk"] = _save(doc.convert("CMYK"), d / "cmyk.jpg", "JPEG")
    gray16 = doc.convert("L").point(lambda v: v * 257, mode="I").convert("I;16")
    c["png16"] = _save(gray16, d / "deep.png", "PNG")
    frames = [doc.resize((800, 565)).convert("P"), document_image((800, 565), seed=3).convert("P")]
    c["animated_gif"] = d / "animated.gif"
    frames[0].save(
        c["animated_gif"], "GIF", save_all=True, append_images=frames[1:], duration=500, loop=0
    )
    c["static_gif"] = _save(frames[0], d / "static.gif", "GIF")
    rgba = doc.convert("RGBA")
    rgba.putalpha(Image.linear_gradient("L").resize(DOC_SIZE).point(lambda v: 255 if v > 40 else 0))
    c["alpha"] = _save(rgba, d / "alpha.png", "PNG")
    c["alpha_unused"] = _save(doc.convert("RGBA"), d / "opaque_rgba.png", "PNG")
    c["dpi"] = _save(doc, d / "dpi.jpg", "JPEG", dpi=(7, 7))
    c["webp"] = _save(doc, d / "license.webp", "WEBP", quality=80)
    c["bmp"] = _save(doc.resize((800, 565)), d / "license.bmp", "BMP")
    c["tiff"] = _save(doc, d / "scan.tiff", "TIFF", compression="tiff_lzw")
    c["svg"] = d / "logo.svg"
    c["svg"].write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')
    c["docx"] = docx(d / "letter.docx")
    c["text"] = d / "notes.txt"
    c["text"].write_text("not an image\n" * 20)
    try:
        import pillow_heif

        heif = pillow_heif.from_pillow(doc.resize((800, 565)))
        c["heic"] = d / "IMG_0001.HEIC"
        heif.save(c["heic"], quality=70)
    except ImportError:  # pragma: no cover
        pass
    c["large"] = _save(noisy_photo((2600, 1950), seed=5), d / "large.jpg", "JPEG", quality=97)
    c["scanned_pdf"] = scanned_pdf(d / "scan.pdf", pages=3)
    c["scanned_pdf_1"] = scanned_pdf(d / "scan1.pdf", pages=1)
    c["vector_pdf"] = vector_pdf(d / "vector.pdf")
    c["encrypted_pdf"] = encrypted_pdf(d / "locked.pdf")
    c["restricted_pdf"] = encrypted_pdf(d / "restricted.pdf", user_password="")
    pdf = c["scanned_pdf"].read_bytes()
    c["truncated_pdf"] = d / "truncated.pdf"
    c["truncated_pdf"].write_bytes(pdf[: len(pdf) // 3])
    c["broken_pdf"] = d / "broken.pdf"
    c["broken_pdf"].write_bytes(b"%PDF-1.7\n" + random.Random(3).randbytes(2000))
    c["chinese_name"] = _save(doc, d / "营业执照 副本.jpg", "JPEG", quality=90)
    c["huawei_name"] = _save(doc, d / "license #1 [final].jpg", "JPEG", quality=90)
    c["deleted"] = _save(doc, d / "deleted.jpg", "JPEG")
    c["deleted"].unlink()  # chosen, then deleted before the check
    return c
