"""A user's letter template (the provider's official one, #10): every labelled empty cell is
filled, also when its field has a placeholder elsewhere, and a labelled cell left empty is always
a finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocumentObject

from assistant.core.letter import fill_letter
from tests.core.test_letter_fill import OWNER, TODAY, letter, make_doc, table_rows


def fill(tmp_path: Path, build: Any, **over: Any) -> tuple[Path, Any]:
    tpl = make_doc(tmp_path, "official.docx", build)
    out = tmp_path / "out.docx"
    return out, fill_letter(letter(**over), out, template=tpl, today=TODAY, check=False)


def test_a_labelled_empty_cell_is_filled_when_the_field_also_has_a_placeholder(
    tmp_path: Path,
) -> None:
    def build(doc: DocumentObject) -> None:
        doc.add_paragraph("兹授权 {{applicant_name}} 使用 {{owner_name}} 的签名。")
        table = doc.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "授权方名称"
        table.cell(1, 0).text = "被授权方名称"

    out, result = fill(tmp_path, build)
    assert table_rows(out, 0)[0] == ["授权方名称", OWNER]
    assert table_rows(out, 0)[1][1].strip()  # the applicant's name too
    assert "letter.label_left_empty" not in {f.code for f in result.findings}
    body = docx.Document(str(out)).paragraphs[0].text
    assert OWNER in body and "{{" not in body


def test_a_cell_its_placeholder_filled_is_not_reported_as_occupied(tmp_path: Path) -> None:
    def build(doc: DocumentObject) -> None:
        table = doc.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "授权方名称"
        table.cell(0, 1).text = "{{owner_name}}"

    out, result = fill(tmp_path, build)
    assert table_rows(out, 0)[0] == ["授权方名称", OWNER]
    assert "letter.label_occupied" not in {f.code for f in result.findings}


def test_a_labelled_cell_left_empty_is_always_a_finding(tmp_path: Path) -> None:
    def build(doc: DocumentObject) -> None:
        table = doc.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "经办人"  # a field the authorization letter has no value for
        table.cell(1, 0).text = "签署日期"  # no signing date given: written by hand

    out, result = fill(tmp_path, build, signed_on="")
    found = {f.code: f for f in result.findings}
    assert "经办人" in found["letter.label_left_empty"].message
    assert found["letter.label_left_empty"].fix
    assert "letter.date_by_hand" in found
    assert table_rows(out, 0)[0][1] == ""  # nothing made up
