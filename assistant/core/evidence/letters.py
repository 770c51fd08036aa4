"""Signed letters (authorization letter, commitment letter): which letter it is (its QR code),
whether its text is the one filled, and whether it is stamped, signed and dated."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from typing import Any

from assistant.core.evidence.check import finding
from assistant.core.evidence.letter_qr import (
    LetterQR,
    authorization_fields,
    case_key,
    decode_payload,
    fields_digest,
)
from assistant.core.evidence.licence import CONFIDENT, read_certificate
from assistant.core.evidence.model import Box, Evidence, Line, PageRead
from assistant.core.evidence.normalize import bare, clean, dates
from assistant.core.evidence.rules import EvidenceRules, load_rules
from assistant.core.findings import Finding, Severity
from assistant.core.i18n import text

# Fields compared with the text, in the order a letter shows them.
LETTER_FIELDS = (
    "owner_name",
    "owner_credit_code",
    "owner_legal_representative",
    "applicant_name",
    "applicant_credit_code",
    "valid_from",
    "valid_until",
)
SEAL_RING = 0.5  # share of a ring's circumference that must be red
# Share of the space after 签字 / 日期 that handwriting covers at least (our corpus: signed and
# dated 0.09-0.12, blank 0.00-0.02); a printed character covers about _GLYPH_INK of its square.
SIGNATURE_INK = 0.04
DATE_INK = 0.03
_GLYPH_INK = 0.18
_MIN_ADDED = 6  # shorter lines are not judged as added text


def check_letter_pages(
    ev: Evidence,
    pages: list[PageRead],
    provider: str,
    case: Any,
    lang: str,
    today: dt.date,
) -> None:
    rules = load_rules()
    lines = [ln for p in pages for ln in p.text_lines()]
    qr = next((q for p in pages for c in p.qr if (q := decode_payload(c.text))), None)
    cert = max((read_certificate(p, rules) for p in pages), key=lambda c: c.labels_found)
    ev.read.update(
        name=cert.value("name") or _authorizer(lines),
        credit_code=cert.value("credit_code"),
        legal_representative=cert.value("legal_representative"),
    )
    valid_from, valid_until = _validity(lines)
    ev.read["valid_until"] = valid_until.isoformat() if valid_until else None
    ev.read["valid_from"] = valid_from.isoformat() if valid_from else None
    if qr is not None:
        ev.read["letter_qr"] = f"SMSA1|{qr.case_key}|{qr.digest}|{qr.kind}"
        ev.document = qr.document
        kind = text(f"evidence.kind.{qr.kind}", lang)
        ev.findings.append(
            finding(
                "evidence.letter_ours",
                Severity.INFO,
                lang,
                ev.document,
                kind=kind,
                payload=ev.read["letter_qr"],
            )
        )
    if valid_until is not None and valid_until < today:
        ev.findings.append(
            finding(
                "evidence.letter_expired",
                Severity.ERROR,
                lang,
                ev.document,
                date=valid_until.isoformat(),
            )
        )
    if case is not None:
        ev.findings += _against_case(lines, qr, case, lang, ev.document)
    for page in pages:
        ev.findings += signature_block(page, rules, lang, ev.document)


def _authorizer(lines: Sequence[Line]) -> str | None:
    """The authorizer's name from a line such as "授权方（签名归属方） 名称 X"."""
    for ln in lines:
        key = ln.text
        if "授权方" in key and "被授权方" not in key and "名称" in key:
            value = key.split("名称", 1)[1].strip(" ：:")
            if value:
                return value
    return None


def _validity(lines: Sequence[Line]) -> tuple[dt.date | None, dt.date | None]:
    for ln in lines:
        found = dates(ln.text)
        if len(found) >= 2 and "至" in ln.text:
            return found[0], found[-1]
    return None, None


# ------------------------------------------------------------------------------- text vs case
def _against_case(
    lines: Sequence[Line], qr: LetterQR | None, case: Any, lang: str, document: str | None
) -> list[Finding]:
    from assistant.core.letter import LetterInput

    if qr is not None and qr.kind == "commit":
        return _commitment_against_case(lines, qr, case, lang, document)
    inp = LetterInput.from_case(case)
    out: list[Finding] = []
    ours = qr is not None and qr.kind == "auth"
    outdated = False
    if ours and qr is not None:
        key = case_key(inp.provider, inp.owner.credit_code, inp.applicant.credit_code)
        if qr.case_key != key:
            return [finding("evidence.letter_other_case", Severity.ERROR, lang, document)]
        outdated = qr.digest != fields_digest(authorization_fields(inp))
        if outdated:
            out.append(finding("evidence.letter_outdated", Severity.WARNING, lang, document))
    # "changed" only where we know what was filled: our letter, filled from the case as it is
    code = "evidence.letter_changed" if ours and not outdated else "evidence.letter_differs"
    out += compare_fields(lines, expected_values(inp), lang, document, strict=ours, code=code)
    if ours:
        out += added_text(lines, filled_text(inp), lang, document)
    return out


def _commitment_against_case(
    lines: Sequence[Line], qr: LetterQR, case: Any, lang: str, document: str | None
) -> list[Finding]:
    """A commitment letter names one party (the qualification's owner): the owner's or the
    applicant's of this case. Its other fields (handler, date) are not in the case yet."""
    provider = str(getattr(case, "provider", ""))
    for party in (getattr(case, "owner", None), getattr(case, "applicant", None)):
        code = str(getattr(party, "credit_code", "") or "")
        if code and case_key(provider, code, "") == qr.case_key:
            expected = {
                "owner_name": str(getattr(party, "name", "") or ""),
                "owner_credit_code": code.upper(),
            }
            return compare_fields(
                lines, {k: v for k, v in expected.items() if v}, lang, document, strict=True
            )
    return [finding("evidence.letter_other_case", Severity.ERROR, lang, document)]


def expected_values(inp: Any) -> dict[str, str]:
    """What the letter prints for each compared field (empty ones left out)."""
    from assistant.core.letter import letter_values

    values = letter_values(inp)
    return {f: values[f].text for f in LETTER_FIELDS if f in values and not values[f].missing}


def semi_global(pattern: str, textual: str) -> tuple[int, int]:
    """Edit distance of ``pattern`` to its best-matching substring of ``textual`` and where
    that substring ends."""
    prev = [0] * (len(textual) + 1)
    for i, ch in enumerate(pattern, 1):
        cur = [i] + [0] * len(textual)
        for j, tc in enumerate(textual, 1):
            cur[j] = min(prev[j - 1] + (tc != ch), prev[j] + 1, cur[j - 1] + 1)
        prev = cur
    best = min(prev)
    return best, prev.index(best)


def compare_fields(
    lines: Sequence[Line],
    expected: dict[str, str],
    lang: str,
    document: str | None,
    strict: bool,
    code: str = "evidence.letter_differs",
) -> list[Finding]:
    """Each expected value must be in the text; a near match read clearly is a change."""
    joined, owners = "", []
    for ln in lines:
        key = bare(ln.text)
        joined += key
        owners += [ln] * len(key)
    out: list[Finding] = []
    for fld, value in expected.items():
        want = bare(value)
        if not want or want in joined:
            continue
        label = text(f"evidence.lfield.{fld}", lang)
        dist, end = semi_global(want, joined)
        if joined and dist <= max(1, len(want) // 4):
            start = max(0, end - len(want))
            score = min(ln.score for ln in owners[start:end]) if end > start else 0.0
            if score >= CONFIDENT:
                out.append(
                    finding(
                        code,
                        Severity.ERROR,
                        lang,
                        document,
                        read=joined[start:end],
                        expected=value,
                        field=label,
                    )
                )
                continue
        severity = Severity.WARNING if strict else Severity.INFO
        out.append(
            finding(
                "evidence.letter_field_missing",
                severity,
                lang,
                document,
                field=label,
                expected=value,
            )
        )
    return out


def filled_text(inp: Any) -> str:
    """The text of the letter as this program fills it (body, tables, headers, footers)."""
    import docx
    from docx.oxml.ns import qn

    from assistant.core.letter import fill_letter

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "letter.docx")
        if fill_letter(inp, out, check=False).output is None:
            return ""
        doc = docx.Document(out)
    parts = ["".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))]
    for section in doc.sections:
        for part in (section.header, section.footer):
            parts += [p.text for p in part.paragraphs]
    return "".join(parts)


def added_text(
    lines: Sequence[Line], expected_text: str, lang: str, document: str | None
) -> list[Finding]:
    """Lines read clearly that are not in the letter as filled (content changed). The lines of
    the signature block are left out: the handwriting there is read as text too."""
    want = bare(expected_text)
    if not want:
        return []
    rules = load_rules()
    block = [clean(x) for x in (*rules.seal_labels, *rules.signature_labels, *rules.date_labels)]
    out = []
    for ln in lines:
        key = bare(ln.text)
        if any(b and b in clean(ln.text) for b in block):
            continue
        if len(key) < _MIN_ADDED or ln.score < CONFIDENT or key in want or "SMSA1" in key:
            continue
        dist, _ = semi_global(key, want)
        if dist > max(2, len(key) // 3):
            out.append(
                finding("evidence.letter_added_text", Severity.ERROR, lang, document, read=ln.text)
            )
    return out


# ---------------------------------------------------------------------------- signature block
def _find(lines: Sequence[Line], labels: Sequence[str]) -> tuple[Line, str] | None:
    """The bottom-most line holding one of ``labels``, and the label."""
    keys = [(bare(lab), lab) for lab in labels]
    hits = [(ln, lab) for ln in lines for k, lab in keys if k and k in bare(ln.text)]
    return max(hits, key=lambda h: h[0].box.center[1]) if hits else None


def _after_label(ln: Line, label: str, reach: float, lines: Sequence[Line]) -> Box:
    """The space after ``label`` in line ``ln``, ``reach`` line heights long (up to the next
    label on the row), a little taller than the line: handwriting rises above it."""
    key = ln.text
    idx = key.find(label)
    end = idx + len(label) if idx >= 0 else len(key)
    while end < len(key) and key[end] in "：:）) ":
        end += 1
    frac = end / max(1, len(key))
    (a, b, c, d) = ln.box.points
    x = a[0] + (b[0] - a[0]) * frac
    h = ln.box.height
    top = min(a[1], b[1]) - 0.9 * h
    bottom = max(c[1], d[1]) + 0.3 * h
    x1 = max(b[0], x + reach * h)
    for other in lines:
        ox0, oy0, _, oy1 = other.box.bounds()
        if (
            other is not ln
            and x + h < ox0 < x1
            and oy0 < bottom
            and oy1 > top
            and _is_label(other.text)
        ):
            x1 = ox0
    return Box.rect(x, top, x1, bottom)


def _is_label(value: str) -> bool:
    return any(c in value for c in "：:")


def _has_ink(page: PageRead, region: Box, ln: Line, label: str, threshold: float) -> bool:
    """Handwriting in ``region``: ink that is not a printed rule, less what the printed
    characters of a blank such as ``____年__月__日`` cover (about a fifth of a square each)."""
    assert page.image is not None
    x0, y0, x1, y1 = region.bounds()
    area = max(1.0, (x1 - x0) * (y1 - y0))
    after = ln.text.split(label, 1)[-1] if label in ln.text else ""
    printed = sum(ch in "年月日" for ch in after) * _GLYPH_INK * ln.box.height**2 / area
    return page.image.ink_ratio(region) - printed >= threshold


def signature_block(
    page: PageRead, rules: EvidenceRules, lang: str, document: str | None
) -> list[Finding]:
    if page.image is None:
        return []
    lines = page.text_lines()
    seal_at = _find(lines, rules.seal_labels)
    sign_at = _find(lines, rules.signature_labels)
    date_at = _find(lines, rules.date_labels)
    if not (seal_at or sign_at or date_at):
        return [finding("evidence.letter_no_block", Severity.INFO, lang, document)]
    out: list[Finding] = []
    out += _seal(page, seal_at or sign_at or date_at, lang, document)
    if sign_at is not None:
        ln, label = sign_at
        if not _has_ink(page, _after_label(ln, label, 10, lines), ln, label, SIGNATURE_INK):
            out.append(
                finding(
                    "evidence.letter_no_signature", Severity.ERROR, lang, document, label=ln.text
                )
            )
    if date_at is not None:
        ln, label = date_at
        printed = dates(ln.text)
        if not printed and not _has_ink(
            page, _after_label(ln, label, 10, lines), ln, label, DATE_INK
        ):
            out.append(
                finding("evidence.letter_no_date", Severity.ERROR, lang, document, label=ln.text)
            )
    return out


def _seal(
    page: PageRead, near: tuple[Line, str] | None, lang: str, document: str | None
) -> list[Finding]:
    assert page.image is not None
    if not page.image.colour:
        return [finding("evidence.letter_black_white", Severity.WARNING, lang, document)]
    seals = [s for s in page.image.seals() if s.ring_ratio >= SEAL_RING]
    if near is not None:
        cx, cy = near[0].box.center
        reach = 12 * near[0].box.height
        seals = [
            s
            for s in seals
            if abs(s.x - cx) < reach + s.radius and abs(s.y - cy) < reach + s.radius
        ]
    if seals:
        return []
    return [finding("evidence.letter_no_seal", Severity.ERROR, lang, document)]
