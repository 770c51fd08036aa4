"""``export_batch``: one bundle per case file of a folder, and ``summary.csv``."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Unpack

from assistant.core.bundle.export import export_case
from assistant.core.bundle.files import ExportOptions, ExportResult, finding, slug
from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.fsio import atomic_write_bytes
from assistant.core.i18n import normalize_language
from assistant.core.jobs import Cancelled, Progress
from assistant.core.model import CASE_SUFFIX

SUMMARY = "summary.csv"


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
    """A distinct zip name per case file, from its path under ``folder``."""
    used: set[str] = set()
    names = []
    for i, path in enumerate(cases):
        relative = path.relative_to(folder).as_posix().removesuffix(CASE_SUFFIX)
        stem = slug(relative) or f"case-{i + 1}"
        while stem in used:
            stem += "-2"
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


def broken_row(path: Path, exc: BaseException) -> BatchRow:
    return BatchRow(str(path), "", "", "broken", "", [f"{type(exc).__name__}: {exc}"])


def write_summary(path: Path, rows: list[BatchRow]) -> None:
    """``summary.csv``: UTF-8 with BOM (spreadsheet programs then show Chinese correctly)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["case_file", "client", "signature", "status", "bundle", "blocking_problems"])
    for r in rows:
        writer.writerow(
            [r.case_file, r.client, r.signatures, r.status, r.output, " | ".join(r.problems)]
        )
    atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))


def export_batch(
    folder: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    lang: str | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
    **options: Unpack[ExportOptions],
) -> BatchResult:
    """One bundle per case file in ``folder`` and ``summary.csv`` (client, signature, status,
    blocking problems). A broken case is a row of the summary; it never stops the others.
    ``options`` are those of :func:`~assistant.core.bundle.export.export_case`."""
    lang = normalize_language(lang)
    outdir = Path(outdir)
    folder = Path(folder)
    cases = find_case_files(folder)
    if not cases:
        return BatchResult(
            [],
            None,
            [finding(Severity.ERROR, "bundle.no_cases", lang, str(folder), folder=str(folder))],
        )
    outdir.mkdir(parents=True, exist_ok=True)
    rows: list[BatchRow] = []
    for i, (path, name) in enumerate(zip(cases, bundle_names(folder, cases), strict=True)):
        if cancel is not None and cancel():
            break
        if progress is not None:
            progress(i, len(cases), str(path))
        try:
            result = export_case(path, outdir / name, lang=lang, **options)
        except Exception as exc:
            rows.append(broken_row(path, exc))
            continue
        rows.append(batch_row(path, result))
    if progress is not None:
        progress(len(cases), len(cases), SUMMARY)
    summary = outdir / SUMMARY
    write_summary(summary, rows)
    return BatchResult(rows, summary)
