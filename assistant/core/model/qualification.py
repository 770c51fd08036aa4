"""The ``qualification`` section of a case: the SMS qualification (资质) every provider asks for
before any signature, and what the carriers' real-name filing takes from it (issue #11).

The owner entity exactly as on its licence, its legal representative, the administrator /
handler (管理员 / 经办人) with their ID documents and mobile number, the purpose, and the
commitment letter. Users who already have an approved qualification give its id instead
(``approved_id``), which then fills ``QualificationId`` in every request of the bundle.

ID numbers are stored exactly as typed: the case file is the user's own file. Everything shown
on screen or written as text masks them (:mod:`assistant.core.qualification.privacy`). The ID
photos are attachments of the case (document ids ``legal_rep_id_portrait`` … in
``common.toml``), inspected and fixed like every other file.

Plain data only: the checks are in :mod:`assistant.core.qualification`; which field a provider
requires is in its rule pack's ``[qualification]`` table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

# The ID document types a person may have (Alibaba's LegalPersonIDCardType / AdminIDCardType
# values, named in our words; each pack's [qualification] id_types maps them to its codes).
ID_TYPES = (
    "resident_id",  # 居民身份证 (identityCard)
    "passport",  # 护照
    "hk_macao_permit",  # 港澳居民来往内地通行证 (homeReturnPermit)
    "taiwan_permit",  # 台湾居民来往大陆通行证 (TaiwanCompatriotPermit)
    "residence_permit",  # 港澳台居民居住证
    "other",
)
# The identity documents of the qualification, as attachments of the case.
IDENTITY_DOCUMENTS = (
    "legal_rep_id_portrait",
    "legal_rep_id_emblem",
    "handler_id_portrait",
    "handler_id_emblem",
    "handler_holding_id",
)
COMMITMENT_DOCUMENT = "commitment_letter"
QUALIFICATION_DOCUMENTS = (*IDENTITY_DOCUMENTS, COMMITMENT_DOCUMENT)
LONG_TERM_UNTIL = dt.date(2099, 12, 31)  # what the consoles take for a long-term validity


@dataclass
class Validity:
    """A validity period: from, until, or long-term (长期; written ``2099-12-31`` where the
    provider wants an end date)."""

    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    long_term: bool = False

    @property
    def until(self) -> dt.date | None:
        """The end date as the consoles take it (long-term: 2099-12-31)."""
        if self.long_term or self.valid_until == LONG_TERM_UNTIL:
            return LONG_TERM_UNTIL
        return self.valid_until

    @property
    def is_long_term(self) -> bool:
        return self.until == LONG_TERM_UNTIL

    def is_empty(self) -> bool:
        return self.valid_from is None and self.valid_until is None and not self.long_term

    def range_text(self) -> str:
        """``YYYY-MM-DD~YYYY-MM-DD`` (Alibaba's format), or "" when an end is missing."""
        until = self.until
        if self.valid_from is None or until is None:
            return ""
        return f"{self.valid_from.isoformat()}~{until.isoformat()}"


@dataclass
class QualificationOwner:
    """The entity that owns the signature, exactly as on its licence."""

    name: str = ""
    credit_code: str = ""
    # "" = as the case's owner (others) or applicant (self); else an id of owner.ENTITY_TYPES
    entity_type: str = ""
    licence: Validity = field(default_factory=Validity)


@dataclass
class IdentityPerson:
    """A person of the qualification with an ID document: the legal representative."""

    name: str = ""
    id_type: str = "resident_id"  # one of ID_TYPES
    id_number: str = ""  # as typed (the user's file); masked wherever it is shown
    id_validity: Validity = field(default_factory=Validity)


@dataclass
class Handler(IdentityPerson):
    """The administrator / handler (管理员 / 经办人) who manages SMS for the owner."""

    mobile: str = ""
    email: str = ""


@dataclass
class CommitmentInfo:
    """What the commitment letter (合规使用承诺函) needs beyond the qualification's people."""

    signed_on: dt.date | None = None  # None: a blank the signers date by hand
    language: str = "zh"
    # empty: the bundled template of the language; else a template id or a .docx path
    template: str = field(default="", metadata={"path": "docx"})


@dataclass
class Qualification:
    """The case's qualification section (all optional: an empty section is "not prepared")."""

    approved_id: str = ""  # an approved qualification's id: fills QualificationId everywhere
    name: str = ""  # the qualification's name in the console (Alibaba QualificationName)
    purpose: str = ""  # "" = the case's purpose; else self | others
    owner: QualificationOwner = field(default_factory=QualificationOwner)
    legal_representative: IdentityPerson = field(default_factory=IdentityPerson)
    handler: Handler = field(default_factory=Handler)
    remark: str = ""  # for the reviewer (Alibaba Remark; Huawei: several signatures' sources)
    commitment: CommitmentInfo = field(default_factory=CommitmentInfo)

    def is_started(self) -> bool:
        """Anything of the qualification itself filled in (beyond defaults and the approved id)."""
        return _differs(self, Qualification(), skip=("approved_id", "commitment"))

    def id_numbers(self) -> list[str]:
        """The ID numbers typed in this section (what privacy masking hides)."""
        return [
            n.strip()
            for n in (self.legal_representative.id_number, self.handler.id_number)
            if n.strip()
        ]


def _differs(value: object, default: object, skip: tuple[str, ...] = ()) -> bool:
    for f in fields(value):  # type: ignore[arg-type]
        if f.name in skip:
            continue
        a, b = getattr(value, f.name), getattr(default, f.name)
        if hasattr(a, "__dataclass_fields__"):
            if _differs(a, b):
                return True
        elif (a.strip() if isinstance(a, str) else a) != b:
            return True
    return False
