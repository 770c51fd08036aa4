"""The OCR engine (RapidOCR with its bundled PP-OCR models on ONNX Runtime), loaded once, lazily.

Only :mod:`assistant.core.evidence.reader` calls this, in a background job. The models ship inside
the ``rapidocr`` wheel (Apache-2.0, see its ``MODEL_LICENSES.md``); nothing is downloaded. One page
is read at a time (ONNX Runtime already uses every core), so calls are serialised by a lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any

from assistant.core.evidence.model import Box

# The caller hands the detector a reduced picture: never enlarge it (the package's default makes
# the short side at least 736 pixels). Strips are padded to twice their height, not to 320 pixels
# (a one-character label costs a sixth of a 320-pixel strip; same text on our corpus).
PARAMS = {
    "Global.log_level": "error",
    "Det.limit_type": "max",
    "Det.limit_side_len": 2048,
    "Rec.rec_img_shape": [3, 48, 96],
    "Rec.rec_batch_num": 8,
}

_lock = threading.Lock()
_engine: Any = None


def _get() -> Any:
    global _engine
    if _engine is None:
        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        _engine = RapidOCR(params=PARAMS)
    return _engine


def warm_up() -> None:
    """Load the models now (the first call otherwise pays for it)."""
    with _lock:
        _get()


def detect(bgr: Any) -> list[Box]:
    """Text boxes found in ``bgr`` (its own pixel coordinates)."""
    with _lock:
        out = _get()(bgr, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(out, "boxes", None)
    if boxes is None:
        return []
    return [Box.from_points(b.tolist()) for b in boxes]


def recognize(strips: Sequence[Any]) -> list[tuple[str, float]]:
    """Text and confidence of each straightened strip (upside-down strips are turned first)."""
    if not strips:
        return []
    from rapidocr.main import RapidOCRError

    with _lock:
        ocr = _get()
        try:
            turned, _ = ocr.cls_and_rotate(list(strips))
            res = ocr.recognize_txt(turned)
        except RapidOCRError:
            return [("", 0.0)] * len(strips)
    return [(str(t), float(s)) for t, s in zip(res.txts, res.scores, strict=True)]
