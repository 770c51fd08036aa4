"""Saved profiles: the agency's company and its clients, kept in one file beside the library,
copied into a case when picked (editing a profile later changes no case)."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from assistant.core.model import Case, load_case, save_case
from assistant.core.profiles import (
    PROFILES_FILE,
    Profile,
    ProfileBook,
    apply_profile,
    load_profiles,
    profile_from_case,
    save_profiles,
)
from tests.core.library_corpus import credit_code


def test_profiles_round_trip_with_licence_paths_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "licences").mkdir()
    licence = tmp_path / "licences" / "yunduo.jpg"
    Image.new("RGB", (400, 300), "white").save(licence)
    book = ProfileBook()
    agency = Profile("applicant", "深圳市代理通信有限公司", credit_code(1, "440300"))
    client = Profile(
        "client", "杭州云朵科技有限公司", credit_code(2), "张明", licence_file=str(licence)
    )
    book.put(agency)
    book.put(client)
    path = tmp_path / PROFILES_FILE
    save_profiles(book, path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert {p["licence_file"] for p in stored["profiles"]} == {"", "licences/yunduo.jpg"}

    moved = tmp_path.parent / (tmp_path.name + "-moved")
    tmp_path.rename(moved)  # the library folder moved to another drive: paths follow
    loaded, found = load_profiles(moved / PROFILES_FILE)
    assert found == []
    assert [p.name for p in loaded.of_kind("client")] == ["杭州云朵科技有限公司"]
    assert loaded.get(client.id).licence_file == str(moved / "licences" / "yunduo.jpg")
    assert loaded.find("深圳市代理通信有限公司", "applicant") == agency


def test_picking_copies_and_editing_the_profile_later_changes_no_case(tmp_path: Path) -> None:
    licence = tmp_path / "licence.jpg"
    Image.new("RGB", (400, 300), "white").save(licence)
    client = Profile(
        "client", "杭州云朵科技有限公司", credit_code(2), "张明", "enterprise", str(licence)
    )
    case = Case(purpose="others", signature_names=["云朵科技"])
    assert apply_profile(case, client) == []
    assert (case.owner.name, case.owner.legal_representative) == ("杭州云朵科技有限公司", "张明")
    assert case.attachments_for("business_license")[0].path == str(licence.resolve())
    save_case(case, tmp_path / "c.smscase.json")
    client.name = "杭州云朵科技股份有限公司"
    client.legal_representative = "李娜"
    book = ProfileBook([client])
    save_profiles(book, tmp_path / PROFILES_FILE)
    again, _ = load_case(tmp_path / "c.smscase.json")
    assert again is not None and again.owner.name == "杭州云朵科技有限公司"
    assert case.owner.legal_representative == "张明"


def test_roles_applicant_for_others_client_for_self() -> None:
    agency = Profile("applicant", "代理公司", "X", licence_file="/nowhere.jpg")
    others = Case(purpose="others")
    assert apply_profile(others, agency) == []  # its licence is not a document of the case
    assert others.applicant.name == "代理公司" and others.attachments == []
    own = Case(purpose="self")
    client = Profile("client", "云朵", "Y", licence_file="/nowhere/licence.jpg")
    found = apply_profile(own, client, "en")
    assert own.applicant.name == "云朵" and own.owner.name == ""
    assert [f.code for f in found] == ["profiles.licence_missing"]
    assert profile_from_case(own, "client").name == "云朵"
    owner_case = Case(purpose="others")
    owner_case.owner.name, owner_case.owner.legal_representative = "客户", "王伟"
    assert profile_from_case(owner_case, "client").legal_representative == "王伟"


def test_a_damaged_file_is_an_empty_book_with_a_finding(tmp_path: Path) -> None:
    path = tmp_path / PROFILES_FILE
    assert load_profiles(path) == (ProfileBook(), [])
    path.write_text("{", encoding="utf-8")
    assert load_profiles(path)[1][0].code == "profiles.unreadable"
    path.write_text('{"format": "other"}', encoding="utf-8")
    assert load_profiles(path)[1][0].code == "profiles.not_profiles"
    path.write_text(
        json.dumps(
            {
                "format": "sms-signature-profiles",
                "profiles": [{"kind": "client", "name": "A"}, {"kind": "alien"}, 3],
            }
        ),
        encoding="utf-8",
    )
    book, found = load_profiles(path)
    assert [p.name for p in book.profiles] == ["A"]
    assert [f.code for f in found] == ["profiles.skipped"]
