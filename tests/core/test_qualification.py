"""The qualification section (#11): each value check, each refusal of the section against the
provider's rules, the rule packs' [qualification] tables, the masking of ID numbers and the
same administrator for several owners across a folder. The expectations name their source (the
rule pack entry or the provider page it encodes)."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.core.bundle import sample_case
from assistant.core.findings import Severity
from assistant.core.model import Case, case_json, load_case, parse_case, save_case
from assistant.core.model.qualification import LONG_TERM_UNTIL, Qualification, Validity
from assistant.core.qualification import (
    check_folder,
    check_handler_reuse,
    check_qualification,
    mask_id,
    qualification_name,
    qualification_rules,
    redact,
    redact_finding,
    steps,
)
from assistant.core.qualification.checks import (
    add_working_days,
    check_email,
    check_id_number,
    check_mobile,
    check_name_chars,
    check_resident_id,
    check_validity,
)
from assistant.core.qualification.rules import build_rules
from assistant.core.rules import RulePackError, load_pack

TODAY = dt.date(2026, 12, 1)  # a Tuesday
REP = "330106198506121237"  # well-formed (GB 11643), made up
HANDLER = "330106199203154327"


def codes(findings: list) -> list[str]:
    return [f.code for f in findings]


def complete(provider: str, purpose: str = "others") -> Case:
    """The demo's case of ``provider`` with its complete qualification (every check passes)."""
    case = sample_case("en", TODAY, provider=provider)
    case.purpose = purpose
    if purpose == "self":
        case.applicant.name = case.owner.name
        case.applicant.credit_code = case.owner.credit_code
    for document in ("business_license", "authorization_letter", "legal_rep_id_portrait",
                     "legal_rep_id_emblem", "handler_id_portrait", "handler_id_emblem",
                     "handler_holding_id", "commitment_letter"):  # fmt: skip
        case.attachments.append(_attachment(document))
    return case


def _attachment(document: str):  # type: ignore[no-untyped-def]
    from assistant.core.model import Attachment

    return Attachment(document=document, path=f"/nonexistent/{document}.jpg")


# ------------------------------------------------------------------------------ ID numbers
@pytest.mark.parametrize(
    ("number", "code"),
    [
        (REP, None),
        ("33010619920315102x", None),  # lower-case x is the same check character
        ("3301 0619 8506 1212 37", None),  # typed with spaces
        ("33010619850612123", "qualification.id_length"),  # 17 characters
        ("330106850612123", "qualification.id_length"),  # a first-generation 15-digit number
        ("33010619850612123A", "qualification.id_format"),
        ("330106198506121238", "qualification.id_checksum"),  # one digit off
        ("330106198513321230", "qualification.id_birth_date"),  # month 13
    ],
)
def test_resident_id_numbers(number: str, code: str | None) -> None:
    from stdnum.cn import ric

    if code == "qualification.id_birth_date":  # a right check character over a wrong date
        number = number[:17] + ric.calc_check_digit(number[:17] + "0")
    found = check_resident_id(number, "en", "x", TODAY)
    assert codes(found) == ([code] if code else [])
    assert all(REP not in f.message for f in found)  # shown masked


def _with_birth(born: str, area: str = "330106") -> str:
    from stdnum.cn import ric

    first = f"{area}{born}123"
    return first + ric.calc_check_digit(first + "0")


def test_birth_dates_must_be_plausible() -> None:
    future = check_resident_id(_with_birth("20270101"), "en", "x", TODAY)
    assert codes(future) == ["qualification.id_birth_implausible"]
    old = check_resident_id(_with_birth("18990101"), "en", "x", TODAY)
    assert codes(old) == ["qualification.id_birth_implausible"]
    minor = check_resident_id(_with_birth("20120101"), "en", "x", TODAY)
    assert codes(minor) == ["qualification.id_minor"]
    assert minor[0].severity is Severity.WARNING


def test_an_unknown_address_code_is_only_a_note() -> None:
    found = check_resident_id(_with_birth("19850612", area="999999"), "en", "x", TODAY)
    assert codes(found) == ["qualification.id_region_unknown"]
    assert found[0].severity is Severity.INFO


def test_other_documents_are_checked_for_their_characters_only() -> None:
    assert check_id_number("E12345678", "passport", "en", "x") == []
    assert check_id_number("H1234567801", "hk_macao_permit", "en", "x") == []
    assert codes(check_id_number("E12#45", "passport", "en", "x")) == [
        "qualification.document_number"
    ]
    assert check_id_number("", "resident_id", "en", "x") == []


# ------------------------------------------------------------------------------ contacts
def test_mobile_numbers() -> None:
    assert check_mobile("13800138000", "en", "m") == []
    for typed in ("+86 138 0013 8000", "0086-13800138000", "8613800138000"):
        found = check_mobile(typed, "en", "m")
        assert codes(found) == ["qualification.mobile_normalized"]
        assert found[0].fixed_value == "13800138000"
    for wrong in ("010-12345678", "1380013800", "12800138000", "138001380001"):
        found = check_mobile(wrong, "en", "m")
        assert codes(found) == ["qualification.mobile_invalid"], wrong
        assert found[0].severity is Severity.ERROR


def test_email() -> None:
    assert check_email("li.hua@example.com", "en", "e") == []
    assert codes(check_email("li.hua@example", "en", "e")) == ["qualification.email_invalid"]


# ------------------------------------------------------------------------------ validity
def v(start: str | None, until: str | None, long_term: bool = False) -> Validity:
    d = dt.date.fromisoformat
    return Validity(d(start) if start else None, d(until) if until else None, long_term)


@pytest.mark.parametrize(
    ("validity", "expected"),
    [
        (v("2020-01-01", "2030-01-01"), []),
        (v("2020-01-01", None, True), []),
        (v("2020-01-01", "2099-12-31"), []),  # typed as the consoles' long-term date
        (v("2030-01-01", "2020-01-01"), ["qualification.validity_order"]),
        (v("2027-01-01", "2037-01-01"), ["qualification.validity_not_started"]),
        (v("2010-01-01", "2020-01-01"), ["qualification.validity_expired"]),
        (v("2016-01-01", "2026-12-08"), ["qualification.validity_expiring"]),
        (v("2020-01-01", "2030-01-01", True), ["qualification.validity_conflict"]),
        (v(None, "2030-01-01"), ["qualification.validity_range"]),
    ],
)
def test_validity(validity: Validity, expected: list[str]) -> None:
    found = check_validity(
        validity, "en", "s", what="licence", today=TODAY, needed_days=12, wants_range=True
    )
    assert codes(found) == expected


def test_expiring_counts_working_days() -> None:
    assert add_working_days(TODAY, 4) == dt.date(2026, 12, 7)  # Tue + 4 = next Monday
    assert add_working_days(TODAY, 10) == dt.date(2026, 12, 15)
    close = v("2016-01-01", "2026-12-14")
    assert codes(check_validity(close, "en", "s", what="x", today=TODAY, needed_days=10)) == [
        "qualification.validity_expiring"
    ]
    assert check_validity(close, "en", "s", what="x", today=TODAY, needed_days=8) == []


def test_long_term_is_2099_12_31() -> None:
    assert Validity(dt.date(2020, 1, 1), None, True).range_text() == "2020-01-01~2099-12-31"
    assert Validity(dt.date(2020, 1, 1), LONG_TERM_UNTIL).is_long_term
    assert Validity(None, dt.date(2030, 1, 1)).range_text() == ""


# ------------------------------------------------------------------------------ names
def test_alibaba_company_name_symbols() -> None:
    item = qualification_rules("alibaba").field("owner.name", "self")  # type: ignore[union-attr]
    assert item is not None and item.max_length == 150 and item.not_all_digits

    def check(name: str) -> list[str]:
        return codes(
            check_name_chars(
                name, "en", "n", label="name", allowed_symbols=item.allowed_symbols,
                max_length=item.max_length, not_all_digits=item.not_all_digits,
            )
        )  # fmt: skip

    assert check("腾讯科技（深圳）有限公司") == []
    assert check("Alibaba (China) Co Ltd") == []
    assert check("阿里巴巴·【云】有限公司") == []
    assert check("云朵&星河科技有限公司") == ["qualification.name_symbols"]
    assert check("云朵科技有限公司!") == ["qualification.name_symbols"]
    assert check("12345678") == ["qualification.name_digits"]
    assert check("云" * 151) == ["qualification.name_too_long"]
    fixed = check_name_chars(
        "云朵•星河科技有限公司", "en", "n", label="n", allowed_symbols=item.allowed_symbols
    )
    assert fixed[0].fixed_value == "云朵·星河科技有限公司"  # the look-alike dot replaced


def test_the_qualification_name_is_derived_without_symbols() -> None:
    case = complete("alibaba")
    case.qualification.owner.name = "腾讯科技（深圳）有限公司"
    assert qualification_name(case) == "腾讯科技深圳有限公司资质李华"
    case.qualification.name = "我的资质"
    assert qualification_name(case) == "我的资质"


# ------------------------------------------------------------------------------ the section
@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_a_complete_qualification_passes(provider: str) -> None:
    assert check_qualification(complete(provider), "en", today=TODAY) == []
    assert check_qualification(complete(provider, "self"), "en", today=TODAY) == []


def test_an_empty_section_is_a_warning_not_a_refusal() -> None:
    found = check_qualification(Case(provider="tencent"), "en", today=TODAY)
    assert codes(found) == ["qualification.not_prepared"]
    assert found[0].severity is Severity.WARNING


def test_no_qualification_where_none_is_asked() -> None:
    case = complete("tencent")
    case.region = "international"  # QualificationId: 国际短信无需填写
    case.qualification.handler.id_number = "123"
    assert check_qualification(case, "en", today=TODAY) == []
    assert steps(case, "en") == []


@pytest.mark.parametrize(
    ("provider", "value", "ok"),
    [("tencent", "1000001", True), ("tencent", "Q-12", False), ("alibaba", "12x", False),
     ("huawei", "5a0c9e1f2b3c4d5e", True), ("huawei", "id with spaces", False)],
)  # fmt: skip
def test_an_approved_id_replaces_the_section(provider: str, value: str, ok: bool) -> None:
    case = Case(provider=provider)
    case.qualification.approved_id = value
    found = check_qualification(case, "en", today=TODAY)
    assert codes(found) == ([] if ok else ["qualification.approved_id_format"])


def test_required_and_recommended_fields_per_provider() -> None:
    # Alibaba SubmitSmsQualification: the legal representative's ID validity is required
    case = complete("alibaba")
    case.qualification.legal_representative.id_validity = Validity()
    found = {f.code: f for f in check_qualification(case, "en", today=TODAY)}
    assert found["qualification.missing_required"].subject == (
        "qualification.legal_representative.id_validity"
    )
    assert found["qualification.missing_required"].source == "alibaba-submit-qualification"
    # Tencent names the kinds of data only: the validities are recommended
    case = complete("tencent")
    case.qualification.handler.id_validity = Validity()
    found = check_qualification(case, "en", today=TODAY)
    assert [(f.code, f.severity) for f in found] == [
        ("qualification.missing_recommended", Severity.WARNING)
    ]
    # Huawei's form asks for an e-mail (recommended) and a mobile (required)
    case = complete("huawei")
    case.qualification.handler.email = ""
    case.qualification.handler.mobile = ""
    found = {(f.code, f.subject) for f in check_qualification(case, "en", today=TODAY)}
    assert found == {
        ("qualification.missing_recommended", "qualification.handler.email"),
        ("qualification.missing_required", "qualification.handler.mobile"),
    }


def test_the_parties_fill_the_owner_when_it_is_not_typed() -> None:
    case = complete("tencent")
    case.qualification.owner.name = ""
    case.qualification.owner.credit_code = ""
    case.qualification.legal_representative.name = ""
    assert check_qualification(case, "en", today=TODAY) == []


def test_documents_by_need() -> None:
    case = complete("alibaba")
    keep = ("business_license", "authorization_letter")
    case.attachments = [a for a in case.attachments if a.document in keep]
    found = {f.subject: f for f in check_qualification(case, "en", today=TODAY)}
    assert found["handler_id_emblem"].severity is Severity.ERROR  # AdminIDCardFrontFace
    assert found["handler_id_portrait"].severity is Severity.ERROR  # AdminIDCardPic
    assert found["legal_rep_id_emblem"].severity is Severity.INFO  # only if the check fails
    assert "qualification.licence" not in found  # the signature's checklist reports it
    huawei = complete("huawei")
    huawei.attachments = [a for a in huawei.attachments if a.document != "handler_holding_id"]
    assert codes(check_qualification(huawei, "en", today=TODAY)) == [
        "qualification.document_missing"
    ]
    tencent = complete("tencent")
    tencent.attachments = [a for a in tencent.attachments if a.document != "commitment_letter"]
    found = check_qualification(tencent, "en", today=TODAY)
    assert [(f.subject, f.severity) for f in found] == [("commitment_letter", Severity.ERROR)]


def test_the_owner_is_the_signatures_owner_and_the_letters_authorizer() -> None:
    case = complete("tencent")
    case.qualification.owner.name = "杭州星河科技有限公司"
    found = {f.code: f for f in check_qualification(case, "en", today=TODAY)}
    assert found["qualification.owner_mismatch"].severity is Severity.ERROR
    case = complete("alibaba", "self")
    case.applicant.name = "腾讯科技（深圳）有限公司"
    case.qualification.owner.name = "腾讯科技(深圳)有限公司"  # half-width brackets
    f = next(f for f in check_qualification(case, "en", today=TODAY))
    assert f.code == "qualification.owner_brackets" and f.severity is Severity.WARNING
    assert f.fixed_value == "腾讯科技(深圳)有限公司" and f.source == "public-notes-brackets"
    case = complete("huawei")
    case.qualification.owner.credit_code = "91440300MA5F8K2L2L"
    assert "qualification.code_mismatch" in codes(check_qualification(case, "en", today=TODAY))


def test_purpose_entity_and_id_types_the_form_takes() -> None:
    case = complete("tencent")
    case.qualification.purpose = "self"
    assert codes(check_qualification(case, "en", today=TODAY)) == ["qualification.purpose_mismatch"]
    case.qualification.purpose = "mine"
    assert "qualification.purpose_unknown" in codes(check_qualification(case, "en", today=TODAY))
    huawei = complete("huawei")
    huawei.qualification.handler.id_type = "passport"  # 身份证号 only
    huawei.qualification.handler.id_number = "E12345678"
    assert codes(check_qualification(huawei, "en", today=TODAY)) == [
        "qualification.id_type_unsupported"
    ]
    alibaba = complete("alibaba")
    alibaba.qualification.owner.entity_type = "person"  # CompanyType: COMPANY / NON_PROFIT
    assert codes(check_qualification(alibaba, "en", today=TODAY)) == [
        "qualification.entity_unsupported"
    ]


def test_one_number_two_names() -> None:
    case = complete("tencent")
    case.qualification.handler.id_number = REP
    assert codes(check_qualification(case, "en", today=TODAY)) == [
        "qualification.same_id_two_names"
    ]
    case.qualification.handler.name = case.qualification.legal_representative.name
    assert check_qualification(case, "en", today=TODAY) == []  # the same person may be both


def test_the_commitment_letter_date() -> None:
    case = complete("tencent")
    case.qualification.commitment.signed_on = TODAY + dt.timedelta(days=3)
    assert codes(check_qualification(case, "en", today=TODAY)) == ["letter.signed_in_future"]
    huawei = complete("huawei")  # no commitment letter at Huawei
    huawei.qualification.commitment.signed_on = TODAY + dt.timedelta(days=3)
    assert check_qualification(huawei, "en", today=TODAY) == []


def test_no_finding_shows_an_id_number() -> None:
    case = complete("alibaba")
    case.qualification.handler.id_number = HANDLER[:-1] + "0"  # wrong check character
    case.qualification.legal_representative.id_validity = v("2010-01-01", "2020-01-01")
    for f in check_qualification(case, "zh", today=TODAY):
        for value in (f.message, f.fix or "", f.subject or "", f.fixed_value or ""):
            assert HANDLER[:-1] not in value and REP not in value


# ------------------------------------------------------------------------------ privacy
def test_masking() -> None:
    assert mask_id("110101199003071234") == "1101**********1234"
    assert mask_id("1101 0119 9003 0712 34") == "1101**********1234"
    assert mask_id("E1234567") == "********"
    assert mask_id("") == ""
    text = f"file {REP}.jpg and 3301 0619 8506 1212 37"
    assert REP not in redact(text, [REP]) and "3301 0619" not in redact(
        text, ["3301 0619 8506 1212 37"]
    )
    assert redact("credit 913301067MA2H3UQ428", []) == "credit 913301067MA2H3UQ428"
    assert redact(f"scan-{HANDLER}.jpg", [], id_like=True) == "scan-3301**********4327.jpg"
    from assistant.core.findings import Finding

    f = Finding(Severity.ERROR, "x", f"path /tmp/{REP}.jpg", fix=REP, subject=REP)
    r = redact_finding(f, [REP])
    assert REP not in r.message + (r.fix or "") + (r.subject or "")
    same = Finding(Severity.ERROR, "x", "nothing here")
    assert redact_finding(same, [REP]) is same


# ------------------------------------------------------------------------------ several cases
def _client(provider: str, owner: str, code: str, handler: str = HANDLER) -> Case:
    case = complete(provider)
    case.owner.name = case.qualification.owner.name = owner
    case.owner.credit_code = case.qualification.owner.credit_code = code
    case.qualification.handler.id_number = handler
    return case


def test_one_administrator_for_several_owners() -> None:
    a = _client("alibaba", "杭州云朵科技有限公司", "91330106MA2H3UQ428")
    b = _client("tencent", "深圳市星河科技有限公司", "91440300MA5F8K2L2L")
    c = _client("huawei", "杭州云朵科技有限公司", "91330106MA2H3UQ428")  # the same owner again
    found = check_handler_reuse([("a", a), ("b", b), ("c", c)], "en")
    assert set(found) == {"a", "b", "c"}
    assert found["a"][0].severity is Severity.ERROR  # Alibaba: carrier registration fails
    assert found["b"][0].severity is Severity.WARNING  # Tencent: carrier-one-handler
    assert HANDLER not in found["a"][0].message and "3301**********4327" in found["a"][0].message
    alone = check_handler_reuse([("a", a), ("c", c)], "en")
    assert alone == {}  # one owner, one administrator
    b.qualification.approved_id = "1000001"
    assert check_handler_reuse([("a", a), ("b", b)], "en") == {}


def test_the_folder_check_reads_every_case_file(tmp_path: Path) -> None:
    save_case(
        _client("tencent", "杭州云朵科技有限公司", "91330106MA2H3UQ428"),
        tmp_path / "a.smscase.json",
    )
    (tmp_path / "sub").mkdir()
    save_case(
        _client("tencent", "深圳市星河科技有限公司", "91440300MA5F8K2L2L"),
        tmp_path / "sub" / "b.smscase.json",
    )
    (tmp_path / "broken.smscase.json").write_text("{", encoding="utf-8")
    found = check_folder(tmp_path, "en")
    assert sorted(Path(p).name for p in found) == ["a.smscase.json", "b.smscase.json"]


# ------------------------------------------------------------------------------ the case file
def test_the_section_round_trips_and_keeps_numbers_as_typed(tmp_path: Path) -> None:
    case = complete("alibaba")
    case.qualification.handler.id_number = "3301 0619 9203 1543 27"
    path = tmp_path / "c.smscase.json"
    save_case(case, path)
    assert "3301 0619 9203 1543 27" in path.read_text(encoding="utf-8")  # the user's file
    loaded, _ = load_case(path)
    assert loaded is not None and loaded.qualification == case.qualification
    assert Qualification().is_started() is False
    approved_only = Qualification(approved_id="1")
    assert approved_only.is_started() is False
    assert case.qualification.is_started() and case.qualification.id_numbers()


def test_bad_values_in_the_section_are_findings() -> None:
    data = {
        "format": "sms-signature-case",
        "version": 2,
        "qualification": {
            "handler": {"id_validity": {"valid_until": "2030-02-30"}, "mobile": 13800138000},
            "commitment": {"template": "a\x00.docx"},
            "owner": {"licence": {"long_term": "yes"}},
            "unknown": 1,
        },
    }
    case, found = parse_case(data, verify_files=False)
    assert case is not None
    assert {f.code for f in found} >= {
        "case.bad_date",
        "case.wrong_type",
        "case.bad_path",
        "case.unknown_key",
    }
    assert "qualification" in case_json(case)


# ------------------------------------------------------------------------------ the rule packs
def test_every_pack_has_qualification_rules() -> None:
    for provider, commitment, api in (
        ("tencent", "required", None),
        ("alibaba", "none", "SubmitSmsQualification"),
        ("huawei", "none", None),
    ):
        rules = qualification_rules(provider)
        assert rules is not None and rules.commitment == commitment and rules.api == api
        assert rules.filing_working_days == 10 and rules.lapse_months == 6
        assert rules.applies("mainland") and not rules.applies("international")
        for item in (*rules.fields, *rules.documents):
            src = rules.source(item.source)
            assert src.read in (dt.date(2026, 12, 1), "2026-12-01") and (src.url or src.ref)


def _pack_with(provider: str, **qualification: object):  # type: ignore[no-untyped-def]
    pack = load_pack(provider)
    table = copy.deepcopy(dict(pack.qualification))
    table.update(qualification)
    return replace(pack, qualification=table)


@pytest.mark.parametrize(
    "change",
    [
        {"commitment_source": "nowhere"},
        {"regions": ["moon"]},
        {"id_types": {"driving_licence": "x"}},
        {"documents": [{"id": "selfie", "need": "required", "label": {"en": "x", "zh": "x"}, "source": "gb-11643"}]},
    ],
)  # fmt: skip
def test_a_wrong_reference_names_the_key(change: dict) -> None:
    with pytest.raises(RulePackError) as exc:
        build_rules(_pack_with("tencent", **change))
    assert "qualification." in str(exc.value)


def test_the_schema_refuses_an_unknown_key(tmp_path: Path) -> None:
    from assistant.core.rules import load_pack_file
    from assistant.resources import resource_path

    text = resource_path("rules", "huawei.toml").read_text(encoding="utf-8")
    bad = tmp_path / "huawei.toml"
    bad.write_text(
        text.replace("[qualification]\n", "[qualification]\nsurprise = 1\n", 1), encoding="utf-8"
    )
    with pytest.raises(RulePackError) as exc:
        load_pack_file(bad)
    assert "qualification" in str(exc.value)


@pytest.mark.parametrize(
    "value",
    ["", "\x00" * 40, "²" * 18, "١٣٨٠٠١٣٨٠٠٠", "\ud800", "x" * 100_000, "1" * 18, "-" * 30, "𝟏𝟑𝟖"],
)
def test_hostile_values_give_findings_never_a_traceback(value: str) -> None:
    case = complete("alibaba")
    q = case.qualification
    q.name = q.owner.name = q.owner.credit_code = value
    q.legal_representative.id_number = q.handler.id_number = q.handler.mobile = value
    q.handler.email = q.remark = q.approved_id = ""
    q.owner.entity_type = q.handler.id_type = value[:20]
    found = check_qualification(case, "en", today=TODAY)
    assert all(f.message for f in found)
    steps(case, "zh")


def test_full_width_digits_are_the_same_number() -> None:
    assert check_resident_id("３３０１０６１９８５０６１２１２３７", "en", "x", TODAY) == []
    assert codes(check_mobile("１３８００１３８０００", "en", "m")) == [
        "qualification.mobile_normalized"
    ]


def test_unknown_ids_in_the_section_are_named() -> None:
    case = complete("tencent")
    case.qualification.owner.entity_type = "llc"
    case.qualification.handler.id_type = "driving_licence"
    found = {f.code: f for f in check_qualification(case, "en", today=TODAY)}
    assert "llc" in found["qualification.entity_unknown"].message
    assert "driving_licence" in found["qualification.id_type_unsupported"].message


# How the wizard's Qualification page is named in each language (GUI translations of its title).
QUALIFICATION_PAGE = ("Qualification page", "“资质”页", "资质页", "halaman Kualifikasi")


@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
@pytest.mark.parametrize("lang", ["en", "zh", "id"])
def test_the_section_says_what_to_do_without_naming_its_own_page(provider: str, lang: str) -> None:
    """#16: the section's findings are shown on the Qualification page itself, on Review (under
    the page's heading, one click from it) and in the terminal: “Attach it on the Qualification
    page” read on that page. Every finding of an empty section and of a section without its
    documents says what to do and names no page."""
    empty = Case(provider=provider)
    without_documents = complete(provider)
    without_documents.attachments = [
        a for a in without_documents.attachments if a.document == "business_license"
    ]
    found = [
        *check_qualification(empty, lang, today=TODAY),
        *check_qualification(without_documents, lang, today=TODAY),
    ]
    assert "qualification.not_prepared" in codes(found)
    assert "qualification.document_missing" in codes(found)
    for f in found:
        if f.code in ("qualification.not_prepared", "qualification.document_missing"):
            assert f.fix, f.code
        said = f"{f.message} {f.fix or ''}"
        assert not any(page in said for page in QUALIFICATION_PAGE), said
