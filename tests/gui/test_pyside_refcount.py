"""The Qt binding keeps Python's reference counts: a method that returns nothing must not drop a
reference to ``None``.

PySide6 6.12.0 did (one per call of every ``void`` method: ``setText``, ``QPainter.save`` …). On
Python 3.11, where ``None`` is an ordinary object, the process aborts with "Fatal Python error:
none_dealloc: deallocating None" once those calls outnumber the references to ``None`` — after a
few hundred checklist PDFs in one process (a batch exported in the app, a long session).
``pyproject.toml`` excludes that release; this test fails on any release that does it again.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QLabel

CALLS = 200


def _none_refs_lost(call: Callable[[], Any]) -> int:
    call()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    gc.collect()
    return before - sys.getrefcount(None)


def test_methods_returning_nothing_keep_the_reference_to_none(qapp: Any) -> None:
    label, obj, doc = QLabel(), QObject(), QTextDocument()
    doc.setPlainText("x")
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        calls: dict[str, Callable[[], Any]] = {
            "QLabel.setText": lambda: label.setText("a"),
            "QObject.setObjectName": lambda: obj.setObjectName("x"),
            "QPainter.save/restore": lambda: (painter.save(), painter.restore()),
            "QTextDocument.drawContents": lambda: doc.drawContents(painter, QRectF(0, 0, 4, 4)),
            "QObject.property (unset)": lambda: obj.property("not-set"),
        }
        lost = {name: _none_refs_lost(call) for name, call in calls.items()}
    finally:
        painter.end()
    assert lost == dict.fromkeys(calls, 0), (
        f"this PySide6 release loses references to None (per {CALLS} calls): {lost}"
    )


def test_many_checklist_pdfs_in_one_process() -> None:
    """What used to abort: hundreds of PDFs in one process lose no reference to None."""
    from assistant.core.checklist import build_checklist
    from assistant.render import checklist_pdf_bytes

    count = 100
    checklist = build_checklist("tencent", "enterprise", "self", "company", "mainland", "en")
    checklist_pdf_bytes(checklist, lang="en")
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(count):
        pdf, _ = checklist_pdf_bytes(checklist, lang="en")
        assert pdf.startswith(b"%PDF")
    gc.collect()
    assert before - sys.getrefcount(None) < count  # 6.12.0: ~29 lost per PDF
