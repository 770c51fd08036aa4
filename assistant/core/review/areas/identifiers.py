"""Area ``identifiers``: the parties' unified social credit codes."""

from __future__ import annotations

from assistant.core.review.registry import ReviewContext, register_area


def _check(ctx: ReviewContext) -> None:
    from assistant.core.identifiers import check_credit_code

    for who, party in (("applicant", ctx.case.applicant), ("owner", ctx.case.owner)):
        code = party.credit_code.strip()
        if code:
            ctx.add("identifiers", check_credit_code(code, ctx.lang, f"{who}.credit_code"))


register_area("identifiers", _check, position=40)
