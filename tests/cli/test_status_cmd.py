"""`import-status`: text and JSON output, dry run, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli_core import run

pytest.importorskip("alibabacloud_dysmsapi20170525.models")

from tests.core.status.test_importer import _cases, _write, alibaba_sign_list


def test_import_status_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_path = _cases(tmp_path / "cases", "alibaba")
    status = _write(tmp_path, alibaba_sign_list())
    code, out, _ = run(
        capsys,
        "import-status",
        str(status),
        "--cases",
        str(tmp_path / "cases"),
        "--dry-run",
        "--lang",
        "en",
        "--today",
        "2026-12-20",
    )
    assert code == 0
    assert "1 case(s) changed (dry run: nothing saved)" in out
    assert "【云朵科技】 Ready (exported) → Rejected" in out
    assert "The authorization letter is not signed." in out and "Step: Authorization letter" in out
    assert "rejected" not in case_path.read_text(encoding="utf-8")
    code, out, _ = run(
        capsys, "import-status", str(status), "--cases", str(tmp_path / "cases"), "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["ok"] and data["cases"][0]["saved"] is True
    change = data["cases"][0]["changes"][0]
    assert change["after"] == "rejected"
    assert change["rejection"]["matches"][0]["step"] == "letter"
    assert '"rejected"' in case_path.read_text(encoding="utf-8")


def test_import_status_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"what": 1}', encoding="utf-8")
    code, out, _ = run(capsys, "import-status", str(bad), "--cases", str(tmp_path), "--lang", "zh")
    assert code == 1 and "无法识别此状态文件的格式" in out
    code, _, err = run(
        capsys, "import-status", str(bad), "--cases", str(tmp_path), "--today", "soon"
    )
    assert code == 2 and "--today" in err
