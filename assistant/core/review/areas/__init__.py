"""The review's areas. Each module registers its check, with its position, when imported (the
position orders both the run and the review page). A new area: one module here and one line
below."""

from assistant.core.review.areas import (  # noqa: F401
    attachments,
    case_ids,
    checklist,
    evidence,
    identifiers,
    letter,
    names,
    owner,
    qualification,
    remarks,
    templates,
)
