"""Check one file's content: read it, recognise what it is, compare it with the case."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

from assistant.core.evidence.licence import (
    BELOW,
    CONFIDENT,
    NEEDED,
    WANTED,
    Certificate,
    read_certificate,
    read_values,
    same,
)
from assistant.core.evidence.model import LONG_TERM, Evidence, PageRead
from assistant.core.evidence.rules import EvidenceRules, load_rules
from assistant.core.evidence.watermark import find_watermarks
from assistant.core.findings import Finding, Severity
from assistant.core.i18n import has_text, text

# The packages of the ``ocr`` extra, by import name.
EXTRA_MODULES = ("rapidocr", "onnxruntime", "cv2", "numpy", "zxingcpp")
LETTER_DOCUMENTS = ("authorization_letter", "commitment_letter")
# certificates without an organisation's fields; ID card photos (#11) are never read
NOT_READ = (
    "trademark_certificate",
    "legal_rep_id_portrait",
    "legal_rep_id_emblem",
    "handler_id_portrait",
    "handler_id_emblem",
    "handler_holding_id",
)

Cancelled = Callable[[], bool]


def ocr_available() -> bool:
    """Whether the ``ocr`` extra is installed (checked without importing it)."""
    return all(importlib.util.find_spec(m) is not None for m in EXTRA_MODULES)


def finding(
    code: str, severity: Severity, lang: str, subject: str | None = None, **params: Any
) -> Finding:
    fixed = params.pop("fixed_value", None)
    fix_key = f"{code}.fix"
    return Finding(
        severity=severity,
        code=code,
        message=text(code, lang, **params),
        fix=text(fix_key, lang, **params) if has_text(fix_key) else None,
        subject=subject,
        fixed_value=fixed,
    )


def missing_extra_notice(lang: str = "en") -> Finding:
    """One line for the Documents page and ``check-file``: what installing the extra adds."""
    return finding("evidence.extra_missing", Severity.INFO, lang)


def _kind(document: str | None, provider: str) -> str | None:
    """``certificate``, ``letter``, ``skip`` or None (not known: recognise it)."""
    if document is None:
        return None
    if document in LETTER_DOCUMENTS:
        return "letter"
    if document in NOT_READ:
        return "skip"
    from assistant.core.rules import load_pack

    doc = load_pack(provider).documents.get(document)
    kind = doc.kind if doc is not None else None
    return {"certificate": "certificate", "letter": "letter"}.get(kind or "", "skip")


def _plan(kind: str | None, rules: EvidenceRules) -> Any:
    from assistant.core.evidence.reader import Plan

    if kind == "letter":
        return Plan("all")
    return Plan("fields", rules.all_labels(), NEEDED, WANTED, BELOW)


def read_pages(path: str, kind: str | None, cancelled: Cancelled) -> list[PageRead]:
    """Read every page (the reader raises ReadError when there is nothing to read)."""
    from assistant.core.evidence import reader

    plan = _plan(kind, load_rules())
    out = []
    for number, image in reader.pages(path):
        if cancelled():
            break
        out.append(reader.read_page(image, number, plan, cancelled))
    return out


_cache: OrderedDict[tuple[Any, ...], Evidence] = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_SIZE = 64


def check_document(
    path: str | os.PathLike[str],
    provider: str,
    document: str | None = None,
    case: Any = None,
    lang: str = "en",
    today: dt.date | None = None,
    cancelled: Cancelled | None = None,
) -> Evidence:
    """Read ``path`` and check what it says. Never raises on bad input: an unreadable file, a
    missing extra or a failing engine give findings. ``case`` (a :class:`Case`) is what the
    values are compared with; without it only the file's own content is checked."""
    path = os.fspath(path)
    today = today or dt.date.today()
    ev = Evidence(path=path, document=document)
    if not ocr_available():
        ev.findings.append(missing_extra_notice(lang))
        return ev
    kind = _kind(document, provider)
    if kind == "skip":
        return ev
    try:
        st = os.stat(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        ev.findings.append(
            finding("evidence.unreadable", Severity.INFO, lang, document, reason=reason)
        )
        return ev
    if not stat.S_ISREG(st.st_mode):  # a pipe or a device would block or never end
        ev.findings.append(
            finding("evidence.unreadable", Severity.INFO, lang, document, reason=path)
        )
        return ev
    key = (path, st.st_size, st.st_mtime_ns, provider, document, lang, today, _case_key(case))
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    ev = _check(path, provider, document, kind, case, lang, today, cancelled or (lambda: False))
    if not ev.cancelled:
        with _cache_lock:
            _cache[key] = ev
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return ev


def _case_key(case: Any) -> str:
    if case is None:
        return ""
    from assistant.core.model import case_json

    return case_json(case)


def _check(
    path: str,
    provider: str,
    document: str | None,
    kind: str | None,
    case: Any,
    lang: str,
    today: dt.date,
    cancelled: Cancelled,
) -> Evidence:
    from assistant.core.evidence.reader import ReadError

    ev = Evidence(path=path, document=document)
    try:
        pages = read_pages(path, kind, cancelled)
    except ReadError as exc:
        code = "evidence.no_scan" if exc.code == "no_scan" else "evidence.unreadable"
        ev.findings.append(
            finding(code, Severity.INFO, lang, document, reason=exc.detail or exc.code)
        )
        return ev
    except Exception as exc:  # the engine itself failed (a broken install, out of memory)
        ev.findings.append(
            finding("evidence.engine_failed", Severity.WARNING, lang, document, reason=repr(exc))
        )
        return ev
    ev.pages = len(pages)
    if cancelled():
        ev.cancelled = True
        ev.findings.append(finding("evidence.cancelled", Severity.INFO, lang, document))
        return ev
    if not any(p.lines for p in pages):
        ev.findings.append(finding("evidence.nothing_read", Severity.INFO, lang, document))
        return ev
    rules = load_rules()
    _watermarks(ev, pages, provider, lang, rules)
    if kind == "letter" or (kind is None and _looks_like_letter(pages)):
        from assistant.core.evidence.letters import check_letter_pages

        ev.kind = "letter"
        ev.document = ev.document or "authorization_letter"
        check_letter_pages(ev, pages, provider, case, lang, today)
        return ev
    _certificate(ev, pages, provider, kind, case, lang, today, rules)
    return ev


def _looks_like_letter(pages: list[PageRead]) -> bool:
    from assistant.core.evidence.letter_qr import decode_payload

    if any(decode_payload(q.text) for p in pages for q in p.qr):
        return True
    joined = "".join(ln.text for p in pages for ln in p.text_lines())
    return any(w in joined for w in ("授权委托书", "授权书", "承诺函", "承诺书", "Authori"))


def _watermarks(
    ev: Evidence, pages: list[PageRead], provider: str, lang: str, rules: EvidenceRules
) -> None:
    marks = [w for p in pages for w in find_watermarks(p.lines, rules)]
    if not marks:
        return
    ev.read["watermark"] = marks[0].text
    severity = rules.watermark_severity.get(provider, Severity.ERROR)
    source = rules.watermark_source.get(provider)
    for w in marks:
        if w.compliant:
            f = finding("evidence.watermark_ok", Severity.INFO, lang, ev.document, text=w.text)
        elif w.states_use:
            f = finding("evidence.watermark_other_use", severity, lang, ev.document, text=w.text)
        else:
            f = finding("evidence.watermark_other", Severity.INFO, lang, ev.document, text=w.text)
        ev.findings.append(replace(f, source=source) if source else f)


def _certificate(
    ev: Evidence,
    pages: list[PageRead],
    provider: str,
    kind: str | None,
    case: Any,
    lang: str,
    today: dt.date,
    rules: EvidenceRules,
) -> None:
    certs = [read_certificate(p, rules) for p in pages]
    cert = max(certs, key=lambda c: c.labels_found)
    if not cert.recognised:
        if kind == "certificate":
            ev.findings.append(finding("evidence.not_recognised", Severity.INFO, lang, ev.document))
        return
    ev.kind = "certificate"
    ev.read.update(read_values(cert))
    ev.findings += certificate_findings(
        cert, pages, provider, case, lang, today, rules, ev.document
    )


def certificate_findings(
    cert: Certificate,
    pages: list[PageRead],
    provider: str,
    case: Any,
    lang: str,
    today: dt.date,
    rules: EvidenceRules,
    document: str | None = None,
) -> list[Finding]:
    out: list[Finding] = []
    code = cert.fields.get("credit_code")
    if code is not None and not cert.code_valid:
        out.append(finding("evidence.code_invalid", Severity.INFO, lang, document, read=code.text))
    if code is not None and cert.code_valid:
        out += _qr_cross_check(code.text, pages, lang, document)
    out += _validity_findings(cert, provider, lang, today, rules, document)
    if case is not None:
        out += compare_with_case(cert, case, lang)
    return out


def _qr_cross_check(
    code: str, pages: list[PageRead], lang: str, document: str | None
) -> list[Finding]:
    from assistant.core.evidence.normalize import credit_codes

    for qr in (q for p in pages for q in p.qr):
        for other, valid in credit_codes(qr.text):
            if valid and other != code:
                return [
                    finding(
                        "evidence.qr_code_differs",
                        Severity.WARNING,
                        lang,
                        document,
                        qr=other,
                        read=code,
                    )
                ]
    return []


def _validity_findings(
    cert: Certificate,
    provider: str,
    lang: str,
    today: dt.date,
    rules: EvidenceRules,
    document: str | None,
) -> list[Finding]:
    until = cert.valid_until
    if not isinstance(until, dt.date) or until == LONG_TERM:
        return []
    days = rules.review_days.get(provider, max(rules.review_days.values(), default=21))
    if until < today:
        return [finding("evidence.expired", Severity.ERROR, lang, document, date=until.isoformat())]
    if until < today + dt.timedelta(days=days):
        return [
            finding(
                "evidence.expires_in_review",
                Severity.ERROR,
                lang,
                document,
                date=until.isoformat(),
                days=days,
            )
        ]
    return []


def _parties(case: Any) -> list[tuple[str, Any]]:
    """(party id, object with name/credit_code/legal_representative) the certificate must match."""
    party = "owner" if getattr(case, "purpose", "self") == "others" else "applicant"
    out: list[tuple[str, Any]] = [(party, getattr(case, party, None))]
    qualification = getattr(case, "qualification", None)
    if qualification is not None and party == "applicant":
        # the qualification's owner as on its licence (model/qualification.py, #11)
        owner = getattr(qualification, "owner", None)
        rep = getattr(qualification, "legal_representative", None)
        out.append(
            (
                "qualification",
                SimpleNamespace(
                    name=getattr(owner, "name", ""),
                    credit_code=getattr(owner, "credit_code", ""),
                    legal_representative=getattr(rep, "name", ""),
                ),
            )
        )
    return [(p, obj) for p, obj in out if obj is not None]


def compare_with_case(cert: Certificate, case: Any, lang: str) -> list[Finding]:
    out: list[Finding] = []
    for party, obj in _parties(case):
        for fld in ("name", "credit_code", "legal_representative"):
            expected = str(getattr(obj, fld, "") or "").strip()
            value = cert.fields.get(fld)
            if not expected:
                continue
            label = text(f"evidence.field.{fld}", lang)
            subject = f"{party}.{fld}"
            if value is None:
                out.append(
                    finding("evidence.field_missing", Severity.INFO, lang, subject, field=label)
                )
                continue
            exp = expected.upper().replace(" ", "") if fld == "credit_code" else expected
            if same(value.text, exp):
                continue
            if fld == "credit_code" and not cert.code_valid:
                continue  # already reported as unreadable
            if value.score < CONFIDENT:
                out.append(
                    finding(
                        "evidence.field_unsure",
                        Severity.WARNING,
                        lang,
                        subject,
                        field=label,
                        read=value.text,
                        expected=expected,
                    )
                )
                continue
            out.append(
                finding(
                    "evidence.mismatch",
                    Severity.ERROR,
                    lang,
                    subject,
                    field=label,
                    read=value.text,
                    expected=expected,
                    party=text(f"evidence.party.{party}", lang),
                    fixed_value=value.text,
                )
            )
    return out
