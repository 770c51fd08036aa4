"""`check-name --owner` and the regions and industries of `checklist` (#10), through main()."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_name_against_the_owner(capsys: pytest.CaptureFixture[str]) -> None:
    # carrier-abbreviation: 北京市XAX科技有限公司 -> XAX科技 accepted, 北京XAX科技 rejected
    code, out, _ = run(
        capsys,
        "check-name",
        "--provider",
        "tencent",
        "--owner",
        "北京市XAX科技有限公司",
        "--format",
        "json",
        "XAX科技",
        "北京XAX科技",
    )
    assert code == 1
    good, bad = json.loads(out)
    assert good["ok"] and not good["findings"]
    (finding,) = [f for f in bad["findings"] if f["code"] == "name.owner_mismatch"]
    assert finding["fixed_value"] == "XAX科技" and "北京市XAX科技" in finding["fix"]


def test_check_name_type_trademark_uses_the_full_name(capsys: pytest.CaptureFixture[str]) -> None:
    # huawei-create-signature: 商标名的全称
    code, out, _ = run(
        capsys,
        "check-name",
        "--provider",
        "huawei",
        "--type",
        "trademark",
        "--owner",
        "三只松鼠",
        "松鼠",
    )
    assert code == 1 and "name.owner_full_name" in out
    code, _, _ = run(
        capsys,
        "check-name",
        "--provider",
        "huawei",
        "--type",
        "trademark",
        "--owner",
        "三只松鼠",
        "三只松鼠",
    )
    assert code == 0


def test_without_owner_the_name_checks_alone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check-name", "--provider", "alibaba", "北京XAX科技")
    assert code == 0 and "owner" not in out


@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_every_provider_takes_both_regions_and_names_them_on_a_bad_one(
    capsys: pytest.CaptureFixture[str], provider: str
) -> None:
    for region in ("mainland", "international"):
        code, _, err = run(capsys, "check-name", "--provider", provider, "--region", region, "云朵")
        assert code in (0, 1) and not err
    code, _, err = run(capsys, "check-name", "--provider", provider, "--region", "moon", "云朵")
    assert code == 2 and "valid: mainland, international" in err and "-" not in err.split(":")[-1]


def test_unknown_type_is_a_usage_error_listing_the_types(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "check-name", "--provider", "alibaba", "--type", "blog", "云朵")
    assert code == 2 and "valid: company, government" in err


def test_checklist_industry_and_letter_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "checklist",
        "--provider",
        "alibaba",
        "--account",
        "enterprise",
        "--purpose",
        "others",
        "--type",
        "company",
        "--industry",
        "dating",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 1  # dating + the default general kind: verification codes only (seed 003)
    assert "checklist.industry_sign_kind" in [f["code"] for f in data["findings"]]
    assert data["letter"]["official"] and data["questions"][0]["id"] == "industry"
