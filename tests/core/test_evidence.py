"""Reading the documents (issue #13) on the generated corpus: every mismatch, watermark, missing
seal / signature / date and altered letter is found, with no error on the clean ones, and an
unreadable picture gives "could not read", never an accusation.

Needs the ``ocr`` extra; OCR takes about a second per picture on two cores, so every file is read
once per session (``results``) and the tests look at the results.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rapidocr", reason="the ocr extra is not installed (pip install -e '.[ocr]')")
pytest.importorskip("cv2", reason="the ocr extra is not installed (pip install -e '.[ocr]')")
pytest.importorskip("zxingcpp", reason="the ocr extra is not installed (pip install -e '.[ocr]')")

from assistant.core.evidence import Evidence, check_document
from assistant.core.findings import Severity
from assistant.core.model import Case, parse_case
from tests.core import evidence_corpus as corpus

if corpus.font_path() is None:
    pytest.skip("no CJK font to draw the corpus with", allow_module_level=True)

TODAY = dt.date(2026, 12, 1)

# name -> the error codes it must give (exactly: anything more is a false alarm)
EXPECTED_ERRORS: dict[str, set[str]] = {
    "licence_clean": set(),
    "licence_angle": set(),
    "licence_scan_pdf": set(),
    "licence_compliant_watermark": set(),
    "licence_unreadable": set(),
    "licence_other_name": {"evidence.mismatch"},
    "licence_other_code": {"evidence.mismatch"},
    "licence_other_person": {"evidence.mismatch"},
    "licence_bank_watermark": {"evidence.watermark_other_use"},
    "licence_expiring": {"evidence.expires_in_review"},
    "letter_clean": set(),
    "letter_own_template": set(),
    "letter_black_white": set(),
    "letter_no_seal": {"evidence.letter_no_seal"},
    "letter_unsigned": {"evidence.letter_no_signature"},
    "letter_undated": {"evidence.letter_no_date"},
    "letter_changed_date": {"evidence.letter_changed"},
    "letter_added_clause": {"evidence.letter_added_text"},
    "letter_other_case": {"evidence.letter_other_case"},
    "letter_outdated": {"evidence.letter_differs"},
}


@pytest.fixture(scope="session")
def case() -> Case:
    parsed, findings = parse_case(corpus.CASE_DATA, verify_files=False)
    assert parsed is not None, findings
    return parsed


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return corpus.build(tmp_path_factory.mktemp("evidence"))


@pytest.fixture(scope="session")
def results(files: dict[str, Path], case: Case) -> dict[str, Evidence]:
    out = {}
    for name, path in files.items():
        doc = "authorization_letter" if name.startswith("letter") else "business_license"
        out[name] = check_document(path, "tencent", doc, case, "en", today=TODAY)
    return out


def codes(ev: Evidence, severity: Severity | None = None) -> set[str]:
    return {f.code for f in ev.findings if severity is None or f.severity is severity}


def test_corpus_is_complete(files: dict[str, Path]) -> None:
    assert set(files) == set(EXPECTED_ERRORS)


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_each_document_gives_its_finding_and_no_false_alarm(
    name: str, results: dict[str, Evidence]
) -> None:
    ev = results[name]
    assert codes(ev, Severity.ERROR) == EXPECTED_ERRORS[name], [f.message for f in ev.findings]


def test_clean_licence_is_read(results: dict[str, Evidence]) -> None:
    for name in ("licence_clean", "licence_angle", "licence_scan_pdf"):
        read = results[name].read
        assert read["name"] == corpus.OWNER["name"], name
        assert read["credit_code"] == corpus.OWNER["credit_code"], name
        assert read["legal_representative"] == corpus.OWNER["legal_representative"], name
        assert read["valid_until"] == "long-term" and read["watermark"] is None, name
        assert results[name].kind == "certificate"
    assert results["licence_clean"].read["type"] == "有限责任公司(自然人独资)"


def test_mismatch_shows_both_values_and_offers_the_licence_value(
    results: dict[str, Evidence],
) -> None:
    cases = {
        "licence_other_name": ("owner.name", "杭州云朵网络科技有限公司"),
        "licence_other_code": ("owner.credit_code", "91110108MA01W8XK2X"),
        "licence_other_person": ("owner.legal_representative", "李四"),
    }
    for name, (subject, value) in cases.items():
        [f] = [f for f in results[name].findings if f.code == "evidence.mismatch"]
        assert f.subject == subject and f.fixed_value == value
        assert value in f.message and value in (f.fix or "")


def test_watermarks(results: dict[str, Evidence]) -> None:
    bank = results["licence_bank_watermark"]
    assert bank.read["watermark"] == "仅供招商银行开户使用"
    [f] = [f for f in bank.findings if f.code == "evidence.watermark_other_use"]
    assert "仅供云通信备案使用" in (f.fix or "") and f.source == "derived"
    ok = results["licence_compliant_watermark"]
    assert ok.read["watermark"] == corpus.COMPLIANT_WATERMARK
    assert "evidence.watermark_ok" in codes(ok, Severity.INFO)


def test_expiring_licence_names_the_date(results: dict[str, Evidence]) -> None:
    ev = results["licence_expiring"]
    assert ev.read["valid_until"] == "2026-12-10"
    assert any("2026-12-10" in f.message for f in ev.findings)


def test_unreadable_picture_says_so(results: dict[str, Evidence]) -> None:
    ev = results["licence_unreadable"]
    assert codes(ev) <= {"evidence.nothing_read", "evidence.not_recognised"}
    assert codes(ev) and all(f.severity is Severity.INFO for f in ev.findings)
    assert all(v is None for v in ev.read.values())


def test_letters_are_recognised_and_read(results: dict[str, Evidence]) -> None:
    for name in ("letter_clean", "letter_no_seal", "letter_changed_date"):
        ev = results[name]
        assert ev.kind == "letter" and ev.document == "authorization_letter"
        assert "evidence.letter_ours" in codes(ev)
        assert ev.read["credit_code"] == corpus.OWNER["credit_code"]
    assert results["letter_clean"].read["valid_until"] == "2027-11-30"
    assert results["letter_changed_date"].read["valid_until"] == "2029-11-30"
    own = results["letter_own_template"]
    assert "letter_qr" not in own.read and "evidence.letter_ours" not in codes(own)


def test_changed_letter_shows_what_changed(results: dict[str, Evidence]) -> None:
    [f] = [f for f in results["letter_changed_date"].findings if f.severity is Severity.ERROR]
    assert "2029年11月30日" in f.message and "2027年11月30日" in f.message
    [f] = [f for f in results["letter_added_clause"].findings if f.severity is Severity.ERROR]
    assert "关联公司" in f.message


def test_outdated_letter_is_a_warning_plus_the_difference(results: dict[str, Evidence]) -> None:
    ev = results["letter_outdated"]
    assert "evidence.letter_outdated" in codes(ev, Severity.WARNING)
    assert "evidence.letter_changed" not in codes(ev)


def test_black_and_white_letter_cannot_confirm_the_seal(results: dict[str, Evidence]) -> None:
    assert "evidence.letter_black_white" in codes(results["letter_black_white"], Severity.WARNING)


def test_without_a_case_the_file_is_still_read(files: dict[str, Path]) -> None:
    ev = check_document(files["licence_other_name"], "tencent", None, None, "zh", today=TODAY)
    assert ev.kind == "certificate" and ev.read["name"] == "杭州云朵网络科技有限公司"
    assert codes(ev, Severity.ERROR) == set()  # nothing to compare with
    letter = check_document(files["letter_unsigned"], "tencent", None, None, "zh", today=TODAY)
    assert letter.kind == "letter"
    assert codes(letter, Severity.ERROR) == {"evidence.letter_no_signature"}
    assert any("签字" in f.message for f in letter.findings)


def test_results_are_cached_per_file_and_case(files: dict[str, Path], case: Case) -> None:
    first = check_document(files["licence_clean"], "tencent", "business_license", case, today=TODAY)
    again = check_document(files["licence_clean"], "tencent", "business_license", case, today=TODAY)
    assert first is again


def test_cancel_stops_reading(files: dict[str, Path]) -> None:
    ev = check_document(
        files["letter_clean"],
        "huawei",
        "authorization_letter",
        None,
        today=TODAY,
        cancelled=lambda: True,
    )
    assert ev.cancelled and codes(ev) == {"evidence.cancelled"} and not ev.ok


def test_hostile_files_give_findings(tmp_path: Path) -> None:
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    for path in (junk, text, tmp_path / "gone.jpg", tmp_path):
        ev = check_document(path, "alibaba", "business_license", None, today=TODAY)
        assert codes(ev) == {"evidence.unreadable"}, path


def _vector_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(595, 842)
    with path.open("wb") as fh:
        w.write(fh)
    return path


def test_pdf_without_a_scan(tmp_path: Path) -> None:
    ev = check_document(_vector_pdf(tmp_path / "drawn.pdf"), "tencent", None, None, today=TODAY)
    assert codes(ev) == {"evidence.no_scan"}


def test_read_keys_always_present(results: dict[str, Any]) -> None:
    from assistant.core.evidence import READ_KEYS

    for ev in results.values():
        assert set(READ_KEYS) <= set(ev.read)


def test_check_file_reads_and_compares_with_a_case(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from assistant.cli import main

    data = {
        **corpus.CASE_DATA,
        "attachments": [{"document": "business_license", "path": str(files["licence_other_name"])}],
    }
    case_file = tmp_path / "client.smscase.json"
    case_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    argv = ["check-file", "--provider", "tencent", "--format", "json", "--case", str(case_file)]
    code = main([*argv, str(files["licence_other_name"]), str(files["licence_bank_watermark"])])
    other, bank = json.loads(capsys.readouterr().out)
    assert code == 1
    assert other["read"]["name"] == "杭州云朵网络科技有限公司"
    assert [f["fixed_value"] for f in other["findings"] if f["code"] == "evidence.mismatch"] == [
        "杭州云朵网络科技有限公司"
    ]
    assert bank["read"]["watermark"] == "仅供招商银行开户使用"
    assert set(bank["read"]) >= {"name", "credit_code", "legal_representative", "valid_until"}


def test_review_area_reads_the_attachments_when_enabled(files: dict[str, Path]) -> None:
    from assistant.core.review import check_case
    from assistant.core.review.areas import evidence as area

    data = {
        **corpus.CASE_DATA,
        "attachments": [{"document": "business_license", "path": str(files["licence_other_name"])}],
    }
    parsed, _ = parse_case(data, verify_files=False)
    assert parsed is not None
    assert check_case(parsed, "en").areas.get("evidence") == []  # off by default
    area.enable()
    try:
        found = check_case(parsed, "en").areas["evidence"]
    finally:
        area.enable(False)
    [f] = [f for f in found if f.code == "evidence.mismatch"]
    assert f.subject == "owner.name" and f.fixed_value == "杭州云朵网络科技有限公司"


def test_our_letter_rendered_by_libreoffice_then_stamped_and_signed(
    tmp_path: Path, case: Case
) -> None:
    """The real filled .docx (with its QR code) rendered as a user's office suite prints it."""
    import random
    import shutil
    import subprocess

    from PIL import Image, ImageDraw

    from assistant.core.letter import fill_letter
    from tests.core.test_letter_render import SOFFICE, render

    pdftoppm = shutil.which("pdftoppm")
    if SOFFICE is None or pdftoppm is None:
        pytest.skip("LibreOffice or pdftoppm is not installed")
    docx = tmp_path / "letter.docx"
    assert fill_letter(corpus.letter_input(), docx, check=False).output is not None
    pdf = render([docx], tmp_path)["letter"]
    subprocess.run(
        [pdftoppm, "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True
    )
    page = Image.open(tmp_path / "page.png").convert("RGB")
    found = {}
    for name, signed in (("signed", True), ("blank", False)):
        im = page.copy()
        d = ImageDraw.Draw(im)
        if signed:  # where the bundled template puts the seal, the signature and the date
            lines = _block_lines(tmp_path / "page.png")
            x, y = lines["盖章"]
            corpus.draw_seal(d, int(x + 320), int(y), 105, "杭州云朵科技有限公司")
            x, y = lines["签字"]
            corpus._scribble(d, random.Random(3), (x + 250, y - 22, x + 460, y + 22))
            x, y = lines["日期"]
            corpus._scribble(d, random.Random(4), (x + 70, y - 20, x + 320, y + 20), strokes=6)
        path = corpus.save_jpeg(
            corpus.photograph(im, corpus.Shot(rotate=1.5, blur=0.6, size=im.size)),
            tmp_path / f"{name}.jpg",
        )
        found[name] = check_document(path, "tencent", "authorization_letter", case, today=TODAY)
    assert codes(found["signed"], Severity.ERROR) == set()
    assert found["signed"].read["letter_qr"] and found["signed"].read["valid_until"] == "2027-11-30"
    blank = found["blank"]  # a grey page: the seal cannot be judged, signature and date can
    assert codes(blank, Severity.ERROR) == {
        "evidence.letter_no_signature",
        "evidence.letter_no_date",
    }
    assert "evidence.letter_black_white" in codes(blank, Severity.WARNING)


def _block_lines(path: Path) -> dict[str, tuple[float, float]]:
    """Left end and middle height of the lines to stamp, sign and date on a rendered page."""
    from assistant.core.evidence import reader

    n, im = next(reader.pages(str(path)))
    page = reader.read_page(im, n, reader.Plan("all"))
    out: dict[str, tuple[float, float]] = {}
    for ln in page.text_lines():
        for key in ("盖章", "签字", "日期"):
            if key in ln.text and ln.text.startswith(("授权方", "法定代表人", "日期")):
                x0, y0, _, y1 = ln.box.bounds()
                out[key] = (x0, (y0 + y1) / 2)
    assert set(out) == {"盖章", "签字", "日期"}, [ln.text for ln in page.text_lines()]
    return out
