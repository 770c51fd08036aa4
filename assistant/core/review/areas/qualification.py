"""Area ``qualification``: the SMS qualification the provider asks for before any signature —
every field and document it requires, each value checked (ID numbers, mobile, validities,
names), the owner here equal to the signature's owner and to the letter's authorizer, and the
commitment letter (issue #11, :mod:`assistant.core.qualification`). Nothing when the provider and
region ask for no qualification; a warning while the section is not prepared; with an approved
qualification id, only that id's format. ID photos are inspected by the ``attachments`` area like
every other file."""

from __future__ import annotations

from assistant.core.review.registry import ReviewContext, register_area


def _check(ctx: ReviewContext) -> None:
    from assistant.core.qualification import AREA, check_qualification

    ctx.add(AREA, check_qualification(ctx.case, ctx.lang))


# after the parties (its owner is theirs), before the attachments (its photos are theirs)
register_area("qualification", _check, position=45)
