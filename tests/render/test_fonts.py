"""The checklist PDF is the same on every machine (#17): one bundled font, registered at run time,
whatever fonts the system has; its text layer gives back exactly the characters drawn.

The font environments are simulated with fontconfig (``FONTCONFIG_FILE``) in fresh processes:
no font at all, and every font of this machine (CI installs fonts-noto-cjk, whose Noto Sans CJK
used to take over the Chinese text and turn 青 into the radical ⻘ when copied).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QTextDocument

from assistant.render import checklist_pdf_bytes, document_pdf_bytes, font_findings, fonts
from assistant.resources import resource_path
from tests.render import render_job

ROOT = Path(__file__).resolve().parents[2]
FONT_SHA256 = "2420e8078af796b19a3f6ef13de527a1a91c1e7171eea115926c614ced1009b3"
RADICALS = re.compile(r"[\u2e80-\u2fdf]")  # CJK Radicals Supplement, Kangxi Radicals


def _text(pdf: bytes) -> str:
    raw = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", raw)


def _fontconfig(tmp_path: Path, name: str, body: str) -> Path:
    conf = tmp_path / f"{name}.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{body}<cachedir>{tmp_path / name}-cache</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


def _render_elsewhere(conf: Path) -> dict[str, object]:
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.render.render_job"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report: dict[str, object] = json.loads(run.stdout)
    return report


@pytest.fixture(scope="module")
def here() -> dict[str, str]:
    return {k: hashlib.sha256(v).hexdigest() for k, v in render_job.render_all().items()}


def test_the_font_ships_with_its_licence() -> None:
    folder = resource_path("fonts")
    font = folder / "wqy-microhei.ttc"
    assert hashlib.sha256(font.read_bytes()).hexdigest() == FONT_SHA256
    assert "Apache License" in (folder / "LICENSE-Apache-2.0.txt").read_text(encoding="utf-8")
    assert FONT_SHA256 in (folder / "README.md").read_text(encoding="utf-8")
    assert fonts.bundled_family() == "WenQuanYi Micro Hei"


def test_export_twice_gives_the_same_bytes(here: dict[str, str]) -> None:
    again = {k: hashlib.sha256(v).hexdigest() for k, v in render_job.render_all().items()}
    assert again == here


def test_same_bytes_with_no_font_and_with_every_font(tmp_path: Path, here: dict[str, str]) -> None:
    empty = _fontconfig(tmp_path, "empty", "")
    full = _fontconfig(
        tmp_path,
        "full",
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        "<dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir>",
    )
    bare = _render_elsewhere(empty)
    rich = _render_elsewhere(full)
    assert bare["cjk_families"] == ["WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"]
    assert bare["hashes"] == here, "a process with no system font renders other bytes"
    assert rich["hashes"] == here, f"the system's fonts changed the PDF: {rich['cjk_families']}"
    if os.environ.get("CI"):  # .ci/run installs Noto Sans CJK: the case of issue #17
        assert any("Noto Sans CJK" in f for f in rich["cjk_families"]), rich["cjk_families"]  # type: ignore[union-attr]


def test_the_text_layer_has_every_name_and_code_exactly() -> None:
    from assistant.core.checklist import build_checklist

    case = render_job.sample_cases()["zh-alibaba"]
    checklist = build_checklist("alibaba", "enterprise", "others", "company", None, "zh")
    pdf, findings = checklist_pdf_bytes(checklist, case, lang="zh", prepared_on=render_job.DAY)  # type: ignore[arg-type]
    text = _text(pdf)
    for expected in (
        "青禾茶业",
        "阿里云",
        "云朵科技",
        "杭州星河网络服务有限公司",
        "91330106MA2H7Q4N98",
        "深圳市青禾茶业有限公司",
        "91440300MA5F8K2L2L",
        "李明",
        "营业执照",
        "2026-03-02",
    ):
        assert expected in text, expected
    assert not RADICALS.search(text), RADICALS.findall(text)
    assert [f.code for f in findings] == []
    assert set(re.findall(rb"/BaseFont\s*/([^\s/]+)", pdf)) == {b"WenQuanYiMicroHei"}


def test_every_common_hanzi_copies_back_as_itself() -> None:
    """All 6,763 hanzi of GB 2312 (and ASCII) drawn into a PDF are extracted unchanged: no
    glyph of the font is shared with a radical or another code point."""
    hanzi = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                hanzi.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    assert len(hanzi) == 6763
    ascii_text = "".join(chr(c) for c in range(0x21, 0x7F))
    fonts.ensure_gui_application()
    doc = QTextDocument()
    doc.setDefaultFont(fonts.document_font("zh"))
    lines = ["".join(hanzi[i : i + 40]) for i in range(0, len(hanzi), 40)]
    doc.setPlainText("\n".join([ascii_text, *lines]))
    text = _text(document_pdf_bytes(doc, when=dt.date(2026, 3, 2)))
    assert text.startswith(ascii_text)
    # the pages' footers are English: every hanzi extracted is one drawn, in order
    assert [c for c in text if "\u4e00" <= c <= "\u9fff"] == hanzi
    assert not RADICALS.search(text)


def test_every_text_of_the_program_is_in_the_font() -> None:
    from assistant.core.checklist import build_checklist
    from assistant.render import build_checklist_document

    for provider in ("tencent", "alibaba", "huawei"):
        for lang in ("en", "zh", "id"):
            checklist = build_checklist(provider, "enterprise", "others", "company", None, lang)
            doc = build_checklist_document(checklist, lang=lang, prepared_on=render_job.DAY)
            assert fonts.missing_characters(doc.toPlainText()) == [], (provider, lang)


def test_a_character_outside_the_font_is_a_finding() -> None:
    found = font_findings("𠀀 ✗ 青禾", "en")  # CJK Extension B and a ballot X: not in the font
    assert [f.code for f in found] == ["render.missing_glyphs"]
    assert "U+20000" in found[0].message and "U+2717" in found[0].message
    assert "青" not in found[0].message
