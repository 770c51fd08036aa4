"""The printable checklist: checklist (+ case status) -> QTextDocument -> A4 PDF.

QtGui only (no widgets), so the CLI and the bundle render headless and the GUI prints the very
same document through ``QPrintDialog`` (``paint_document(doc, printer)``).

* :func:`build_checklist_document` (:mod:`.checklist_document`, sections in
  :mod:`.checklist_sections`) builds the ``QTextDocument`` (tick boxes, guidance per document,
  remark fields to fill, file rules, where to submit, the rules' sources with dates);
* :func:`paint_document` (:mod:`.pdf`) lays it out on any paged device (``QPdfWriter``,
  ``QPrinter``) with a footer and page numbers on every page;
* :func:`write_checklist_pdf` / :func:`checklist_pdf_bytes` produce the PDF (atomic, and
  byte-identical for the same input and date on every machine: the one font is bundled,
  :mod:`.fonts`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import normalize_language, text
from assistant.render.checklist_document import build_checklist_document
from assistant.render.fonts import (
    cjk_font_family,
    document_font,
    ensure_gui_application,
    font_findings,
)
from assistant.render.pdf import document_pdf_bytes, paint_document, setup_page

if TYPE_CHECKING:
    from assistant.core.checklist import Checklist
    from assistant.core.model import Case
    from assistant.core.review import CaseReview

__all__ = [
    "build_checklist_document",
    "checklist_pdf_bytes",
    "cjk_font_family",
    "document_font",
    "document_pdf_bytes",
    "ensure_gui_application",
    "font_findings",
    "paint_document",
    "setup_page",
    "write_checklist_pdf",
]


def checklist_pdf_bytes(
    checklist: Checklist,
    case: Case | None = None,
    *,
    lang: str | None = None,
    review: CaseReview | None = None,
    prepared_on: dt.date | None = None,
    attachment_labels: Sequence[str] | None = None,
) -> tuple[bytes, list[Finding]]:
    """The checklist PDF and the findings about it (a character the bundled font lacks)."""
    lang = normalize_language(lang or (case.language if case else None))
    prepared_on = prepared_on or dt.date.today()
    doc = build_checklist_document(
        checklist,
        case,
        lang=lang,
        review=review,
        prepared_on=prepared_on,
        attachment_labels=attachment_labels,
    )
    findings = font_findings(doc.toPlainText(), lang)
    return document_pdf_bytes(doc, when=prepared_on), findings


def write_checklist_pdf(
    checklist: Checklist,
    path: str | os.PathLike[str],
    case: Case | None = None,
    *,
    lang: str | None = None,
    review: CaseReview | None = None,
    prepared_on: dt.date | None = None,
) -> list[Finding]:
    """Write the printable checklist to ``path`` (atomically). Returns findings: a warning for a
    character the bundled font cannot draw, an error when the file cannot be written. Never
    raises on that."""
    from assistant.core.fsio import atomic_write_bytes

    lang = normalize_language(lang or (case.language if case else None))
    data, findings = checklist_pdf_bytes(
        checklist, case, lang=lang, review=review, prepared_on=prepared_on
    )
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        findings.append(
            Finding(
                Severity.ERROR,
                "render.write_failed",
                text("render.write_failed", lang, path=str(path), reason=exc.strerror or str(exc)),
                subject=str(path),
            )
        )
    return findings
