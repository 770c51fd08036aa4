"""The printable checklist as a ``QTextDocument``: checklist (+ case, review) -> sections -> one
document in the bundled font, ready for :func:`assistant.render.pdf.paint_document`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextDocument

from assistant.core.findings import Severity
from assistant.core.i18n import localized, normalize_language, text
from assistant.render import checklist_sections as sections
from assistant.render.fonts import document_font, ensure_gui_application
from assistant.render.qualification_section import qualification_section_html
from assistant.render.status_section import status_section_html
from assistant.render.templates_section import templates_section_html

if TYPE_CHECKING:
    from assistant.core.checklist import Checklist
    from assistant.core.model import Case
    from assistant.core.review import CaseReview


def build_checklist_document(
    checklist: Checklist,
    case: Case | None = None,
    *,
    lang: str | None = None,
    review: CaseReview | None = None,
    prepared_on: dt.date | None = None,
    attachment_labels: Sequence[str] | None = None,
) -> QTextDocument:
    """The printable checklist as a QTextDocument (print it with ``paint_document``).

    With ``case``, each document shows its status (attached / problems / missing) and the remark
    fields show the case's values; ``review`` (from ``check_case``) adds the problems found in
    attached files (it is computed when not given). ``attachment_labels`` name the case's
    attachments as they appear in a bundle. The language is ``lang``, else the case's.
    """
    ensure_gui_application()
    lang = normalize_language(lang or (case.language if case else None))
    prepared_on = prepared_on or dt.date.today()
    provider = localized(checklist.pack.name, lang)
    if case is not None and review is None:
        from assistant.core.review import check_case

        review = check_case(case, lang)
    page = sections.Page(checklist, lang)
    if case is not None:
        page.status = _status_of(checklist, case, review, attachment_labels)
        page.has_names = any(n.strip() for n in case.signature_names)
        if review is not None:
            page.found = {(f.code, f.subject) for f in review.all()}
    parts = [
        sections.header_html(page, provider, _combination(checklist, case, lang), prepared_on),
        sections.parties_html(page, case),
    ]
    if case is not None:  # after submission: review and carrier filing per signature (#14)
        parts.append(
            status_section_html(case, lang, prepared_on, ink=sections.INK, muted=sections.MUTED)
        )
    parts += [
        sections.blocked_html(page),
        qualification_section_html(  # the qualification, first (#11)
            case,
            lang,
            ink=sections.INK,
            muted=sections.MUTED,
            box=page.box(),
            attachment_labels=attachment_labels,
        ),
        sections.documents_html(page),
        sections.remarks_html(page, case),
        templates_section_html(  # the case's SMS templates, when it has any (#12)
            case, lang, ink=sections.INK, muted=sections.MUTED, box=page.box()
        ),
        sections.file_rules_html(page),
        sections.where_html(page),
        sections.sources_html(page),  # last: it lists what the sections above cited
    ]
    return _document("".join(parts), lang, provider, prepared_on)


def _combination(checklist: Checklist, case: Case | None, lang: str) -> str:
    """ "Company signature · enterprise · for others" (+ region, + sign kind)."""
    pack = checklist.pack

    def choice_name(kind: str, value: str | None) -> str:
        if value is None:
            return ""
        c = pack.choice(kind, value)
        return localized(c.name, lang) if c else value

    sig_type = pack.signature_type(checklist.type)
    combination = text(
        "render.combination",
        lang,
        type=localized(sig_type.name, lang) if sig_type else checklist.type,
        account=choice_name("accounts", checklist.account),
        purpose=choice_name("purposes", checklist.purpose),
    )
    if checklist.region and pack.regions:
        combination += " · " + choice_name("regions", checklist.region)
    if case is not None and pack.sign_kinds:
        from assistant.core.model import effective_sign_type

        combination += " · " + choice_name("sign_kinds", effective_sign_type(case, pack))
    return combination


def _document(body: str, lang: str, provider: str, prepared_on: dt.date) -> QTextDocument:
    doc = QTextDocument()
    doc.setUseDesignMetrics(True)  # layout from the font's design, not the device's hinting
    doc.setDefaultFont(document_font(lang))
    doc.setDocumentMargin(0)
    for name, checked in (("checkbox:empty", False), ("checkbox:checked", True)):
        doc.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(name), _checkbox_image(checked)
        )
    doc.setHtml(f"<html><body style='color:{sections.INK}'>{body}</body></html>")
    title = text("render.title", lang)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, f"{title} · {provider}")
    doc.setProperty("footer_title", title)
    doc.setProperty("footer_provider", provider)
    doc.setProperty("footer_date", prepared_on.isoformat())
    doc.setProperty("footer_lang", lang)
    return doc


def _checkbox_image(checked: bool = False) -> QImage:
    size = 96
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(sections.INK))
    pen.setWidthF(7)
    p.setPen(pen)
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(6, 6, size - 12, size - 12), 10, 10)
    if checked:
        pen.setColor(QColor(sections.STATUS_COLOURS["attached"]))
        pen.setWidthF(11)
        p.setPen(pen)
        p.drawPolyline([QPointF(24, 50), QPointF(42, 68), QPointF(74, 28)])
    p.end()
    return image


def _status_of(
    checklist: Checklist,
    case: Case,
    review: CaseReview | None,
    labels: Sequence[str] | None,
) -> dict[str, tuple[str, list[str]]]:
    """Per document id: (status, lines) — attached (file names), problems (messages), missing."""
    out: dict[str, tuple[str, list[str]]] = {}
    attached_ids = {a.document for a in case.attachments}
    for group in checklist.groups():
        ids = [e.document.id for e in group]
        for doc_id in ids:
            indices = [i for i, a in enumerate(case.attachments) if a.document == doc_id]
            if not indices:
                out[doc_id] = ("not_needed" if attached_ids.intersection(ids) else "missing", [])
                continue
            names = [
                labels[i] if labels and i < len(labels) else Path(case.attachments[i].path).name
                for i in indices
            ]
            problems = [m for i in indices for m in _problems(review, i)]
            out[doc_id] = ("problems", names + problems) if problems else ("attached", names)
    return out


def _problems(review: CaseReview | None, index: int) -> list[str]:
    """Error and warning messages about attachment ``index`` in ``review``."""
    if review is None:
        return []
    found = (
        list(review.attachment_findings[index]) if index < len(review.attachment_findings) else []
    )
    subject = f"attachments[{index}]"
    found += [f for f in review.areas.get("attachments", []) if f.subject == subject]
    return [f.message for f in found if f.severity in (Severity.ERROR, Severity.WARNING)]
