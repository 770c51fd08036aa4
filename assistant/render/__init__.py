"""Printable documents rendered with QtGui (no widgets): the checklist PDF.

The GUI prints the same document: ``doc = build_checklist_document(...)`` then, after
``QPrintDialog(printer).exec()``, ``paint_document(doc, printer)``.
"""

from assistant.render.checklist_pdf import (
    build_checklist_document,
    checklist_pdf_bytes,
    cjk_font_family,
    document_pdf_bytes,
    ensure_gui_application,
    font_findings,
    paint_document,
    write_checklist_pdf,
)

__all__ = [
    "build_checklist_document",
    "checklist_pdf_bytes",
    "cjk_font_family",
    "document_pdf_bytes",
    "ensure_gui_application",
    "font_findings",
    "paint_document",
    "write_checklist_pdf",
]
