"""Laying a document out on paper: A4 pages with a footer, on a printer or into a PDF whose
bytes depend only on the document, the date and the bundled font (not on the time, the process
or the machine)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QHashSeed,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from assistant import __version__
from assistant.core.i18n import text
from assistant.render.checklist_sections import MUTED, RULE
from assistant.render.fonts import ensure_gui_application

FOOTER_PT = 7.5
MARGINS_MM = QMarginsF(17, 15, 17, 13)


def setup_page(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def paint_document(doc: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay ``doc`` out on ``device`` (a QPdfWriter or a QPrinter from QPrintDialog) page by page,
    with a footer (title, provider, date, page n of m) on each page. Returns the page count."""
    layout = doc.documentLayout()
    layout.setPaintDevice(device)
    rect = device.pageLayout().paintRectPixels(device.resolution())
    scale = device.resolution() / 72.0
    footer_h = FOOTER_PT * scale * 2.6
    body = QSizeF(rect.width(), rect.height() - footer_h)
    doc.setPageSize(body)
    pages = max(1, doc.pageCount())
    painter = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            _paint_footer(painter, doc, page + 1, pages, QRectF(rect), footer_h, scale)
    finally:
        painter.end()
    return pages


def _paint_footer(
    painter: QPainter,
    doc: QTextDocument,
    page: int,
    pages: int,
    rect: QRectF,
    footer_h: float,
    scale: float,
) -> None:
    """A rule, then "title · provider · date · page n of m" left and the program right."""
    width = rect.width()
    painter.setPen(QPen(QColor(RULE), max(1.0, scale * 0.5)))
    y = rect.height() - footer_h * 0.62
    painter.drawLine(QPointF(0, y), QPointF(width, y))
    painter.setPen(QColor(MUTED))
    font = QFont(doc.defaultFont())
    font.setPointSizeF(FOOTER_PT)
    painter.setFont(font)
    footer = text(
        "render.footer",
        str(doc.property("footer_lang") or "en"),
        title=doc.property("footer_title") or "",
        provider=doc.property("footer_provider") or "",
        date=doc.property("footer_date") or "",
        page=page,
        pages=pages,
    )
    box = QRectF(0, y + scale * 2, width, footer_h * 0.6)
    top = Qt.AlignmentFlag.AlignTop
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | top), footer)
    painter.drawText(
        box, int(Qt.AlignmentFlag.AlignRight | top), f"SMS Signature Assistant {__version__}"
    )


# --------------------------------------------------------------------------------------- PDF
_PDF_DATE = re.compile(rb"\(D:(\d{14})([^)]*)\)")
_XMP_DATE = re.compile(rb'(xmp:(?:CreateDate|ModifyDate|MetadataDate)=")([^"]+)(")')
_UUID = re.compile(rb"uuid:([0-9a-f-]{36})")


def _deterministic(pdf: bytes, when: dt.date, seed: str) -> bytes:
    """Replace the creation time and random document id Qt writes with values derived from
    ``when`` and ``seed``, byte for byte the same length (so the xref table stays valid)."""
    stamp = when.strftime("%Y%m%d").encode() + b"000000"

    def pdf_date(m: re.Match[bytes]) -> bytes:
        tz = re.sub(rb"\d", b"0", m.group(2)).replace(b"-", b"+")
        return b"(D:" + stamp + tz + b")"

    def xmp_date(m: re.Match[bytes]) -> bytes:
        old = m.group(2)
        new = when.isoformat().encode() + b"T00:00:00+00:00"
        new = new[: len(old)].ljust(len(old), b"0")
        return m.group(1) + new + m.group(3)

    out = _PDF_DATE.sub(pdf_date, pdf)
    out = _XMP_DATE.sub(xmp_date, out)
    found = _UUID.search(out)
    if found:
        old = found.group(1)
        new = str(uuid.uuid5(uuid.NAMESPACE_URL, f"sms-signature-assistant:{seed}:{when}")).encode()
        out = out.replace(old, new).replace(old.hex().encode(), new.hex().encode())
    return out if len(out) == len(pdf) else pdf


def document_pdf_bytes(doc: QTextDocument, *, when: dt.date | None = None, seed: str = "") -> bytes:
    """``doc`` as an A4 PDF (fonts embedded), deterministic for the same ``doc``, date and seed."""
    ensure_gui_application()
    when = when or dt.date.today()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Qt seeds its hash tables per process: the PDF writer's font table would list the fonts in
    # another order in every process (a batch's workers, a second run). A fixed seed while the
    # PDF is written makes the bytes the same in every process.
    QHashSeed.setDeterministicGlobalSeed()
    try:
        writer = QPdfWriter(buffer)
        writer.setResolution(600)
        writer.setCreator(f"SMS Signature Assistant {__version__}")
        writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        setup_page(writer)
        paint_document(doc, writer)
        del writer  # finishes the PDF
    finally:
        QHashSeed.resetRandomGlobalSeed()
    data = bytes(QByteArray(buffer.data()).data())
    buffer.close()
    return _deterministic(data, when, seed or doc.toPlainText())
