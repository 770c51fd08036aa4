"""Identifier checks: credit codes (GB 32100), organization codes (GB 11714), ICP, domains, links."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.core import identifiers as ids


def codes(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.code for f in findings]


# Codes whose check characters are right (GB 32100-2015), including a letter in the body.
VALID_USCC = ["91110000600037341L", "91350100M000100Y43", "11100000000013127D"]


@pytest.mark.parametrize("code", VALID_USCC)
def test_valid_credit_codes(code: str) -> None:
    assert ids.check_credit_code(code) == []


def test_credit_code_check_character_is_computed_per_gb32100() -> None:
    assert ids.uscc_check_char("91110000600037341") == "L"
    found = ids.check_credit_code("91110000600037341A")
    assert codes(found) == ["id.credit_code.checksum"]
    assert "must be L, not A" in found[0].message


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "id.credit_code.empty"),
        (None, "id.credit_code.empty"),
        ("9111000060003734", "id.credit_code.length"),
        ("91110000600037341O", "id.credit_code.chars"),
        ("01110000600037341L", "id.credit_code.format"),
    ],
)
def test_invalid_credit_codes(value: object, code: str) -> None:
    assert code in codes(ids.check_credit_code(value))


def test_credit_code_written_loosely_is_normalized_with_a_fix() -> None:
    found = ids.check_credit_code(" 9111 0000 6000 3734 1l ")
    assert codes(found) == ["id.credit_code.normalized"]
    assert found[0].fixed_value == "91110000600037341L"


def test_org_code_gb11714() -> None:
    assert ids.org_code_check_char("60003734") == "1"
    assert ids.check_org_code("60003734-1") == []
    assert codes(ids.check_org_code("60003734-2")) == ["id.org_code.checksum"]
    assert codes(ids.check_org_code("1234")) == ["id.org_code.format"]
    assert "id.org_code.is_credit_code" in codes(ids.check_org_code("91110000600037341L"))


def test_org_code_check_x_and_zero() -> None:
    # Find bodies whose check value is 10 (X) and 11 (0) and check both round-trip.
    seen = {}
    for n in range(10_000_000, 10_000_400):
        body = str(n)
        seen.setdefault(ids.org_code_check_char(body), body)
    assert "X" in seen and "0" in seen
    assert ids.check_org_code(seen["X"] + "X") == []
    assert ids.check_org_code(seen["0"] + "0") == []


@pytest.mark.parametrize(
    "value",
    ["京ICP备12345678号", "京ICP备12345678号-1", "粤ICP备2023123456号-2A", "沪ICP备 12345678号"],
)
def test_icp_numbers(value: str) -> None:
    assert ids.check_icp_number(value) == []


@pytest.mark.parametrize("value", ["ICP12345", "京备12345678号", "XICP备123号", ""])
def test_bad_icp_numbers(value: str) -> None:
    assert codes(ids.check_icp_number(value))[0] in ("id.icp.format", "id.icp.empty")


def test_icp_operating_license_is_info() -> None:
    assert codes(ids.check_icp_number("京ICP证123456号")) == ["id.icp.license"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("example.com", []),
        ("腾讯.中国", []),
        ("https://www.example.com/about", ["id.domain.url_given"]),
        ("192.168.1.1", ["id.domain.ip"]),
        ("exa mple.com", ["id.domain.invalid"]),
        ("", ["id.domain.empty"]),
    ],
)
def test_domains(value: str, expected: list[str]) -> None:
    assert codes(ids.check_domain(value)) == expected


def test_domain_fix_offers_the_host() -> None:
    assert ids.check_domain("https://www.example.com/about")[0].fixed_value == "www.example.com"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://apps.apple.com/cn/app/id414478124", []),
        ("https://appgallery.huawei.com/app/C100", []),
        ("apps.apple.com/cn/app/id1", ["id.url.no_scheme"]),
        ("https://fir.im/abcd", ["id.app_link.download"]),
        ("https://example.com/app.apk", ["id.app_link.download"]),
        ("https://example.com/app", ["id.app_link.unknown_store"]),
        ("http://10.0.0.1/x", ["id.url.ip"]),
        ("ftp://example.com", ["id.url.invalid"]),
        ("not a url", ["id.url.invalid"]),
    ],
)
def test_app_store_links(value: str, expected: list[str]) -> None:
    assert codes(ids.check_app_store_link(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("010-62345678", []),
        ("0755 1234567", []),
        ("(021)52345678", []),
        ("+86 10 62345678", []),
        ("010-62345678-801", []),
        ("13812345678", ["id.landline.mobile"]),
        ("400-123-4567", ["id.landline.service"]),
        ("12345", ["id.landline.format"]),
        ("", ["id.landline.empty"]),
    ],
)
def test_landlines(value: str, expected: list[str]) -> None:
    assert codes(ids.check_landline(value)) == expected


def test_trademark_numbers() -> None:
    assert ids.check_trademark_number("12345678") == []
    assert codes(ids.check_trademark_number("第12345678号")) == ["id.trademark.normalized"]
    assert codes(ids.check_trademark_number("TM123")) == ["id.trademark.format"]


@pytest.mark.parametrize("value", ["[/", "http://[/x", "https://[::1", "//[", "a[b]c.com"])
def test_broken_urls_are_findings_not_exceptions(value: str) -> None:
    for check in (ids.check_domain, ids.check_url, ids.check_app_store_link):
        assert all(f.severity.value in ("error", "warning", "info") for f in check(value))


@settings(max_examples=300, deadline=None)
@given(
    value=st.one_of(
        st.text(max_size=60), st.text(alphabet="[]/:.@ah1", max_size=12), st.none(), st.integers()
    )
)
def test_identifier_checks_never_raise(value: object) -> None:
    for check in (
        *ids.REMARK_CHECKS.values(),
        ids.check_credit_code,
        ids.check_org_code,
        ids.check_icp_number,
    ):
        for finding in check(value):
            assert finding.message
