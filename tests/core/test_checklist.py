"""The checklist for every allowed and forbidden combination of every provider."""

from __future__ import annotations

import itertools

import pytest

from assistant.core.checklist import build_checklist, check_remark, type_options
from assistant.core.findings import Severity
from assistant.core.rules import PROVIDERS, load_pack


def all_combinations() -> list[tuple[str, str | None, str, str, str]]:
    out = []
    for provider in PROVIDERS:
        pack = load_pack(provider)
        for region, t, a, u in itertools.product(
            pack.region_ids or (None,), pack.signature_types, pack.accounts, pack.purposes
        ):
            out.append((provider, region, a.id, u.id, t.id))
    return out


@pytest.mark.parametrize(("provider", "region", "account", "purpose", "type_"), all_combinations())
def test_every_combination_is_either_complete_or_explained(
    provider: str, region: str | None, account: str, purpose: str, type_: str
) -> None:
    checklist = build_checklist(provider, account, purpose, type_, region)
    if checklist.ok:
        required = [g for g in checklist.groups() if g[0].required]
        # alibaba-qualification: international signatures need no qualification (self-use)
        no_documents = provider == "alibaba" and region == "international" and purpose == "self"
        assert required or no_documents, "an allowed combination needs at least one document"
        assert required or checklist.remarks, "…and then at least a description"
        if purpose == "others":
            assert any(e.document.id == "authorization_letter" for e in checklist.entries)
        else:
            assert all(e.document.id != "authorization_letter" for e in checklist.entries)
    else:
        errors = [f for f in checklist.findings if f.severity is Severity.ERROR]
        assert errors
        for f in errors:
            assert f.message and f.fix
            assert f.code in ("checklist.not_allowed", "checklist.withdrawn")
    for f in checklist.findings:  # notes on allowed combinations carry their source
        assert f.severity is Severity.ERROR or f.source


def doc_groups(
    provider: str, account: str, purpose: str, type_: str, region: str | None = None
) -> list[set[str]]:
    checklist = build_checklist(provider, account, purpose, type_, region)
    return [{e.document.id for e in g} for g in checklist.groups() if g[0].required]


# seed 001, "for others" table: letter + one of the owner's certificates (company/app/website/OA),
# letter + trademark certificate, letter + government certificates — narrowed by AddSmsSign's
# DocumentType sets (the stricter applies).
def test_tencent_for_others_table() -> None:
    assert doc_groups("tencent", "enterprise", "others", "company") == [
        {"authorization_letter"},
        {"business_license", "three_in_one_certificate"},
    ]
    assert doc_groups("tencent", "enterprise", "others", "app", "international") == [
        {"authorization_letter"},
        {
            "three_in_one_certificate",
            "business_license",
            "org_code_certificate",
            "social_credit_certificate",
        },
    ]
    assert doc_groups("tencent", "enterprise", "others", "trademark") == [
        {"authorization_letter"},
        {"trademark_certificate"},
    ]
    assert doc_groups("tencent", "enterprise", "others", "government") == [
        {"authorization_letter"},
        {"org_code_certificate", "social_credit_certificate"},
    ]


def test_tencent_conflict_note_keeps_the_seed_list() -> None:
    checklist = build_checklist("tencent", "enterprise", "others", "government")
    notes = [e.conflict_note for e in checklist.entries if e.conflict_note]
    assert notes and "public institution" in notes[0]["en"]


# seed 001, individual users (self-use): the back-office screenshots.
@pytest.mark.parametrize(
    ("type_", "doc", "remark"),
    [
        ("app", "app_store_screenshot", "app_store_link"),
        ("website", "icp_filing_screenshot", "domain"),
        ("official_account", "official_account_screenshot", "account_name"),
        ("mini_program", "mini_program_screenshot", "account_name"),
    ],
)
def test_tencent_individual_self_use(type_: str, doc: str, remark: str) -> None:
    checklist = build_checklist("tencent", "individual", "self", type_, "international")
    assert [e.document.id for e in checklist.entries] == [doc]
    assert [r.id for r in checklist.remarks] == [remark]


@pytest.mark.parametrize("type_", ["company", "trademark", "government"])
def test_tencent_individuals_cannot_apply_for_organization_types(type_: str) -> None:
    checklist = build_checklist("tencent", "individual", "self", type_)
    assert not checklist.ok
    assert checklist.findings[0].code == "checklist.not_allowed"
    assert checklist.findings[0].source == "tencent-40653"  # keyed on the owner being a person
    assert "enterprise" in (checklist.findings[0].fix or "")


def test_tencent_app_is_withdrawn_for_mainland_only() -> None:
    mainland = build_checklist("tencent", "enterprise", "self", "app", "mainland")
    assert [f.code for f in mainland.findings] == ["checklist.withdrawn"]
    assert "April 2026" in mainland.findings[0].message
    assert "2026-04-01" in (mainland.findings[0].fix or "") and "company" in (
        mainland.findings[0].fix or ""
    )
    assert build_checklist("tencent", "enterprise", "self", "app", "international").ok


def test_tencent_document_codes() -> None:
    checklist = build_checklist("tencent", "enterprise", "self", "trademark")
    assert [(e.document.id, e.document.code) for e in checklist.entries] == [
        ("trademark_certificate", 7)
    ]


def test_huawei_individual_accounts_need_a_business_license() -> None:
    for t in load_pack("huawei").signature_types:
        assert any(
            f.code == "checklist.not_allowed"
            for f in build_checklist("huawei", "individual", "self", t.id).findings
        )


def test_alibaba_government_needs_landline_and_org_certificate() -> None:
    # seed 003: 政企机关单位的授权委托书和组织机构代码证\社会信用代码证书; landline in the description.
    checklist = build_checklist("alibaba", "enterprise", "others", "government")
    assert [{e.document.id for e in g} for g in checklist.groups()] == [
        {"authorization_letter"},
        {"org_code_certificate", "social_credit_certificate"},
    ]
    assert "landline" in [r.id for r in checklist.remarks]


def test_alibaba_trademark_needs_registration_number() -> None:
    checklist = build_checklist("alibaba", "enterprise", "self", "trademark")
    assert {"trademark_number", "trademark_name"} <= {r.id for r in checklist.remarks}


@pytest.mark.parametrize("type_", ["official_account", "mini_program", "eshop"])
def test_alibaba_sources_stopped_in_2025(type_: str) -> None:
    assert [f.code for f in build_checklist("alibaba", "enterprise", "self", type_).findings] == [
        "checklist.withdrawn"
    ]


def test_huawei_third_party_needs_the_owners_license() -> None:
    # seed 002: a third party is involved -> the business license of the party the signature belongs to.
    checklist = build_checklist("huawei", "enterprise", "others", "company")
    ids = [{e.document.id for e in g} for g in checklist.groups()]
    assert (
        ids[0] == {"authorization_letter"}
        and "business_license" in ids[1]
        and "five_in_one_certificate" in ids[1]
    )


def test_optional_documents_are_marked() -> None:
    checklist = build_checklist("alibaba", "enterprise", "self", "website")
    optional = [e.document.id for e in checklist.entries if not e.required]
    assert optional == ["icp_filing_screenshot"]


def test_unknown_values_list_the_valid_ones() -> None:
    checklist = build_checklist("huawei", "enterprise", "self", "lottery")
    assert checklist.findings[0].code == "checklist.unknown"
    assert "company" in checklist.findings[0].message and "eshop" in checklist.findings[0].message


def test_json_shape() -> None:
    data = build_checklist("tencent", "enterprise", "others", "company", lang="zh").to_dict("zh")
    assert set(data) >= {
        "provider",
        "account",
        "purpose",
        "type",
        "ok",
        "findings",
        "documents",
        "remarks",
    }
    doc = data["documents"][1]
    assert doc["id"] == "business_license" and doc["name"] == "营业执照"
    assert doc["one_of"] == ["business_license", "three_in_one_certificate"]
    assert data["documents"][0]["one_of"] is None and data["documents"][0]["required"] is True


def test_type_options_explain_what_cannot_be_chosen() -> None:
    options = dict(type_options(load_pack("tencent"), "individual", "self", "mainland"))
    assert options["company"] and options["company"][0].code == "checklist.not_allowed"
    assert options["website"][0].code == "checklist.withdrawn"
    assert all(f.severity is Severity.ERROR for fs in options.values() for f in fs)


def test_remark_checks_dispatch_and_limit() -> None:
    alibaba = load_pack("alibaba")
    assert [f.code for f in check_remark(alibaba, "landline", "13812345678")] == [
        "id.landline.mobile"
    ]
    assert [f.code for f in check_remark(alibaba, "description", "")] == ["id.text.empty"]
    assert [f.code for f in check_remark(alibaba, "description", "x" * 201)] == [
        "checklist.remark_too_long"
    ]
    assert check_remark(load_pack("huawei"), "description", "x" * 201) == []
    assert [f.code for f in check_remark(alibaba, "nope", "x")] == ["checklist.unknown_remark"]


# ---------------------------------------------------------------------------- 2026 (#10)
def codes_of(checklist: object) -> dict[str, str]:
    return {f.code: f.severity.value for f in checklist.findings}  # type: ignore[attr-defined]


def test_alibaba_individual_accounts_may_apply_with_the_filing_warning() -> None:
    # alibaba-create-sms-sign: one formal signature per natural day for individuals;
    # alibaba-personal-filing: a personal self-use qualification cannot pass real-name filing.
    checklist = build_checklist("alibaba", "individual", "self", "app")
    assert checklist.ok
    found = codes_of(checklist)
    assert found["checklist.personal_filing"] == "warning"
    assert found["checklist.daily_limit"] == "info"
    personal = next(f for f in checklist.findings if f.code == "checklist.personal_filing")
    assert "message-authentication" in (personal.fix or "")  # where to go instead
    # for others the qualification is the owner's: no filing warning
    others = build_checklist("alibaba", "individual", "others", "company")
    assert others.ok and "checklist.personal_filing" not in codes_of(others)
    # a person's qualification cannot own a company signature (derived)
    assert not build_checklist("alibaba", "individual", "self", "company").ok


def test_alibaba_app_source_is_not_recommended_and_needs_the_app_icp_filing() -> None:
    # alibaba-sdk-create-sms-sign: SignSource 2 (Not recommended), AppIcpRecordId required,
    # launched-app store links no longer supported.
    checklist = build_checklist("alibaba", "enterprise", "self", "app")
    assert checklist.ok and codes_of(checklist) == {"checklist.type_not_recommended": "warning"}
    docs = [{e.document.id for e in g} for g in checklist.groups() if g[0].required]
    assert {"app_icp_filing_screenshot"} in docs
    remarks = [r.id for r in checklist.remarks]
    assert "app_icp_number" in remarks and "app_name" in remarks
    assert "app_store_link" not in remarks


def test_alibaba_website_source_is_withdrawn() -> None:
    checklist = build_checklist("alibaba", "enterprise", "self", "website")
    assert [f.code for f in checklist.findings] == ["checklist.withdrawn"]
    assert checklist.findings[0].source == "alibaba-sdk-create-sms-sign"


def test_alibaba_international_signatures_need_no_qualification() -> None:
    # alibaba-qualification: 国际/港澳台短信不需要提交资质申请; say so in the description
    checklist = build_checklist("alibaba", "enterprise", "self", "company", "international")
    assert checklist.ok and not checklist.entries
    assert [r.id for r in checklist.remarks] == ["description"]


@pytest.mark.parametrize("type_", ["website", "official_account", "mini_program", "eshop"])
def test_huawei_sources_discarded_in_2025(type_: str) -> None:
    # huawei-create-signature: signature_source 1, 3, 4 (已废弃)
    checklist = build_checklist("huawei", "enterprise", "self", type_)
    assert [f.code for f in checklist.findings] == ["checklist.withdrawn"]
    assert "2025-04-11" in (checklist.findings[0].fix or "")


def test_huawei_accepts_org_code_and_law_enforcement_certificates() -> None:
    # huawei-signature-spec: 组织机构代码证书、行政执法主体资格证 among the owner's documents
    for type_ in ("company", "government"):
        (group,) = [
            {e.document.id for e in g}
            for g in build_checklist("huawei", "enterprise", "self", type_).groups()
        ]
        assert {"org_code_certificate", "law_enforcement_certificate"} <= group


@pytest.mark.parametrize(
    ("type_", "document", "remarks"),
    [
        # huawei-create-signature: signature_related_file_id + license_number for apps,
        # registration_number (+ the certificate) for trademarks
        ("app", "app_icp_filing_screenshot", {"app_name", "app_icp_number"}),
        ("trademark", "trademark_certificate", {"trademark_name", "trademark_number"}),
    ],
)
def test_huawei_new_request_fields_are_in_the_checklist(
    type_: str, document: str, remarks: set[str]
) -> None:
    for purpose in ("self", "others"):
        checklist = build_checklist("huawei", "enterprise", purpose, type_)
        assert document in {e.document.id for e in checklist.entries}
        assert remarks <= {r.id for r in checklist.remarks}
        assert "app_store_link" not in {
            r.id for r in checklist.remarks
        }  # source_title_content gone


def test_huawei_has_no_custom_international_signatures_and_no_promotion_kind() -> None:
    # huawei-signature-spec: 目前仅国内短信支持设置个性化签名
    checklist = build_checklist("huawei", "enterprise", "self", "company", "international")
    assert [f.code for f in checklist.findings] == ["checklist.not_allowed"]
    # huawei-create-signature (intl) lists VERIFY_CODE_TYPE and NOTIFY_TYPE only
    assert [k.id for k in load_pack("huawei").sign_kinds] == ["verification", "notification"]


def test_huawei_name_length_keeps_all_three_sources_and_applies_the_narrowest() -> None:
    rule = load_pack("huawei").rule("name.length")
    assert rule is not None and rule.value == (2, 12) and rule.disagreement
    assert {"seed-002", "huawei-signature-rules-12", "huawei-signature-spec-32"} <= set(
        rule.sources
    )


def test_tencent_individual_accounts_may_apply_for_an_organization() -> None:
    # tencent-40653 keys the company/trademark/government refusal on the owner being a person;
    # for others the owner is the organization (seed 001's table), in the console only.
    checklist = build_checklist("tencent", "individual", "others", "company")
    assert checklist.ok
    assert [{e.document.id for e in g} for g in checklist.groups()] == [
        {"authorization_letter"},
        {"business_license", "three_in_one_certificate"},
    ]
    assert codes_of(checklist) == {"checklist.console_only": "info"}


@pytest.mark.parametrize(
    ("provider", "official", "locked"),
    [("tencent", True, False), ("alibaba", True, True), ("huawei", True, True)],
)
def test_the_letter_note_points_to_the_official_template(
    provider: str, official: bool, locked: bool
) -> None:
    # seed 001 (Tencent links its template), seed 003 (不支持变更内容), huawei-letter-template
    checklist = build_checklist(provider, "enterprise", "others", "company")
    assert checklist.letter is not None
    assert checklist.letter.official is official and checklist.letter.locked is locked
    assert "--template" in checklist.letter.text(
        "en"
    ) and "{{placeholders}}" in checklist.letter.text("en")
    assert build_checklist(provider, "enterprise", "self", "company").letter is None
    data = checklist.to_dict("zh")["letter"]
    assert data["official"] and data["text"]


def test_our_template_says_it_is_not_the_official_wording() -> None:
    from assistant.core.checklist import wording_note

    note = wording_note(load_pack("huawei"), "", "en")
    assert "not Huawei Cloud's official wording" in note and "Download" in note
    assert "not" not in wording_note(load_pack("huawei"), "/tmp/official.docx", "en").split(".")[0]


WIZARD_CONTROL = {
    "en": "“My own .docx”",
    "zh": "“使用我自己的 .docx”",
    "id": "“Berkas .docx saya sendiri”",
}


@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
@pytest.mark.parametrize("lang", sorted(WIZARD_CONTROL))
def test_the_letter_note_says_what_to_do_where_it_is_read(provider: str, lang: str) -> None:
    """#16: on paper and in the terminal the command (and the wizard's control, for those who use
    it) and the template's address; in the wizard the Letter page's own control (its label as
    tests/gui/test_words.py reads it on the page) and no command and no address, which the page
    shows as a link with a short text."""
    from assistant.core.checklist import letter_note, wording_note

    pack = load_pack(provider)
    note = letter_note(pack)
    paper = wording_note(pack, "", lang)
    wizard = wording_note(pack, "", lang, wizard=True)
    assert "letter --template" in paper and "letter --template" in note.text(lang)
    assert "--template" not in wizard and "`" not in wizard
    assert WIZARD_CONTROL[lang] in wizard
    assert "http" not in wizard
    assert "。 " not in paper + wizard  # Chinese sentences follow each other without a space
    if note.url:  # Tencent links its template: the address on paper, a link's text here
        assert note.url in paper and note.download_text(lang)
    else:
        assert note.download_text(lang) == ""
    # a template of the user's: no "ours" sentence, the same advice
    assert wording_note(pack, "/tmp/official.docx", lang, wizard=True) in wizard


@pytest.mark.parametrize(
    ("provider", "industry", "sign_type", "expected"),
    [
        # seed 003: 交友业务和宗教业务仅支持验证码短信发送
        (
            "alibaba",
            "dating",
            "general",
            {"checklist.industry": "info", "checklist.industry_sign_kind": "error"},
        ),
        ("alibaba", "dating", "verification", {"checklist.industry": "info"}),
        ("huawei", "religion", None, {"checklist.industry": "info"}),  # Huawei's default kind
        (
            "huawei",
            "religion",
            "notification",
            {"checklist.industry": "info", "checklist.industry_sign_kind": "error"},
        ),
        ("tencent", "dating", None, {"checklist.industry": "info"}),  # no sign kinds at Tencent
        ("alibaba", "finance", None, {"checklist.industry": "warning"}),  # seed 003: 不支持业务
        ("alibaba", "none", None, {}),
        ("alibaba", "gambling", None, {"checklist.industry_unknown": "error"}),
    ],
)
def test_restricted_industries_are_a_question_with_a_consequence(
    provider: str, industry: str, sign_type: str | None, expected: dict[str, str]
) -> None:
    checklist = build_checklist(
        provider, "enterprise", "self", "company", industry=industry, sign_type=sign_type
    )
    assert codes_of(checklist) == expected
    question = checklist.to_dict()["questions"][0]
    assert [o["id"] for o in question["options"]] == ["finance", "dating", "religion"]


@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_an_unknown_region_lists_the_valid_ones(provider: str) -> None:
    checklist = build_checklist(provider, "enterprise", "self", "company", "moon")
    (finding,) = checklist.findings
    assert finding.code == "checklist.unknown"
    assert "mainland, international" in finding.message and " - " not in finding.message
