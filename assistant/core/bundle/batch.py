"""``export_batch``: one bundle per case file of a folder, and ``summary.csv``.

The cases are exported in parallel worker processes (one per CPU, at most
:data:`~assistant.core.jobs.MAX_PROCESSES`), each case as :func:`export_case` exports it — in
the case's own language unless one is given — so every bundle is byte-identical to the one a
sequential run writes; the rows of the summary keep the order of the case files.
"""

from __future__ import annotations

import csv
import io
import os
import pickle
import sys
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Unpack

from assistant.core import jobs
from assistant.core.bundle.export import export_case
from assistant.core.bundle.files import ExportOptions, ExportResult, finding, slug, write_failed
from assistant.core.bundle.target import output_problem, starts_with
from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.fsio import atomic_write_bytes
from assistant.core.i18n import normalize_language, text
from assistant.core.jobs import Cancelled, Progress
from assistant.core.model import CASE_SUFFIX

SUMMARY = "summary.csv"
_HEADER = ["case_file", "client", "signature", "status", "bundle", "blocking_problems"]
# how a summary of ours begins (UTF-8 BOM and the header): only that file is ever replaced
_SUMMARY_HEAD = ("\ufeff" + ",".join(_HEADER)).encode("utf-8")


@dataclass
class BatchRow:
    case_file: str
    client: str
    signatures: str
    status: str  # ok | incomplete | blocked | broken
    output: str
    problems: list[str]


@dataclass
class BatchResult:
    rows: list[BatchRow]
    summary: Path | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and all(r.status == "ok" for r in self.rows)


def find_case_files(folder: str | os.PathLike[str]) -> list[Path]:
    """Every ``*.smscase.json`` directly in ``folder`` and its sub-folders, sorted."""
    return sorted(p for p in Path(folder).rglob(f"*{CASE_SUFFIX}") if p.is_file())


def bundle_names(folder: Path, cases: list[Path]) -> list[str]:
    """A distinct zip name per case file, from its path under ``folder`` (Chinese characters in
    pinyin: ``杭州云朵 云朵科技`` -> ``hangzhouyunduo-yunduokeji``; then -2, -3 … when taken)."""
    from pypinyin import lazy_pinyin

    used: set[str] = set()
    names = []
    for i, path in enumerate(cases):
        relative = path.relative_to(folder).as_posix().removesuffix(CASE_SUFFIX)
        base = slug("".join(lazy_pinyin(relative))) or f"case-{i + 1}"
        stem, n = base, 1
        while stem in used:
            n += 1
            stem = f"{base}-{n}"
        used.add(stem)
        names.append(f"{stem}.zip")
    return names


def batch_row(path: Path, result: ExportResult) -> BatchRow:
    """The summary row of one exported (or refused) case."""
    c = result.case
    errors = [f.message for f in sort_findings(result.findings) if f.severity is Severity.ERROR]
    if c is None:
        status = "broken"
    elif result.output is None:
        status = "blocked"
    elif result.incomplete:
        status = "incomplete"
    else:
        status = "ok"
    return BatchRow(
        case_file=str(path),
        client=c.client if c else "",
        signatures=" | ".join(n for n in c.signature_names if n.strip()) if c else "",
        status=status,
        output=str(result.output) if result.output else "",
        problems=errors,
    )


def broken_row(path: Path, reason: str) -> BatchRow:
    return BatchRow(str(path), "", "", "broken", "", [reason])


# Workers are started afresh for every this many cases per worker: each export leaves some native
# memory behind in a long-lived process (the PDF writer, image buffers, malloc fragmentation; a
# worker of a 1,000-case batch grew from 160 to 240 MB). A new pool costs ~0.5 s of imports per
# worker, ~1 % of 200 cases. (ProcessPoolExecutor's max_tasks_per_child would do it per worker,
# but deadlocks on Python 3.11-3.13: CPython gh-115634.)
CASES_PER_WORKER = 200

# (case file, bundle path, language or None for the case's own, options of export_case)
_Job = tuple[Path, Path, str | None, ExportOptions]


def export_one(job: _Job) -> BatchRow:
    """Export one case of a batch (in a worker process); never raises."""
    path, target, lang, options = job
    try:
        return batch_row(path, export_case(path, target, lang=lang, **options))
    except Exception as exc:  # a bug must not stop the other cases: the row says what it was
        return broken_row(path, f"{type(exc).__name__}: {exc}")


def _start_worker(threads: int) -> None:
    jobs.limit_file_workers(threads)


def _parallel(jobs_: list[_Job], workers: int) -> bool:
    """Whether the batch runs in worker processes: more than one case and CPU, a normal Python
    (a frozen app, or one whose main script a new process cannot run again, exports in this
    process) and options that can be sent to a process."""
    if workers <= 1 or getattr(sys, "frozen", False):
        return False
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main is not None and not os.path.isfile(main):
        return False  # a new process could not start as this one did (e.g. a script on stdin)
    try:
        pickle.dumps(jobs_[0])
    except (pickle.PicklingError, AttributeError, TypeError):
        return False  # e.g. a renderer that is a local function
    return True


def _run(
    jobs_: list[_Job], progress: Progress | None, cancel: Cancelled | None, lang: str
) -> list[BatchRow | None]:
    """The row of every case (None: not done, cancelled), in the order of the case files."""
    rows: list[BatchRow | None] = [None] * len(jobs_)
    workers = jobs.process_count(len(jobs_))

    def done(i: int, row: BatchRow) -> None:
        rows[i] = row
        if progress is not None:
            progress(sum(r is not None for r in rows), len(rows), row.case_file)

    if not _parallel(jobs_, workers):
        for i, job in enumerate(jobs_):
            if cancel is not None and cancel():
                break
            done(i, export_one(job))
        return rows
    threads = max(1, jobs.cpu_count() // workers)
    step = CASES_PER_WORKER * workers
    try:
        for start in range(0, len(jobs_), step):
            if cancel is not None and cancel():
                break
            for i, row in jobs.completed_in_processes(
                jobs_[start : start + step],
                export_one,
                workers=workers,
                initializer=_start_worker,
                initargs=(threads,),
                cancel=cancel,
            ):
                done(start + i, row)
    except BrokenProcessPool:  # a worker died (out of memory, killed): its cases are broken
        reason = text("bundle.reason.worker_died", lang)
        for i, job in enumerate(jobs_):
            if rows[i] is None:
                rows[i] = broken_row(job[0], reason)
    return rows


def write_summary(path: Path, rows: list[BatchRow]) -> None:
    """``summary.csv``: UTF-8 with BOM (spreadsheet programs then show Chinese correctly)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_HEADER)
    for r in rows:
        writer.writerow(
            [r.case_file, r.client, r.signatures, r.status, r.output, " | ".join(r.problems)]
        )
    atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))


def _summary(outdir: Path, rows: list[BatchRow], lang: str) -> tuple[Path | None, list[Finding]]:
    """Write ``summary.csv`` (replacing only a summary of ours); its path, or the finding."""
    summary = outdir / SUMMARY
    problem = output_problem(summary, lang, force=True, ours=starts_with(summary, _SUMMARY_HEAD))
    if problem is not None:
        return None, [problem]
    try:
        write_summary(summary, rows)
    except OSError as exc:
        return None, [write_failed(summary, exc, lang)]
    return summary, []


def export_batch(
    folder: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    cases: Sequence[Path] | None = None,
    lang: str | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
    **options: Unpack[ExportOptions],
) -> BatchResult:
    """One bundle per case file in ``folder`` (or per file of ``cases``, files in ``folder``
    that the user chose) and ``summary.csv`` (client, signature, status,
    blocking problems). A broken case is a row of the summary; it never stops the others.
    Each case is exported in ``lang``, else in its own language; ``options`` are those of
    :func:`~assistant.core.bundle.export.export_case`. ``progress`` and ``cancel`` are called
    in the calling thread as cases finish."""
    shown = normalize_language(lang)
    outdir, folder = Path(outdir), Path(folder)
    cases = find_case_files(folder) if cases is None else sorted(dict.fromkeys(cases))
    if not cases:
        return BatchResult(
            [],
            None,
            [finding(Severity.ERROR, "bundle.no_cases", shown, str(folder), folder=str(folder))],
        )
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return BatchResult([], None, [write_failed(outdir, exc, shown)])
    jobs_: list[_Job] = [
        (path, outdir / name, lang, options)
        for path, name in zip(cases, bundle_names(folder, cases), strict=True)
    ]
    rows = [r for r in _run(jobs_, progress, cancel, shown) if r is not None]
    if progress is not None:
        progress(len(cases), len(cases), SUMMARY)
    summary, found = _summary(outdir, rows, shown)
    return BatchResult(rows, summary, found)
