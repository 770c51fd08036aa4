"""Fixing a PDF: copy it, unlock it, remove the locations and serial numbers its images carry,
or extract the pages of a scan as pictures (within a page and pixel budget)."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from assistant.core.attachments import metadata
from assistant.core.attachments import pdf as pdfmod
from assistant.core.attachments.encode import cannot_fit, check, encode_under, normalize
from assistant.core.attachments.model import (
    FIX_MAX_PAGES,
    FIX_PIXEL_BUDGET,
    Context,
    FixResult,
    Inspection,
)
from assistant.core.attachments.outputs import Job, stem
from assistant.core.attachments.source import read_bounded
from assistant.core.attachments.strip import strip_jpeg
from assistant.core.findings import Severity

_PRIVATE = frozenset({"image.gps", "image.personal_metadata"})


def fix_pdf(ctx: Context, job: Job) -> None:
    insp, codes, findings = job.insp, job.insp.codes, job.result.findings
    if "pdf" in ctx.accepted_formats and "file.too_large" not in codes:
        target = job.target(ctx, "pdf")
        if not codes & (_PRIVATE | {"pdf.restricted", "file.trailing_data"}):
            job.fh.seek(0)
            job.write(target, read_bounded(job.fh))
            findings.append(ctx.finding(Severity.INFO, "fix.copied", path=target.name))
            return
        job.write(target, rewrite_pdf(job.fh, clean=bool(codes & _PRIVATE)))
        if "pdf.restricted" in codes:
            findings.append(ctx.finding(Severity.INFO, "fix.unlocked", path=target.name))
        if codes & (_PRIVATE | {"file.trailing_data"}):
            findings.append(ctx.finding(Severity.INFO, "fix.metadata_removed", path=target.name))
        return
    pages = insp.pages or 0
    if not insp.image_pages or len(insp.image_pages) != pages:
        findings.append(ctx.finding(Severity.ERROR, "fix.pdf_not_scanned"))
        return
    extract_pages(ctx, job)


def rewrite_pdf(fh: BinaryIO, *, clean: bool) -> bytes:
    """The PDF without its password (the empty one opens it) and, with ``clean``, without the
    metadata of its images: JPEG streams lose their EXIF and XMP segments (losslessly, the
    pixels stay), image and document XMP with a location or serial number goes."""
    reader = pdfmod.open_reader(fh)
    if reader.is_encrypted:
        reader.decrypt("")
    writer = PdfWriter(clone_from=reader)
    if clean:
        for page in writer.pages:
            for obj in pdfmod.page_xobjects(page):
                _clean_image(obj)
        root: Any = writer._root_object
        _drop_private_xmp(root)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _drop_metadata(owner: DictionaryObject) -> None:
    """Remove ``owner``'s /Metadata and empty its stream (the writer keeps every object it
    cloned, referenced or not)."""
    xmp = owner.get("/Metadata")
    if xmp is None:
        return
    stream = xmp.get_object()
    if isinstance(stream, StreamObject):
        StreamObject.set_data(stream, b"")
    del owner[NameObject("/Metadata")]


def _clean_image(obj: DictionaryObject) -> None:
    _drop_metadata(obj)
    if pdfmod.image_metadata(obj).has_metadata and isinstance(obj, StreamObject):
        data = obj.get_data()
        stripped = strip_jpeg(data)
        if stripped is not None and stripped != data:
            # the stream stays DCT-encoded: its encoded bytes are the stripped JPEG
            StreamObject.set_data(obj, stripped)


def _drop_private_xmp(root: DictionaryObject) -> None:
    xmp = root.get("/Metadata")
    if xmp is None:
        return
    meta = metadata.MetaScan()
    metadata.xmp_facts(xmp.get_object().get_data(), meta)
    if meta.gps or meta.personal:
        _drop_metadata(root)


def _work(reader: Any, insp: Inspection, limit: int) -> tuple[int, int]:
    """(pages, pixels) a page extraction would re-encode: pages whose JPEG fits once its
    metadata is gone cost nothing."""
    pixels = 0
    for number in insp.image_pages:
        img = pdfmod.page_image(reader.pages[number - 1], number)
        if img is None:
            continue
        cheap = img.is_plain_jpeg and img.rotate == 0 and _stream_length(img) <= limit
        if not cheap:
            pixels += img.width * img.height
    return len(insp.image_pages), pixels


def _stream_length(img: pdfmod.PageImage) -> int:
    try:
        return int(img.xobj.get("/Length", 0))
    except (TypeError, ValueError):
        return 1 << 62


def extract_pages(ctx: Context, job: Job) -> None:
    """Each scanned page as a picture under the byte limit, all or none (within the budget)."""
    insp, findings = job.insp, job.result.findings
    reader = pdfmod.open_reader(job.fh)
    if reader.is_encrypted:
        reader.decrypt("")
    limit = ctx.max_bytes[0] or (1 << 62)
    pages = insp.pages or 0
    count, pixels = _work(reader, insp, limit)
    if count > FIX_MAX_PAGES or pixels > FIX_PIXEL_BUDGET:
        findings.append(
            ctx.finding(
                Severity.ERROR,
                "fix.too_much_work",
                pages=count,
                megapixels=round(pixels / 1e6),
                max_pages=FIX_MAX_PAGES,
                max_megapixels=FIX_PIXEL_BUDGET // 1_000_000,
            )
        )
        return
    writable = {"jpeg", "png"} & ctx.accepted_formats or {"jpeg"}
    width = len(str(pages))
    for index, number in enumerate(insp.image_pages):
        check(ctx)
        sub = ctx.span(index / pages, (index + 1) / pages)
        encoded = _page_picture(sub, reader, number, limit, writable, job.result)
        if encoded is None:
            return
        data, fmt, picture = encoded
        if pages == 1:
            target = job.target(ctx, fmt)
        else:
            base = job.out.with_name(f"{stem(job.out)}-p{number:0{width}d}")
            target = job.target(ctx, fmt, base, quiet=True)
        job.write(target, data, picture)
    findings.append(ctx.finding(Severity.INFO, "fix.extracted", count=len(job.result.outputs)))


def _page_picture(
    ctx: Context, reader: Any, number: int, limit: int, writable: set[str], result: FixResult
) -> tuple[bytes, str, Image.Image | None] | None:
    """The bytes and format of one page's picture and the pixels encoded (None: the page's own
    JPEG, stripped), or None (with the finding) when the page cannot be decoded or made to fit."""
    findings = result.findings
    page = reader.pages[number - 1]
    img = pdfmod.page_image(page, number)
    unsupported = None if img is None else pdfmod.undecodable_filter(img)
    if img is None or unsupported is not None:
        reason = ctx.msg("pdf.no_decoder", page=number, filter=unsupported or "?")
        findings.append(ctx.finding(Severity.ERROR, "fix.cannot_fix", reason=reason))
        return None
    pil, raw = pdfmod.decode_page_image(page, img, for_analysis=False)
    if raw is not None and img.rotate == 0:
        stripped = strip_jpeg(raw)
        if stripped is not None and len(stripped) <= limit:
            return stripped, "jpeg", None
    if img.rotate:
        pil = pil.rotate(-img.rotate, expand=True)
    pil, _ = normalize(pil, None)
    prefer = "png" if raw is None and pil.mode in ("L", "P") and "png" in writable else "jpeg"
    floor = min(ctx.min_readable_side(), min(pil.size))
    encoded = encode_under(ctx, pil, prefer, limit, floor, None, findings)
    if encoded is None:
        findings.append(cannot_fit(ctx, limit, floor))
        return None
    return encoded.data, encoded.fmt, encoded.image
