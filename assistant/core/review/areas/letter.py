"""Area ``letter``: the authorization letter of a "for others" case (names are checked in the
``names`` area; what an earlier area already said is not repeated)."""

from __future__ import annotations

from assistant.core.review.registry import ReviewContext, register_area


def _check(ctx: ReviewContext) -> None:
    from assistant.core.letter import check_letter

    if ctx.case.purpose != "others":
        return
    seen = {(f.code, f.subject) for fs in ctx.review.areas.values() for f in fs}
    found = check_letter(ctx.case, ctx.lang, names=False)
    ctx.add("letter", (f for f in found if (f.code, f.subject) not in seen))


register_area("letter", _check, position=70)
