"""Area ``case``: every id of the case known to its provider's rule pack."""

from __future__ import annotations

from assistant.core.model import check_ids
from assistant.core.review.registry import ReviewContext, register_area


def _check(ctx: ReviewContext) -> None:
    ctx.add("case", check_ids(ctx.case, ctx.lang))


register_area("case", _check, position=10, needs_provider=False)
