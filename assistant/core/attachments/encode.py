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
    or None. Sizes are predicted from a sample of its macroblocks (:func:`_proxy`): the whole picture
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


# The proxy of a big picture: one 16x16 macroblock (a JPEG MCU at 4:2:0) out of every 96x96,
# cut on the JPEG grid, so each of its 8x8 blocks is one of the picture's own and codes to the
# same bits (only the DC differences at the seams change). On phone photos (noisy, 48 MP reduced)
# and a page of text its size times 36 was within 2.5 % of the whole picture's at qualities 55 to
# 95 (one in 64x64: within 5 %); eight strips of whole rows were off by up to 40 % on the page.
_TILE, _STRIDE = 16, 96


def _proxy(im: Image.Image) -> tuple[Image.Image, float] | None:
    """A sample of the picture's macroblocks and the ratio of the picture's JPEG size to its
    (see above); None for a picture small enough to encode whole."""
    if im.width * im.height < GIL_FREE_PIXELS or min(im.size) < 4 * _STRIDE:
        return None
    nx = (im.width - _TILE) // _STRIDE + 1
    ny = (im.height - _TILE) // _STRIDE + 1
    columns = Image.new(im.mode, (nx * _TILE, im.height))
    for i in range(nx):
        columns.paste(im.crop((i * _STRIDE, 0, i * _STRIDE + _TILE, im.height)), (i * _TILE, 0))
    proxy = Image.new(im.mode, (nx * _TILE, ny * _TILE))
    for j in range(ny):
        band = columns.crop((0, j * _STRIDE, columns.width, j * _STRIDE + _TILE))
        proxy.paste(band, (0, j * _TILE))
    return proxy, (im.width * im.height) / (proxy.width * proxy.height)


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

        def calibrated(q: int, c: float = calib) -> float:
            return predict(q) * c

        q = _largest_quality(calibrated, limit * 0.98)
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


def _table_scale(q: int) -> float:
    """log of the factor (percent) libjpeg scales its tables by at quality ``q`` (50 and up)."""
    return math.log(200 - 2 * q)


def _largest_quality(size: Callable[[int], float], limit: float) -> int | None:
    """The largest quality in [Q_MIN, Q_MAX] whose ``size`` is at most ``limit`` (sizes grow
    with quality), or None. After the two ends, regula falsi: log size is close to linear in the
    log of libjpeg's table scale, so two or three more sizes usually settle it (bisection after
    four, so it never takes more than a dozen)."""
    if size(Q_MAX) <= limit:
        return Q_MAX
    if size(Q_MIN) > limit:
        return None
    lo, hi = Q_MIN, Q_MAX
    for step in range(64):
        if hi - lo <= 1:
            break
        if step < 4:
            a, b = math.log(max(size(lo), 1.0)), math.log(max(size(hi), 1.0))
            x_lo, x_hi = _table_scale(lo), _table_scale(hi)
            x = x_lo + (math.log(limit) - a) * (x_hi - x_lo) / max(b - a, 1e-9)
            mid = min(hi - 1, max(lo + 1, math.floor(100 - math.exp(x) / 2)))
        else:
            mid = (lo + hi) // 2
        if size(mid) <= limit:
            lo = mid
        else:
            hi = mid
    return lo
