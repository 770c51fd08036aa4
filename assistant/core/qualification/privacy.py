"""ID numbers are the most sensitive data the program holds: masked wherever they are shown.

:func:`mask_id` keeps the first and last four characters (``1101**********1234``) — enough to
tell two numbers apart, not enough to use one. Findings, README and checklist lines, the CLI's
text and the wizard's fields that are not being edited show only masked numbers; the payload
that needs the number (Alibaba ``SubmitSmsQualification``) and the user's own case file hold it
as typed. :func:`redact` removes the numbers of a case from any text (a file name, a finding
that quotes a path) before it goes into a bundle's README or manifest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from assistant.core.findings import Finding

KEEP = 4  # characters kept at each end
# What looks like a resident ID number (18 characters, the last one a digit or X) or an old
# 15-digit one, not inside a longer run of digits.
_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])")


def mask_id(number: str) -> str:
    """``110101199003071234`` -> ``1101**********1234``; short values are masked completely."""
    value = "".join((number or "").split())
    if not value:
        return ""
    if len(value) <= 2 * KEEP:
        return "*" * len(value)
    return value[:KEEP] + "*" * (len(value) - 2 * KEEP) + value[-KEEP:]


def _variants(secret: str) -> set[str]:
    compact = "".join(secret.split())
    return {v for v in (secret.strip(), compact, compact.upper(), compact.lower()) if len(v) >= 6}


def redact(text: str, secrets: Iterable[str] = (), *, id_like: bool = False) -> str:
    """``text`` with every one of ``secrets`` (as typed, compacted, either case) masked; with
    ``id_like`` also every run of characters that looks like an ID number (a file name the user
    chose: an 18-digit credit code in a finding must stay readable, so findings use the case's
    own numbers only)."""
    if not text:
        return text
    for secret in sorted({v for s in secrets for v in _variants(s)}, key=len, reverse=True):
        text = text.replace(secret, mask_id(secret))
    return _ID_LIKE.sub(lambda m: mask_id(m.group(1)), text) if id_like else text


def redact_finding(f: Finding, secrets: Iterable[str] = ()) -> Finding:
    """The finding with its texts redacted (message, fix, subject, the value a fix would set)."""
    secrets = tuple(secrets)

    def r(value: str | None) -> str | None:
        return redact(value, secrets) if value else value

    redacted = replace(
        f,
        message=r(f.message) or "",
        fix=r(f.fix),
        subject=r(f.subject),
        fixed_value=r(f.fixed_value),
    )
    return f if redacted == f else redacted


def redact_findings(findings: Iterable[Finding], secrets: Iterable[str] = ()) -> list[Finding]:
    secrets = tuple(secrets)
    return [redact_finding(f, secrets) for f in findings]
