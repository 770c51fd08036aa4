"""One row of the case library: what an agency needs to see of a case file at a glance.

:func:`summarize` reads the file once (the same strict reader as :func:`load_case`), builds the
case without hashing its attachments twice, and runs :func:`check_case` without inspecting the
attachments (the slow part): the errors are what still blocks the export, the first one is
shown. The row also carries what its value depends on besides the case file (the attached files'
size and modification time), so a cache can tell when it is stale.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import normalize_language
from assistant.core.model.fileformat import parse_case, read_case_document

ROW_FIELDS_VERSION = 1  # bump when the fields of LibraryRow change (the cache is then rebuilt)


@dataclass
class LibraryRow:
    """A case file as the library lists it. ``stage`` is one of
    :data:`assistant.core.status.STAGES`, or ``broken`` when the file cannot be used."""

    path: str
    client: str = ""
    provider: str = ""
    signatures: list[str] = field(default_factory=list)
    stage: str = "broken"
    stage_label: str = ""
    errors: int = 0
    first_error: str = ""
    first_error_code: str = ""
    warnings: int = 0
    modified: float = 0.0  # the file's modification time (seconds since the epoch)
    applicant: str = ""
    owner_code: str = ""
    account: str = ""
    purpose: str = ""
    type: str = ""
    language: str = ""
    rejection: str = ""  # the console's text of the latest rejection, if any
    # what the row depends on besides the case file: [path, mtime_ns, size] of each attachment
    depends: list[list[Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def broken(self) -> bool:
        return self.stage == "broken"

    @property
    def blocked(self) -> bool:
        return self.errors > 0

    def search_text(self) -> str:
        """Everything a search looks in, folded once (see :func:`fold`)."""
        parts = [self.client, self.applicant, self.owner_code, self.name, self.provider]
        parts += self.signatures
        parts += [self.stage_label, self.first_error, self.rejection]
        return fold(" \u0001 ".join(parts))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LibraryRow:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


def fold(value: str) -> str:
    """How the library compares text: NFKC (full-width letters as ASCII), case-folded."""
    return unicodedata.normalize("NFKC", value).casefold()


def dependencies(paths: list[str]) -> list[list[Any]]:
    """[path, mtime_ns, size] of each file (-1, -1 when it is gone or unreadable)."""
    out: list[list[Any]] = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append([p, st.st_mtime_ns, st.st_size])
        except (OSError, ValueError):
            out.append([p, -1, -1])
    return out


def _problems(found: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """The errors and warnings of ``found``, each (code, subject) once, errors first."""
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for f in sort_findings(found):
        if (f.code, f.subject) not in seen:
            seen.add((f.code, f.subject))
            unique.append(f)
    errors = [f for f in unique if f.severity is Severity.ERROR]
    warnings = [f for f in unique if f.severity is Severity.WARNING]
    return errors, warnings


def summarize(
    path: str | os.PathLike[str],
    lang: str | None = None,
    today: dt.date | None = None,
    modified: float | None = None,
) -> LibraryRow:
    """The library row of one case file; never raises on a bad file (a broken row says why)."""
    from assistant.core.review import check_case
    from assistant.core.status import case_stage, stage_label

    lang = normalize_language(lang)
    p = Path(path)
    if modified is None:
        try:
            modified = p.stat().st_mtime
        except OSError:
            modified = 0.0
    data, found = read_case_document(p, lang)
    case = None
    if data is not None:
        try:
            folder = p.resolve().parent
        except (OSError, RuntimeError):
            folder = Path(os.path.abspath(p)).parent
        case, more = parse_case(data, folder, lang=lang, verify_files=False)
        found += more
    if case is None:
        first = next((f for f in found if f.severity is Severity.ERROR), None)
        return LibraryRow(
            path=str(p),
            errors=max(1, sum(f.severity is Severity.ERROR for f in found)),
            first_error=first.message if first else "",
            first_error_code=first.code if first else "",
            modified=modified,
            stage_label="",
        )
    review = check_case(case, lang, inspect_attachments=False)
    errors, warnings = _problems(found + review.all())
    value = case_stage(case, today)
    rejected = [s.rejection for s in case.status.signatures if s.state == "rejected"]
    return LibraryRow(
        path=str(p),
        client=case.client,
        provider=case.provider,
        signatures=[n.strip() for n in case.signature_names if n.strip()],
        stage=value,
        stage_label=stage_label(value, lang),
        errors=len(errors),
        first_error=errors[0].message if errors else "",
        first_error_code=errors[0].code if errors else "",
        warnings=len(warnings),
        modified=modified,
        applicant=case.applicant.name.strip(),
        owner_code=(case.owner.credit_code or case.applicant.credit_code).strip(),
        account=case.account,
        purpose=case.purpose,
        type=case.type,
        language=case.language,
        rejection=next((r for r in rejected if r), ""),
        depends=dependencies([a.path for a in case.attachments]),
    )
