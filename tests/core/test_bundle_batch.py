"""A batch runs its cases in worker processes: rows in the order of the case files, bundles
byte-identical to a sequential run, each case in its own language (#16), a worker that dies is
a broken row, and summary.csv replaces only a summary of ours."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from assistant.core import jobs
from assistant.core.bundle import batch as batch_mod
from assistant.core.bundle import export_batch, write_sample_images
from assistant.core.letter import template_path
from assistant.core.model import load_case, save_case
from assistant.render import checklist_pdf_bytes
from tests.core.test_bundle import DAY, export_case, make_case

TITLES = {
    "en": "SMS signature application for",
    "zh": "短信签名申请材料包",
    "id": "Paket pengajuan",
}


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_sample_images(tmp_path_factory.mktemp("samples"))


def _case(folder: Path, samples: dict[str, Path], language: str, remark: str = "") -> Path:
    path = make_case(folder, samples)
    case, _ = load_case(path)
    assert case is not None
    case.language = language
    if remark:
        case.remarks.description += remark
    save_case(case, path)
    return path


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, samples: dict[str, Path]) -> Path:
    root = tmp_path_factory.mktemp("cases")
    for i, language in enumerate(["zh", "en", "id", "zh", "en"]):
        _case(root / f"client-{i}", samples, language, f"（客户 {i}）")
    blocked = make_case(root / "client-5", samples, signature_names=["测试"])
    assert blocked.is_file()
    (root / "client-6.smscase.json").write_text("{broken", encoding="utf-8")
    return root


def _batch(cases: Path, out: Path, **kw: Any):  # type: ignore[no-untyped-def]
    return export_batch(cases, out, prepared_on=DAY, render_checklist=checklist_pdf_bytes, **kw)


def _rows(summary: Path, outdir: Path) -> list[dict[str, str]]:
    with summary.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["bundle"] = r["bundle"].replace(str(outdir), "OUT")
    return rows


_SEQUENTIAL = """
import datetime as dt, sys
from assistant.core import jobs
from assistant.core.bundle import export_batch
from assistant.render import checklist_pdf_bytes
jobs.process_count = lambda n: 1
export_batch(sys.argv[1], sys.argv[2], prepared_on=dt.date(2026, 3, 2),
             render_checklist=checklist_pdf_bytes)
"""


def test_processes_give_the_bundles_of_a_sequential_run_in_order(
    tmp_path: Path, cases: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[int] = []
    real = jobs.completed_in_processes

    def spy(*args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        used.append(kwargs["workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(jobs, "completed_in_processes", spy)
    monkeypatch.setattr(jobs, "cpu_count", lambda: 2)
    parallel = _batch(cases, tmp_path / "p")
    assert used == [2]  # two worker processes did the work
    # the sequential run in a process of its own, as the command line would make it
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run(
        [sys.executable, "-c", _SEQUENTIAL, str(cases), str(tmp_path / "s")],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        check=True,
        timeout=600,
    )
    order = [r.case_file for r in parallel.rows]
    assert order == sorted(order)
    assert [r.status for r in parallel.rows] == ["ok"] * 5 + ["blocked", "broken"]
    zips = sorted(p.name for p in (tmp_path / "p").glob("*.zip"))
    assert zips == sorted(p.name for p in (tmp_path / "s").glob("*.zip")) and len(zips) == 5
    for name in zips:
        assert (tmp_path / "p" / name).read_bytes() == (tmp_path / "s" / name).read_bytes(), name
    assert _rows(parallel.summary, tmp_path / "p") == _rows(
        tmp_path / "s" / "summary.csv", tmp_path / "s"
    )


def test_a_long_batch_starts_fresh_workers_and_keeps_the_order(
    tmp_path: Path, cases: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers are replaced every CASES_PER_WORKER cases each (what a long-lived process keeps
    of every export stays bounded); the rows still come in the order of the case files."""
    from assistant.core.bundle import batch

    chunks: list[int] = []
    real = jobs.completed_in_processes

    def spy(items: Any, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        chunks.append(len(items))
        return real(items, *args, **kwargs)

    monkeypatch.setattr(jobs, "completed_in_processes", spy)
    monkeypatch.setattr(jobs, "cpu_count", lambda: 2)
    monkeypatch.setattr(batch, "CASES_PER_WORKER", 3)
    result = _batch(cases, tmp_path / "p")
    assert chunks == [6, 1]  # 7 cases, 2 workers x 3 cases, then a fresh pool for the last
    order = [r.case_file for r in result.rows]
    assert order == sorted(order)
    assert [r.status for r in result.rows] == ["ok"] * 5 + ["blocked", "broken"]


def test_each_case_in_its_own_language_unless_one_is_given(tmp_path: Path, cases: Path) -> None:
    result = _batch(cases, tmp_path / "own")
    for row in result.rows[:5]:
        case, _ = load_case(row.case_file)
        assert case is not None
        with zipfile.ZipFile(row.output) as zf:
            readme = zf.read("README.txt").decode("utf-8")
            manifest = json.loads(zf.read("manifest.json"))
        assert TITLES[case.language] in readme.splitlines()[0], row.case_file
        assert manifest["case"]["language"] == case.language
    given = _batch(cases, tmp_path / "en", lang="en")
    for row in given.rows[:5]:
        with zipfile.ZipFile(row.output) as zf:
            assert TITLES["en"] in zf.read("README.txt").decode("utf-8").splitlines()[0]


def crashing_renderer(checklist, case=None, **kwargs):  # type: ignore[no-untyped-def]
    """A renderer whose process dies on one case (as an out-of-memory kill would)."""
    if case is not None and "CRASH" in case.remarks.description:
        os._exit(3)
    return checklist_pdf_bytes(checklist, case, **kwargs)


def test_a_worker_that_dies_is_a_broken_row_not_a_hang(
    tmp_path: Path, samples: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "cpu_count", lambda: 2)
    root = tmp_path / "cases"
    _case(root / "a", samples, "en")
    _case(root / "b", samples, "en", " CRASH")
    _case(root / "c", samples, "en")
    result = export_batch(
        root, tmp_path / "out", prepared_on=DAY, render_checklist=crashing_renderer
    )
    assert len(result.rows) == 3 and result.summary is not None
    crashed = result.rows[1]
    assert crashed.status == "broken" and "stopped" in crashed.problems[0]


def test_cancel_keeps_what_is_done(tmp_path: Path, cases: Path) -> None:
    seen: list[int] = []
    result = _batch(
        cases, tmp_path / "out", progress=lambda d, t, w: seen.append(d), cancel=lambda: bool(seen)
    )
    assert 1 <= len(result.rows) < 7
    assert [r.case_file for r in result.rows] == sorted(r.case_file for r in result.rows)
    assert result.summary is not None and len(_rows(result.summary, tmp_path)) == len(result.rows)


@pytest.mark.parametrize("kind", ["not_ours", "fifo"])
def test_summary_replaces_only_a_summary_of_ours(
    tmp_path: Path, cases: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr(jobs, "process_count", lambda n: 1)
    out = tmp_path / "out"
    out.mkdir()
    summary = out / "summary.csv"
    if kind == "fifo":
        os.mkfifo(summary)
    else:
        summary.write_text("name,amount\nAcme,12\n", encoding="utf-8")
    result = _batch(cases, out)
    expected = "bundle.not_ours" if kind == "not_ours" else "bundle.output_not_regular"
    assert result.summary is None and [f.code for f in result.findings] == [expected]
    if kind == "not_ours":
        assert summary.read_text(encoding="utf-8") == "name,amount\nAcme,12\n"
    else:
        assert summary.is_fifo()
    summary.unlink()
    first = _batch(cases, out, force=True)
    assert first.summary == summary
    again = _batch(cases, out, force=True)  # a summary of ours is replaced
    assert again.summary == summary and not again.findings


def test_batch_workers_use_one_thread_per_cpu_they_share() -> None:
    before = jobs.worker_count(8)
    try:
        jobs.limit_file_workers(1)
        assert jobs.worker_count(8) == 1
    finally:
        jobs.limit_file_workers(jobs.MAX_FILE_WORKERS)
    assert jobs.worker_count(8) == before
    assert 1 <= jobs.process_count(100) <= jobs.MAX_PROCESSES
    assert batch_mod.SUMMARY == "summary.csv"


def test_the_letter_template_is_taken_apart_once_per_process(
    tmp_path: Path, cases: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.core.letter import template as template_mod

    monkeypatch.setattr(jobs, "process_count", lambda n: 1)
    template_mod._cleaned_cached.cache_clear()
    calls: list[int] = []
    real = template_mod.read_package

    def counting(data, limits=template_mod.LIMITS):  # type: ignore[no-untyped-def]
        calls.append(len(data))
        return real(data, limits)

    monkeypatch.setattr(template_mod, "read_package", counting)
    result = _batch(cases, tmp_path / "out")
    letters = sum(r.status == "ok" for r in result.rows)
    assert letters == 5
    assert len(calls) == 1  # five letters, all from the bundled zh template
    # another template (other bytes) is taken apart again: the cache is by content
    own = tmp_path / "own.docx"
    with zipfile.ZipFile(own, "w") as dst, zipfile.ZipFile(template_path("zh")) as src:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.comment = b"a copy of our own"
    case_path = make_case(tmp_path / "own-case", _samples(cases))
    case, _ = load_case(case_path)
    assert case is not None
    case.letter.template = str(own)
    save_case(case, case_path)
    for _ in range(2):
        result = export_case(case_path, tmp_path / "own.zip", prepared_on=DAY, force=True)
        assert result.output is not None, [f.to_dict() for f in result.findings]
    assert len(calls) == 2


def _samples(cases: Path) -> dict[str, Path]:
    files = cases / "client-0" / "files"
    return {p.stem: p for p in files.iterdir()}
