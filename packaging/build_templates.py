"""Build the bundled authorization-letter templates in ``resources/templates/``.

    python packaging/build_templates.py            # rewrite the committed .docx files
    python packaging/build_templates.py --check    # exit 1 if they differ from what this builds

The templates are generated (python-docx) so that they are reproducible and reviewable as code;
the program only ever loads the committed files (through ``assistant.resources.resource_path``).
Placeholders are the ones listed in ``assistant/core/letter/placeholders.py`` (documented in
``docs/letter-placeholders.md``).

Layout (both languages): A4, title, addressee, a table of the parties (authorizer = signature
owner with its unified social credit code and legal representative, authorized party = the
applicant with its code, risk bearer), the statement of authorization, the list of signatures
(a repeated table row, two signatures per row), scope, risk, validity, and the place for the legal
representative's signature, the company seal and the date at the bottom right.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.core.letter.clean import clean_package  # noqa: E402
from assistant.core.letter.package import read_package  # noqa: E402
from assistant.core.letter.placeholders import token  # noqa: E402
from assistant.core.letter.template import document_bytes  # noqa: E402

OUT_DIR = ROOT / "resources" / "templates"
# Fixed metadata so that a rebuild gives the same document.
STAMP = dt.datetime(2026, 11, 22, 0, 0, 0)

GREY_FILL = "EDEFF2"
RULE_COLOR = "7F8792"
MUTED = RGBColor(0x6B, 0x72, 0x80)
TEXT_WIDTH_CM = 15.6  # A4 21 cm - 2 x 2.7 cm


@dataclass(frozen=True)
class Lang:
    code: str
    file: str
    latin_font: str
    cjk_font: str
    heading_cjk_font: str
    body_pt: float
    line: float  # body line spacing (multiple)
    title: str
    subtitle: str | None
    doc_title: str
    to: str
    parties_caption: str
    party_rows: tuple[tuple[str, str, str], ...]  # group, label, placeholder
    intro: tuple[str, ...]  # paragraphs with placeholders
    signatures_caption: str
    sig_no: str
    sig_name: str
    clauses: tuple[tuple[str, str], ...]  # (heading, text)
    seal_hint: str
    sign_lines: tuple[tuple[str, str], ...]  # (label, value); "" = a line to sign on
    sign_width: float  # width of the signature block, cm
    sign_line_chars: int  # underscores of the line to sign on
    footer: str
    page_of: tuple[str, str, str]  # text before PAGE, between PAGE and NUMPAGES, after


ZH = Lang(
    code="zh",
    file="authorization-letter.zh.docx",
    latin_font="Times New Roman",
    cjk_font="宋体",
    heading_cjk_font="黑体",
    body_pt=12,
    line=1.35,
    title="授 权 委 托 书",
    subtitle="（短信签名）",
    doc_title="授权委托书（短信签名）",
    to=f"致：{token('provider')}",
    parties_caption="一、当事各方",
    party_rows=(
        ("授权方\n（签名归属方）", "名称", token("owner_name")),
        ("授权方\n（签名归属方）", "统一社会信用代码", token("owner_credit_code")),
        ("授权方\n（签名归属方）", "法定代表人", token("owner_legal_representative")),
        ("被授权方\n（签名申请方）", "名称", token("applicant_name")),
        ("被授权方\n（签名申请方）", "统一社会信用代码", token("applicant_credit_code")),
        ("风险承担方", "名称", token("risk_bearer")),
    ),
    intro=(
        f"{token('owner_name')}（以下简称“授权方”）为下列短信签名的归属方，现授权"
        f"{token('applicant_name')}（以下简称“被授权方”）使用下列短信签名，在"
        f"{token('provider')}短信服务中申请签名并发送短信。",
    ),
    signatures_caption=f"二、授权签名（共 {token('signature_count')} 个）",
    sig_no="序号",
    sig_name="签名名称",
    clauses=(
        (
            "三、授权范围",
            f"被授权方可使用上述签名在{token('provider')}短信服务中提交签名申请，并发送与授权方"
            "业务相关的短信。被授权方不得将上述签名转授权给任何第三方，不得用于与授权方业务无关的用途。",
        ),
        (
            "四、风险承担",
            f"使用上述签名发送的短信内容由{token('risk_bearer')}（风险承担方）负责，"
            "因此产生的一切法律责任由风险承担方承担。",
        ),
        (
            "五、授权有效期",
            f"自{token('valid_from')}起至{token('valid_until')}止。"
            "授权方保证本授权委托书所列信息真实、准确、完整。",
        ),
    ),
    seal_hint="（加盖公章或合同章）",
    sign_lines=(
        ("授权方（盖章）：", token("owner_name")),
        ("法定代表人（签字）：", ""),
        ("日期：", token("signed_on")),
    ),
    sign_width=8.6,
    sign_line_chars=18,
    footer=f"授权方：{token('owner_name')}　　被授权方：{token('applicant_name')}",
    page_of=("第 ", " 页，共 ", " 页"),
)

EN = Lang(
    code="en",
    file="authorization-letter.en.docx",
    latin_font="Times New Roman",
    cjk_font="宋体",
    heading_cjk_font="黑体",
    body_pt=11,
    line=1.25,
    title="DECLARATION OF AUTHORISATION",
    subtitle="(SMS Signature)",
    doc_title="Declaration of Authorisation (SMS Signature)",
    to=f"To: {token('provider')}",
    parties_caption="1. Parties",
    party_rows=(
        ("Authoriser\n(signature owner)", "Name", token("owner_name")),
        ("Authoriser\n(signature owner)", "Unified social credit code", token("owner_credit_code")),
        (
            "Authoriser\n(signature owner)",
            "Legal representative",
            token("owner_legal_representative"),
        ),
        ("Authorised party\n(applicant)", "Name", token("applicant_name")),
        (
            "Authorised party\n(applicant)",
            "Unified social credit code",
            token("applicant_credit_code"),
        ),
        ("Risk bearer", "Name", token("risk_bearer")),
    ),
    intro=(
        f"{token('owner_name')} (the “Authoriser”), the owner of the SMS signatures listed below, "
        f"hereby authorises {token('applicant_name')} (the “Authorised Party”) to apply for the "
        f"following SMS signatures and to send SMS messages with them through the SMS service of "
        f"{token('provider')}.",
    ),
    signatures_caption=f"2. Authorised signatures ({token('signature_count')} in total)",
    sig_no="No.",
    sig_name="Signature",
    clauses=(
        (
            "3. Scope",
            f"The Authorised Party may submit applications for the signatures above to "
            f"{token('provider')} and send SMS messages related to the Authoriser’s business with "
            "them. The Authorised Party shall not sub-license the signatures to any third party or "
            "use them for purposes unrelated to the Authoriser’s business.",
        ),
        (
            "4. Risk",
            f"{token('risk_bearer')} (the risk bearer) is responsible for the content of the SMS "
            "messages sent with the signatures above and bears all legal liability arising from it.",
        ),
        (
            "5. Validity",
            f"From {token('valid_from')} to {token('valid_until')} inclusive. The Authoriser "
            "declares that the information in this letter is true, accurate and complete.",
        ),
    ),
    seal_hint="(company seal or contract seal)",
    sign_lines=(
        ("Authoriser (seal): ", token("owner_name")),
        ("Legal representative (signature): ", ""),
        ("Name: ", token("owner_legal_representative")),
        ("Date: ", token("signed_on")),
    ),
    sign_width=9.6,
    sign_line_chars=16,
    footer=f"Authoriser: {token('owner_name')}    Authorised party: {token('applicant_name')}",
    page_of=("Page ", " of ", ""),
)


# ------------------------------------------------------------------------------ low-level helpers
def set_run_fonts(rpr_parent: object, latin: str, cjk: str) -> None:
    """Set ascii/hAnsi/eastAsia fonts on a style's or a run's rPr."""
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), cjk)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def add_run(
    par: Paragraph,
    text: str,
    *,
    bold: bool = False,
    size: float | None = None,
    color: RGBColor | None = None,
    font: tuple[str, str] | None = None,
) -> Run:
    run = par.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
    if font:
        set_run_fonts(run._r, *font)
    return run


def spacing(
    par: Paragraph,
    before: float = 0,
    after: float = 0,
    line: float | None = None,
    exact: bool = False,
) -> None:
    fmt = par.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        if exact:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(line)
        else:
            fmt.line_spacing = line


def cell_margins(table: Table, top: float, bottom: float, left: float, right: float) -> None:
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(value * 567)))  # cm -> twips
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tbl_pr.append(mar)


def borders(table: Table, color: str = RULE_COLOR, size: int = 6, inside: bool = True) -> None:
    tbl_pr = table._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    el = OxmlElement("w:tblBorders")
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    for side in sides:
        b = OxmlElement(f"w:{side}")
        if inside or side in ("top", "left", "bottom", "right"):
            b.set(qn("w:val"), "single")
            b.set(qn("w:sz"), str(size))
            b.set(qn("w:color"), color)
        else:
            b.set(qn("w:val"), "nil")
        b.set(qn("w:space"), "0")
        el.append(b)
    tbl_pr.append(el)


def no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    el = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        el.append(b)
    tbl_pr.append(el)


def bottom_border(cell: _Cell, color: str = "000000", size: int = 6) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:tcBorders")
    b = OxmlElement("w:bottom")
    b.set(qn("w:val"), "single")
    b.set(qn("w:sz"), str(size))
    b.set(qn("w:color"), color)
    b.set(qn("w:space"), "0")
    el.append(b)
    tc_pr.append(el)


def shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def fixed_widths(table: Table, widths_cm: list[float]) -> None:
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    tbl_w.set(qn("w:type"), "dxa")
    for i, col in enumerate(table.columns):
        col.width = Cm(widths_cm[i])
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Cm(widths_cm[i])


def row_flags(row: object, header: bool = False, cant_split: bool = True) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    if cant_split:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def row_height(row: object, cm: float) -> None:
    row.height = Cm(cm)  # type: ignore[attr-defined]


def cell_text(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    size: float | None = None,
    color: RGBColor | None = None,
) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    lines = text.split("\n")
    par = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            par = cell.add_paragraph()
        spacing(par, 0, 0, 1.15)
        if align is not None:
            par.alignment = align
        add_run(par, line, bold=bold, size=size, color=color)


def keep_with_next(par: Paragraph) -> None:
    par.paragraph_format.keep_with_next = True


def field(par: Paragraph, instr: str, size: float, color: RGBColor) -> None:
    """A simple field (PAGE, NUMPAGES) with a cached value of 1."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    col = OxmlElement("w:color")
    col.set(qn("w:val"), str(color))
    rpr.append(col)
    rpr.append(sz)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    par._p.append(fld)


# ------------------------------------------------------------------------------ the document
def setup(doc: DocumentObject, lang: Lang) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2.3), Cm(2.0)
    sec.left_margin = sec.right_margin = Cm((21.0 - TEXT_WIDTH_CM) / 2)
    sec.header_distance, sec.footer_distance = Cm(1.2), Cm(1.2)

    normal = doc.styles["Normal"]
    normal.font.size = Pt(lang.body_pt)
    set_run_fonts(normal.element, lang.latin_font, lang.cjk_font)
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
    props.title = lang.doc_title
    props.subject = "SMS signature authorization letter"
    props.comments = (
        "Template of the SMS Signature Assistant; placeholders: docs/letter-placeholders.md"
    )
    props.keywords = ""
    props.category = ""
    props.created = STAMP
    props.modified = STAMP
    props.revision = 1
    props.language = "zh-CN" if lang.code == "zh" else "en-GB"


def heading(doc: DocumentObject, lang: Lang, text: str) -> Paragraph:
    par = doc.add_paragraph()
    spacing(par, 5, 1, 1.2)
    add_run(par, text, bold=True, font=(lang.latin_font, lang.heading_cjk_font))
    keep_with_next(par)
    return par


def body(doc: DocumentObject, lang: Lang, text: str) -> Paragraph:
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    spacing(par, 0, 0, lang.line)
    if lang.code == "zh":
        par.paragraph_format.first_line_indent = Pt(24)  # two CJK characters
    add_run(par, text)
    return par


def build(lang: Lang) -> DocumentObject:
    doc = Document()
    setup(doc, lang)

    # Title
    title = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    spacing(title, 0, 0, 1.2)
    add_run(
        title,
        lang.title,
        bold=True,
        size=20 if lang.code == "zh" else 17,
        font=(lang.latin_font, lang.heading_cjk_font),
    )
    if lang.subtitle:
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        spacing(sub, 2, 10, 1.2)
        add_run(sub, lang.subtitle, size=lang.body_pt, color=MUTED)

    to = doc.add_paragraph()
    spacing(to, 0, 6, 1.5)
    add_run(to, lang.to, bold=True)

    # Parties
    heading(doc, lang, lang.parties_caption)
    rows = lang.party_rows
    widths = (
        [3.6, 4.2, TEXT_WIDTH_CM - 7.8] if lang.code == "en" else [3.6, 3.8, TEXT_WIDTH_CM - 7.4]
    )
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
        cell_text(row.cells[1], label, size=lang.body_pt - 1)
        cell_text(row.cells[2], value)
        last_of_group = i + 1 == len(rows) or rows[i + 1][0] != group
        if last_of_group:
            merged = table.cell(start, 0).merge(table.cell(i, 0)) if i > start else table.cell(i, 0)
            shade(merged, GREY_FILL)
            for p in list(merged.paragraphs)[1:]:
                p._p.getparent().remove(p._p)
            cell_text(
                merged, group, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=lang.body_pt - 0.5
            )
            start = i + 1

    # Statement
    gap = doc.add_paragraph()
    spacing(gap, 0, 0, 6, exact=True)
    for text in lang.intro:
        body(doc, lang, text)

    # Signatures: a header row, then ONE row template with two signatures; the engine repeats it.
    heading(doc, lang, lang.signatures_caption)
    sig = doc.add_table(rows=2, cols=4)
    sig.alignment = WD_TABLE_ALIGNMENT.CENTER
    borders(sig)
    cell_margins(sig, 0.05, 0.05, 0.2, 0.2)
    no_w = 1.6
    fixed_widths(sig, [no_w, TEXT_WIDTH_CM / 2 - no_w, no_w, TEXT_WIDTH_CM / 2 - no_w])
    head, tmpl = sig.rows
    row_flags(head, header=True)
    row_flags(tmpl)
    row_height(head, 0.7)
    row_height(tmpl, 0.7)
    for i, cell in enumerate(head.cells):
        shade(cell, GREY_FILL)
        label = lang.sig_no if i % 2 == 0 else lang.sig_name
        cell_text(cell, label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=lang.body_pt - 1)
    for i, cell in enumerate(tmpl.cells):
        if i % 2 == 0:
            cell_text(cell, token("signature_no"), align=WD_ALIGN_PARAGRAPH.CENTER)
        else:
            cell_text(cell, token("signature_name"))

    # Clauses
    last = None
    for head_text, text in lang.clauses:
        heading(doc, lang, head_text)
        last = body(doc, lang, text)
    if last is not None:
        keep_with_next(last)  # the signature block never stands alone on a page

    # Signature block, bottom right: a borderless two-column table whose right cell holds the
    # lines "label：value"; the signing line is a run of underscores (prints everywhere).
    spacer = doc.add_paragraph()
    spacing(spacer, 0, 0, 8, exact=True)
    keep_with_next(spacer)
    block = doc.add_table(rows=1, cols=2)
    block.alignment = WD_TABLE_ALIGNMENT.RIGHT
    no_borders(block)
    cell_margins(block, 0, 0, 0, 0)
    fixed_widths(block, [TEXT_WIDTH_CM - lang.sign_width, lang.sign_width])
    row_flags(block.rows[0])
    cell = block.rows[0].cells[1]
    hint = cell.paragraphs[0]
    spacing(hint, 0, 0, 1.2)
    hint.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(hint, lang.seal_hint, size=9, color=MUTED)
    keep_with_next(hint)
    for label, value in lang.sign_lines:
        par = cell.add_paragraph()
        spacing(par, 14, 0, 1.2)
        keep_with_next(par)
        add_run(par, label)
        add_run(par, value or "_" * lang.sign_line_chars)

    # Footer: parties on every page (pages cannot be swapped unnoticed) and page x of y.
    footer = doc.sections[0].footer
    fpar = footer.paragraphs[0]
    fpar.alignment = WD_ALIGN_PARAGRAPH.CENTER
    spacing(fpar, 0, 0, 1.0)
    add_run(fpar, lang.footer, size=8.5, color=MUTED)
    fpar2 = footer.add_paragraph()
    fpar2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    spacing(fpar2, 0, 0, 1.0)
    before, between, after = lang.page_of
    add_run(fpar2, before, size=8.5, color=MUTED)
    field(fpar2, "PAGE", 8.5, MUTED)
    add_run(fpar2, between, size=8.5, color=MUTED)
    field(fpar2, "NUMPAGES", 8.5, MUTED)
    if after:
        add_run(fpar2, after, size=8.5, color=MUTED)
    return doc


def to_bytes(doc: DocumentObject) -> bytes:
    """The .docx cleaned as every letter is (no author, no thumbnail: filling it then removes
    nothing) and with fixed zip times, so the same build gives the same bytes."""
    package = read_package(document_bytes(doc))
    clean_package(package)
    return package.to_bytes()


BUILDERS: dict[str, Callable[[], bytes]] = {
    ZH.file: lambda: to_bytes(build(ZH)),
    EN.file: lambda: to_bytes(build(EN)),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only compare with the committed files"
    )
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    stale = []
    for name, make in BUILDERS.items():
        data = make()
        target = args.out / name
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    if stale:
        print(
            "out of date (run packaging/build_templates.py): " + ", ".join(stale), file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
