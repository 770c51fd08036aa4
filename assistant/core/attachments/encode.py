"""Encoding a fixed picture: 8-bit colours without alpha, then the best-quality JPEG (or a PNG)
under the provider's byte limit, never smaller than readable. Deterministic: the same image gives
the same bytes."""

from __future__ import annotations

import io
import math
import tempfile
from collections.abc import Callable
from typing import BinaryIO, NamedTuple

from PIL import Image, ImageCms

from assistant.core.attachments import raster
from assistant.core.attachments.model import Context, human_size
from assistant.core.findings import Finding, Severity

# JPEG quality search range: above 95 files grow with no visible gain; below 55 text gets
# blocky edges. "Best quality that fits" is the highest value in this range that fits.
Q_MAX, Q_MIN = 95, 55
# From this many pixels an encode goes through a temporary file (see encode).
GIL_FREE_PIXELS = 1_000_000


class Encoded(NamedTuple):
    """A fixed picture: its bytes, their format and the pixels they were encoded from."""

    data: bytes
    fmt: str
    image: Image.Image


class Cancelled(Exception):
    """The fix was cancelled or ran out of time (the context says which)."""


def check(ctx: Context) -> None:
    if ctx.cancelled():
        raise Cancelled


def cannot_fit(ctx: Context, limit: int, floor: int) -> Finding:
    """Error: no readable size (short side >= ``floor``) of the image fits under ``limit``."""
    return ctx.finding(
        Severity.ERROR,
        "fix.cannot_fit",
        limit=human_size(limit),
        min=floor,
        provider=ctx.provider_name,
    )


def normalize(im: Image.Image, icc: bytes | None) -> tuple[Image.Image, list[str]]:
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


def encode(
    im: Image.Image, fmt: str, icc: bytes | None, quality: int = Q_MAX, level: int = 6
) -> bytes:
    # Pillow releases the GIL while it encodes into a real file, not into a BytesIO: a big image
    # goes through an anonymous temporary file (the same bytes), so that the export's fixes of
    # several files run in parallel.
    if im.width * im.height < GIL_FREE_PIXELS:
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


def encode_under(
    ctx: Context,
    im: Image.Image,
    fmt: str,
    limit: int,
    floor: int,
    icc: bytes | None,
    findings: list[Finding],
    original: tuple[int, int] | None = None,
) -> Encoded | None:
    """``im`` encoded under ``limit`` in ``fmt`` (PNG falls back to JPEG), or None.
    ``original``: the picture's size before a reduced decode (the finding compares with it)."""
    if fmt == "png":
        data = encode(im, "png", icc)
        if len(data) <= limit:
            return Encoded(data, "png", im)
        check(ctx)
        # level 9 gains a few per cent over 6 at many times the cost: tried only when close
        if len(data) <= limit * 1.25:
            data = encode(im, "png", icc, level=9)
            if len(data) <= limit:
                return Encoded(data, "png", im)
        findings.append(ctx.finding(Severity.INFO, "fix.png_too_large", limit=human_size(limit)))
    fitted = fit_jpeg(ctx, im, limit, floor, icc)
    if fitted is None:
        return None
    data, quality, image = fitted
    if image.size != (original or im.size) or quality < Q_MAX:
        findings.append(
            ctx.finding(
                Severity.INFO,
                "fix.shrunk",
                size=human_size(len(data)),
                quality=quality,
                width=image.width,
                height=image.height,
            )
        )
    return Encoded(data, "jpeg", image)


def fit_jpeg(
    ctx: Context, im: Image.Image, limit: int, floor: int, icc: bytes | None
) -> tuple[bytes, int, Image.Image] | None:
    """The best-quality JPEG of ``im`` under ``limit``: search quality first, then downscale,
    never below ``floor`` pixels on the short side. Returns (bytes, quality, the pixels encoded)
    or None. Sizes are predicted from strips of the picture (:func:`_proxy`): the whole picture
    is encoded only at a quality predicted to fit, and a size at which nothing is predicted to
    fit is never encoded at all."""
    if im.mode not in ("RGB", "L"):
        im = im.convert("RGB")
    current = im
    for attempt in range(8):
        check(ctx)
        ctx.report(attempt / 8)
        found, smallest = _search_quality(ctx, current, limit, icc)
        if found is not None:
            return found[0], found[1], current
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
    """(best (bytes, quality) under limit or None, the size at the lowest quality: encoded or,
    with a proxy, predicted — then the whole picture is not encoded when nothing fits)."""
    proxy = _proxy(im)
    full: dict[int, bytes] = {}

    def encode_full(q: int) -> bytes:
        check(ctx)
        if q not in full:
            full[q] = encode(im, "jpeg", icc, q)
        return full[q]

    if proxy is None:
        predict: Callable[[int], float] = lambda q: len(encode_full(q))  # noqa: E731
    else:
        small, ratio = proxy
        cache: dict[int, int] = {}

        def predict(q: int) -> float:
            if q not in cache:
                check(ctx)
                cache[q] = len(encode(small, "jpeg", icc, q))
            return cache[q] * ratio

    calib = 1.0
    best: tuple[bytes, int] | None = None
    smallest = 1 << 62
    tried: set[int] = set()
    for _ in range(5):
        q = _largest_quality(lambda q, c=calib: predict(q) * c <= limit * 0.98)
        if q is None and proxy is not None:  # not even the lowest quality fits: downscale
            smallest = min(smallest, round(predict(Q_MIN) * calib))
            break
        q = Q_MIN if q is None else q
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
