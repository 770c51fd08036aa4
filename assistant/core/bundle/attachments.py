"""The attachments of a bundle: numbered in checklist order, fixed where needed, and let in only
when they are what they claim to be.

An attachment enters the bundle only as a regular file that the inspection accepted as an image
or PDF of a format the provider takes — the original when it needs no fix (read once, checked to
be the file that was inspected), else the fixed copies, each of which must pass its
re-inspection. Anything else (a text file, a device, a file outside the case that is no
document, a fix that failed) stays out, with an error finding: the unfixed original is never sent
in its place.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.core.bundle.files import BundleFile, finding, role_file_name
from assistant.core.bundle.scrub import PathScrubber
from assistant.core.findings import Finding, Severity
from assistant.core.fsio import read_regular_file
from assistant.core.i18n import localized, text
from assistant.core.jobs import CallbackFlag, Cancelled, Progress, run_in_order
from assistant.core.model import Attachment, Case
from assistant.core.model.qualification import IDENTITY_DOCUMENTS, QUALIFICATION_DOCUMENTS
from assistant.core.qualification.privacy import redact
from assistant.core.review import CaseReview
from assistant.core.rules import RulePack


class ExportCancelled(Exception):
    """The user cancelled while the attachments were fixed."""


@dataclass
class AttachmentFiles:
    files: list[BundleFile] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # per attachment: its first bundle name
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class _Job:
    """What admitting one attachment needs (run in a worker thread: reads, writes only under
    ``out_dir``)."""

    case: Case
    pack: RulePack
    region: str | None
    lang: str
    scrub: PathScrubber
    cancel: Cancelled | None

    def left_out(self, a: Attachment, reason: str) -> Finding:
        doc = self.pack.documents.get(a.document)
        return finding(
            Severity.ERROR,
            "bundle.left_out",
            self.lang,
            a.document,
            document=localized(doc.name, self.lang) if doc else a.document,
            file=self.scrub.display(a.path),
            reason=reason,
        )

    def reason(self, key: str, **params: Any) -> str:
        return text(f"bundle.reason.{key}", self.lang, **params)

    def accepts(self, inspection: Any) -> bool:
        """An image or PDF of a format the provider takes, nothing fatal, nothing left to fix."""
        from assistant.core.attachments import FATAL_CODES, FIXABLE_CODES

        rule = self.pack.rule("files.formats", self.region)
        formats = set(rule.value) if rule else {"jpeg", "png"}
        return (
            inspection is not None
            and inspection.format in formats
            and not inspection.codes & FATAL_CODES
            and not any(
                f.code in FIXABLE_CODES and f.severity is Severity.ERROR
                for f in inspection.findings
            )
        )


# (the parts: bytes of an original or the path of a fixed copy, with its suffix; fix codes;
# findings)
_Part = tuple[bytes | None, Path | None, str]
_Outcome = tuple[list[_Part], list[str], list[Finding]]


def _original(job: _Job, a: Attachment, inspection: Any) -> _Outcome:
    """The original itself, read once: it must be the regular file that was inspected."""
    from assistant.core.attachments.sniff import sniff

    if not job.accepts(inspection):
        return [], [], [job.left_out(a, job.reason("not_accepted", provider=_name(job)))]
    try:
        data = read_regular_file(a.path, inspection.size_bytes)
    except (OSError, ValueError) as exc:
        return [], [], [job.left_out(a, job.reason("unreadable", error=type(exc).__name__))]
    if len(data) != inspection.size_bytes or sniff(data[:4096]) != inspection.format:
        return [], [], [job.left_out(a, job.reason("changed"))]
    return [(data, None, Path(a.path).suffix)], [], []


def _name(job: _Job) -> str:
    return localized(job.pack.name, job.lang)


def needs_fix(a: Attachment, inspection: Any) -> bool:
    """Whether attachment ``a`` enters the bundle as fixed copies (else as it is)."""
    from assistant.core.attachments import FIXABLE_CODES

    # ID photos always go through the fix: whatever metadata they hold is removed (#11)
    return bool(inspection.codes & FIXABLE_CODES) or a.document in IDENTITY_DOCUMENTS


class EarlyFixes:
    """The export's inspector for its review (:data:`assistant.core.review.registry.Inspector`):
    an attachment the bundle will fix is fixed right after its inspection, on the same decode,
    into ``work/fix-<i>`` — one decode per photo, and no decoded photo waits in memory for the
    bundle. The bundle then takes that result instead of fixing again."""

    def __init__(self, case: Case, work: Path, lang: str, cancel: Cancelled | None) -> None:
        self.case = case
        self.work = work
        self.lang = lang
        self.cancel = cancel
        self._results: dict[int, Any] = {}
        self._lock = threading.Lock()

    def __call__(self, i: int, a: Attachment, region: str | None) -> Any:
        from assistant.core.attachments import inspect_then_fix

        out_dir = self.work / f"fix-{i}"
        out_dir.mkdir(parents=True, exist_ok=True)
        inspection, result = inspect_then_fix(
            Path(a.path),
            self.case.provider,
            out_dir,
            lambda insp: needs_fix(a, insp),
            document=a.document,
            region=region,
            lang=self.lang,
            cancel=CallbackFlag(self.cancel),
        )  # never raises on a file (every problem is a finding); the bundle re-checks the result
        if result is not None:
            with self._lock:
                self._results[i] = result
        return inspection

    def result(self, i: int, inspection: Any) -> Any:
        """The fix of attachment ``i`` made after ``inspection`` (None: not fixed early)."""
        with self._lock:
            result = self._results.get(i)
        return result if result is not None and result.inspection is inspection else None


def _fixed(job: _Job, a: Attachment, inspection: Any, out_dir: Path, early: Any = None) -> _Outcome:
    """Fixed copies under ``out_dir`` (or made early, ``early``: the :class:`EarlyFixes` result);
    all of them must pass, else the attachment stays out."""
    from assistant.core.attachments import FIXABLE_CODES, fix_file

    result = early
    if result is None:
        out_dir.mkdir(parents=True, exist_ok=True)
        result = fix_file(
            Path(a.path),
            job.case.provider,
            out_dir,
            document=a.document,
            region=job.region,
            lang=job.lang,
            cancel=CallbackFlag(job.cancel),
            inspection=inspection,
        )
    if result.cancelled:
        raise ExportCancelled
    found = [
        f if f.subject else replace(f, subject=a.document)
        for f in result.findings
        if f.severity is not Severity.INFO
    ]
    if not result.outputs:
        return [], [], [*found, job.left_out(a, job.reason("fix_failed"))]
    checks = result.inspections
    if len(checks) != len(result.outputs) or not all(job.accepts(i) for i in checks):
        return [], [], [*found, job.left_out(a, job.reason("fixed_fails"))]
    parts: list[_Part] = [(None, Path(p), Path(p).suffix) for p in result.outputs]
    return parts, sorted(set(inspection.codes) & FIXABLE_CODES), found


def _admit(
    job: _Job, i: int, a: Attachment, review: CaseReview, work: Path, early: EarlyFixes | None
) -> _Outcome:
    """What of attachment ``i`` goes into the bundle. Never raises but for a cancel."""
    inspection = review.inspections[i] if i < len(review.inspections) else None
    if inspection is None:  # not a regular file (or gone): the review said so
        return [], [], [job.left_out(a, job.reason("not_regular"))]
    try:
        if needs_fix(a, inspection):
            made = early.result(i, inspection) if early is not None else None
            return _fixed(job, a, inspection, work / f"fix-{i}", made)
        return _original(job, a, inspection)
    except ExportCancelled:
        raise
    except Exception as exc:  # a decoder or library error in a fix: a finding, never a crash
        return [], [], [job.left_out(a, job.reason("fix_error", error=type(exc).__name__))]


def document_order(case: Case) -> list[str]:
    """Document ids in checklist order, then any other attached document."""
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


def attachment_files(
    case: Case,
    review: CaseReview,
    pack: RulePack,
    region: str | None,
    lang: str,
    work: Path,
    scrub: PathScrubber,
    step: Progress,
    cancel: Cancelled | None = None,
    early: EarlyFixes | None = None,
) -> AttachmentFiles:
    """The bundle files of every attachment (several fixed at once, results in checklist order:
    names and the zip are the same on every run; ``early``: the fixes made during the review).
    Raises :class:`ExportCancelled`."""
    order = document_order(case)
    indexed = sorted(
        enumerate(case.attachments),
        key=lambda ia: (
            order.index(ia[1].document) if ia[1].document in order else len(order),
            ia[0],
        ),
    )
    total = len(indexed) + 4
    job = _Job(case, pack, region, lang, scrub, cancel)
    outcomes = run_in_order(
        indexed,
        lambda ia: _admit(job, ia[0], ia[1], review, work, early),
        progress=lambda done, what: step(done, total, what),
        label=lambda ia: ia[1].path,
        cancel=cancel,
    )
    if outcomes is None:
        raise ExportCancelled
    out = AttachmentFiles(labels=[""] * len(case.attachments))
    numbers: dict[str, int] = {}
    secrets = tuple(case.qualification.id_numbers())
    for (i, a), (parts, fixes, found) in zip(indexed, outcomes, strict=True):
        out.findings.extend(found)
        if parts:
            out.labels[i] = _add(out.files, i, a, parts, fixes, numbers, secrets)
    return out


def _add(
    files: list[BundleFile],
    i: int,
    a: Attachment,
    parts: list[_Part],
    fixes: list[str],
    numbers: dict[str, int],
    secrets: tuple[str, ...] = (),
) -> str:
    """Name the part(s) of attachment ``i`` and add them; returns the first name."""
    number = numbers.setdefault(a.document, len(numbers) + 1)
    first = ""
    # the qualification's files have a folder of their own (#11)
    folder = "qualification/" if a.document in QUALIFICATION_DOCUMENTS else "files/"
    original = Path(a.path).name
    if a.document in QUALIFICATION_DOCUMENTS:  # a file named after an ID number: masked
        original = redact(original, secrets, id_like=True)

    def name_of(suffix: str, which: int | None) -> str:
        return folder + role_file_name(number, a.document, suffix, which)

    for part, (data, path, raw_suffix) in enumerate(parts, 1):
        suffix = raw_suffix.lower() or ".bin"
        suffix = ".jpg" if suffix == ".jpeg" else suffix
        which = part if len(parts) > 1 else None
        name = name_of(suffix, which)
        while any(f.name == name for f in files):  # the same document attached twice
            number = len(numbers) + 1
            numbers[f"{a.document}#{i}"] = number
            name = name_of(suffix, which)
        files.append(
            BundleFile(
                name=name,
                role="attachment",
                data=data,
                source=path,
                document=a.document,
                original=original,
                fixes=fixes,
            )
        )
        first = first or name
    return first
