"""`explain-rejection`: JSON shape, exit codes, text in en/zh, standard input, usage errors."""

from __future__ import annotations

import io
import json

import pytest

from tests.cli.test_cli_core import run


def test_json_shape_and_exit_code_on_a_match(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "explain-rejection",
        "--provider",
        "alibaba",
        "--format",
        "json",
        "--",
        "审核不通过：授权书没有签字",
    )
    assert code == 0
    data = json.loads(out)
    assert data["subject"] == "审核不通过：授权书没有签字"
    assert data["matched"] is True
    first = data["matches"][0]
    assert {"id", "category", "reason", "fix", "step", "source", "confidence"} <= set(first)
    assert first["id"] == "alibaba.letter.unsigned"
    assert first["step"] == "letter"
    assert first["source"].startswith("https://")


def test_no_match_exits_1_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain-rejection", "--format", "json", "--", "今天天气很好")
    assert code == 1
    data = json.loads(out)
    assert data["matched"] is False and data["matches"] == []
    assert "No known rejection reason" in data["message"]


def test_text_output_in_english_and_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "explain-rejection",
        "--lang",
        "en",
        "--",
        "The",
        "business",
        "licence",
        "has",
        "a",
        "watermark",
    )
    assert code == 0
    assert "Rejection text: The business licence has a watermark" in out
    assert "Fix:" in out and "Step: Documents (documents)" in out and "confidence" in out
    code, out, _ = run(capsys, "explain-rejection", "--lang", "zh", "--", "签名带繁体字")
    assert code == 0
    assert "驳回文字：签名带繁体字" in out
    assert "处理:" in out and "步骤: 签名名称与备注 (names)" in out
    code, out, _ = run(capsys, "explain-rejection", "--lang", "zh", "--", "天气")
    assert code == 1 and "没有与这段文字相符的已知驳回原因" in out


def test_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Pictures cannot be displayed.\n"))
    code, out, _ = run(capsys, "explain-rejection", "--provider", "huawei", "--format", "json", "-")
    assert code == 0
    assert json.loads(out)["matches"][0]["id"] == "huawei.docs.image_not_displayed"


def test_empty_text_and_unknown_provider_are_usage_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("   "))
    code, _, err = run(capsys, "explain-rejection")
    assert code == 2 and "empty" in err
    code, _, err = run(capsys, "explain-rejection", "--provider", "aws", "--", "x")
    assert code == 2 and "invalid choice" in err
