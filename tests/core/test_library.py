"""The case library's core: rows of a folder of cases, the row cache, search/filter/sort,
duplicate for a new client, export of chosen rows, a rejection recorded."""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from pathlib import Path

import pytest

from assistant.core.library import (
    Query,
    RowCache,
    blank_for_new_client,
    duplicate_case,
    export_cases,
    filter_rows,
    record_rejection,
    scan,
    sort_rows,
    summarize,
    write_new_case,
)
from assistant.core.model import load_case, save_case
from assistant.core.status import mark_approved, mark_submitted
from tests.core.library_corpus import make_case_folder


@pytest.fixture(scope="module")
def twelve(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lib") / "cases"
    make_case_folder(folder, 12)
    return folder


def copy_folder(src: Path, dst: Path) -> Path:
    import shutil

    shutil.copytree(src, dst)
    return dst


def test_rows_say_client_provider_signatures_stage_and_the_first_blocking_problem(
    twelve: Path,
) -> None:
    rows = scan(twelve, lang="en").rows
    assert len(rows) == 12
    first = next(r for r in rows if r.client == "杭州云朵科技有限公司")
    assert first.provider == "tencent"
    assert first.signatures == ["云朵科技"]
    assert first.stage == "draft" and first.stage_label == "Draft"
    assert first.errors >= 1
    assert first.first_error_code == "case.document_missing"
    assert "business licen" in first.first_error.lower()
    assert {r.provider for r in rows} == {"tencent", "alibaba", "huawei"}
    assert all(r.modified > 0 for r in rows)


def test_a_broken_file_is_a_row_that_says_why(tmp_path: Path) -> None:
    (tmp_path / "bad.smscase.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.smscase.json").write_text('{"format": "x"}', encoding="utf-8")
    rows = scan(tmp_path).rows
    assert [r.stage for r in rows] == ["broken", "broken"]
    assert rows[0].first_error_code == "case.not_json"
    assert rows[1].first_error_code == "case.not_a_case"
    assert all(r.errors == 1 and r.blocked for r in rows)


def test_the_cache_reads_only_files_that_changed(twelve: Path, tmp_path: Path) -> None:
    folder = copy_folder(twelve, tmp_path / "cases")
    cache = RowCache()
    first = scan(folder, cache=cache)
    assert (first.made, first.reused) == (12, 0)
    again = scan(folder, cache=cache)
    assert (again.made, again.reused) == (0, 12)
    assert [r.to_dict() for r in again.rows] == [r.to_dict() for r in first.rows]

    victim = Path(first.rows[3].path)
    case, _ = load_case(victim)
    assert case is not None
    mark_submitted(case, case.signature_names[0], dt.date(2026, 11, 2))
    save_case(case, victim)
    os.utime(victim, ns=(1, os.stat(victim).st_mtime_ns + 10**9))  # a new mtime, surely
    changed = scan(folder, cache=cache)
    assert (changed.made, changed.reused) == (1, 11)
    assert changed.rows[3].stage == "submitted"

    victim.unlink()
    gone = scan(folder, cache=cache)
    assert len(gone.rows) == 11 and str(victim) not in cache.entries


def test_a_changed_attachment_makes_its_row_again(tmp_path: Path) -> None:
    from PIL import Image

    licence = tmp_path / "licence.jpg"
    Image.new("RGB", (800, 600), "white").save(licence)
    folder = tmp_path / "cases"
    make_case_folder(folder, 1)
    path = next(folder.glob("*.smscase.json"))
    case, _ = load_case(path)
    assert case is not None
    case.set_attachment("business_license", licence)
    save_case(case, path)
    cache = RowCache()
    assert scan(folder, cache=cache).rows[0].first_error_code != "case.attachment_changed"
    Image.new("RGB", (800, 600), "black").save(licence)
    os.utime(licence, ns=(1, os.stat(licence).st_mtime_ns + 10**9))
    again = scan(folder, cache=cache)
    assert again.made == 1
    codes = summarize(path).to_dict()
    assert codes["warnings"] >= 1  # case.attachment_changed is a warning
    licence.unlink()
    assert scan(folder, cache=cache).rows[0].first_error_code == "case.attachment_missing"


def test_the_cache_file_survives_a_restart_and_a_damaged_one_is_empty(
    twelve: Path, tmp_path: Path
) -> None:
    store = tmp_path / "cache" / "library.json"
    cache = RowCache()
    scan(twelve, cache=cache, lang="zh")
    cache.save(store)
    loaded = RowCache.load(store)
    result = scan(twelve, cache=loaded, lang="zh")
    assert (result.made, result.reused) == (0, 12)
    # another language or another day: the messages and date checks differ, made again
    assert scan(twelve, cache=RowCache.load(store), lang="en").made == 12
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert scan(twelve, cache=RowCache.load(store), lang="zh", today=tomorrow).made == 12
    store.write_text('{"format": "sms-signature-library-cache", "entries": 3}', encoding="utf-8")
    assert RowCache.load(store).entries == {}
    store.write_bytes(b"\xff\xfe garbage")
    assert RowCache.load(store).entries == {}
    assert RowCache.load(tmp_path / "missing.json").entries == {}


def test_rows_come_in_batches_cached_ones_first(twelve: Path) -> None:
    cache = RowCache()
    scan(twelve, cache=cache, lang="zh")
    cache.entries.pop(sorted(cache.entries)[0])
    batches: list[int] = []
    result = scan(twelve, cache=cache, lang="zh", on_rows=lambda rows: batches.append(len(rows)))
    assert batches == [11, 1] and len(result.rows) == 12


def test_scan_stops_when_cancelled(twelve: Path) -> None:
    calls = []
    result = scan(twelve, cancel=lambda: len(calls) >= 3, progress=lambda *a: calls.append(a))
    assert result.cancelled and len(result.rows) == 3


def test_search_filter_and_sort(twelve: Path) -> None:
    rows = scan(twelve, lang="en").rows
    assert [r.client for r in filter_rows(rows, Query(text="云朵"))] == ["杭州云朵科技有限公司"]
    # every word must be found; full-width letters and case do not matter
    assert filter_rows(rows, Query(text="杭州 ＴＥＮＣＥＮＴ")) == [
        r for r in rows if "杭州" in r.client and r.provider == "tencent"
    ]
    assert filter_rows(rows, Query(text="91330106MA2FWAP56H".lower()))[0].owner_code == (
        "91330106MA2FWAP56H"
    )
    huawei = filter_rows(rows, Query(providers=frozenset({"huawei"})))
    assert len(huawei) == 4 and {r.provider for r in huawei} == {"huawei"}
    assert filter_rows(rows, Query(problems="clear")) == []
    assert len(filter_rows(rows, Query(problems="blocked"))) == 12
    assert filter_rows(rows, Query(stages=frozenset({"rejected"}))) == []
    by_client = sort_rows(rows, "client")
    assert [r.client for r in by_client] == sorted(r.client.casefold() for r in rows)
    assert sort_rows(rows, "modified", descending=True)[0].modified == max(r.modified for r in rows)
    with pytest.raises(ValueError, match="valid: client"):
        sort_rows(rows, "colour")
    with pytest.raises(ValueError, match="valid: blocked"):
        filter_rows(rows, Query(problems="sometimes"))


def test_duplicate_keeps_applicant_and_provider_clears_client_never_overwrites(
    twelve: Path, tmp_path: Path
) -> None:
    folder = copy_folder(twelve, tmp_path / "cases")
    source = next(folder.glob("*云朵*.smscase.json"))
    case, _ = load_case(source)
    assert case is not None
    case.purpose = "others"
    case.applicant.name = "深圳市代理通信有限公司"
    case.owner.name = "杭州云朵科技有限公司"
    case.remarks.domain = "yunduo.example.com"
    mark_approved(case, case.signature_names[0], dt.date(2026, 10, 1))
    save_case(case, source)
    before = source.read_bytes()

    made, found = duplicate_case(source, client="宁波新客户有限公司", lang="zh")
    assert found == [] and made is not None
    assert made.name == "宁波新客户有限公司.smscase.json"
    copy, _ = load_case(made)
    assert copy is not None
    assert (copy.provider, copy.applicant.name) == (case.provider, "深圳市代理通信有限公司")
    assert copy.owner.name == "宁波新客户有限公司" and copy.owner.credit_code == ""
    assert copy.signature_names == [] and copy.attachments == []
    assert copy.remarks.domain == "" and copy.status.signatures == []
    assert source.read_bytes() == before  # the original is untouched

    again, _ = duplicate_case(source, client="宁波新客户有限公司")
    assert again is not None and again.name == "宁波新客户有限公司-2.smscase.json"
    unnamed, _ = duplicate_case(source, lang="en")
    assert unnamed is not None and unnamed.name == "new client.smscase.json"
    assert made.read_bytes() != b""


def test_duplicate_of_a_self_case_clears_the_applicant_who_is_the_client() -> None:
    from assistant.core.model import Case

    case = Case(purpose="self", signature_names=["云朵"])
    case.applicant.name = "杭州云朵科技有限公司"
    assert blank_for_new_client(case).applicant.name == ""


def test_duplicate_of_a_broken_file_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.smscase.json"
    bad.write_text("[]", encoding="utf-8")
    made, found = duplicate_case(bad)
    assert made is None and found[0].code == "case.not_a_case"


def test_write_new_case_takes_the_next_free_name_even_over_a_link(tmp_path: Path) -> None:
    from assistant.core.model import Case

    (tmp_path / "x.smscase.json").symlink_to(tmp_path / "nowhere")
    made = write_new_case(Case(), tmp_path, "x")
    assert made.name == "x-2.smscase.json"
    assert not (tmp_path / "nowhere").exists()


def test_export_of_chosen_rows_writes_those_bundles_and_a_summary(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    paths = make_case_folder(folder, 6)
    chosen = paths[1:4]
    result = export_cases(chosen, folder, tmp_path / "out", allow_incomplete=True)
    assert len(result.rows) == 3
    assert {Path(r.case_file) for r in result.rows} == {p.resolve() for p in chosen}
    assert all(r.status == "incomplete" for r in result.rows)
    bundles = sorted((tmp_path / "out").glob("*.zip"))
    assert len(bundles) == 3
    # Chinese case file names give pinyin bundle names, not file.zip, file-2.zip …
    assert all(b.name.startswith("hangzhou") and b.name.isascii() for b in bundles), bundles
    with zipfile.ZipFile(bundles[0]) as zf:
        assert "manifest.json" in zf.namelist()
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    assert summary.count("\n") == 4


def test_export_of_chosen_rows_blocked_without_allow_incomplete(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    paths = make_case_folder(folder, 2)
    result = export_cases(paths, folder, tmp_path / "out", lang="en")
    assert [r.status for r in result.rows] == ["blocked", "blocked"]
    assert not list((tmp_path / "out").glob("*.zip"))


def test_record_rejection_marks_the_case_and_explains(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    path = make_case_folder(folder, 1)[0]
    case, _ = load_case(path)
    assert case is not None
    name = case.signature_names[0]
    explanation, found = record_rejection(path, name, "签名与企业名称不符", lang="zh")
    assert found == [] and explanation is not None
    row = summarize(path, "zh")
    assert row.stage == "rejected" and row.rejection == "签名与企业名称不符"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["status"]["signatures"][0]["state"] == "rejected"
