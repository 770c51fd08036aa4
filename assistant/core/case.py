"""The application being prepared (a *case*) and its JSON file (``*.smscase.json``).

The GUI holds one :class:`Case` as its single source of truth and saves it on every change; the
CLI loads one per command. The dataclasses are plain, mutable state: no validation happens when a
field is set. Validation happens in two places only:

* :func:`load_case` reports every problem of a file (unknown keys, wrong types, unknown ids, an
  attachment that moved or changed since it was attached) as findings, never a traceback;
* :func:`check_case` runs every check on a case (ids, names, identifiers, remarks, attachments,
  letter) and returns the findings grouped by area. The GUI's review page and the export both
  use it, so there is one place that decides what blocks an application.

The file format is described in ``docs/case-format.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from assistant.core.findings import Finding, Severity, has_errors, sort_findings
from assistant.core.fsio import atomic_write_bytes, sha256_file
from assistant.core.i18n import LANGUAGES, localized, normalize_language, text
from assistant.core.jobs import CallbackFlag, Cancelled, Progress, run_in_order
from assistant.core.rules import PROVIDERS, RulePack, load_pack

CASE_FORMAT = "sms-signature-case"
CASE_VERSION = 1
CASE_SUFFIX = ".smscase.json"


# --------------------------------------------------------------------------------------- model
@dataclass
class Remarks:
    """The console's remark / scene-description fields (ids as in the rule packs' ``[remarks]``)."""

    app_store_link: str = ""
    domain: str = ""
    account_name: str = ""
    trademark_number: str = ""
    landline: str = ""
    shop_link: str = ""
    description: str = ""

    def get(self, remark_id: str) -> str:
        value = getattr(self, remark_id, "")
        return value if isinstance(value, str) else ""


@dataclass
class Applicant:
    """The entity the cloud account is verified as (for others: the authorized party)."""

    name: str = ""
    credit_code: str = ""


@dataclass
class Owner:
    """The organization that owns the signature (for others: the authorizer)."""

    name: str = ""
    credit_code: str = ""
    legal_representative: str = ""


@dataclass
class LetterInfo:
    """What the authorization letter needs beyond the parties (used when purpose is ``others``)."""

    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    language: str = "zh"
    risk_bearer: str = ""  # empty: the owner bears the risk
    template: str = ""  # empty: the provider's bundled template; else a template id or a .docx path
    signed_on: dt.date | None = None  # None: the date is written by hand when signing


@dataclass
class Attachment:
    """A file the user attached for a document of the checklist.

    ``path`` is absolute in memory (resolved against the case file's folder when loaded) and
    stored relative to the case file where possible. ``sha256`` is the digest of the file when it
    was attached, so a file that changed afterwards is noticed.
    """

    document: str
    path: str
    sha256: str = ""


@dataclass
class Case:
    provider: str = "tencent"
    region: str | None = None
    account: str = "enterprise"
    purpose: str = "self"
    type: str = "company"
    signature_names: list[str] = field(default_factory=list)
    sign_type: str | None = (
        None  # the provider's sign kind (verification, general …), if it has them
    )
    remarks: Remarks = field(default_factory=Remarks)
    applicant: Applicant = field(default_factory=Applicant)
    owner: Owner = field(default_factory=Owner)
    letter: LetterInfo = field(default_factory=LetterInfo)
    attachments: list[Attachment] = field(default_factory=list)
    language: str = "en"  # language of the checklist, README and messages for this case

    # ---- convenience for the GUI and the bundle
    def attachments_for(self, document: str) -> list[Attachment]:
        return [a for a in self.attachments if a.document == document]

    def set_attachment(self, document: str, path: str | os.PathLike[str]) -> Attachment:
        """Attach ``path`` for ``document``, replacing what was attached for it; records sha256.

        Raises ``OSError`` when the file cannot be read (the GUI shows that at once).
        """
        resolved = str(Path(path).expanduser().resolve())
        attachment = Attachment(document=document, path=resolved, sha256=sha256_file(resolved))
        self.attachments = [a for a in self.attachments if a.document != document]
        self.attachments.append(attachment)
        return attachment

    def remove_attachment(self, document: str) -> None:
        self.attachments = [a for a in self.attachments if a.document != document]

    @property
    def client(self) -> str:
        """Who this case is for, as an agency would name it: the owner, else the applicant."""
        if self.purpose == "others" and self.owner.name.strip():
            return self.owner.name.strip()
        return (self.applicant.name or self.owner.name).strip()

    # ---- plain data
    def to_dict(self, base_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
        """The JSON document of this case. With ``base_dir`` (the case file's folder), attachment
        paths inside that folder are written relative to it."""
        return {
            "format": CASE_FORMAT,
            "version": CASE_VERSION,
            "provider": self.provider,
            "region": self.region,
            "account": self.account,
            "purpose": self.purpose,
            "type": self.type,
            "signature_names": list(self.signature_names),
            "sign_type": self.sign_type,
            "remarks": _plain(self.remarks),
            "applicant": _plain(self.applicant),
            "owner": _plain(self.owner),
            "letter": {
                "valid_from": _iso(self.letter.valid_from),
                "valid_until": _iso(self.letter.valid_until),
                "language": self.letter.language,
                "risk_bearer": self.letter.risk_bearer,
                "template": _store_path(self.letter.template, base_dir)
                if _looks_like_path(self.letter.template)
                else self.letter.template,
                "signed_on": _iso(self.letter.signed_on),
            },
            "attachments": [
                {"document": a.document, "path": _store_path(a.path, base_dir), "sha256": a.sha256}
                for a in self.attachments
            ],
            "language": self.language,
        }

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], base_dir: str | os.PathLike[str] | None = None
    ) -> Case:
        """The case of a JSON document; lenient (problems become defaults, see :func:`parse_case`).

        Raises ``ValueError`` only when ``data`` is not a case document at all.
        """
        case, findings = parse_case(data, base_dir, verify_files=False)
        if case is None:
            raise ValueError("; ".join(f.message for f in findings))
        return case


def _plain(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _looks_like_path(value: str) -> bool:
    return value.lower().endswith(".docx") or os.sep in value or "/" in value


def _store_path(path: str, base_dir: str | os.PathLike[str] | None) -> str:
    """``path`` relative to ``base_dir`` where possible (same drive), else absolute; with ``/``."""
    if not path or base_dir is None:
        return path.replace(os.sep, "/") if path else path
    p = Path(path)
    if not p.is_absolute():
        return path.replace(os.sep, "/")
    try:
        rel = os.path.relpath(p.resolve(), Path(base_dir).resolve())
    except ValueError:  # another drive (Windows)
        return p.as_posix()
    return Path(rel).as_posix()


def resolve_path(stored: str, base_dir: str | os.PathLike[str] | None) -> str:
    """The absolute path of a stored (maybe relative) path."""
    p = Path(stored).expanduser()
    if not p.is_absolute() and base_dir is not None:
        p = Path(base_dir) / p
    return str(p.resolve()) if p.is_absolute() or base_dir is not None else str(p)


# --------------------------------------------------------------------------------------- parsing
def _finding(
    severity: Severity,
    code: str,
    lang: str,
    subject: str | None = None,
    fix_key: str | None = None,
    **params: Any,
) -> Finding:
    return Finding(
        severity=severity,
        code=code,
        message=text(code, lang, **params),
        fix=text(fix_key, lang, **params) if fix_key else None,
        subject=subject,
    )


_TOP_KEYS = {
    "format",
    "version",
    "provider",
    "region",
    "account",
    "purpose",
    "type",
    "signature_names",
    "sign_type",
    "remarks",
    "applicant",
    "owner",
    "letter",
    "attachments",
    "language",
}
_ATTACHMENT_KEYS = {"document", "path", "sha256"}
_TYPE_NAMES = {str: "text", list: "list", dict: "object", int: "number", type(None): "null"}

# Older versions of the file are migrated step by step: _MIGRATIONS[n] turns version n into n + 1.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class _Parser:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.findings: list[Finding] = []

    def add(self, severity: Severity, code: str, subject: str | None = None, **params: Any) -> None:
        fix_key = f"{code}.fix" if _has_message(f"{code}.fix") else None
        self.findings.append(_finding(severity, code, self.lang, subject, fix_key, **params))

    def unknown_keys(self, data: Mapping[str, Any], known: Iterable[str], where: str) -> None:
        for key in data:
            if key not in known:
                subject = f"{where}.{key}" if where else str(key)
                self.add(Severity.WARNING, "case.unknown_key", subject, key=subject)

    def typed(self, data: Mapping[str, Any], key: str, kind: type, default: Any, where: str) -> Any:
        if key not in data:
            return default
        value = data[key]
        if value is None and default is None:
            return None
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        self.wrong_type(f"{where}.{key}" if where else key, kind, value)
        return default

    def wrong_type(self, subject: str, expected: type, value: Any) -> None:
        """Error: ``subject`` holds ``value``, not a value of type ``expected``."""
        self.add(
            Severity.ERROR,
            "case.wrong_type",
            subject,
            key=subject,
            expected=_TYPE_NAMES.get(expected, expected.__name__),
            got=_TYPE_NAMES.get(type(value), type(value).__name__),
        )

    def text_fields(self, data: Any, cls: type, where: str) -> Any:
        obj = cls()
        if data is None:
            return obj
        if not isinstance(data, dict):
            self.wrong_type(where, dict, data)
            return obj
        names = [f.name for f in fields(cls)]
        self.unknown_keys(data, names, where)
        for name in names:
            setattr(obj, name, self.typed(data, name, str, "", where))
        return obj

    def date(self, data: Mapping[str, Any], key: str, where: str) -> dt.date | None:
        value = self.typed(data, key, str, None, where)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.add(
                Severity.ERROR, "case.bad_date", f"{where}.{key}", key=f"{where}.{key}", value=value
            )
            return None


def _has_message(key: str) -> bool:
    try:
        text(key)
    except KeyError:
        return False
    return True


def parse_case(
    data: Any,
    base_dir: str | os.PathLike[str] | None = None,
    *,
    lang: str | None = None,
    verify_files: bool = True,
) -> tuple[Case | None, list[Finding]]:
    """A case from its JSON document, and every problem found in it.

    Returns ``(None, findings)`` only when ``data`` is not a case document this program can read
    (not an object, another format, a newer version). Otherwise every bad value is reported and
    replaced by its default, so the rest of the case can still be used.
    """
    p = _Parser(normalize_language(lang))
    if not isinstance(data, dict):
        p.add(Severity.ERROR, "case.not_a_case", None)
        return None, p.findings
    if data.get("format") != CASE_FORMAT:
        p.add(Severity.ERROR, "case.not_a_case", "format", format=CASE_FORMAT)
        return None, p.findings
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        p.add(Severity.ERROR, "case.bad_version", "version", value=json.dumps(version))
        return None, p.findings
    if version > CASE_VERSION:
        p.add(
            Severity.ERROR, "case.newer_version", "version", version=version, supported=CASE_VERSION
        )
        return None, p.findings
    data = dict(data)
    while version < CASE_VERSION:  # pragma: no cover - no older versions exist yet
        data = _MIGRATIONS[version](data)
        version += 1
        data["version"] = version

    p.unknown_keys(data, _TOP_KEYS, "")
    case = Case()
    for key in ("provider", "account", "purpose", "type", "language"):
        setattr(case, key, p.typed(data, key, str, getattr(case, key), ""))
    case.region = p.typed(data, "region", str, None, "")
    case.sign_type = p.typed(data, "sign_type", str, None, "")
    if case.language not in LANGUAGES:
        p.add(
            Severity.WARNING,
            "case.unknown_language",
            "language",
            value=case.language,
            valid=", ".join(LANGUAGES),
        )
        case.language = normalize_language(case.language)

    names = p.typed(data, "signature_names", list, [], "")
    if isinstance(names, list):
        for i, name in enumerate(names):
            if isinstance(name, str):
                case.signature_names.append(name)
            else:
                p.wrong_type(f"signature_names[{i}]", str, name)

    case.remarks = p.text_fields(data.get("remarks"), Remarks, "remarks")
    case.applicant = p.text_fields(data.get("applicant"), Applicant, "applicant")
    case.owner = p.text_fields(data.get("owner"), Owner, "owner")

    letter = p.typed(data, "letter", dict, {}, "")
    if letter:
        p.unknown_keys(letter, {f.name for f in fields(LetterInfo)}, "letter")
        case.letter.valid_from = p.date(letter, "valid_from", "letter")
        case.letter.valid_until = p.date(letter, "valid_until", "letter")
        case.letter.signed_on = p.date(letter, "signed_on", "letter")
        case.letter.language = p.typed(letter, "language", str, "zh", "letter")
        case.letter.risk_bearer = p.typed(letter, "risk_bearer", str, "", "letter")
        template = p.typed(letter, "template", str, "", "letter")
        case.letter.template = (
            resolve_path(template, base_dir)
            if template and _looks_like_path(template)
            else template
        )

    attachments = p.typed(data, "attachments", list, [], "")
    for i, item in enumerate(attachments):
        where = f"attachments[{i}]"
        if not isinstance(item, dict):
            p.wrong_type(where, dict, item)
            continue
        p.unknown_keys(item, _ATTACHMENT_KEYS, where)
        document = p.typed(item, "document", str, "", where)
        path = p.typed(item, "path", str, "", where)
        digest = p.typed(item, "sha256", str, "", where)
        if not document or not path:
            p.add(Severity.ERROR, "case.attachment_incomplete", where, key=where)
            continue
        case.attachments.append(
            Attachment(document=document, path=resolve_path(path, base_dir), sha256=digest.lower())
        )

    p.findings.extend(check_ids(case, p.lang))
    if verify_files:
        p.findings.extend(check_attachment_files(case, p.lang, base_dir))
    return case, p.findings


def load_case(
    path: str | os.PathLike[str], lang: str | None = None
) -> tuple[Case | None, list[Finding]]:
    """Read a case file. ``(None, findings)`` when it cannot be used at all; never raises."""
    path = Path(path)
    lang = normalize_language(lang)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [_finding(Severity.ERROR, "case.not_found", lang, str(path), path=str(path))]
    except OSError as exc:
        return None, [
            _finding(
                Severity.ERROR,
                "case.unreadable",
                lang,
                str(path),
                path=str(path),
                reason=exc.strerror or str(exc),
            )
        ]
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, [_finding(Severity.ERROR, "case.not_utf8", lang, str(path), path=str(path))]
    except json.JSONDecodeError as exc:
        return None, [
            _finding(
                Severity.ERROR,
                "case.not_json",
                lang,
                str(path),
                path=str(path),
                line=exc.lineno,
                column=exc.colno,
                reason=exc.msg,
            )
        ]
    return parse_case(data, path.resolve().parent, lang=lang)


def case_json(case: Case, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The text of a case file (stable: same case -> same text)."""
    return json.dumps(case.to_dict(base_dir), ensure_ascii=False, indent=2) + "\n"


def save_case(case: Case, path: str | os.PathLike[str]) -> None:
    """Write ``case`` to ``path`` atomically (temp file in the same folder + ``os.replace``).

    Raises ``OSError`` when the folder is not writable; an existing file is then left as it was.
    """
    path = Path(path)
    folder = path.resolve().parent
    atomic_write_bytes(path, case_json(case, folder).encode("utf-8"))


# --------------------------------------------------------------------------------------- checks
def check_ids(case: Case, lang: str | None = None) -> list[Finding]:
    """Every id of ``case`` (provider, region, account, purpose, type, sign type, documents)
    checked against the rule pack. Unknown ids are errors naming the valid ones."""
    lang = normalize_language(lang)
    out: list[Finding] = []

    def unknown(what: str, value: Any, valid: Iterable[str]) -> None:
        out.append(
            _finding(
                Severity.ERROR,
                "case.unknown_id",
                lang,
                what,
                "case.unknown_id.fix",
                what=what,
                value=value,
                valid=", ".join(valid) or "-",
            )
        )

    if case.provider not in PROVIDERS:
        unknown("provider", case.provider, PROVIDERS)
        return out
    pack = load_pack(case.provider)
    if case.region is not None and case.region not in pack.region_ids:
        unknown("region", case.region, pack.region_ids)
    for kind, attr in (("accounts", "account"), ("purposes", "purpose")):
        value = getattr(case, attr)
        if pack.choice(kind, value) is None:
            unknown(attr, value, [c.id for c in getattr(pack, kind)])
    if pack.signature_type(case.type) is None:
        unknown("type", case.type, [t.id for t in pack.signature_types])
    if case.sign_type is not None and pack.choice("sign_kinds", case.sign_type) is None:
        unknown("sign_type", case.sign_type, [k.id for k in pack.sign_kinds])
    for i, a in enumerate(case.attachments):
        if a.document not in pack.documents:
            unknown(f"attachments[{i}].document", a.document, list(pack.documents))
    return out


def effective_region(case: Case, pack: RulePack | None = None) -> str | None:
    pack = pack or load_pack(case.provider)
    return pack.region_or_default(case.region)


def effective_sign_type(case: Case, pack: RulePack | None = None) -> str | None:
    """The case's sign kind, or the provider's default one (None when it has none)."""
    pack = pack or load_pack(case.provider)
    if not pack.sign_kinds:
        return None
    if case.sign_type and pack.choice("sign_kinds", case.sign_type):
        return case.sign_type
    default = next((k for k in pack.sign_kinds if k.default), pack.sign_kinds[0])
    return default.id


@dataclass(frozen=True)
class AttachmentState:
    """What is known of one attachment's file right now."""

    attachment: Attachment
    exists: bool
    sha256: str | None  # of the file now (None when it cannot be read)

    @property
    def changed(self) -> bool:
        return bool(
            self.exists and self.attachment.sha256 and self.sha256 != self.attachment.sha256
        )


def attachment_states(case: Case) -> list[AttachmentState]:
    states = []
    for a in case.attachments:
        digest: str | None
        try:
            digest = sha256_file(a.path)
            exists = True
        except OSError:
            digest, exists = None, False
        states.append(AttachmentState(a, exists, digest))
    return states


def check_attachment_files(
    case: Case, lang: str | None = None, base_dir: str | os.PathLike[str] | None = None
) -> list[Finding]:
    """Attachments whose file is gone (error) or changed since it was attached (warning).

    When a missing file is found next to the case file under the same name with the recorded
    sha256 (the case and its files were moved together), the attachment is pointed there.
    """
    lang = normalize_language(lang)
    out: list[Finding] = []
    pack = load_pack(case.provider) if case.provider in PROVIDERS else None
    for i, state in enumerate(attachment_states(case)):
        a = state.attachment
        subject = f"attachments[{i}]"
        doc = pack.documents.get(a.document) if pack else None
        doc_name = localized(doc.name, lang) if doc else a.document
        if not state.exists:
            moved = _find_moved(a, base_dir)
            if moved is not None:
                out.append(
                    _finding(
                        Severity.INFO,
                        "case.attachment_relocated",
                        lang,
                        subject,
                        old=a.path,
                        new=moved,
                    )
                )
                a.path = moved
                continue
            out.append(
                _finding(
                    Severity.ERROR,
                    "case.attachment_missing",
                    lang,
                    subject,
                    "case.attachment_missing.fix",
                    path=a.path,
                    document=doc_name,
                )
            )
        elif state.changed:
            out.append(
                _finding(
                    Severity.WARNING,
                    "case.attachment_changed",
                    lang,
                    subject,
                    "case.attachment_changed.fix",
                    path=a.path,
                    document=doc_name,
                )
            )
    return out


def _find_moved(a: Attachment, base_dir: str | os.PathLike[str] | None) -> str | None:
    if base_dir is None or not a.sha256:
        return None
    candidate = Path(base_dir) / Path(a.path).name
    try:
        if candidate.is_file() and sha256_file(candidate) == a.sha256:
            return str(candidate.resolve())
    except OSError:
        return None
    return None


# Areas of :func:`check_case`, in the order the review page shows them.
AREAS = ("case", "checklist", "names", "identifiers", "remarks", "attachments", "letter")


@dataclass
class CaseReview:
    """Every finding on a case, grouped by area (see :data:`AREAS`)."""

    areas: dict[str, list[Finding]] = field(default_factory=lambda: {a: [] for a in AREAS})
    # Per attachment (same order as case.attachments): the attachment check's findings.
    attachment_findings: list[list[Finding]] = field(default_factory=list)
    # Per attachment: the attachments module's Inspection (None when not inspected), so the
    # export does not decode every file twice.
    inspections: list[Any] = field(default_factory=list)
    cancelled: bool = False

    def all(self) -> list[Finding]:
        return sort_findings(f for area in AREAS for f in self.areas.get(area, []))

    def errors(self) -> list[Finding]:
        return [f for f in self.all() if f.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.cancelled and not has_errors(self.all())

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {a: [f.to_dict() for f in sort_findings(fs)] for a, fs in self.areas.items() if fs}


def check_case(
    case: Case,
    lang: str | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
    inspect_attachments: bool = True,
) -> CaseReview:
    """Run every check on ``case``; findings grouped by area. Never raises on bad input.

    ``progress(done, total, what)`` is called as attachments are inspected (the slow part);
    when ``cancel()`` returns true the review stops and ``cancelled`` is set.
    """
    from assistant.core.checklist import build_checklist, check_remark
    from assistant.core.identifiers import check_credit_code
    from assistant.core.names import check_name

    lang = normalize_language(lang or case.language)
    review = CaseReview()
    areas = review.areas
    areas["case"].extend(check_ids(case, lang))
    if case.provider not in PROVIDERS:
        return review
    pack = load_pack(case.provider)
    region = effective_region(case, pack)

    # names
    names = [n for n in case.signature_names if n.strip()]
    if not names:
        areas["names"].append(
            _finding(
                Severity.ERROR,
                "case.no_signature_name",
                lang,
                "signature_names",
                "case.no_signature_name.fix",
            )
        )
    seen: set[str] = set()
    for name in names:
        key = name.strip()
        if key in seen:
            areas["names"].append(
                _finding(Severity.WARNING, "case.duplicate_name", lang, name, name=key)
            )
            continue
        seen.add(key)
        areas["names"].extend(
            _with_subject(f, name, force=True)
            for f in check_name(name, case.provider, region, lang)
        )
    max_names = pack.rule("limits.max_signatures", region)
    if max_names is not None and len(seen) > int(max_names.value):
        areas["names"].append(
            _finding(
                Severity.ERROR,
                "case.too_many_names",
                lang,
                "signature_names",
                count=len(seen),
                max=int(max_names.value),
            )
        )

    # identifiers
    for who, party in (("applicant", case.applicant), ("owner", case.owner)):
        code = party.credit_code.strip()
        if code:
            areas["identifiers"].extend(check_credit_code(code, lang, f"{who}.credit_code"))

    # the checklist: forbidden or withdrawn combinations, required documents and remarks
    checklist = build_checklist(case.provider, case.account, case.purpose, case.type, region, lang)
    areas["checklist"].extend(
        f
        for f in checklist.findings
        if f.code != "checklist.unknown"  # already in "case"
    )

    # remarks: required ones filled in, every filled one checked, the whole remark short enough
    for remark in checklist.remarks:
        if not case.remarks.get(remark.id).strip():
            areas["remarks"].append(
                _finding(
                    Severity.ERROR,
                    "case.remark_missing",
                    lang,
                    f"remarks.{remark.id}",
                    "case.remark_missing.fix",
                    field=localized(remark.name, lang),
                )
            )
    for f in fields(Remarks):
        value = case.remarks.get(f.name).strip()
        if value:
            areas["remarks"].extend(check_remark(pack, f.name, value, lang, region))
    limit_rule = pack.rule("limits.remark_max_chars", region)
    remark_text = compose_remark(case, lang)
    if (
        limit_rule is not None
        and len(remark_text) > int(limit_rule.value)
        and not any(f.code == "checklist.remark_too_long" for f in areas["remarks"])
    ):
        areas["remarks"].append(
            _finding(
                Severity.ERROR,
                "case.remark_too_long",
                lang,
                "remarks",
                "case.remark_too_long.fix",
                length=len(remark_text),
                limit=int(limit_rule.value),
            )
        )

    # attachments: files present and unchanged, every required document there, each one inspected
    areas["attachments"].extend(check_attachment_files(case, lang))
    attached = {a.document for a in case.attachments}
    for group in checklist.groups():
        if not group[0].required or attached.intersection(e.document.id for e in group):
            continue
        areas["attachments"].append(
            _finding(
                Severity.ERROR,
                "case.document_missing",
                lang,
                group[0].document.id,
                "case.document_missing.fix",
                document=" / ".join(localized(e.document.name, lang) for e in group),
            )
        )
    review.attachment_findings = [[] for _ in case.attachments]
    review.inspections = [None for _ in case.attachments]
    if inspect_attachments:
        total = len(case.attachments)

        def inspect(a: Attachment) -> tuple[Any, list[Finding]]:
            if not Path(a.path).is_file():
                return None, []
            return _inspect(a, case, region, lang, cancel)

        def report(done: int, what: str) -> None:
            if progress is not None:
                progress(done, total, what)

        # several files at once (Pillow decodes without the GIL); results in attachment order
        results = run_in_order(
            case.attachments, inspect, progress=report, label=lambda a: a.path, cancel=cancel
        )
        if results is None or any(
            inspection is not None and getattr(inspection, "cancelled", False)
            for inspection, _ in results
        ):
            review.cancelled = True
            return review
        for i, (inspection, found) in enumerate(results):
            review.inspections[i] = inspection
            review.attachment_findings[i] = found
            areas["attachments"].extend(found)

    # letter
    if case.purpose == "others":
        seen_keys = {(f.code, f.subject) for area in AREAS for f in areas[area]}
        areas["letter"].extend(
            f for f in _check_letter(case, lang) if (f.code, f.subject) not in seen_keys
        )
    return review


def compose_remark(case: Case, lang: str | None = None) -> str:
    """The remark text sent to the provider: the filled remark fields, one per line, the
    description first."""
    pack = load_pack(case.provider) if case.provider in PROVIDERS else None
    lines = []
    description = case.remarks.description.strip()
    if description:
        lines.append(description)
    for f in fields(Remarks):
        value = case.remarks.get(f.name).strip()
        if not value or f.name == "description":
            continue
        remark = pack.remarks.get(f.name) if pack else None
        label = localized(remark.name, lang) if remark else f.name
        lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _with_subject(f: Finding, subject: str, force: bool = False) -> Finding:
    from dataclasses import replace

    return f if f.subject and not force else replace(f, subject=subject)


def _inspect(
    a: Attachment, case: Case, region: str | None, lang: str, cancel: Cancelled | None
) -> tuple[Any, list[Finding]]:
    """Inspect one attached file. Problems the export fixes by itself (too large, wrong format,
    rotated …) are warnings here: they do not block, the bundle carries the fixed copy."""
    from dataclasses import replace

    from assistant.core.attachments import FIXABLE_CODES, inspect_file

    inspection = inspect_file(
        a.path, case.provider, a.document, region, lang, cancel=CallbackFlag(cancel)
    )
    found = []
    for f in inspection.findings:
        if f.code in FIXABLE_CODES and f.severity is Severity.ERROR:
            f = replace(f, severity=Severity.WARNING, fix=text("case.fixed_in_bundle", lang))
        found.append(_with_subject(f, a.document))
    return inspection, found


def _check_letter(case: Case, lang: str) -> list[Finding]:
    from assistant.core.letter import check_letter  # builds on this module: imported late

    return list(check_letter(case, lang, names=False))  # the names are checked above
