"""Attachments: inspect every image and PDF before it is uploaded, and make compliant copies.

Public API (the rest of the package is internal):

- :func:`inspect_file` ``(path, provider, document=None, region=None, lang="en", progress=None,
  cancel=None) -> Inspection`` — findings with stable codes (``file.*``, ``image.*``, ``pdf.*``)
  for the provider's rules and the document's kind (certificate, letter, screenshot); never raises
  on bad input.
- :func:`fix_file` ``(path, provider, output, …) -> FixResult`` — writes a new file (several for a
  scanned PDF: ``<stem>-p<N>.<ext>``), never the original, then re-inspects what it wrote.
- :func:`inspect_then_fix` ``(path, provider, output, needs_fix, …) -> (Inspection, FixResult |
  None)`` — an inspection, and the fix right after it when ``needs_fix(inspection)``: one decode
  of the picture serves both (the export's review; see :mod:`.decoded`).
- :func:`safe_upload_name` ``(filename, provider, role=None) -> str`` — the name the bundle uses.
- :func:`thumbnail` ``(path, max_side) -> PIL.Image.Image | None`` — a preview, bounded decode,
  never raises.

Progress and cancellation: ``progress`` is called with a non-decreasing fraction 0..1;
``cancel`` is any object with ``is_set()`` (a ``threading.Event``). Cancellation does **not**
raise: the result carries an info finding ``file.cancelled``, ``Inspection.ok`` / ``FixResult.ok``
are False and ``.cancelled`` is True; a cancelled fix leaves no file behind.

Safety: only regular files are read (a named pipe, a device, a folder, a socket, a symlink loop
or a ``/proc`` entry is a ``file.not_a_file`` finding, never a read), up to
:data:`MAX_INPUT_BYTES`; every decoder's error is a finding; work is bounded (pages, frames,
scans, pixels; see :mod:`.model`) and each inspection or fix has a time budget; formats are
detected from content; decoding stays within a pixel budget without touching
``PIL.Image.MAX_IMAGE_PIXELS``; JPEG statistics use a reduced (draft) decode; readability
thresholds per document kind come from the rule packs (``files.min_side_<kind>``).
"""

from __future__ import annotations

import os
from typing import BinaryIO

from PIL import Image

from assistant.core.attachments import metadata as _metadata
from assistant.core.attachments import pdf as _pdf
from assistant.core.attachments import raster as _raster
from assistant.core.attachments.fixes import FIXABLE_CODES, fix_file, inspect_then_fix
from assistant.core.attachments.inspection import FATAL_CODES, inspect_file
from assistant.core.attachments.model import (
    DECODE_BUDGET,
    JPEG_DECLARED_LIMIT,
    JPEG_MAX_SCANS,
    FixResult,
    Inspection,
)
from assistant.core.attachments.sniff import RASTER_FORMATS, safe_upload_name, sniff
from assistant.core.attachments.source import (
    MAX_INPUT_BYTES,
    display_path,
    open_source,
    read_bounded,
)

__all__ = [
    "DECODE_BUDGET",
    "FATAL_CODES",
    "FIXABLE_CODES",
    "JPEG_DECLARED_LIMIT",
    "MAX_INPUT_BYTES",
    "FixResult",
    "Inspection",
    "display_path",
    "fix_file",
    "inspect_file",
    "inspect_then_fix",
    "safe_upload_name",
    "thumbnail",
]


def thumbnail(path: str | os.PathLike[str], max_side: int) -> Image.Image | None:
    """A preview of an image (or of a scanned PDF's first page) whose long side is at most
    ``max_side``, EXIF orientation applied, detached from the file; None when there is nothing
    to show. Only a regular file is read; bounded decode (JPEG draft, pixel budget); never
    raises."""
    try:
        max_side = max(1, int(max_side))
        fh, _ = open_source(path)
        with fh:
            im = _preview(fh, sniff(fh.read(4096)), max_side)
            if im is None:
                return None
            im = _raster.to_8bit(im)
            if im.mode not in ("RGB", "RGBA", "L"):
                im = im.convert("RGB")
            im = im.copy()
            im.thumbnail((max_side, max_side))
            return im
    except Exception:  # a preview must never take the GUI down
        return None


def _preview(fh: BinaryIO, fmt: str | None, max_side: int) -> Image.Image | None:
    if fmt == "pdf":
        reader = _pdf.open_reader(fh)
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        page = reader.pages[0]
        img = _pdf.page_image(page, 1)
        if img is None or _pdf.undecodable_filter(img) is not None:
            return None
        im, _ = _pdf.decode_page_image(page, img, for_analysis=True)
        return im.rotate(-img.rotate, expand=True) if img.rotate else im
    if fmt not in RASTER_FORMATS:
        return None
    if fmt == "jpeg":  # a scan bomb or a lying size is refused before libjpeg sees it
        fh.seek(0)
        meta = _metadata.scan_jpeg(read_bounded(fh))
        if meta.scans > JPEG_MAX_SCANS or meta.too_little_data:
            return None
    im = _raster.open_image(fh, fmt)
    if fmt == "jpeg":
        im.draft("RGB" if im.mode in ("RGB", "L") else None, (max_side, max_side))
        im.load()
    else:
        im = _raster.full_decode(im, fmt)
    return _raster.oriented(im)
