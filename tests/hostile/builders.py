"""Builders of hostile inputs: what an attacker or a clumsy user hands the program (issue #17).

Every input is generated here, byte by byte where a library would refuse to write it; nothing
binary is committed (except the fuzzers' regression inputs in ``tests/hostile/regressions/``).
"""

from __future__ import annotations

import io
import os
import socket
import struct
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from tests.core import corpus


# --------------------------------------------------------------------------------------- helpers
def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def jpeg_bytes(im: Image.Image | None = None, **kw: object) -> bytes:
    buf = io.BytesIO()
    (im or corpus.document_image((640, 452))).save(buf, "JPEG", quality=85, **kw)
    return buf.getvalue()


def pdf_from_objects(objects: Sequence[bytes], root: int = 1) -> bytes:
    """A PDF file of ``objects`` (object ``i + 1`` is ``objects[i]``) with a valid xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def image_pdf(images: Sequence[bytes], content: bytes = b"q 595 0 0 842 0 0 cm /Im0 Do Q") -> bytes:
    """A PDF with one page per image XObject (each ``images[i]`` a complete stream object)."""
    count = len(images)
    kids = b" ".join(b"%d 0 R" % (3 + 3 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
    ]
    for i, image in enumerate(images):
        page, contents, xobject = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (contents, xobject)
        )
        objects.append(stream(b"", content))
        objects.append(image)
        assert page == len(objects) - 2
    return pdf_from_objects(objects)


def gray_image_stream(
    width: int, height: int, data: bytes, filters: bytes = b"/FlateDecode"
) -> bytes:
    return stream(
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter %s" % (width, height, filters),
        data,
    )


# --------------------------------------------------------------------------------------- not files
def fifo(d: Path) -> Path:
    path = d / "pipe.jpg"
    os.mkfifo(path)
    return path


def unix_socket(d: Path) -> Path:
    path = d / "sock.png"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()  # the socket file stays
    return path


def symlink_loop(d: Path) -> Path:
    path = d / "loop.jpg"
    os.symlink(path.name, path)
    return path


def surrogate_name(d: Path) -> Path:
    """A valid JPEG whose name has bytes that are not UTF-8 (a name from an old Windows zip)."""
    raw = os.fsencode(d) + b"/\xff\xfe\xb3\xa1.jpg"
    with open(raw, "wb") as fh:
        fh.write(jpeg_bytes(corpus.document_image()))
    return Path(os.fsdecode(raw))


# --------------------------------------------------------------------------------------- images
def tiff_many_ifds(path: Path, count: int = 100_000) -> Path:
    """A little-endian TIFF whose 1×1 gray frames form a chain of ``count`` IFDs."""
    entries = 8
    size = 2 + entries * 12 + 4
    pixel = 8 + count * size
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for i in range(count):
        nxt = 8 + (i + 1) * size if i < count - 1 else 0
        tags = ((256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1))
        tags += ((273, 4, 1, pixel), (278, 3, 1, 1), (279, 4, 1, 1))
        out += struct.pack("<H", entries)
        out += b"".join(struct.pack("<HHII", *tag) for tag in tags)
        out += struct.pack("<I", nxt)
    out += b"\x80"
    path.write_bytes(bytes(out))
    return path


def tiff_ifd_loop(path: Path) -> Path:
    """A TIFF whose second IFD points back to the first (an endless frame chain)."""
    im = io.BytesIO()
    Image.new("L", (300, 300), 200).save(
        im, "TIFF", save_all=True, append_images=[Image.new("L", (300, 300), 90)]
    )
    data = bytearray(im.getvalue())
    first = struct.unpack("<I", data[4:8])[0]
    n = struct.unpack("<H", data[first : first + 2])[0]
    second = struct.unpack("<I", data[first + 2 + 12 * n : first + 6 + 12 * n])[0]
    m = struct.unpack("<H", data[second : second + 2])[0]
    data[second + 2 + 12 * m : second + 6 + 12 * m] = struct.pack("<I", first)
    path.write_bytes(bytes(data))
    return path


def jpeg_scan_bomb(path: Path, scans: int = 5000) -> Path:
    """A progressive-looking JPEG of thousands of empty scans (each would re-read the picture)."""
    data = jpeg_bytes(Image.new("L", (2048, 2048), 128), progressive=True)
    sos = data.find(b"\xff\xda")
    length = struct.unpack(">H", data[sos + 2 : sos + 4])[0]
    header = data[sos : sos + 2 + length]
    path.write_bytes(data[:sos] + (header + b"\x00") * scans + b"\xff\xd9")
    return path


def jpeg_lying_size(path: Path, width: int = 20000, height: int = 12000) -> Path:
    """A 64×64 JPEG whose frame header claims 240 megapixels (under the JPEG declared limit)."""
    data = bytearray(jpeg_bytes(Image.new("L", (64, 64), 128)))
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    path.write_bytes(bytes(data))
    return path


def png_lying_size(path: Path) -> Path:
    """A PNG whose header says 4000×3000 but whose data holds one row."""
    ihdr = struct.pack(">IIBBBBB", 4000, 3000, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" + b"\x80" * 4000)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )
    return path


def png_ztxt_bomb(path: Path) -> Path:
    """A small good PNG with a zTXt chunk that inflates to 256 MB of zeros."""
    buf = io.BytesIO()
    corpus.document_image((640, 452)).save(buf, "PNG")
    data = buf.getvalue()
    bomb = zlib.compressobj(9)
    payload = b"".join(bomb.compress(b"\x00" * (1 << 20)) for _ in range(256)) + bomb.flush()
    chunk = png_chunk(b"zTXt", b"Comment\x00\x00" + payload)
    path.write_bytes(data[:33] + chunk + data[33:])
    return path


def gif_bomb(path: Path) -> Path:
    """A GIF whose logical screen and image claim 65535×65535 pixels."""
    buf = io.BytesIO()
    Image.new("P", (8, 8), 1).save(buf, "GIF")
    data = bytearray(buf.getvalue())
    data[6:10] = struct.pack("<HH", 65535, 65535)
    image = data.find(b"\x2c")
    data[image + 5 : image + 9] = struct.pack("<HH", 65535, 65535)
    path.write_bytes(bytes(data))
    return path


def apng_many_frames(path: Path) -> Path:
    """An animated PNG whose animation chunk claims two billion frames."""
    frames = [Image.new("RGB", (400, 300), c) for c in ((250, 250, 250), (20, 20, 20))]
    buf = io.BytesIO()
    frames[0].save(buf, "PNG", save_all=True, append_images=frames[1:])
    data = bytearray(buf.getvalue())
    actl = data.find(b"acTL")
    data[actl + 4 : actl + 8] = struct.pack(">I", 2_000_000_000)
    data[actl + 12 : actl + 16] = struct.pack(">I", zlib.crc32(bytes(data[actl : actl + 12])))
    path.write_bytes(bytes(data))
    return path


def zip_bomb_as_jpeg(path: Path) -> Path:
    """A ZIP (named .jpg) whose one entry inflates to 256 MB."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("word/media/image1.jpeg", "w", force_zip64=True) as fh,
    ):
        block = b"\x00" * (1 << 20)
        for _ in range(256):
            fh.write(block)
    return path


def zip_many_entries(path: Path, count: int = 100_000) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for i in range(count):
            zf.writestr(f"{i}", b"")
    return path


# --------------------------------------------------------------------------------------- polyglots
def jpeg_zip_polyglot(path: Path) -> Path:
    """A valid JPEG with a ZIP archive appended (opens as a picture and as an archive)."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("payload.html", "<script>alert(1)</script>")
    path.write_bytes(jpeg_bytes(corpus.document_image()) + archive.getvalue())
    return path


def gif_script_polyglot(path: Path) -> Path:
    """A GIF with a script after its trailer (a "GIFAR"-style polyglot)."""
    buf = io.BytesIO()
    corpus.document_image((800, 565)).convert("P").save(buf, "GIF")
    path.write_bytes(buf.getvalue() + b"\n<script>alert(document.domain)</script>\n")
    return path


def png_html_polyglot(path: Path) -> Path:
    buf = io.BytesIO()
    corpus.document_image((800, 565)).save(buf, "PNG")
    path.write_bytes(buf.getvalue() + b"<html><body onload=alert(1)></body></html>")
    return path


def pdf_zip_polyglot(path: Path) -> Path:
    """A scanned PDF followed by a ZIP: readers take the PDF, unzip takes the archive."""
    pdf = io.BytesIO()
    corpus.document_image((1240, 1754)).save(pdf, "PDF", resolution=150.0)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("run.sh", "echo hi")
    path.write_bytes(pdf.getvalue() + archive.getvalue())
    return path


def truncated(path: Path, data: bytes, fraction: float = 0.5) -> Path:
    path.write_bytes(data[: max(1, int(len(data) * fraction))])
    return path


# --------------------------------------------------------------------------------------- PDFs
def pdf_scans(path: Path, pages: int = 50, side: int = 7000) -> Path:
    """``pages`` pages of the same ``side``×``side`` gray scan (Flate, one shared image)."""
    doc = corpus.document_image((1000, 1000)).convert("L").resize((side, side))
    image = gray_image_stream(side, side, zlib.compress(doc.tobytes(), 1))
    count = pages
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        image,
    ]
    for i in range(count):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 595] /Contents %d 0 R "
            b"/Resources << /XObject << /Im0 3 0 R >> >> >>" % (5 + 2 * i)
        )
        objects.append(stream(b"", b"q 595 0 0 595 0 0 cm /Im0 Do Q"))
    path.write_bytes(pdf_from_objects(objects))
    return path


def pdf_jbig2(path: Path) -> Path:
    """A scan compressed with JBIG2 (pypdf would need the external jbig2dec program)."""
    data = b"\x97JB2\r\n\x1a\n" + bytes(200)
    image = stream(
        b"/Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 1 /Filter /JBIG2Decode",
        data,
    )
    path.write_bytes(image_pdf([image]))
    return path


def pdf_buffer_over_limit(path: Path) -> Path:
    """A 6000×4500 RGB scan (27 MP, within the pixel budget) whose stream inflates to 81 MB,
    over pypdf's 75 MB output limit (LimitReachedError)."""
    raw = zlib.compressobj(9)
    data = b"".join(raw.compress(b"\xf0" * 6000 * 3) for _ in range(4500)) + raw.flush()
    image = stream(
        b"/Type /XObject /Subtype /Image /Width 6000 /Height 4500 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Filter /FlateDecode",
        data,
    )
    path.write_bytes(image_pdf([image]))
    return path


def pdf_many_filters(path: Path, count: int = 20) -> Path:
    """A page image behind a chain of ``count`` Flate filters (pypdf stops at 16)."""
    data = corpus.document_image((600, 800)).convert("L").tobytes()
    filters = b"[" + b" /FlateDecode" * count + b"]"
    for _ in range(count):
        data = zlib.compress(data)
    image = gray_image_stream(600, 800, data, filters)
    path.write_bytes(image_pdf([image]))
    return path


def pdf_lying_image(path: Path) -> Path:
    """An image XObject that claims 3000×4000 pixels and holds a few bytes."""
    image = gray_image_stream(3000, 4000, zlib.compress(b"\x80" * 100))
    path.write_bytes(image_pdf([image]))
    return path


def pdf_page_tree_loop(path: Path) -> Path:
    """A page tree whose /Kids contains itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    path.write_bytes(pdf_from_objects(objects))
    return path


def pdf_deep_nesting(path: Path, depth: int = 100_000) -> Path:
    """A page whose /Annots is an array nested ``depth`` deep."""
    nested = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots " + nested + b" >>",
    ]
    path.write_bytes(pdf_from_objects(objects))
    return path


def pdf_content_bomb(path: Path) -> Path:
    """A page whose content stream inflates to 256 MB."""
    bomb = zlib.compressobj(9)
    data = b"".join(bomb.compress(b" " * (1 << 20)) for _ in range(256)) + bomb.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(b"/Filter /FlateDecode", data),
    ]
    path.write_bytes(pdf_from_objects(objects))
    return path
