"""The export, export-batch and demo commands."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from assistant.cli import main
from tests.core.test_bundle import make_case


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from assistant.core.bundle import write_sample_images

    return write_sample_images(tmp_path_factory.mktemp("samples"))


def test_export_json_summary(tmp_path: Path, samples, capsys) -> None:
    case = make_case(tmp_path / "c", samples)
    out = tmp_path / "b.zip"
    assert main(["export", str(case), "--output", str(out), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["output"] == str(out)
    assert {f["path"] for f in data["files"]} >= {"manifest.json", "checklist.pdf"}
    assert zipfile.is_zipfile(out)
    # a second export without --force refuses and leaves the bundle alone
    before = out.read_bytes()
    assert main(["export", str(case), "--output", str(out)]) == 1
    assert "--force" in capsys.readouterr().out
    assert out.read_bytes() == before
    assert main(["export", str(case), "--output", str(out), "--force"]) == 0


def test_export_with_errors_writes_nothing(tmp_path: Path, samples, capsys) -> None:
    case = make_case(tmp_path / "c", samples, signature_names=["测试"])
    out = tmp_path / "b.zip"
    assert main(["export", str(case), "-o", str(out)]) == 1
    text = capsys.readouterr().out
    assert "NOT exported" in text and "name.test_word" in text
    assert not out.exists()
    assert main(["export", str(case), "-o", str(out), "--allow-incomplete"]) == 1
    assert (tmp_path / "b-INCOMPLETE.zip").is_file()


def test_export_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["export", str(tmp_path / "none.smscase.json"), "-o", str(tmp_path / "b.zip")]) == 2
    assert "no case file" in capsys.readouterr().err


def test_export_batch(tmp_path: Path, samples, capsys) -> None:
    cases = tmp_path / "cases"
    make_case(cases / "a", samples)
    (cases / "broken.smscase.json").write_text("[]", encoding="utf-8")
    assert main(["export-batch", str(cases), "--output", str(tmp_path / "out")]) == 1
    text = capsys.readouterr().out
    assert "BROKEN" in text and "OK" in text
    assert (tmp_path / "out" / "summary.csv").is_file()


def test_demo(tmp_path: Path, capsys) -> None:
    assert main(["demo", "--output", str(tmp_path / "d"), "--lang", "en"]) == 0
    assert "demo-bundle.zip" in capsys.readouterr().out
    assert (tmp_path / "d" / "demo.smscase.json").is_file()
