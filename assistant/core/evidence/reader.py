"""Read the pages of a file: decode (bounded), prepare, detect, recognise what is needed.

Speed (``benchmarks/ocr.py``): a JPEG is decoded at reduced DCT scale to about 2000 pixels, text is
detected on a 1024-pixel copy of the print and a 640-pixel copy of the watermark layer, and in
``fields`` mode only short boxes (labels) are recognised first, then the values of the labels
that matter; every box only when a label is missing.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

from assistant.core.attachments import pdf as _pdf
from assistant.core.attachments import raster as _raster
from assistant.core.attachments.sniff import RASTER_FORMATS, sniff
from assistant.core.evidence import engine, vision
from assistant.core.evidence.layout import find_labels, place, value_parts
from assistant.core.evidence.model import Box, Line, PageRead

DET_SIDE = 1024
WATERMARK_SIDE = 640
MAX_PAGES = 4  # a certificate or a letter; later pages of a long PDF are not read
_LABEL_RATIO = 6.5  # boxes at most this wide for their height may be labels


class ReadError(Exception):
    """The file's pixels could not be had; ``code`` names why (``unreadable``, ``no_scan``)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code
        self.detail = detail


Cancelled = Callable[[], bool]


def pages(path: str) -> Iterator[tuple[int, Image.Image]]:
    """The pictures of a file: the image itself, or each scanned page of a PDF (at most
    :data:`MAX_PAGES`). Raises :class:`ReadError` when there is nothing to read."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise ReadError("unreadable", str(exc)) from exc
    try:
        fmt = sniff(fh.read(4096))
        if fmt in RASTER_FORMATS:
            yield 1, _decode_raster(fh, fmt)
            return
        if fmt != "pdf":
            raise ReadError("unreadable", fmt or "unknown format")
        yield from _pdf_pages(fh)
    finally:
        fh.close()


def _decode_raster(fh: Any, fmt: str) -> Image.Image:
    try:
        im = _raster.open_image(fh, fmt)
        if fmt == "jpeg":
            f = vision.WORK_SIDE / max(im.size)
            if f < 1:
                mode = "RGB" if im.mode in ("RGB", "L") else None
                im.draft(mode, (math.ceil(im.width * f), math.ceil(im.height * f)))
            im.load()
        else:
            im = _raster.full_decode(im, fmt)
        return _raster.to_8bit(_raster.oriented(im)).convert("RGB")
    except Exception as exc:  # damaged, a bomb, an unsupported variant: the file check says which
        raise ReadError("unreadable", str(exc)) from exc


def _pdf_pages(fh: Any) -> Iterator[tuple[int, Image.Image]]:
    try:
        reader = _pdf.open_reader(fh)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("unreadable", "encrypted")
        count = len(reader.pages)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError("unreadable", str(exc)) from exc
    found = False
    for n in range(1, min(count, MAX_PAGES) + 1):
        try:
            page = reader.pages[n - 1]
            img = _pdf.page_image(page, n)
            if img is None:
                continue
            im, _ = _pdf.decode_page_image(page, img, for_analysis=False)
            if img.rotate:
                im = im.rotate(-img.rotate, expand=True)
            im = _raster.to_8bit(im).convert("RGB")
        except Exception:
            continue
        found = True
        yield n, im
    if not found:
        raise ReadError("no_scan")


@dataclass(frozen=True)
class Plan:
    """What to recognise: ``all`` boxes, or ``fields`` (labels first, then needed values)."""

    mode: str = "all"
    labels: Mapping[str, Sequence[str]] | None = None
    needed: tuple[str, ...] = ()  # every box is read when one of these labels is missing
    wanted: tuple[str, ...] = ()  # values read too when their label is found
    below: tuple[str, ...] = ()  # fields whose value may sit under the label


def read_page(
    image: Image.Image, number: int, plan: Plan, cancelled: Cancelled = lambda: False
) -> PageRead:
    bgr, _ = vision.to_work(image)
    prep = vision.prepare(bgr)
    h, w = prep.norm.shape
    page = PageRead(number=number, width=w, height=h, image=vision.VisionPage(prep))
    page.qr = vision.decode_qr(bgr)
    text_boxes = _detect(prep.print_img, DET_SIDE)
    if cancelled():
        return page
    wm_boxes = _watermark_boxes(_detect(prep.watermark_img, WATERMARK_SIDE), text_boxes)
    page.boxes_found = len(text_boxes) + len(wm_boxes)
    slots: list[Line | None] = [None] * len(text_boxes)

    def recognise(indices: Sequence[int]) -> None:
        todo = [i for i in indices if slots[i] is None]
        strips = [vision.crop(prep.print_img, text_boxes[i]) for i in todo]
        for i, (txt, score) in zip(todo, engine.recognize(strips), strict=True):
            slots[i] = Line(txt, score, text_boxes[i])

    if plan.mode == "fields" and plan.labels:
        short = [i for i, b in enumerate(text_boxes) if b.width <= _LABEL_RATIO * b.height]
        recognise(short)
        for _ in range(3):  # labels, then boxes that start in a label column, then every box
            if cancelled():
                return page
            more = [i for i in _value_boxes(text_boxes, slots, plan) if slots[i] is None]
            if not more:
                break
            recognise(more)
    else:
        recognise(range(len(text_boxes)))
    wm_strips = [vision.crop(prep.watermark_img, b) for b in wm_boxes]
    wm_lines = [
        Line(t, s, b, "watermark")
        for b, (t, s) in zip(wm_boxes, engine.recognize(wm_strips), strict=True)
    ]
    page.lines = [ln for ln in slots if ln is not None and ln.text.strip()] + [
        ln for ln in wm_lines if ln.text.strip()
    ]
    return page


def _detect(gray: Any, side: int) -> list[Box]:
    small, f = vision.reduced(gray, side)
    return [b.scaled(1 / f) for b in engine.detect(small)]


def _watermark_boxes(boxes: list[Box], text_boxes: list[Box]) -> list[Box]:
    """Boxes of the watermark layer worth reading: not specks (smaller than the print)."""
    if not boxes:
        return []
    heights = [b.height for b in text_boxes] or [b.height for b in boxes]
    floor = 0.8 * statistics.median(heights)
    return [b for b in boxes if b.height >= floor and b.width >= 2 * b.height]


def _value_boxes(boxes: list[Box], slots: list[Line | None], plan: Plan) -> list[int]:
    """Boxes to recognise next: the values of the labels found so far when every needed label
    is found; else the boxes that start where labels start (a label read together with its
    value, "法定代表人 张三", is a long box); every box once those are read too."""
    assert plan.labels is not None
    lines = [s if s is not None else Line("", 0.0, b) for s, b in zip(slots, boxes, strict=True)]
    placed = place(lines)
    hits = find_labels(placed, plan.labels)
    found = {h.field for h in hits}
    index = {id(ln): i for i, ln in enumerate(lines)}
    if not set(plan.needed) <= found:
        columns = [h.rect[0] for h in hits]
        aligned = [
            index[id(p.line)]
            for p in placed
            if any(abs(p.rect[0] - x) < 1.5 * p.height for x in columns)
        ]
        pending = [i for i in aligned if slots[i] is None]
        return pending or list(range(len(boxes)))
    wanted: list[int] = []
    for hit in hits:
        if hit.field in plan.needed or hit.field in plan.wanted:
            for p in value_parts(hit, placed, hits, below=hit.field in plan.below):
                wanted.append(index[id(p.line)])
    return wanted
