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


def write_zip(path: str | os.PathLike[str], files: Iterable[BundleFile], when: dt.date) -> None:
    """A deterministic zip: fixed order, times, permissions and system; images stored as is."""
    stamp = zip_time(when)
    with zipfile.ZipFile(path, "w", allowZip64=True) as zf:
        for f in files:
            info = _entry(f.name, stamp)
            if Path(f.name).suffix.lower() in STORED_SUFFIXES:
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            if f.role in STREAMED_ROLES:
                src = f.source.open("rb") if f.data is None and f.source else io.BytesIO(f.read())
                with src, zf.open(info, "w", force_zip64=True) as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            else:
                data = f.read()
                # big text (base64 payloads) compresses little: the fast level is nearly as small
                level = 1 if len(data) > (1 << 20) else 6
                zf.writestr(info, data, compresslevel=level)


def normalize_zip(data: bytes, when: ZipTime = (1980, 1, 1, 0, 0, 0)) -> bytes:
    """The same zip (e.g. a .docx) with fixed entry times and attributes, so it is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = _entry(item.filename, when)
            info.compress_type = item.compress_type
            dst.writestr(info, src.read(item))
    return out.getvalue()
