"""The printable checklist: PDF text read back (English and Chinese), case status, fonts,
determinism, and write failures as findings."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.core.checklist import build_checklist
from assistant.core.model import Case
from assistant.render import (
    build_checklist_document,
    checklist_pdf_bytes,
    font_findings,
    fonts,
    paint_document,
    write_checklist_pdf,
)
from assistant.render import pdf as pdfmod

DAY = dt.date(2026, 3, 2)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    raw = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", raw)


def test_english_pdf(tmp_path: Path) -> None:
    checklist = build_checklist("tencent", "enterprise", "others", "company", "mainland", "en")
    out = tmp_path / "checklist.pdf"
    assert write_checklist_pdf(checklist, out, lang="en", prepared_on=DAY) == []
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4
    text = _text(out.read_bytes())
    for expected in (
        "SMS signature checklist",
        "Authorization letter",
        "Business license",
        "Submit one of the following",
        "Prepared on 2026-03-02",
        "page 1 of",
        "Tencent Cloud SMS: API reference for applying for a signature",  # sources by title …
        "https://",  # … and addresses …
        "read 2026-11-22",  # … with the date they were read
        "at most 5 MB",
    ):
        assert expected in text, expected
    # our ids, file and package names, not on paper
    for internal in ("tencent-api", "seed-001", "research/providers.md", "tencentcloud-sdk"):
        assert internal not in text, internal


def test_chinese_pdf_has_real_glyphs() -> None:
    checklist = build_checklist("alibaba", "enterprise", "self", "company", None, "zh")
    pdf, findings = checklist_pdf_bytes(checklist, lang="zh", prepared_on=DAY)
    assert findings == []
    text = _text(pdf).replace(" ", "")
    for expected in (
        "短信签名申请材料清单",
        "营业执照",
        "场景说明",
        "阿里云",
        "编制日期：2026-03-02",
    ):
        assert expected in text, expected
    assert "\x00" not in text
    assert b"/FontFile2" in pdf  # the font is embedded


def test_case_status_is_shown(tmp_path: Path) -> None:
    photo = tmp_path / "license.png"
    from PIL import Image

    Image.new("RGB", (1600, 1200), "white").save(photo)
    case = Case(provider="tencent", purpose="others", signature_names=["云朵科技"], language="en")
    case.owner.name = "Cloud Ltd"
    case.set_attachment("business_license", photo)
    checklist = build_checklist("tencent", "enterprise", "others", "company", "mainland", "en")
    pdf, _ = checklist_pdf_bytes(
        checklist, case, prepared_on=DAY, attachment_labels=["02-business-license.png"]
    )
    text = _text(pdf)
    assert "02-business-license.png" in text
    assert "Missing" in text  # the authorization letter
    assert "Not needed" in text  # the other license of the one-of group
    assert "Cloud Ltd" in text
    # names as they are typed in the console, never with the 【】 the SMS shows (#16)
    assert "云朵科技" in text and "【云朵科技】" not in text


def test_document_for_printing_and_pages() -> None:
    from PySide6.QtGui import QPdfWriter

    checklist = build_checklist("huawei", "enterprise", "others", "company", None, "en")
    doc = build_checklist_document(checklist, lang="en", prepared_on=DAY)
    assert "Where to submit" in doc.toPlainText()
    buffer = io.BytesIO()
    from PySide6.QtCore import QBuffer, QIODevice

    qbuf = QBuffer()
    qbuf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(qbuf)
    pdfmod.setup_page(writer)
    pages = paint_document(doc, writer)
    del writer
    buffer.write(bytes(qbuf.data()))
    assert pages >= 1
    assert len(PdfReader(io.BytesIO(buffer.getvalue())).pages) == pages


def test_same_input_same_bytes() -> None:
    checklist = build_checklist("tencent", "enterprise", "self", "company", "mainland", "en")
    a, _ = checklist_pdf_bytes(checklist, lang="en", prepared_on=DAY)
    b, _ = checklist_pdf_bytes(checklist, lang="en", prepared_on=DAY)
    assert a == b
    assert b"2026" in a


def test_the_bundled_font_draws_chinese_without_any_system_font() -> None:
    assert fonts.cjk_font_family() == "WenQuanYi Micro Hei"
    assert font_findings("营业执照 Business license", "en") == []


def test_a_font_that_cannot_be_loaded_is_a_clear_finding(monkeypatch) -> None:
    monkeypatch.setattr(fonts, "bundled_family", lambda: None)
    found = font_findings("营业执照", "en")
    assert [f.code for f in found] == ["render.no_cjk_font"]
    assert "wqy-microhei.ttc" in found[0].message and "Reinstall" in (found[0].fix or "")


def test_write_failure_is_a_finding(tmp_path: Path) -> None:
    checklist = build_checklist("tencent", "enterprise", "self", "company", "mainland", "en")
    found = write_checklist_pdf(checklist, tmp_path / "no" / "such" / "dir.pdf", prepared_on=DAY)
    assert [f.code for f in found] == ["render.write_failed"]


def test_text_extracts_without_ligatures() -> None:
    """'fi' is drawn as two glyphs: text copied from the PDF reads 'certificate', not U+FB01."""
    checklist = build_checklist("tencent", "enterprise", "others", "company", "mainland", "en")
    pdf, _ = checklist_pdf_bytes(checklist, lang="en", prepared_on=DAY)
    text = _text(pdf)
    assert "certificate" in text.lower()
    assert not set(text) & {"\ufb00", "\ufb01", "\ufb02", "\ufb03", "\ufb04"}
    from PySide6.QtGui import QFont

    font = fonts.document_font("en")
    assert font.isFeatureSet(QFont.Tag("liga")) and font.featureValue(QFont.Tag("liga")) == 0


def test_filled_remarks_and_verified_upload_rules_are_ticked(tmp_path: Path) -> None:
    """#16: a filled remark and the upload rules the program verified print ticked; what only the
    user can do (sign and seal the letter) stays a box to tick by hand."""
    from PIL import Image

    from assistant.render import checklist_sections as sections

    photo = tmp_path / "license.jpg"
    Image.effect_noise((1600, 1200), 60).convert("RGB").save(photo, quality=90)
    case = Case(provider="tencent", purpose="self", signature_names=["云朵科技"], language="en")
    case.applicant.name = "杭州云朵科技有限公司"
    case.remarks.description = "Verification codes for 云朵科技 members"
    case.set_attachment("business_license", photo)
    checklist = build_checklist("tencent", "enterprise", "self", "company", "mainland", "en")

    def ticks(c: Case) -> int:
        doc = build_checklist_document(checklist, c, lang="en", prepared_on=DAY)
        return doc.toHtml().count("checkbox:checked")

    filled = ticks(case)
    case.remarks.description = ""
    assert filled == ticks(case) + 1  # the remark's box
    blank = build_checklist_document(checklist, None, lang="en", prepared_on=DAY).toHtml()
    assert "checkbox:checked" not in blank
    page = sections.Page(checklist, "en", status={"business_license": ("attached", [])})
    page.has_names = True
    rules = sections.file_rules_html(page).count("checkbox:checked")
    assert rules >= 2
    page.status = {"business_license": ("problems", ["too large"])}
    problems = sections.file_rules_html(page).count("checkbox:checked")
    assert problems == 1 < rules  # only the name-length line: the files still have problems
