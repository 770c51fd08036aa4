"""Where a file hides a location or a camera's serial number, read from the raw bytes.

Pillow reads one EXIF block of a JPEG (the first APP1) and no XMP of a GIF; a location can sit in a
second APP1 segment, in XMP (JPEG, PNG ``iTXt``/``zTXt``, GIF application extension, WebP),
in ImageMagick's hex "Raw profile" text chunks, in maker notes or after the end of the picture.
:func:`scan` walks the container itself (JPEG segments, PNG chunks, GIF blocks, RIFF chunks) and
reports what any of them holds. Work is linear in the file size and never decodes pixels. It
also counts a JPEG's scans and the bytes after the end of the picture (polyglots, phone trailers).
"""

from __future__ import annotations

import binascii
import re
import struct
import zlib
from dataclasses import dataclass, field

from PIL import Image

EXIF_IFD = 0x8769
GPS_IFD = 0x8825
# EXIF tags that identify a person or one particular camera, and what they are called.
PERSONAL_TAGS = {
    0x013B: "artist",  # Artist
    0x9C9D: "author",  # XPAuthor
    0xA430: "owner",  # CameraOwnerName
    0xA431: "serial",  # BodySerialNumber
    0xA435: "serial",  # LensSerialNumber
    0xA420: "unique_id",  # ImageUniqueID
    0x927C: "maker_notes",  # MakerNote: camera makers' private data, serial numbers among it
}
# XMP properties with a position, and with a serial number or owner (any namespace prefix).
_XMP_GPS = re.compile(rb"GPS(?:Latitude|Longitude|Altitude|Coordinates|DestLatitude)")
_XMP_PERSONAL = (
    (re.compile(rb"SerialNumber|SerialNo\b"), "serial"),
    (re.compile(rb"OwnerName"), "owner"),
    (re.compile(rb"ImageUniqueID"), "unique_id"),
)
# Decompressed text chunks are read up to this size (a zTXt bomb stays a few KB of work).
_TEXT_LIMIT = 8 * 1024 * 1024
_EXIF_ERRORS = (
    SyntaxError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OSError,
    EOFError,
    struct.error,
    RecursionError,
    OverflowError,
)


@dataclass
class MetaScan:
    """What the metadata of one file holds."""

    gps: bool = False
    personal: list[str] = field(default_factory=list)  # "serial", "owner", "maker_notes" …
    has_metadata: bool = False
    scans: int = 0  # JPEG: start-of-scan markers
    trailing: int = 0  # bytes after the end of the picture
    malformed: bool = False  # the container could not be walked to its end
    # the compressed data is too short for the declared size by any encoder (lying dimensions)
    too_little_data: bool = False

    def add(self, what: str) -> None:
        self.has_metadata = True
        if what not in self.personal:
            self.personal.append(what)

    def merge(self, other: MetaScan) -> None:
        self.gps |= other.gps
        self.has_metadata |= other.has_metadata
        for what in other.personal:
            self.add(what)


# --------------------------------------------------------------------------------------- blocks
def exif_facts(data: bytes, out: MetaScan) -> None:
    """Facts of one EXIF block (TIFF structure, with or without the ``Exif\\0\\0`` prefix)."""
    out.has_metadata = True
    try:
        exif = Image.Exif()
        exif.load(data if data.startswith(b"Exif\x00\x00") else b"Exif\x00\x00" + data)
    except _EXIF_ERRORS:
        out.add("unknown")  # unreadable: it may hold anything, so it must go
        return
    exif_object_facts(exif, out)


def exif_object_facts(exif: Image.Exif, out: MetaScan) -> None:
    """Facts of EXIF that Pillow has read (``Image.getexif()``)."""
    if not exif:
        return
    out.has_metadata = True
    try:
        gps = exif.get_ifd(GPS_IFD)
        sub = exif.get_ifd(EXIF_IFD)
    except _EXIF_ERRORS:
        out.add("unknown")
        return
    # GPSLatitude(Ref), GPSLongitude(Ref), GPSAltitude(Ref): any position data at all
    if gps and any(tag in gps for tag in (1, 2, 3, 4, 5, 6)):
        out.gps = True
    for tag, what in PERSONAL_TAGS.items():
        value = exif.get(tag, sub.get(tag))
        if value not in (None, "", b""):
            out.add(what)


def xmp_facts(data: bytes, out: MetaScan) -> None:
    """Facts of an XMP packet or any metadata text (searched, not parsed: it may be broken)."""
    out.has_metadata = True
    if _XMP_GPS.search(data):
        out.gps = True
    for pattern, what in _XMP_PERSONAL:
        if pattern.search(data):
            out.add(what)


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(data, _TEXT_LIMIT)
    except zlib.error:
        return b""


def _raw_profile(text: bytes, out: MetaScan) -> None:
    """ImageMagick's ``Raw profile type exif|xmp|APP1``: a name line, a length line, hex."""
    body = b"".join(text.split(b"\n")[3:]) if text.count(b"\n") >= 3 else b""
    try:
        raw = binascii.unhexlify(re.sub(rb"\s+", b"", body))
    except (binascii.Error, ValueError):
        out.add("unknown")
        return
    if raw.startswith(b"Exif") or raw[:4] in (b"II*\x00", b"MM\x00*"):
        exif_facts(raw, out)
    else:
        xmp_facts(raw, out)


# --------------------------------------------------------------------------------------- JPEG
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def _jpeg_segment(marker: int, segment: bytes, out: MetaScan) -> None:
    """APP1–APP15 and comments: EXIF (in any of them, not only the first APP1), XMP, IPTC."""
    if not (0xE1 <= marker <= 0xEF or marker == 0xFE):
        return
    if (marker == 0xE2 and segment.startswith(b"ICC_PROFILE\x00")) or (
        marker == 0xEE and segment.startswith(b"Adobe")
    ):
        return  # colour data a viewer needs; kept by the fix
    out.has_metadata = True
    at = segment.find(b"Exif\x00", 0, 64)
    if at >= 0:
        exif_facts(segment[at:], out)
    else:
        xmp_facts(segment, out)
    if marker == 0xED and b"8BIM\x04\x22" in segment:  # Photoshop's copy of the EXIF
        out.add("unknown")


# A marker inside entropy-coded data: 0xFF followed by neither a stuffed zero, nor a restart
# marker (RST0–7), nor another 0xFF (a fill byte: the marker is after the last one). The pattern
# starts with a literal byte, so the regex engine skips to each 0xFF at memchr speed (a leading
# ``\xff+`` made it try every position: 10-50x slower on camera files, same matches).
_ENTROPY_END = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def _skip_entropy(data: bytes, i: int) -> int:
    """Index of the 0xFF of the marker that ends the entropy-coded data starting at ``i``, or -1
    (searched by the regex engine: the scans are most of a JPEG's bytes)."""
    found = _ENTROPY_END.search(data, i)
    return -1 if found is None else found.start()


# Huffman-coded frames (baseline, extended, progressive): every 8×8 block of the first scan
# costs at least one bit (its DC code). Arithmetic coding can go below that: not checked.
_HUFFMAN_SOF = (0xC0, 0xC1, 0xC2)


def scan_jpeg(data: bytes, full: bool = True) -> MetaScan:
    """Every APPn segment of a JPEG; with ``full`` also its scans, what follows the end, and
    whether the scans are long enough for the size the frame header declares."""
    out = MetaScan()
    blocks = entropy = 0
    i, n = 2, len(data)
    while i < n:
        if data[i] != 0xFF:
            out.malformed = True
            return out
        while i < n and data[i] == 0xFF:
            i += 1
        if i >= n:
            break
        marker = data[i]
        i += 1
        if marker == 0xD9:
            out.trailing = n - i
            _trailer_facts(data[i:], out)
            out.too_little_data = full and entropy * 8 < blocks // 2
            return out
        if marker in _JPEG_STANDALONE:
            continue
        if i + 2 > n:
            break
        length = struct.unpack(">H", data[i : i + 2])[0]
        if length < 2:
            break
        segment = data[i + 2 : i + length]
        _jpeg_segment(marker, segment, out)
        if marker in _HUFFMAN_SOF and len(segment) >= 5 and not blocks:
            height, width = struct.unpack(">HH", segment[1:5])
            blocks = ((width + 7) // 8) * ((height + 7) // 8)
        i += length
        if marker == 0xDA:
            out.scans += 1
            if not full:
                return out
            start, i = i, _skip_entropy(data, i)
            if i < 0:
                break
            entropy += i - start
    out.malformed = True
    return out


def _trailer_facts(tail: bytes, out: MetaScan) -> None:
    """Data after the end: phones append previews and depth maps, each a JPEG with its EXIF."""
    start = tail.find(b"\xff\xd8\xff")
    if start >= 0:
        out.merge(scan_jpeg(tail[start:], full=False))
    elif _XMP_GPS.search(tail):
        out.gps = True


# --------------------------------------------------------------------------------------- PNG
# Deflate cannot compress better than about 1032:1 (258-byte matches in 2-bit codes).
_DEFLATE_MAX_RATIO = 1032
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def _png_raw_size(ihdr: bytes) -> int:
    """Bytes of filtered scanlines a PNG header declares (0 when it cannot be read)."""
    if len(ihdr) < 13:
        return 0
    width, height, depth, colour = (int(v) for v in struct.unpack(">IIBB", ihdr[:10]))
    bits = width * depth * _PNG_CHANNELS.get(colour, 0)
    return height * (1 + (bits + 7) // 8)


def scan_png(data: bytes) -> MetaScan:
    out = MetaScan()
    raw = compressed = 0
    i, n = 8, len(data)
    while i + 12 <= n:
        length, kind = struct.unpack(">I4s", data[i : i + 8])
        body = data[i + 8 : i + 8 + length]
        i += 12 + length
        if i > n:
            out.malformed = True
            return out
        if kind == b"IHDR":
            raw = _png_raw_size(body)
        elif kind == b"IDAT":
            compressed += length
        elif kind == b"eXIf":
            exif_facts(body, out)
        elif kind in (b"tEXt", b"zTXt", b"iTXt"):
            _png_text(kind, body, out)
        elif kind == b"IEND":
            out.trailing = n - i
            out.too_little_data = compressed * _DEFLATE_MAX_RATIO < raw
            return out
    out.malformed = True
    return out


def _png_text(kind: bytes, body: bytes, out: MetaScan) -> None:
    keyword, _, rest = body.partition(b"\x00")
    if kind == b"zTXt":
        rest = _inflate(rest[1:])
    elif kind == b"iTXt" and len(rest) >= 2:
        compressed, text = rest[0], rest[2:]
        text = text.split(b"\x00", 2)[-1]  # language tag, translated keyword
        rest = _inflate(text) if compressed else text
    if keyword.lower().startswith(b"raw profile type"):
        _raw_profile(rest, out)
    else:
        xmp_facts(rest, out)
    if keyword.lower() in (b"author", b"artist", b"owner"):
        out.add("author")


# --------------------------------------------------------------------------------------- GIF
# Blocks a viewer needs: images, graphic control (delays, transparency), plain text, the end;
# and the looping extensions of animations.
GIF_PICTURE_BLOCKS = (b"image", b"trailer", b"ext:249", b"ext:1")
GIF_KEEP_APPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")


def gif_blocks(data: bytes) -> list[tuple[int, int, bytes]] | None:
    """(start, end, kind) of every block after the header; kind is b"image", b"ext:<label>" or
    the application id; None when the structure is broken before the trailer."""
    if len(data) < 13:
        return None
    flags = data[10]
    i = 13 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
    blocks: list[tuple[int, int, bytes]] = []
    n = len(data)
    while i < n:
        start, intro = i, data[i]
        if intro == 0x3B:
            blocks.append((start, i + 1, b"trailer"))
            return blocks
        if intro == 0x2C:
            if i + 10 > n:
                return None
            packed = data[i + 9]
            i += 10 + (3 * (2 << (packed & 7)) if packed & 0x80 else 0) + 1  # + LZW code size
            kind = b"image"
        elif intro == 0x21 and i + 1 < n:
            label = data[i + 1]
            i += 2
            kind = b"ext:%d" % label
            if label == 0xFF and i < n and data[i] == 11:
                kind = data[i + 1 : i + 12]
        else:
            return None
        while i < n and data[i]:  # data sub-blocks
            i += 1 + data[i]
        i += 1
        if i > n:
            return None
        blocks.append((start, i, kind))
    return None


def scan_gif(data: bytes) -> MetaScan:
    out = MetaScan()
    blocks = gif_blocks(data)
    if blocks is None:
        out.malformed = True
        return out
    for start, end, kind in blocks:
        if kind in GIF_PICTURE_BLOCKS or kind in GIF_KEEP_APPS:
            continue
        out.has_metadata = True  # comments, XMP, Photoshop or IPTC application data
        xmp_facts(data[start:end], out)
    out.trailing = len(data) - blocks[-1][1]
    return out


# --------------------------------------------------------------------------------------- WebP
def scan_riff(data: bytes) -> MetaScan:
    out = MetaScan()
    size = struct.unpack("<I", data[4:8])[0] + 8 if len(data) >= 12 else 0
    i, n = 12, min(len(data), size)
    while i + 8 <= n:
        kind, length = struct.unpack("<4sI", data[i : i + 8])
        body = data[i + 8 : i + 8 + length]
        if kind == b"EXIF":
            exif_facts(body, out)
        elif kind == b"XMP ":
            xmp_facts(body, out)
        i += 8 + length + (length & 1)
    out.trailing = max(0, len(data) - size)
    return out


# The formats whose container :func:`scan` walks (for the others it says None: their bytes need
# not be read for it).
SCANNED_FORMATS = frozenset({"jpeg", "png", "gif", "webp"})


def scan(data: bytes, fmt: str) -> MetaScan | None:
    """The metadata facts of a file of format ``fmt``, or None for a format not walked here."""
    if fmt == "jpeg":
        return scan_jpeg(data)
    if fmt == "png":
        return scan_png(data)
    if fmt == "gif":
        return scan_gif(data)
    if fmt == "webp":
        return scan_riff(data)
    return None
