"""The deterministic zip writer: the same files and date give the same bytes on every run."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

from assistant.core.bundle.files import BundleFile

ZipTime = tuple[int, int, int, int, int, int]

# Formats that are compressed already: deflating them again costs time and saves nothing.
STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".pdf", ".docx", ".zip"})
# JSON payloads this big carry files as base64, which deflate barely shrinks: stored.
STORED_PAYLOAD_BYTES = 64 << 10
# Files copied in a stream (their size is not known to the zip up front: zip64 headers).
STREAMED_ROLES = frozenset({"attachment", "letter"})


def zip_time(when: dt.date) -> ZipTime:
    """Midnight of ``when``, within what a zip entry can hold (1980–2107)."""
    year = max(1980, min(2107, when.year))
    return (year, when.month, when.day, 0, 0, 0)


def _entry(name: str, stamp: ZipTime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def _method(f: BundleFile, size: int) -> int:
    if Path(f.name).suffix.lower() in STORED_SUFFIXES:
        return zipfile.ZIP_STORED
    if f.role == "api" and size > STORED_PAYLOAD_BYTES:
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def write_zip(path: str | os.PathLike[str], files: Iterable[BundleFile], when: dt.date) -> None:
    """A deterministic zip: fixed order, times, permissions and system; images, documents and
    base64 payloads stored as they are, other text deflated."""
    stamp = zip_time(when)
    with zipfile.ZipFile(path, "w", allowZip64=True) as zf:
        for f in files:
            info = _entry(f.name, stamp)
            if f.role in STREAMED_ROLES:
                info.compress_type = _method(f, f.size)
                src = f.source.open("rb") if f.data is None and f.source else io.BytesIO(f.read())
                with src, zf.open(info, "w", force_zip64=True) as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            else:
                data = f.read()
                info.compress_type = _method(f, len(data))
                zf.writestr(info, data, compresslevel=6)
