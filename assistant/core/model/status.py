"""The ``status`` section of a case: where the application is after it left the program.

draft -> ready (exported) -> submitted (date, provider's id) -> approved / rejected (reason, date)
-> filed per carrier (China Mobile, China Unicom, China Telecom) -> a warning when a filed
signature has had no sending for close to six months. The state is kept per signature name (one
case may apply for several); the logic (transitions, the stage shown, the warnings, the import of
the providers' status output) is in :mod:`assistant.core.status`. Plain data only: values are not
checked here (an unknown state reads as its neighbour and is reported by
:func:`assistant.core.status.lifecycle.status_findings`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SIGNATURE_STATES = ("draft", "ready", "submitted", "approved", "rejected")
CARRIERS = ("china_mobile", "china_unicom", "china_telecom")
# "" = not filed yet / unknown; "lapsed" = dropped after six months without sending
CARRIER_STATES = ("", "pending", "filed", "failed", "lapsed")
DEFAULT_WARN_AFTER_DAYS = 150  # "close to six months": carriers drop a filing after 180 days


@dataclass
class CarrierFiling:
    """One carrier's real-name filing of a signature."""

    state: str = ""  # one of CARRIER_STATES
    on: dt.date | None = None  # when the carrier answered (or the state was set)
    detail: str = ""  # the provider's reason text, e.g. a failure reason


@dataclass
class Carriers:
    china_mobile: CarrierFiling = field(default_factory=CarrierFiling)
    china_unicom: CarrierFiling = field(default_factory=CarrierFiling)
    china_telecom: CarrierFiling = field(default_factory=CarrierFiling)

    def items(self) -> list[tuple[str, CarrierFiling]]:
        return [(c, getattr(self, c)) for c in CARRIERS]


@dataclass
class SignatureStatus:
    """Where one signature name of the case stands."""

    name: str = field(metadata={"required": True})
    state: str = "draft"  # one of SIGNATURE_STATES
    submitted_on: dt.date | None = None
    provider_id: str = ""  # the provider's id: Tencent SignId, Alibaba SignCode/OrderId, Huawei id
    decided_on: dt.date | None = None  # when it was approved or rejected
    rejection: str = ""  # the rejection text as the console showed it
    reasons: list[str] = field(default_factory=list)  # ids of the explainer's matches, best first
    carriers: Carriers = field(default_factory=Carriers)
    last_sent: dt.date | None = None  # set by the user: the last day a message was sent with it
    updated_on: dt.date | None = None  # when this entry last changed (by hand or by an import)


@dataclass
class TemplateStatus:
    """A message template's review, as an import of the providers' template lists found it."""

    name: str = field(metadata={"required": True})
    provider_id: str = ""
    state: str = "submitted"  # submitted | approved | rejected
    rejection: str = ""
    reasons: list[str] = field(default_factory=list)
    updated_on: dt.date | None = None


@dataclass
class CaseStatus:
    exported_on: dt.date | None = None  # the case was exported as a bundle: ready to submit
    signatures: list[SignatureStatus] = field(default_factory=list)
    templates: list[TemplateStatus] = field(default_factory=list)
    # warn this many days after the last sending (or the filing) of a filed signature
    warn_after_days: int = DEFAULT_WARN_AFTER_DAYS
