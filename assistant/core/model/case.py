"""The application being prepared (a *case*): plain, mutable dataclasses.

The GUI holds one :class:`Case` as its single source of truth; the CLI loads one per command.
No validation happens when a field is set: :mod:`assistant.core.model.fileformat` reports every
problem of a file, :func:`assistant.core.review.check_case` every problem of a case.

A new section of the case is one dataclass and one field of :class:`Case`: the file format, its
schema and the JSON text are derived from the dataclasses (:mod:`assistant.core.model.plain`).
Field metadata the file format understands: ``{"path": True}`` (stored relative to the case
file), ``{"path": "docx"}`` (a path only when it looks like one), ``{"lower": True}``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.fsio import sha256_file
from assistant.core.model.qualification import Qualification
from assistant.core.model.status import CaseStatus
from assistant.core.model.templates import Template

CASE_FORMAT = "sms-signature-case"
CASE_VERSION = 2
CASE_SUFFIX = ".smscase.json"


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
    # what app and trademark signatures are compared with, and the app's ICP filing (#10)
    app_name: str = ""
    trademark_name: str = ""
    app_icp_number: str = ""

    def get(self, remark_id: str) -> str:
        value = getattr(self, remark_id, "")
        return value if isinstance(value, str) else ""


@dataclass
class Applicant:
    """The entity the cloud account is verified as (for others: the authorized party)."""

    name: str = ""
    credit_code: str = ""
    entity_type: str = ""  # "" unknown; else an id of assistant.core.owner.ENTITY_TYPES


@dataclass
class Owner:
    """The organization that owns the signature (for others: the authorizer)."""

    name: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    entity_type: str = ""  # "" unknown; else an id of assistant.core.owner.ENTITY_TYPES


@dataclass
class LetterInfo:
    """What the authorization letter needs beyond the parties (used when purpose is ``others``)."""

    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    language: str = "zh"
    risk_bearer: str = ""  # empty: the owner bears the risk
    # empty: the provider's bundled template; else a template id or a .docx path
    template: str = field(default="", metadata={"path": "docx"})
    signed_on: dt.date | None = None  # None: the date is written by hand when signing


@dataclass
class Attachment:
    """A file the user attached for a document of the checklist.

    ``path`` is absolute in memory (resolved against the case file's folder when loaded) and
    stored relative to the case file where possible. ``sha256`` is the digest of the file when it
    was attached, so a file that changed afterwards is noticed.
    """

    document: str = field(metadata={"required": True})
    path: str = field(metadata={"required": True, "path": True})
    sha256: str = field(default="", metadata={"lower": True})


@dataclass
class Case:
    provider: str = "tencent"
    region: str | None = None
    account: str = "enterprise"
    purpose: str = "self"
    type: str = "company"
    signature_names: list[str] = field(default_factory=list)
    # the provider's sign kind (verification, general …), if it has them
    sign_type: str | None = None
    # the restricted-industries answer: "" not answered, "none", or an id of common.toml [industries]
    industry: str = ""
    remarks: Remarks = field(default_factory=Remarks)
    applicant: Applicant = field(default_factory=Applicant)
    owner: Owner = field(default_factory=Owner)
    letter: LetterInfo = field(default_factory=LetterInfo)
    # the SMS qualification and its people (model/qualification.py, #11)
    qualification: Qualification = field(default_factory=Qualification)
    attachments: list[Attachment] = field(default_factory=list)
    templates: list[Template] = field(default_factory=list)  # SMS templates (#12)
    language: str = "en"  # language of the checklist, README and messages for this case
    status: CaseStatus = field(default_factory=CaseStatus)  # after submission (model/status.py)

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
        """The JSON document of this case (the current version). With ``base_dir`` (the case
        file's folder), paths inside that folder are written relative to it."""
        from assistant.core.model.plain import to_plain

        return {"format": CASE_FORMAT, "version": CASE_VERSION, **to_plain(self, base_dir)}

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], base_dir: str | os.PathLike[str] | None = None
    ) -> Case:
        """The case of a JSON document; lenient (problems become defaults, see
        :func:`assistant.core.model.fileformat.parse_case`).

        Raises ``ValueError`` only when ``data`` is not a case document at all.
        """
        from assistant.core.model.fileformat import parse_case

        case, findings = parse_case(data, base_dir, verify_files=False)
        if case is None:
            raise ValueError("; ".join(f.message for f in findings))
        return case
