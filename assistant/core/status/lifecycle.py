"""A case's status after it left the program: transitions, the stage shown, the warnings.

The data is the case's ``status`` section (:mod:`assistant.core.model.status`), one entry per
signature name. The doors (wizard, CLI, import) change it only through the functions here, so the
rules live in one place:

* :func:`mark_exported` (ready), :func:`mark_submitted`, :func:`mark_approved`,
  :func:`mark_rejected` (runs the explainer and keeps its reason ids), :func:`set_carrier`,
  :func:`set_last_sent` (the date the user sets; the lapse warning counts from it);
* :func:`stage` / :func:`case_stage`: what the case list and the checklist show;
* :func:`status_findings`: rejected, filing failed, filing about to lapse (close to six months
  without sending) or lapsed, and values this program does not know.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.core.findings import Finding, Severity, make_finding
from assistant.core.i18n import text
from assistant.core.model.case import Case
from assistant.core.model.status import (
    CARRIER_STATES,
    CARRIERS,
    SIGNATURE_STATES,
    CarrierFiling,
    SignatureStatus,
)
from assistant.core.status.explainer import Explanation, explain

LAPSE_DAYS = 180  # carriers drop a filing after six months without sending (GetSmsSign, #14)
# What the case list shows, in the order a signature goes through them.
STAGES = (
    "draft",
    "ready",
    "submitted",
    "rejected",
    "approved",
    "filing",
    "filing_failed",
    "filed",
    "lapse_soon",
    "lapsed",
)


def name_key(name: str) -> str:
    """How names are compared (case entries, import): NFKC, no 【】 or spaces, case-folded."""
    value = unicodedata.normalize("NFKC", name or "")
    return "".join(ch for ch in value if ch not in "【】[] \u3000").casefold()


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def find_signature(case: Case, name: str) -> SignatureStatus | None:
    key = name_key(name)
    return next((s for s in case.status.signatures if name_key(s.name) == key), None)


def signature_status(case: Case, name: str) -> SignatureStatus:
    """The status entry of ``name`` (created, as draft or ready, when there is none)."""
    found = find_signature(case, name)
    if found is None:
        found = SignatureStatus(
            name=name.strip(), state="ready" if case.status.exported_on else "draft"
        )
        case.status.signatures.append(found)
    return found


def sync_names(case: Case) -> list[SignatureStatus]:
    """One entry per current signature name, in the names' order (entries of names removed since
    are kept after them, so their history is not lost)."""
    current = [signature_status(case, n) for n in case.signature_names if n.strip()]
    rest = [s for s in case.status.signatures if s not in current]
    case.status.signatures = current + rest
    return current


def mark_exported(case: Case, on: dt.date | None = None) -> None:
    """The bundle was exported: every draft name is ready to submit."""
    case.status.exported_on = _today(on)
    for sig in sync_names(case):
        if sig.state == "draft":
            sig.state = "ready"
            sig.updated_on = case.status.exported_on


def mark_submitted(
    case: Case, name: str, on: dt.date | None = None, provider_id: str = ""
) -> SignatureStatus:
    sig = signature_status(case, name)
    sig.state = "submitted"
    sig.submitted_on = _today(on)
    sig.provider_id = provider_id or sig.provider_id
    sig.decided_on, sig.rejection, sig.reasons = None, "", []
    sig.updated_on = sig.submitted_on
    return sig


def mark_approved(case: Case, name: str, on: dt.date | None = None) -> SignatureStatus:
    sig = signature_status(case, name)
    sig.state = "approved"
    sig.decided_on = sig.updated_on = _today(on)
    sig.rejection, sig.reasons = "", []
    return sig


def mark_rejected(
    case: Case, name: str, reason_text: str, on: dt.date | None = None
) -> Explanation:
    """Record a rejection with the console's text; returns what the explainer makes of it."""
    sig = signature_status(case, name)
    result = explain(reason_text, case.provider)
    sig.state = "rejected"
    sig.decided_on = sig.updated_on = _today(on)
    sig.rejection = reason_text.strip()
    sig.reasons = [m.reason.id for m in result.matches]
    return result


def set_carrier(
    case: Case, name: str, carrier: str, state: str, on: dt.date | None = None, detail: str = ""
) -> SignatureStatus:
    """One carrier's filing state (``state`` of CARRIER_STATES; ValueError for anything else)."""
    if carrier not in CARRIERS:
        raise ValueError(f"unknown carrier {carrier!r}; valid: {', '.join(CARRIERS)}")
    if state not in CARRIER_STATES:
        raise ValueError(f"unknown filing state {state!r}; valid: {', '.join(CARRIER_STATES)}")
    sig = signature_status(case, name)
    setattr(sig.carriers, carrier, CarrierFiling(state=state, on=_today(on), detail=detail))
    sig.updated_on = _today(on)
    return sig


def set_last_sent(case: Case, name: str, on: dt.date | None) -> SignatureStatus:
    """The last day a message was sent with ``name`` (None: not known)."""
    sig = signature_status(case, name)
    sig.last_sent = on
    return sig


# ------------------------------------------------------------------------------ stages
def lapse_reference(sig: SignatureStatus) -> dt.date | None:
    """The day the six months count from: the last sending, else the latest filing."""
    if sig.last_sent:
        return sig.last_sent
    dates = [f.on for _, f in sig.carriers.items() if f.state == "filed" and f.on]
    return max(dates) if dates else sig.decided_on


def _filing_stage(case: Case, sig: SignatureStatus, today: dt.date) -> str:
    states = [f.state for _, f in sig.carriers.items()]
    if "lapsed" in states:
        return "lapsed"
    if "failed" in states:
        return "filing_failed"
    if all(s == "filed" for s in states):
        ref = lapse_reference(sig)
        if ref and (today - ref).days >= case.status.warn_after_days:
            return "lapsed" if (today - ref).days >= LAPSE_DAYS else "lapse_soon"
        return "filed"
    return "filing" if any(states) else "approved"


def stage(case: Case, sig: SignatureStatus, today: dt.date | None = None) -> str:
    """Where one signature stands (one of :data:`STAGES`)."""
    state = sig.state if sig.state in SIGNATURE_STATES else "submitted"
    if state == "draft":
        return "ready" if case.status.exported_on else "draft"
    if state == "approved":
        return _filing_stage(case, sig, _today(today))
    return state


# A case shows its most urgent signature: a problem first, then the least advanced.
_URGENCY: tuple[str, ...] = (
    "rejected",
    "lapsed",
    "filing_failed",
    "lapse_soon",
    "draft",
    "ready",
    "submitted",
    "approved",
    "filing",
    "filed",
)


def case_stage(case: Case, today: dt.date | None = None) -> str:
    """The stage the case list shows for the whole case."""
    names = [n for n in case.signature_names if n.strip()]
    sigs = [find_signature(case, n) for n in names]
    stages = [
        stage(case, s, today) if s else stage(case, SignatureStatus(name=n))
        for s, n in zip(sigs, names, strict=True)
    ]
    if not stages:
        return "ready" if case.status.exported_on else "draft"
    return min(stages, key=_URGENCY.index)


def stage_label(value: str, lang: str | None = None) -> str:
    return text(f"status.stage.{value}", lang)


def carrier_label(carrier: str, lang: str | None = None) -> str:
    return text(f"status.carrier.{carrier}", lang)


# ------------------------------------------------------------------------------ findings
def _finding(
    severity: Severity, code: str, lang: str | None, subject: str, **params: Any
) -> Finding:
    return make_finding(severity, code, lang, subject, **params)


def _unknown_values(sig: SignatureStatus, where: str, lang: str | None) -> Iterable[Finding]:
    if sig.state not in SIGNATURE_STATES:
        yield _finding(
            Severity.WARNING,
            "status.unknown_state",
            lang,
            f"{where}.state",
            value=sig.state,
            valid=", ".join(SIGNATURE_STATES),
        )
    for carrier, filing in sig.carriers.items():
        if filing.state not in CARRIER_STATES:
            yield _finding(
                Severity.WARNING,
                "status.unknown_state",
                lang,
                f"{where}.carriers.{carrier}.state",
                value=filing.state,
                valid=", ".join(s for s in CARRIER_STATES if s),
            )


def _rejected(case: Case, sig: SignatureStatus, where: str, lang: str | None) -> Finding:
    from assistant.core.status.catalogue import load_catalogue

    reason = next((r for r in map(load_catalogue().reason, sig.reasons) if r), None)
    return Finding(
        severity=Severity.WARNING,
        code="status.rejected",
        message=text(
            "status.rejected",
            lang,
            name=sig.name,
            date=sig.decided_on.isoformat() if sig.decided_on else "?",
            reason=reason.text("reason", lang) if reason else sig.rejection or "—",
        ),
        fix=(
            text(
                "status.rejected.fix",
                lang,
                fix=reason.text("fix", lang),
                step=text(f"status.step.{reason.step}", lang),
            )
            if reason
            else text("status.rejected.unknown", lang)
        ),
        subject=where,
    )


def _filing(
    case: Case, sig: SignatureStatus, value: str, where: str, today: dt.date, lang: str | None
) -> Finding | None:
    if value == "filing_failed":
        failed = [c for c, f in sig.carriers.items() if f.state == "failed"]
        return _finding(
            Severity.WARNING,
            "status.filing_failed",
            lang,
            where,
            name=sig.name,
            carriers=", ".join(carrier_label(c, lang) for c in failed),
        )
    if value in ("lapse_soon", "lapsed"):
        ref = lapse_reference(sig) or today
        return _finding(
            Severity.WARNING,
            f"status.{value}",
            lang,
            where,
            name=sig.name,
            days=(today - ref).days,
            since=ref.isoformat(),
            date=(ref + dt.timedelta(days=LAPSE_DAYS)).isoformat(),
        )
    return None


def status_findings(
    case: Case, today: dt.date | None = None, lang: str | None = None
) -> list[Finding]:
    """What needs the user's attention in the case's status (never raises)."""
    today = _today(today)
    out: list[Finding] = []
    for i, sig in enumerate(case.status.signatures):
        where = f"status.signatures[{i}]"
        out.extend(_unknown_values(sig, where, lang))
        value = stage(case, sig, today)
        if value == "rejected":
            out.append(_rejected(case, sig, where, lang))
        else:
            extra = _filing(case, sig, value, where, today, lang)
            if extra:
                out.append(extra)
    if case.status.warn_after_days < 1 or case.status.warn_after_days > LAPSE_DAYS:
        out.append(
            _finding(
                Severity.WARNING,
                "status.bad_warn_days",
                lang,
                "status.warn_after_days",
                value=case.status.warn_after_days,
                max=LAPSE_DAYS,
            )
        )
    return out


@dataclass(frozen=True)
class SignatureLine:
    name: str
    stage: str
    label: str
    detail: str


def status_lines(
    case: Case, today: dt.date | None = None, lang: str | None = None
) -> list[SignatureLine]:
    """One line per signature name of the case (for the case list and the checklist)."""
    lines = []
    for name in (n for n in case.signature_names if n.strip()):
        sig = find_signature(case, name) or SignatureStatus(name=name)
        value = stage(case, sig, today)
        lines.append(SignatureLine(name, value, stage_label(value, lang), _detail(sig, lang)))
    return lines


def _detail(sig: SignatureStatus, lang: str | None) -> str:
    parts = []
    if sig.submitted_on:
        parts.append(text("status.detail.submitted", lang, date=sig.submitted_on.isoformat()))
    if sig.provider_id:
        parts.append(text("status.detail.id", lang, id=sig.provider_id))
    if sig.decided_on:
        parts.append(
            text(
                f"status.detail.{'rejected' if sig.state == 'rejected' else 'decided'}",
                lang,
                date=sig.decided_on.isoformat(),
            )
        )
    filed = [carrier_label(c, lang) for c, f in sig.carriers.items() if f.state == "filed"]
    if filed:
        parts.append(text("status.detail.filed", lang, carriers=", ".join(filed)))
    if sig.last_sent:
        parts.append(text("status.detail.last_sent", lang, date=sig.last_sent.isoformat()))
    return " · ".join(parts)
