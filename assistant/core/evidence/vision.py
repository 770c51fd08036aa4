"""Pixels (OpenCV, NumPy, zxing-cpp; the ``ocr`` extra): page preparation, seals, ink, QR codes.

Imported only by :mod:`assistant.core.evidence.reader` inside a background job, never at start-up.

A page is flattened (divided by its paper brightness, so uneven light and a dark desk do not
matter) and split into two pictures for the text detector: *print* (dark, neutral ink: the
document's text without the watermark, the red seal or coloured handwriting over it) and
*watermark* (the mid tones that remain once the print is removed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

try:
    import cv2
    import numpy as np
except ImportError:  # the ``ocr`` extra is not installed: nothing here is called then
    cv2 = np = None  # type: ignore[assignment]

from assistant.core.evidence.model import Box, QRCode, Seal

if TYPE_CHECKING:
    from PIL import Image

WORK_SIDE = 2000  # long side the page is read at (the OCR package's own default limit)
_BG_SIDE = 256  # paper brightness is estimated on a picture this small
_PAPER = 228  # flattened value above which a pixel is paper


@dataclass
class Prepared:
    bgr: Any  # work-size colour picture
    norm: Any  # flattened grey, paper ~255
    print_img: Any  # grey: dark neutral ink only
    watermark_img: Any  # grey: mid-tone marks only
    ink_threshold: float
    saturated: Any  # bool mask: coloured pixels
    red: Any  # bool mask: seal red
    scale: float  # work size / source size


def to_work(image: Image.Image) -> tuple[Any, float]:
    """The picture as BGR at most :data:`WORK_SIDE` on its long side, and the scale used."""
    rgb = np.asarray(image.convert("RGB"))
    h, w = rgb.shape[:2]
    scale = min(1.0, WORK_SIDE / max(h, w))
    if scale < 1.0:
        rgb = cv2.resize(rgb, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), scale


def prepare(bgr: Any, scale: float = 1.0) -> Prepared:
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    s = _BG_SIDE / max(h, w)
    tiny = cv2.resize(
        gray, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA
    )
    bg = cv2.medianBlur(cv2.dilate(tiny, np.ones((7, 7), np.uint8)), 5)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    norm = cv2.divide(gray, np.maximum(bg, 1), scale=255)
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    saturated = (sat > 90) & (val > 60)
    red = saturated & ((hue <= 10) | (hue >= 160))
    threshold = _ink_threshold(norm)
    dark = (norm < threshold) & ~saturated
    kernel = np.ones((3, 3), np.uint8)
    near_dark = cv2.dilate(dark.astype(np.uint8), kernel).astype(bool) & ~saturated
    print_img = np.where(near_dark, norm, 255).astype(np.uint8)
    removed = cv2.dilate((dark | saturated).astype(np.uint8), np.ones((5, 5), np.uint8)).astype(
        bool
    )
    mid = (norm >= threshold) & (norm < _PAPER) & ~removed
    watermark_img = np.where(mid, 70, 255).astype(np.uint8)
    return Prepared(bgr, norm, print_img, watermark_img, threshold, saturated, red, scale)


def _ink_threshold(norm: Any) -> float:
    """Between the print and anything lighter (a watermark): Otsu over the non-paper pixels."""
    marks = norm[norm < _PAPER]
    if marks.size < 100:
        return 128.0
    t, _ = cv2.threshold(marks.reshape(-1, 1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return float(min(170.0, max(80.0, t)))


def reduced(gray: Any, side: int) -> tuple[Any, float]:
    """``gray`` as BGR with its long side at most ``side``, and the factor applied."""
    h, w = gray.shape[:2]
    f = min(1.0, side / max(h, w))
    small = (
        gray
        if f == 1.0
        else cv2.resize(gray, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA)
    )
    return cv2.cvtColor(small, cv2.COLOR_GRAY2BGR), f


def crop(gray: Any, box: Box) -> Any:
    """The box's text straightened to a horizontal BGR strip (what the recogniser reads)."""
    pts = np.array(box.points, dtype=np.float32)
    w = max(1, round(box.width))
    h = max(1, round(box.height))
    dst = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(pts, dst)
    strip = cv2.warpPerspective(
        gray, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    if h >= 1.5 * w:
        strip = np.rot90(strip)
    return cv2.cvtColor(np.ascontiguousarray(strip), cv2.COLOR_GRAY2BGR)


def decode_qr(bgr: Any) -> list[QRCode]:
    import zxingcpp

    out = []
    for code in zxingcpp.read_barcodes(bgr, formats=zxingcpp.barcode_formats_from_str("QRCode")):
        p = code.position
        pts = [(p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y)]
        pts += [(p.bottom_right.x, p.bottom_right.y), (p.bottom_left.x, p.bottom_left.y)]
        out.append(QRCode(code.text, Box.from_points(pts)))
    return out


class VisionPage:
    """:class:`assistant.core.evidence.model.PageImage` over a prepared page."""

    def __init__(self, prep: Prepared) -> None:
        self._p = prep
        self._seals: list[Seal] | None = None

    @property
    def colour(self) -> bool:
        return bool(self._p.saturated.mean() > 0.0005)

    def ink_ratio(self, box: Box, exclude: Sequence[Box] = ()) -> float:
        """Share of the box covered by handwriting-like ink: dark or coloured (not seal red),
        printed text boxes in ``exclude`` and long horizontal rules (blank lines) left out."""
        h, w = self._p.norm.shape
        x0, y0, x1, y1 = (round(v) for v in box.bounds())
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        if x1 - x0 < 4 or y1 - y0 < 4:
            return 0.0
        ink = self._ink(x0, y0, x1, y1)
        rule = max(15, (x1 - x0) // 6)
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, rule), np.uint8))
        lines = cv2.dilate(lines, np.ones((3, 1), np.uint8))
        ink[lines.astype(bool)] = 0
        for other in exclude:
            ex0, ey0, ex1, ey1 = (round(v) for v in other.bounds())
            ink[max(0, ey0 - y0) : max(0, ey1 - y0), max(0, ex0 - x0) : max(0, ex1 - x0)] = 0
        return float(ink.mean())

    def _ink(self, x0: int, y0: int, x1: int, y1: int) -> Any:
        norm = self._p.norm[y0:y1, x0:x1]
        sat = self._p.saturated[y0:y1, x0:x1]
        red = self._p.red[y0:y1, x0:x1]
        return (((norm < self._p.ink_threshold) & ~sat) | (sat & ~red)).astype(np.uint8)

    def seals(self) -> list[Seal]:
        if self._seals is None:
            self._seals = find_seals(self._p.red)
        return self._seals


def find_seals(red: Any) -> list[Seal]:
    """Red rings (HoughCircles on the red mask), strongest ring first.

    A licence's red frame and red title make contours useless; a ring is judged by how much of
    its circumference is red (``ring_ratio``)."""
    h, w = red.shape
    f = min(1.0, 1000 / max(h, w))
    mask = red.astype(np.uint8) * 255
    if f < 1.0:
        mask = cv2.resize(mask, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA)
    if int(np.count_nonzero(mask)) < 50:
        return []
    blurred = cv2.GaussianBlur(mask, (5, 5), 1.5)
    side = min(mask.shape)
    circles = cv2.HoughCircles(
        blurred,
        cv2.HOUGH_GRADIENT,
        dp=1.5,
        minDist=side / 8,
        param1=100,
        param2=22,
        minRadius=max(8, int(side * 0.035)),
        maxRadius=int(side * 0.25),
    )
    if circles is None:
        return []
    seals = []
    angles = np.linspace(0, 2 * np.pi, 90, endpoint=False)
    binary = mask > 60
    for cx, cy, r in circles[0][:12]:
        hits = 0
        for rr in (0.9 * r, 0.97 * r, 1.03 * r):
            xs = np.clip((cx + rr * np.cos(angles)).astype(int), 0, mask.shape[1] - 1)
            ys = np.clip((cy + rr * np.sin(angles)).astype(int), 0, mask.shape[0] - 1)
            hits = np.maximum(hits, binary[ys, xs])
        ratio = float(np.mean(hits))
        seals.append(Seal(float(cx / f), float(cy / f), float(r / f), ratio))
    seals.sort(key=lambda s: -s.ring_ratio)
    return seals
