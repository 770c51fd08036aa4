"""Every id of a case checked against its provider's rule pack, and the ids it implies."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import localized, normalize_language, text
from assistant.core.model.case import Case, Remarks
from assistant.core.model.fileformat import finding
from assistant.core.rules import PROVIDERS, RulePack, load_pack


def check_ids(case: Case, lang: str | None = None) -> list[Finding]:
    """Every id of ``case`` (provider, region, account, purpose, type, sign type, documents)
    checked against the rule pack. Unknown ids are errors naming the valid ones (and the
    closest one, when a typo is likely)."""
    lang = normalize_language(lang)
    out: list[Finding] = []

    def unknown(what: str, value: Any, valid: Iterable[str]) -> None:
        valid = list(valid)
        f = finding(
            Severity.ERROR,
            "case.unknown_id",
            lang,
            what,
            what=what,
            value=value,
            valid=", ".join(valid) or "-",
        )
        if not valid:  # never "Choose one of: -" (#10): say the provider has none
            from dataclasses import replace

            f = replace(f, fix=text("case.unknown_id.none", lang, what=what))
        close = difflib.get_close_matches(str(value), valid, n=1, cutoff=0.6)
        if close:
            from dataclasses import replace

            did_you_mean = text("case.did_you_mean", lang, suggestion=close[0])
            f = replace(f, fix=f"{did_you_mean} {f.fix or ''}".strip(), fixed_value=close[0])
        out.append(f)

    if case.provider not in PROVIDERS:
        unknown("provider", case.provider, PROVIDERS)
        return out
    pack = load_pack(case.provider)
    if case.region is not None and case.region not in pack.region_ids:
        unknown("region", case.region, pack.region_ids)
    for kind, attr in (("accounts", "account"), ("purposes", "purpose")):
        value = getattr(case, attr)
        if pack.choice(kind, value) is None:
            unknown(attr, value, [c.id for c in getattr(pack, kind)])
    if pack.signature_type(case.type) is None:
        unknown("type", case.type, [t.id for t in pack.signature_types])
    if case.sign_type is not None and pack.choice("sign_kinds", case.sign_type) is None:
        unknown("sign_type", case.sign_type, [k.id for k in pack.sign_kinds])
    for i, a in enumerate(case.attachments):
        if a.document not in pack.documents:
            unknown(f"attachments[{i}].document", a.document, list(pack.documents))
    return out


def effective_region(case: Case, pack: RulePack | None = None) -> str | None:
    pack = pack or load_pack(case.provider)
    return pack.region_or_default(case.region)


def effective_sign_type(case: Case, pack: RulePack | None = None) -> str | None:
    """The case's sign kind, or the provider's default one (None when it has none)."""
    pack = pack or load_pack(case.provider)
    if not pack.sign_kinds:
        return None
    if case.sign_type and pack.choice("sign_kinds", case.sign_type):
        return case.sign_type
    default = next((k for k in pack.sign_kinds if k.default), pack.sign_kinds[0])
    return default.id


def compose_remark(case: Case, lang: str | None = None) -> str:
    """The remark text sent to the provider: the filled remark fields, one per line, the
    description first."""
    pack = load_pack(case.provider) if case.provider in PROVIDERS else None
    lines = []
    description = case.remarks.description.strip()
    if description:
        lines.append(description)
    for f in fields(Remarks):
        value = case.remarks.get(f.name).strip()
        if not value or f.name == "description":
            continue
        remark = pack.remarks.get(f.name) if pack else None
        label = localized(remark.name, lang) if remark else f.name
        lines.append(f"{label}: {value}")
    return "\n".join(lines)
