"""The printable checklist: checklist (+ case status) -> QTextDocument -> A4 PDF.

QtGui only (no widgets), so the CLI and the bundle render headless and the GUI prints the very
same document through ``QPrintDialog`` (``paint_document(doc, printer)``).

* :func:`build_checklist_document` builds the ``QTextDocument`` (tick boxes, guidance per document,
  remark fields to fill, file rules, where to submit, the rules' sources with dates);
* :func:`paint_document` lays it out on any paged device (``QPdfWriter``, ``QPrinter``) with a
  footer and page numbers on every page;
* :func:`write_checklist_pdf` / :func:`checklist_pdf_bytes` produce the PDF (atomic, and
  byte-identical for the same input and date).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from assistant import __version__
from assistant.core.findings import Finding, Severity
from assistant.core.i18n import localized, normalize_language, text
from assistant.render.status_section import status_section_html

if TYPE_CHECKING:
    from assistant.core.checklist import Checklist
    from assistant.core.model import Case
    from assistant.core.review import CaseReview

_APP: QGuiApplication | None = None
_CJK_PREFERRED = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
)
_LATIN_PREFERRED = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Segoe UI", "Helvetica", "Arial")
_CJK_RE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_FOOTER_PT = 7.5
_MARGINS_MM = QMarginsF(17, 15, 17, 13)

# colours chosen to survive black-and-white printing (text labels carry the meaning too)
_INK = "#1f2933"
_MUTED = "#52606d"
_RULE = "#cbd2d9"
_SHADE = "#f3f5f7"
_STATUS_COLOURS = {
    "attached": "#1b7a3a",
    "problems": "#b35c00",
    "missing": "#c0262d",
    "not_needed": _MUTED,
}


# --------------------------------------------------------------------------------------- fonts
def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a headless one (fonts and PDF output need one).

    The one created is a ``QApplication`` when QtWidgets is there (it always is with
    PySide6-Essentials): Qt cannot turn a ``QGuiApplication`` into one later, and a process that
    rendered a checklist may still open a window (the wizard, the GUI tests). Rendering itself
    uses QtGui only.
    """
    global _APP
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app_class: type[QGuiApplication]
    try:
        from PySide6.QtWidgets import QApplication

        app_class = QApplication
    except ImportError:  # pragma: no cover - a Qt without widgets
        app_class = QGuiApplication
    _APP = app_class(sys.argv[:1] or ["sms-signature-assistant"])
    return _APP


def cjk_font_family() -> str | None:
    """A font family with Simplified Chinese glyphs, or None when none is installed."""
    ensure_gui_application()
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for name in _CJK_PREFERRED:
        if name in families:
            return name
    return families[0] if families else None


def _latin_font_family() -> str | None:
    families = set(QFontDatabase.families())
    return next((f for f in _LATIN_PREFERRED if f in families), None)


def needs_cjk(value: str) -> bool:
    return bool(_CJK_RE.search(value))


def font_findings(value: str, lang: str | None = None) -> list[Finding]:
    """A warning when ``value`` has Chinese characters and no installed font can draw them."""
    if not needs_cjk(value) or cjk_font_family() is not None:
        return []
    return [
        Finding(
            Severity.WARNING,
            "render.no_cjk_font",
            text("render.no_cjk_font", lang),
            fix=text("render.no_cjk_font.fix", lang),
            subject="checklist.pdf",
        )
    ]


def document_font(lang: str) -> QFont:
    """Body font: for Chinese the CJK family first; else a Latin sans with the CJK one behind it."""
    ensure_gui_application()
    cjk, latin = cjk_font_family(), _latin_font_family()
    order = [cjk, latin] if lang == "zh" else [latin, cjk]
    families = [f for f in order if f]
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(9.5)
    plain_text_shaping(font)
    return font


def plain_text_shaping(font: QFont) -> None:
    """Turn off the standard ligatures (``liga``) of ``font``: a PDF then draws "fi" as two
    glyphs, so text copied or extracted from it reads "certificate", not "certiﬁcate" (U+FB01),
    and a search for the word finds it (``QFont.setFeature``, Qt >= 6.7)."""
    font.setFeature(QFont.Tag("liga"), 0)


# --------------------------------------------------------------------------------------- document
def _checkbox_image(checked: bool = False) -> QImage:
    size = 96
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(_INK))
    pen.setWidthF(7)
    p.setPen(pen)
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(6, 6, size - 12, size - 12), 10, 10)
    if checked:
        pen.setColor(QColor(_STATUS_COLOURS["attached"]))
        pen.setWidthF(11)
        p.setPen(pen)
        p.drawPolyline([QPointF(24, 50), QPointF(42, 68), QPointF(74, 28)])
    p.end()
    return image


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _human_bytes(n: int, lang: str) -> str:
    if n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    return f"{n / (1024 * 1024):.1f} MB"


_FORMAT_LABELS = {"jpeg": "JPG/JPEG", "png": "PNG", "gif": "GIF", "pdf": "PDF"}


def _status_of(
    checklist: Checklist,
    case: Case,
    review: CaseReview | None,
    labels: Sequence[str] | None,
    lang: str,
) -> dict[str, tuple[str, list[str]]]:
    """Per document id: (status, lines) — attached (file names), problems (messages), missing."""
    out: dict[str, tuple[str, list[str]]] = {}
    for group in checklist.groups():
        ids = [e.document.id for e in group]
        attached_ids = {a.document for a in case.attachments}
        for doc_id in ids:
            indices = [i for i, a in enumerate(case.attachments) if a.document == doc_id]
            if not indices:
                if attached_ids.intersection(ids):
                    out[doc_id] = ("not_needed", [])
                else:
                    out[doc_id] = ("missing", [])
                continue
            names, problems = [], []
            for i in indices:
                a = case.attachments[i]
                names.append(labels[i] if labels and i < len(labels) else Path(a.path).name)
                if review is not None:
                    subject = f"attachments[{i}]"
                    found = (
                        list(review.attachment_findings[i])
                        if i < len(review.attachment_findings)
                        else []
                    )
                    found += [
                        f for f in review.areas.get("attachments", []) if f.subject == subject
                    ]
                    problems += [
                        f.message for f in found if f.severity in (Severity.ERROR, Severity.WARNING)
                    ]
            out[doc_id] = ("problems", names + problems) if problems else ("attached", names)
    return out


def build_checklist_document(
    checklist: Checklist,
    case: Case | None = None,
    *,
    lang: str | None = None,
    review: CaseReview | None = None,
    prepared_on: dt.date | None = None,
    attachment_labels: Sequence[str] | None = None,
) -> QTextDocument:
    """The printable checklist as a QTextDocument (print it with :func:`paint_document`).

    With ``case``, each document shows its status (attached / problems / missing) and the remark
    fields show the case's values; ``review`` (from ``check_case``) adds the problems found in
    attached files (it is computed when not given). ``attachment_labels`` name the case's
    attachments as they appear in a bundle. The language is ``lang``, else the case's.
    """
    ensure_gui_application()
    lang = normalize_language(lang or (case.language if case else None))
    prepared_on = prepared_on or dt.date.today()
    pack = checklist.pack
    provider = localized(pack.name, lang)
    if case is not None and review is None:
        from assistant.core.review import check_case

        review = check_case(case, lang)

    def t(key: str, **params: object) -> str:
        return _e(text(key, lang, **params))

    def choice_name(kind: str, value: str | None) -> str:
        if value is None:
            return ""
        c = pack.choice(kind, value)
        return localized(c.name, lang) if c else value

    sig_type = pack.signature_type(checklist.type)
    type_name = localized(sig_type.name, lang) if sig_type else checklist.type
    combination = text(
        "render.combination",
        lang,
        type=type_name,
        account=choice_name("accounts", checklist.account),
        purpose=choice_name("purposes", checklist.purpose),
    )
    if checklist.region and pack.regions:
        combination += " · " + choice_name("regions", checklist.region)
    if case is not None and pack.sign_kinds:
        from assistant.core.model import effective_sign_type

        combination += " · " + choice_name("sign_kinds", effective_sign_type(case, pack))

    used_sources: list[str] = []

    def use_source(*ids: str | None) -> None:
        for sid in ids:
            if sid and sid in pack.sources and sid not in used_sources:
                used_sources.append(sid)

    parts: list[str] = []
    add = parts.append
    add(
        f"<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        f"<td><span style='font-size:17pt; font-weight:bold; color:{_INK}'>{t('render.title')}</span><br/>"
        f"<span style='font-size:11pt; color:{_INK}'>{_e(provider)}</span>"
        f"<span style='font-size:11pt; color:{_MUTED}'> · {_e(combination)}</span></td>"
        f"<td align='right' valign='top' style='color:{_MUTED}'>"
        f"{t('render.prepared_on', date=prepared_on.isoformat())}<br/>"
        f"{t('render.rules_as_of', provider=provider, version=pack.version)}</td></tr></table>"
    )
    add(f"<hr style='color:{_RULE}'/>")

    # who and what: filled from the case, or lines to write on
    blank = "______________________________"
    rows: list[tuple[str, str]] = []
    if case is not None:
        names = [n for n in case.signature_names if n.strip()]
        rows.append(
            (
                t("render.signature_names"),
                "、".join(f"【{_e(n)}】" for n in names) or t("render.not_filled"),
            )
        )
        applicant = " · ".join(x for x in (case.applicant.name, case.applicant.credit_code) if x)
        rows.append((t("render.applicant"), _e(applicant) or t("render.not_filled")))
        if checklist.purpose == "others" or case.owner.name:
            owner = " · ".join(
                x
                for x in (case.owner.name, case.owner.credit_code, case.owner.legal_representative)
                if x
            )
            rows.append((t("render.owner"), _e(owner) or t("render.not_filled")))
    else:
        rows.append((t("render.signature_names"), blank))
        rows.append((t("render.applicant"), blank))
        if checklist.purpose == "others":
            rows.append((t("render.owner"), blank))
    add("<table cellspacing='0' cellpadding='3'>")
    for label, value in rows:
        add(
            f"<tr><td style='color:{_MUTED}' width='230'>{label}</td>"
            f"<td style='color:{_INK}; font-weight:bold'>{value}</td></tr>"
        )
    add("</table>")
    if case is not None:  # after submission: review and carrier filing per signature (#14)
        add(status_section_html(case, lang, prepared_on, ink=_INK, muted=_MUTED))

    # the combination cannot be applied for: say so prominently
    errors = [f for f in checklist.findings if f.severity is Severity.ERROR]
    if errors:
        add(
            f"<table width='100%' cellspacing='0' cellpadding='8' style='margin-top:8px' "
            f"bgcolor='#fdecea'><tr><td><b style='color:#c0262d'>✗ {t('render.blocked')}</b>"
        )
        for f in errors:
            add(f"<br/>{_e(f.message)}")
            if f.fix:
                add(f"<br/><i>→ {_e(f.fix)}</i>")
            use_source(f.source)
        add("</td></tr></table>")

    status = (
        _status_of(checklist, case, review, attachment_labels, lang) if case is not None else {}
    )

    def status_html(doc_id: str) -> str:
        if doc_id not in status:
            return ""
        kind, lines = status[doc_id]
        colour = _STATUS_COLOURS[kind]
        mark = {"attached": "✓", "problems": "!", "missing": "✗", "not_needed": "–"}[kind]
        out = f"<br/><span style='color:{colour}; font-weight:bold'>{mark} {t('render.status.' + kind)}</span>"
        if lines:
            out += f"<span style='color:{colour}'> &nbsp;{_e(lines[0])}</span>"
            for line in lines[1:]:
                out += f"<br/><span style='color:{colour}'>&nbsp;&nbsp;• {_e(line)}</span>"
        return out

    def box(doc_id: str | None = None) -> str:
        checked = doc_id is not None and status.get(doc_id, ("",))[0] == "attached"
        name = "checkbox:checked" if checked else "checkbox:empty"
        return f"<img src='{name}' width='13' height='13'/>"

    # documents
    add(
        f"<h2 style='font-size:12.5pt; color:{_INK}; margin-top:14px'>1 &nbsp;{t('render.documents')}</h2>"
    )
    add("<table width='100%' cellspacing='0' cellpadding='5' style='border-collapse:collapse'>")
    for n, group in enumerate(checklist.groups(), 1):
        first = group[0]
        use_source(first.source)
        bg = _SHADE if n % 2 else "#ffffff"
        optional = (
            ""
            if first.required
            else f" <span style='color:{_MUTED}'>({t('render.optional')})</span>"
        )
        if len(group) == 1:
            d = first.document
            add(
                f"<tr bgcolor='{bg}'><td width='22' valign='top'>{box(d.id)}</td>"
                f"<td width='18' valign='top'><b>{n}</b></td><td valign='top'>"
                f"<b style='font-size:10.5pt'>{_e(localized(d.name, lang))}</b>{optional}"
                f"{status_html(d.id)}"
                f"<br/><span style='color:{_MUTED}; font-size:8.5pt'>{_e(localized(d.guidance, lang))}</span>"
            )
        else:
            add(
                f"<tr bgcolor='{bg}'><td width='22' valign='top'></td>"
                f"<td width='18' valign='top'><b>{n}</b></td><td valign='top'>"
                f"<b style='font-size:10.5pt'>{t('render.one_of')}</b>{optional}"
                f"<table width='100%' cellspacing='0' cellpadding='3'>"
            )
            for e in group:
                d = e.document
                add(
                    f"<tr><td width='22' valign='top'>{box(d.id)}</td><td valign='top'>"
                    f"<b>{_e(localized(d.name, lang))}</b>{status_html(d.id)}"
                    f"<br/><span style='color:{_MUTED}; font-size:8.5pt'>{_e(localized(d.guidance, lang))}</span>"
                    f"</td></tr>"
                )
            add("</table>")
        if first.conflict_note:
            add(
                f"<br/><span style='color:{_MUTED}; font-size:8pt'><i>{_e(localized(first.conflict_note, lang))}</i></span>"
            )
        add("</td></tr>")
    add("</table>")

    # remarks
    add(
        f"<h2 style='font-size:12.5pt; color:{_INK}; margin-top:14px'>2 &nbsp;{t('render.remarks')}</h2>"
    )
    remark_fields = list(checklist.remarks)
    if case is not None:  # filled fields the type does not require go to the reviewer too
        remark_fields += [
            r
            for rid, r in pack.remarks.items()
            if r not in remark_fields and case.remarks.get(rid).strip()
        ]
    if remark_fields:
        add("<table width='100%' cellspacing='0' cellpadding='5'>")
        for r in remark_fields:
            value = case.remarks.get(r.id).strip() if case is not None else ""
            shown = (
                f"<b style='color:{_INK}'>{_e(value)}</b>"
                if value
                else f"<span style='color:{_RULE}'>{'_' * 64}</span>"
            )
            add(
                f"<tr><td width='22' valign='top'>{box()}</td><td valign='top'>"
                f"<b>{_e(localized(r.name, lang))}</b>"
                f"<br/><span style='color:{_MUTED}; font-size:8.5pt'>{_e(localized(r.guidance, lang))}</span>"
                f"<br/>{shown}</td></tr>"
            )
        add("</table>")
    else:
        add(f"<p style='color:{_MUTED}'>{t('render.no_remarks')}</p>")

    # file rules
    region = checklist.region
    rules_html: list[str] = []
    formats = pack.rule("files.formats", region)
    if formats is not None:
        labels = [_FORMAT_LABELS.get(f, f.upper()) for f in sorted(formats.value)]
        rules_html.append(t("render.file_rule.formats", formats=", ".join(labels)))
        use_source(*formats.sources)
    max_bytes = pack.rule("files.max_bytes", region)
    if max_bytes is not None:
        rules_html.append(
            t("render.file_rule.max_bytes", size=_human_bytes(int(max_bytes.value), lang))
        )
        use_source(*max_bytes.sources)
    chars = pack.rule("files.name_forbidden_chars", region)
    if chars is not None:
        rules_html.append(t("render.file_rule.name_chars", chars=" ".join(str(chars.value))))
        use_source(*chars.sources)
    ascii_only = pack.rule("files.name_ascii_only", region)
    if ascii_only is not None:
        rules_html.append(t("render.file_rule.ascii"))
        use_source(*ascii_only.sources)
    length = pack.rule("name.length", region)
    if length is not None:
        rules_html.append(t("render.file_rule.names", min=length.value[0], max=length.value[1]))
        use_source(*length.sources)
    if checklist.purpose == "others":
        rules_html.append(t("render.file_rule.letter"))
    add(
        f"<h2 style='font-size:12.5pt; color:{_INK}; margin-top:14px'>3 &nbsp;{t('render.file_rules')}</h2>"
    )
    add("<table width='100%' cellspacing='0' cellpadding='3'>")
    for line in rules_html:
        add(f"<tr><td width='22' valign='top'>{box()}</td><td>{line}</td></tr>")
    add("</table>")

    add(
        f"<h2 style='font-size:12.5pt; color:{_INK}; margin-top:14px'>4 &nbsp;{t('render.where')}</h2>"
    )
    add(f"<p>{_e(localized(pack.console, lang))}</p>")

    # sources, with the dates they were read
    add(f"<h3 style='font-size:9pt; color:{_MUTED}; margin-top:14px'>{t('render.sources')}</h3>")
    add(
        f"<table width='100%' cellspacing='0' cellpadding='1' style='font-size:7.5pt; color:{_MUTED}'>"
    )
    for sid in used_sources:
        s = pack.sources[sid]
        where = s.url or s.ref
        add(
            f"<tr><td width='120' valign='top'>{_e(sid)}</td><td valign='top'>{_e(s.title)}"
            f"<br/>{_e(where)} · {t('render.source_read', date=s.read.isoformat())}</td></tr>"
        )
    add("</table>")

    doc = QTextDocument()
    doc.setDefaultFont(document_font(lang))
    doc.setDocumentMargin(0)
    doc.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("checkbox:empty"), _checkbox_image(False)
    )
    doc.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("checkbox:checked"), _checkbox_image(True)
    )
    doc.setHtml(f"<html><body style='color:{_INK}'>{''.join(parts)}</body></html>")
    title = text("render.title", lang)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, f"{title} · {provider}")
    doc.setProperty("footer_title", title)
    doc.setProperty("footer_provider", provider)
    doc.setProperty("footer_date", prepared_on.isoformat())
    doc.setProperty("footer_lang", lang)
    return doc


# --------------------------------------------------------------------------------------- painting
def _setup_page(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            _MARGINS_MM,
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
    footer_h = _FOOTER_PT * scale * 2.6
    body = QSizeF(rect.width(), rect.height() - footer_h)
    doc.setPageSize(body)
    pages = max(1, doc.pageCount())
    footer_font = QFont(doc.defaultFont())
    footer_font.setPointSizeF(_FOOTER_PT)
    lang = str(doc.property("footer_lang") or "en")
    painter = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setPen(QPen(QColor(_RULE), max(1.0, scale * 0.5)))
            y = rect.height() - footer_h * 0.62
            painter.drawLine(QPointF(0, y), QPointF(body.width(), y))
            painter.setPen(QColor(_MUTED))
            painter.setFont(footer_font)
            footer = text(
                "render.footer",
                lang,
                title=doc.property("footer_title") or "",
                provider=doc.property("footer_provider") or "",
                date=doc.property("footer_date") or "",
                page=page + 1,
                pages=pages,
            )
            painter.drawText(
                QRectF(0, y + scale * 2, body.width(), footer_h * 0.6),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                footer,
            )
            painter.drawText(
                QRectF(0, y + scale * 2, body.width(), footer_h * 0.6),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                f"SMS Signature Assistant {__version__}",
            )
    finally:
        painter.end()
    return pages


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
    writer = QPdfWriter(buffer)
    writer.setResolution(600)
    writer.setCreator(f"SMS Signature Assistant {__version__}")
    writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    _setup_page(writer)
    paint_document(doc, writer)
    del writer  # finishes the PDF
    data = bytes(QByteArray(buffer.data()).data())
    buffer.close()
    return _deterministic(data, when, seed or doc.toPlainText())


def checklist_pdf_bytes(
    checklist: Checklist,
    case: Case | None = None,
    *,
    lang: str | None = None,
    review: CaseReview | None = None,
    prepared_on: dt.date | None = None,
    attachment_labels: Sequence[str] | None = None,
) -> tuple[bytes, list[Finding]]:
    """The checklist PDF and the findings about it (no Chinese font)."""
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
    """Write the printable checklist to ``path`` (atomically). Returns findings: a warning when no
    Chinese font is installed, an error when the file cannot be written. Never raises on that."""
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
