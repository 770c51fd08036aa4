"""CLI round trips: JSON parses, exit codes 0/1/2, clear messages for unknown values."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest

from assistant import __version__
from assistant.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_name_json_shape_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check-name", "--provider", "alibaba", "--format", "json", "阿里云", "ALIYUN"
    )
    assert code == 0
    data = json.loads(out)
    assert [d["subject"] for d in data] == ["阿里云", "ALIYUN"]
    assert all(set(d) == {"subject", "provider", "ok", "findings"} and d["ok"] for d in data)

    code, out, _ = run(
        capsys, "check-name", "--provider", "alibaba", "--format", "json", "阿里云", "【测试】"
    )
    assert code == 1
    bad = json.loads(out)[1]
    assert bad["ok"] is False
    assert {"severity", "code", "message", "fix"} <= set(bad["findings"][0])
    assert {f["code"] for f in bad["findings"]} >= {"name.brackets", "name.test_word"}


def test_check_name_text_and_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check-name", "--provider", "tencent", "--lang", "zh", "阿里雲")
    assert code == 0  # traditional characters are a warning at Tencent
    assert "繁体字" in out and "阿里云" in out


def test_check_name_region(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            capsys,
            "check-name",
            "--provider",
            "tencent",
            "--region",
            "international",
            "Tencent Cloud",
        )[0]
        == 0
    )
    assert (
        run(capsys, "check-name", "--provider", "tencent", "--region", "mainland", "Tencent Cloud")[
            0
        ]
        == 1
    )
    code, _, err = run(capsys, "check-name", "--provider", "alibaba", "--region", "mars", "x")
    assert code == 2 and "valid:" in err


def test_checklist_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "checklist",
        "--provider",
        "tencent",
        "--account",
        "enterprise",
        "--purpose",
        "others",
        "--type",
        "trademark",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert [d["id"] for d in data["documents"]] == ["authorization_letter", "trademark_certificate"]
    assert all(
        set(d) >= {"id", "name", "required", "one_of", "guidance"} for d in data["documents"]
    )
    assert data["ok"] is True and data["remarks"] == []


def test_checklist_forbidden_combination_exits_1_with_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys,
        "checklist",
        "--provider",
        "tencent",
        "--account",
        "individual",
        "--purpose",
        "self",
        "--type",
        "company",
    )
    assert code == 1
    assert "does not accept company" in out and "fix:" in out  # tencent-40653: keyed on the owner


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (
            [
                "checklist",
                "--provider",
                "tencent",
                "--account",
                "boss",
                "--purpose",
                "self",
                "--type",
                "company",
            ],
            "valid: enterprise, individual",
        ),
        (
            [
                "checklist",
                "--provider",
                "tencent",
                "--account",
                "enterprise",
                "--purpose",
                "x",
                "--type",
                "company",
            ],
            "valid: self, others",
        ),
        (
            [
                "checklist",
                "--provider",
                "huawei",
                "--account",
                "enterprise",
                "--purpose",
                "self",
                "--type",
                "lottery",
            ],
            "valid: company, government, website, app",
        ),
        (["check-name", "--provider", "aws", "x"], "invalid choice: 'aws'"),
        (["check-name", "--provider", "tencent"], "required"),
        (["no-such-command"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_and_list_valid_values(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert needle in err


def test_rules_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    data = json.loads(out)
    assert code == 0 and [p["provider"] for p in data] == ["tencent", "alibaba", "huawei"]
    tencent = data[0]
    website = next(t for t in tencent["signature_types"] if t["id"] == "website")
    assert website["status"] == "withdrawn"
    limit = next(r for r in tencent["rules"] if r["id"] == "limits.max_signatures")
    assert limit["value"] == 50 and len(limit["sources"]) == 2
    code, out, _ = run(capsys, "rules", "--provider", "huawei")
    assert code == 0 and "Huawei Cloud" in out and "files.max_bytes [mainland] = 2097152" in out


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and __version__ in result.stdout
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "check-name",
            "--provider",
            "huawei",
            "--format",
            "json",
            "华为云",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and json.loads(result.stdout)[0]["ok"] is True


ALIBABA_TRADEMARK_PDF = (
    "checklist", "--provider", "alibaba", "--account", "enterprise", "--purpose", "self",
    "--type", "trademark", "--format", "pdf",
)  # fmt: skip


def test_checklist_pdf_and_case(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from assistant.core.model import Case, save_case

    out = tmp_path / "checklist.pdf"
    code, _, err = run(capsys, *ALIBABA_TRADEMARK_PDF)
    assert code == 2 and "--output" in err
    code, stdout, _ = run(capsys, *ALIBABA_TRADEMARK_PDF, "--output", str(out))
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    # NFKC: Qt's text shaping writes ligatures (ﬁ) into the PDF text
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "Trademark registration certificate" in " ".join(text.split())

    case_path = tmp_path / "client.smscase.json"
    save_case(
        Case(
            provider="huawei",
            account="enterprise",
            purpose="others",
            type="app",
            signature_names=["华为云"],
            language="zh",
        ),
        case_path,
    )
    code, _, _ = run(capsys, "checklist", "--case", str(case_path), "--format", "json")
    assert code == 0
    code, stdout, _ = run(
        capsys, "checklist", "--case", str(case_path), "--format", "pdf", "--output", str(out)
    )
    assert code == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "授权委托书" in text  # the case's language

    code, stdout, _ = run(capsys, "checklist", "--case", str(tmp_path / "missing.smscase.json"))
    assert code == 1 and "missing.smscase.json" in stdout
