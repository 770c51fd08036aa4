"""PDFs: encryption, damage, pages, and the page images of a scanned PDF (pypdf, no renderer)."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import DependencyError, LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from assistant.core.attachments import metadata, raster
from assistant.core.attachments.model import (
    DECODE_BUDGET,
    PDF_ANALYSIS_PIXELS,
    PDF_MAX_PAGES,
    Context,
    Inspection,
)
from assistant.core.attachments.source import read_bounded
from assistant.core.findings import Finding, Severity

# pypdf logs damaged-file repairs as warnings; they become findings here, not console noise.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# A page counts as a scan when its only image is at least this big on its short side.
SCAN_MIN_SIDE = 100
# pypdf raises many kinds of errors on damaged files; all of them mean "broken" (its limits and
# missing decoders are told apart by page_problem / document_problem).
PDF_ERRORS = (Exception,)
# Filters decoded here (pypdf and Pillow, the same on every machine). JBIG2 needs the external
# jbig2dec program and Brotli an optional package: pages using them are not decoded.
DECODABLE_FILTERS = frozenset(
    {
        "/FlateDecode",
        "/Fl",
        "/DCTDecode",
        "/DCT",
        "/JPXDecode",
        "/CCITTFaxDecode",
        "/CCF",
        "/LZWDecode",
        "/LZW",
        "/ASCII85Decode",
        "/A85",
        "/ASCIIHexDecode",
        "/AHx",
        "/RunLengthDecode",
        "/RL",
    }
)
# Real files use one filter, sometimes two (ASCII85 over Flate); long chains only multiply work.
MAX_FILTERS = 4
# Image XObjects looked at per page, and how deep into forms (metadata scan).
_MAX_XOBJECTS = 200
_FORM_DEPTH = 3


@dataclass
class PageImage:
    """The single image a scanned page shows."""

    page: int  # 1-based
    name: str
    width: int
    height: int
    filters: tuple[str, ...]
    colorspace: str
    bits: int
    rotate: int
    xobj: DictionaryObject

    @property
    def is_plain_jpeg(self) -> bool:
        """The stream is a JPEG file a viewer shows as the page does (RGB or gray, no tricks)."""
        return (
            self.filters == ("/DCTDecode",)
            and self.colorspace in ("/DeviceRGB", "/DeviceGray", "ICC3", "ICC1")
            and "/Decode" not in self.xobj
            and "/SMask" not in self.xobj
            and "/Mask" not in self.xobj
        )


def _filters(xobj: DictionaryObject) -> tuple[str, ...]:
    value = xobj.get("/Filter")
    if value is None:
        return ()
    value = value.get_object()
    if isinstance(value, ArrayObject):
        return tuple(str(v.get_object()) for v in value)
    return (str(value),)


def _colorspace(xobj: DictionaryObject) -> str:
    cs = xobj.get("/ColorSpace")
    if cs is None:
        return ""
    cs = cs.get_object()
    if isinstance(cs, NameObject):
        return str(cs)
    if isinstance(cs, ArrayObject) and cs:
        kind = str(cs[0].get_object())
        if kind == "/ICCBased" and len(cs) > 1:
            try:
                n = int(cs[1].get_object().get("/N", 0))
            except (TypeError, ValueError, AttributeError):
                n = 0
            return f"ICC{n}"
        return kind
    return ""


def page_image(page: Any, number: int) -> PageImage | None:
    """The one image of a scanned page, or None when the page is not (only) a scan."""
    resources = page.get("/Resources")
    if resources is None:
        return None
    resources = resources.get_object()
    xobjects = resources.get("/XObject") if isinstance(resources, DictionaryObject) else None
    if xobjects is None:
        return None
    xobjects = xobjects.get_object()
    images = []
    for name, ref in xobjects.items():
        obj = ref.get_object()
        if isinstance(obj, DictionaryObject) and obj.get("/Subtype") == "/Image":
            images.append((str(name), obj))
        elif isinstance(obj, DictionaryObject) and obj.get("/Subtype") == "/Form":
            return None  # vector content drawn from a form: not a plain scan
    if len(images) != 1:
        return None
    name, obj = images[0]
    try:
        width, height = int(obj["/Width"]), int(obj["/Height"])  # type: ignore[call-overload]
        bits = int(obj.get("/BitsPerComponent", 8))
    except (KeyError, TypeError, ValueError):
        return None
    if min(width, height) < SCAN_MIN_SIDE:
        return None
    try:
        rotate = int(page.rotation) % 360
    except (TypeError, ValueError, AttributeError):
        rotate = 0
    return PageImage(
        number, name, width, height, _filters(obj), _colorspace(obj), bits, rotate, obj
    )


def open_reader(fh: BinaryIO) -> PdfReader:
    fh.seek(0)
    return PdfReader(fh, strict=False)


def undecodable_filter(img: PageImage) -> str | None:
    """The first filter of ``img`` this program does not decode (JBIG2 would need an external
    program, Brotli an optional package: decoding them would depend on the machine), or a
    description of a filter chain too long to be honest; None when it can be decoded."""
    if len(img.filters) > MAX_FILTERS:
        return f"{len(img.filters)} filters"
    return next((f for f in img.filters if f not in DECODABLE_FILTERS), None)


def decode_page_image(
    page: Any, img: PageImage, *, for_analysis: bool
) -> tuple[Image.Image, bytes | None]:
    """The page image as a Pillow image (reduced when ``for_analysis``) and, when the stream is a
    plain JPEG, its bytes. Raises on damage or over the pixel budget."""
    if img.is_plain_jpeg:
        data = img.xobj.get_data()  # type: ignore[attr-defined]
        fh = io.BytesIO(data)
        im = raster.open_image(fh, "jpeg")
        im = raster.analysis_decode(im, "jpeg") if for_analysis else raster.full_decode(im, "jpeg")
        return im, data
    if img.width * img.height > DECODE_BUDGET:
        raise raster.TooManyPixels(img.width, img.height)
    plain = _plain_pixels(img)
    if plain is not None:
        return plain, None
    pil = page.images[img.name].image
    if pil is None:
        raise ValueError("image could not be decoded")
    pil.load()
    return pil, None


_PLAIN_MODES = {"/DeviceGray": "L", "ICC1": "L", "/DeviceRGB": "RGB", "ICC3": "RGB"}


def _plain_pixels(img: PageImage) -> Image.Image | None:
    """Flate-compressed 8-bit gray or RGB without masks or decode arrays: the decoded stream is
    the pixels, no conversion needed (ten times faster than the general path)."""
    mode = _PLAIN_MODES.get(img.colorspace)
    if (
        mode is None
        or img.bits != 8
        or img.filters not in (("/FlateDecode",), ("/Fl",))
        or any(key in img.xobj for key in ("/Decode", "/SMask", "/Mask", "/ImageMask"))
    ):
        return None
    data = img.xobj.get_data()  # type: ignore[attr-defined]
    need = img.width * img.height * len(mode)
    if len(data) < need:
        raise ValueError("image data is shorter than its size says")
    return Image.frombytes(mode, (img.width, img.height), data[:need])


def inspect_pdf(ctx: Context, fh: BinaryIO, insp: Inspection) -> PdfReader | None:
    """Fill ``insp`` for a PDF; returns the reader when it could be opened."""
    reader = _open_checked(ctx, fh, insp)
    if reader is None:
        return None
    findings = insp.findings
    count = insp.pages or 0
    if count == 0:
        findings.append(ctx.finding(Severity.ERROR, "pdf.no_pages", fix=True))
        return reader
    if count > 1:
        findings.append(ctx.finding(Severity.INFO, "pdf.pages", pages=count))
    findings.extend(_document_metadata(ctx, reader))
    state = _PageState()
    checked = min(count, PDF_MAX_PAGES)
    for index in range(checked):
        if ctx.cancelled():
            return reader
        ctx.report(index / checked)
        _inspect_page(ctx, reader, index + 1, insp, state)
    if state.skipped:
        findings.append(
            ctx.finding(
                Severity.INFO,
                "pdf.analysis_budget",
                first=state.skipped[0],
                last=state.skipped[-1],
                megapixels=PDF_ANALYSIS_PIXELS // 1_000_000,
            )
        )
    if count > checked:
        findings.append(
            ctx.finding(Severity.INFO, "pdf.unchecked_pages", checked=checked, pages=count)
        )
    insp.image_pages = tuple(state.image_pages)
    if state.image_pages and not state.other_pages and count <= checked:
        findings.append(ctx.finding(Severity.INFO, "pdf.scanned", pages=len(state.image_pages)))
    ctx.report(1.0)
    return reader


def _open_checked(ctx: Context, fh: BinaryIO, insp: Inspection) -> PdfReader | None:
    """The reader, decrypted with the empty password, with ``insp.pages`` set; None (and the
    finding) when it cannot be opened."""
    findings = insp.findings
    try:
        reader = open_reader(fh)
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except PDF_ERRORS:
                opened = False
            if not opened:
                findings.append(ctx.finding(Severity.ERROR, "pdf.encrypted", fix=True))
                return None
            findings.append(ctx.finding(Severity.WARNING, "pdf.restricted", fix=True))
        insp.pages = len(reader.pages)
    except PDF_ERRORS as exc:
        findings.append(document_problem(ctx, exc))
        return None
    return reader


def trailing_bytes(fh: BinaryIO) -> int:
    """Bytes after the last ``%%EOF`` that are not white space (an appended archive or script:
    a polyglot). Incremental updates end in their own ``%%EOF``, so they do not count."""
    fh.seek(0)
    data = read_bounded(fh)
    end = data.rfind(b"%%EOF")
    return 0 if end < 0 else len(data[end + 5 :].strip(b" \t\r\n\x00\x0c"))


def document_problem(ctx: Context, exc: BaseException) -> Finding:
    """The error finding of a PDF that cannot be read: over a safety limit, or broken."""
    if isinstance(exc, LimitReachedError | RecursionError | MemoryError):
        return ctx.finding(Severity.ERROR, "pdf.limit", fix=True, reason=_reason(exc))
    return ctx.finding(Severity.ERROR, "pdf.broken", fix=True, reason=_reason(exc))


@dataclass
class _PageState:
    image_pages: list[int] = field(default_factory=list)
    other_pages: int = 0
    pixels: int = 0  # decoded for statistics so far
    skipped: list[int] = field(default_factory=list)  # scans not decoded (over the budget)


def _inspect_page(
    ctx: Context, reader: PdfReader, number: int, insp: Inspection, state: _PageState
) -> None:
    findings = insp.findings
    prefix = ctx.msg("pdf.page_prefix", page=number)
    try:
        page = reader.pages[number - 1]
        img = page_image(page, number)
        page.get_contents()  # damaged content streams raise here
        findings.extend(_page_metadata(ctx, page, prefix))
    except PDF_ERRORS as exc:
        findings.append(page_problem(ctx, exc, number))
        return
    if img is None:
        state.other_pages += 1
        return
    state.image_pages.append(number)
    if insp.width is None:
        insp.width, insp.height = img.width, img.height
    facts = raster.RasterFacts(img.width, img.height, "RGB")
    findings.extend(raster.fact_findings(ctx, facts, "pdf", prefix=prefix))
    unsupported = undecodable_filter(img)
    if unsupported is not None:
        findings.append(
            ctx.finding(Severity.WARNING, "pdf.no_decoder", page=number, filter=unsupported)
        )
        return
    if not img.is_plain_jpeg:  # JPEGs are decoded at 1/8 scale: nearly free
        if state.pixels + img.width * img.height > PDF_ANALYSIS_PIXELS:
            state.skipped.append(number)
            return
        state.pixels += img.width * img.height
    try:
        pil, _ = decode_page_image(page, img, for_analysis=True)
        stats = raster.pixel_stats(pil)
    except raster.TooManyPixels as exc:
        findings.append(raster.bomb_finding(ctx, exc))
        return
    except PDF_ERRORS as exc:
        findings.append(page_problem(ctx, exc, number))
        return
    findings.extend(raster.stats_findings(ctx, stats, prefix=prefix))


def page_problem(ctx: Context, exc: BaseException, number: int) -> Finding:
    """The finding of a page that cannot be read or decoded."""
    if isinstance(exc, DependencyError):
        return ctx.finding(Severity.WARNING, "pdf.no_decoder", page=number, filter=_reason(exc))
    if isinstance(exc, LimitReachedError | RecursionError | MemoryError):
        return ctx.finding(Severity.WARNING, "pdf.page_limit", page=number, reason=_reason(exc))

    return ctx.finding(
        Severity.ERROR, "pdf.broken_page", fix=True, page=number, reason=_reason(exc)
    )


# --------------------------------------------------------------------------------------- metadata
def page_xobjects(page: Any) -> list[DictionaryObject]:
    """The image XObjects a page draws, including those inside its forms (a few levels deep)."""
    found: list[DictionaryObject] = []
    seen: set[int] = set()

    def walk(resources: Any, depth: int) -> None:
        resources = resources.get_object() if resources is not None else None
        if not isinstance(resources, DictionaryObject) or depth > _FORM_DEPTH:
            return
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else None
        if not isinstance(xobjects, DictionaryObject):
            return
        for ref in list(xobjects.values())[:_MAX_XOBJECTS]:
            obj = ref.get_object()
            if not isinstance(obj, DictionaryObject) or id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.get("/Subtype") == "/Image":
                found.append(obj)
            elif obj.get("/Subtype") == "/Form":
                walk(obj.get("/Resources"), depth + 1)

    walk(page.get("/Resources"), 0)
    return found


def image_metadata(obj: DictionaryObject) -> metadata.MetaScan:
    """What an image XObject carries: EXIF and XMP inside a JPEG stream, its own /Metadata."""
    meta = metadata.MetaScan()
    if _filters(obj) in (("/DCTDecode",), ("/DCT",)):
        data = obj.get_data()  # type: ignore[attr-defined]
        if data.startswith(b"\xff\xd8"):
            meta.merge(metadata.scan_jpeg(data, full=False))
    xmp = obj.get("/Metadata")
    if xmp is not None:
        stream = xmp.get_object()
        if hasattr(stream, "get_data"):
            metadata.xmp_facts(stream.get_data(), meta)
    return meta


def _page_metadata(ctx: Context, page: Any, prefix: str) -> list[Finding]:
    meta = metadata.MetaScan()
    for obj in page_xobjects(page):
        meta.merge(image_metadata(obj))
    return raster.metadata_findings(ctx, meta.gps, meta.personal, prefix)


def _document_metadata(ctx: Context, reader: PdfReader) -> list[Finding]:
    """A location or serial number in the document's own XMP."""
    meta = metadata.MetaScan()
    try:
        root: Any = reader.trailer["/Root"].get_object()
        xmp = root.get("/Metadata")
        if xmp is not None:
            metadata.xmp_facts(xmp.get_object().get_data(), meta)
    except PDF_ERRORS:
        return []
    return raster.metadata_findings(ctx, meta.gps, meta.personal, "")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]
