"""Pair labels with their values by the boxes' geometry.

On a licence "名称" and its value are separate OCR lines (the label is even split in two, 名 and 称,
when it is printed spread out), values sit to the right of their label on the same row, and a
page photographed at an angle has rows that are not horizontal. Everything here works in page-
aligned coordinates: the boxes rotated back by the page's median text angle.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from assistant.core.evidence.model import Line
from assistant.core.evidence.normalize import bare

Rect = tuple[float, float, float, float]


def page_angle(lines: Iterable[Line]) -> float:
    """Median direction of the long text lines (degrees); 0 when there are none."""
    angles = [ln.box.angle for ln in lines if ln.box.width > 2 * ln.box.height]
    return statistics.median(angles) if angles else 0.0


@dataclass(frozen=True)
class Placed:
    """A line with its page-aligned rectangle."""

    line: Line
    rect: Rect

    @property
    def height(self) -> float:
        return self.rect[3] - self.rect[1]

    @property
    def key(self) -> str:
        return bare(self.line.text)


def place(lines: Sequence[Line], angle: float | None = None) -> list[Placed]:
    """Lines with page-aligned rectangles, in reading order (top to bottom, left to right)."""
    if angle is None:
        angle = page_angle(lines)
    rad = math.radians(angle)  # undo a rising text direction: rotate by +angle in image coords
    cos, sin = math.cos(rad), math.sin(rad)
    placed = []
    for ln in lines:
        pts = [(x * cos - y * sin, x * sin + y * cos) for x, y in ln.box.points]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        placed.append(Placed(ln, (min(xs), min(ys), max(xs), max(ys))))
    placed.sort(key=lambda p: ((p.rect[1] + p.rect[3]) / 2, p.rect[0]))
    return placed


def same_row(a: Placed, b: Placed, overlap: float = 0.5) -> bool:
    lo, hi = max(a.rect[1], b.rect[1]), min(a.rect[3], b.rect[3])
    return hi - lo >= overlap * min(a.height, b.height)


@dataclass(frozen=True)
class LabelHit:
    field: str
    label: str
    parts: tuple[Placed, ...]  # the lines the label was read from
    remainder: str  # text after the label in its last line ("法定代表人张三" -> "张三")

    @property
    def rect(self) -> Rect:
        return (
            min(p.rect[0] for p in self.parts),
            min(p.rect[1] for p in self.parts),
            max(p.rect[2] for p in self.parts),
            max(p.rect[3] for p in self.parts),
        )

    @property
    def height(self) -> float:
        return statistics.median(p.height for p in self.parts)


def _label_table(labels: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    table = [(bare(lab), fld) for fld, labs in labels.items() for lab in labs]
    return sorted(table, key=lambda t: -len(t[0]))  # longest first: 法定代表人 before 代表人


def _half_labels(labels: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """One character of a two-character label printed spread out (名　　称): the detector may
    miss the other one. Only a box holding that character alone counts."""
    halves: dict[str, str] = {}
    for fld, labs in labels.items():
        for lab in labs:
            key = bare(lab)
            if len(key) == 2:
                for ch in key:
                    halves.setdefault(ch, fld)
    return halves


def find_labels(placed: Sequence[Placed], labels: Mapping[str, Sequence[str]]) -> list[LabelHit]:
    """Every line (or run of up to three lines on one row) that starts with a known label."""
    table = _label_table(labels)
    halves = _half_labels(labels)
    hits: list[LabelHit] = []
    used: set[int] = set()
    for i, first in enumerate(placed):
        if i in used:
            continue
        run = [first]
        for j in range(i + 1, min(i + 4, len(placed))):
            nxt, prev = placed[j], run[-1]
            gap = nxt.rect[0] - prev.rect[2]
            if not same_row(prev, nxt) or gap < -prev.height or gap > 4 * prev.height:
                break
            run.append(nxt)
        hit = _match_run(run, table)
        if hit is None and first.key in halves:
            hit = LabelHit(halves[first.key], first.key, (first,), "")
        if hit is not None:
            hits.append(hit)
            used.update(placed.index(p) for p in hit.parts)
    return hits


def _match_run(run: list[Placed], table: list[tuple[str, str]]) -> LabelHit | None:
    for n in range(1, len(run) + 1):
        joined = "".join(p.key for p in run[:n])
        for label, fld in table:
            if not label or not joined.startswith(label):
                continue
            if n > 1 and len("".join(p.key for p in run[: n - 1])) >= len(label):
                continue  # the label is complete without the last part: not this run
            rest = joined[len(label) :]
            return LabelHit(fld, label, tuple(run[:n]), rest)
        if len(joined) > 12:
            break
    return None


def value_parts(
    hit: LabelHit,
    placed: Sequence[Placed],
    hits: Sequence[LabelHit],
    below: bool = False,
) -> list[Placed]:
    """The lines that hold the label's value: to its right on the same row up to the next label;
    with ``below``, also the line right under the label when nothing is to its right."""
    taken = {id(p) for other in hits for p in other.parts}
    x0, _, x1, y1 = hit.rect
    h = hit.height
    row = [
        p
        for p in placed
        if id(p) not in taken
        and p.rect[0] >= x1 - 0.5 * h
        and same_row(hit.parts[-1], p, overlap=0.4)
        and p.rect[0] - x1 < 14 * h
    ]
    row.sort(key=lambda p: p.rect[0])
    stops = sorted(
        h2.rect[0]
        for h2 in hits
        if h2 is not hit and h2.rect[0] > x1 and same_row(hit.parts[-1], h2.parts[0], 0.4)
    )
    if stops:
        row = [p for p in row if p.rect[0] < stops[0]]
    if row or not below:
        return row
    under = [
        p
        for p in placed
        if id(p) not in taken
        and p.rect[1] > y1 - 0.3 * h
        and p.rect[1] - y1 < 2.5 * h
        and p.rect[0] < x1
        and p.rect[2] > x0
    ]
    under.sort(key=lambda p: p.rect[1])
    return under[:1]
