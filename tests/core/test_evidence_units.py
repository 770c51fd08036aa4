"""The parts of the document check that need no OCR: normalisation, label/value geometry,
certificate fields and comparison, watermarks, the letter QR payload, letter text comparison,
the rule file, and what happens without the ``ocr`` extra. Lines are built by hand here."""

from __future__ import annotations

import datetime as dt
import math
import tomllib

import pytest

from assistant.core.evidence import check as evcheck
from assistant.core.evidence import letter_qr, letters
from assistant.core.evidence.check import compare_with_case
from assistant.core.evidence.layout import find_labels, place, value_parts
from assistant.core.evidence.licence import read_certificate
from assistant.core.evidence.model import LONG_TERM, Box, Line, PageRead, QRCode
from assistant.core.evidence.normalize import bare, clean, credit_codes, dates
from assistant.core.evidence.rules import _check_sources, load_rules
from assistant.core.evidence.watermark import find_watermarks
from assistant.core.findings import Severity
from assistant.core.model import parse_case
from assistant.core.rules import RulePackError
from assistant.resources import resource_path

CODE = "91330106MA2H3KUX16"  # valid check character
OTHER_CODE = "91110108MA01W8XK2X"


def line(
    text: str,
    x: float,
    y: float,
    w: float | None = None,
    h: float = 30,
    score: float = 1.0,
    angle: float = 0.0,
    layer: str = "text",
) -> Line:
    """A line whose box starts at (x, y), rotated by ``angle`` degrees about the origin."""
    w = w if w is not None else 30 * max(1, len(text))
    pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    rad = math.radians(angle)
    rot = [
        (px * math.cos(rad) + py * math.sin(rad), -px * math.sin(rad) + py * math.cos(rad))
        for px, py in pts
    ]
    return Line(text, score, Box.from_points(rot), layer)


def licence_lines(angle: float = 0.0, **values: str) -> list[Line]:
    v = {
        "name": "杭州云朵科技有限公司",
        "code": CODE,
        "person": "张三",
        "valid": "2016年08月15日至长期",
        **values,
    }
    return [
        line("统一社会信用代码", 100, 100, angle=angle),
        line(v["code"], 100, 140, w=400, angle=angle),
        line("名", 100, 300, angle=angle),  # a spread label read as two boxes
        line("称", 190, 300, angle=angle),
        line(v["name"], 300, 300, angle=angle),
        line("注册资本", 900, 300, angle=angle),  # the right column: ends the name's value
        line("壹仟万元整", 1050, 300, angle=angle),
        line("类型", 100, 360, angle=angle),
        line("有限责任公司（自然人独资）", 300, 360, angle=angle),
        line(
            f"法定代表人　{v['person']}", 100, 420, w=320, angle=angle
        ),  # label and value in one box
        line("营业期限", 900, 420, angle=angle),
        line(v["valid"], 1050, 420, angle=angle),
    ]


def page(lines: list[Line], qr: list[QRCode] | None = None) -> PageRead:
    return PageRead(number=1, width=1600, height=1200, lines=lines, qr=qr or [])


def case(**changes: object):  # type: ignore[no-untyped-def]
    data = {
        "format": "sms-signature-case",
        "version": 1,
        "provider": "tencent",
        "purpose": "others",
        "owner": {
            "name": "杭州云朵科技有限公司",
            "credit_code": CODE,
            "legal_representative": "张三",
        },
        "applicant": {"name": "深圳市代理通信有限公司", "credit_code": "914403001922038216"},
        "signature_names": ["云朵科技"],
        "letter": {"valid_from": "2026-12-01", "valid_until": "2027-11-30"},
        **changes,
    }
    parsed, findings = parse_case(data, verify_files=False)
    assert parsed is not None, findings
    return parsed


# ------------------------------------------------------------------------------- normalise
def test_names_compare_after_nfkc_and_bracket_width() -> None:
    assert clean("杭州云朵（科技）有限公司") == clean("杭州云朵(科技)有限公司")
    assert clean("杭州 云朵〔科技〕有限公司") == clean("杭州云朵(科技)有限公司")
    assert clean("杭州云朵科技有限公司") != clean("杭州云朵网络科技有限公司")
    assert bare("名　　称：") == "名称"


def test_credit_codes_are_validated_and_look_alikes_read() -> None:
    assert credit_codes(f"代码 {CODE}") == [(CODE, True)]
    assert credit_codes(CODE.replace("0", "O")) == [(CODE, True)]  # O is not in the alphabet
    assert credit_codes(CODE[:-1] + "7") == [(CODE[:-1] + "7", False)]
    assert credit_codes("no code here") == []


def test_dates() -> None:
    assert dates("2016年08月15日至2036年08月14日") == [dt.date(2016, 8, 15), dt.date(2036, 8, 14)]
    assert dates("2016-02-30") == []  # not a real date


# -------------------------------------------------------------------------------- geometry
@pytest.mark.parametrize("angle", [0.0, 4.0, -6.0])
def test_labels_pair_with_their_values_even_at_an_angle(angle: float) -> None:
    cert = read_certificate(page(licence_lines(angle)), load_rules())
    assert cert.value("name") == "杭州云朵科技有限公司"
    assert cert.value("credit_code") == CODE and cert.code_valid
    assert cert.value("legal_representative") == "张三"
    assert cert.value("type") == "有限责任公司(自然人独资)"
    assert cert.valid_from == dt.date(2016, 8, 15) and cert.valid_until == LONG_TERM
    assert cert.recognised


def test_value_stops_at_the_next_label_on_the_row() -> None:
    lines = licence_lines()
    placed = place(lines)
    hits = find_labels(placed, load_rules().all_labels())
    name = next(h for h in hits if h.field == "name")
    assert [p.line.text for p in value_parts(name, placed, hits)] == ["杭州云朵科技有限公司"]


def test_end_date_and_expiry() -> None:
    rules = load_rules()
    lines = licence_lines(valid="2006年12月10日至2026年12月10日")
    cert = read_certificate(page(lines), rules)
    assert cert.valid_until == dt.date(2026, 12, 10)
    found = evcheck._validity_findings(cert, "huawei", "en", dt.date(2026, 12, 1), rules, None)
    assert [f.code for f in found] == ["evidence.expires_in_review"]
    found = evcheck._validity_findings(cert, "huawei", "en", dt.date(2027, 1, 1), rules, None)
    assert [f.code for f in found] == ["evidence.expired"]
    assert evcheck._validity_findings(cert, "huawei", "en", dt.date(2025, 1, 1), rules, None) == []


def test_qr_code_carrying_another_code_is_a_warning() -> None:
    qr = [QRCode(f"https://example.invalid/?uniscid={OTHER_CODE}", Box.rect(0, 0, 10, 10))]
    p = page(licence_lines(), qr)
    cert = read_certificate(p, load_rules())
    found = evcheck._qr_cross_check(cert.value("credit_code") or "", [p], "en", None)
    assert [f.code for f in found] == ["evidence.qr_code_differs"]


# ------------------------------------------------------------------------------ comparison
def test_mismatch_is_an_error_with_both_values_and_the_fix() -> None:
    cert = read_certificate(
        page(licence_lines(name="杭州云朵网络科技有限公司", person="李四")), load_rules()
    )
    found = compare_with_case(cert, case(), "zh")
    by_subject = {f.subject: f for f in found}
    assert set(by_subject) == {"owner.name", "owner.legal_representative"}
    f = by_subject["owner.name"]
    assert f.severity is Severity.ERROR and f.fixed_value == "杭州云朵网络科技有限公司"
    assert "杭州云朵科技有限公司" in f.message and "杭州云朵网络科技有限公司" in (f.fix or "")


def test_self_purpose_compares_with_the_applicant() -> None:
    cert = read_certificate(page(licence_lines()), load_rules())
    found = compare_with_case(cert, case(purpose="self"), "en")
    assert {f.subject for f in found} == {"applicant.name", "applicant.credit_code"}


def test_unclear_value_is_never_an_accusation() -> None:
    lines = licence_lines(name="杭州云朵网络科技有限公司")
    lines = [Line(ln.text, 0.6, ln.box) if "网络" in ln.text else ln for ln in lines]
    found = compare_with_case(read_certificate(page(lines), load_rules()), case(), "en")
    assert [(f.code, f.severity) for f in found] == [("evidence.field_unsure", Severity.WARNING)]


def test_code_that_fails_its_check_is_not_compared() -> None:
    bad = CODE[:-1] + "7"
    cert = read_certificate(page(licence_lines(code=bad)), load_rules())
    assert not cert.code_valid
    assert compare_with_case(cert, case(), "en") == []
    found = evcheck.certificate_findings(
        cert, [], "tencent", None, "en", dt.date(2026, 1, 1), load_rules()
    )
    assert [f.code for f in found] == ["evidence.code_invalid"]


# ------------------------------------------------------------------------------- watermarks
def test_watermark_fragments_join_and_are_judged() -> None:
    rules = load_rules()
    frags = [
        line("仅供招商银行", 200, 600, w=360, h=60, angle=18, layer="watermark"),
        line("开户使用", 580, 600, w=240, h=60, angle=18, layer="watermark"),
    ]
    [w] = find_watermarks(frags, rules)
    assert w.text == "仅供招商银行开户使用" and w.states_use and not w.compliant
    [ok] = find_watermarks([line("仅供云通信备案使用", 0, 0, layer="watermark")], rules)
    assert ok.compliant
    [sms] = find_watermarks([line("仅供短信签名报备使用", 0, 0, layer="watermark")], rules)
    assert sms.compliant


def test_dark_watermark_and_ordinary_sentences() -> None:
    rules = load_rules()
    assert find_watermarks([line("仅供投标使用", 0, 0)], rules)[0].states_use
    sentence = "被授权方不得将上述签名用于与授权方业务无关的用途"
    assert find_watermarks([line(sentence, 0, 0)], rules) == []
    assert find_watermarks([line("仅供投标使用", 0, 0, score=0.5, layer="watermark")], rules) == []


# --------------------------------------------------------------------------------- QR payload
def test_payload_round_trip_and_malformed() -> None:
    key = letter_qr.case_key("tencent", CODE.lower(), " 914403001922038216 ")
    assert key == letter_qr.case_key("tencent", CODE, "914403001922038216") and len(key) == 12
    payload = letter_qr.encode_payload("auth", key, "0123456789abcdef")
    assert payload == f"SMSA1|{key}|0123456789abcdef|auth"
    decoded = letter_qr.decode_payload(payload)
    assert decoded is not None and decoded.document == "authorization_letter"
    for bad in (
        "",
        "SMSA2|a|0123456789abcdef|auth",
        f"SMSA1|{key}|0123|auth",
        f"SMSA1|{key}|0123456789abcdef|x",
        "https://x",
    ):
        assert letter_qr.decode_payload(bad) is None
    with pytest.raises(ValueError):
        letter_qr.encode_payload("auth", "UPPER", "0123456789abcdef")


def test_digest_is_stable_under_width_and_spacing() -> None:
    a = letter_qr.fields_digest({"owner_name": "杭州云朵（科技）有限公司", "names": ["A", " "]})
    b = letter_qr.fields_digest({"names": ["A"], "owner_name": " 杭州云朵(科技)有限公司"})
    assert a == b and len(a) == 16
    assert a != letter_qr.fields_digest({"owner_name": "杭州云朵科技有限公司", "names": ["A"]})


# ---------------------------------------------------------------------------- letter text
def test_semi_global_distance() -> None:
    assert letters.semi_global("2027年", "自2026年起至2027年止")[0] == 0
    assert letters.semi_global("2029年", "自2026年起至2027年止")[0] == 1


def test_letter_fields_changed_missing_or_unsure() -> None:
    lines = [
        line("自2026年12月1日起至2029年11月30日止。", 0, 0),
        line("授权方 名称 杭州云朵科技有限公司", 0, 40),
    ]
    expected = {
        "valid_until": "2027年11月30日",
        "owner_name": "杭州云朵科技有限公司",
        "applicant_name": "深圳市代理通信有限公司",
    }
    found = letters.compare_fields(
        lines, expected, "en", None, strict=True, code="evidence.letter_changed"
    )
    assert [(f.code, f.severity) for f in found] == [
        ("evidence.letter_changed", Severity.ERROR),
        ("evidence.letter_field_missing", Severity.WARNING),
    ]
    unsure = [Line(ln.text, 0.5, ln.box) for ln in lines]
    found = letters.compare_fields(unsure, expected, "en", None, strict=False)
    assert {f.severity for f in found} == {Severity.INFO}


def test_added_text_but_not_the_signature_block() -> None:
    filled = "授权委托书被授权方可使用上述签名。法定代表人（签字）：____"
    lines = [
        line("被授权方可使用上述签名。", 0, 0),
        line("被授权方可将上述签名转授权给其关联公司使用。", 0, 40),
        line("法定代表人（签字）：MOMM", 0, 80),
        line("SMSA1|0123456789ab|0123456789abcdef|auth", 0, 120),
    ]
    found = letters.added_text(lines, filled, "en", None)
    assert [f.code for f in found] == ["evidence.letter_added_text"]
    assert "关联公司" in found[0].message


def test_expected_values_of_a_case_letter() -> None:
    from assistant.core.letter import LetterInput

    values = letters.expected_values(
        LetterInput.from_case(
            case(letter={"language": "zh", "valid_from": "2026-12-01", "valid_until": "2027-11-30"})
        )
    )
    assert values["valid_until"] == "2027年11月30日" and values["owner_credit_code"] == CODE


# ------------------------------------------------------------------------------- rule file
def test_rule_file_cites_known_sources() -> None:
    rules = load_rules()
    assert rules.watermark_severity["alibaba"] is Severity.ERROR
    assert rules.watermark_source["alibaba"] == "seed-003"
    assert set(rules.review_days) == {"tencent", "alibaba", "huawei"}
    with resource_path("evidence", "evidence.toml").open("rb") as fh:
        data = tomllib.load(fh)
    data["watermark"]["sources"]["alibaba"] = "seed-999"
    with pytest.raises(RulePackError, match="seed-999"):
        _check_sources(data, {"seed-003", "derived", "gb-32100", "huawei-api"})


def test_every_message_has_english_and_chinese() -> None:
    with resource_path("i18n", "evidence.toml").open("rb") as fh:
        data = tomllib.load(fh)
    assert data and all(entry.get("en") and entry.get("zh") for entry in data.values())


# ------------------------------------------------------------------------- without the extra
def test_without_the_extra_one_line_says_what_it_would_add(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(evcheck, "ocr_available", lambda: False)
    f = tmp_path / "licence.jpg"
    f.write_bytes(b"whatever")
    ev = evcheck.check_document(f, "tencent", "business_license", None, "zh")
    assert [x.code for x in ev.findings] == ["evidence.extra_missing"]
    assert ev.findings[0].severity is Severity.INFO and "ocr" in ev.findings[0].message
    assert ev.read == dict.fromkeys(
        ("name", "credit_code", "legal_representative", "valid_until", "watermark")
    )
    assert "\n" not in evcheck.missing_extra_notice("en").message


def test_extra_modules_are_not_imported_by_the_package() -> None:
    import subprocess
    import sys

    code = "import sys, assistant.core.evidence; bad = [m for m in ('rapidocr', 'cv2', 'onnxruntime', 'zxingcpp') if m in sys.modules]; assert not bad, bad"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_screenshots_are_not_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "shot.png"
    f.write_bytes(b"\x89PNG")
    ev = evcheck.check_document(f, "tencent", "app_store_screenshot", None)
    assert ev.findings == [] or [x.code for x in ev.findings] == ["evidence.extra_missing"]


def test_commitment_letter_names_a_party_of_the_case() -> None:
    c = case()
    key = letter_qr.case_key("tencent", CODE, "")
    qr = letter_qr.LetterQR(key, "0123456789abcdef", "commit")
    good = [line("承诺方：杭州云朵科技有限公司", 0, 0), line(f"统一社会信用代码：{CODE}", 0, 40)]
    assert letters._against_case(good, qr, c, "en", "commitment_letter") == []
    other = letter_qr.LetterQR(letter_qr.case_key("tencent", OTHER_CODE, ""), qr.digest, "commit")
    found = letters._against_case(good, other, c, "en", "commitment_letter")
    assert [f.code for f in found] == ["evidence.letter_other_case"]
