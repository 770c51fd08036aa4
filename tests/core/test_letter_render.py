"""Render filled letters with LibreOffice, as a user's office suite would, and read the PDF back.

Skips when LibreOffice is not installed (Debian: libreoffice-writer-nogui). LibreOffice sees only
the program's own font (resources/fonts: the Chinese text) and Liberation Serif/Sans, the
fonts with the metrics of the templates' Times New Roman and Arial (Debian: fonts-liberation,
which .ci/run installs; the test skips without them), through a private fontconfig file: page
breaks do not depend on the other fonts a machine happens to have (with Noto Sans CJK installed
the English letter used to take two pages).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.core.letter import LetterInput, Party, fill_letter
from assistant.resources import resource_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")

TODAY = dt.date(2026, 11, 22)
A4 = (595, 842)  # points


def metric_fonts() -> list[str]:
    """Folders of Liberation Serif and Sans (Times New Roman's and Arial's metrics), or []."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    folders: set[str] = set()
    for family in ("Liberation Serif", "Liberation Sans"):
        run = subprocess.run(
            [fc_list, "-f", "%{file}\n", family], capture_output=True, text=True, check=False
        )
        found = {str(Path(line).parent) for line in run.stdout.splitlines() if line.strip()}
        if not found:
            return []
        folders |= found
    return sorted(folders)


def only_known_fonts(folder: Path) -> dict[str, str]:
    """The environment of a process whose fontconfig knows only resources/fonts and the
    metric-compatible Latin fonts; skips the test when those are not installed."""
    latin = metric_fonts()
    if not latin:
        pytest.skip("Liberation Serif/Sans not installed (Debian: fonts-liberation)")
    dirs = "".join(f"<dir>{d}</dir>" for d in [str(resource_path("fonts")), *latin])
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"{dirs}<cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def render(docs: list[Path], out: Path) -> dict[str, Path]:
    """Convert ``docs`` to PDF with one soffice call and a private profile (parallel-safe),
    seeing only the bundled font and the metric-compatible Latin fonts."""
    assert SOFFICE is not None
    profile = out / "profile"
    cmd = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, docs),
    ]
    env = only_known_fonts(out)
    subprocess.run(cmd, check=True, capture_output=True, timeout=240, env=env)
    pdfs = {d.stem: out / f"{d.stem}.pdf" for d in docs}
    missing = [str(p) for p in pdfs.values() if not p.is_file()]
    assert not missing, f"LibreOffice wrote no {missing}"
    return pdfs


def page_texts(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(str(pdf)).pages]


def letter(language: str, count: int) -> LetterInput:
    zh = language == "zh"
    return LetterInput(
        provider="tencent",
        signature_names=tuple(
            f"云天{i:03d}" if zh else f"Yuntian{i:03d}" for i in range(1, count + 1)
        ),
        owner=Party(
            "深圳市云天科技有限公司" if zh else "Shenzhen Yuntian Technology Co Ltd",
            "91440300MA5F8K2L2L",
            "李明" if zh else "Li Ming",
        ),
        applicant=Party(
            "杭州星河网络服务有限公司" if zh else "Hangzhou Xinghe Network Services Co Ltd",
            "91330106MA2H7Q4N98",
        ),
        valid_from="2026-11-22",
        valid_until="2027-11-21",
        language=language,
    )


def test_letters_render_on_a4_with_the_signature_block_on_the_last_page(tmp_path: Path) -> None:
    docs = []
    for language in ("zh", "en"):
        for count in (3, 100):
            out = tmp_path / f"{language}-{count}.docx"
            result = fill_letter(letter(language, count), out, today=TODAY, check=False)
            assert result.output == out
            docs.append(out)
    pdfs = render(docs, tmp_path)

    for name, pdf in pdfs.items():
        reader = PdfReader(str(pdf))
        for page in reader.pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == A4, name
        pages = page_texts(pdf)
        language, count = name.split("-")
        if count == "3":
            assert len(pages) == 1, f"{name}: a short letter fits on one page"
        else:
            assert 2 <= len(pages) <= 3, f"{name}: {len(pages)} pages"
        last = pages[-1]
        if language == "zh":
            assert "深圳市云天科技有限公司" in pages[0] and "91440300MA5F8K2L2L" in pages[0]
            assert "法定代表人（签字）" in last and "授权方（盖章）" in last
            assert "五、授权有效期" in last  # the block never stands alone on a page
            assert f"第{len(pages)}页，共{len(pages)}页" in last
            assert "云天100" in "".join(pages) if count == "100" else "云天003" in pages[0]
        else:
            assert "ShenzhenYuntianTechnologyCoLtd" in pages[0]
            assert "Legalrepresentative(signature)" in last and "5.Validity" in last
            assert f"Page{len(pages)}of{len(pages)}" in last
        assert "{{" not in "".join(pages)
        assert "SMSA1|" in last  # the QR code's text, in the signature block
    qr_decodes_from_the_printed_page(pdfs, tmp_path)


def page_qr_codes(pdf: Path, tmp_path: Path) -> list[str]:
    """The QR codes zxing-cpp finds on the first page rendered at 150 dpi (a mediocre scan)."""
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (the ocr extra) reads QR codes")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from PIL import Image

    prefix = tmp_path / f"{pdf.stem}-page"
    subprocess.run(
        [pdftoppm, "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True
    )
    page = next(tmp_path.glob(f"{pdf.stem}-page*.png"))
    return [r.text for r in zxingcpp.read_barcodes(Image.open(page))]


def qr_decodes_from_the_printed_page(pdfs: dict[str, Path], tmp_path: Path) -> None:
    from assistant.core.letter.qr import authorization_payload

    for name in ("zh-3", "en-3"):
        language = name.split("-")[0]
        assert page_qr_codes(pdfs[name], tmp_path) == [authorization_payload(letter(language, 3))]


def test_letters_from_cleaned_hostile_templates_still_open_in_an_office_suite(
    tmp_path: Path,
) -> None:
    """Removing macros, controls, OLE objects, links and fields leaves a document LibreOffice
    renders, with the filled text."""
    from tests.core.test_letter_hostile import linking_template, macro_template

    docs = []
    for name, data in (("macro", macro_template()), ("links", linking_template())):
        template = tmp_path / f"{name}-template.docx"
        template.write_bytes(data)
        out = tmp_path / f"{name}.docx"
        assert fill_letter(letter("zh", 3), out, template, today=TODAY, check=False).output == out
        docs.append(out)
    for name, pdf in render(docs, tmp_path).items():
        text = "".join(page_texts(pdf))
        assert "深圳市云天科技有限公司" in text, name
        if name == "links":
            assert "腾讯云官网" in text and "[图]!" in text


def test_commitment_letters_fit_one_a4_page_with_their_signature_block(tmp_path: Path) -> None:
    from assistant.core.letter import CommitmentInput, commitment_payload, fill_commitment_letter

    inputs = {
        language: CommitmentInput(
            provider="tencent",
            owner_name="深圳市云天科技有限公司"
            if language == "zh"
            else "Shenzhen Yuntian Technology Co Ltd",
            owner_credit_code="91440300MA5F8K2L2L",
            legal_representative="李明" if language == "zh" else "Li Ming",
            handler_name="王芳" if language == "zh" else "Wang Fang",
            language=language,
        )
        for language in ("zh", "en")
    }
    docs = []
    for language, inp in inputs.items():
        out = tmp_path / f"commit-{language}.docx"
        assert fill_commitment_letter(inp, out, today=TODAY).output == out
        docs.append(out)
    pdfs = render(docs, tmp_path)
    for language in ("zh", "en"):
        pages = page_texts(pdfs[f"commit-{language}"])
        assert len(pages) == 1, f"{language}: {len(pages)} pages"
        page = pages[0]
        assert "{{" not in page and "91440300MA5F8K2L2L" in page and "SMSA1|" in page
        if language == "zh":
            assert "法定代表人（签字）" in page and "经办人（签字）" in page
        else:
            assert "Handler(signature)" in page and "Legalrepresentative(signature)" in page
    for language, inp in inputs.items():
        assert page_qr_codes(pdfs[f"commit-{language}"], tmp_path) == [commitment_payload(inp)]
