"""Lossless metadata removal: JPEG segments, PNG chunks and GIF extensions are dropped, pixels
are not re-encoded.

Only what a viewer needs to show the picture as it is is kept: for JPEG the JFIF header, the ICC
colour profile and the Adobe colour-transform marker; for PNG the critical chunks and the colour
chunks; for GIF the images, their timing and transparency and the looping extension. EXIF (camera, serials, GPS, orientation), XMP, IPTC, comments, text chunks and anything
appended after the image (phones append depth maps and previews) are removed.
"""

from __future__ import annotations

import struct

from assistant.core.attachments.metadata import GIF_KEEP_APPS, GIF_PICTURE_BLOCKS, gif_blocks

_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def strip_jpeg(data: bytes) -> bytes | None:
    """``data`` without metadata, or None when it is not a well-formed JPEG."""
    if not data.startswith(b"\xff\xd8"):
        return None
    out = bytearray(b"\xff\xd8")
    i, n = 2, len(data)
    while i < n:
        if data[i] != 0xFF:
            return None
        while i < n and data[i] == 0xFF:  # fill bytes
            i += 1
        if i >= n:
            return None
        marker = data[i]
        i += 1
        if marker == 0xD9:  # EOI: drop whatever follows
            out += b"\xff\xd9"
            return bytes(out)
        if marker in _JPEG_STANDALONE:
            out += bytes((0xFF, marker))
            continue
        if i + 2 > n:
            return None
        length = struct.unpack(">H", data[i : i + 2])[0]
        if length < 2 or i + length > n:
            return None
        segment = data[i + 2 : i + length]
        if marker == 0xE0 and segment.startswith(b"JFIF\x00") and len(segment) >= 7:
            # JFIF header without density (printing size only) and without thumbnail
            out += b"\xff\xe0\x00\x10JFIF\x00" + segment[5:7] + b"\x00\x00\x01\x00\x01\x00\x00"
        elif _keep_jpeg_segment(marker, segment):
            out += bytes((0xFF, marker)) + data[i : i + length]
        i += length
        if marker == 0xDA:  # start of scan: copy entropy-coded data up to the next marker
            j = i
            while True:
                j = data.find(b"\xff", j)
                if j < 0 or j + 1 >= n:
                    return None  # no EOI: truncated
                nxt = data[j + 1]
                if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                    j += 1 if nxt == 0xFF else 2
                    continue
                break
            out += data[i:j]
            i = j
    return None


def _keep_jpeg_segment(marker: int, segment: bytes) -> bool:
    if marker == 0xFE:  # COM
        return False
    if marker == 0xE0:  # APP0: JFIF is rewritten by the caller; JFXX thumbnails go
        return False
    if marker == 0xE2:  # APP2: ICC profile only (not MPF multi-picture index)
        return segment.startswith(b"ICC_PROFILE\x00")
    if marker == 0xEE:  # APP14 Adobe: colour transform, needed to decode
        return segment.startswith(b"Adobe")
    return not 0xE1 <= marker <= 0xEF  # other APPn: EXIF, XMP, IPTC, maker data


_PNG_SIG = b"\x89PNG\r\n\x1a\n"
_PNG_KEEP = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"iCCP",
    b"sBIT",
}


def strip_png(data: bytes) -> bytes | None:
    """``data`` without text, EXIF, time and other ancillary chunks, or None when malformed."""
    if not data.startswith(_PNG_SIG):
        return None
    out = bytearray(_PNG_SIG)
    i, n = len(_PNG_SIG), len(data)
    while i + 12 <= n:
        length = struct.unpack(">I", data[i : i + 4])[0]
        kind = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > n:
            return None
        if kind in _PNG_KEEP:
            out += data[i:end]
        i = end
        if kind == b"IEND":
            return bytes(out)
    return None


def strip_gif(data: bytes) -> bytes | None:
    """``data`` without comments, XMP and other application data and without anything after the
    trailer, or None when malformed. Images, timing, transparency and looping are kept."""
    blocks = gif_blocks(data)
    if not blocks:
        return None
    out = bytearray(data[: blocks[0][0]])
    for start, end, kind in blocks:
        if kind in GIF_PICTURE_BLOCKS or kind in GIF_KEEP_APPS:
            out += data[start:end]
    return bytes(out)
