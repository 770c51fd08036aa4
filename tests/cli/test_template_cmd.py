"""`check-template`: the same JSON shape and exit codes as `check-name`, --file, --signature."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


GOOD = "您的验证码为${code}，5分钟内有效，请勿泄露。"


def test_json_shape_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("check-template", "--provider", "alibaba", "--kind", "verification", "--format", "json")
    code, out, _ = run(capsys, *argv, "--", GOOD)
    assert code == 0
    data = json.loads(out)
    assert data == [{"subject": GOOD, "provider": "alibaba", "ok": True, "findings": []}]

    code, out, _ = run(capsys, *argv, "--", GOOD, "【阿里云】您的密码为${code}，回T退订")
    assert code == 1
    bad = json.loads(out)[1]
    assert set(bad) == {"subject", "provider", "ok", "findings"} and bad["ok"] is False
    found = {f["code"]: f for f in bad["findings"]}
    assert {"template.brackets.signature", "template.unsubscribe.forbidden"} <= set(found)
    assert found["template.brackets.signature"]["fixed_value"] == "您的密码为${code}，回T退订"
    assert {"severity", "code", "message", "fix", "subject", "source"} <= set(
        found["template.verification.keyword_missing"]
    )


def test_text_output_names_codes_and_fixes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check-template", "--provider", "huawei", "--kind", "marketing", "尊敬的会员，八折"
    )
    assert code == 1
    assert "NOT OK" in out and "[template.marketing.unsubscribe_missing]" in out
    assert "尊敬的会员，八折拒收请回复R" in out


def test_file_reads_one_template_per_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    f = tmp_path / "templates.txt"
    f.write_text("\ufeff您的验证码为{1}，请勿泄露。\r\n\n您的密码为{1}\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        *("check-template", "--provider", "tencent", "--kind", "verification"),
        *("--format", "json", "--file", str(f)),
    )
    assert code == 1
    data = json.loads(out)
    assert [d["subject"] for d in data] == ["您的验证码为{1}，请勿泄露。", "您的密码为{1}"]
    assert [d["ok"] for d in data] == [True, False]


def test_signature_counts_in_the_length(capsys: pytest.CaptureFixture[str]) -> None:
    text = "通知" * 249
    argv = ("check-template", "--provider", "alibaba", "--kind", "notification", "--format", "json")
    code, out, _ = run(capsys, *argv, text)
    assert code == 0
    code, out, _ = run(capsys, *argv, "--signature", "阿里云", text)
    assert code == 1
    assert "template.too_long" in {f["code"] for f in json.loads(out)[0]["findings"]}


def test_purpose_enables_the_for_others_rule(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("check-template", "--provider", "alibaba", "--kind", "notification")
    text = "您的理财产品${name}已到期。"
    assert run(capsys, *argv, text)[0] == 0
    code, out, _ = run(capsys, *argv, "--purpose", "others", "--lang", "zh", text)
    assert code == 1 and "他用" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--provider", "tencent", "--kind", "verification"), "give at least one TEXT"),
        (("--provider", "tencent", "--kind", "promo", "x"), "invalid choice: 'promo'"),
        (("--provider", "nope", "--kind", "verification", "x"), "invalid choice: 'nope'"),
        (("--provider", "tencent", "--region", "mars", "--kind", "marketing", "x"), "valid:"),
        (
            ("--provider", "tencent", "--kind", "marketing", "--file", "/no/such/file"),
            "no such file",
        ),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, "check-template", *argv)
    assert code == 2
    assert message in err
