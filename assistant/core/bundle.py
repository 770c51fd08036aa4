"""The submission bundle: one zip that holds everything the provider console will ask for.

``export_case`` runs every check on a case (:func:`assistant.core.case.check_case`); with an error
it writes nothing (unless ``allow_incomplete``, which writes ``…-INCOMPLETE.zip``). Otherwise the
zip holds:

* ``files/NN-<document>.<ext>``: the attachments, renamed by role with safe ASCII names and fixed
  where needed (converted, rotated, shrunk under the byte limit, metadata stripped) — originals are
  never touched;
* ``letter/authorization-letter.docx``: the filled authorization letter (purpose ``others``);
* ``checklist.pdf``: the printable checklist with the case's status;
* ``README.txt``: in the case's language, what to upload where;
* ``api/*.json``: request payloads for the provider's API (field names as the official SDK
  request models take them; ids only the console gives are marked ``TO_FILL: …``);
* ``manifest.json``: the case summary, every file with role, size and sha256, the findings, the
  rule-pack versions and the program version.

The zip is written atomically (temp file + rename), never overwrites without ``force`` and is
deterministic: the same case, files and date give a byte-identical zip. The date is today, or
``SOURCE_DATE_EPOCH`` when set (reproducible builds convention), or ``prepared_on``.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import tomllib
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from assistant import __version__
from assistant.core.case import (
    CASE_SUFFIX,
    Attachment,
    Case,
    CaseReview,
    check_case,
    compose_remark,
    effective_region,
    effective_sign_type,
    load_case,
    save_case,
)
from assistant.core.findings import Finding, Severity, has_errors, sort_findings
from assistant.core.fsio import atomic_output
from assistant.core.i18n import localized, normalize_language, text
from assistant.core.jobs import CallbackFlag, Cancelled, run_in_order
from assistant.core.rules import PROVIDERS, RulePack, load_pack
from assistant.resources import resource_path

BUNDLE_FORMAT = "sms-signature-bundle"
BUNDLE_VERSION = 1
TO_FILL = "TO_FILL"
INCOMPLETE = "INCOMPLETE"

Progress = Callable[[int, int, str], None]

_IMAGE_SUFFIX = {"jpeg": "jpg", "png": "png", "gif": "gif", "pdf": "pdf"}
_STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".pdf", ".docx", ".zip"}  # already compressed


# --------------------------------------------------------------------------------------- results
@dataclass
class BundleFile:
    """One file of the bundle: its name in the zip, its role and where its bytes come from."""

    name: str
    role: str  # attachment | letter | checklist | readme | api | manifest
    data: bytes | None = None
    source: Path | None = None  # read at zip time when data is None (big files stay on disk)
    document: str | None = None
    original: str | None = None  # the user's file name (attachments)
    fixes: list[str] = field(default_factory=list)  # codes of the fixes applied
    size: int = 0
    sha256: str = ""

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.source is not None
        return self.source.read_bytes()

    def entry(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.name,
            "role": self.role,
            "size": self.size,
            "sha256": self.sha256,
        }
        if self.document:
            out["document"] = self.document
        if self.original:
            out["original"] = self.original
        if self.fixes:
            out["fixes"] = self.fixes
        return out


@dataclass
class ExportResult:
    ok: bool
    output: Path | None
    findings: list[Finding]
    files: list[dict[str, Any]] = field(default_factory=list)
    incomplete: bool = False
    case: Case | None = None
    review: CaseReview | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "output": str(self.output) if self.output else None,
            "incomplete": self.incomplete,
            "findings": [f.to_dict() for f in sort_findings(self.findings)],
            "files": self.files,
        }


def _f(
    severity: Severity, code: str, lang: str, subject: str | None = None, **params: Any
) -> Finding:
    fix_key = f"{code}.fix"
    try:
        fix = text(fix_key, lang, **params)
    except KeyError:
        fix = None
    return Finding(severity, code, text(code, lang, **params), fix=fix, subject=subject)


# --------------------------------------------------------------------------------------- dates
def bundle_date(prepared_on: dt.date | None = None) -> dt.date:
    """``prepared_on``, else ``SOURCE_DATE_EPOCH`` (UTC) when set, else today."""
    if prepared_on is not None:
        return prepared_on
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


# --------------------------------------------------------------------------------------- names
def incomplete_path(output: Path) -> Path:
    """``bundle.zip`` -> ``bundle-INCOMPLETE.zip`` (unless already marked)."""
    if INCOMPLETE in output.name:
        return output
    suffix = output.suffix or ".zip"
    return output.with_name(f"{output.stem}-{INCOMPLETE}{suffix}")


def _slug(value: str) -> str:
    value = re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-").lower()
    return value or "file"


def role_file_name(number: int, document: str, suffix: str, part: int | None = None) -> str:
    """``02-business-license.jpg``: numbered by checklist order, ASCII, no spaces or symbols
    (through the attachments module's ``safe_upload_name``, which satisfies every provider)."""
    from assistant.core.attachments import safe_upload_name

    tail = f"-p{part}" if part is not None else ""
    base = _slug(document.replace("_", "-"))
    return safe_upload_name(f"{number:02d}-{base}{tail}{suffix.lower()}", "tencent")


# --------------------------------------------------------------------------------------- export
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
) -> ExportResult:
    """Export ``case`` (a Case or the path of a case file) to the zip ``output``.

    Never raises on bad input: problems come back as findings. With an error finding nothing is
    written (``ok`` false), unless ``allow_incomplete``: then the bundle is written with
    ``INCOMPLETE`` in its file name and manifest.

    The attachments are inspected (by the review) and fixed several at once
    (:func:`assistant.core.jobs.run_in_order`); ``progress`` and ``cancel`` are called in the
    calling thread, and the zip does not depend on which file finished first.
    """
    findings: list[Finding] = []
    if isinstance(case, Case):
        lang = normalize_language(lang or case.language)
    else:
        loaded, load_findings = load_case(case, lang)
        findings.extend(load_findings)
        if loaded is None:
            return ExportResult(False, None, findings)
        case = loaded
        lang = normalize_language(lang or case.language)
    when = bundle_date(prepared_on)
    target = Path(output)

    def step(done: int, total: int, what: str) -> None:
        if progress is not None:
            progress(done, total, what)

    if not force and (target.exists() or (allow_incomplete and incomplete_path(target).exists())):
        existing = target if target.exists() else incomplete_path(target)
        findings.append(
            _f(Severity.ERROR, "bundle.exists", lang, str(existing), path=str(existing))
        )
        return ExportResult(False, None, findings, case=case)
    if not target.parent.is_dir():
        findings.append(
            _f(
                Severity.ERROR,
                "bundle.no_folder",
                lang,
                str(target.parent),
                path=str(target.parent),
            )
        )
        return ExportResult(False, None, findings, case=case)

    review = check_case(case, lang, progress=progress, cancel=cancel)
    if review.cancelled:
        findings.append(_f(Severity.ERROR, "bundle.cancelled", lang))
        return ExportResult(False, None, findings, case=case, review=review)
    known = {(f.code, f.subject) for f in findings}
    findings.extend(f for f in review.all() if (f.code, f.subject) not in known)
    incomplete = has_errors(findings)
    if incomplete and not allow_incomplete:
        return ExportResult(False, None, findings, case=case, review=review)
    if incomplete:
        target = incomplete_path(target)
        if target.exists() and not force:
            findings.append(
                _f(Severity.ERROR, "bundle.exists", lang, str(target), path=str(target))
            )
            return ExportResult(False, None, findings, case=case, review=review)

    with tempfile.TemporaryDirectory(prefix="sms-bundle-") as work:
        try:
            files, build_findings = _build_files(
                case, review, lang, when, Path(work), incomplete, findings, step, cancel
            )
        except _CancelledError:
            findings.append(_f(Severity.ERROR, "bundle.cancelled", lang))
            return ExportResult(False, None, findings, case=case, review=review)
        findings.extend(build_findings)
        try:
            with atomic_output(target) as tmp:
                write_zip(tmp, files, when)
        except OSError as exc:
            findings.append(
                _f(
                    Severity.ERROR,
                    "bundle.write_failed",
                    lang,
                    str(target),
                    path=str(target),
                    reason=exc.strerror or str(exc),
                )
            )
            return ExportResult(False, None, findings, case=case, review=review)
    step(1, 1, str(target))
    return ExportResult(
        ok=not incomplete,
        output=target,
        findings=findings,
        files=[f.entry() for f in files],
        incomplete=incomplete,
        case=case,
        review=review,
    )


class _CancelledError(Exception):
    pass


def _document_order(case: Case, review: CaseReview) -> list[str]:
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


def _build_files(
    case: Case,
    review: CaseReview,
    lang: str,
    when: dt.date,
    work: Path,
    incomplete: bool,
    findings_so_far: list[Finding],
    step: Progress,
    cancel: Cancelled | None,
) -> tuple[list[BundleFile], list[Finding]]:
    pack = load_pack(case.provider)
    region = effective_region(case, pack)
    new_findings: list[Finding] = []
    files: list[BundleFile] = []

    # 1. attachments, numbered in checklist order, fixed where needed
    order = _document_order(case, review)
    indexed = sorted(
        enumerate(case.attachments),
        key=lambda ia: (
            order.index(ia[1].document) if ia[1].document in order else len(order),
            ia[0],
        ),
    )
    numbers: dict[str, int] = {}
    labels: list[str] = [""] * len(case.attachments)
    total = len(indexed) + 4

    def fix(job: tuple[int, Attachment]) -> _Fixed | None:
        i, a = job
        if not Path(a.path).is_file():
            return None
        inspection = review.inspections[i] if i < len(review.inspections) else None
        return _fixed_outputs(a, inspection, case, region, lang, work / f"fix-{i}", cancel)

    # the fixes run several at once (Pillow encodes and decodes without the GIL); the results
    # come back in checklist order, so names and the zip are the same on every run
    fixed = run_in_order(
        indexed,
        fix,
        progress=lambda done, what: step(done, total, what),
        label=lambda job: job[1].path,
        cancel=cancel,
    )
    if fixed is None:
        raise _CancelledError
    for (i, a), outcome in zip(indexed, fixed, strict=True):
        if outcome is None:
            continue
        source = Path(a.path)
        number = numbers.setdefault(a.document, len(numbers) + 1)
        outputs, fixes, fix_findings = outcome
        new_findings.extend(fix_findings)
        for part, path in enumerate(outputs, 1):
            suffix = path.suffix.lower() or ".bin"
            if suffix == ".jpeg":
                suffix = ".jpg"
            name = "files/" + role_file_name(
                number, a.document, suffix, part if len(outputs) > 1 else None
            )
            while any(f.name == name for f in files):  # the same document attached twice
                number = len(numbers) + 1
                numbers[f"{a.document}#{i}"] = number
                name = "files/" + role_file_name(
                    number, a.document, suffix, part if len(outputs) > 1 else None
                )
            files.append(
                BundleFile(
                    name=name,
                    role="attachment",
                    source=path,
                    document=a.document,
                    original=source.name,
                    fixes=fixes,
                )
            )
            labels[i] = labels[i] or name
    attachment_files = list(files)

    # 2. the filled letter
    step(len(indexed), total, "letter")
    if case.purpose == "others":
        letter_path = work / "authorization-letter.docx"
        letter_findings, written = _fill_letter(case, letter_path, lang)
        new_findings.extend(letter_findings)
        if written:
            files.append(
                BundleFile(
                    name="letter/authorization-letter.docx", role="letter", source=letter_path
                )
            )

    # 3. the checklist
    step(len(indexed) + 1, total, "checklist.pdf")
    from assistant.core.checklist import build_checklist

    checklist = build_checklist(case.provider, case.account, case.purpose, case.type, region, lang)
    pdf, pdf_findings = _checklist_pdf(checklist, case, review, lang, when, labels)
    new_findings.extend(pdf_findings)
    if pdf is not None:
        files.append(BundleFile(name="checklist.pdf", role="checklist", data=pdf))

    # 4. API payloads
    step(len(indexed) + 2, total, "api")
    payloads, to_fill = build_payloads(case, attachment_files, pack, lang)
    for name, payload in payloads:
        files.append(
            BundleFile(
                name=f"api/{name}",
                role="api",
                data=(json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            )
        )

    # 5. README, then the manifest over everything
    step(len(indexed) + 3, total, "manifest.json")
    all_findings = [*findings_so_far, *new_findings]
    readme = build_readme(case, pack, files, to_fill, all_findings, lang, when, incomplete)
    files.insert(0, BundleFile(name="README.txt", role="readme", data=readme.encode("utf-8")))
    for f in files:
        data = f.read()
        f.size = len(data)
        f.sha256 = hashlib.sha256(data).hexdigest()
        if f.source is not None:
            f.data = None  # keep memory low: read again when zipping
    manifest = build_manifest(case, pack, files, to_fill, all_findings, when, incomplete)
    data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
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
    return files, new_findings


# (paths to put in the bundle, codes of what was fixed, findings of the fix)
_Fixed = tuple[list[Path], list[str], list[Finding]]


def _fixed_outputs(
    a: Attachment,
    inspection: Any,
    case: Case,
    region: str | None,
    lang: str,
    out_dir: Path,
    cancel: Cancelled | None,
) -> _Fixed:
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
        case.provider,
        out_dir,
        document=a.document,
        region=region,
        lang=lang,
        cancel=CallbackFlag(cancel),
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


def _fill_letter(case: Case, path: Path, lang: str) -> tuple[list[Finding], bool]:
    """Fill the authorization letter (its content was checked with the case already)."""
    from assistant.core.letter import LetterInput, fill_letter

    result = fill_letter(LetterInput.from_case(case), path, lang=lang, check=False)
    if path.is_file():
        path.write_bytes(normalize_zip(path.read_bytes()))
    return list(result.findings), path.is_file()


def normalize_zip(
    data: bytes, when: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)
) -> bytes:
    """The same zip (e.g. a .docx) with fixed entry times and attributes, so it is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=when)
            info.compress_type = item.compress_type
            info.create_system = 3
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item))
    return out.getvalue()


def _checklist_pdf(
    checklist: Any,
    case: Case,
    review: CaseReview,
    lang: str,
    when: dt.date,
    labels: Sequence[str],
) -> tuple[bytes | None, list[Finding]]:
    try:
        from assistant.render import checklist_pdf_bytes
    except ImportError as exc:  # no Qt libraries on this machine
        return None, [_f(Severity.WARNING, "bundle.no_pdf", lang, "checklist.pdf", reason=str(exc))]
    shown = [label.removeprefix("files/") for label in labels]
    return checklist_pdf_bytes(
        checklist, case, lang=lang, review=review, prepared_on=when, attachment_labels=shown
    )


# --------------------------------------------------------------------------------------- zip
def _zip_time(when: dt.date) -> tuple[int, int, int, int, int, int]:
    year = max(1980, min(2107, when.year))
    return (year, when.month, when.day, 0, 0, 0)


def write_zip(path: str | os.PathLike[str], files: Iterable[BundleFile], when: dt.date) -> None:
    """A deterministic zip: fixed order, times, permissions and system; images stored as is."""
    stamp = _zip_time(when)
    with zipfile.ZipFile(path, "w", allowZip64=True) as zf:
        for f in files:
            info = zipfile.ZipInfo(f.name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            if Path(f.name).suffix.lower() in _STORED_SUFFIXES:
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            if f.data is None and f.source is not None:
                with f.source.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            else:
                data = f.read()
                # big text (base64 payloads) compresses little: the fast level is nearly as small
                level = 1 if len(data) > (1 << 20) else 6
                zf.writestr(info, data, compresslevel=level)


# --------------------------------------------------------------------------------------- payloads
def _fill(what: str) -> str:
    return f"{TO_FILL}: {what}"


def _code(pack: RulePack, kind: str, value: str | None) -> Any:
    if value is None:
        return None
    choice = pack.choice(kind, value)
    return choice.code if choice else None


def _b64(f: BundleFile) -> str:
    return base64.b64encode(f.read()).decode("ascii")


def _suffix(f: BundleFile) -> str:
    return Path(f.name).suffix.lstrip(".").lower()


def build_payloads(
    case: Case, attachments: Sequence[BundleFile], pack: RulePack, lang: str = "en"
) -> tuple[list[tuple[str, dict[str, Any]]], list[dict[str, str]]]:
    """Request payloads for the provider's API, one per signature name where the API takes one.

    Field names and value types are those of the official SDK request models
    (``tencentcloud-sdk-python-sms`` AddSmsSignRequest, ``alibabacloud-dysmsapi20170525``
    CreateSmsSignRequest / CreateSmsAuthorizationLetterRequest / AddSmsSignRequest,
    ``huaweicloudsdkmsgsms`` SmsSignatureReq). Values only the console gives are strings
    ``"TO_FILL: …"``; they are also returned as ``to_fill`` (file, field, what).
    """
    names = [n.strip() for n in case.signature_names if n.strip()] or [_fill("signature name")]
    builder = {"tencent": _tencent, "alibaba": _alibaba, "huawei": _huawei}[pack.provider]
    payloads = builder(case, names, attachments, pack)
    to_fill = [
        {"file": f"api/{name}", "field": key, "what": value.split(":", 1)[1].strip()}
        for name, payload in payloads
        for key, value in _walk(payload)
        if isinstance(value, str) and value.startswith(TO_FILL)
    ]
    return payloads, to_fill


def _walk(payload: Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    if isinstance(payload, dict):
        for k, v in payload.items():
            yield from _walk(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(payload, list):
        for i, v in enumerate(payload):
            yield from _walk(v, f"{prefix}[{i}]")
    else:
        yield prefix, payload


def _letter_scan(attachments: Sequence[BundleFile]) -> BundleFile | None:
    return next((f for f in attachments if f.document == "authorization_letter"), None)


def _proof(attachments: Sequence[BundleFile], pack: RulePack) -> BundleFile | None:
    """The qualification proof: the first attached certificate/screenshot the provider codes."""
    for f in attachments:
        doc = pack.documents.get(f.document or "")
        if doc is not None and doc.kind != "letter" and doc.code is not None:
            return f
    return next((f for f in attachments if f.document != "authorization_letter"), None)


def _tencent(
    case: Case, names: list[str], attachments: Sequence[BundleFile], pack: RulePack
) -> list[tuple[str, dict[str, Any]]]:
    region = effective_region(case, pack)
    sig_type = pack.signature_type(case.type)
    proof = _proof(attachments, pack)
    doc = pack.documents.get(proof.document or "") if proof else None
    letter = _letter_scan(attachments)
    remark = compose_remark(case, "zh")
    out = []
    for i, name in enumerate(names, 1):
        payload: dict[str, Any] = {
            "SignName": name,
            "SignType": sig_type.code if sig_type else _fill("SignType"),
            "DocumentType": doc.code if doc and doc.code is not None else _fill("DocumentType"),
            "International": _code(pack, "regions", region) if region else 0,
            "SignPurpose": _code(pack, "purposes", case.purpose),
            "ProofImage": _b64(proof) if proof else _fill("base64 of the qualification image"),
        }
        if case.purpose == "others":
            payload["CommissionImage"] = (
                _b64(letter)
                if letter
                else _fill("base64 of the signed and stamped authorization letter scan (letter/)")
            )
        if remark:
            payload["Remark"] = remark
        if region != "international":
            payload["QualificationId"] = _fill(
                "id of your approved qualification (console > SMS > Qualification management)"
            )
        out.append((f"tencent-AddSmsSign-{i}.json", payload))
    return out


def _alibaba(
    case: Case, names: list[str], attachments: Sequence[BundleFile], pack: RulePack
) -> list[tuple[str, dict[str, Any]]]:
    sig_type = pack.signature_type(case.type)
    source = sig_type.code if sig_type else _fill("SignSource")
    kind = _code(pack, "sign_kinds", effective_sign_type(case, pack))
    sign_type = int(kind) if isinstance(kind, str) and kind.isdigit() else kind
    third = str(_code(pack, "purposes", case.purpose)).lower() == "true"
    remark = compose_remark(case, "zh")
    scene = case.remarks.app_store_link or case.remarks.domain or case.remarks.shop_link
    out: list[tuple[str, dict[str, Any]]] = []
    if third:
        valid = ""
        if case.letter.valid_from and case.letter.valid_until:
            valid = f"{case.letter.valid_from.isoformat()}~{case.letter.valid_until.isoformat()}"
        letter_name = re.sub(
            r"[^\w]", "", f"{case.owner.name}授权委托书{case.letter.valid_from or ''}"
        )
        out.append(
            (
                "alibaba-CreateSmsAuthorizationLetter.json",
                {
                    "Authorization": case.owner.name
                    or _fill("authorizer: the signature owner's full name"),
                    "OrganizationCode": case.owner.credit_code
                    or _fill("the owner's unified social credit code"),
                    "ProxyAuthorization": case.applicant.name
                    or _fill("authorized party: your account's verified name"),
                    "SignList": names,
                    "AuthorizationLetterExpDate": valid or _fill("YYYY-MM-DD~YYYY-MM-DD"),
                    "AuthorizationLetterName": letter_name[:100]
                    or _fill("a unique name for this letter"),
                    "AuthorizationLetterPic": _fill(
                        "OSS fileKey of the signed letter picture (upload the scan first)"
                    ),
                },
            )
        )
    for i, name in enumerate(names, 1):
        payload: dict[str, Any] = {
            "SignName": name,
            "SignSource": source,
            "SignType": sign_type,
            "Remark": remark,
            "QualificationId": _fill(
                "id of your approved qualification (console > Qualifications)"
            ),
            "ThirdParty": third,
        }
        if third:
            payload["AuthorizationLetterId"] = _fill(
                "AuthorizationLetterId returned by CreateSmsAuthorizationLetter"
            )
        if case.type == "trademark":
            payload["TrademarkId"] = _fill("TrademarkId from CreateSmsTrademark / the console")
        if case.type == "app":
            payload["AppIcpRecordId"] = _fill(
                "AppIcpRecordId from CreateSmsAppIcpRecord / the console"
            )
        if scene:
            payload["ApplySceneContent"] = scene
        out.append((f"alibaba-CreateSmsSign-{i}.json", payload))
    for i, name in enumerate(names, 1):
        out.append(
            (
                f"alibaba-AddSmsSign-legacy-{i}.json",
                {
                    "SignName": name,
                    "SignSource": source,
                    "SignType": sign_type,
                    "Remark": remark or _fill("remark (required, up to 200 characters)"),
                    "SignFileList": [
                        {"FileContents": _b64(f), "FileSuffix": _suffix(f)}
                        for f in attachments
                        if _suffix(f) in ("jpg", "jpeg", "png", "gif")
                    ],
                },
            )
        )
    return out


def _huawei(
    case: Case, names: list[str], attachments: Sequence[BundleFile], pack: RulePack
) -> list[tuple[str, dict[str, Any]]]:
    sig_type = pack.signature_type(case.type)
    third = _code(pack, "purposes", case.purpose)
    proof = _proof(attachments, pack)
    letter = _letter_scan(attachments)
    remark = compose_remark(case, "zh")
    out = []
    for i, name in enumerate(names, 1):
        payload: dict[str, Any] = {
            "app_id": _fill("your application id (console > Message & SMS > Applications)"),
            "signature_name": name,
            "signature_source": sig_type.code if sig_type else _fill("signature_source"),
            "signature_type": _code(pack, "sign_kinds", effective_sign_type(case, pack)),
            "is_involved_third": third,
            "file_id": _fill(
                "file id returned by upload-files for "
                + (proof.name if proof else "the business license")
            ),
            "qualification_id": _fill("id of your approved qualification"),
        }
        if remark:
            payload["apply_desc"] = remark
        if case.purpose == "others":
            payload["power_attorney_fileid"] = _fill(
                "file id returned by upload-files for "
                + (letter.name if letter else "the signed authorization letter scan")
            )
        out.append((f"huawei-CreateSignature-{i}.json", payload))
    return out


# --------------------------------------------------------------------------------------- texts
@cache
def _common_pack_version() -> str:
    """The version of ``common.toml`` (read once: a batch writes a manifest per case)."""
    try:
        with resource_path("rules", "common.toml").open("rb") as fh:
            return str(tomllib.load(fh).get("version", ""))
    except (OSError, tomllib.TOMLDecodeError):
        return ""


def build_manifest(
    case: Case,
    pack: RulePack,
    files: Sequence[BundleFile],
    to_fill: Sequence[dict[str, str]],
    findings: Sequence[Finding],
    when: dt.date,
    incomplete: bool,
) -> dict[str, Any]:
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "status": INCOMPLETE if incomplete else "complete",
        "prepared_on": when.isoformat(),
        "program": {"name": "sms-signature-assistant", "version": __version__},
        "rule_packs": {pack.provider: pack.version, "common": _common_pack_version()},
        "case": {
            "client": case.client,
            "provider": case.provider,
            "region": effective_region(case, pack),
            "account": case.account,
            "purpose": case.purpose,
            "type": case.type,
            "sign_type": effective_sign_type(case, pack),
            "signature_names": [n for n in case.signature_names if n.strip()],
            "applicant": {"name": case.applicant.name, "credit_code": case.applicant.credit_code},
            "owner": {
                "name": case.owner.name,
                "credit_code": case.owner.credit_code,
                "legal_representative": case.owner.legal_representative,
            },
            "remark": compose_remark(case, case.language),
            "language": case.language,
        },
        "files": [f.entry() for f in files],
        "to_fill": list(to_fill),
        "findings": [f.to_dict() for f in sort_findings(findings)],
    }


def build_readme(
    case: Case,
    pack: RulePack,
    files: Sequence[BundleFile],
    to_fill: Sequence[dict[str, str]],
    findings: Sequence[Finding],
    lang: str,
    when: dt.date,
    incomplete: bool,
) -> str:
    def t(key: str, **params: Any) -> str:
        return text(f"bundle.readme.{key}", lang, **params)

    provider = localized(pack.name, lang)
    names = [n for n in case.signature_names if n.strip()]
    sig_type = pack.signature_type(case.type)
    lines: list[str] = []
    title = t("title", provider=provider)
    lines += [title, "=" * min(72, max(len(title), 20)), ""]
    if incomplete:
        lines += [t("incomplete"), ""]
        for finding in sort_findings(findings):
            if finding.severity is Severity.ERROR:
                fix = f" → {finding.fix}" if finding.fix else ""
                lines.append(f"  ✗ {finding.message}{fix}")
        lines.append("")
    lines += [
        t("prepared", date=when.isoformat(), version=__version__, pack=pack.version),
        "",
        t("summary_names", names="、".join(names) if lang == "zh" else ", ".join(names)),
        t("summary_type", type=localized(sig_type.name, lang) if sig_type else case.type),
    ]
    if case.client:
        lines.append(t("summary_client", client=case.client))
    lines += ["", t("steps"), ""]
    n = 1
    lines.append(f"{n}. " + t("step_console", console=localized(pack.console, lang)))
    n += 1
    lines.append(f"{n}. " + t("step_names", names=" / ".join(names)))
    n += 1
    attachments = [f for f in files if f.role == "attachment"]
    if attachments:
        lines.append(f"{n}. " + t("step_upload"))
        for f in attachments:
            doc = pack.documents.get(f.document or "")
            doc_name = localized(doc.name, lang) if doc else (f.document or "")
            lines.append(f"     {f.name}  →  {doc_name}")
        n += 1
    remark = compose_remark(case, lang)
    if remark:
        lines.append(f"{n}. " + t("step_remarks"))
        lines += [f"     {line}" for line in remark.splitlines()]
        n += 1
    if case.purpose == "others":
        lines.append(f"{n}. " + t("step_letter", file="letter/authorization-letter.docx"))
        n += 1
    lines.append(f"{n}. " + t("step_checklist", file="checklist.pdf"))
    warnings = [f for f in sort_findings(findings) if f.severity is Severity.WARNING]
    if warnings:
        lines += ["", t("warnings")]
        for finding in warnings:
            fix = f" → {finding.fix}" if finding.fix else ""
            lines.append(f"  ! {finding.message}{fix}")
    lines += ["", t("api")]
    for f in files:
        if f.role == "api":
            lines.append(f"  {f.name}")
    if to_fill:
        lines += ["", t("to_fill", marker=TO_FILL)]
        for item in to_fill:
            lines.append(f"  {item['file']}  {item['field']}: {item['what']}")
    lines += ["", t("manifest")]
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------------------- batch
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


def export_batch(
    folder: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    force: bool = False,
    allow_incomplete: bool = False,
    lang: str | None = None,
    prepared_on: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
) -> BatchResult:
    """One bundle per case file in ``folder`` and ``summary.csv`` (client, signature, status,
    blocking problems). A broken case is a row of the summary; it never stops the others."""
    lang = normalize_language(lang)
    outdir = Path(outdir)
    folder = Path(folder)
    cases = find_case_files(folder)
    if not cases:
        return BatchResult(
            [], None, [_f(Severity.ERROR, "bundle.no_cases", lang, str(folder), folder=str(folder))]
        )
    outdir.mkdir(parents=True, exist_ok=True)
    rows: list[BatchRow] = []
    used: set[str] = set()
    for i, path in enumerate(cases):
        if cancel is not None and cancel():
            break
        if progress is not None:
            progress(i, len(cases), str(path))
        relative = path.relative_to(folder).as_posix().removesuffix(CASE_SUFFIX)
        stem = _slug(relative) or f"case-{i + 1}"
        while stem in used:
            stem += "-2"
        used.add(stem)
        target = outdir / f"{stem}.zip"
        try:
            result = export_case(
                path,
                target,
                force=force,
                allow_incomplete=allow_incomplete,
                lang=lang,
                prepared_on=prepared_on,
            )
        except Exception as exc:
            rows.append(BatchRow(str(path), "", "", "broken", "", [f"{type(exc).__name__}: {exc}"]))
            continue
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
        rows.append(
            BatchRow(
                case_file=str(path),
                client=c.client if c else "",
                signatures=" | ".join(n for n in c.signature_names if n.strip()) if c else "",
                status=status,
                output=str(result.output) if result.output else "",
                problems=errors,
            )
        )
    if progress is not None:
        progress(len(cases), len(cases), "summary.csv")
    summary = outdir / "summary.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["case_file", "client", "signature", "status", "bundle", "blocking_problems"])
    for r in rows:
        writer.writerow(
            [r.case_file, r.client, r.signatures, r.status, r.output, " | ".join(r.problems)]
        )
    with atomic_output(summary) as tmp:
        # UTF-8 with BOM: spreadsheet programs then show Chinese correctly
        Path(tmp).write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return BatchResult(rows, summary)


# --------------------------------------------------------------------------------------- demo
def write_demo(
    outdir: str | os.PathLike[str], *, lang: str = "zh", force: bool = False
) -> tuple[Path, ExportResult]:
    """A sample case (Tencent, company signature on behalf of a client) with generated sample
    images in ``outdir``, and its exported bundle. The no-setup way to see the program work."""
    outdir = Path(outdir)
    case_path = outdir / f"demo{CASE_SUFFIX}"
    bundle = outdir / "demo-bundle.zip"
    if bundle.exists() and not force:
        lang = normalize_language(lang)
        found = [_f(Severity.ERROR, "bundle.exists", lang, str(bundle), path=str(bundle))]
        return case_path, ExportResult(False, None, found)
    outdir.mkdir(parents=True, exist_ok=True)
    images = _write_sample_images(outdir / "files")
    case = sample_case(lang)
    case.set_attachment("business_license", images["business_license"])
    case.set_attachment("authorization_letter", images["authorization_letter"])
    save_case(case, case_path)
    result = export_case(case_path, bundle, force=force, allow_incomplete=True)
    return case_path, result


def sample_case(lang: str = "zh", today: dt.date | None = None) -> Case:
    """The demo's made-up case, without attachments: Tencent, the company signature 云朵科技
    applied for by an agency on behalf of its owner (credit codes well-formed), a letter valid
    for two years from ``today`` (default: :func:`bundle_date`). Tests and benchmarks start
    from it too."""
    from assistant.core.identifiers import org_code_check_char, uscc_check_char

    today = today or bundle_date()
    case = Case(
        provider="tencent",
        region="mainland",
        account="enterprise",
        purpose="others",
        type="company",
        signature_names=["云朵科技"],
        language=normalize_language(lang),
    )
    case.applicant.name = "深圳市示例代理通信有限公司"
    case.applicant.credit_code = _credit_code(
        "914403007", "MA5G9GK4", org_code_check_char, uscc_check_char
    )
    case.owner.name = "杭州云朵科技有限公司"
    case.owner.credit_code = _credit_code(
        "913301067", "MA2H3UQ4", org_code_check_char, uscc_check_char
    )
    case.owner.legal_representative = "张明"
    case.remarks.description = (
        "用于云朵科技会员注册、登录验证码及订单通知短信。官网 https://www.example.com"
    )
    case.letter.valid_from = today
    case.letter.valid_until = today.replace(year=today.year + 2) - dt.timedelta(days=1)
    case.letter.language = "zh"
    return case


def _credit_code(
    head: str,
    org8: str,
    org_check: Callable[[str], str | None],
    check: Callable[[str], str | None],
) -> str:
    """A made-up but well-formed unified social credit code (both check characters right)."""
    first17 = head[:8] + org8 + (org_check(org8) or "0")
    return first17 + (check(first17) or "0")


def _write_sample_images(folder: Path) -> dict[str, Path]:
    """Two clearly fake sample documents (a business license and a signed letter) as JPEGs."""
    from PIL import Image, ImageDraw, ImageFont

    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}

    def font(size: int) -> Any:
        try:
            return ImageFont.load_default(size=size)
        except TypeError:  # Pillow < 10.1
            return ImageFont.load_default()

    specs = {
        "business_license": ("SAMPLE BUSINESS LICENSE", (1754, 1240), "#f7f1e3", "#b22222"),
        "authorization_letter": ("SAMPLE AUTHORIZATION LETTER", (1240, 1754), "#ffffff", "#1f2933"),
    }
    for doc_id, (title, size, paper, ink) in specs.items():
        img = Image.new("RGB", size, paper)
        draw = ImageDraw.Draw(img)
        w, h = size
        draw.rectangle((30, 30, w - 30, h - 30), outline=ink, width=8)
        draw.rectangle((50, 50, w - 50, h - 50), outline=ink, width=2)
        draw.text((w // 2, 160), title, fill=ink, font=font(64), anchor="mm")
        draw.text(
            (w // 2, 240),
            "Demo of the SMS Signature Assistant - not a real document",
            fill="#52606d",
            font=font(30),
            anchor="mm",
        )
        for row in range(12):
            y = 360 + row * 70
            if y > h - 420:
                break
            draw.text((120, y), f"Field {row + 1:02d}:", fill="#1f2933", font=font(32))
            draw.line((360, y + 36, w - 140, y + 36), fill="#9aa5b1", width=3)
            draw.text(
                (380, y), f"sample value {row * 7919 % 100000:05d}", fill="#3e4c59", font=font(32)
            )
        # a red round seal, bottom right
        cx, cy, r = w - 300, h - 300, 170
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline="#d0021b", width=14)
        draw.regular_polygon((cx, cy, 60), 5, rotation=90, fill="#d0021b")
        draw.text((cx, cy + 110), "SAMPLE SEAL", fill="#d0021b", font=font(28), anchor="mm")
        path = folder / f"sample-{doc_id.replace('_', '-')}.jpg"
        img.save(path, "JPEG", quality=88, optimize=True)
        out[doc_id] = path
    return out


__all__ = [
    "BUNDLE_FORMAT",
    "INCOMPLETE",
    "PROVIDERS",
    "TO_FILL",
    "BatchResult",
    "BatchRow",
    "BundleFile",
    "ExportResult",
    "build_manifest",
    "build_payloads",
    "build_readme",
    "export_batch",
    "export_case",
    "find_case_files",
    "incomplete_path",
    "sample_case",
    "write_demo",
    "write_zip",
]
