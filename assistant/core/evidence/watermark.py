"""Watermarks: a licence copy marked for another use is rejected (seed 003)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.core.evidence.model import Line
from assistant.core.evidence.normalize import bare, display
from assistant.core.evidence.rules import EvidenceRules

_DARK_MAX = 24
MIN_SCORE = 0.75  # below this a line is too uncertain to accuse the file of anything


@dataclass(frozen=True)
class Watermark:
    text: str  # as read (fragments of one line joined)
    compliant: bool
    states_use: bool
    score: float


def _along(line: Line, angle: float) -> tuple[float, float]:
    cx, cy = line.box.center
    rad = math.radians(angle)
    # position along the text direction and across it (image y grows downwards)
    return cx * math.cos(rad) - cy * math.sin(rad), cx * math.sin(rad) + cy * math.cos(rad)


def merge_fragments(lines: Sequence[Line]) -> list[list[Line]]:
    """Group fragments of one watermark line (same direction, same baseline, close)."""
    groups: list[list[Line]] = []
    for ln in sorted(lines, key=lambda x: _along(x, x.box.angle)[0]):
        for g in groups:
            last = g[-1]
            if abs(last.box.angle - ln.box.angle) > 6:
                continue
            a0, c0 = _along(last, last.box.angle)
            a1, c1 = _along(ln, last.box.angle)
            h = max(last.box.height, ln.box.height)
            gap = (a1 - ln.box.width / 2) - (a0 + last.box.width / 2)
            if abs(c1 - c0) < 0.6 * h and -h < gap < 2.0 * h:
                g.append(ln)
                break
        else:
            groups.append([ln])
    return groups


def find_watermarks(lines: Sequence[Line], rules: EvidenceRules) -> list[Watermark]:
    """Watermarks stating a use (and other large light text), compliant or not."""
    markers = [bare(m) for m in rules.watermark_markers]
    strong = [m for m in markers if m.startswith(("仅", "只", "专"))]
    candidates = [ln for ln in lines if ln.layer == "watermark"]
    # a watermark as dark as the print: a short line that is nothing but a use statement
    candidates += [
        ln
        for ln in lines
        if ln.layer == "text"
        and len(bare(ln.text)) <= _DARK_MAX
        and any(bare(ln.text).startswith(m) for m in strong)
    ]
    found: list[Watermark] = []
    seen: set[str] = set()
    for group in merge_fragments(candidates):
        text = "".join(display(ln.text) for ln in group)
        key = bare(text)
        score = min(ln.score for ln in group)
        if len(key) < 4 or key in seen or score < MIN_SCORE:
            continue
        seen.add(key)
        states_use = any(m in key for m in markers)
        found.append(Watermark(text, _compliant(key, rules), states_use, score))
    found.sort(key=lambda w: (w.compliant, not w.states_use))
    return found


def _compliant(key: str, rules: EvidenceRules) -> bool:
    if any(bare(c) in key for c in rules.watermark_compliant):
        return True
    return any(w in key for w in rules.watermark_words) and any(
        p in key for p in rules.watermark_purpose
    )
