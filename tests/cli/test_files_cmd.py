"""`check-file` and `fix-file`: JSON shape, exit codes, usage errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from assistant.cli import main
from tests.core import corpus


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fix(
    capsys: pytest.CaptureFixture[str], provider: str, file: Path, output: Path, *more: str
) -> tuple[int, str, str]:
    """``fix-file --provider PROVIDER FILE -o OUTPUT [MORE…]``."""
    return run(
        capsys, "fix-file", "--provider", provider, str(file), "--output", str(output), *more
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("cli")
    doc = corpus.document_image()
    good = d / "license.jpg"
    doc.save(good, quality=90)
    webp = d / "license.webp"
    doc.save(webp, "WEBP")
    pdf = corpus.scanned_pdf(d / "letter.pdf", pages=2)
    blank = d / "blank.png"
    from PIL import Image

    Image.new("L", corpus.DOC_SIZE, 250).save(blank)
    return {"good": good, "webp": webp, "pdf": pdf, "blank": blank, "missing": d / "gone.jpg"}


def test_check_file_json_one_object_per_file(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    code, out, _ = run(
        capsys,
        "check-file",
        "--provider",
        "tencent",
        "--document",
        "business_license",
        "--format",
        "json",
        str(files["good"]),
        str(files["webp"]),
        str(files["missing"]),
    )
    assert code == 1
    data = json.loads(out)
    assert [d["subject"] for d in data] == [str(files[k]) for k in ("good", "webp", "missing")]
    assert all({"subject", "provider", "ok", "findings"} <= set(d) for d in data)
    good, webp, missing = data
    assert good["ok"] and good["format"] == "jpeg" and good["width"] == corpus.DOC_SIZE[0]
    assert not webp["ok"] and webp["findings"][0]["code"] == "file.format_not_accepted"
    assert not missing["ok"] and missing["findings"][0]["code"] == "file.not_found"


def test_check_file_exit_zero_and_text(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    code, out, _ = run(
        capsys, "check-file", "--provider", "huawei", str(files["good"]), str(files["pdf"])
    )
    assert code == 0
    assert f"{files['pdf']}: ok" in out and "[pdf.pages]" in out


def test_check_file_chinese(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    code, out, _ = run(
        capsys, "check-file", "--provider", "alibaba", "--lang", "zh", str(files["webp"])
    )
    assert code == 1 and "不接受" in out


def test_usage_errors(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    code, _, err = run(
        capsys, "check-file", "--provider", "tencent", "--document", "passport", str(files["good"])
    )
    assert code == 2 and "business_license" in err
    code, _, err = run(
        capsys, "check-file", "--provider", "tencent", "--region", "mars", str(files["good"])
    )
    assert code == 2 and "mainland" in err
    code, _, _ = run(capsys, "fix-file", "--provider", "tencent", str(files["good"]))
    assert code == 2  # --output is required


def test_fix_file_writes_and_passes(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    before = hashlib.sha256(files["webp"].read_bytes()).hexdigest()
    code, out, _ = fix(capsys, "tencent", files["webp"], tmp_path / "fixed.jpg", "--format", "json")
    assert code == 0
    (data,) = json.loads(out)
    assert data["ok"] and data["subject"] == str(files["webp"])
    assert [o["subject"] for o in data["outputs"]] == [str(tmp_path / "fixed.jpg")]
    assert all(o["ok"] and o["format"] == "jpeg" for o in data["outputs"])
    assert "fix.converted" in {f["code"] for f in data["findings"]}
    assert hashlib.sha256(files["webp"].read_bytes()).hexdigest() == before


def test_fix_file_scanned_pdf_pages(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    code, out, _ = fix(capsys, "alibaba", files["pdf"], tmp_path / "letter")
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter-p1.jpg", "letter-p2.jpg"]
    assert "fixed" in out and "letter-p2.jpg: ok" in out


def test_fix_file_exit_one_when_it_cannot_pass(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    code, out, _ = fix(capsys, "alibaba", files["blank"], tmp_path / "b.png")
    assert code == 1 and "NOT FIXED" in out and "image.blank" in out
    code, out, _ = fix(capsys, "alibaba", files["good"], files["good"])
    assert code == 1 and "fix.output_is_input" in out
