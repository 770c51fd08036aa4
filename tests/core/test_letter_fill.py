"""Authorization letter: the fill engine, the bundled templates, user templates with labels."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

from assistant.core.findings import Severity
from assistant.core.letter import (
    PLACEHOLDERS,
    LetterInput,
    Party,
    fill_letter,
    template_path,
)
from assistant.core.letter.engine import normalize_label

TODAY = dt.date(2026, 11, 22)
OWNER = "深圳市云天科技有限公司"
APPLICANT = "杭州星河网络服务有限公司"
OWNER_CODE = "91440300MA5F8K2L2L"
APPLICANT_CODE = "91330106MA2H7Q4N98"
W_P, W_T = qn("w:p"), qn("w:t")


def letter(**over: Any) -> LetterInput:
    inp = LetterInput(
        provider="alibaba",
        signature_names=("云天科技", "云天商城", "云天会员"),
        owner=Party(OWNER, OWNER_CODE, "李明"),
        applicant=Party(APPLICANT, APPLICANT_CODE),
        valid_from="2026-11-22",
        valid_until="2027-11-21",
        language="zh",
    )
    return replace(inp, **over)


def texts(path: Path) -> list[str]:
    """The text of every paragraph of the document: body (tables, text boxes), headers, footers."""
    doc = docx.Document(str(path))
    roots = [doc.element.body]
    roots += [
        rel.target_part.element
        for rel in doc.part.rels.values()
        if rel.reltype.endswith(("/header", "/footer"))
    ]
    out = []
    for root in roots:
        for p in root.iter(W_P):
            own = [t.text or "" for t in p.iter(W_T) if next(t.iterancestors(W_P)) is p]
            out.append("".join(own))
    return out


def footer_text(path: Path) -> str:
    doc = docx.Document(str(path))
    return "\n".join(p.text for p in doc.sections[0].footer.paragraphs)


def table_rows(path: Path, index: int) -> list[list[str]]:
    doc = docx.Document(str(path))
    return [[c.text for c in row.cells] for row in doc.tables[index].rows]


def codes(result: Any) -> set[str]:
    return {f.code for f in result.findings}


# ------------------------------------------------------------------ the bundled templates
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_bundled_template_every_field_lands(tmp_path: Path, language: str, provider: str) -> None:
    out = tmp_path / "letter.docx"
    result = fill_letter(letter(language=language, provider=provider), out, lang="en", today=TODAY)
    assert result.output == out and out.is_file()
    assert not any(f.severity is Severity.ERROR for f in result.findings), result.findings
    body = "\n".join(texts(out))
    assert "{{" not in body and "}}" not in body
    provider_name = {
        ("tencent", "zh"): "腾讯云",
        ("alibaba", "zh"): "阿里云",
        ("huawei", "zh"): "华为云",
        ("tencent", "en"): "Tencent Cloud",
        ("alibaba", "en"): "Alibaba Cloud",
        ("huawei", "en"): "Huawei Cloud",
    }[provider, language]
    for value in (OWNER, APPLICANT, OWNER_CODE, APPLICANT_CODE, "李明", provider_name, "云天会员"):
        assert value in body
    if language == "zh":
        assert "自2026年11月22日起至2027年11月21日止" in body
        assert "二、授权签名（共 3 个）" in body
        assert "________年" not in body and "____年____月____日" in body  # date by hand
    else:
        assert "From 22 November 2026 to 21 November 2027" in body
        assert "2. Authorised signatures (3 in total)" in body
    # parties table: the right value next to each label
    parties = table_rows(out, 0)
    assert [r[2] for r in parties] == [OWNER, OWNER_CODE, "李明", APPLICANT, APPLICANT_CODE, OWNER]
    # footer: both parties on every page
    assert OWNER in footer_text(out) and APPLICANT in footer_text(out)
    assert {"letter.date_by_hand", "letter.sign_and_seal"} <= codes(result)


def test_bundled_templates_contain_only_known_placeholders() -> None:
    from assistant.core.letter.placeholders import PATTERN

    known = {p.name for p in PLACEHOLDERS}
    for language in ("zh", "en"):
        found = {m.group(1) for t in texts(template_path(language)) for m in PATTERN.finditer(t)}
        assert found <= known
        # the inline forms the layout skips, and the commitment letter's own
        assert found >= known - {"signature_names", "validity", "handler_name"}


def test_signature_rows_repeat_two_per_row_in_order(tmp_path: Path) -> None:
    names = tuple(f"云天{i:03d}号" for i in range(1, 101))
    out = tmp_path / "letter.docx"
    result = fill_letter(letter(signature_names=names), out, lang="en", today=TODAY, check=False)
    assert result.signature_rows == 50
    rows = table_rows(out, 1)
    assert rows[0] == ["序号", "签名名称", "序号", "签名名称"]
    assert len(rows) == 51
    flat = [cell for row in rows[1:] for cell in row]
    assert flat[0::2] == [str(i) for i in range(1, 101)]
    assert flat[1::2] == list(names)
    assert "共 100 个" in "\n".join(texts(out))
    # the header row repeats on every page; data rows do not split
    doc = docx.Document(str(out))
    trs = doc.tables[1]._tbl.tr_lst
    assert trs[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs[1:])


def test_odd_signature_count_leaves_the_last_cells_empty(tmp_path: Path) -> None:
    out = tmp_path / "letter.docx"
    fill_letter(letter(signature_names=("云天科技",)), out, today=TODAY)
    assert table_rows(out, 1)[1:] == [["1", "云天科技", "", ""]]


def test_missing_values_become_blank_lines_and_findings(tmp_path: Path) -> None:
    out = tmp_path / "letter.docx"
    inp = letter(owner=Party(OWNER, "", ""), applicant=Party("", APPLICANT_CODE))
    result = fill_letter(inp, out, today=TODAY, check=False)
    blanks = {f.subject for f in result.findings if f.code == "letter.value_blank"}
    assert blanks == {"owner.credit_code", "owner.legal_representative", "applicant.name"}
    assert all(
        f.severity is Severity.WARNING for f in result.findings if f.code == "letter.value_blank"
    )
    parties = table_rows(out, 0)
    assert parties[1][2] == parties[2][2] == parties[3][2] == "____________________"
    # with the checks on, the check's finding stands for it (no second finding per field)
    result = fill_letter(inp, tmp_path / "b.docx", today=TODAY)
    assert {f.subject for f in result.findings if f.code == "letter.missing"} == blanks
    assert "letter.value_blank" not in codes(result)


def test_signing_date_given_is_written(tmp_path: Path) -> None:
    out = tmp_path / "letter.docx"
    result = fill_letter(letter(signed_on="2026-11-20"), out, today=TODAY)
    assert "日期：2026年11月20日" in texts(out)
    assert "letter.date_by_hand" not in codes(result)


def test_letter_is_written_even_with_errors_and_the_template_is_untouched(tmp_path: Path) -> None:
    tpl = template_path("zh")
    before = hashlib.sha256(tpl.read_bytes()).hexdigest(), tpl.stat().st_mtime_ns
    out = tmp_path / "letter.docx"
    result = fill_letter(letter(provider="huawei", valid_until="2026-12-01"), out, today=TODAY)
    assert result.output == out and not result.ok
    assert "letter.validity_too_short" in codes(result)
    assert (hashlib.sha256(tpl.read_bytes()).hexdigest(), tpl.stat().st_mtime_ns) == before


def test_output_may_not_be_the_template(tmp_path: Path) -> None:
    tpl = tmp_path / "mine.docx"
    make_doc(tmp_path, "mine.docx", lambda d: d.add_paragraph("授权方：{{owner_name}}"))
    data = tpl.read_bytes()
    result = fill_letter(letter(), tpl, template=tpl, today=TODAY)
    assert result.output is None and "letter.output_is_template" in codes(result)
    assert tpl.read_bytes() == data


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "letter.docx"
    out.write_bytes(b"previous letter")

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = fill_letter(letter(), out, today=TODAY)
    assert result.output is None
    (f,) = [f for f in result.findings if f.code == "letter.output_unwritable"]
    assert "No space left" in f.message
    assert out.read_bytes() == b"previous letter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx"]  # no temp file left


def test_output_folder_missing(tmp_path: Path) -> None:
    result = fill_letter(letter(), tmp_path / "nope" / "letter.docx", today=TODAY)
    assert result.output is None and "letter.output_unwritable" in codes(result)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "letter.template_old_doc"),
        (b"not a document at all", "letter.template_unreadable"),
        (b"PK\x03\x04 truncated zip", "letter.template_unreadable"),
        (None, "letter.template_missing"),
    ],
)
def test_bad_templates_are_findings(tmp_path: Path, content: bytes | None, code: str) -> None:
    tpl = tmp_path / "t.docx"
    if content is not None:
        tpl.write_bytes(content)
    result = fill_letter(letter(), tmp_path / "out.docx", template=tpl, today=TODAY)
    assert result.output is None
    assert code in codes(result)
    assert not (tmp_path / "out.docx").exists()


def test_a_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    import zipfile

    tpl = tmp_path / "t.docx"
    with zipfile.ZipFile(tpl, "w") as z:
        z.writestr("hello.txt", "hi")
    result = fill_letter(letter(), tmp_path / "out.docx", template=tpl, today=TODAY)
    assert result.output is None and "letter.template_unreadable" in codes(result)


# ------------------------------------------------------------------ user templates: placeholders
def make_doc(tmp_path: Path, name: str, build: Any) -> Path:
    doc = docx.Document()
    build(doc)
    path = tmp_path / name
    doc.save(str(path))
    return path


def test_placeholder_split_across_runs_keeps_the_formatting_around_it(tmp_path: Path) -> None:
    def build(doc: DocumentObject) -> None:
        p = doc.add_paragraph()
        label = p.add_run("授权方：")
        label.bold = True
        for piece in ("{", "{ owner", "_na", "me }", "}"):
            r = p.add_run(piece)
            r.font.size = Pt(14)
        tail = p.add_run("（盖章）")
        tail.italic = True
        # split inside the braces AND with the closing brace in the run of the next text
        q = doc.add_paragraph()
        q.add_run("代码 {{owner_credit")
        q.add_run("_code}")
        q.add_run("} 结束").underline = True

    tpl = make_doc(tmp_path, "split.docx", build)
    out = tmp_path / "out.docx"
    result = fill_letter(letter(), out, template=tpl, today=TODAY, check=False)
    assert result.output == out
    doc = docx.Document(str(out))
    p, q = doc.paragraphs[0], doc.paragraphs[1]
    assert p.text == f"授权方：{OWNER}（盖章）"
    runs = [(r.text, r.bold, r.italic, r.font.size) for r in p.runs if r.text]
    assert runs == [
        ("授权方：", True, None, None),
        (OWNER, None, None, Pt(14)),
        ("（盖章）", None, True, None),
    ]
    assert q.text == f"代码 {OWNER_CODE} 结束"
    assert [r.text for r in q.runs if r.underline] == [" 结束"]


def test_placeholders_in_headers_footers_nested_tables_and_text_boxes(tmp_path: Path) -> None:
    def build(doc: DocumentObject) -> None:
        section = doc.sections[0]
        section.header.paragraphs[0].text = "致 {{provider}}"
        section.footer.paragraphs[0].text = "{{owner_name}} / {{applicant_name}}"
        outer = doc.add_table(rows=1, cols=1)
        inner = outer.cell(0, 0).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "风险承担方"
        inner.cell(0, 1).text = "{{risk_bearer}}"
        p = doc.add_paragraph("框：")
        box = parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:200pt;height:40pt">'
            "<v:textbox><w:txbxContent><w:p><w:r><w:t>{{validity}}</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
        p._p.append(box)

    tpl = make_doc(tmp_path, "places.docx", build)
    out = tmp_path / "out.docx"
    result = fill_letter(letter(), out, template=tpl, today=TODAY, check=False)
    all_text = "\n".join(texts(out))
    assert "致 阿里云" in all_text
    assert f"{OWNER} / {APPLICANT}" in all_text
    assert "2026年11月22日至2027年11月21日" in all_text
    assert "{{" not in all_text
    doc = docx.Document(str(out))
    assert doc.tables[0].cell(0, 0).tables[0].cell(0, 1).text == OWNER
    assert result.placed["risk_bearer"] == 1


def test_unknown_placeholder_is_an_error_and_stays(tmp_path: Path) -> None:
    tpl = make_doc(
        tmp_path, "t.docx", lambda d: d.add_paragraph("{{owner_name}} {{ ownr_name }} {{x}}")
    )
    out = tmp_path / "out.docx"
    result = fill_letter(letter(), out, template=tpl, today=TODAY, check=False)
    unknown = [f for f in result.findings if f.code == "letter.placeholder_unknown"]
    assert sorted(f.message.split("placeholder ")[1].split(",")[0] for f in unknown) == [
        "{{ownr_name}}",
        "{{x}}",
    ]
    assert all(f.severity is Severity.ERROR for f in unknown)
    assert docx.Document(str(out)).paragraphs[0].text == f"{OWNER} {{{{ ownr_name }}}} {{{{x}}}}"


def test_repeated_paragraph_outside_a_table(tmp_path: Path) -> None:
    def build(doc: DocumentObject) -> None:
        doc.add_paragraph("签名：")
        doc.add_paragraph("{{signature_no}}. {{signature_name}}（{{owner_name}}）")
        doc.add_paragraph("完")

    tpl = make_doc(tmp_path, "t.docx", build)
    out = tmp_path / "out.docx"
    fill_letter(letter(), out, template=tpl, today=TODAY, check=False)
    assert [p.text for p in docx.Document(str(out)).paragraphs] == [
        "签名：",
        f"1. 云天科技（{OWNER}）",
        f"2. 云天商城（{OWNER}）",
        f"3. 云天会员（{OWNER}）",
        "完",
    ]


def test_three_signatures_per_row(tmp_path: Path) -> None:
    def build(doc: DocumentObject) -> None:
        t = doc.add_table(rows=1, cols=3)
        for c in t.rows[0].cells:
            c.text = "{{signature_name}}"

    tpl = make_doc(tmp_path, "t.docx", build)
    out = tmp_path / "out.docx"
    names = tuple(f"签名{i}" for i in range(1, 8))
    fill_letter(letter(signature_names=names), out, template=tpl, today=TODAY, check=False)
    assert table_rows(out, 0) == [
        ["签名1", "签名2", "签名3"],
        ["签名4", "签名5", "签名6"],
        ["签名7", "", ""],
    ]


# ------------------------------------------------------------------ user templates: labels
def labelled_template(tmp_path: Path, occupied: bool = False) -> Path:
    def build(doc: DocumentObject) -> None:
        doc.add_paragraph("授权委托书")
        rows = [
            ("授权方（签名归属方）：", "已有内容" if occupied else ""),
            ("统一社会信用代码", ""),
            ("法定代表人", ""),
            ("被授权方", "  "),
            ("统一社会信用代码", "______"),
            ("风险承担方", ""),
            ("签名名称", ""),
            ("有效期", ""),
        ]
        t = doc.add_table(rows=len(rows), cols=2)
        for i, (label, value) in enumerate(rows):
            t.cell(i, 0).text = label
            t.cell(i, 1).text = value
        doc.add_paragraph("Platform: ________")
        sign = doc.add_table(rows=2, cols=2)
        sign.cell(0, 0).text = "法定代表人（签字）"
        sign.cell(1, 0).text = "日期"

    return make_doc(tmp_path, "official.docx", build)


def test_user_template_labels_fill_the_cell_to_their_right(tmp_path: Path) -> None:
    tpl = labelled_template(tmp_path)
    before = tpl.read_bytes()
    out = tmp_path / "out.docx"
    result = fill_letter(letter(), out, template=tpl, today=TODAY)
    assert tpl.read_bytes() == before
    assert table_rows(out, 0) == [
        ["授权方（签名归属方）：", OWNER],
        ["统一社会信用代码", OWNER_CODE],
        ["法定代表人", "李明"],
        ["被授权方", APPLICANT],
        ["统一社会信用代码", APPLICANT_CODE],
        ["风险承担方", OWNER],
        ["签名名称", "云天科技、云天商城、云天会员"],
        ["有效期", "2026年11月22日至2027年11月21日"],
    ]
    assert "Platform: 阿里云" in texts(out)
    # the signing places are never typed into
    assert table_rows(out, 1) == [["法定代表人（签字）", ""], ["日期", ""]]
    assert "letter.user_template" in codes(result)
    assert "letter.field_not_placed" not in codes(result)
    assert result.ok


def test_user_template_occupied_cell_is_reported_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = fill_letter(
        letter(), out, template=labelled_template(tmp_path, occupied=True), today=TODAY
    )
    assert table_rows(out, 0)[0] == ["授权方（签名归属方）：", "已有内容"]
    (f,) = [f for f in result.findings if f.code == "letter.label_occupied"]
    assert f.subject == "owner.name" and "已有内容" in f.message
    assert [g.subject for g in result.findings if g.code == "letter.field_not_placed"] == [
        "owner.name"
    ]


def test_user_template_without_places_reports_what_it_could_not_place(tmp_path: Path) -> None:
    tpl = make_doc(tmp_path, "t.docx", lambda d: d.add_paragraph("被授权方：______"))
    out = tmp_path / "out.docx"
    result = fill_letter(letter(), out, template=tpl, today=TODAY, lang="zh")
    assert docx.Document(str(out)).paragraphs[0].text == f"被授权方：{APPLICANT}"
    missing = {f.subject for f in result.findings if f.code == "letter.field_not_placed"}
    assert missing == {"owner.name", "owner.credit_code", "signature_names", "letter.valid_until"}
    assert all(
        f.severity is Severity.WARNING and f.fix
        for f in result.findings
        if f.code == "letter.field_not_placed"
    )


def test_english_labels_and_inline_blanks(tmp_path: Path) -> None:
    def build(doc: DocumentObject) -> None:
        for line in (
            "Authoriser: ____________",
            "Authorised party:",
            "Unified social credit code: ",
            "Signatures: ______",
            "Validity period: ________",
            "Legal representative (signature): ________",
            "Date: ________",
        ):
            doc.add_paragraph(line)

    tpl = make_doc(tmp_path, "t.docx", build)
    out = tmp_path / "out.docx"
    fill_letter(letter(language="en"), out, template=tpl, today=TODAY, check=False)
    assert [p.text for p in docx.Document(str(out)).paragraphs] == [
        f"Authoriser: {OWNER}",
        f"Authorised party: {APPLICANT}",
        f"Unified social credit code: {APPLICANT_CODE}",
        "Signatures: 云天科技, 云天商城, 云天会员",
        "Validity period: 22 November 2026 to 21 November 2027",
        "Legal representative (signature): ________",
        "Date: ________",
    ]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("授权方（签名归属方）：", "授权方"),
        (" 被 授 权 方 :", "被授权方"),
        ("法定代表人（签字）", "法定代表人(签字)"),
        ("Legal representative (signature)", "legalrepresentative(signature)"),
        ("Authoriser (signature owner)", "authoriser"),
        ("*有效期", "有效期"),
    ],
)
def test_normalize_label(label: str, expected: str) -> None:
    assert normalize_label(label) == expected


def test_bundled_template_by_id_and_language(tmp_path: Path) -> None:
    out = tmp_path / "a.docx"
    fill_letter(letter(language="zh", template="en"), out, today=TODAY)
    assert "DECLARATION OF AUTHORISATION" in texts(out)
    # a copy of our own template is treated as ours (no label pass, no user-template note)
    result = fill_letter(letter(), tmp_path / "b.docx", template=template_path("zh"), today=TODAY)
    assert "letter.user_template" not in codes(result)
