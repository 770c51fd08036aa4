"""What a bundle is made of: its files, the result of an export, names and dates."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypedDict

from assistant.core.findings import Finding, Severity, make_finding, sort_findings
from assistant.core.model import Case
from assistant.core.review import CaseReview

if TYPE_CHECKING:
    from assistant.core.checklist import Checklist

BUNDLE_FORMAT = "sms-signature-bundle"
BUNDLE_VERSION = 1
INCOMPLETE = "INCOMPLETE"


class ChecklistRenderer(Protocol):
    """Renders the printable checklist to PDF bytes (``assistant.render.checklist_pdf_bytes``,
    handed in by the CLI and the GUI: the core knows no Qt)."""

    def __call__(
        self,
        checklist: Checklist,
        case: Case | None = None,
        *,
        lang: str | None = None,
        review: CaseReview | None = None,
        prepared_on: dt.date | None = None,
        attachment_labels: Sequence[str] | None = None,
    ) -> tuple[bytes, list[Finding]]: ...


class ExportOptions(TypedDict, total=False):
    """Options of :func:`~assistant.core.bundle.export.export_case` that a batch passes on to
    every case."""

    force: bool
    allow_incomplete: bool
    prepared_on: dt.date | None
    render_checklist: ChecklistRenderer | None


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


def finding(
    severity: Severity, code: str, lang: str, subject: str | None = None, **params: Any
) -> Finding:
    """A finding of the bundle's catalogue (``resources/i18n/bundle.toml``), with its fix text
    when the catalogue has one."""
    return make_finding(severity, code, lang, subject, **params)


def write_failed(path: Path, exc: OSError, lang: str) -> Finding:
    """The finding of an output that could not be written (full disk, read-only folder …)."""
    return finding(
        Severity.ERROR,
        "bundle.write_failed",
        lang,
        str(path),
        path=str(path),
        reason=exc.strerror or str(exc),
    )


def bundle_date(prepared_on: dt.date | None = None) -> dt.date:
    """``prepared_on``, else ``SOURCE_DATE_EPOCH`` (UTC) when set, else today."""
    if prepared_on is not None:
        return prepared_on
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def incomplete_path(output: Path) -> Path:
    """``bundle.zip`` -> ``bundle-INCOMPLETE.zip`` (unless already marked)."""
    if INCOMPLETE in output.name:
        return output
    suffix = output.suffix or ".zip"
    return output.with_name(f"{output.stem}-{INCOMPLETE}{suffix}")


def slug(value: str) -> str:
    """Lower-case ASCII letters and digits joined by ``-`` (``file`` when nothing is left)."""
    value = re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-").lower()
    return value or "file"


def role_file_name(number: int, document: str, suffix: str, part: int | None = None) -> str:
    """``02-business-license.jpg``: numbered by checklist order, ASCII, no spaces or symbols
    (through the attachments module's ``safe_upload_name``, which satisfies every provider)."""
    from assistant.core.attachments import safe_upload_name

    tail = f"-p{part}" if part is not None else ""
    base = slug(document.replace("_", "-"))
    return safe_upload_name(f"{number:02d}-{base}{tail}{suffix.lower()}", "tencent")
