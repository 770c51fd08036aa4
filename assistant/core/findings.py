"""Findings: what every check returns instead of raising on bad user input."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # blocks export
    WARNING = "warning"  # needs a look
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str  # stable, e.g. "name.too_long"
    message: str  # in the user's language
    fix: str | None = None  # what to do about it, when there is something to do
    subject: str | None = None  # the field or document it is about
    source: str | None = None  # the rule's source id (see the rule packs' [sources])
    fixed_value: str | None = None  # a corrected value the user can take with one click

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return {k: v for k, v in data.items() if v is not None}


def make_finding(
    severity: Severity,
    code: str,
    lang: str | None,
    subject: str | None = None,
    *,
    source: str | None = None,
    fixed_value: str | None = None,
    message_key: str | None = None,
    **params: Any,
) -> Finding:
    """The finding of catalogue message ``message_key`` (default: ``code``) in ``lang``, with
    the message ``<key>.fix`` as its fix when the catalogue has one. The one way every check
    turns a message of ``resources/i18n`` into a finding."""
    from assistant.core.i18n import has_text, text

    key = message_key or code
    fix_key = f"{key}.fix"
    return Finding(
        severity=severity,
        code=code,
        message=text(key, lang, **params),
        fix=text(fix_key, lang, **params) if has_text(fix_key) else None,
        subject=subject,
        source=source,
        fixed_value=fixed_value,
    )


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; stable otherwise."""
    return sorted(findings, key=lambda f: f.severity.rank)
