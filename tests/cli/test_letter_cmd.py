"""`sms-signature-assistant letter CASE --output letter.docx [--template T.docx]`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import docx
import pytest

from assistant.cli import main
from assistant.core.letter.checks import add_months

START = dt.date.today()
END = add_months(START, 24) - dt.timedelta(days=1)
OWNER = "深圳市云天科技有限公司"
APPLICANT = "杭州星河网络服务有限公司"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_json(path: Path, **over: Any) -> Path:
    data: dict[str, Any] = {
        "provider": "tencent",
        "signature_names": ["云天科技", "云天商城"],
        "owner": {
            "name": OWNER,
            "credit_code": "91440300MA5F8K2L2L",
            "legal_representative": "李明",
        },
        "applicant": {"name": APPLICANT, "credit_code": "91330106MA2H7Q4N98"},
        "letter": {
            "valid_from": START.isoformat(),
            "valid_until": END.isoformat(),
            "language": "zh",
        },
    }
    data.update(over)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def body_text(path: Path) -> str:
    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_plain_json_writes_the_letter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = write_json(tmp_path / "client.json")
    out = tmp_path / "letter.docx"
    code, stdout, _ = run(capsys, "letter", str(case), "--output", str(out))
    assert code == 0, stdout
    assert stdout.splitlines()[0] == f"{out}: written"
    assert "[letter.sign_and_seal]" in stdout
    text = body_text(out)
    assert OWNER in text and APPLICANT in text and "腾讯云" in text and "{{" not in text


def test_json_output_and_errors_give_exit_1_but_a_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = START + dt.timedelta(days=60)
    case = write_json(
        tmp_path / "c.json",
        provider="huawei",
        letter={
            "valid_from": START.isoformat(),
            "valid_until": short.isoformat(),
            "language": "en",
        },
    )
    out = tmp_path / "letter.docx"
    code, stdout, _ = run(
        capsys, "letter", str(case), "-o", str(out), "--format", "json", "--lang", "zh"
    )
    assert code == 1
    data = json.loads(stdout)
    assert set(data) == {"ok", "output", "placed", "findings"}
    assert data["ok"] is False and data["output"] == str(out) and out.is_file()
    (short_f,) = [f for f in data["findings"] if f["code"] == "letter.validity_too_short"]
    assert short_f["severity"] == "error" and "华为云" in short_f["message"]
    assert data["placed"]["owner_name"] >= 1
    assert "DECLARATION OF AUTHORISATION" in body_text(out)


def test_user_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl_doc = docx.Document()
    t = tpl_doc.add_table(rows=3, cols=2)
    for i, label in enumerate(("授权方", "被授权方", "有效期")):
        t.cell(i, 0).text = label
    tpl_doc.add_paragraph("签名：{{signature_names}}")
    tpl = tmp_path / "official.docx"
    tpl_doc.save(str(tpl))
    out = tmp_path / "letter.docx"
    code, stdout, _ = run(
        capsys,
        "letter",
        str(write_json(tmp_path / "c.json")),
        "-o",
        str(out),
        "--template",
        str(tpl),
    )
    assert "[letter.user_template]" in stdout
    assert "[letter.field_not_placed]" in stdout  # no place for the authorizer's credit code
    assert code == 0  # warnings only
    rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[0].rows]
    assert rows[0] == ["授权方", OWNER] and rows[1] == ["被授权方", APPLICANT]
    assert "签名：云天科技、云天商城" in body_text(out)


def test_plain_json_names_its_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``letter.template`` in a plain JSON: a bundled id, or a path relative to the JSON file."""
    tpl_doc = docx.Document()
    tpl_doc.add_paragraph("授权方：{{owner_name}} 签名：{{signature_names}}")
    (tmp_path / "own").mkdir()
    tpl_doc.save(str(tmp_path / "own" / "mine.docx"))
    letter = {"valid_from": START.isoformat(), "valid_until": END.isoformat(), "language": "zh"}
    for template, expected in (("en", "DECLARATION OF AUTHORISATION"), ("own/mine.docx", OWNER)):
        case = write_json(tmp_path / "c.json", letter={**letter, "template": template})
        out = tmp_path / f"letter-{len(template)}.docx"
        code, stdout, _ = run(capsys, "letter", str(case), "-o", str(out))
        assert code == 0, stdout
        assert expected in body_text(out)


def test_case_file_is_read_through_the_case_loader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.core.model import Case, save_case

    case = Case(provider="alibaba", purpose="others", signature_names=["云天科技"], language="zh")
    case.owner.name, case.owner.credit_code, case.owner.legal_representative = (
        OWNER,
        "91440300MA5F8K2L2L",
        "李明",
    )
    case.applicant.name, case.applicant.credit_code = APPLICANT, "91330106MA2H7Q4N98"
    case.letter.valid_from, case.letter.valid_until, case.letter.language = START, END, "zh"
    path = tmp_path / "client.smscase.json"
    save_case(case, path)
    out = tmp_path / "letter.docx"
    code, stdout, _ = run(capsys, "letter", str(path), "-o", str(out))
    assert code == 0, stdout
    assert "请打印授权书" in stdout  # the case's language
    assert "阿里云" in body_text(out)


def test_self_use_case_warns_that_no_letter_is_needed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.core.model import Case, save_case

    case = Case(provider="tencent", purpose="self", signature_names=["云天科技"])
    path = tmp_path / "self.smscase.json"
    save_case(case, path)
    code, stdout, _ = run(capsys, "letter", str(path), "-o", str(tmp_path / "l.docx"))
    assert code == 1  # and the parties are missing
    assert "[letter.purpose_not_others]" in stdout


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = write_json(tmp_path / "c.json")
    out = tmp_path / "letter.docx"
    code, _, err = run(capsys, "letter", str(tmp_path / "missing.json"), "-o", str(out))
    assert code == 2 and "no case file" in err
    code, _, err = run(
        capsys,
        "letter",
        str(case),
        "-o",
        str(tmp_path / "x.docx"),
        "--template",
        str(tmp_path / "no.docx"),
    )
    assert code == 2 and "no template file" in err
    code, _, _ = run(capsys, "letter", str(case))
    assert code == 2  # --output is required


def test_bad_json_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"provider": "tencent",', encoding="utf-8")
    code, stdout, _ = run(capsys, "letter", str(bad), "-o", str(tmp_path / "l.docx"))
    assert code == 1 and "NOT written" in stdout and "[letter.case_not_json]" in stdout
    bad.write_text('["not", "an", "object"]', encoding="utf-8")
    code, stdout, _ = run(capsys, "letter", str(bad), "-o", str(tmp_path / "l.docx"))
    assert code == 1 and "[letter.not_an_object]" in stdout
    assert not (tmp_path / "l.docx").exists()


def test_an_existing_output_is_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As export protects its bundle (the same check): the file and the flag named, nothing
    written, exit 1; --force replaces it."""
    case = write_json(tmp_path / "c.json")
    out = tmp_path / "letter.docx"
    out.write_bytes(b"old")
    code, stdout, _ = run(capsys, "letter", str(case), "-o", str(out))
    assert code == 1 and out.read_bytes() == b"old"
    assert f"{out}: NOT written" in stdout and "[bundle.exists]" in stdout
    assert f"{out} already exists; nothing was written." in stdout
    assert "add --force to replace it" in stdout
    code, stdout, _ = run(capsys, "letter", str(case), "-o", str(out), "--format", "json")
    data = json.loads(stdout)
    assert code == 1 and data["ok"] is False and data["output"] is None
    assert [f["code"] for f in data["findings"] if f["severity"] == "error"] == ["bundle.exists"]
    code, stdout, _ = run(capsys, "letter", str(case), "-o", str(out), "--force")
    assert code == 0, stdout
    assert OWNER in body_text(out)


def test_in_the_cases_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.core.model import Case, save_case

    case = Case(provider="tencent", purpose="others", signature_names=["云天科技"])
    case.language = "zh"
    path = tmp_path / "client.smscase.json"
    save_case(case, path)
    out = tmp_path / "授权书.docx"
    out.write_bytes(b"old")
    code, stdout, _ = run(capsys, "letter", str(path), "-o", str(out))
    assert code == 1 and out.read_bytes() == b"old"
    assert f"{out} 已存在，未写入任何内容。" in stdout and "加上 --force 覆盖" in stdout


def test_never_over_its_inputs_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.core.model import Case, save_case

    case = write_json(tmp_path / "c.json")
    before = case.read_bytes()
    code, stdout, _ = run(capsys, "letter", str(case), "-o", str(case), "--force")
    assert code == 1 and "[bundle.output_is_input]" in stdout and case.read_bytes() == before
    template = tmp_path / "mine.docx"
    run(capsys, "letter", str(case), "-o", str(template))
    kept = template.read_bytes()
    code, stdout, _ = run(
        capsys, "letter", str(case), "-o", str(template), "--template", str(template), "--force"
    )
    assert code == 1 and "[bundle.output_is_input]" in stdout and template.read_bytes() == kept
    # a case file's attachments
    scan = tmp_path / "licence.png"
    scan.write_bytes(b"\x89PNG not really")
    with_scan = Case(provider="tencent", purpose="others", signature_names=["云天科技"])
    with_scan.set_attachment("business_license", scan)
    path = tmp_path / "client.smscase.json"
    save_case(with_scan, path)
    code, stdout, _ = run(capsys, "letter", str(path), "-o", str(scan), "--force")
    assert code == 1 and "[bundle.output_is_input]" in stdout
    assert scan.read_bytes() == b"\x89PNG not really"


def test_never_over_a_folder_or_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = write_json(tmp_path / "c.json")
    folder = tmp_path / "out.docx"
    folder.mkdir()
    code, stdout, _ = run(capsys, "letter", str(case), "-o", str(folder), "--force")
    assert code == 1 and "[bundle.output_not_regular]" in stdout and folder.is_dir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.docx"
    link.symlink_to(target)
    code, stdout, _ = run(capsys, "letter", str(case), "-o", str(link), "--force")
    assert code == 1 and "[bundle.output_not_regular]" in stdout
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep"
    code, stdout, _ = run(capsys, "letter", str(case), "-o", str(tmp_path / "no" / "l.docx"))
    assert code == 1 and "[bundle.no_folder]" in stdout
