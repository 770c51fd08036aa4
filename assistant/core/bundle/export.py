"""``export_case``: check a case, build every file of its bundle and write the zip.

With an error finding nothing is written, unless ``allow_incomplete``: then the bundle is written
with ``INCOMPLETE`` in its file name and manifest. The zip is written atomically (temp file +
rename), never overwrites without ``force`` and is deterministic: the same case, files and date
give a byte-identical zip.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.core.bundle.files import (
    BundleFile,
    ChecklistRenderer,
    ExportResult,
    bundle_date,
    finding,
    incomplete_path,
    role_file_name,
)
from assistant.core.bundle.manifest import build_manifest
from assistant.core.bundle.readme import CHECKLIST_FILE, LETTER_FILE, build_readme
from assistant.core.bundle.zipwriter import normalize_zip, write_zip
from assistant.core.findings import Finding, Severity, has_errors
from assistant.core.fsio import atomic_output
from assistant.core.i18n import normalize_language, text
from assistant.core.jobs import CallbackFlag, Cancelled, Progress, run_in_order
from assistant.core.model import Attachment, Case, effective_region, load_case
from assistant.core.providers import build_payloads
from assistant.core.review import CaseReview, check_case
from assistant.core.rules import RulePack, load_pack

# (paths to put in the bundle, codes of what was fixed, findings of the fix)
_Fixed = tuple[list[Path], list[str], list[Finding]]


class _CancelledError(Exception):
    pass


@dataclass
class _Build:
    """What building the files of one bundle needs and collects."""

    case: Case
    review: CaseReview
    pack: RulePack
    lang: str
    when: dt.date
    work: Path
    incomplete: bool
    step: Progress
    cancel: Cancelled | None
    render_checklist: ChecklistRenderer | None
    findings: list[Finding] = field(default_factory=list)  # found while building
    files: list[BundleFile] = field(default_factory=list)

    @property
    def region(self) -> str | None:
        return effective_region(self.case, self.pack)


def export_case(
    case: Case | str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    force: bool = False,
    allow_incomplete: bool = False,
    lang: str | None = None,
    prepared_on: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
    render_checklist: ChecklistRenderer | None = None,
) -> ExportResult:
    """Export ``case`` (a Case or the path of a case file) to the zip ``output``.

    Never raises on bad input: problems come back as findings. ``render_checklist`` makes
    ``checklist.pdf`` (the CLI and the GUI pass ``assistant.render.checklist_pdf_bytes``);
    without one the bundle has no checklist and a warning says so.

    The attachments are inspected (by the review) and fixed several at once
    (:func:`assistant.core.jobs.run_in_order`); ``progress`` and ``cancel`` are called in the
    calling thread, and the zip does not depend on which file finished first.
    """
    findings: list[Finding] = []
    if not isinstance(case, Case):
        loaded, load_findings = load_case(case, lang)
        findings.extend(load_findings)
        if loaded is None:
            return ExportResult(False, None, findings)
        case = loaded
    lang = normalize_language(lang or case.language)
    target = Path(output)
    problem = _target_problem(target, force, allow_incomplete, lang)
    if problem is not None:
        return ExportResult(False, None, [*findings, problem], case=case)

    review = check_case(case, lang, progress=progress, cancel=cancel)
    refused = ExportResult(False, None, findings, case=case, review=review)
    if review.cancelled:
        findings.append(finding(Severity.ERROR, "bundle.cancelled", lang))
        return refused
    known = {(f.code, f.subject) for f in findings}
    findings.extend(f for f in review.all() if (f.code, f.subject) not in known)
    incomplete = has_errors(findings)
    if incomplete and not allow_incomplete:
        return refused
    if incomplete:
        target = incomplete_path(target)
        if target.exists() and not force:
            findings.append(_exists(target, lang))
            return refused
    with tempfile.TemporaryDirectory(prefix="sms-bundle-") as work:
        build = _Build(
            case,
            review,
            load_pack(case.provider),
            lang,
            bundle_date(prepared_on),
            Path(work),
            incomplete,
            _stepper(progress),
            cancel,
            render_checklist,
        )
        problem = _build_and_write(build, target, findings)
    if problem is not None:
        findings.append(problem)
        return refused
    build.step(1, 1, str(target))
    return ExportResult(
        ok=not incomplete,
        output=target,
        findings=findings,
        files=[f.entry() for f in build.files],
        incomplete=incomplete,
        case=case,
        review=review,
    )


def _stepper(progress: Progress | None) -> Progress:
    def step(done: int, total: int, what: str) -> None:
        if progress is not None:
            progress(done, total, what)

    return step


def _build_and_write(build: _Build, target: Path, findings: list[Finding]) -> Finding | None:
    """Build every file and write the zip; the finding that stopped it, or None."""
    try:
        _build_files(build, findings)
    except _CancelledError:
        return finding(Severity.ERROR, "bundle.cancelled", build.lang)
    findings.extend(build.findings)
    return _write(target, build, build.lang)


def _exists(path: Path, lang: str) -> Finding:
    return finding(Severity.ERROR, "bundle.exists", lang, str(path), path=str(path))


def _target_problem(target: Path, force: bool, allow_incomplete: bool, lang: str) -> Finding | None:
    """Why nothing may be written to ``target`` (before any work is done), or None."""
    if not force and (target.exists() or (allow_incomplete and incomplete_path(target).exists())):
        return _exists(target if target.exists() else incomplete_path(target), lang)
    if not target.parent.is_dir():
        return finding(
            Severity.ERROR, "bundle.no_folder", lang, str(target.parent), path=str(target.parent)
        )
    return None


def _write(target: Path, build: _Build, lang: str) -> Finding | None:
    """Write the zip atomically; the finding when it could not be written."""
    try:
        with atomic_output(target) as tmp:
            write_zip(tmp, build.files, build.when)
    except OSError as exc:
        return finding(
            Severity.ERROR,
            "bundle.write_failed",
            lang,
            str(target),
            path=str(target),
            reason=exc.strerror or str(exc),
        )
    return None


def _document_order(case: Case) -> list[str]:
    from assistant.core.checklist import build_checklist

    try:
        checklist = build_checklist(
            case.provider, case.account, case.purpose, case.type, case.region, case.language
        )
        order = [e.document.id for e in checklist.entries]
    except Exception:
        order = []
    for a in case.attachments:
        if a.document not in order:
            order.append(a.document)
    return order


def _build_files(build: _Build, findings_so_far: list[Finding]) -> None:
    """Every file of the bundle into ``build.files`` (README and manifest first)."""
    labels = _attachment_files(build)
    attachments = list(build.files)
    n = len(labels)
    total = n + 4
    build.step(n, total, "letter")
    if build.case.purpose == "others":
        _letter_file(build)
    build.step(n + 1, total, CHECKLIST_FILE)
    _checklist_file(build, labels)
    build.step(n + 2, total, "api")
    payloads, to_fill = build_payloads(build.case, attachments, build.pack)
    for name, payload in payloads:
        build.files.append(BundleFile(name=f"api/{name}", role="api", data=_json(payload)))
    build.step(n + 3, total, "manifest.json")
    _readme_and_manifest(build, to_fill, [*findings_so_far, *build.findings])


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _attachment_files(build: _Build) -> list[str]:
    """The attachments, numbered in checklist order and fixed where needed, into
    ``build.files``; returns each attachment's first bundle name ("" when not in the bundle)."""
    case = build.case
    order = _document_order(case)
    indexed = sorted(
        enumerate(case.attachments),
        key=lambda ia: (
            order.index(ia[1].document) if ia[1].document in order else len(order),
            ia[0],
        ),
    )
    total = len(indexed) + 4

    def fix(job: tuple[int, Attachment]) -> _Fixed | None:
        i, a = job
        if not Path(a.path).is_file():
            return None
        review = build.review
        inspection = review.inspections[i] if i < len(review.inspections) else None
        return _fixed_outputs(a, inspection, build, build.work / f"fix-{i}")

    # the fixes run several at once (Pillow encodes and decodes without the GIL); the results
    # come back in checklist order, so names and the zip are the same on every run
    fixed = run_in_order(
        indexed,
        fix,
        progress=lambda done, what: build.step(done, total, what),
        label=lambda job: job[1].path,
        cancel=build.cancel,
    )
    if fixed is None:
        raise _CancelledError
    labels = [""] * len(case.attachments)
    numbers: dict[str, int] = {}
    for (i, a), outcome in zip(indexed, fixed, strict=True):
        if outcome is not None:
            labels[i] = _add_attachment(build, i, a, outcome, numbers)
    return labels


def _add_attachment(
    build: _Build, i: int, a: Attachment, outcome: _Fixed, numbers: dict[str, int]
) -> str:
    """Name the file(s) of attachment ``i`` and add them; returns the first name."""
    outputs, fixes, fix_findings = outcome
    build.findings.extend(fix_findings)
    number = numbers.setdefault(a.document, len(numbers) + 1)
    first = ""
    for part, path in enumerate(outputs, 1):
        suffix = path.suffix.lower() or ".bin"
        if suffix == ".jpeg":
            suffix = ".jpg"
        which = part if len(outputs) > 1 else None
        name = "files/" + role_file_name(number, a.document, suffix, which)
        while any(f.name == name for f in build.files):  # the same document attached twice
            number = len(numbers) + 1
            numbers[f"{a.document}#{i}"] = number
            name = "files/" + role_file_name(number, a.document, suffix, which)
        build.files.append(
            BundleFile(
                name=name,
                role="attachment",
                source=path,
                document=a.document,
                original=Path(a.path).name,
                fixes=fixes,
            )
        )
        first = first or name
    return first


def _fixed_outputs(a: Attachment, inspection: Any, build: _Build, out_dir: Path) -> _Fixed:
    """The file(s) to put in the bundle for attachment ``a``: fixed copies written under
    ``out_dir`` when the inspection (the review's, not repeated) found something fixable, else
    the original itself. The original is never modified. Thread-safe: it writes only under
    ``out_dir``."""
    from assistant.core.attachments import FIXABLE_CODES, fix_file

    source = Path(a.path)
    if inspection is None or not (set(inspection.codes) & FIXABLE_CODES):
        return [source], [], []
    out_dir.mkdir(parents=True, exist_ok=True)
    result = fix_file(
        source,
        build.case.provider,
        out_dir,
        document=a.document,
        region=build.region,
        lang=build.lang,
        cancel=CallbackFlag(build.cancel),
        inspection=inspection,
    )
    if result.cancelled:
        raise _CancelledError
    fixed = sorted(set(inspection.codes) & FIXABLE_CODES)
    found = [
        f if f.subject else replace(f, subject=a.document)
        for f in result.findings
        if f.severity is not Severity.INFO
    ]
    if not result.outputs:
        return [source], [], found
    return [Path(p) for p in result.outputs], fixed, found


def _letter_file(build: _Build) -> None:
    """Fill the authorization letter (its content was checked with the case already)."""
    from assistant.core.letter import LetterInput, fill_letter

    path = build.work / "authorization-letter.docx"
    result = fill_letter(LetterInput.from_case(build.case), path, lang=build.lang, check=False)
    build.findings.extend(result.findings)
    if path.is_file():
        path.write_bytes(normalize_zip(path.read_bytes()))
        build.files.append(BundleFile(name=LETTER_FILE, role="letter", source=path))


def _checklist_file(build: _Build, labels: list[str]) -> None:
    """``checklist.pdf`` through the renderer handed in; a warning when there is none."""
    from assistant.core.checklist import build_checklist

    case, lang = build.case, build.lang
    checklist = build_checklist(
        case.provider, case.account, case.purpose, case.type, build.region, lang
    )
    if build.render_checklist is None:
        reason = text("bundle.reason.no_renderer", lang)
        build.findings.append(
            finding(Severity.WARNING, "bundle.no_pdf", lang, CHECKLIST_FILE, reason=reason)
        )
        return
    shown = [label.removeprefix("files/") for label in labels]
    pdf, pdf_findings = build.render_checklist(
        checklist,
        case,
        lang=lang,
        review=build.review,
        prepared_on=build.when,
        attachment_labels=shown,
    )
    build.findings.extend(pdf_findings)
    build.files.append(BundleFile(name=CHECKLIST_FILE, role="checklist", data=pdf))


def _readme_and_manifest(
    build: _Build, to_fill: list[dict[str, str]], all_findings: list[Finding]
) -> None:
    """README.txt, then every file's size and sha256, then manifest.json over them."""
    files, case, pack = build.files, build.case, build.pack
    readme = build_readme(
        case, pack, files, to_fill, all_findings, build.lang, build.when, build.incomplete
    )
    files.insert(0, BundleFile(name="README.txt", role="readme", data=readme.encode("utf-8")))
    for f in files:
        data = f.read()
        f.size = len(data)
        f.sha256 = hashlib.sha256(data).hexdigest()
        if f.source is not None:
            f.data = None  # keep memory low: read again when zipping
    manifest = build_manifest(
        case, pack, files, to_fill, all_findings, build.when, build.incomplete
    )
    data = _json(manifest)
    files.insert(
        0,
        BundleFile(
            name="manifest.json",
            role="manifest",
            data=data,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        ),
    )
