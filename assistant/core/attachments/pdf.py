"""PDFs: encryption, damage, pages, and the page images of a scanned PDF (pypdf, no renderer)."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any, BinaryIO

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from assistant.core.attachments import raster
from assistant.core.attachments.model import DECODE_BUDGET, PDF_MAX_PAGES, Context, Inspection
from assistant.core.findings import Severity

# pypdf logs damaged-file repairs as warnings; they become findings here, not console noise.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# A page counts as a scan when its only image is at least this big on its short side.
SCAN_MIN_SIDE = 100
# pypdf raises many kinds of errors on damaged files; all of them mean "broken".
PDF_ERRORS = (Exception,)


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
    pil = page.images[img.name].image
    if pil is None:
        raise ValueError("image could not be decoded")
    pil.load()
    return pil, None


def inspect_pdf(ctx: Context, fh: BinaryIO, insp: Inspection) -> PdfReader | None:
    """Fill ``insp`` for a PDF; returns the reader when it could be opened."""
    findings = insp.findings
    try:
        reader = open_reader(fh)
        encrypted = reader.is_encrypted
    except PDF_ERRORS as exc:
        findings.append(ctx.finding(Severity.ERROR, "pdf.broken", fix=True, reason=_reason(exc)))
        return None
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except PDF_ERRORS:
            opened = False
        if not opened:
            findings.append(ctx.finding(Severity.ERROR, "pdf.encrypted", fix=True))
            return None
        findings.append(ctx.finding(Severity.WARNING, "pdf.restricted", fix=True))
    try:
        count = len(reader.pages)
    except PDF_ERRORS as exc:
        findings.append(ctx.finding(Severity.ERROR, "pdf.broken", fix=True, reason=_reason(exc)))
        return None
    insp.pages = count
    if count == 0:
        findings.append(ctx.finding(Severity.ERROR, "pdf.no_pages", fix=True))
        return reader
    if count > 1:
        findings.append(ctx.finding(Severity.INFO, "pdf.pages", pages=count))
    image_pages: list[int] = []
    other_pages = 0
    checked = min(count, PDF_MAX_PAGES)
    for index in range(checked):
        if ctx.cancelled():
            return reader
        ctx.report(index / checked)
        number = index + 1
        prefix = ctx.msg("pdf.page_prefix", page=number)
        try:
            page = reader.pages[index]
            img = page_image(page, number)
            page.get_contents()  # damaged content streams raise here
        except PDF_ERRORS as exc:
            findings.append(
                ctx.finding(
                    Severity.ERROR, "pdf.broken_page", fix=True, page=number, reason=_reason(exc)
                )
            )
            continue
        if img is None:
            other_pages += 1
            continue
        image_pages.append(number)
        if insp.width is None:
            insp.width, insp.height = img.width, img.height
        facts = raster.RasterFacts(img.width, img.height, "RGB")
        findings.extend(raster.fact_findings(ctx, facts, "pdf", prefix=prefix))
        try:
            pil, _ = decode_page_image(page, img, for_analysis=True)
            stats = raster.pixel_stats(pil)
        except raster.TooManyPixels as exc:
            findings.append(raster.bomb_finding(ctx, exc))
            continue
        except PDF_ERRORS as exc:
            findings.append(
                ctx.finding(
                    Severity.ERROR, "pdf.broken_page", fix=True, page=number, reason=_reason(exc)
                )
            )
            continue
        findings.extend(raster.stats_findings(ctx, stats, prefix=prefix))
    if count > checked:
        findings.append(
            ctx.finding(Severity.INFO, "pdf.unchecked_pages", checked=checked, pages=count)
        )
    insp.image_pages = tuple(image_pages)
    if image_pages and not other_pages and count <= checked:
        findings.append(ctx.finding(Severity.INFO, "pdf.scanned", pages=len(image_pages)))
    ctx.report(1.0)
    return reader


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]
