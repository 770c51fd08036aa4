"""The submission bundle: contents, manifest hashes, payloads, determinism, refusal, atomicity,
overwrite protection, fixed attachments, batch and demo."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from assistant.core import bundle
from assistant.core.bundle import INCOMPLETE, TO_FILL, sample_case, write_sample_images
from assistant.core.bundle import export as export_mod
from assistant.core.fsio import sha256_file
from assistant.core.model import load_case, save_case
from assistant.render import checklist_pdf_bytes

DAY = dt.date(2026, 3, 2)


# the CLI and the GUI hand the core the Qt renderer of the checklist; so do these tests
def export_case(*args, **kwargs):  # type: ignore[no-untyped-def]
    return bundle.export_case(*args, render_checklist=checklist_pdf_bytes, **kwargs)


def export_batch(*args, **kwargs):  # type: ignore[no-untyped-def]
    return bundle.export_batch(*args, render_checklist=checklist_pdf_bytes, **kwargs)


def write_demo(*args, **kwargs):  # type: ignore[no-untyped-def]
    return bundle.write_demo(*args, render_checklist=checklist_pdf_bytes, **kwargs)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_sample_images(tmp_path_factory.mktemp("samples"))


def make_case(folder: Path, samples: dict[str, Path], **changes: object) -> Path:
    """A complete Tencent case on behalf of a client, with its files next to it."""
    folder.mkdir(parents=True, exist_ok=True)
    files = folder / "files"
    files.mkdir(exist_ok=True)
    for doc, src in samples.items():
        shutil.copy(src, files / f"{doc}.jpg")
    case = sample_case("en", dt.date.today())
    case.remarks.description = "会员注册与登录验证码"
    case.letter.valid_until = dt.date.today().replace(year=dt.date.today().year + 2)
    for key, value in changes.items():
        setattr(case, key, value)
    case.set_attachment("business_license", files / "business_license.jpg")
    case.set_attachment("authorization_letter", files / "authorization_letter.jpg")
    path = folder / "client.smscase.json"
    save_case(case, path)
    return path


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_bundle_contents_and_manifest(tmp_path: Path, samples: dict[str, Path]) -> None:
    case_path = make_case(tmp_path / "c", samples)
    originals = {p: sha256_file(p) for p in (tmp_path / "c" / "files").iterdir()}
    out = tmp_path / "bundle.zip"
    result = export_case(case_path, out, prepared_on=DAY)
    assert result.ok, [f.to_dict() for f in result.findings]
    assert result.output == out and not result.incomplete
    content = _zip(out)
    assert set(content) == {
        "manifest.json",
        "README.txt",
        "files/01-authorization-letter.jpg",
        "files/02-business-license.jpg",
        "letter/authorization-letter.docx",
        "checklist.pdf",
        "api/tencent-AddSmsSign-1.json",
    }
    manifest = json.loads(content["manifest.json"])
    assert manifest["format"] == "sms-signature-bundle"
    assert manifest["status"] == "complete"
    assert manifest["prepared_on"] == DAY.isoformat()
    assert manifest["program"]["version"]
    assert manifest["rule_packs"]["tencent"]
    assert manifest["case"]["signature_names"] == ["云朵科技"]
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(content) - {"manifest.json"}
    for name, entry in listed.items():
        assert entry["sha256"] == hashlib.sha256(content[name]).hexdigest(), name
        assert entry["size"] == len(content[name])
    assert listed["files/02-business-license.jpg"]["document"] == "business_license"
    assert listed["files/02-business-license.jpg"]["role"] == "attachment"
    # the letter is a real .docx with the parties filled in
    import docx

    doc = docx.Document(__import__("io").BytesIO(content["letter/authorization-letter.docx"]))
    body = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    assert "杭州云朵科技有限公司" in body and "云朵科技" in body
    assert content["checklist.pdf"].startswith(b"%PDF")
    readme = content["README.txt"].decode("utf-8")
    assert "files/02-business-license.jpg" in readme and "QualificationId" in readme
    # originals untouched
    assert {p: sha256_file(p) for p in originals} == originals
    # the JSON summary has what --format json prints
    summary = result.to_dict()
    assert set(summary) >= {"ok", "output", "findings", "files"}


def test_tencent_payload(tmp_path: Path, samples: dict[str, Path]) -> None:
    result = export_case(make_case(tmp_path / "c", samples), tmp_path / "b.zip", prepared_on=DAY)
    content = _zip(tmp_path / "b.zip")
    payload = json.loads(content["api/tencent-AddSmsSign-1.json"])
    assert payload["SignName"] == "云朵科技"
    assert payload["SignType"] == 0 and payload["DocumentType"] == 1
    assert payload["International"] == 0 and payload["SignPurpose"] == 1
    assert not payload["ProofImage"].startswith("data:")
    assert base64.b64decode(payload["ProofImage"]) == content["files/02-business-license.jpg"]
    assert (
        base64.b64decode(payload["CommissionImage"]) == content["files/01-authorization-letter.jpg"]
    )
    assert payload["QualificationId"].startswith(TO_FILL)
    manifest = json.loads(content["manifest.json"])
    assert {"file": "api/tencent-AddSmsSign-1.json", "field": "QualificationId"}.items() <= (
        manifest["to_fill"][0].items()
    )
    assert result.ok


def test_export_is_deterministic(tmp_path: Path, samples: dict[str, Path]) -> None:
    case_path = make_case(tmp_path / "c", samples)
    a = export_case(case_path, tmp_path / "a.zip", prepared_on=DAY)
    b = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY)
    assert a.ok and b.ok
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_errors_block_the_export_and_write_nothing(
    tmp_path: Path, samples: dict[str, Path]
) -> None:
    case_path = make_case(tmp_path / "c", samples, signature_names=["测试"])
    out = tmp_path / "b.zip"
    result = export_case(case_path, out, prepared_on=DAY)
    assert not result.ok and result.output is None
    assert "name.test_word" in {f.code for f in result.findings}
    assert list(tmp_path.glob("*.zip")) == []

    result = export_case(case_path, out, prepared_on=DAY, allow_incomplete=True)
    assert result.incomplete and not result.ok
    assert result.output == tmp_path / f"b-{INCOMPLETE}.zip" and result.output.is_file()
    manifest = json.loads(_zip(result.output)["manifest.json"])
    assert manifest["status"] == INCOMPLETE
    assert any(f["code"] == "name.test_word" for f in manifest["findings"])
    assert INCOMPLETE in _zip(result.output)["README.txt"].decode("utf-8")


def test_missing_document_blocks(tmp_path: Path, samples: dict[str, Path]) -> None:
    case_path = make_case(tmp_path / "c", samples)
    case, _ = load_case(case_path)
    assert case is not None
    case.remove_attachment("business_license")
    save_case(case, case_path)
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY)
    assert not result.ok
    assert "case.document_missing" in {f.code for f in result.findings}


def test_overwrite_protection(tmp_path: Path, samples: dict[str, Path]) -> None:
    case_path = make_case(tmp_path / "c", samples)
    out = tmp_path / "b.zip"
    out.write_bytes(b"precious")
    result = export_case(case_path, out, prepared_on=DAY)
    assert not result.ok and [f.code for f in result.findings] == ["bundle.exists"]
    assert out.read_bytes() == b"precious"
    # --force replaces only a bundle of ours (#19), never someone's file of the same name
    result = export_case(case_path, out, prepared_on=DAY, force=True)
    errors = [f.code for f in result.findings if f.severity.value == "error"]
    assert not result.ok and result.output is None and errors == ["bundle.not_ours"]
    assert out.read_bytes() == b"precious"
    out.unlink()
    assert export_case(case_path, out, prepared_on=DAY).ok
    first = out.read_bytes()
    result = export_case(case_path, out, prepared_on=DAY, force=True)
    assert result.ok and zipfile.is_zipfile(out) and out.read_bytes() == first


def test_atomic_no_partial_file(tmp_path: Path, samples: dict[str, Path], monkeypatch) -> None:
    case_path = make_case(tmp_path / "c", samples)
    out = tmp_path / "b.zip"

    def killed(path, files, when):
        Path(path).write_bytes(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_mod, "write_zip", killed)
    result = export_case(case_path, out, prepared_on=DAY)
    assert not result.ok
    assert "bundle.write_failed" in {f.code for f in result.findings}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]


def test_too_large_photo_is_fixed_in_the_bundle(tmp_path: Path, samples: dict[str, Path]) -> None:
    case_path = make_case(tmp_path / "c", samples, provider="alibaba", region=None, type="company")
    case, _ = load_case(case_path)
    assert case is not None
    big = tmp_path / "c" / "files" / "big.jpg"
    Image.effect_noise((2600, 1900), 90).convert("RGB").save(big, quality=97)
    assert big.stat().st_size > 2 * 1024 * 1024
    before = sha256_file(big)
    case.set_attachment("business_license", big)
    save_case(case, case_path)
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY)
    assert result.ok, [f.to_dict() for f in result.findings]
    entry = next(f for f in result.files if f.get("document") == "business_license")
    assert entry["size"] <= 2 * 1024 * 1024
    assert "file.too_large" in entry["fixes"]
    assert sha256_file(big) == before
    content = _zip(tmp_path / "b.zip")
    assert {
        "api/alibaba-CreateSmsSign-1.json",
        "api/alibaba-CreateSmsAuthorizationLetter.json",
    } <= set(content)
    letter = json.loads(content["api/alibaba-CreateSmsAuthorizationLetter.json"])
    assert letter["Authorization"] == "杭州云朵科技有限公司"
    assert letter["SignList"] == ["云朵科技"]
    assert "~" in letter["AuthorizationLetterExpDate"]
    sign = json.loads(content["api/alibaba-CreateSmsSign-1.json"])
    assert sign["ThirdParty"] is True and sign["SignSource"] == 0
    legacy = json.loads(content["api/alibaba-AddSmsSign-legacy-1.json"])
    suffixes = {f["FileSuffix"] for f in legacy["SignFileList"]}
    assert suffixes == {"jpg"}


def test_huawei_payload(tmp_path: Path, samples: dict[str, Path]) -> None:
    case_path = make_case(tmp_path / "c", samples, provider="huawei", region=None)
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY)
    content = _zip(tmp_path / "b.zip")
    payload = json.loads(content["api/huawei-CreateSignature-1.json"])
    assert payload["signature_name"] == "云朵科技"
    assert payload["is_involved_third"] == "Yes"
    assert payload["signature_type"] == "VERIFY_CODE_TYPE"
    assert payload["power_attorney_fileid"].startswith(TO_FILL)
    assert result.output is not None


def test_unreadable_case_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "x.smscase.json"
    path.write_text("{", encoding="utf-8")
    result = export_case(path, tmp_path / "b.zip")
    assert not result.ok and result.case is None
    assert [f.code for f in result.findings] == ["case.not_json"]


def test_batch_with_a_broken_case(tmp_path: Path, samples: dict[str, Path]) -> None:
    cases = tmp_path / "cases"
    make_case(cases / "acme", samples)
    make_case(cases / "beta", samples, signature_names=["test"])
    (cases / "broken.smscase.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    result = export_batch(cases, out, prepared_on=DAY)
    status = {str(Path(r.case_file).relative_to(cases)): r.status for r in result.rows}
    assert status == {
        "acme/client.smscase.json": "ok",
        "beta/client.smscase.json": "blocked",
        "broken.smscase.json": "broken",
    }
    assert not result.ok
    assert sorted(p.name for p in out.iterdir()) == ["acme-client.zip", "summary.csv"]
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert set(rows[0]) == {
        "case_file",
        "client",
        "signature",
        "status",
        "bundle",
        "blocking_problems",
    }
    assert [r["status"] for r in rows] == ["ok", "blocked", "broken"]
    assert rows[0]["client"] == "杭州云朵科技有限公司" and rows[0]["signature"] == "云朵科技"
    assert rows[0]["blocking_problems"] == ""
    assert "test" in rows[1]["blocking_problems"].lower()
    assert "JSON" in rows[2]["blocking_problems"]


def test_batch_exports_every_good_case(tmp_path: Path, samples: dict[str, Path]) -> None:
    cases = tmp_path / "cases"
    make_case(cases / "a", samples)
    make_case(cases / "b", samples, signature_names=["云朵"])
    (cases / "zz-broken.smscase.json").write_bytes(b"\x00\x01")
    result = export_batch(cases, tmp_path / "out", prepared_on=DAY)
    by_status = sorted(r.status for r in result.rows)
    assert by_status == ["broken", "ok", "ok"]
    assert len(list((tmp_path / "out").glob("*.zip"))) == 2


def test_demo(tmp_path: Path) -> None:
    case_path, result = write_demo(tmp_path / "demo", lang="en")
    assert case_path.is_file()
    assert result.ok and result.output is not None and result.output.is_file()
    _, again = write_demo(tmp_path / "demo", lang="en")
    assert not again.ok and [f.code for f in again.findings] == ["bundle.exists"]
