"""What reading a page gives: text lines with their boxes, QR codes, and the file's result."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from assistant.core.findings import Finding, has_errors, sort_findings

Point = tuple[float, float]

# Keys of the ``read`` object every checked file carries (``check-file --format json``).
READ_KEYS = ("name", "credit_code", "legal_representative", "valid_until", "watermark")
LONG_TERM = "long-term"  # ``valid_until`` of a licence without an end date


@dataclass(frozen=True)
class Box:
    """A quadrilateral on the page: top-left, top-right, bottom-right, bottom-left."""

    points: tuple[Point, Point, Point, Point]

    @classmethod
    def from_points(cls, pts: Sequence[Sequence[float]]) -> Box:
        p = [(float(x), float(y)) for x, y in pts[:4]]
        return cls((p[0], p[1], p[2], p[3]))

    @classmethod
    def rect(cls, x0: float, y0: float, x1: float, y1: float) -> Box:
        return cls(((x0, y0), (x1, y0), (x1, y1), (x0, y1)))

    @property
    def center(self) -> Point:
        return (
            sum(p[0] for p in self.points) / 4,
            sum(p[1] for p in self.points) / 4,
        )

    @property
    def width(self) -> float:
        (a, b, c, d) = self.points
        return (math.dist(a, b) + math.dist(d, c)) / 2

    @property
    def height(self) -> float:
        (a, b, c, d) = self.points
        return (math.dist(a, d) + math.dist(b, c)) / 2

    @property
    def angle(self) -> float:
        """Direction of the text in degrees (0 = left to right, positive = rising)."""
        (a, b, c, d) = self.points
        dx = (b[0] - a[0] + c[0] - d[0]) / 2
        dy = (b[1] - a[1] + c[1] - d[1]) / 2
        return -math.degrees(math.atan2(dy, dx))

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return min(xs), min(ys), max(xs), max(ys)

    def scaled(self, factor: float) -> Box:
        p = [(x * factor, y * factor) for x, y in self.points]
        return Box((p[0], p[1], p[2], p[3]))


@dataclass(frozen=True)
class Line:
    """One recognised line of text. ``layer`` is ``text`` (dark print) or ``watermark``."""

    text: str
    score: float
    box: Box
    layer: str = "text"


@dataclass(frozen=True)
class QRCode:
    text: str
    box: Box


@dataclass(frozen=True)
class Seal:
    """A red ring found on the page (centre and radius in page pixels) and how red it is."""

    x: float
    y: float
    radius: float
    ring_ratio: float


class PageImage(Protocol):
    """What the letter checks ask of a page's pixels (implemented with OpenCV in ``vision``)."""

    @property
    def colour(self) -> bool: ...

    def ink_ratio(self, box: Box, exclude: Sequence[Box] = ()) -> float: ...

    def seals(self) -> list[Seal]: ...


@dataclass
class PageRead:
    """Everything read off one page (a photo or one scanned PDF page)."""

    number: int  # 1-based
    width: int
    height: int
    lines: list[Line] = field(default_factory=list)
    qr: list[QRCode] = field(default_factory=list)
    image: PageImage | None = None
    boxes_found: int = 0  # text boxes detected (recognised or not)

    def text_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.layer == "text"]


@dataclass
class Evidence:
    """The result of reading one file: the values read, the findings, the kind recognised."""

    path: str
    document: str | None  # document id checked as (given or recognised)
    read: dict[str, Any] = field(default_factory=lambda: dict.fromkeys(READ_KEYS))
    findings: list[Finding] = field(default_factory=list)
    kind: str | None = None  # "certificate", "letter" or None (nothing recognised)
    pages: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings) and not self.cancelled

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "kind": self.kind,
            "read": dict(self.read),
            "findings": [f.to_dict() for f in sort_findings(self.findings)],
        }
