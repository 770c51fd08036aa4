"""The commitment letter (合规使用承诺函) of a qualification: checks, bundled templates, the user's
own template, QR payload."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from assistant.core.evidence.letter_qr import case_key, decode_payload, fields_digest
from assistant.core.findings import Severity
from assistant.core.letter import (
    CommitmentInput,
    check_commitment,
    commitment_payload,
    fill_commitment_letter,
)
from assistant.core.letter.commitment import commitment_fields
from assistant.core.letter.document import template_path

TODAY = dt.date(2026, 11, 22)
OWNER = "深圳市云天科技有限公司"
CODE = "91440300MA5F8K2L2L"


def commitment(**over: object) -> CommitmentInput:
    inp = CommitmentInput(
        provider="tencent",
        owner_name=OWNER,
        owner_credit_code=CODE,
        legal_representative="李明",
        handler_name="王芳",
        language="zh",
    )
    return replace(inp, **over)  # type: ignore[arg-type]


def text_of(path: Path) -> str:
    doc = docx.Document(str(path))
    body = "".join(t.text or "" for t in doc.element.body.iter(docx.oxml.ns.qn("w:t")))
    footer = "".join(p.text for p in doc.sections[0].footer.paragraphs)
    return body + "\n" + footer


def codes(findings: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {f.code + "@" + str(f.subject): f.severity.value for f in findings}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_bundled_letter_is_filled_in_both_languages(tmp_path: Path, language: str) -> None:
    inp = commitment(language=language, signed_on="2026-11-20")
    out = tmp_path / "commitment.docx"
    result = fill_commitment_letter(inp, out, lang="en", today=TODAY)
    assert result.ok, [f.to_dict() for f in result.findings]
    text = text_of(out)
    assert "{{" not in text
    for value in (OWNER, CODE, "李明", "王芳", commitment_payload(inp)):
        assert value in text
    if language == "zh":
        assert "合 规 使 用 承 诺 函" in text and "致：腾讯云" in text and "2026年11月20日" in text
        assert (
            "法定代表人（签字）" in text and "经办人（签字）" in text and "承诺方（盖章）" in text
        )
    else:
        assert "LETTER OF COMMITMENT" in text and "To: Tencent Cloud" in text
        assert "20 November 2026" in text and "Handler (signature)" in text
    assert result.placed["letter_qr"] == 1
    note = next(f for f in result.findings if f.code == "letter.commit_sign_and_seal")
    assert "李明" in note.message and "王芳" in note.message and OWNER in note.message


def test_payload_is_a_commit_payload_of_the_filled_fields() -> None:
    inp = commitment()
    qr = decode_payload(commitment_payload(inp))
    assert qr is not None and qr.kind == "commit" and qr.document == "commitment_letter"
    assert qr.case_key == case_key("tencent", CODE, "")
    assert qr.digest == fields_digest(commitment_fields(inp))
    # the same values written differently give the same digest; another value another one
    same = commitment(owner_credit_code=" 91440300ma5f8k2l2l ", handler_name="王芳 ")
    assert decode_payload(commitment_payload(same)) == qr
    other = decode_payload(commitment_payload(commitment(handler_name="赵强")))
    assert other is not None and other.digest != qr.digest


def test_checks_name_each_missing_or_wrong_field() -> None:
    found = codes(check_commitment(CommitmentInput(provider="alibaba"), today=TODAY))
    assert found["letter.missing@commitment.owner_name"] == "error"
    assert found["letter.missing@commitment.owner_credit_code"] == "error"
    assert found["letter.missing@commitment.legal_representative"] == "warning"
    assert found["letter.missing@commitment.handler_name"] == "warning"

    wrong = commitment(owner_credit_code="91440300MA5F8K2L2X", signed_on="2026-13-01")
    found = codes(check_commitment(wrong, today=TODAY))
    assert any(c.endswith("@commitment.owner_credit_code") for c in found)
    assert found["letter.date_invalid@commitment.signed_on"] == "error"
    future = codes(check_commitment(commitment(signed_on="2026-12-31"), today=TODAY))
    assert future["letter.signed_in_future@commitment.signed_on"] == "warning"
    symbols = codes(check_commitment(commitment(owner_name="云天科技@有限公司"), today=TODAY))
    assert "letter.party_name_symbols@commitment.owner_name" in symbols
    assert codes(check_commitment(commitment(provider="qiniu"))) == {
        "letter.provider_unknown@provider": "error"
    }
    assert check_commitment(commitment(), today=TODAY) == []


def test_missing_signers_leave_lines_to_write_on(tmp_path: Path) -> None:
    out = tmp_path / "c.docx"
    result = fill_commitment_letter(
        commitment(legal_representative="", handler_name=""), out, lang="zh", today=TODAY
    )
    assert result.output == out
    rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[0].rows]
    assert rows[2][2].startswith("____") and rows[3][2].startswith("____")
    # the checks said so already: no second finding about the blanks
    assert not [f for f in result.findings if f.code == "letter.value_blank"]
    assert "letter.date_by_hand" in {f.code for f in result.findings}


def test_a_users_own_template_with_labels_and_placeholders(tmp_path: Path) -> None:
    own = docx.Document()
    table = own.add_table(rows=3, cols=2)
    for i, label in enumerate(("承诺单位", "统一社会信用代码", "经办人")):
        table.cell(i, 0).text = label
    own.add_paragraph("法定代表人（签字）：")
    own.add_paragraph("致 {{provider}}：本单位承诺合规使用短信服务。{{applicant_name}}")
    own.save(str(tmp_path / "own.docx"))
    out = tmp_path / "out.docx"
    result = fill_commitment_letter(commitment(), out, tmp_path / "own.docx", lang="en")
    rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[0].rows]
    assert rows == [["承诺单位", OWNER], ["统一社会信用代码", CODE], ["经办人", "王芳"]]
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs[0] == "法定代表人（签字）：" and "致 腾讯云：" in paragraphs[1]
    unknown = next(f for f in result.findings if f.code == "letter.placeholder_unknown")
    assert "{{applicant_name}}" in unknown.message  # the authorization letter's, not this one's
    assert "applicant_name" not in (unknown.fix or "") and "handler_name" in (unknown.fix or "")
    assert "letter.user_template" in {f.code for f in result.findings}


def test_a_template_without_the_owner_reports_it(tmp_path: Path) -> None:
    own = docx.Document()
    own.add_paragraph("本单位承诺合规使用短信服务。经办人：{{handler_name}}")
    own.save(str(tmp_path / "bare.docx"))
    result = fill_commitment_letter(commitment(), tmp_path / "o.docx", tmp_path / "bare.docx")
    missing = {f.subject for f in result.findings if f.code == "letter.field_not_placed"}
    assert missing == {"commitment.owner_name", "commitment.owner_credit_code"}
    assert all(
        f.severity is Severity.WARNING
        for f in result.findings
        if f.code == "letter.field_not_placed"
    )


def test_bundled_ids_and_reproducible_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    fill_commitment_letter(
        commitment(language="en", template="commitment-letter.en"), a, today=TODAY
    )
    fill_commitment_letter(commitment(language="en"), b, template_path("en", "commit"), today=TODAY)
    assert a.read_bytes() == b.read_bytes()
    assert "LETTER OF COMMITMENT" in text_of(a)


def test_hostile_templates_are_cleaned_for_this_letter_too(tmp_path: Path) -> None:
    from tests.core.test_letter_hostile import macro_template

    (tmp_path / "m.docm").write_bytes(macro_template())
    result = fill_commitment_letter(commitment(), tmp_path / "o.docx", tmp_path / "m.docm")
    assert "letter.template_active_removed" in {f.code for f in result.findings}
