"""Saved profiles (issue #15): the agency's own company (an *applicant*) and each client (an
*owner* with its legal representative, credit code and business licence file), entered once and
picked when a case needs them.

Where: one JSON file, ``sms-profiles.json``, in the library folder (beside the cases, so
colleagues sharing the folder share the profiles and the licence paths stay valid; licence
paths are stored relative to it); the wizard uses its settings folder while no library folder is
chosen (``assistant.gui.settings.profiles_path``). The file is written atomically with the user's
normal permissions.

Picking a profile *copies* its values into the case (:func:`apply_profile`): a case never refers
to a profile, so editing or deleting a profile later changes no existing case.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.findings import Finding, Severity
from assistant.core.fsio import atomic_write_bytes, read_regular_file
from assistant.core.i18n import normalize_language, text
from assistant.core.model import Case
from assistant.core.model.plain import resolve_path, store_path

PROFILES_FILE = "sms-profiles.json"
PROFILES_FORMAT = "sms-signature-profiles"
PROFILES_VERSION = 1
KINDS = ("applicant", "client")
MAX_PROFILES_BYTES = 4 << 20
LICENCE_DOCUMENT = "business_license"
_FIELDS = ("name", "credit_code", "legal_representative", "entity_type", "licence_file", "note")


@dataclass
class Profile:
    """An applicant (the agency's company: the entity its cloud account is verified as) or a
    client (the owner of signatures: the authorizer)."""

    kind: str = "client"  # one of KINDS
    name: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    entity_type: str = ""
    licence_file: str = ""  # the business licence (absolute in memory)
    note: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    def label(self) -> str:
        return f"{self.name} ({self.credit_code})" if self.credit_code else self.name


@dataclass
class ProfileBook:
    profiles: list[Profile] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Profile]:
        return sorted((p for p in self.profiles if p.kind == kind), key=lambda p: p.name)

    def get(self, profile_id: str) -> Profile | None:
        return next((p for p in self.profiles if p.id == profile_id), None)

    def find(self, name: str, kind: str | None = None) -> Profile | None:
        """The profile named ``name`` (or with that id), of ``kind`` when given."""
        wanted = name.strip()
        for p in self.profiles:
            if (kind is None or p.kind == kind) and wanted in (p.name.strip(), p.id):
                return p
        return None

    def put(self, profile: Profile) -> None:
        """Add ``profile``, or replace the one with its id."""
        self.profiles = [p for p in self.profiles if p.id != profile.id] + [profile]

    def remove(self, profile_id: str) -> None:
        self.profiles = [p for p in self.profiles if p.id != profile_id]


def _finding(code: str, lang: str, where: str, **params: Any) -> Finding:
    return Finding(Severity.ERROR, code, text(code, lang, path=where, **params), subject=where)


def _profile(raw: Any, base: Path) -> Profile | None:
    if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
        return None
    values = {k: raw.get(k) for k in _FIELDS}
    if not all(isinstance(v, str) or v is None for v in values.values()):
        return None
    p = Profile(kind=str(raw["kind"]), **{k: v or "" for k, v in values.items()})
    if isinstance(raw.get("id"), str) and raw["id"]:
        p.id = raw["id"]
    if p.licence_file:
        p.licence_file = resolve_path(p.licence_file, base)
    return p


def load_profiles(
    path: str | os.PathLike[str], lang: str | None = None
) -> tuple[ProfileBook, list[Finding]]:
    """The profiles in ``path``: an empty book when there is no file yet; a file that cannot be
    read gives an empty book and a finding (it is then not written over by :func:`save_profiles`
    unless the caller decides to)."""
    lang = normalize_language(lang)
    where = str(path)
    try:
        raw = read_regular_file(path, MAX_PROFILES_BYTES)
    except FileNotFoundError:
        return ProfileBook(), []
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return ProfileBook(), [_finding("profiles.unreadable", lang, where, error=reason)]
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return ProfileBook(), [_finding("profiles.unreadable", lang, where, error=str(exc)[:200])]
    if not isinstance(data, dict) or data.get("format") != PROFILES_FORMAT:
        return ProfileBook(), [_finding("profiles.not_profiles", lang, where)]
    base = Path(os.path.abspath(path)).parent
    listed = data.get("profiles")
    items: list[Any] = listed if isinstance(listed, list) else []
    book = ProfileBook([p for p in (_profile(r, base) for r in items) if p is not None])
    found = []
    if len(book.profiles) != len(items):
        found.append(
            _finding("profiles.skipped", lang, where, count=len(items) - len(book.profiles))
        )
    return book, found


def profiles_json(book: ProfileBook, folder: str | os.PathLike[str]) -> str:
    items = []
    for p in sorted(book.profiles, key=lambda p: (p.kind, p.name, p.id)):
        item = asdict(p)
        item["licence_file"] = store_path(p.licence_file, folder)
        items.append(item)
    doc = {"format": PROFILES_FORMAT, "version": PROFILES_VERSION, "profiles": items}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def save_profiles(book: ProfileBook, path: str | os.PathLike[str]) -> None:
    """Write the book to ``path`` atomically (raises ``OSError``)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(os.path.abspath(target)).parent
    atomic_write_bytes(target, profiles_json(book, folder).encode("utf-8"))


def role_for(case: Case, profile: Profile) -> str:
    """Where a profile goes in ``case``: an applicant profile is the applicant; a client is the
    owner when the case is for others, else the applicant (the client applies itself)."""
    if profile.kind == "applicant" or case.purpose != "others":
        return "applicant"
    return "owner"


def apply_profile(case: Case, profile: Profile, lang: str | None = None) -> list[Finding]:
    """Copy ``profile`` into ``case`` (see :func:`role_for`); its licence file is attached as
    the business licence when the case needs that party's licence. A copy: the case never
    refers back to the profile."""
    lang = normalize_language(lang)
    role = role_for(case, profile)
    if role == "owner":
        case.owner.name = profile.name
        case.owner.credit_code = profile.credit_code
        case.owner.legal_representative = profile.legal_representative
        case.owner.entity_type = profile.entity_type
    else:
        case.applicant.name = profile.name
        case.applicant.credit_code = profile.credit_code
        case.applicant.entity_type = profile.entity_type
    owns_signature = role == "owner" or case.purpose != "others"
    if not (profile.licence_file and owns_signature):
        return []
    try:
        case.set_attachment(LICENCE_DOCUMENT, profile.licence_file)
    except OSError as exc:
        where = profile.licence_file
        return [
            Finding(
                Severity.WARNING,
                "profiles.licence_missing",
                text("profiles.licence_missing", lang, path=where, error=exc.strerror or exc),
                subject=LICENCE_DOCUMENT,
            )
        ]
    return []


def profile_from_case(case: Case, kind: str) -> Profile:
    """A new profile of ``kind`` from a case's applicant or owner (and its licence file)."""
    party_is_owner = kind == "client" and case.purpose == "others"
    licence = next((a.path for a in case.attachments_for(LICENCE_DOCUMENT)), "")
    if party_is_owner:
        o = case.owner
        return Profile(
            kind, o.name, o.credit_code, o.legal_representative, o.entity_type, licence_file=licence
        )
    a = case.applicant
    owns = case.purpose != "others"
    return Profile(
        kind, a.name, a.credit_code, "", a.entity_type, licence_file=licence if owns else ""
    )
