"""Certificates (营业执照 and the others that identify an organisation): the fields read by their
labels, compared with the case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.core.evidence.layout import find_labels, place, value_parts
from assistant.core.evidence.model import LONG_TERM, Line, PageRead
from assistant.core.evidence.normalize import bare, clean, credit_codes, dates, display
from assistant.core.evidence.rules import EvidenceRules

FIELDS = ("name", "credit_code", "legal_representative", "type", "validity")
NEEDED = ("name", "credit_code", "legal_representative", "validity")
WANTED = ("type",)
BELOW = ("credit_code",)  # the 2019 licence prints the code under its label
CONFIDENT = 0.9  # a value read with less confidence is reported as unsure, never as a mismatch
_TRIM = "：:;；，,。 "


@dataclass(frozen=True)
class Value:
    text: str
    score: float


@dataclass
class Certificate:
    """The fields of one certificate page; None where a field was not found."""

    fields: dict[str, Value | None]
    valid_from: dt.date | None = None
    valid_until: dt.date | str | None = None  # a date, LONG_TERM, or None
    code_valid: bool = False
    labels_found: int = 0

    @property
    def recognised(self) -> bool:
        return self.labels_found >= 2

    def value(self, name: str) -> str | None:
        v = self.fields.get(name)
        return v.text if v else None


def read_certificate(page: PageRead, rules: EvidenceRules) -> Certificate:
    lines = page.text_lines()
    placed = place(lines)
    hits = find_labels(placed, rules.all_labels())
    found: dict[str, Value | None] = dict.fromkeys(FIELDS)
    for hit in hits:
        if hit.field not in FIELDS or found[hit.field] is not None:
            continue
        parts = value_parts(hit, placed, hits, below=hit.field in BELOW)
        texts = [hit.remainder] + [p.line.text for p in parts]
        text = display("".join(texts)).strip(_TRIM)
        if text:
            scores = [p.line.score for p in parts] or [hit.parts[-1].line.score]
            found[hit.field] = Value(text, min(scores))
    cert = Certificate(found, labels_found=len({h.field for h in hits if h.field in FIELDS}))
    _credit_code(cert, lines, page)
    _validity(cert, rules)
    return cert


def _credit_code(cert: Certificate, lines: Sequence[Line], page: PageRead) -> None:
    """The code: the labelled value when valid, else any valid code on the page or in its QR."""
    labelled = cert.fields.get("credit_code")
    candidates: list[tuple[str, bool, float]] = []
    if labelled:
        candidates += [(c, ok, labelled.score) for c, ok in credit_codes(labelled.text)]
    for ln in lines:
        candidates += [(c, ok, ln.score) for c, ok in credit_codes(ln.text)]
    for qr in page.qr:
        candidates += [(c, ok, 1.0) for c, ok in credit_codes(qr.text) if ok]
    if not candidates:
        return
    best = next((c for c in candidates if c[1]), candidates[0])
    cert.fields["credit_code"] = Value(best[0], best[2])
    cert.code_valid = best[1]


def _validity(cert: Certificate, rules: EvidenceRules) -> None:
    v = cert.fields.get("validity")
    if v is None:
        return
    days = dates(v.text)
    long_term = any(bare(w) in bare(v.text) for w in rules.long_term)
    if days:
        cert.valid_from = days[0]
    if len(days) >= 2:
        cert.valid_until = days[-1]
    elif long_term:
        cert.valid_until = LONG_TERM


def read_values(cert: Certificate) -> dict[str, Any]:
    """The ``read`` object: name, credit_code, legal_representative, valid_until (+ type)."""
    until = cert.valid_until
    return {
        "name": cert.value("name"),
        "credit_code": cert.value("credit_code"),
        "legal_representative": cert.value("legal_representative"),
        "valid_until": until.isoformat() if isinstance(until, dt.date) else until,
        "type": cert.value("type"),
        "valid_from": cert.valid_from.isoformat() if cert.valid_from else None,
    }


def same(a: str, b: str) -> bool:
    """Equal after NFKC, bracket width and spaces (what reviewers see as the same name)."""
    return clean(a) == clean(b)
