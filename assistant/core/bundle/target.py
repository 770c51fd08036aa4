"""Where a bundle may be written: never over the case file, an attachment or anything that is
not a regular file, and with ``force`` only over a bundle this program wrote (recognised by its
``manifest.json``)."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path

from assistant.core.bundle.files import BUNDLE_FORMAT, finding
from assistant.core.findings import Finding, Severity

_MANIFEST_LIMIT = 64 << 20  # a manifest is a few KB; more is not one of ours


def _open_regular(path: Path) -> int | None:
    """A read-only descriptor of ``path`` when it is a regular file (never blocks on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def is_our_bundle(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a zip whose ``manifest.json`` says it is a bundle of ours."""
    fd = _open_regular(Path(path))
    if fd is None:
        return False
    with os.fdopen(fd, "rb") as fh:
        try:
            with zipfile.ZipFile(fh) as zf:
                info = zf.getinfo("manifest.json")
                if info.file_size > _MANIFEST_LIMIT:
                    return False
                manifest = json.loads(zf.read(info))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, RuntimeError):
            return False
    return isinstance(manifest, dict) and manifest.get("format") == BUNDLE_FORMAT


def starts_with(path: str | os.PathLike[str], head: bytes) -> bool:
    """True when ``path`` is a regular file that begins with ``head``."""
    fd = _open_regular(Path(path))
    if fd is None:
        return False
    try:
        return os.read(fd, len(head)) == head
    finally:
        os.close(fd)


def _same(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError, ValueError):
        if os.path.samefile(a, b):
            return True
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        return a.resolve() == b.resolve()
    return False


def special_file(path: Path) -> bool:
    """True when something other than a regular file is at ``path`` (a folder, device, pipe,
    link, or a path the system refuses)."""
    try:
        return not stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        return True


def output_problem(
    target: Path,
    lang: str,
    *,
    force: bool,
    inputs: Iterable[str | os.PathLike[str]] = (),
    ours: bool | None = None,
) -> Finding | None:
    """Why ``target`` may not be written, or None. ``inputs`` are the files the output must
    never replace (the case file, the attachments, the letter template); ``ours`` says whether
    an existing ``target`` is a previous output of ours (default: :func:`is_our_bundle`)."""

    def problem(code: str) -> Finding:
        return finding(Severity.ERROR, code, lang, str(target), path=str(target))

    if any(_same(target, Path(p)) for p in inputs if p):
        return problem("bundle.output_is_input")
    if special_file(target):
        return problem("bundle.output_not_regular")
    if os.path.lexists(target):
        if not force:
            return problem("bundle.exists")
        if not (is_our_bundle(target) if ours is None else ours):
            return problem("bundle.not_ours")
    if not target.parent.is_dir():
        return finding(
            Severity.ERROR, "bundle.no_folder", lang, str(target.parent), path=str(target.parent)
        )
    return None
