"""The QR code on the letters we fill: payload format and digest (``docs/letter-qr.md``).

No optional package is needed here: the letter filler encodes the payload (and draws it with
``segno``), the evidence check decodes what ``zxing-cpp`` found in a scan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PREFIX = "SMSA1"
KINDS = ("auth", "commit")
# Which document of the rule packs each kind is.
KIND_DOCUMENTS = {"auth": "authorization_letter", "commit": "commitment_letter"}
_KEY_RE = re.compile(r"^[0-9a-z-]{1,32}$")
_DIGEST_RE = re.compile(r"^[0-9a-f]{16}$")
_SEP = "\x1f"


@dataclass(frozen=True)
class LetterQR:
    """A decoded payload."""

    case_key: str
    digest: str
    kind: str

    @property
    def document(self) -> str:
        return KIND_DOCUMENTS[self.kind]


def normalize_value(value: Any) -> str:
    """NFKC, stripped, runs of white space as one space; dates as ISO text."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = "" if value is None else str(value)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _code(value: Any) -> str:
    return "".join(normalize_value(value).split()).upper()


def _date(value: Any) -> str:
    from assistant.core.letter.model import parse_date

    text = normalize_value(value)
    day = parse_date(text)
    return day.isoformat() if day is not None else text


def fields_digest(fields: Mapping[str, Any]) -> str:
    """16 hex digits of SHA-256 over the canonical JSON of ``fields`` (values normalized)."""
    canonical: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, list | tuple):
            canonical[key] = [v for v in (normalize_value(x) for x in value) if v]
        else:
            canonical[key] = normalize_value(value)
    data = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def authorization_fields(inp: Any) -> dict[str, Any]:
    """The ``auth`` fields of a :class:`assistant.core.letter.LetterInput`, as filled."""
    lang = inp.letter_language
    return {
        "provider": normalize_value(inp.provider),
        "signature_names": [normalize_value(n) for n in inp.signature_names if n.strip()],
        "owner_name": normalize_value(inp.owner.name),
        "owner_credit_code": _code(inp.owner.credit_code),
        "owner_legal_representative": normalize_value(inp.owner.legal_representative),
        "applicant_name": normalize_value(inp.applicant.name),
        "applicant_credit_code": _code(inp.applicant.credit_code),
        "risk_bearer": normalize_value(inp.effective_risk_bearer),
        "valid_from": _date(inp.valid_from),
        "valid_until": _date(inp.valid_until),
        "signed_on": _date(inp.signed_on),
        "language": lang,
    }


def case_key(provider: str, owner_credit_code: str, applicant_credit_code: str) -> str:
    """12 hex digits naming the client relation (provider, authorizer, authorized party)."""
    joined = _SEP.join(
        (normalize_value(provider), _code(owner_credit_code), _code(applicant_credit_code))
    )
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


def encode_payload(kind: str, key: str, digest: str) -> str:
    """The QR text ``SMSA1|<case key>|<digest>|<kind>``; ValueError on a malformed part."""
    if kind not in KINDS:
        raise ValueError(f"unknown letter kind {kind!r}; valid: {', '.join(KINDS)}")
    if not _KEY_RE.match(key):
        raise ValueError(f"case key {key!r} is not 1-32 characters of [0-9a-z-]")
    if not _DIGEST_RE.match(digest):
        raise ValueError(f"digest {digest!r} is not 16 lowercase hex digits")
    return f"{PREFIX}|{key}|{digest}|{kind}"


def decode_payload(text: str | None) -> LetterQR | None:
    """The payload of one of our letters, or None when ``text`` is anything else."""
    if not text:
        return None
    parts = text.strip().split("|")
    if len(parts) != 4 or parts[0] != PREFIX:
        return None
    _, key, digest, kind = parts
    if kind not in KINDS or not _KEY_RE.match(key) or not _DIGEST_RE.match(digest):
        return None
    return LetterQR(case_key=key, digest=digest, kind=kind)
