"""fix_file: write a compliant copy of a file (never touching the original), then re-inspect it.

Deterministic: the same input, provider, document and output name give the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageCms

from assistant.core.attachments import pdf as pdfmod
from assistant.core.attachments import raster
from assistant.core.attachments.inspection import FATAL_CODES, inspect_with
from assistant.core.attachments.model import (
    CancelFlag,
    Context,
    FixResult,
    Inspection,
    ProgressCallback,
    human_size,
)
from assistant.core.attachments.sniff import (
    EXTENSIONS,
    FORMAT_EXTENSION,
    FORMAT_NAMES,
    extension_of,
)
from assistant.core.attachments.strip import strip_jpeg, strip_png
from assistant.core.findings import Finding, Severity, has_errors

# JPEG quality search range: above 95 files grow with no visible gain; below 55 text gets
# blocky edges. "Best quality that fits" is the highest value in this range that fits.
Q_MAX, Q_MIN = 95, 55
# Problems a fix removes; a re-inspection of the output must not show them again.
FIXABLE_CODES = frozenset(
    {
        "file.format_not_accepted",
        "file.too_large",
        "file.extension_mismatch",
        "image.rotated",
        "image.animated",
        "image.cmyk",
        "image.sixteen_bit",
        "image.alpha",
        "image.alpha_unused",
        "image.gps",
        "image.personal_metadata",
        "image.unusual_dpi",
        "pdf.restricted",
    }
)
_REENCODE_CODES = frozenset(
    {
        "file.format_not_accepted",
        "image.rotated",
        "image.animated",
        "image.cmyk",
        "image.sixteen_bit",
        "image.alpha",
        "image.alpha_unused",
    }
)
_LOSSLESS_SOURCES = frozenset({"png", "gif", "bmp", "tiff", "ico", "psd"})
# From this many pixels an encode goes through a temporary file (see _encode).
_GIL_FREE_PIXELS = 1_000_000


class _Cancelled(Exception):
    pass


def fix_file(
    path: str | os.PathLike[str],
    provider: str,
    output: str | os.PathLike[str],
    document: str | None = None,
    region: str | None = None,
    lang: str = "en",
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    inspection: Inspection | None = None,
) -> FixResult:
    """Write a fixed copy of ``path`` to ``output`` for ``provider`` and re-inspect it.

    ``output`` is a file path or an existing directory. The written file's extension always
    matches its format (``out`` becomes ``out.jpg``; ``out.webp`` becomes ``out.jpg`` for a
    provider without WebP; a finding says so). A scanned PDF that the provider does not accept
    (or that is too large) becomes one image per page, named ``<stem>-p<N>.<ext>`` next to
    ``output`` with N zero-padded to the page count's width (``letter-p1.jpg``, ``letter-p2.jpg``);
    a single page keeps ``output``'s own name. ``output`` equal to ``path`` is refused, and no
    written file may be the input. Cancellation leaves no partial file and gives a result with
    a ``file.cancelled`` finding.

    ``inspection``: an inspection of ``path`` made just before with the same provider, document,
    region and language (the export's review), so the file is not inspected twice. It is used
    only when it is of this path, not cancelled, and the file still has the inspected size.
    """
    ctx, setup = Context.make(provider, document, region, lang, progress, cancel)
    src, out = Path(path), Path(output)
    result = FixResult(source=src)
    if out.is_dir():
        out = out / src.name
        if _same_file(src, out):
            out = out.with_name(f"{src.stem}-fixed{src.suffix}")
    if _same_file(src, out):
        result.findings.append(ctx.finding(Severity.ERROR, "fix.output_is_input", path=str(out)))
        return result
    if _still_valid(inspection, src):
        assert inspection is not None
        insp = inspection
        ctx.report(0.3)
    else:
        insp = inspect_with(ctx.span(0.0, 0.3), src, setup)
    result.inspection = insp
    if insp.cancelled:
        result.findings.append(ctx.finding(Severity.INFO, "file.cancelled"))
        return result
    fatal = [f for f in insp.findings if f.code in FATAL_CODES]
    if fatal:
        result.findings.append(
            ctx.finding(Severity.ERROR, "fix.cannot_fix", reason=fatal[0].message)
        )
        return result
    work = ctx.span(0.3, 0.9)
    written: list[Path] = []
    try:
        with src.open("rb") as fh:
            if insp.format == "pdf":
                _fix_pdf(work, src, fh, insp, out, result, written)
            elif insp.format == "svg" or insp.format is None:
                result.findings.append(
                    ctx.finding(Severity.ERROR, "fix.cannot_fix", reason=insp.findings[0].message)
                )
            else:
                _fix_raster(work, src, fh, insp, out, result, written)
    except _Cancelled:
        for p in written:
            _remove(p)
        result.outputs.clear()
        result.findings = [ctx.finding(Severity.INFO, "file.cancelled")]
        return result
    except raster.TooManyPixels as exc:
        result.findings.append(
            ctx.finding(Severity.ERROR, "fix.cannot_fix", reason=f"{exc.width}×{exc.height}")
        )
    except raster.DECODE_ERRORS as exc:
        if isinstance(exc, OSError) and getattr(exc, "filename", None):
            result.findings.append(
                ctx.finding(Severity.ERROR, "fix.output_failed", reason=exc.strerror or str(exc))
            )
        else:
            result.findings.append(
                ctx.finding(
                    Severity.ERROR, "fix.cannot_fix", reason=str(exc)[:200] or type(exc).__name__
                )
            )
    result.outputs = list(written)
    # re-inspect every output: it must come out clean of what was fixed
    check = ctx.span(0.9, 1.0)
    for i, p in enumerate(written):
        sub = check.span(i / len(written), (i + 1) / len(written))
        sub.cancel = None  # a re-inspection is short; finish it so the result is complete
        again = inspect_with(sub, p)
        result.inspections.append(again)
        still = sorted(again.codes & FIXABLE_CODES - {"file.too_large"} & insp.codes)
        if "file.too_large" in again.codes:
            still.append("file.too_large")
        if still or has_errors(again.findings):
            errors = [f.code for f in again.findings if f.severity is Severity.ERROR]
            result.findings.append(
                ctx.finding(
                    Severity.ERROR,
                    "fix.not_passing",
                    path=p.name,
                    codes=", ".join(dict.fromkeys(still + errors)),
                )
            )
    ctx.report(1.0)
    return result


def _still_valid(inspection: Inspection | None, src: Path) -> bool:
    """Whether ``inspection`` can stand for an inspection of ``src`` now."""
    if inspection is None or inspection.cancelled or inspection.size_bytes is None:
        return False
    try:
        return Path(inspection.path) == src and src.stat().st_size == inspection.size_bytes
    except OSError:
        return False


# --------------------------------------------------------------------------------------- rasters
def _fix_raster(
    ctx: Context,
    src: Path,
    fh: BinaryIO,
    insp: Inspection,
    out: Path,
    result: FixResult,
    written: list[Path],
) -> None:
    fmt = insp.format or ""
    codes = insp.codes
    accepted = ctx.accepted_formats
    limit = ctx.max_bytes[0] or (1 << 62)
    requested = EXTENSIONS.get(extension_of(out.name))
    writable = {"jpeg", "png"} & accepted or {"jpeg"}
    reencode = bool(codes & _REENCODE_CODES) or (requested in writable and requested != fmt)
    findings = result.findings

    # 1. nothing to re-encode: remove metadata losslessly (or copy) when that fits
    if not reencode and fmt in accepted:
        fh.seek(0)
        data = fh.read()
        stripped = strip_jpeg(data) if fmt == "jpeg" else strip_png(data) if fmt == "png" else None
        payload = stripped if stripped is not None else data
        if len(payload) <= limit:
            target = _output_path(ctx, out, fmt, src, findings)
            _write(src, target, payload, written)
            if stripped is not None and len(stripped) < len(data):
                findings.append(
                    ctx.finding(Severity.INFO, "fix.metadata_removed", path=target.name)
                )
            else:
                findings.append(ctx.finding(Severity.INFO, "fix.copied", path=target.name))
            return
    ctx.report(0.05)
    _check(ctx)

    # 2. decode, orient, normalise the colours
    im = raster.open_image(fh, fmt)
    im = raster.full_decode(im, fmt)
    ctx.report(0.3)
    _check(ctx)
    if "image.rotated" in codes:
        im = raster.oriented(im)
        findings.append(ctx.finding(Severity.INFO, "fix.rotated"))
    if "image.animated" in codes:
        findings.append(ctx.finding(Severity.INFO, "fix.first_frame"))
    icc = im.info.get("icc_profile")
    im, notes = _normalize(im, icc)
    if im.mode != "CMYK" and "image.cmyk" in codes:
        icc = None  # converted to sRGB
    for note in notes:
        findings.append(ctx.finding(Severity.INFO, note))

    # 3. choose the format and encode under the byte limit
    if requested in writable:
        target_fmt = requested
    elif fmt in writable:
        target_fmt = fmt
    elif fmt in _LOSSLESS_SOURCES or im.mode in ("P", "1"):
        target_fmt = "png" if "png" in writable else "jpeg"
    else:
        target_fmt = "jpeg"
    floor = min(ctx.min_readable_side(), min(im.size))
    encoded = _encode_under(ctx.span(0.35, 1.0), im, target_fmt, limit, floor, icc, findings)
    if encoded is None:
        findings.append(_cannot_fit(ctx, limit, floor))
        return
    data, final_fmt = encoded
    if final_fmt != fmt:
        findings.append(
            ctx.finding(
                Severity.INFO,
                "fix.converted",
                old=FORMAT_NAMES.get(fmt, fmt),
                new=FORMAT_NAMES[final_fmt],
            )
        )
    target = _output_path(ctx, out, final_fmt, src, findings)
    findings.append(ctx.finding(Severity.INFO, "fix.metadata_removed", path=target.name))
    _write(src, target, data, written)


def _cannot_fit(ctx: Context, limit: int, floor: int) -> Finding:
    """Error: no readable size (short side >= ``floor``) of the image fits under ``limit``."""
    return ctx.finding(
        Severity.ERROR,
        "fix.cannot_fit",
        limit=human_size(limit),
        min=floor,
        provider=ctx.provider_name,
    )


def _normalize(im: Image.Image, icc: bytes | None) -> tuple[Image.Image, list[str]]:
    """8-bit RGB, L or P without alpha; returns the image and the notes of what changed."""
    notes: list[str] = []
    if im.mode == "CMYK":
        converted = None
        if icc:
            try:
                src_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
                converted = ImageCms.profileToProfile(
                    im, src_profile, ImageCms.createProfile("sRGB"), outputMode="RGB"
                )
            except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
                converted = None
        im = converted if converted is not None else im.convert("RGB")
        notes.append("fix.colors_converted")
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        im = raster.to_8bit(im)
        notes.append("fix.depth_reduced")
    has_alpha = im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)
    if has_alpha:
        rgba = im.convert("RGBA")
        background = Image.new("RGB", im.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        im = background
        notes.append("fix.alpha_flattened")
    elif im.mode == "1":
        im = im.convert("L")
    elif im.mode not in ("RGB", "L", "P"):
        im = im.convert("RGB")
    return im, notes


def _encode(
    im: Image.Image, fmt: str, icc: bytes | None, quality: int = Q_MAX, level: int = 6
) -> bytes:
    # Pillow releases the GIL while it encodes into a real file, not into a BytesIO: a big image
    # goes through an anonymous temporary file (the same bytes), so that the export's fixes of
    # several files run in parallel.
    if im.width * im.height < _GIL_FREE_PIXELS:
        buf = io.BytesIO()
        _save(im, buf, fmt, icc, quality, level)
        return buf.getvalue()
    with tempfile.TemporaryFile() as fh:
        _save(im, fh, fmt, icc, quality, level)
        fh.seek(0)
        return fh.read()


def _save(
    im: Image.Image, fh: BinaryIO, fmt: str, icc: bytes | None, quality: int, level: int
) -> None:
    if fmt == "jpeg":
        if im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
        im.save(fh, "JPEG", quality=quality, icc_profile=icc if im.mode == "RGB" else None)
    else:
        im.save(fh, "PNG", compress_level=level, icc_profile=icc if im.mode == "RGB" else None)


def _encode_under(
    ctx: Context,
    im: Image.Image,
    fmt: str,
    limit: int,
    floor: int,
    icc: bytes | None,
    findings: list[Finding],
) -> tuple[bytes, str] | None:
    """Bytes of ``im`` under ``limit`` in ``fmt`` (PNG falls back to JPEG), or None."""
    if fmt == "png":
        data = _encode(im, "png", icc)
        if len(data) <= limit:
            return data, "png"
        _check(ctx)
        data = _encode(im, "png", icc, level=9)
        if len(data) <= limit:
            return data, "png"
        findings.append(ctx.finding(Severity.INFO, "fix.png_too_large", limit=human_size(limit)))
    fitted = fit_jpeg(ctx, im, limit, floor, icc)
    if fitted is None:
        return None
    data, quality, size = fitted
    if size != im.size or quality < Q_MAX:
        findings.append(
            ctx.finding(
                Severity.INFO,
                "fix.shrunk",
                size=human_size(len(data)),
                quality=quality,
                width=size[0],
                height=size[1],
            )
        )
    return data, "jpeg"


def fit_jpeg(
    ctx: Context, im: Image.Image, limit: int, floor: int, icc: bytes | None
) -> tuple[bytes, int, tuple[int, int]] | None:
    """The best-quality JPEG of ``im`` under ``limit``: search quality first, then downscale,
    never below ``floor`` pixels on the short side. Returns (bytes, quality, size) or None."""
    if im.mode not in ("RGB", "L"):
        im = im.convert("RGB")
    current = im
    for attempt in range(8):
        _check(ctx)
        ctx.report(attempt / 8)
        found, smallest = _search_quality(ctx, current, limit, icc)
        if found is not None:
            return found[0], found[1], current.size
        short = min(current.size)
        if short <= floor:
            return None
        factor = math.sqrt(limit / max(smallest, 1)) * 0.95
        factor = min(0.9, max(factor, floor / min(im.size)))
        new_size = (max(1, round(im.width * factor)), max(1, round(im.height * factor)))
        if min(new_size) >= short:
            new_size = (max(1, round(current.width * 0.9)), max(1, round(current.height * 0.9)))
        if min(new_size) < floor:
            scale = floor / min(im.size)
            new_size = (max(1, math.ceil(im.width * scale)), max(1, math.ceil(im.height * scale)))
        current = im.resize(new_size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return None


def _proxy(im: Image.Image) -> tuple[Image.Image, float] | None:
    """Eight 64-row strips spread over the image, pasted together: JPEG size per quality of the
    whole image is about ``ratio`` times the proxy's (blocks are coded independently)."""
    if im.height < 1024:
        return None
    strips, rows = 8, 64
    proxy = Image.new(im.mode, (im.width, strips * rows))
    step = (im.height - rows) / (strips - 1)
    for k in range(strips):
        top = int(k * step) // 16 * 16
        proxy.paste(im.crop((0, top, im.width, top + rows)), (0, k * rows))
    return proxy, im.height / (strips * rows)


def _search_quality(
    ctx: Context, im: Image.Image, limit: int, icc: bytes | None
) -> tuple[tuple[bytes, int] | None, int]:
    """(best (bytes, quality) under limit or None, smallest size seen)."""
    proxy = _proxy(im)
    full: dict[int, bytes] = {}

    def encode_full(q: int) -> bytes:
        _check(ctx)
        if q not in full:
            full[q] = _encode(im, "jpeg", icc, q)
        return full[q]

    if proxy is None:
        predict: Callable[[int], float] = lambda q: len(encode_full(q))  # noqa: E731
    else:
        small, ratio = proxy
        cache: dict[int, int] = {}

        def predict(q: int) -> float:
            if q not in cache:
                _check(ctx)
                cache[q] = len(_encode(small, "jpeg", icc, q))
            return cache[q] * ratio

    calib = 1.0
    best: tuple[bytes, int] | None = None
    smallest = 1 << 62
    tried: set[int] = set()
    for _ in range(5):
        q = _largest_quality(lambda q, c=calib: predict(q) * c <= limit * 0.98)
        if q is None:
            q = Q_MIN
        if q in tried:
            break
        tried.add(q)
        data = encode_full(q)
        smallest = min(smallest, len(data))
        if len(data) <= limit:
            if best is None or q > best[1]:
                best = (data, q)
            if q == Q_MAX or len(data) > 0.9 * limit or proxy is None:
                break
        elif q == Q_MIN:
            break
        calib = len(data) / max(predict(q), 1)
    return best, smallest


def _largest_quality(fits: Callable[..., bool]) -> int | None:
    lo, hi = Q_MIN, Q_MAX
    if fits(hi):
        return hi
    if not fits(lo):
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return lo


# --------------------------------------------------------------------------------------- PDFs
def _fix_pdf(
    ctx: Context,
    src: Path,
    fh: BinaryIO,
    insp: Inspection,
    out: Path,
    result: FixResult,
    written: list[Path],
) -> None:
    codes = insp.codes
    accepted = ctx.accepted_formats
    limit = ctx.max_bytes[0] or (1 << 62)
    findings = result.findings
    if "pdf" in accepted and "file.too_large" not in codes and "pdf.restricted" not in codes:
        fh.seek(0)
        target = _output_path(ctx, out, "pdf", src, findings)
        _write(src, target, fh.read(), written)
        findings.append(ctx.finding(Severity.INFO, "fix.copied", path=target.name))
        return
    if "pdf" in accepted and "file.too_large" not in codes:
        reader = pdfmod.open_reader(fh)
        reader.decrypt("")
        from pypdf import PdfWriter

        writer = PdfWriter(clone_from=reader)
        buf = io.BytesIO()
        writer.write(buf)
        target = _output_path(ctx, out, "pdf", src, findings)
        _write(src, target, buf.getvalue(), written)
        findings.append(ctx.finding(Severity.INFO, "fix.unlocked", path=target.name))
        return
    pages = insp.pages or 0
    if not insp.image_pages or len(insp.image_pages) != pages:
        findings.append(ctx.finding(Severity.ERROR, "fix.pdf_not_scanned"))
        return
    reader = pdfmod.open_reader(fh)
    if reader.is_encrypted:
        reader.decrypt("")
    writable = {"jpeg", "png"} & accepted or {"jpeg"}
    floor_side = ctx.min_readable_side()
    width = len(str(pages))
    for index, number in enumerate(insp.image_pages):
        _check(ctx)
        sub = ctx.span(index / pages, (index + 1) / pages)
        page = reader.pages[number - 1]
        img = pdfmod.page_image(page, number)
        if img is None:  # pragma: no cover - inspection said it was
            findings.append(ctx.finding(Severity.ERROR, "fix.pdf_not_scanned"))
            return
        pil, raw = pdfmod.decode_page_image(page, img, for_analysis=False)
        data: bytes | None = None
        fmt = "jpeg"
        if raw is not None and img.rotate == 0:
            stripped = strip_jpeg(raw)
            if stripped is not None and len(stripped) <= limit:
                data = stripped
        if data is None:
            if img.rotate:
                pil = pil.rotate(-img.rotate, expand=True)
            pil, _ = _normalize(pil, None)
            prefer = (
                "png" if raw is None and pil.mode in ("L", "P") and "png" in writable else "jpeg"
            )
            floor = min(floor_side, min(pil.size))
            encoded = _encode_under(sub, pil, prefer, limit, floor, None, findings)
            if encoded is None:
                findings.append(_cannot_fit(ctx, limit, floor))
                return
            data, fmt = encoded
        if pages == 1:
            target = _output_path(ctx, out, fmt, src, findings)
        else:
            base = out.with_name(f"{_stem(out)}-p{number:0{width}d}")
            target = _output_path(ctx, base, fmt, src, [])
        _write(src, target, data, written)
    findings.append(ctx.finding(Severity.INFO, "fix.extracted", count=len(written)))


# --------------------------------------------------------------------------------------- files
def _stem(path: Path) -> str:
    return path.stem if extension_of(path.name) in EXTENSIONS else path.name


def _output_path(ctx: Context, out: Path, fmt: str, src: Path, findings: list[Finding]) -> Path:
    """``out`` with the extension of ``fmt`` (replacing a known image extension)."""
    ext = FORMAT_EXTENSION.get(fmt, fmt)
    claimed = EXTENSIONS.get(extension_of(out.name))
    if claimed == fmt:
        target = out
    elif claimed is not None:
        target = out.with_suffix(f".{ext}")
    else:
        target = out.with_name(f"{out.name}.{ext}")
    if _same_file(src, target):
        target = target.with_name(f"{_stem(target)}-fixed.{ext}")
    if target != out:
        findings.append(ctx.finding(Severity.INFO, "fix.output_renamed", path=str(target)))
    return target


def _write(src: Path, target: Path, data: bytes, written: list[Path]) -> None:
    if _same_file(src, target):  # pragma: no cover - _output_path prevents it
        raise OSError(f"refusing to overwrite the input {src}")
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name}.part")
    try:
        with part.open("wb") as fh:
            fh.write(data)
        os.replace(part, target)
    except OSError:
        _remove(part)
        raise
    written.append(target)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _check(ctx: Context) -> None:
    if ctx.cancelled():
        raise _Cancelled
