"""The parts every bundled letter shares: page, title, headings, body text, a table of parties,
the signature block (QR code, seal and signatures) and the footer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from assistant.core.letter.placeholders import token

from .docx_parts import (
    GREY_FILL,
    MUTED,
    TEXT_WIDTH_CM,
    add_run,
    borders,
    cell_margins,
    cell_text,
    field,
    fixed_widths,
    keep_with_next,
    no_borders,
    row_flags,
    row_height,
    set_run_fonts,
    shade,
    spacing,
)

# Fixed metadata so that a rebuild gives the same document.
STAMP = dt.datetime(2026, 11, 22, 0, 0, 0)


@dataclass(frozen=True)
class Style:
    """The typography of one letter language."""

    code: str  # zh | en
    latin_font: str = "Times New Roman"
    cjk_font: str = "宋体"
    heading_cjk_font: str = "黑体"
    body_pt: float = 12
    line: float = 1.35  # body line spacing (multiple)


@dataclass(frozen=True)
class SignBlock:
    """The block at the bottom: QR code and its caption on the left, the place to seal and
    sign on the right."""

    seal_hint: str  # the label over the lines to sign ("place for the seal and signature")
    lines: tuple[tuple[str, str], ...]  # (label, value); "" = a line to sign on
    width: float  # width of the right part, cm
    line_chars: int  # underscores of a line to sign on
    qr_caption: str  # under the QR code: what it is


# What every letter of a language shares in its signature block and footer.
_BLOCK = {
    "zh": {"width": 8.6, "line_chars": 18, "qr_caption": "内容核验码，请勿遮挡"},
    "en": {"width": 9.6, "line_chars": 16, "qr_caption": "Content check code: do not cover"},
}
PAGE_OF = {"zh": ("第 ", " 页，共 ", " 页"), "en": ("Page ", " of ", "")}


def sign_block(code: str, seal_hint: str, lines: tuple[tuple[str, str], ...]) -> SignBlock:
    """The signature block of a letter in language ``code`` with its seal label and lines."""
    shared = _BLOCK[code]
    return SignBlock(
        seal_hint=seal_hint,
        lines=lines,
        width=float(shared["width"]),
        line_chars=int(shared["line_chars"]),
        qr_caption=str(shared["qr_caption"]),
    )


def setup(doc: DocumentObject, style: Style, title: str, subject: str) -> None:
    """A4 page, the Normal style, fixed document properties."""
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2.3), Cm(2.0)
    sec.left_margin = sec.right_margin = Cm((21.0 - TEXT_WIDTH_CM) / 2)
    sec.header_distance, sec.footer_distance = Cm(1.2), Cm(1.2)

    normal = doc.styles["Normal"]
    normal.font.size = Pt(style.body_pt)
    set_run_fonts(normal.element, style.latin_font, style.cjk_font)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(0)
    pf.line_spacing = 1.5
    pf.widow_control = True
    # Chinese body text: justified, no auto spacing quirks between CJK and Latin in Word.
    ppr = normal.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "1")
        ppr.append(el)

    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.comments = (
        "Template of the SMS Signature Assistant; placeholders: docs/letter-placeholders.md"
    )
    props.keywords = ""
    props.category = ""
    props.created = STAMP
    props.modified = STAMP
    props.revision = 1
    props.language = "zh-CN" if style.code == "zh" else "en-GB"


def title_block(
    doc: DocumentObject, style: Style, title: str, subtitle: str | None, to: str
) -> None:
    """The centred title, its subtitle and the addressee line."""
    par = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    spacing(par, 0, 0, 1.2)
    size = 20 if style.code == "zh" else 17
    add_run(par, title, bold=True, size=size, font=(style.latin_font, style.heading_cjk_font))
    if subtitle:
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        spacing(sub, 2, 10, 1.2)
        add_run(sub, subtitle, size=style.body_pt, color=MUTED)
    addressee = doc.add_paragraph()
    spacing(addressee, 0, 6, 1.5)
    add_run(addressee, to, bold=True)


def heading(doc: DocumentObject, style: Style, text: str) -> Paragraph:
    par = doc.add_paragraph()
    spacing(par, 5, 1, 1.2)
    add_run(par, text, bold=True, font=(style.latin_font, style.heading_cjk_font))
    keep_with_next(par)
    return par


def body(doc: DocumentObject, style: Style, text: str) -> Paragraph:
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    spacing(par, 0, 0, style.line)
    if style.code == "zh":
        par.paragraph_format.first_line_indent = Pt(24)  # two CJK characters
    add_run(par, text)
    return par


def gap(doc: DocumentObject, points: float) -> Paragraph:
    par = doc.add_paragraph()
    spacing(par, 0, 0, points, exact=True)
    return par


def parties_table(
    doc: DocumentObject, style: Style, rows: tuple[tuple[str, str, str], ...], widths: list[float]
) -> None:
    """A table of (group, label, value) rows; the cells of one group are merged on the left."""
    table = doc.add_table(rows=len(rows), cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    borders(table)
    cell_margins(table, 0.08, 0.08, 0.2, 0.2)
    fixed_widths(table, widths)
    start = 0
    for i, (group, label, value) in enumerate(rows):
        row = table.rows[i]
        row_flags(row)
        row_height(row, 0.7)
        shade(row.cells[1], GREY_FILL)
        cell_text(row.cells[1], label, size=style.body_pt - 1)
        cell_text(row.cells[2], value)
        if i + 1 == len(rows) or rows[i + 1][0] != group:  # the last row of its group
            merged = table.cell(start, 0).merge(table.cell(i, 0)) if i > start else table.cell(i, 0)
            shade(merged, GREY_FILL)
            for p in list(merged.paragraphs)[1:]:
                p._p.getparent().remove(p._p)
            size = style.body_pt - 0.5
            cell_text(merged, group, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=size)
            start = i + 1


def signature_block(doc: DocumentObject, style: Style, block: SignBlock) -> None:
    """A borderless two-column table at the bottom. Left: the QR code (``{{letter_qr}}``), what
    it is and its text (``{{letter_code}}``), far from where the seal goes. Right: the labelled
    place for the seal and the signatures, lines "label：value"; a line to sign on is a run of
    underscores (it prints everywhere)."""
    keep_with_next(gap(doc, 8))
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    no_borders(table)
    cell_margins(table, 0, 0, 0, 0)
    fixed_widths(table, [TEXT_WIDTH_CM - block.width, block.width])
    row_flags(table.rows[0])
    left, right = table.rows[0].cells
    left.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    qr = left.paragraphs[0]
    spacing(qr, 0, 0, 1.0)
    add_run(qr, token("letter_qr"))
    for text, size in ((block.qr_caption, 7), (token("letter_code"), 6.5)):
        par = left.add_paragraph()
        spacing(par, 0, 0, 1.0)
        add_run(par, text, size=size, color=MUTED)
    hint = right.paragraphs[0]
    spacing(hint, 0, 0, 1.2)
    hint.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(hint, block.seal_hint, size=9, color=MUTED)
    keep_with_next(hint)
    for label, value in block.lines:
        par = right.add_paragraph()
        spacing(par, 14, 0, 1.2)
        keep_with_next(par)
        add_run(par, label)
        add_run(par, value or "_" * block.line_chars)


def footer(doc: DocumentObject, text: str, page_of: tuple[str, str, str]) -> None:
    """Small grey footer: ``text`` (the parties: pages cannot be swapped unnoticed) and
    "page x of y"."""
    part = doc.sections[0].footer
    first = part.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    spacing(first, 0, 0, 1.0)
    add_run(first, text, size=8.5, color=MUTED)
    pages = part.add_paragraph()
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    spacing(pages, 0, 0, 1.0)
    before, between, after = page_of
    add_run(pages, before, size=8.5, color=MUTED)
    field(pages, "PAGE", 8.5, MUTED)
    add_run(pages, between, size=8.5, color=MUTED)
    field(pages, "NUMPAGES", 8.5, MUTED)
    if after:
        add_run(pages, after, size=8.5, color=MUTED)
