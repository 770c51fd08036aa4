"""The case file format: version-1 files load forever, saving writes version 2, and hostile or
broken files give specific findings in bounded time — never a traceback or a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.model import (
    CASE_VERSION,
    Attachment,
    Case,
    case_json,
    load_case,
    parse_case,
    save_case,
)
from assistant.core.model.plain import schema_of

V1 = sorted((Path(__file__).parent / "data" / "case-v1").glob("*.smscase.json"))
SCHEMA_CODES = {"case.unknown_key", "case.wrong_type", "case.bad_date", "case.duplicate_key"}


def codes(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in findings]


def doc(**extra: object) -> dict[str, object]:
    return {"format": "sms-signature-case", "version": 1, "provider": "tencent", **extra}


def write(tmp_path: Path, data: object | str | bytes, name: str = "c.smscase.json") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False))
    return path


# --------------------------------------------------------------------------------------- versions
def test_there_are_version_1_examples() -> None:
    assert len(V1) >= 3
    assert all(json.loads(p.read_text())["version"] == 1 for p in V1)


@pytest.mark.parametrize("path", V1, ids=lambda p: p.name)
def test_every_version_1_example_loads_unchanged(path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    case, found = load_case(path)
    assert case is not None
    assert not SCHEMA_CODES & set(codes(found)), found
    for key in ("provider", "account", "purpose", "type", "signature_names", "language"):
        if key in original:
            assert getattr(case, key) == original[key]
    if "remarks" in original:
        assert case.remarks.description == original["remarks"]["description"]
    assert json.loads(path.read_text(encoding="utf-8")) == original  # the file is not rewritten


def test_saving_writes_the_current_version_and_round_trips(tmp_path: Path) -> None:
    case, _ = load_case(V1[0])
    assert case is not None
    out = tmp_path / "saved.smscase.json"
    save_case(case, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == CASE_VERSION == 2
    again, found = load_case(out)
    assert again is not None and not SCHEMA_CODES & set(codes(found))
    assert case_json(again, tmp_path) == out.read_text(encoding="utf-8")


def test_the_schema_is_derived_from_the_dataclasses() -> None:
    schema = schema_of(Case)
    assert schema["additionalProperties"] is False
    assert schema["properties"]["signature_names"] == {"type": "array", "items": {"type": "string"}}
    attachment = schema["properties"]["attachments"]["items"]
    assert attachment["required"] == ["document", "path"]
    assert schema["properties"]["letter"]["properties"]["valid_from"]["type"] == ["string", "null"]


# --------------------------------------------------------------------------------------- all at once
def test_every_problem_of_a_file_is_reported_in_one_run() -> None:
    data = doc(
        acount="individual",  # misspelt key
        purpose="other",  # misspelt value
        signature_names=["云朵科技", 7],
        remarks={"domain": 5, "domian": "x"},
        letter={"valid_from": "2026-02-30", "valid_until": "soon"},
        attachments=[{"document": "business_license"}, "nope"],
    )
    case, found = parse_case(data, verify_files=False)
    assert case is not None
    got = {(f.code, f.subject) for f in found}
    assert ("case.unknown_key", "acount") in got
    assert ("case.unknown_key", "remarks.domian") in got
    assert ("case.wrong_type", "signature_names[1]") in got
    assert ("case.wrong_type", "remarks.domain") in got
    assert ("case.bad_date", "letter.valid_from") in got
    assert ("case.bad_date", "letter.valid_until") in got
    assert ("case.attachment_incomplete", "attachments[0]") in got
    assert ("case.wrong_type", "attachments[1]") in got
    assert ("case.unknown_id", "purpose") in got
    by_subject = {f.subject: f for f in found}
    assert by_subject["acount"].fixed_value == "account"
    assert by_subject["remarks.domian"].fixed_value == "domain"
    assert by_subject["purpose"].fixed_value == "others"
    assert "others" in (by_subject["purpose"].fix or "")
    assert case.signature_names == ["云朵科技"] and case.remarks.domain == ""


def test_the_input_document_is_never_changed() -> None:
    data = doc(signature_names=[1, "a"], letter={"valid_from": "x"})
    before = json.dumps(data)
    parse_case(data, verify_files=False)
    assert json.dumps(data) == before


# --------------------------------------------------------------------------------------- hostile
@pytest.mark.parametrize(
    ("content", "code"),
    [
        (
            '{"format": "sms-signature-case", "version": 1, "n": ' + "9" * 5000 + "}",
            "case.number_too_long",
        ),
        ('{"format": "sms-signature-case", "version": 1, "n": NaN}', "case.bad_number"),
        ("[" * 100_000 + "]" * 100_000, "case.too_deep"),
        ('{"format": "sms-signature-case", "version": 1, "x": ' + "[" * 100_000, "case.too_deep"),
        (b"\xff\xfe{}", "case.not_utf8"),
        ('{"format": "sms-signature-case", "version": 1,', "case.not_json"),
    ],
    ids=["5000-digits", "nan", "deep", "deep-unclosed", "not-utf8", "truncated"],
)
def test_broken_files_give_their_finding(tmp_path: Path, content: str | bytes, code: str) -> None:
    case, found = load_case(write(tmp_path, content))
    assert case is None and codes(found) == [code]


def test_duplicate_keys_are_an_error_naming_the_key(tmp_path: Path) -> None:
    text = '{"format": "sms-signature-case", "version": 1, "provider": "tencent", "provider": "huawei"}'
    case, found = load_case(write(tmp_path, text))
    assert case is not None and case.provider == "huawei"
    dup = [f for f in found if f.code == "case.duplicate_key"]
    assert len(dup) == 1 and dup[0].subject == "provider" and dup[0].severity.value == "error"


@pytest.mark.parametrize(
    "path",
    ["files/a\x00b.jpg", "files/\ud800.jpg", "x/" * 3000 + "a.jpg"],
    ids=["nul", "surrogates", "too-long"],
)
def test_impossible_attachment_paths_are_findings(tmp_path: Path, path: str) -> None:
    data = doc(attachments=[{"document": "business_license", "path": path}])
    text = json.dumps(data)  # \u escapes keep NUL and surrogates in the JSON text
    case, found = load_case(write(tmp_path, text))
    assert case is not None and case.attachments == []
    assert "case.bad_path" in codes(found)
    assert all("\x00" not in f.message for f in found)


def test_odd_but_possible_paths_resolve(tmp_path: Path) -> None:
    data = doc(
        attachments=[
            {"document": "business_license", "path": "../../outside.jpg"},
            {"document": "authorization_letter", "path": "~/letter.jpg"},
        ]
    )
    case, _ = parse_case(data, tmp_path, verify_files=False)
    assert case is not None and len(case.attachments) == 2
    assert Path(case.attachments[0].path).is_absolute()
    assert case.attachments[1].path.startswith(str(Path.home()))


def test_a_file_name_that_is_not_utf8_round_trips(tmp_path: Path) -> None:
    name = os.fsdecode(b"files/lic\xff\xfe.jpg")  # Linux names are bytes: held as surrogates
    case = Case(signature_names=["云朵科技"])
    case.attachments.append(Attachment("business_license", str(tmp_path / name), "00"))
    out = tmp_path / "c.smscase.json"
    save_case(case, out)
    out.read_bytes().decode("utf-8")  # valid UTF-8
    again, found = load_case(out)
    assert again is not None and "case.bad_path" not in codes(found)
    assert again.attachments[0].path == str(tmp_path / name)


def test_a_fifo_is_never_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.smscase.json"
    os.mkfifo(fifo)
    case, found = load_case(fifo)  # would block forever if opened for a plain read
    assert case is None and codes(found) == ["case.not_regular"]


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom", "/proc/self/mem", "/"])
def test_devices_proc_and_folders_are_never_read(path: str) -> None:
    if not os.path.exists(path):
        pytest.skip(f"{path} does not exist on this system")
    case, found = load_case(path)
    assert case is None and codes(found) == ["case.not_regular"]


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.smscase.json"
    with path.open("wb") as fh:
        fh.truncate(9 << 20)  # sparse: costs no disk
    case, found = load_case(path)
    assert case is None and codes(found) == ["case.too_large"]


def test_a_missing_file_and_a_symlink_loop(tmp_path: Path) -> None:
    assert codes(load_case(tmp_path / "gone.smscase.json")[1]) == ["case.not_found"]
    loop = tmp_path / "loop.smscase.json"
    loop.symlink_to(loop)
    case, found = load_case(loop)
    assert case is None and codes(found) == ["case.unreadable"]


def test_an_attachment_that_is_a_fifo_or_device_never_hangs(tmp_path: Path) -> None:
    """Loading checks the attachments' digests: that must not read a FIFO or /dev/zero."""
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    data = doc(
        attachments=[
            {"document": "business_license", "path": "photo.jpg", "sha256": "00"},
            {"document": "authorization_letter", "path": "/dev/zero", "sha256": "00"},
        ]
    )
    code = (
        "import sys; from assistant.core.model import load_case\n"
        "case, found = load_case(sys.argv[1])\n"
        "print(sorted({f.code for f in found}))\n"
    )
    path = write(tmp_path, data)
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "case.attachment_missing" in result.stdout
