"""What a file is, by its content; what its extension claims; the name it is uploaded under."""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zipfile
from typing import BinaryIO

# Extensions (lower case, no dot) and the format they claim.
EXTENSIONS: dict[str, str] = {
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "jpe": "jpeg",
    "jfif": "jpeg",
    "png": "png",
    "apng": "png",
    "gif": "gif",
    "pdf": "pdf",
    "webp": "webp",
    "heic": "heic",
    "heif": "heic",
    "hif": "heic",
    "avif": "avif",
    "bmp": "bmp",
    "dib": "bmp",
    "tif": "tiff",
    "tiff": "tiff",
    "svg": "svg",
    "svgz": "svg",
    "ico": "ico",
    "jp2": "jp2",
    "j2k": "jp2",
    "jpf": "jp2",
    "jpx": "jp2",
    "psd": "psd",
    "docx": "docx",
    "doc": "doc",
    "zip": "zip",
}
# The extension a fixed file of a format gets.
FORMAT_EXTENSION: dict[str, str] = {"jpeg": "jpg", "png": "png", "gif": "gif", "pdf": "pdf"}
# Formats Pillow (or pillow-heif) can decode, so that a fix can convert them.
RASTER_FORMATS = frozenset(
    {"jpeg", "png", "gif", "webp", "bmp", "tiff", "ico", "jp2", "psd", "avif", "heic"}
)
# Human names of formats, for messages.
FORMAT_NAMES: dict[str, str] = {
    "jpeg": "JPEG",
    "png": "PNG",
    "gif": "GIF",
    "pdf": "PDF",
    "webp": "WebP",
    "heic": "HEIC",
    "avif": "AVIF",
    "bmp": "BMP",
    "tiff": "TIFF",
    "svg": "SVG",
    "ico": "ICO",
    "jp2": "JPEG 2000",
    "psd": "Photoshop",
    "docx": "Word (.docx)",
    "doc": "Word (.doc)",
    "zip": "ZIP",
}

_HEIC_BRANDS = {
    b"heic",
    b"heix",
    b"hevc",
    b"hevx",
    b"heim",
    b"heis",
    b"hevm",
    b"hevs",
    b"mif1",
    b"msf1",
}
_AVIF_BRANDS = {b"avif", b"avis"}


def sniff(head: bytes) -> str | None:
    """The format of a file from its first bytes (at least 1 KB when the file has them)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        box = int.from_bytes(head[:4], "big")
        brands = {head[8:12]} | {head[i : i + 4] for i in range(16, min(box, len(head)) - 3, 4)}
        if head[8:12] in _AVIF_BRANDS or (
            brands & _AVIF_BRANDS and not brands & _HEIC_BRANDS - {b"mif1", b"msf1"}
        ):
            return "avif"
        if brands & _HEIC_BRANDS:
            return "heic"
        return None
    if head[:2] == b"BM" and len(head) >= 26:
        return "bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head[:4] == b"8BPS":
        return "psd"
    if head[:4] == b"\x00\x00\x01\x00" and len(head) > 6 and head[4] + head[5] > 0:
        return "ico"
    if head[:12] == b"\x00\x00\x00\x0cjP  \r\n\x87\n" or head[:4] == b"\xff\x4f\xff\x51":
        return "jp2"
    if head[:4] == b"PK\x03\x04":
        return "zip"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "doc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:5] in (b"<?xml", b"<svg ", b"<svg>", b"<!DOC") and b"<svg" in head:
        return "svg"
    return None


# A Word document has a few dozen entries; a ZIP with more is not read (its central directory
# could hold millions, each a Python object).
_ZIP_MAX_ENTRIES = 5000


def refine_zip(fh: BinaryIO) -> str:
    """'docx' when a ZIP is a Word document, else 'zip'."""
    try:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 65_557))  # end-of-central-directory record: the last 64 KB + 22
        tail = fh.read()
        end = tail.rfind(b"PK\x05\x06")
        if end < 0 or int.from_bytes(tail[end + 10 : end + 12], "little") > _ZIP_MAX_ENTRIES:
            return "zip"
        fh.seek(0)
        with zipfile.ZipFile(fh) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error):
        return "zip"
    return "docx" if "word/document.xml" in names else "zip"


def extension_of(filename: str) -> str:
    name = re.split(r"[\\/]", filename)[-1]
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


# --------------------------------------------------------------------------------------- names
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
_MAX_STEM = 80


def _slug(value: str) -> tuple[str, bool]:
    """ASCII slug of ``value`` and whether letters or digits were lost on the way."""
    decomposed = unicodedata.normalize("NFKD", value)
    kept = []
    lost = False
    for ch in decomposed:
        if ch.isascii():
            kept.append(ch)
        elif unicodedata.category(ch)[0] in "LN":
            lost = True
    slug = _SAFE.sub("_", "".join(kept)).strip("_-")
    return re.sub(r"_{2,}", "_", slug), lost


def safe_upload_name(filename: str, provider: str, role: str | None = None) -> str:
    """The name a file is uploaded under: ASCII letters, digits, ``_`` and ``-`` plus one
    lower-case extension, so no provider rejects it (Huawei's ``#'$%&*/|<>{}[];`` and spaces,
    Alibaba's "no Chinese"). The same for every provider, so one bundle reads the same everywhere.

    Deterministic. Characters that cannot be spelled in ASCII (Chinese …) are replaced by a short
    hash of the original name, so two different names never collapse into one. ``role`` (a
    document id such as ``business_license``) is put first when given.
    """
    del provider  # the result satisfies every provider's rules
    name = re.split(r"[\\/]", str(filename))[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())[:8]
    slug, lost = _slug(stem)
    if lost:
        # surrogatepass: a name with undecodable bytes (os.fsdecode's surrogates) still hashes
        key = unicodedata.normalize("NFC", stem).encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(key).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else digest
    if role:
        role_slug, _ = _slug(role)
        if role_slug:
            slug = f"{role_slug}-{slug}" if slug else role_slug
    slug = (slug or "file")[:_MAX_STEM].rstrip("_-") or "file"
    return f"{slug}.{ext}" if ext else slug
