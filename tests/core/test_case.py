"""The case model and its JSON file: round trip, atomic save, and every load problem."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from assistant.core.findings import Severity, has_errors
from assistant.core.fsio import sha256_file
from assistant.core.model import (
    CASE_FORMAT,
    CASE_VERSION,
    Applicant,
    Attachment,
    Case,
    case_json,
    load_case,
    save_case,
)


def _full_case(tmp_path: Path) -> Case:
    photo = tmp_path / "files" / "license.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    case = Case(
        provider="alibaba",
        region=None,
        account="enterprise",
        purpose="others",
        type="company",
        signature_names=["云通信", "YunTong"],
        sign_type="verification",
        applicant=Applicant(name="深圳市代理科技有限公司", credit_code="91440300MA5DC1XX0X"),
        language="zh",
    )
    case.owner.name = "杭州云通信有限公司"
    case.owner.credit_code = "91330100MA27XL0E2Y"
    case.owner.legal_representative = "张三"
    case.remarks.description = "会员登录验证码"
    case.letter.valid_from = dt.date(2026, 1, 1)
    case.letter.valid_until = dt.date(2027, 12, 31)
    case.letter.risk_bearer = "杭州云通信有限公司"
    case.set_attachment("business_license", photo)
    return case


def _codes(findings):
    return [f.code for f in findings]


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    case = _full_case(tmp_path)
    path = tmp_path / "client.smscase.json"
    save_case(case, path)
    loaded, findings = load_case(path)
    assert findings == []
    assert loaded == case
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == CASE_FORMAT and data["version"] == CASE_VERSION
    assert data["attachments"][0]["path"] == "files/license.jpg"  # relative to the case file
    assert data["letter"]["valid_until"] == "2027-12-31"
    assert "云通信" in path.read_text(encoding="utf-8")  # readable, not \u-escaped


def test_to_dict_from_dict_and_stable_text(tmp_path: Path) -> None:
    case = _full_case(tmp_path)
    assert Case.from_dict(case.to_dict()) == case
    assert case_json(case, tmp_path) == case_json(Case.from_dict(case.to_dict()), tmp_path)


def test_paths_outside_the_case_folder_are_relative_and_resolve(tmp_path: Path) -> None:
    case = _full_case(tmp_path)
    sub = tmp_path / "cases"
    sub.mkdir()
    save_case(case, sub / "c.smscase.json")
    data = json.loads((sub / "c.smscase.json").read_text(encoding="utf-8"))
    assert data["attachments"][0]["path"] == "../files/license.jpg"
    loaded, findings = load_case(sub / "c.smscase.json")
    assert findings == [] and loaded is not None
    assert Path(loaded.attachments[0].path) == (tmp_path / "files" / "license.jpg").resolve()


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path, monkeypatch) -> None:
    case = _full_case(tmp_path)
    path = tmp_path / "c.smscase.json"
    save_case(case, path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    case.signature_names.append("另一个")
    with pytest.raises(OSError):
        save_case(case, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.smscase.json", "files"]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"{not json", "case.not_json"),
        (b"\xff\xfe\x00garbage", "case.not_utf8"),
        (b"[1, 2]", "case.not_a_case"),
        (b'{"format": "something-else", "version": 1}', "case.not_a_case"),
        (b'{"format": "sms-signature-case"}', "case.bad_version"),
        (b'{"format": "sms-signature-case", "version": "1"}', "case.bad_version"),
        (b'{"format": "sms-signature-case", "version": 99}', "case.newer_version"),
    ],
)
def test_unusable_files_give_one_clear_error(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.smscase.json"
    path.write_bytes(content)
    case, findings = load_case(path)
    assert case is None
    assert _codes(findings) == [code]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message


def test_missing_file(tmp_path: Path) -> None:
    case, findings = load_case(tmp_path / "nope.smscase.json")
    assert case is None and _codes(findings) == ["case.not_found"]


def test_every_field_problem_is_reported_and_the_rest_is_kept(tmp_path: Path) -> None:
    data = {
        "format": CASE_FORMAT,
        "version": 1,
        "provider": "tencent",
        "region": "mars",
        "account": 42,
        "purpose": "self",
        "type": "hologram",
        "signature_names": ["腾讯云", 7],
        "sign_type": "promotion",
        "remarks": {"domain": "example.com", "colour": "red"},
        "applicant": "ACME",
        "owner": {"name": "Owner Ltd", "credit_code": None},
        "letter": {"valid_from": "2026-13-01", "language": "zh"},
        "attachments": [
            {"document": "business_license", "path": "gone.jpg", "sha256": "00"},
            {"document": "passport", "path": "x.jpg"},
            {"document": "business_license"},
            "junk",
        ],
        "language": "fr",
        "extra": True,
    }
    path = tmp_path / "c.smscase.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    case, findings = load_case(path)
    assert case is not None
    codes = _codes(findings)
    subjects = {(f.code, f.subject) for f in findings}
    assert ("case.unknown_key", "extra") in subjects
    assert ("case.unknown_key", "remarks.colour") in subjects
    assert ("case.wrong_type", "account") in subjects
    assert ("case.wrong_type", "signature_names[1]") in subjects
    assert ("case.wrong_type", "applicant") in subjects
    assert ("case.wrong_type", "owner.credit_code") in subjects
    assert ("case.wrong_type", "attachments[3]") in subjects
    assert ("case.bad_date", "letter.valid_from") in subjects
    assert ("case.unknown_id", "region") in subjects
    assert ("case.unknown_id", "type") in subjects
    assert ("case.unknown_id", "sign_type") in subjects  # Tencent has no sign kinds
    assert ("case.unknown_id", "attachments[1].document") in subjects
    assert ("case.attachment_incomplete", "attachments[2]") in subjects
    assert ("case.attachment_missing", "attachments[0]") in subjects
    assert "case.unknown_language" in codes
    assert has_errors(findings)
    # what was fine is kept
    assert case.signature_names == ["腾讯云"]
    assert case.remarks.domain == "example.com"
    assert case.owner.name == "Owner Ltd"
    assert case.account == "enterprise"  # the default replaced the bad value
    assert case.language == "en"
    # the unknown-id message names the valid values
    region = next(f for f in findings if f.code == "case.unknown_id" and f.subject == "region")
    assert "mainland" in (region.fix or "")


def test_unknown_provider(tmp_path: Path) -> None:
    path = tmp_path / "c.smscase.json"
    path.write_text(json.dumps({"format": CASE_FORMAT, "version": 1, "provider": "aws"}))
    case, findings = load_case(path)
    assert case is not None and case.provider == "aws"
    assert [(f.code, f.subject) for f in findings] == [("case.unknown_id", "provider")]


def test_changed_and_moved_attachments(tmp_path: Path) -> None:
    case = _full_case(tmp_path)
    photo = Path(case.attachments[0].path)
    path = tmp_path / "c.smscase.json"
    save_case(case, path)

    photo.write_bytes(b"different content")
    _, findings = load_case(path)
    assert _codes(findings) == ["case.attachment_changed"]
    assert findings[0].severity is Severity.WARNING

    photo.unlink()
    _, findings = load_case(path)
    assert _codes(findings) == ["case.attachment_missing"]
    assert findings[0].severity is Severity.ERROR

    # moved next to the case file with the same content: found again, told so
    (tmp_path / "license.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    loaded, findings = load_case(path)
    assert _codes(findings) == ["case.attachment_relocated"]
    assert loaded is not None
    assert Path(loaded.attachments[0].path) == (tmp_path / "license.jpg").resolve()


def test_messages_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "c.smscase.json"
    path.write_text("{oops", encoding="utf-8")
    _, findings = load_case(path, lang="zh")
    assert "JSON" in findings[0].message and "第" in findings[0].message


def test_set_attachment_replaces_and_hashes(tmp_path: Path) -> None:
    a = tmp_path / "a.png"
    b = tmp_path / "b.png"
    a.write_bytes(b"a")
    b.write_bytes(b"b")
    case = Case()
    case.set_attachment("business_license", a)
    case.set_attachment("business_license", b)
    assert case.attachments == [Attachment("business_license", str(b.resolve()), sha256_file(b))]
    with pytest.raises(OSError):
        case.set_attachment("business_license", tmp_path / "missing.png")


def test_letter_signing_date_round_trips_and_reaches_the_letter(tmp_path: Path) -> None:
    import docx

    from assistant.core.letter import LetterInput, fill_letter

    case = _full_case(tmp_path)
    case.letter.signed_on = dt.date(2026, 11, 20)
    path = tmp_path / "client.smscase.json"
    save_case(case, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["letter"]["signed_on"] == "2026-11-20"
    loaded, findings = load_case(path)
    assert findings == [] and loaded == case
    assert loaded is not None and loaded.letter.signed_on == dt.date(2026, 11, 20)
    assert Case.from_dict(case.to_dict()) == case

    inp = LetterInput.from_case(loaded)
    assert inp.signed_on == "2026-11-20"
    out = tmp_path / "letter.docx"
    result = fill_letter(inp, out, today=dt.date(2026, 11, 21))
    assert result.output == out
    document = docx.Document(str(out))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "2026年11月20日" in body + cells
    assert "letter.date_by_hand" not in {f.code for f in result.findings}

    # no date: null in the file, a blank on the letter for the date written by hand
    case.letter.signed_on = None
    save_case(case, path)
    assert json.loads(path.read_text(encoding="utf-8"))["letter"]["signed_on"] is None
    again, _ = load_case(path)
    assert again is not None and again.letter.signed_on is None
    result = fill_letter(LetterInput.from_case(again), tmp_path / "blank.docx")
    assert "letter.date_by_hand" in {f.code for f in result.findings}


def test_letter_signing_date_is_a_known_key_and_checked(tmp_path: Path) -> None:
    base = {"format": CASE_FORMAT, "version": 1, "provider": "tencent"}
    path = tmp_path / "c.smscase.json"
    path.write_text(json.dumps({**base, "letter": {"signed_on": "2026-11-20"}}), encoding="utf-8")
    case, findings = load_case(path)
    assert case is not None and case.letter.signed_on == dt.date(2026, 11, 20)
    assert "case.unknown_key" not in _codes(findings)
    path.write_text(json.dumps({**base, "letter": {"signed_on": "2026-02-30"}}), encoding="utf-8")
    case, findings = load_case(path)
    assert case is not None and case.letter.signed_on is None
    assert ("case.bad_date", "letter.signed_on") in {(f.code, f.subject) for f in findings}
