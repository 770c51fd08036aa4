"""The QR code on the letters we fill (issue #13, ``docs/letter-qr.md``)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
import segno
from PIL import Image

from assistant.core.evidence.letter_qr import (
    authorization_fields,
    case_key,
    decode_payload,
    fields_digest,
)
from assistant.core.letter import LetterInput, Party, fill_letter
from assistant.core.letter.qr import QR_SCALE, authorization_payload, qr_png

TODAY = dt.date(2026, 11, 22)


def letter(**over: object) -> LetterInput:
    inp = LetterInput(
        provider="alibaba",
        signature_names=("云天科技", "云天商城"),
        owner=Party("深圳市云天科技有限公司", "91440300MA5F8K2L2L", "李明"),
        applicant=Party("杭州星河网络服务有限公司", "91330106MA2H7Q4N98"),
        valid_from="2026-11-22",
        valid_until="2027-11-21",
        language="zh",
    )
    return replace(inp, **over)  # type: ignore[arg-type]


def media(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


def all_text(path: Path) -> str:
    doc = docx.Document(str(path))
    return "\n".join(t.text or "" for t in doc.element.body.iter(docx.oxml.ns.qn("w:t")))


def modules(png: bytes) -> list[list[bool]]:
    """The dark modules of a QR picture drawn with 4 modules of quiet zone."""
    image = Image.open(io.BytesIO(png)).convert("L")
    count = image.width // QR_SCALE
    half = QR_SCALE // 2
    return [
        [image.getpixel((x * QR_SCALE + half, y * QR_SCALE + half)) < 128 for x in range(count)]
        for y in range(count)
    ]


def test_payload_is_the_documented_format_of_the_filled_fields() -> None:
    inp = letter()
    payload = authorization_payload(inp)
    qr = decode_payload(payload)
    assert qr is not None and qr.kind == "auth"
    assert qr.case_key == case_key("alibaba", "91440300MA5F8K2L2L", "91330106MA2H7Q4N98")
    assert qr.digest == fields_digest(authorization_fields(inp))
    # any filled field changes the digest, not the case key
    other = decode_payload(authorization_payload(letter(valid_until="2027-11-20")))
    assert other is not None and other.digest != qr.digest and other.case_key == qr.case_key


def test_the_picture_encodes_the_payload() -> None:
    payload = authorization_payload(letter())
    symbol = segno.make_qr(payload, error="m", boost_error=False)
    assert symbol.version == 3 and symbol.error == "M"
    want = [[bool(v) for v in row] for row in symbol.matrix_iter(scale=1, border=4)]
    assert modules(qr_png(payload)) == want
    assert qr_png(payload) == qr_png(payload)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_bundled_letters_carry_the_qr_and_its_text(tmp_path: Path, language: str) -> None:
    inp = letter(language=language)
    out = tmp_path / "letter.docx"
    result = fill_letter(inp, out, lang="en", today=TODAY, check=False)
    assert result.placed["letter_qr"] == 1 and result.placed["letter_code"] == 1
    pictures = list(media(out).values())
    assert len(pictures) == 1
    payload = authorization_payload(inp)
    assert modules(pictures[0]) == modules(qr_png(payload))
    text = all_text(out)
    assert payload in text
    assert ("内容核验码" if language == "zh" else "Content check code") in text
    assert "{{" not in text
    # 20 mm wide, in the signature block (the last table), left of the lines to sign
    doc = docx.Document(str(out))
    shape = doc.inline_shapes[0]
    assert round(shape.width.mm) == 20 and round(shape.height.mm) == 20
    left, right = doc.tables[-1].rows[0].cells
    assert payload in left.text and ("盖章" in right.text or "seal" in right.text)


def test_the_same_case_gives_the_same_bytes_and_a_change_changes_the_qr(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.docx", tmp_path / "b.docx", tmp_path / "c.docx"
    fill_letter(letter(), a, today=TODAY, check=False)
    fill_letter(letter(), b, today=TODAY, check=False)
    fill_letter(letter(signature_names=("云天科技",)), c, today=TODAY, check=False)
    assert a.read_bytes() == b.read_bytes()
    assert media(a) != media(c)


def test_a_users_template_gets_a_qr_only_where_it_asks_for_one(tmp_path: Path) -> None:
    plain = docx.Document()
    plain.add_paragraph("授权方：{{owner_name}}")
    plain.save(str(tmp_path / "plain.docx"))
    asks = docx.Document()
    asks.add_paragraph("授权方：{{owner_name}}")
    asks.sections[0].header.paragraphs[0].text = "核验：{{letter_qr}} {{letter_code}}"
    asks.save(str(tmp_path / "asks.docx"))

    out = tmp_path / "plain-out.docx"
    result = fill_letter(letter(), out, tmp_path / "plain.docx", today=TODAY, check=False)
    assert "letter_qr" not in result.placed and not media(out)

    out = tmp_path / "asks-out.docx"
    result = fill_letter(letter(), out, tmp_path / "asks.docx", today=TODAY, check=False)
    assert result.placed["letter_qr"] == 1
    assert "letter.placeholder_unknown" not in {f.code for f in result.findings}
    header = docx.Document(str(out)).sections[0].header
    assert header.paragraphs[0].text == "核验：" + " " + authorization_payload(letter())
    assert header.part.rels and len(media(out)) == 1
