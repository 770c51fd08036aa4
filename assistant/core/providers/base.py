"""What every provider module gives the bundle, and the helpers they share.

A provider module holds what is *code* about one provider's API: the request payloads the bundle
writes to ``api/`` (field names and value types as the official SDK request models take them),
which request field carries which case value (:attr:`Provider.field_mapping`) and the steps only
its console can do. What is *data* (signature types, codes, documents, limits) stays in the
provider's rule pack; payload builders read codes from there (:meth:`PayloadInput.code`).

Values only the console gives (ids of approved qualifications, uploaded files …) are strings
``"TO_FILL: <what>"`` (:func:`fill`); the bundle lists them in its README and manifest.
"""

from __future__ import annotations

import abc
import base64
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol

from assistant.core.model import Case, compose_remark, effective_region, effective_sign_type
from assistant.core.rules import RulePack

TO_FILL = "TO_FILL"

# (file name under api/, the request body)
Payload = tuple[str, dict[str, Any]]


class AttachedFile(Protocol):
    """An attachment as the bundle holds it (``assistant.core.bundle.BundleFile``)."""

    @property
    def name(self) -> str: ...  # its path in the bundle, e.g. ``files/02-business-license.jpg``

    @property
    def document(self) -> str | None: ...  # the rule pack's document id

    def read(self) -> bytes: ...


def fill(what: str) -> str:
    """The marker of a value only the provider's console knows."""
    return f"{TO_FILL}: {what}"


def b64(f: AttachedFile) -> str:
    """The file's bytes as base64 text (the APIs that take file contents inline)."""
    return base64.b64encode(f.read()).decode("ascii")


def suffix(f: AttachedFile) -> str:
    """``jpg``, ``png`` … of the file's name in the bundle."""
    return Path(f.name).suffix.lstrip(".").lower()


@dataclass(frozen=True)
class PayloadInput:
    """Everything a payload builder may use: the case, its rule pack, the signature names
    (non-empty, stripped; a ``TO_FILL`` marker when there is none) and the attachments as they
    are in the bundle (renamed, fixed), in checklist order."""

    case: Case
    pack: RulePack
    names: list[str]
    attachments: Sequence[AttachedFile]
    # the qualification's own files (ID photos, the signed commitment letter: #11); never part
    # of a signature request
    qualification_files: Sequence[AttachedFile] = ()

    @property
    def region(self) -> str | None:
        return effective_region(self.case, self.pack)

    @property
    def sign_kind(self) -> str | None:
        return effective_sign_type(self.case, self.pack)

    def remark(self) -> str:
        """The remark text as the reviewers read it (in Chinese)."""
        return compose_remark(self.case, "zh")

    def code(self, kind: str, value: str | None) -> Any:
        """The provider's code of a choice of the rule pack (``purposes``, ``regions`` …)."""
        if value is None:
            return None
        choice = self.pack.choice(kind, value)
        return choice.code if choice else None

    def type_code(self, missing: str) -> Any:
        """The code of the case's signature type, or a ``TO_FILL`` marker for ``missing``."""
        sig_type = self.pack.signature_type(self.case.type)
        return sig_type.code if sig_type else fill(missing)

    def qualification_id(self, what: str) -> Any:
        """``QualificationId``: the approved qualification's id the user gave (an integer where
        the provider's field is one), else a ``TO_FILL`` marker saying ``what``."""
        approved = self.case.qualification.approved_id.strip()
        if not approved:
            return fill(what)
        from assistant.core.qualification import qualification_rules

        rules = qualification_rules(self.pack.provider)
        if rules is not None and rules.approved_id_type == "integer" and approved.isdigit():
            return int(approved)
        return approved

    def letter_scan(self) -> AttachedFile | None:
        """The scan of the signed authorization letter, when one is attached."""
        return next((f for f in self.attachments if f.document == "authorization_letter"), None)

    def proof(self) -> AttachedFile | None:
        """The qualification proof: the first attached certificate/screenshot the provider
        codes, else the first attachment that is not the letter."""
        for f in self.attachments:
            doc = self.pack.documents.get(f.document or "")
            if doc is not None and doc.kind != "letter" and doc.code is not None:
                return f
        return next((f for f in self.attachments if f.document != "authorization_letter"), None)


class Provider(abc.ABC):
    """One provider's API. Subclasses set :attr:`id` (the rule pack's provider id) and
    :attr:`field_mapping`, implement :meth:`signature_payloads` and, where the provider has
    them, the other kinds of request."""

    id: ClassVar[str]
    # per API action: request field -> the case key whose value (or, for ``type``, ``region``,
    # ``purpose`` and ``sign_type``, whose rule-pack code) it carries unchanged
    field_mapping: ClassVar[Mapping[str, Mapping[str, str]]] = {}

    def qualification_payloads(self, inp: PayloadInput) -> list[Payload]:
        """The request that submits the qualification, where the provider has an API for it
        (none by default: the console only). The bundle writes it to ``qualification/``."""
        return []

    def payloads(self, inp: PayloadInput) -> list[Payload]:
        """Every request of the application, in the order they are sent."""
        return [
            *self.letter_payloads(inp),
            *self.signature_payloads(inp),
            *self.template_payloads(inp),
        ]

    @abc.abstractmethod
    def signature_payloads(self, inp: PayloadInput) -> list[Payload]:
        """The signature request(s), one per name where the API takes one."""

    def letter_payloads(self, inp: PayloadInput) -> list[Payload]:
        """Requests that register the authorization letter on their own (none by default: the
        letter scan travels inside the signature request)."""
        return []

    def template_payloads(self, inp: PayloadInput) -> list[Payload]:
        """The SMS template request(s), one per template of the case (none by default)."""
        return []

    def console_steps(self, inp: PayloadInput, lang: str) -> list[str]:
        """Steps of this application that only the provider's console can do, in ``lang``, for
        the bundle's README (none by default)."""
        return []


def walk(payload: Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    """(key path, value) of every leaf of a payload: ``a.b``, ``list[0].c``."""
    if isinstance(payload, dict):
        for k, v in payload.items():
            yield from walk(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(payload, list):
        for i, v in enumerate(payload):
            yield from walk(v, f"{prefix}[{i}]")
    else:
        yield prefix, payload


def to_fill_items(payloads: Sequence[Payload], folder: str = "api") -> list[dict[str, str]]:
    """(file, field, what) of every ``TO_FILL`` marker of ``payloads`` (files under ``folder``)."""
    return [
        {"file": f"{folder}/{name}", "field": key, "what": value.split(":", 1)[1].strip()}
        for name, payload in payloads
        for key, value in walk(payload)
        if isinstance(value, str) and value.startswith(TO_FILL)
    ]
