"""SMS body templates: checks against each provider's rules, length and segments, preview.

:func:`check_template` returns findings with stable ``template.*`` codes and never raises on any
text; where the change is mechanical (append 拒收请回复R, remove 【】, renumber variables …) a
finding carries the corrected text (``fixed_value``). The rules are data: the ``[templates]``
table of each provider pack (:mod:`assistant.core.templates.rules`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.rules import load_pack
from assistant.core.templates import checks_content as content
from assistant.core.templates import checks_format as form
from assistant.core.templates.length import (
    PART_SMS,
    SINGLE_SMS,
    message_length,
    preview_text,
    segments,
    sms_length,
)
from assistant.core.templates.model import TemplateVariable
from assistant.core.templates.report import Report
from assistant.core.templates.rules import (
    KINDS,
    Context,
    TemplateRules,
    rules_from_pack,
    template_rules,
)
from assistant.core.templates.syntax import parse

__all__ = [
    "KINDS",
    "PART_SMS",
    "SINGLE_SMS",
    "Preview",
    "TemplateRules",
    "TemplateVariable",
    "check_template",
    "fixed_template",
    "preview",
    "rules_from_pack",
    "segments",
    "sms_length",
    "template_rules",
]

# The checks, in the order their findings are most useful to read.
_CHECKS = (
    form.check_invisible,
    form.check_syntax,
    form.check_names,
    form.check_numbering,
    form.check_structure,
    form.check_brackets,
    form.check_symbols,
    form.check_characters,
    content.check_unsubscribe,
    content.check_kind,
    content.check_links,
    content.check_contacts,
    content.check_industries,
    content.check_attributes,
    form.check_meaning,
    form.check_length,
)

Specs = Mapping[str, TemplateVariable] | Iterable[TemplateVariable] | None


def _specs(variables: Specs) -> dict[str, TemplateVariable]:
    if variables is None:
        return {}
    if isinstance(variables, Mapping):
        return {str(k): v for k, v in variables.items() if isinstance(v, TemplateVariable)}
    return {v.name: v for v in variables if isinstance(v, TemplateVariable)}


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return "" if value is None else str(value)


def _report(
    text: Any,
    provider: str,
    kind: str,
    signature: str | None,
    variables: Specs,
    region: str | None,
    account: str | None,
    purpose: str | None,
    lang: str,
    describe: bool = False,
) -> Report:
    rules = template_rules(provider)
    region = load_pack(provider).region_or_default(region)
    ctx = Context(kind=kind, region=region, account=account, purpose=purpose)
    parsed = parse(_as_text(text), rules.syntax)
    return Report(rules, ctx, parsed, _specs(variables), signature, lang, describe)


def check_template(
    text: Any,
    provider: str,
    kind: str,
    *,
    signature: str | None = None,
    variables: Specs = None,
    region: str | None = None,
    account: str | None = None,
    purpose: str | None = None,
    lang: str = "en",
    describe: bool = False,
) -> list[Finding]:
    """All findings for one template of ``kind`` (verification, notification, marketing) at
    ``provider``, errors first. ``signature`` (without 【】) and ``variables`` (what the user
    says about each variable) make the length exact; ``account`` and ``purpose`` (self,
    others) enable the rules that depend on them. ``describe``: every variable must have its
    attribute where the provider wants one (a case being prepared for submission)."""
    r = _report(
        text, provider, kind, signature, variables, region, account, purpose, lang, describe
    )
    if kind not in KINDS:
        r.add("template.kind.unknown", severity=Severity.ERROR, valid=", ".join(KINDS))
        return r.findings
    if not r.text.strip():
        r.add("template.empty", severity=Severity.ERROR)
        return r.findings
    for check in _CHECKS:
        check(r)
    return sort_findings(r.findings)


def fixed_template(text: str, provider: str, kind: str, **options: Any) -> str | None:
    """The template with every mechanical fix applied, when that changes it."""
    current = _as_text(text)
    seen = {current}
    for _ in range(12):
        fixes = [f.fixed_value for f in check_template(current, provider, kind, **options)]
        nxt = next((f for f in fixes if f is not None and f not in seen), None)
        if nxt is None:
            break
        seen.add(nxt)
        current = nxt
    return current if current != text else None


@dataclass(frozen=True)
class Preview:
    """The message as a phone shows it, and what it costs."""

    text: str  # 【signature】 + the template with example values
    length: int  # characters of the longest message (every variable at its longest)
    segments: int  # SMS that longest message is sent as


def preview(
    text: Any,
    provider: str,
    kind: str,
    *,
    signature: str | None = None,
    variables: Specs = None,
    region: str | None = None,
) -> Preview:
    """What the GUI's phone preview shows: the message, its length and its SMS count."""
    r = _report(text, provider, kind, signature, variables, region, None, None, "en")
    n = message_length(r.parsed, r.rules, r.ctx, signature, r.specs)
    shown = preview_text(r.parsed, r.rules, r.ctx, signature, r.specs)
    return Preview(text=shown, length=n, segments=segments(n))
