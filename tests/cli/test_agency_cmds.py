"""`import-cases`, `list-cases`, `duplicate-case`: the agency's desk from the command line —
import 50 clients, see what each still needs, fix one, duplicate one, export twenty."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from assistant.core.model import load_case, save_case
from assistant.core.profiles import PROFILES_FILE, Profile, ProfileBook, save_profiles
from tests.cli.test_cli_core import run
from tests.core.library_corpus import client_rows, credit_code, csv_bytes, write_xlsx


def test_the_agency_journey(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "clients.csv"
    sheet.write_bytes(csv_bytes(client_rows(50)))
    cases = tmp_path / "cases"
    book = ProfileBook([Profile("applicant", "深圳市代理通信有限公司", credit_code(9, "440300"))])
    save_profiles(book, cases / PROFILES_FILE)
    code, out, _ = run(
        capsys,
        "import-cases",
        str(sheet),
        "--output",
        str(cases),
        "--applicant",
        "深圳市代理通信有限公司",
        "--lang",
        "en",
    )
    assert code == 0, out
    assert "50 row(s), 50 case file(s)" in out and "0 row(s) refused" in out
    assert out.count("still missing") == 50
    files = sorted(cases.glob("*.smscase.json"))
    assert len(files) == 50

    code, out, _ = run(capsys, "list-cases", str(cases), "--format", "json", "--lang", "en")
    rows = json.loads(out)
    assert code == 1 and len(rows) == 50 and all(r["blocked"] for r in rows)
    assert rows[0]["first_error"]

    # fix one: everything it needs is there but the files -> allow-incomplete export later
    target = Path(rows[0]["path"])
    case, _ = load_case(target)
    assert case is not None
    case.owner.legal_representative = "赵磊"
    save_case(case, target)

    code, out, _ = run(capsys, "duplicate-case", str(target), "--client", "宁波新客户有限公司")
    assert code == 0 and out.strip().endswith("宁波新客户有限公司.smscase.json")
    new = Path(out.strip())
    copy, _ = load_case(new)
    assert copy is not None and copy.applicant.name == "深圳市代理通信有限公司"
    assert copy.owner.name == "宁波新客户有限公司"

    code, out, _ = run(
        capsys,
        "list-cases",
        str(cases),
        "--provider",
        "tencent",
        "--sort",
        "client",
        "--lang",
        "en",
    )
    assert "case(s)" in out and "tencent" in out and "alibaba" not in out

    code, out, _ = run(
        capsys,
        "list-cases",
        str(cases),
        "--search",
        "科技",
        "--export",
        str(tmp_path / "out"),
        "--allow-incomplete",
    )
    bundles = sorted((tmp_path / "out").glob("*.zip"))
    assert len(bundles) == out.count("INCOMPLETE ") >= 10
    with zipfile.ZipFile(bundles[0]) as zf:
        assert "README.txt" in zf.namelist()
    assert (tmp_path / "out" / "summary.csv").is_file()


def test_import_refuses_damaged_rows_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[dict[str, object]] = list(client_rows(3))
    rows[1] = {**rows[1], "统一社会信用代码": 913301060000000000}
    sheet = write_xlsx(tmp_path / "clients.xlsx", rows, text_codes=False)
    code, out, _ = run(
        capsys, "import-cases", str(sheet), "--output", str(tmp_path / "cases"), "--lang", "en"
    )
    assert code == 1
    assert "REFUSED" in out and "Row 3" in out and "format the column" in out
    assert len(list((tmp_path / "cases").glob("*.smscase.json"))) == 2
    code, out, _ = run(
        capsys,
        "import-cases",
        str(sheet),
        "--output",
        str(tmp_path / "dry"),
        "--dry-run",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 1 and data["counts"]["refused"] == 1 and not (tmp_path / "dry").exists()


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "clients.csv"
    sheet.write_bytes(csv_bytes(client_rows(1)))
    code, _, err = run(
        capsys, "import-cases", str(sheet), "--output", str(tmp_path), "--map", "Nope=owner.name"
    )
    assert code == 2 and "the columns are" in err
    code, _, err = run(
        capsys, "import-cases", str(sheet), "--output", str(tmp_path), "--applicant", "X"
    )
    assert code == 2 and "no profile 'X'" in err
    code, _, err = run(capsys, "list-cases", str(tmp_path / "none"))
    assert code == 2 and "no folder" in err
    code, _, err = run(capsys, "duplicate-case", str(tmp_path / "none.smscase.json"))
    assert code == 2


def test_list_cases_cache_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "clients.csv"
    sheet.write_bytes(csv_bytes(client_rows(3)))
    run(capsys, "import-cases", str(sheet), "--output", str(tmp_path / "cases"))
    cache = tmp_path / "cache.json"
    code, first, _ = run(capsys, "list-cases", str(tmp_path / "cases"), "--cache", str(cache))
    assert cache.is_file()
    code, second, _ = run(capsys, "list-cases", str(tmp_path / "cases"), "--cache", str(cache))
    assert code == 1 and first == second
    assert "3 case(s), 3 with a blocking problem" in second
