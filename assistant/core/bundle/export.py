"""``export_case``: check a case, build every file of its bundle and write the zip.

With an error finding nothing is written, unless ``allow_incomplete``: then the bundle is written
with ``INCOMPLETE`` in its file name and manifest. Whether a bundle is complete is decided after
every file is built: a fix that failed, a letter that could not be filled or a checklist that
could not be made count like any error found by the review. The zip is written atomically (a
locked ``.part`` file + rename), never over the case file, an attachment or anything but a
bundle of ours (and only with ``force``), and is deterministic: the same case, files and date give
a byte-identical zip. Temporary copies live in one private folder (:func:`fsio.work_folder`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core import fsio
from assistant.core.bundle.attachments import EarlyFixes, ExportCancelled, attachment_files
from assistant.core.bundle.files import (
    BundleFile,
    ChecklistRenderer,
    ExportResult,
    bundle_date,
    finding,
    incomplete_path,
    write_failed,
)
from assistant.core.bundle.manifest import build_manifest
from assistant.core.bundle.qualification import build_qualification
from assistant.core.bundle.readme import CHECKLIST_FILE, LETTER_FILE, build_readme
from assistant.core.bundle.scrub import PathScrubber
from assistant.core.bundle.target import output_problem
from assistant.core.bundle.zipwriter import write_zip
from assistant.core.findings import Finding, Severity, has_errors
from assistant.core.i18n import normalize_language, text
from assistant.core.jobs import Cancelled, Progress
from assistant.core.model import Case, effective_region, load_case
from assistant.core.providers import build_payloads
from assistant.core.qualification.privacy import redact_findings
from assistant.core.review import CaseReview, check_case
from assistant.core.rules import RulePack, load_pack


@dataclass
class _Build:
    """What building the files of one bundle needs and collects."""

    case: Case
    review: CaseReview
    pack: RulePack
    lang: str
    when: dt.date
    work: Path
    scrub: PathScrubber
    step: Progress
    cancel: Cancelled | None
    render_checklist: ChecklistRenderer | None
    early: EarlyFixes | None = None  # the attachments fixed during the review
    findings: list[Finding] = field(default_factory=list)  # found while building
    files: list[BundleFile] = field(default_factory=list)

    @property
    def region(self) -> str | None:
        return effective_region(self.case, self.pack)


@dataclass
class _Request:
    """One export: the case, where it goes, and the options."""

    case: Case
    case_file: Path | None
    target: Path
    lang: str
    force: bool
    allow_incomplete: bool
    findings: list[Finding]

    def inputs(self) -> list[str]:
        """The files no output may replace: the case file, the attachments, the template."""
        paths = [a.path for a in self.case.attachments]
        if self.case_file is not None:
            paths.append(str(self.case_file))
        for template in (self.case.letter.template, self.case.qualification.commitment.template):
            if template.lower().endswith(".docx"):
                paths.append(template)
        return paths

    def problem(self, target: Path, *, early: bool = False) -> Finding | None:
        """Why ``target`` may not be written. Before the build (``early``) an existing file is
        not yet asked whether it is ours: the bundle may go to the INCOMPLETE name instead."""
        ours = True if early else None
        return output_problem(target, self.lang, force=self.force, inputs=self.inputs(), ours=ours)


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
    case_file: str | os.PathLike[str] | None = None,
) -> ExportResult:
    """Export ``case`` (a Case, or the path of a case file) to the zip ``output``.

    Never raises on bad input: problems come back as findings. ``render_checklist`` makes
    ``checklist.pdf`` (the CLI and the GUI pass ``assistant.render.checklist_pdf_bytes``);
    without one the bundle has no checklist and a warning says so. ``case_file`` is the file a
    Case object was loaded from (the output never replaces it; paths in the bundle are shown
    relative to its folder).

    The attachments are inspected (by the review) and fixed several at once
    (:func:`assistant.core.jobs.run_in_order`), each one that needs a fix right after its
    inspection, on the same decode (:class:`~.attachments.EarlyFixes`); ``progress`` and
    ``cancel`` are called in the calling thread, and the zip does not depend on which file
    finished first.
    """
    findings: list[Finding] = []
    if not isinstance(case, Case):
        case_file = case
        loaded, load_findings = load_case(case, lang)
        findings.extend(load_findings)
        if loaded is None:
            return ExportResult(False, None, findings)
        case = loaded
    lang = normalize_language(lang or case.language)
    request = _Request(
        case,
        Path(case_file) if case_file is not None else None,
        Path(output),
        lang,
        force,
        allow_incomplete,
        findings,
    )
    _clean_leftovers(request.target)
    problem = _early_problem(request)
    if problem is not None:
        return ExportResult(False, None, [*findings, problem], case=case)
    with contextlib.ExitStack() as stack:
        early = _early_fixes(stack, case, lang, cancel)
        review = check_case(case, lang, progress=progress, cancel=cancel, inspector=early)
        result = _export_reviewed(
            request, review, bundle_date(prepared_on), progress, cancel, render_checklist, early
        )
    # ID numbers never in what is shown or written as text (#11): a path or a name that quotes one
    result.findings = redact_findings(result.findings, case.qualification.id_numbers())
    return result


def _clean_leftovers(target: Path) -> None:
    """What killed exports left: work folders in the private folder, ``.part`` files here."""
    fsio.remove_stale_work_folders()
    if target.parent.is_dir():
        fsio.remove_stale_parts(target.parent)


def _early_fixes(
    stack: contextlib.ExitStack, case: Case, lang: str, cancel: Cancelled | None
) -> EarlyFixes | None:
    """The review's inspector that fixes as it inspects, with the private folder the bundle is
    built in; None when that folder cannot be made (the build then says why)."""
    try:
        work = stack.enter_context(fsio.work_folder())
    except OSError:
        return None
    return EarlyFixes(case, work, lang, cancel)


def _early_problem(request: _Request) -> Finding | None:
    """Why nothing may be written (before any work is done), or None."""
    problem = request.problem(request.target, early=True)
    if problem is None and request.allow_incomplete:
        problem = request.problem(incomplete_path(request.target), early=True)
    return problem


def _export_reviewed(
    request: _Request,
    review: CaseReview,
    when: dt.date,
    progress: Progress | None,
    cancel: Cancelled | None,
    render_checklist: ChecklistRenderer | None,
    early: EarlyFixes | None = None,
) -> ExportResult:
    findings, lang = request.findings, request.lang
    refused = ExportResult(False, None, findings, case=request.case, review=review)
    if review.cancelled:
        findings.append(finding(Severity.ERROR, "bundle.cancelled", lang))
        return refused
    known = {(f.code, f.subject) for f in findings}
    findings.extend(f for f in review.all() if (f.code, f.subject) not in known)
    if has_errors(findings) and not request.allow_incomplete:
        return refused
    try:
        with contextlib.ExitStack() as stack:
            work = early.work if early is not None else stack.enter_context(fsio.work_folder())
            build = _Build(
                request.case,
                review,
                load_pack(request.case.provider),
                lang,
                when,
                work,
                _scrubber(request),
                _stepper(progress),
                cancel,
                render_checklist,
                early,
            )
            return _build_and_write(request, build, refused)
    except OSError as exc:  # the private folder cannot be made (full or read-only disk)
        findings.append(write_failed(request.target, exc, lang))
        return refused


def _scrubber(request: _Request) -> PathScrubber:
    base = request.case_file.parent if request.case_file is not None else None
    return PathScrubber(base, request.inputs())


def _stepper(progress: Progress | None) -> Progress:
    def step(done: int, total: int, what: str) -> None:
        if progress is not None:
            progress(done, total, what)

    return step


def _build_and_write(request: _Request, build: _Build, refused: ExportResult) -> ExportResult:
    """Build every file; then decide complete or not, and write the zip (or nothing)."""
    findings, lang = request.findings, request.lang
    try:
        to_fill = _build_files(build)
    except ExportCancelled:
        findings.append(finding(Severity.ERROR, "bundle.cancelled", lang))
        return refused
    findings.extend(build.findings)
    incomplete = has_errors(findings)  # after every file is built
    if incomplete and not request.allow_incomplete:
        return refused
    target = incomplete_path(request.target) if incomplete else request.target
    problem = request.problem(target)
    if problem is not None:
        findings.append(problem)
        return refused
    _readme_and_manifest(build, to_fill, findings, incomplete)
    try:
        with fsio.atomic_output(target) as tmp:
            write_zip(tmp, build.files, build.when)
    except OSError as exc:
        findings.append(write_failed(target, exc, lang))
        return refused
    build.step(1, 1, str(target))
    return ExportResult(
        ok=not incomplete,
        output=target,
        findings=findings,
        files=[f.entry() for f in build.files],
        incomplete=incomplete,
        case=request.case,
        review=build.review,
    )


def _build_files(build: _Build) -> list[dict[str, str]]:
    """Every file but README and manifest into ``build.files``; returns the ``to_fill`` list."""
    attached = attachment_files(
        build.case,
        build.review,
        build.pack,
        build.region,
        build.lang,
        build.work,
        build.scrub,
        build.step,
        build.cancel,
        build.early,
    )
    build.files.extend(attached.files)
    build.findings.extend(attached.findings)
    n = len(attached.labels)
    total = n + 4
    build.step(n, total, "letter")
    if build.case.purpose == "others":
        _letter_file(build)
    build.step(n + 1, total, CHECKLIST_FILE)
    _checklist_file(build, attached.labels)
    build.step(n + 2, total, "api")
    payloads, to_fill = build_payloads(build.case, attached.files, build.pack)
    for name, payload in payloads:
        build.files.append(BundleFile(name=f"api/{name}", role="api", data=_json(payload)))
    q_fill, q_found = build_qualification(
        build.case, build.pack, build.files, build.lang, build.work
    )
    to_fill += q_fill
    build.findings.extend(q_found)
    build.step(n + 3, total, "manifest.json")
    return to_fill


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _letter_file(build: _Build) -> None:
    """Fill the authorization letter (its content was checked with the case already); any
    failure is an error finding."""
    from assistant.core.letter import LetterInput, fill_letter

    path = build.work / "authorization-letter.docx"
    try:
        result = fill_letter(LetterInput.from_case(build.case), path, lang=build.lang, check=False)
        build.findings.extend(result.findings)
        if path.is_file():  # reproducible as the letter module writes it (fixed zip times)
            build.files.append(BundleFile(name=LETTER_FILE, role="letter", source=path))
            return
        reason = text("bundle.reason.letter_not_written", build.lang)
        if has_errors(result.findings):
            return  # the letter's own findings say why
    except Exception as exc:  # python-docx / lxml on a hostile template: a finding
        reason = type(exc).__name__
    build.findings.append(
        finding(Severity.ERROR, "bundle.letter_failed", build.lang, "letter", reason=reason)
    )


def _checklist_file(build: _Build, labels: list[str]) -> None:
    """``checklist.pdf`` through the renderer handed in; a warning when there is none, an error
    when it fails."""
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
    try:
        pdf, pdf_findings = build.render_checklist(
            checklist,
            case,
            lang=lang,
            review=build.scrub.review(build.review),
            prepared_on=build.when,
            attachment_labels=shown,
        )
    except Exception as exc:  # a renderer failure is a finding, never a traceback
        build.findings.append(
            finding(
                Severity.ERROR,
                "bundle.checklist_failed",
                lang,
                CHECKLIST_FILE,
                reason=type(exc).__name__,
            )
        )
        return
    build.findings.extend(pdf_findings)
    build.files.append(BundleFile(name=CHECKLIST_FILE, role="checklist", data=pdf))


def _readme_and_manifest(
    build: _Build, to_fill: list[dict[str, str]], findings: list[Finding], incomplete: bool
) -> None:
    """README.txt, then every file's size and sha256, then manifest.json over them; the
    findings they carry name no path of this computer."""
    files, case, pack = build.files, build.case, build.pack
    shown = redact_findings(build.scrub.findings(findings), case.qualification.id_numbers())
    readme = build_readme(case, pack, files, to_fill, shown, build.lang, build.when, incomplete)
    files.insert(0, BundleFile(name="README.txt", role="readme", data=readme.encode("utf-8")))
    for f in files:
        data = f.read()
        f.size = len(data)
        f.sha256 = hashlib.sha256(data).hexdigest()
        if f.source is not None:
            f.data = None  # keep memory low: read again when zipping
    manifest = build_manifest(case, pack, files, to_fill, shown, build.when, incomplete)
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
