"""Area ``checklist``: forbidden or withdrawn combinations of provider, account, purpose, type."""

from __future__ import annotations

from assistant.core.review.registry import ReviewContext, register_area


def _check(ctx: ReviewContext) -> None:
    # unknown ids are already in the "case" area
    ctx.add("checklist", (f for f in ctx.checklist.findings if f.code != "checklist.unknown"))


register_area("checklist", _check, position=20)
