"""Clients from a spreadsheet: headers recognised in Chinese and English, --map, .csv in any
encoding, .xlsx cells read as text, the damage spreadsheets do refused row by row, every row a
new case file (never over another), checked, with what each client still misses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.core.intake import (
    IntakeDefaults,
    MappingError,
    RawCell,
    cell_text,
    choice_value,
    import_cases,
    parse_map,
    read_table,
    recognise,
    split_list,
)
from assistant.core.model import load_case
from assistant.core.profiles import Profile
from tests.core.library_corpus import HEADERS, client_rows, credit_code, csv_bytes, write_xlsx


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("公司名称", "owner.name"),
        ("客户名称", "owner.name"),
        ("Company", "owner.name"),
        ("统一社会信用代码（18位）", "owner.credit_code"),
        ("Credit code", "owner.credit_code"),
        ("法定代表人", "owner.legal_representative"),
        ("签名", "signature_names"),
        ("签名名称", "signature_names"),
        ("Signature", "signature_names"),
        ("平台", "provider"),
        ("服务商", "provider"),
        ("Provider", "provider"),
        ("座机", "remarks.landline"),
        ("身份证号", "ignore.id_number"),
    ],
)
def test_common_headers_are_recognised(header: str, field: str) -> None:
    assert recognise(["x", header]) == {1: field}


def test_a_field_is_taken_from_its_first_column_only() -> None:
    assert recognise(["公司名称", "客户名称", "Unknown"]) == {0: "owner.name"}


def test_map_by_header_letter_or_number_and_bad_specs() -> None:
    headers = ["Kunde", "Steuer", "Sign"]
    assert parse_map(["Kunde=owner.name", "b=owner.credit_code", "3=signature_names"], headers) == {
        0: "owner.name",
        1: "owner.credit_code",
        2: "signature_names",
    }
    assert parse_map(["Sign="], headers) == {2: ""}
    with pytest.raises(MappingError, match=r"valid: owner\.name"):
        parse_map(["Kunde=owner.nmae"], headers)
    with pytest.raises(MappingError, match="the columns are: 'Kunde'"):
        parse_map(["Nope=owner.name"], headers)
    with pytest.raises(MappingError, match="COLUMN=FIELD"):
        parse_map(["owner.name"], headers)


@pytest.mark.parametrize(
    ("cell", "field", "text", "damage"),
    [
        (RawCell("91330106MA2FWAP56H"), "owner.credit_code", "91330106MA2FWAP56H", None),
        (RawCell("9.1E+17"), "owner.credit_code", "", "scientific"),
        (RawCell("9.13301E+17"), "owner.credit_code", "", "scientific"),
        (RawCell("911101080000000000"), "owner.credit_code", "", "rounded"),
        (RawCell("91,330,106"), "owner.credit_code", "", "thousands"),
        (RawCell("330106.0"), "owner.credit_code", "", "decimal"),
        (RawCell(9.13301060e17, text=False), "owner.credit_code", "", "scientific"),
        (RawCell(330106, text=False), "owner.credit_code", "", "number"),
        (RawCell(dt.datetime(2026, 1, 2), text=False), "owner.credit_code", "", "date"),
        (RawCell("1012345678"), "remarks.landline", "", "leading_zero"),
        (RawCell(1012345678, text=False), "remarks.landline", "", "leading_zero"),
        (RawCell(1012345678, "00000000000", False), "remarks.landline", "01012345678", None),
        (RawCell("010-12345678"), "remarks.landline", "010-12345678", None),
        (RawCell(13800138000, text=False), "ignore.phone", "13800138000", None),
        (RawCell(23456789, text=False), "remarks.trademark_number", "23456789", None),
        (RawCell(23456789.0, text=False), "remarks.trademark_number", "23456789", None),
        (RawCell(360, text=False), "signature_names", "360", None),
        (RawCell("  云朵  科技 "), "owner.name", "云朵 科技", None),
        (RawCell(None), "owner.credit_code", "", None),
    ],
)
def test_cells_are_read_as_text_and_damage_is_named(
    cell: RawCell, field: str, text: str, damage: str | None
) -> None:
    value, found = cell_text(cell, field)
    assert value == text
    assert (found.code if found else None) == damage


def test_choices_and_lists() -> None:
    assert choice_value("provider", "腾讯云") == "tencent"
    assert choice_value("provider", "Alibaba Cloud") == "alibaba"
    assert choice_value("provider", " 华为 ") == "huawei"
    assert choice_value("type", "小程序") == "mini_program"
    assert choice_value("purpose", "他用") == "others"
    assert choice_value("provider", "AWS") == "AWS"  # kept: the case check names the valid ids
    assert split_list("云朵科技、云朵；Yunduo | 云朵云\n") == [
        "云朵科技",
        "云朵",
        "Yunduo",
        "云朵云",
    ]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ","), ("gbk", ","), ("gb18030", ";"), ("utf-16", "\t")],
)
def test_csv_in_every_encoding_excel_writes(tmp_path: Path, encoding: str, delimiter: str) -> None:
    sheet = tmp_path / "clients.csv"
    sheet.write_bytes(csv_bytes(client_rows(3), encoding=encoding, delimiter=delimiter))
    table, found = read_table(sheet)
    assert table is not None and found == []
    assert table.headers == HEADERS
    assert [cells[0].value for _, cells in table.rows] == [r["客户名称"] for r in client_rows(3)]
    assert [n for n, _ in table.rows] == [2, 3, 4]


def test_fifty_clients_become_fifty_checked_case_files(tmp_path: Path) -> None:
    sheet = tmp_path / "clients.csv"
    sheet.write_bytes(csv_bytes(client_rows(50)))
    agency = Profile("applicant", "深圳市代理通信有限公司", credit_code(999, "440300"))
    report = import_cases(
        sheet, tmp_path / "cases", defaults=IntakeDefaults(applicant=agency), lang="zh"
    )
    assert report.findings == [] and len(report.rows) == 50
    assert report.counts()["incomplete"] == 50  # no licence, no letter yet
    files = sorted((tmp_path / "cases").glob("*.smscase.json"))
    assert len(files) == 50
    first = report.rows[0]
    case, found = load_case(first.case_path)
    assert case is not None and not [f for f in found if f.severity.value == "error"]
    assert case.purpose == "others" and case.applicant.name == "深圳市代理通信有限公司"
    assert case.owner.name == "杭州云朵科技有限公司" and case.owner.legal_representative == "张明"
    assert case.provider == "tencent" and case.signature_names == ["云朵科技"]
    assert case.remarks.description.startswith("向云朵科技")
    missing = {f.code for f in first.missing}
    assert "case.document_missing" in missing
    assert {r.values["provider"] for r in report.rows} == {"腾讯云", "阿里云", "华为云"}

    again = import_cases(sheet, tmp_path / "cases", lang="zh")
    assert len(list((tmp_path / "cases").glob("*.smscase.json"))) == 100  # nothing overwritten
    assert again.rows[0].case_path.name.endswith("-2.smscase.json")


def test_xlsx_with_codes_typed_as_numbers_refuses_those_rows(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = list(client_rows(4))
    rows[1] = {**rows[1], "统一社会信用代码": 913301060000000000}  # typed into a General cell
    rows[2] = {**rows[2], "统一社会信用代码": "9.13301E+17"}  # written back as text
    sheet = write_xlsx(tmp_path / "clients.xlsx", rows, text_codes=False)
    report = import_cases(sheet, tmp_path / "cases", lang="en")
    assert [r.status for r in report.rows] == ["incomplete", "refused", "refused", "incomplete"]
    refused = report.rows[1].refused[0]
    assert refused.code in ("intake.damage.number", "intake.damage.scientific")
    assert "Row 3" in refused.message and "统一社会信用代码" in refused.message
    assert "Text" in (refused.fix or "")
    assert report.rows[2].refused[0].code == "intake.damage.scientific"
    assert not report.ok
    assert len(list((tmp_path / "cases").glob("*.smscase.json"))) == 2


def test_xlsx_with_codes_as_text_imports_every_row(tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "clients.xlsx", list(client_rows(5)))
    report = import_cases(sheet, None, lang="zh")
    assert [r.status for r in report.rows] == ["preview"] * 5
    assert report.rows[4].values["owner.credit_code"] == credit_code(5)
    assert not (tmp_path / "cases").exists()


def test_unknown_headers_need_a_map(tmp_path: Path) -> None:
    sheet = tmp_path / "kunden.csv"
    sheet.write_text(f"Kunde,Steuernummer,Absender\nACME,{credit_code(3)},ACME\n", encoding="utf-8")
    report = import_cases(sheet, None)
    assert [f.code for f in report.findings] == ["intake.no_columns"]
    mapped = import_cases(
        sheet,
        None,
        map_specs=["Kunde=owner.name", "Steuernummer=owner.credit_code", "C=signature_names"],
        defaults=IntakeDefaults(provider="alibaba"),
    )
    assert mapped.rows[0].client == "ACME" and mapped.rows[0].signatures == ["ACME"]
    assert mapped.unmapped() == []


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "intake.no_header"),
        (b"only one\n", "intake.no_header"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "intake.old_excel"),
        (b"PK\x03\x04 not really a zip", "intake.not_xlsx"),
        (b"\x00\x01\x02binary\x00", "intake.not_a_table"),
    ],
)
def test_bad_files_are_findings(tmp_path: Path, content: bytes, code: str) -> None:
    sheet = tmp_path / "clients.xlsx"
    sheet.write_bytes(content)
    report = import_cases(sheet, tmp_path / "out")
    assert [f.code for f in report.findings] == [code]
    assert not (tmp_path / "out").exists()


def test_a_folder_or_missing_file_is_a_finding(tmp_path: Path) -> None:
    assert import_cases(tmp_path, None).findings[0].code == "intake.unreadable"
    assert import_cases(tmp_path / "none.csv", None).findings[0].code == "intake.not_found"


@pytest.mark.parametrize("name", ["example-clients.csv", "example-clients.xlsx"])
def test_the_example_sheets_of_the_docs_import_without_a_map(name: str) -> None:
    sheet = Path(__file__).resolve().parents[2] / "docs" / name
    report = import_cases(sheet, None, lang="en")
    assert report.findings == [] and report.unmapped() == []
    assert len(report.rows) == 5 and not any(r.refused for r in report.rows)
    assert {r.values["provider"] for r in report.rows} == {"腾讯云", "阿里云", "华为云"}
    assert report.rows[0].values["remarks.landline"] == "0571-88886666"


def test_an_xlsx_that_unpacks_too_large_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.core.intake import sheet as sheet_module

    rows = [{**r, "备注": "x" * 5000} for r in client_rows(200)]
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    monkeypatch.setattr(sheet_module, "MAX_UNPACKED_BYTES", 256 << 10)
    report = import_cases(path, tmp_path / "out")
    assert [f.code for f in report.findings] == ["intake.too_large"]
    assert not (tmp_path / "out").exists()


def test_rows_and_columns_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.core.intake import sheet as sheet_module

    monkeypatch.setattr(sheet_module, "MAX_ROWS", 10)
    sheet = tmp_path / "many.csv"
    wide = ",".join(f"c{i}" for i in range(200))
    sheet.write_text(
        "客户名称,签名," + wide + "\n" + "".join(f"客户{i},签名{i}\n" for i in range(40)),
        encoding="utf-8",
    )
    table, found = read_table(sheet)
    assert table is not None and len(table.rows) == 10
    assert table.column_count() == sheet_module.MAX_COLUMNS
    assert [f.code for f in found] == ["intake.too_many_rows"]
