"""Raster images: open under a pixel budget, reduced decode for statistics, metadata, checks."""

from __future__ import annotations

import contextlib
import io
import math
import struct
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO

from PIL import Image, ImageFilter, ImageOps

from assistant.core.attachments.metadata import MetaScan, exif_object_facts, xmp_facts
from assistant.core.attachments.model import (
    ANALYSIS_LONG_SIDE,
    DECODE_BUDGET,
    JPEG_DECLARED_LIMIT,
    MAX_FRAMES,
    Context,
)
from assistant.core.findings import Finding, Severity
from assistant.core.i18n import localized

try:  # HEIC/HEIF (iPhone photos); optional at run time, a dependency of the package
    import pillow_heif

    HEIC_SUPPORTED = True
except ImportError:  # pragma: no cover - exercised only without the dependency
    HEIC_SUPPORTED = False

_PIL_IDS = {
    "jpeg": "JPEG",
    "png": "PNG",
    "gif": "GIF",
    "webp": "WEBP",
    "bmp": "BMP",
    "tiff": "TIFF",
    "ico": "ICO",
    "jp2": "JPEG2000",
    "psd": "PSD",
    "avif": "AVIF",
}

# Errors Pillow and its plugins raise on damaged input (besides OSError for truncation).
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    EOFError,
    ZeroDivisionError,
    AttributeError,
    RuntimeError,
    NotImplementedError,
    OverflowError,
    MemoryError,
    struct.error,
    zlib.error,
    Image.DecompressionBombError,
)

# --------------------------------------------------------------------------------------- thresholds
# Image statistics, measured on the grayscale analysis copy (long side 480–960 px). Derived by the
# team on generated documents (tests/core/corpus.py) and kept deliberately loose: a false alarm on a
# good photo costs more than a missed borderline case the reviewer will still judge.
BLANK_STD = 3.0  # standard deviation of gray levels below which a picture shows nothing
DARK_P99 = 96  # even the brightest 1 % of the picture is darker than this: underexposed
WASHED_P1 = 160  # even the darkest 0.2 % is lighter than this: text faded away
LOW_CONTRAST_SPAN = 48  # p99 - p1 (p1: the darkest 0.2 %) below this: one flat gray
BLUR_SHARPNESS = 0.30  # Laplacian spread / gray-level spread below this: no crisp edges anywhere
# DPI values a file may claim without it being odd (printing size only; harmless for upload).
DPI_RANGE = (50, 2400)

EXIF_ORIENTATION = 0x0112
PERSONAL_TEXT_KEYS = {"author", "artist", "owner", "copyright", "comment", "description"}


class TooManyPixels(Exception):
    def __init__(self, width: int, height: int) -> None:
        super().__init__(f"{width}x{height}")
        self.width = width
        self.height = height


def bomb_finding(ctx: Context, exc: TooManyPixels) -> Finding:
    """Error ``file.bomb``: more pixels than the decode budget."""
    return ctx.finding(
        Severity.ERROR,
        "file.bomb",
        fix=True,
        width=exc.width,
        height=exc.height,
        megapixels=round(exc.width * exc.height / 1e6),
    )


def declared_limit(fmt: str) -> int:
    return JPEG_DECLARED_LIMIT if fmt == "jpeg" else DECODE_BUDGET


def open_image(fh: BinaryIO, fmt: str) -> Image.Image:
    """Open an image (header only) of a known format without Pillow's process-wide bomb check
    (``Image.MAX_IMAGE_PIXELS`` is never changed); our own budget is checked here instead.

    Raises :class:`TooManyPixels` over the budget and Pillow's errors on damaged input."""
    fh.seek(0)
    if fmt == "heic":
        if not HEIC_SUPPORTED:
            raise OSError("cannot decode HEIC: the pillow-heif package is not installed")
        heif = pillow_heif.open_heif(fh, convert_hdr_to_8bit=True)
        width, height = heif.size
        if width * height > declared_limit(fmt) or width <= 0 or height <= 0:
            raise TooManyPixels(width, height)
        im = heif.to_pillow()
        return im
    pil_id = _PIL_IDS[fmt]
    if pil_id not in Image.OPEN:
        Image.init()
    factory, accept = Image.OPEN[pil_id]
    prefix = fh.read(16)
    fh.seek(0)
    if accept is not None and not accept(prefix):
        raise SyntaxError(f"not a {pil_id} file")
    im = factory(fh, "")
    width, height = im.size
    if width <= 0 or height <= 0:
        raise SyntaxError("image has no pixels")
    if width * height > declared_limit(fmt):
        raise TooManyPixels(width, height)
    return im


def full_decode(
    im: Image.Image, fmt: str, max_pixels: int = DECODE_BUDGET, scale: int = 1
) -> Image.Image:
    """Decode ``im`` in full, or reduced ``scale`` times on each side (1, 2, 4 or 8): a JPEG at
    that DCT scale (libjpeg never builds the full picture), another format decoded and then
    box-reduced (:meth:`PIL.Image.Image.reduce`). A JPEG over ``max_pixels`` is decoded at the
    smallest DCT scale that fits; another format over it raises :class:`TooManyPixels`."""
    width, height = im.size
    if fmt == "jpeg":
        if width * height > max_pixels:
            factor = math.ceil(math.sqrt(width * height / max_pixels))
            scale = max(scale, next(s for s in (2, 4, 8) if s >= factor) if factor <= 8 else 8)
        if scale > 1:
            im.draft(
                im.mode if im.mode in ("RGB", "L", "CMYK") else None,
                (max(1, width // scale), max(1, height // scale)),
            )
        im.load()
        return im
    if width * height > max_pixels:
        raise TooManyPixels(width, height)
    im.load()
    return reduced(im, scale)


def reduced(im: Image.Image, scale: int) -> Image.Image:
    """``im`` box-reduced ``scale`` times on each side (8-bit first where reduce needs it)."""
    if scale <= 1:
        return im
    if im.mode not in ("L", "LA", "RGB", "RGBA", "CMYK", "I", "F"):
        im = to_8bit(im)
    return im.reduce(scale)


def analysis_decode(im: Image.Image, fmt: str) -> Image.Image:
    """A reduced decode for statistics: JPEG via draft (DCT scaling, no full-resolution decode),
    others decoded in full then box-reduced. The result's long side lies in [480, 960)."""
    width, height = im.size
    long_side = max(width, height)
    if fmt == "jpeg":
        target = ANALYSIS_LONG_SIDE / long_side
        request = (max(1, math.ceil(width * target)), max(1, math.ceil(height * target)))
        im.draft("L" if im.mode in ("RGB", "L") else None, request)
        im.load()
        return im
    return full_decode(im, fmt)


def reduce_for_analysis(im: Image.Image) -> Image.Image:
    factor = max(1, max(im.size) // ANALYSIS_LONG_SIDE)
    if factor > 1:
        if im.mode in ("P", "1", "I;16", "I;16B", "I;16L", "I", "F"):
            im = to_8bit(im)
        im = im.reduce(factor)
    return im


def to_8bit(im: Image.Image) -> Image.Image:
    """8-bit L/RGB/RGBA/LA copy; 16-bit gray is scaled (not clipped) to 0–255."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N"):
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if im.mode == "I":
        extrema = im.getextrema()
        hi = extrema[1] if isinstance(extrema[1], int | float) else 0
        factor = 1 / 256 if hi > 255 else 1
        return im.point(lambda v: v * factor).convert("L")
    if im.mode == "F":
        return im.convert("L")
    if im.mode == "1":
        return im.convert("L")
    if im.mode == "P":
        return im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.mode == "PA":
        return im.convert("RGBA")
    if im.mode in ("L", "LA", "RGB", "RGBA"):
        return im
    return im.convert("RGB")


@dataclass
class Stats:
    mean: float
    std: float
    p1: int  # gray level of the darkest 0.2 % (a sparse letter still has that much ink)
    p99: int
    sharpness: float | None
    alpha_used: bool | None = None  # None: no alpha channel
    size: tuple[int, int] = (0, 0)


def _hist_stats(hist: list[int]) -> tuple[float, float, int, int]:
    n = sum(hist) or 1
    mean = sum(i * c for i, c in enumerate(hist)) / n
    var = sum(c * (i - mean) ** 2 for i, c in enumerate(hist)) / n
    cum = 0
    p1 = p99 = 0
    lo_seen = False
    for i, c in enumerate(hist):
        cum += c
        if not lo_seen and cum >= 0.002 * n:
            p1, lo_seen = i, True
        if cum >= 0.99 * n:
            p99 = i
            break
    return mean, math.sqrt(var), p1, p99


_LAPLACE = ImageFilter.Kernel((3, 3), (0, 1, 0, 1, -4, 1, 0, 1, 0), scale=1, offset=128)


def pixel_stats(im: Image.Image) -> Stats:
    """Statistics of a decoded image (any mode): gray levels, edges, alpha use."""
    im = reduce_for_analysis(to_8bit(im))
    alpha_used: bool | None = None
    if im.mode in ("RGBA", "LA"):
        lo = im.getchannel("A").getextrema()[0]
        alpha_used = isinstance(lo, int | float) and lo < 255
        background = Image.new("RGB", im.size, (255, 255, 255))
        background.paste(im.convert("RGBA"), mask=im.getchannel("A"))
        im = background
    gray = im.convert("L")
    mean, std, p1, p99 = _hist_stats(gray.histogram())
    sharpness: float | None = None
    if gray.width >= 8 and gray.height >= 8 and std >= BLANK_STD:
        lap = gray.filter(_LAPLACE).crop((1, 1, gray.width - 1, gray.height - 1))
        _, lap_std, _, _ = _hist_stats(lap.histogram())
        sharpness = lap_std / std
    return Stats(mean, std, p1, p99, sharpness, alpha_used, gray.size)


@dataclass
class RasterFacts:
    width: int
    height: int
    mode: str
    animated: bool = False
    frames: int | None = None
    bit_depth: int | None = None
    orientation: int = 1
    gps: bool = False
    personal: list[str] = field(default_factory=list)
    dpi: tuple[float, float] | None = None
    has_metadata: bool = False
    icc: bool = False


def _png_bit_depth(fh: BinaryIO) -> int | None:
    fh.seek(0)
    head = fh.read(33)
    if len(head) >= 25 and head[12:16] == b"IHDR":
        return head[24]
    return None


def frame_count(im: Image.Image, fmt: str) -> int | None:
    """Frames of a multi-frame image, or None when not counted (GIF: each seek decodes) or when
    there are more than :data:`MAX_FRAMES` (a TIFF's frames are walked, never to its end)."""
    if fmt == "gif":
        return None
    if fmt == "tiff":
        try:
            im.seek(MAX_FRAMES)
            return None  # more than that: not walked any further
        except EOFError:
            pass  # fewer: n_frames below is cheap now
        except DECODE_ERRORS:
            return None
        finally:
            with contextlib.suppress(*DECODE_ERRORS):
                im.seek(0)
    try:
        return int(getattr(im, "n_frames", 2))
    except DECODE_ERRORS:
        return None


def read_facts(
    im: Image.Image, fmt: str, fh: BinaryIO | None = None, meta: MetaScan | None = None
) -> RasterFacts:
    """Header facts and metadata; never decodes pixels (except what Pillow reads for EXIF).
    ``meta``: what :func:`metadata.scan` found in the raw bytes (every EXIF and XMP block)."""
    facts = RasterFacts(im.width, im.height, im.mode)
    try:
        facts.animated = bool(getattr(im, "is_animated", False))
    except DECODE_ERRORS:
        facts.animated = False
    if facts.animated:
        facts.frames = frame_count(im, fmt)
        with contextlib.suppress(*DECODE_ERRORS):
            im.seek(0)
    if fmt == "png" and fh is not None:
        facts.bit_depth = _png_bit_depth(fh)
    elif im.mode.startswith("I;16") or im.mode == "I":
        facts.bit_depth = 16
    found = MetaScan()
    if meta is not None:
        found.merge(meta)
    try:
        exif = im.getexif()
    except DECODE_ERRORS:
        exif = None
        found.add("unknown")
    if exif:
        facts.orientation = _orientation(exif)
        exif_object_facts(exif, found)
    _info_facts(im.info or {}, found, facts)
    facts.gps = found.gps
    facts.personal = list(found.personal)
    facts.has_metadata = facts.has_metadata or found.has_metadata
    return facts


def _orientation(exif: Image.Exif) -> int:
    try:
        value = int(exif.get(EXIF_ORIENTATION, 1) or 1)
    except (TypeError, ValueError):
        return 1
    return value if value in range(1, 9) else 1


def _info_facts(
    info: dict[str | tuple[int, int], object], found: MetaScan, facts: RasterFacts
) -> None:
    """XMP, text keys, DPI and colour profile from Pillow's ``info``."""
    xmp = info.get("xmp") or info.get("XML:com.adobe.xmp")
    if xmp:
        xmp_facts(xmp if isinstance(xmp, bytes) else str(xmp).encode("utf-8", "ignore"), found)
    for key in info:
        if isinstance(key, str) and key.lower() in PERSONAL_TEXT_KEYS and info[key]:
            found.has_metadata = True
            if key.lower() in ("author", "artist", "owner"):
                found.add("author")
    if "comment" in info or "exif" in info:
        found.has_metadata = True
    dpi = info.get("dpi")
    if isinstance(dpi, tuple) and len(dpi) == 2:
        try:
            facts.dpi = (float(dpi[0]), float(dpi[1]))
        except (TypeError, ValueError):
            facts.dpi = None
    facts.icc = bool(info.get("icc_profile"))


_ORIENTATION_KEYS = {
    2: "image.rotated.mirrored",
    3: "image.rotated.upside_down",
    4: "image.rotated.mirrored",
    5: "image.rotated.mirrored",
    6: "image.rotated.sideways",
    7: "image.rotated.mirrored",
    8: "image.rotated.sideways",
}


def fact_findings(ctx: Context, facts: RasterFacts, fmt: str, prefix: str = "") -> list[Finding]:
    """Findings from header facts: readability by pixel count, orientation, modes, metadata."""
    out: list[Finding] = []
    p = {"prefix": prefix}
    # readability: pixels for the document kind (the most severe threshold crossed wins)
    short = min(facts.width, facts.height)
    crossed = [(t, sev, src) for t, sev, src in ctx.min_side_entries() if short < t]
    if crossed:
        threshold, severity, source = min(crossed, key=lambda e: (e[1].rank, -e[0]))
        doc = (
            localized(ctx.document.name, ctx.lang) if ctx.document else ctx.msg("file.any_document")
        )
        out.append(
            ctx.finding(
                severity,
                "image.too_few_pixels",
                fix=True,
                source=source,
                width=facts.width,
                height=facts.height,
                min=threshold,
                document=doc,
                **p,
            )
        )
    if facts.orientation != 1:
        out.append(
            ctx.finding(
                Severity.WARNING,
                "image.rotated",
                fix=True,
                how=ctx.msg(_ORIENTATION_KEYS[facts.orientation]),
                **p,
            )
        )
    if facts.animated:
        out.append(ctx.finding(Severity.WARNING, "image.animated", fix=True, **p))
    if facts.mode == "CMYK":
        out.append(ctx.finding(Severity.WARNING, "image.cmyk", fix=True, **p))
    if facts.bit_depth == 16:
        out.append(ctx.finding(Severity.INFO, "image.sixteen_bit", fix=True, **p))
    if facts.dpi is not None:
        x, y = facts.dpi
        lo, hi = DPI_RANGE
        if not (lo <= x <= hi and lo <= y <= hi) or abs(x - y) > 0.01 * max(x, y):
            out.append(
                ctx.finding(
                    Severity.INFO,
                    "image.unusual_dpi",
                    fix=True,
                    dpi=f"{x:g}×{y:g}" if x != y else f"{x:g}",
                    **p,
                )
            )
    out.extend(metadata_findings(ctx, facts.gps, facts.personal, prefix))
    return out


def metadata_findings(
    ctx: Context, gps: bool, personal: list[str], prefix: str = ""
) -> list[Finding]:
    """Warnings for a location (``image.gps``) and for personal or camera data."""
    out: list[Finding] = []
    if gps:
        out.append(ctx.finding(Severity.WARNING, "image.gps", fix=True, prefix=prefix))
    if personal:
        what = ", ".join(ctx.msg(f"image.personal.{w}") for w in personal)
        out.append(
            ctx.finding(
                Severity.WARNING, "image.personal_metadata", fix=True, what=what, prefix=prefix
            )
        )
    return out


def stats_findings(ctx: Context, stats: Stats, prefix: str = "") -> list[Finding]:
    out: list[Finding] = []
    p = {"prefix": prefix}
    if stats.alpha_used is True:
        out.append(ctx.finding(Severity.WARNING, "image.alpha", fix=True, **p))
    elif stats.alpha_used is False:
        out.append(ctx.finding(Severity.INFO, "image.alpha_unused", fix=True, **p))
    if stats.std < BLANK_STD:
        out.append(
            ctx.finding(Severity.ERROR, "image.blank", fix=True, level=round(stats.mean), **p)
        )
        return out
    if stats.p99 < DARK_P99:
        out.append(ctx.finding(Severity.WARNING, "image.too_dark", fix=True, **p))
    elif stats.p1 > WASHED_P1:
        out.append(ctx.finding(Severity.WARNING, "image.washed_out", fix=True, **p))
    elif stats.p99 - stats.p1 < LOW_CONTRAST_SPAN:
        out.append(ctx.finding(Severity.WARNING, "image.low_contrast", fix=True, **p))
    if stats.sharpness is not None and stats.sharpness < BLUR_SHARPNESS:
        out.append(
            ctx.finding(
                Severity.WARNING,
                "image.blurred",
                fix=True,
                sharpness=f"{stats.sharpness:.2f}",
                **p,
            )
        )
    return out


def analyze_bytes(data: bytes, fmt: str) -> tuple[RasterFacts, Stats]:
    """Facts and statistics of an in-memory image (PDF page images); raises on damage."""
    fh = io.BytesIO(data)
    im = open_image(fh, fmt)
    facts = read_facts(im, fmt, fh)
    stats = pixel_stats(analysis_decode(im, fmt))
    return facts, stats


def oriented(im: Image.Image) -> Image.Image:
    """``im`` with its EXIF orientation applied (a new image), or ``im`` itself."""
    try:
        result = ImageOps.exif_transpose(im)
    except DECODE_ERRORS:
        return im
    return result if result is not None else im


# EXIF orientation -> the transposition that shows the picture upright (as ImageOps.exif_transpose)
_UPRIGHT: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


TURNS = frozenset(_UPRIGHT)  # the orientations that turn or mirror the stored picture


def orientation_of(im: Image.Image) -> int:
    """The EXIF orientation (1-8) of an opened image; 1 when it has none or it cannot be read."""
    try:
        return _orientation(im.getexif())
    except DECODE_ERRORS:
        return 1


def upright(im: Image.Image, orientation: int) -> Image.Image:
    """``im`` (decoded, possibly reduced) turned as EXIF ``orientation`` says."""
    method = _UPRIGHT.get(orientation)
    return im if method is None else im.transpose(method)
