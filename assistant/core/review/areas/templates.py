"""Area ``templates``: every SMS template of the case against the provider's template rules,
with its signature, account and purpose; the case-level checks (tied signatures, scene, names,
counts). Nothing when the case has no templates (they are optional for the signature)."""

from __future__ import annotations

from assistant.core.review.registry import ReviewContext, register_area


def _check(ctx: ReviewContext) -> None:
    if not ctx.case.templates:
        return
    from assistant.core.templates.case import AREA, check_case_templates

    ctx.add(AREA, check_case_templates(ctx.case, ctx.region, ctx.lang))


# after the names (a template goes out with one of them), before the parties
register_area("templates", _check, position=33)
