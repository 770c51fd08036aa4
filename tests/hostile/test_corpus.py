"""Every hostile input gives its finding, in a child process under memory and CPU limits, with
no traceback and no hang, through inspect_file, fix_file, thumbnail and the CLI (#17).

The corpus (tests/hostile/corpus.py) is built and run once by tests/hostile/run_corpus.py in a
subprocess; each test below checks one input's report. The only time limit is the runner's
generous hang guard (a child still running after HANG_SECONDS is killed and reported "hang").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.hostile import corpus

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="fork, resource limits, /proc: Linux only"
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    work = tmp_path_factory.mktemp("hostile")
    run = subprocess.run(
        [sys.executable, "-m", "tests.hostile.run_corpus", str(work)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    return {r["name"]: r for r in found}


@pytest.mark.parametrize("item", corpus.ITEMS, ids=lambda item: item.name)
def test_hostile_input_gives_its_finding(
    reports: dict[str, dict[str, Any]], item: corpus.Item
) -> None:
    report = reports.get(item.name)
    assert report is not None, f"{item.name}: no report (the runner died before it)"
    assert report["status"] == "ok", f"{item.name}: {report['status']}\n{report.get('traceback')}"
    codes = set(report["codes"])
    assert codes & item.expect, (
        f"{item.name}: {sorted(codes)}, expected one of {sorted(item.expect)}"
    )
    fix_codes = set(report["fix_codes"])
    assert fix_codes, f"{item.name}: the fix said nothing"
    if item.fix_expect:
        assert fix_codes & item.fix_expect, f"{item.name}: fix gave {sorted(fix_codes)}"
    # the CLI answers with a verdict (0 ok, 1 findings), never a traceback (2 is a usage error)
    assert report["cli_check"] in (0, 1) and report["cli_fix"] in (0, 1), report
    assert report["cli_json"] in (0, 1), report


def test_fixed_polyglots_end_with_the_picture(reports: dict[str, dict[str, Any]]) -> None:
    """What a fix wrote from a polyglot is inspected again and has nothing after the picture."""
    for name in (
        "jpeg_zip_polyglot",
        "gif_script_polyglot",
        "png_html_polyglot",
        "pdf_zip_polyglot",
    ):
        report = reports[name]
        assert report["outputs"], name
        for codes in report["reinspected"]:
            assert "file.trailing_data" not in codes, (name, codes)


def test_corpus_covers_the_issue() -> None:
    """The inputs issue #17 names are all in the corpus."""
    names = {item.name for item in corpus.ITEMS}
    for name in (
        "fifo",
        "dev_zero",
        "dev_urandom",
        "tiff_100k_ifds",
        "pdf_50_scans_7000px",
        "pdf_buffer_over_limit",
        "pdf_20_filters",
        "pdf_jbig2",
        "symlink_loop",
        "surrogate_name",
        "nul_in_path",
        "path_too_long",
        "proc_self_mem",
    ):
        assert name in names, name
