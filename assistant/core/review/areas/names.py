"""Area ``names``: at least one signature name, no duplicates, each name checked, not too many."""

from __future__ import annotations

from assistant.core.findings import Severity
from assistant.core.model.fileformat import finding
from assistant.core.review.registry import ReviewContext, register_area, with_subject


def _check(ctx: ReviewContext) -> None:
    from assistant.core.names import check_name

    case, lang = ctx.case, ctx.lang
    names = [n for n in case.signature_names if n.strip()]
    if not names:
        ctx.add(
            "names", [finding(Severity.ERROR, "case.no_signature_name", lang, "signature_names")]
        )
    seen: set[str] = set()
    for name in names:
        key = name.strip()
        if key in seen:
            ctx.add(
                "names", [finding(Severity.WARNING, "case.duplicate_name", lang, name, name=key)]
            )
            continue
        seen.add(key)
        found = check_name(name, case.provider, ctx.region, lang)
        ctx.add("names", (with_subject(f, name, force=True) for f in found))
    max_names = ctx.pack.rule("limits.max_signatures", ctx.region)
    if max_names is not None and len(seen) > int(max_names.value):
        ctx.add(
            "names",
            [
                finding(
                    Severity.ERROR,
                    "case.too_many_names",
                    lang,
                    "signature_names",
                    count=len(seen),
                    max=int(max_names.value),
                )
            ],
        )


register_area("names", _check, position=30)
