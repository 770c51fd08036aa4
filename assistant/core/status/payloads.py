"""The providers' status output, as their official command-line tools print it, read offline.

What a user saves from:

* Tencent ``tccli sms DescribeSmsSignList`` / ``DescribeSmsTemplateList`` (the response, with or
  without the ``{"Response": …}`` wrapper): ``StatusCode`` 0 usable, 1 in review, 2 approved and
  pending, -1 rejected or not filed; ``ReviewReply`` the reviewer's text.
* Alibaba ``aliyun dysmsapi QuerySmsSignList`` (``AuditStatus`` AUDIT_STATE_*, ``Reason``),
  ``QuerySmsTemplateList`` (with the template's ``SignatureName``) and ``GetSmsSign``
  (``SignStatus``, ``AuditInfo.RejectInfo`` and per carrier ``SignIspRegisterDetailList``:
  ``RegisterStatus`` 0 failed, 1 filed awaiting verification, 2 lapsed, 3 filed, -1 filing,
  -2 not filed).
* Huawei ``hcloud MSGSMS ListSignatureDetails`` / ``ShowSignature`` (``status`` PENDING_REVIEW,
  REVIEW_NOT_PASS, REVIEW_PASSED, REAL_NAME_REGISTRATING …, ``review_desc``).

A file may hold one such object or a list of them. :func:`parse_status` turns any of them into
:class:`StatusItem` s (signature or template, state, dates, carriers) and findings for what it
cannot read; it never raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import text

CHINA = dt.timezone(dt.timedelta(hours=8))
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

TENCENT_SIGN = {0: "approved", 1: "submitted", 2: "approved", -1: "rejected"}
TENCENT_TEMPLATE = TENCENT_SIGN
ALIBABA_AUDIT = {
    "AUDIT_STATE_INIT": "submitted",
    "AUDIT_STATE_PASS": "approved",
    "AUDIT_STATE_NOT_PASS": "rejected",
    "AUDIT_STATE_CANCEL": "ready",
    "AUDIT_SATE_CANCEL": "ready",  # spelt so in the template list's documentation
}
ALIBABA_SIGN_STATUS = {0: "submitted", 1: "approved", 2: "rejected", 10: "ready"}
ALIBABA_CARRIERS = {"mobile": "china_mobile", "unicom": "china_unicom", "telecom": "china_telecom"}
ALIBABA_REGISTER = {0: "failed", 1: "filed", 2: "lapsed", 3: "filed", -1: "pending", -2: ""}
# Huawei status -> (review state, filing state of every carrier or None when not told)
HUAWEI_STATUS: dict[str, tuple[str, str | None]] = {
    "PENDING_REVIEW": ("submitted", None),
    "PROCESSING": ("submitted", None),
    "PENDING_QUALIFICATION_REVIEW": ("submitted", None),
    "REVIEW_NOT_PASS": ("rejected", None),
    "REVIEW_PASSED": ("approved", None),
    "TO_BE_ACTIVATED": ("approved", None),
    "PENDING_ACTIVATE": ("approved", None),
    "REVIEW_PASSED_QUALIFICATION_PROCESSING": ("approved", None),
    "REAL_NAME_REGISTRATING": ("approved", "pending"),
    "REVIEW_PASSED_REAL_NAME_REGISTRATING": ("approved", "pending"),
    "REVIEW_PASSED_REAL_NAME_REGISTRATE_FAIL": ("approved", "failed"),
}
CARRIER_IDS = ("china_mobile", "china_unicom", "china_telecom")


@dataclass(frozen=True)
class CarrierReport:
    carrier: str  # china_mobile | china_unicom | china_telecom
    state: str  # "" | pending | filed | failed | lapsed
    on: dt.date | None = None
    detail: str = ""


@dataclass(frozen=True)
class StatusItem:
    """One signature or template as the provider reported it."""

    kind: str  # signature | template
    provider: str
    name: str
    state: str  # ready (review cancelled) | submitted | approved | rejected
    raw_status: str  # the provider's own value, for the report
    provider_id: str = ""
    submitted_on: dt.date | None = None
    decided_on: dt.date | None = None
    rejection: str = ""
    carriers: tuple[CarrierReport, ...] = ()
    signature: str = ""  # a template's signature name, where the provider says it

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "provider": self.provider,
            "name": self.name,
            "state": self.state,
            "raw_status": self.raw_status,
            "provider_id": self.provider_id,
            "submitted_on": self.submitted_on.isoformat() if self.submitted_on else None,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "rejection": self.rejection,
            "carriers": {c.carrier: c.state for c in self.carriers},
        }


def _date(value: Any) -> dt.date | None:
    """A date from ``yyyy-MM-dd[ HH:mm:ss]`` text or UNIX seconds (China time); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and 0 < value < 1e11:
        return dt.datetime.fromtimestamp(value, CHINA).date()
    if isinstance(value, str) and (m := _DATE.match(value.strip())):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def _join(*parts: Any) -> str:
    seen = [
        p for p in (_text(x) for x in parts) if p and p not in ("无审核备注", "No audit remarks")
    ]
    return "；".join(dict.fromkeys(seen))


class _Reader:
    """Collects items and findings while walking one payload."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang
        self.items: list[StatusItem] = []
        self.findings: list[Finding] = []
        self.providers: set[str] = set()

    def warn(self, code: str, **params: Any) -> None:
        self.findings.append(
            Finding(
                Severity.WARNING, code, text(code, self.lang, **params), subject=params.get("name")
            )
        )

    def state(self, table: Mapping[Any, str], value: Any, name: str, provider: str) -> str | None:
        state = table.get(value)
        if state is None:
            self.warn("status.import.unknown_value", provider=provider, name=name, value=value)
        return state

    def add(self, item: StatusItem) -> None:
        self.providers.add(item.provider)
        self.items.append(item)


# ------------------------------------------------------------------------------ lists
@dataclass(frozen=True)
class _ListSpec:
    """Where one provider's list keeps each value."""

    provider: str
    kind: str
    key: str  # the list
    name: str
    ident: str
    status: str
    statuses: Mapping[Any, str]
    created: str


_LISTS = (
    _ListSpec(
        "tencent",
        "signature",
        "DescribeSignListStatusSet",
        "SignName",
        "SignId",
        "StatusCode",
        TENCENT_SIGN,
        "CreateTime",
    ),
    _ListSpec(
        "tencent",
        "template",
        "DescribeTemplateStatusSet",
        "TemplateName",
        "TemplateId",
        "StatusCode",
        TENCENT_TEMPLATE,
        "CreateTime",
    ),
    _ListSpec(
        "alibaba",
        "signature",
        "SmsSignList",
        "SignName",
        "OrderId",
        "AuditStatus",
        ALIBABA_AUDIT,
        "CreateDate",
    ),
    _ListSpec(
        "alibaba",
        "template",
        "SmsTemplateList",
        "TemplateName",
        "TemplateCode",
        "AuditStatus",
        ALIBABA_AUDIT,
        "CreateDate",
    ),
)


def _rejection(row: Mapping[str, Any]) -> tuple[str, dt.date | None]:
    """The rejection text and date of a list row (Tencent ReviewReply, Alibaba Reason)."""
    if "ReviewReply" in row:
        return _text(row.get("ReviewReply")), None
    reason = _mapping(row.get("Reason"))
    return _join(reason.get("RejectInfo"), reason.get("RejectSubInfo")), _date(
        reason.get("RejectDate")
    )


def _lists(r: _Reader, data: Mapping[str, Any]) -> None:
    for spec in _LISTS:
        for row in _rows(data.get(spec.key)):
            name = _text(row.get(spec.name))
            state = r.state(spec.statuses, row.get(spec.status), name, spec.provider)
            if not name or state is None:
                continue
            rejection, rejected_on = _rejection(row) if state == "rejected" else ("", None)
            r.add(
                StatusItem(
                    kind=spec.kind,
                    provider=spec.provider,
                    name=name,
                    state=state,
                    raw_status=_text(row.get(spec.status)),
                    provider_id=_text(row.get(spec.ident)),
                    submitted_on=_date(row.get(spec.created)),
                    decided_on=rejected_on,
                    rejection=rejection,
                    signature=_text(row.get("SignatureName")),
                )
            )


# ------------------------------------------------------------------------------ Alibaba
def _alibaba_carriers(r: _Reader, rows: Any, name: str) -> tuple[CarrierReport, ...]:
    out = []
    for row in _rows(rows):
        carrier = ALIBABA_CARRIERS.get(_text(row.get("OperatorCode")).lower())
        state = r.state(ALIBABA_REGISTER, row.get("RegisterStatus"), name, "alibaba")
        if carrier is None or state is None:
            if carrier is None:
                r.warn(
                    "status.import.unknown_value",
                    provider="alibaba",
                    name=name,
                    value=row.get("OperatorCode"),
                )
            continue
        reasons = [
            _join(reason.get("ReasonCode"), *(reason.get("ReasonDescList") or []))
            for reason in _rows(row.get("RegisterStatusReasons"))
        ]
        out.append(
            CarrierReport(
                carrier,
                state,
                _date(row.get("OperatorCompleteTime")),
                "；".join(p for p in reasons if p),
            )
        )
    return tuple(out)


def _alibaba_sign(r: _Reader, data: Mapping[str, Any]) -> None:
    name = _text(data.get("SignName"))
    state = r.state(ALIBABA_SIGN_STATUS, data.get("SignStatus"), name, "alibaba")
    if not name or state is None:
        return
    audit = _mapping(data.get("AuditInfo"))
    rejected = state == "rejected"
    r.add(
        StatusItem(
            kind="signature",
            provider="alibaba",
            name=name,
            state=state,
            raw_status=str(data.get("SignStatus")),
            provider_id=_text(data.get("SignCode") or data.get("OrderId")),
            submitted_on=_date(data.get("CreateDate")),
            decided_on=_date(audit.get("AuditDate")) if state in ("approved", "rejected") else None,
            rejection=_text(audit.get("RejectInfo")) if rejected else "",
            carriers=_alibaba_carriers(r, data.get("SignIspRegisterDetailList"), name),
        )
    )


# ------------------------------------------------------------------------------ Huawei
def _huawei_one(r: _Reader, row: Mapping[str, Any]) -> None:
    name = _text(row.get("signature_name"))
    mapped = HUAWEI_STATUS.get(_text(row.get("status")))
    if mapped is None:
        r.warn("status.import.unknown_value", provider="huawei", name=name, value=row.get("status"))
        return
    if not name:
        return
    state, filing = mapped
    updated = _date(row.get("update_time"))
    carriers = tuple(CarrierReport(c, filing, updated) for c in CARRIER_IDS) if filing else ()
    r.add(
        StatusItem(
            kind="signature",
            provider="huawei",
            name=name,
            state=state,
            raw_status=_text(row.get("status")),
            provider_id=_text(row.get("id") or row.get("signature_id")),
            submitted_on=_date(row.get("create_time")),
            decided_on=updated if state in ("approved", "rejected") else None,
            rejection=_text(row.get("review_desc")) if state == "rejected" else "",
            carriers=carriers,
        )
    )


def _huawei(r: _Reader, data: Mapping[str, Any]) -> None:
    if "results" in data:
        for row in _rows(data.get("results")):
            _huawei_one(r, row)
    else:
        _huawei_one(r, data)


# ------------------------------------------------------------------------------ dispatch
def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _rows(value: Any) -> Iterable[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


_FORMATS: tuple[
    tuple[Callable[[Mapping[str, Any]], bool], Callable[[_Reader, Mapping[str, Any]], None]], ...
] = (
    (lambda d: any(spec.key in d for spec in _LISTS), _lists),
    (lambda d: "SignName" in d and ("SignStatus" in d or "AuditInfo" in d), _alibaba_sign),
    (lambda d: "signature_name" in d or ("results" in d and "total" in d), _huawei),
)


def _unwrap(data: Any) -> Any:
    """The response object inside the wrappers SDKs and CLIs add ({"Response": …}, {"body": …})."""
    for key in ("Response", "body", "Body"):
        if isinstance(data, Mapping) and isinstance(data.get(key), Mapping) and len(data) <= 3:
            data = data[key]
    return data


def parse_status(data: Any, lang: str | None = None) -> tuple[list[StatusItem], list[Finding]]:
    """The items of one payload (or a list of payloads); findings for what cannot be read."""
    r = _Reader(lang)
    payloads = data if isinstance(data, list) else [data]
    for raw in payloads:
        payload = _unwrap(raw)
        reader = next(
            (f for test, f in _FORMATS if isinstance(payload, Mapping) and test(payload)), None
        )
        if reader is None:
            r.findings.append(
                Finding(
                    Severity.ERROR,
                    "status.import.unknown_format",
                    text("status.import.unknown_format", lang),
                    fix=text("status.import.unknown_format.fix", lang),
                )
            )
            continue
        reader(r, payload)
    return r.items, r.findings
