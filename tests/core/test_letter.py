"""Authorization letter: reading the input and every check before filling."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from assistant.core.findings import Severity, has_errors
from assistant.core.letter import LetterInput, Party, check_letter, parse_date
from assistant.core.letter.checks import whole_months

TODAY = dt.date(2026, 11, 22)
OWNER_CODE = "91440300MA5F8K2L2L"  # valid GB 32100 check characters
APPLICANT_CODE = "91330106MA2H7Q4N98"


def mapping(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "provider": "alibaba",
        "signature_names": ["云天科技", "云天商城"],
        "owner": {
            "name": "深圳市云天科技有限公司",
            "credit_code": OWNER_CODE,
            "legal_representative": "李明",
        },
        "applicant": {"name": "杭州星河网络服务有限公司", "credit_code": APPLICANT_CODE},
        "letter": {"valid_from": "2026-11-22", "valid_until": "2027-11-21", "language": "zh"},
    }
    data.update(over)
    return data


def good(**over: Any) -> LetterInput:
    inp, findings = LetterInput.from_mapping(mapping())
    assert inp is not None and findings == []
    return replace(inp, **over)


def codes(inp: LetterInput, lang: str = "en") -> dict[str, Severity]:
    return {f.code: f.severity for f in check_letter(inp, lang, today=TODAY)}


# ------------------------------------------------------------------ input
def test_from_mapping_reads_every_key() -> None:
    data = mapping(region=None)
    data["letter"].update(risk_bearer="", signed_on="2026-11-20", template="mine.docx")
    inp, findings = LetterInput.from_mapping(data)
    assert findings == [] and inp is not None
    assert inp.provider == "alibaba"
    assert inp.signature_names == ("云天科技", "云天商城")
    assert inp.owner == Party("深圳市云天科技有限公司", OWNER_CODE, "李明")
    assert inp.applicant == Party("杭州星河网络服务有限公司", APPLICANT_CODE)
    assert (inp.valid_from, inp.valid_until, inp.signed_on) == (
        "2026-11-22",
        "2027-11-21",
        "2026-11-20",
    )
    assert inp.template == "mine.docx"
    assert inp.effective_risk_bearer == "深圳市云天科技有限公司"


def test_good_letter_has_no_findings() -> None:
    assert check_letter(good(), "en", today=TODAY) == []


@pytest.mark.parametrize("data", [None, [], "text", 42])
def test_from_mapping_not_an_object(data: Any) -> None:
    inp, findings = LetterInput.from_mapping(data)
    assert inp is None and [f.code for f in findings] == ["letter.not_an_object"]


@pytest.mark.parametrize("provider", [None, "", "aws", 3])
def test_from_mapping_unknown_provider_lists_valid_ones(provider: Any) -> None:
    inp, findings = LetterInput.from_mapping(mapping(provider=provider))
    assert inp is None
    assert findings[0].code == "letter.provider_unknown"
    assert "tencent, alibaba, huawei" in findings[0].message


def test_from_mapping_wrong_types_are_findings_not_tracebacks() -> None:
    data = mapping(owner="深圳市云天科技有限公司", signature_names=["云天科技", 7])
    data["applicant"] = {"name": ["x"], "credit_code": APPLICANT_CODE}
    data["letter"] = {"valid_from": 20261122, "valid_until": "2027-11-21"}
    inp, findings = LetterInput.from_mapping(data)
    assert inp is not None
    subjects = {f.subject for f in findings if f.code == "letter.wrong_type"}
    assert subjects == {"owner", "signature_names[1]", "applicant.name", "letter.valid_from"}
    assert inp.owner == Party() and inp.signature_names == ("云天科技",)
    # the gaps are then reported by the checks as missing
    missing = {
        f.subject for f in check_letter(inp, "en", today=TODAY) if f.code == "letter.missing"
    }
    assert {"owner.name", "owner.credit_code", "applicant.name", "letter.valid_from"} <= missing


def test_from_mapping_accepts_date_objects_and_a_single_name() -> None:
    data = mapping(signature_names="云天科技")
    data["letter"]["valid_from"] = dt.date(2026, 11, 22)
    inp, findings = LetterInput.from_mapping(data)
    assert findings == [] and inp is not None
    assert inp.valid_from == "2026-11-22" and inp.signature_names == ("云天科技",)


def test_from_case_reads_a_case_object() -> None:
    class Obj:
        def __init__(self, **kw: Any) -> None:
            self.__dict__.update(kw)

    case = Obj(
        provider="huawei",
        region=None,
        signature_names=["云天科技"],
        owner=Obj(name="A公司", credit_code=OWNER_CODE, legal_representative="李明"),
        applicant=Obj(name="B公司", credit_code=APPLICANT_CODE),
        letter=Obj(
            valid_from=dt.date(2026, 1, 1),
            valid_until=None,
            language="en",
            risk_bearer="",
            template="",
        ),
    )
    inp = LetterInput.from_case(case)
    assert inp.provider == "huawei" and inp.valid_from == "2026-01-01" and inp.valid_until == ""
    assert inp.letter_language == "en"
    # check_letter takes the case object as well
    assert "letter.missing" in {f.code for f in check_letter(case, "en", today=TODAY)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-22", dt.date(2026, 11, 22)),
        ("2026/1/2", dt.date(2026, 1, 2)),
        ("2026.01.02", dt.date(2026, 1, 2)),
        ("2026年1月2日", dt.date(2026, 1, 2)),
        (" 2026 年 01 月 02 日 ", dt.date(2026, 1, 2)),
        ("2026-02-30", None),
        ("22/11/2026", None),
        ("tomorrow", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("2026-01-01", "2026-12-31", 12),
        ("2026-01-01", "2026-12-30", 11),
        ("2026-11-22", "2027-05-21", 6),
        ("2026-11-22", "2027-05-20", 5),
        ("2026-01-31", "2026-02-26", 0),
        ("2026-01-31", "2026-02-27", 1),  # Jan 31 + 1 month = Feb 28
        ("2026-01-01", "2028-12-31", 36),
    ],
)
def test_whole_months_counts_the_last_day(start: str, end: str, months: int) -> None:
    assert whole_months(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == months


# ------------------------------------------------------------------ parties
def test_authorizer_must_differ_from_authorized_party() -> None:
    inp = good(applicant=Party("深圳市云天科技有限公司 ", APPLICANT_CODE))
    assert codes(inp)["letter.same_party"] is Severity.ERROR
    # full-width/half-width brackets and case do not hide it
    inp = good(
        owner=Party("Yuntian (Shenzhen) Co", OWNER_CODE, "Li"),
        applicant=Party("YUNTIAN（SHENZHEN）CO", APPLICANT_CODE),
    )
    assert "letter.same_party" in codes(inp)


def test_same_code_for_two_names() -> None:
    inp = good(applicant=Party("杭州星河网络服务有限公司", OWNER_CODE))
    assert codes(inp)["letter.same_code"] is Severity.ERROR


def test_credit_codes_are_checksummed_with_the_party_as_subject() -> None:
    inp = good(owner=Party("深圳市云天科技有限公司", OWNER_CODE[:-1] + "X", "李明"))
    found = [f for f in check_letter(inp, "en", today=TODAY) if f.code.startswith("id.credit_code")]
    assert [(f.code, f.subject, f.severity) for f in found] == [
        ("id.credit_code.checksum", "owner.credit_code", Severity.ERROR)
    ]


@pytest.mark.parametrize(
    ("field", "severity"),
    [
        ("owner.name", Severity.ERROR),
        ("owner.credit_code", Severity.ERROR),
        ("owner.legal_representative", Severity.WARNING),
        ("applicant.name", Severity.ERROR),
        ("applicant.credit_code", Severity.ERROR),
    ],
)
def test_missing_values(field: str, severity: Severity) -> None:
    party, attr = field.split(".")
    inp = good()
    inp = replace(inp, **{party: replace(getattr(inp, party), **{attr: "  "})})
    found = [f for f in check_letter(inp, "zh", today=TODAY) if f.code == "letter.missing"]
    assert [(f.subject, f.severity) for f in found] == [(field, severity)]
    assert found[0].message.startswith("缺少")


def test_risk_bearer_other_than_owner_is_an_error() -> None:
    # seed 003: 风险承担方填写错误 is a rejection reason (#10: an error, not a warning)
    assert "letter.risk_bearer_not_owner" not in codes(good(risk_bearer="深圳市云天科技有限公司"))
    found = codes(good(risk_bearer="杭州星河网络服务有限公司"))
    assert found["letter.risk_bearer_not_owner"] is Severity.ERROR


def test_party_names_only_allowed_symbols() -> None:
    ok = good(owner=Party("云天·科技【深圳】（有限）(公司) A1", OWNER_CODE, "李明"))
    assert "letter.party_name_symbols" not in codes(ok)
    bad = good(owner=Party("Yuntian Co., Ltd.", OWNER_CODE, "李明"))
    found = [
        f for f in check_letter(bad, "en", today=TODAY) if f.code == "letter.party_name_symbols"
    ]
    assert len(found) == 1 and found[0].subject == "owner.name"
    assert "“,”" in found[0].message and "“.”" in found[0].message
    # a look-alike middle dot gets a one-click fix
    dot = good(applicant=Party("云天•科技", APPLICANT_CODE))
    (fix,) = [
        f for f in check_letter(dot, "en", today=TODAY) if f.code == "letter.party_name_symbols"
    ]
    assert fix.fixed_value == "云天·科技"


@pytest.mark.parametrize(
    ("provider", "severity"),
    [("alibaba", Severity.ERROR), ("tencent", Severity.WARNING), ("huawei", Severity.WARNING)],
)
def test_party_name_symbols_severity_comes_from_the_pack(provider: str, severity: Severity) -> None:
    inp = good(provider=provider, owner=Party("Yuntian Co., Ltd.", OWNER_CODE, "Li"))
    (f,) = [
        f for f in check_letter(inp, "en", today=TODAY) if f.code == "letter.party_name_symbols"
    ]
    assert f.severity is severity
    assert f.source == ("alibaba-api" if provider == "alibaba" else "derived")


def test_party_name_all_digits() -> None:
    assert (
        codes(good(applicant=Party("123456", APPLICANT_CODE)))["letter.party_name_digits"]
        is Severity.ERROR
    )


# ------------------------------------------------------------------ signatures
def test_no_signatures() -> None:
    assert codes(good(signature_names=()))["letter.no_signatures"] is Severity.ERROR
    assert "letter.no_signatures" in codes(good(signature_names=(" ", "")))


def test_alibaba_allows_100_signatures_per_letter() -> None:
    names = tuple(f"云天{chr(0x4E00 + i)}{chr(0x4E00 + i + 200)}" for i in range(101))
    assert "letter.too_many_signatures" not in codes(
        good(signature_names=names[:100]),
    )
    found = [f for f in check_letter(good(signature_names=names), "en", today=TODAY, names=False)]
    (too_many,) = [f for f in found if f.code == "letter.too_many_signatures"]
    assert (
        too_many.severity is Severity.ERROR
        and "101" in too_many.message
        and "100" in too_many.message
    )
    assert too_many.source == "alibaba-api"


def test_every_signature_is_name_checked_and_named_in_the_message() -> None:
    inp = good(signature_names=("云天科技", "测试", "云天科技"))
    found = check_letter(inp, "en", today=TODAY)
    test_word = [f for f in found if f.code == "name.test_word"]
    assert (
        test_word
        and test_word[0].subject == "signature_names[1]"
        and "“测试”" in test_word[0].message
    )
    assert [f.subject for f in found if f.code == "letter.duplicate_signature"] == [
        "signature_names[2]"
    ]
    # a caller that checks names itself can leave them out
    assert not any(
        f.code.startswith("name.") for f in check_letter(inp, "en", today=TODAY, names=False)
    )


# ------------------------------------------------------------------ validity
@pytest.mark.parametrize(
    ("provider", "until", "code", "severity"),
    [
        ("huawei", "2027-05-20", "letter.validity_too_short", Severity.ERROR),  # 5 months
        ("huawei", "2027-05-21", None, None),  # exactly 6 months
        ("tencent", "2027-11-20", "letter.validity_too_short", Severity.WARNING),
        ("tencent", "2027-11-21", None, None),
        ("alibaba", "2027-11-20", "letter.validity_too_short", Severity.WARNING),
        ("alibaba", "2029-11-21", None, None),  # exactly 3 years
        ("alibaba", "2029-11-22", "letter.validity_too_long", Severity.WARNING),
        ("tencent", "2036-11-21", None, None),  # no maximum at Tencent
    ],
)
def test_validity_against_the_provider(
    provider: str, until: str, code: str | None, severity: Severity | None
) -> None:
    found = {
        f.code: f
        for f in check_letter(
            good(provider=provider, valid_until=until), "en", today=TODAY, names=False
        )
    }
    validity = {c for c in found if c.startswith("letter.validity")}
    if code is None:
        assert validity == set()
    else:
        assert validity == {code}
        assert found[code].severity is severity
        assert found[code].fixed_value  # the date that would meet the rule


def test_huawei_short_validity_suggests_the_date() -> None:
    (f,) = [
        f
        for f in check_letter(
            good(provider="huawei", valid_until="2027-02-28"), "en", today=TODAY, names=False
        )
        if f.code == "letter.validity_too_short"
    ]
    assert f.fixed_value == "2027-05-21" and "6 months" in f.message and f.source == "huawei-api"


def test_expired_reversed_invalid_and_missing_dates() -> None:
    assert (
        codes(good(valid_from="2024-01-01", valid_until="2025-12-31"))["letter.expired"]
        is Severity.ERROR
    )
    assert codes(good(valid_until="2026-11-01"))["letter.validity_reversed"] is Severity.ERROR
    found = check_letter(good(valid_from="2026-13-01", valid_until=""), "en", today=TODAY)
    assert {
        (f.code, f.subject) for f in found if f.code in ("letter.date_invalid", "letter.missing")
    } == {
        ("letter.date_invalid", "letter.valid_from"),
        ("letter.missing", "letter.valid_until"),
    }


def test_expiring_soon_and_not_yet_valid_are_warnings() -> None:
    assert (
        codes(good(valid_from="2025-12-01", valid_until="2026-12-10"))["letter.expires_soon"]
        is Severity.WARNING
    )
    assert (
        codes(good(valid_from="2027-01-01", valid_until="2028-12-31"))["letter.not_yet_valid"]
        is Severity.WARNING
    )


def test_signing_date_checks() -> None:
    assert "letter.signed_in_future" in codes(good(signed_on="2026-12-01"))
    assert codes(good(signed_on="2026-11-21")) == {}
    assert codes(good(signed_on="2026/11/31"))["letter.date_invalid"] is Severity.ERROR


def test_unknown_language_and_region() -> None:
    found = codes(good(language="fr"))
    assert found["letter.language_unknown"] is Severity.WARNING
    assert good(language="fr").letter_language == "zh"
    assert good(language="en-GB").letter_language == "en"
    assert codes(good(provider="tencent", region="mars"))["letter.region_unknown"] is Severity.ERROR


def test_unknown_provider_on_a_constructed_input() -> None:
    found = check_letter(LetterInput(provider="aws"), "en", today=TODAY)
    assert [f.code for f in found] == ["letter.provider_unknown"]


def test_messages_in_chinese_and_errors_first() -> None:
    found = check_letter(
        good(provider="huawei", valid_until="2027-02-28", risk_bearer="别人"), "zh", today=TODAY
    )
    assert has_errors(found)
    assert [f.severity for f in found] == sorted((f.severity for f in found), key=lambda s: s.rank)
    assert any("华为云要求至少 6 个月" in f.message for f in found)


def test_check_parties_gives_the_pair_checks_of_a_for_others_case() -> None:
    from assistant.core.letter import check_parties
    from assistant.core.model import Case

    case = Case(provider="alibaba", purpose="others")
    case.owner.name = case.applicant.name = "深圳市星河科技有限公司"
    assert [f.code for f in check_parties(case)] == ["letter.same_party"]
    case.applicant.name = "杭州云朵科技有限公司"
    case.owner.name = "星河科技#"
    assert "letter.party_name_symbols" in {f.code for f in check_parties(case)}
    case.purpose = "self"
    assert check_parties(case) == []
