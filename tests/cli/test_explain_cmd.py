"""`explain-rejection`: JSON shape, exit codes, text in en/zh, standard input, usage errors."""

from __future__ import annotations

import io
import json

import pytest

from assistant.core.status import explain, load_catalogue
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
    # the source as the applicant reads it: the page's title in --lang, its address (#16)
    source = load_catalogue().sources[first["source_id"]]
    assert first["source"] == source.title and first["source_url"] == source.url
    assert first["source_url"].startswith("https://")
    assert first["source_read"] == source.read.isoformat()


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
    # each reason's source: the Chinese title · address · date read, no file of ours (#16)
    cited = [line.strip() for line in out.splitlines() if line.strip().startswith("来源: ")]
    catalogue = load_catalogue()
    expected = [
        f"来源: {catalogue.sources[m.reason.source].cited('zh')}"
        for m in explain("签名带繁体字").matches
    ]
    assert cited == expected and "阿里云短信服务：短信审核失败的处理建议 · https://" in cited[0]
    assert "seeds/" not in out and ".txt" not in out
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
