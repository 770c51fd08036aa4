"""Area ``remarks``: the required remark fields filled in, each filled one checked, the whole
remark within the provider's length."""

from __future__ import annotations

from dataclasses import fields

from assistant.core.findings import Severity
from assistant.core.i18n import localized
from assistant.core.model import Remarks, compose_remark
from assistant.core.model.fileformat import finding
from assistant.core.review.registry import ReviewContext, register_area


def _check(ctx: ReviewContext) -> None:
    from assistant.core.checklist import check_remark

    case, lang, pack = ctx.case, ctx.lang, ctx.pack
    found = []
    for remark in ctx.checklist.remarks:
        if not case.remarks.get(remark.id).strip():
            found.append(
                finding(
                    Severity.ERROR,
                    "case.remark_missing",
                    lang,
                    f"remarks.{remark.id}",
                    field=localized(remark.name, lang),
                )
            )
    for f in fields(Remarks):
        value = case.remarks.get(f.name).strip()
        if value:
            found.extend(check_remark(pack, f.name, value, lang, ctx.region))
    limit = pack.rule("limits.remark_max_chars", ctx.region)
    remark_text = compose_remark(case, lang)
    if (
        limit is not None
        and len(remark_text) > int(limit.value)
        and not any(f.code == "checklist.remark_too_long" for f in found)
    ):
        found.append(
            finding(
                Severity.ERROR,
                "case.remark_too_long",
                lang,
                "remarks",
                length=len(remark_text),
                limit=int(limit.value),
            )
        )
    ctx.add("remarks", found)


register_area("remarks", _check, position=50)
