"""Where a fix writes: the output name (its extension follows the format), atomic writes that
never touch the input, and clean-up of what a cancelled fix wrote."""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from assistant.core.attachments.decoded import Decoded, Known
from assistant.core.attachments.model import Context, FixResult, Inspection
from assistant.core.attachments.raster import Stats
from assistant.core.attachments.sniff import EXTENSIONS, FORMAT_EXTENSION, extension_of
from assistant.core.attachments.source import display_path
from assistant.core.findings import Finding, Severity


def stem(path: Path) -> str:
    return path.stem if extension_of(path.name) in EXTENSIONS else path.name


def output_path(ctx: Context, out: Path, fmt: str, src: Path, findings: list[Finding]) -> Path:
    """``out`` with the extension of ``fmt`` (replacing a known image extension)."""
    ext = FORMAT_EXTENSION.get(fmt, fmt)
    claimed = EXTENSIONS.get(extension_of(out.name))
    if claimed == fmt:
        target = out
    elif claimed is not None:
        target = out.with_suffix(f".{ext}")
    else:
        target = out.with_name(f"{out.name}.{ext}")
    if same_file(src, target):
        target = target.with_name(f"{stem(target)}-fixed.{ext}")
    if target != out:
        findings.append(ctx.finding(Severity.INFO, "fix.output_renamed", path=display_path(target)))
    return target


def write(src: Path, target: Path, data: bytes, written: list[Path]) -> None:
    """Write ``data`` to ``target`` atomically (a new temporary file beside it, then a rename):
    a reader never sees half a file, and nothing that already exists is opened for writing (a
    named pipe left at the path cannot block the fix)."""
    if same_file(src, target):  # pragma: no cover - output_path prevents it
        raise OSError(f"refusing to overwrite the input {src}")
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name[:80]}.{secrets.token_hex(6)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(part, flags, 0o666)  # O_EXCL: never an existing file, pipe or link
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(part, target)
    except BaseException:
        remove(part)
        raise
    written.append(target)


def remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a symlink loop (Python < 3.13)
        return False


@dataclass
class Job:
    """One fix under way: the source (open), its inspection, where to write, and the result
    being filled (``result.outputs`` are the files written so far). ``decoded``: the source's
    pixels as the inspection decoded them for this fix; ``known``: the pixels of each picture
    written, for its re-inspection (see :mod:`.decoded`)."""

    src: Path
    fh: BinaryIO
    insp: Inspection
    out: Path
    result: FixResult
    decoded: Decoded | None = None
    known: dict[Path, Known] = field(default_factory=dict)
    # (image, its statistics) of the inspection's decode, when the fix encodes it unchanged
    analysed: tuple[Image.Image, Stats] | None = None

    def target(self, ctx: Context, fmt: str, out: Path | None = None, quiet: bool = False) -> Path:
        """The output path for ``fmt`` (see :func:`output_path`); ``quiet``: no rename finding."""
        findings = [] if quiet else self.result.findings
        return output_path(ctx, out or self.out, fmt, self.src, findings)

    def write(self, target: Path, data: bytes, pixels: Image.Image | None = None) -> None:
        """Write ``data`` to ``target``; ``pixels``: the picture ``data`` was encoded from."""
        write(self.src, target, data, self.result.outputs)
        if pixels is not None:
            image, stats = self.analysed or (None, None)
            self.known[target] = Known(data, pixels, stats if image is pixels else None)
