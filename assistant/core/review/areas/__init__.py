"""The review's areas. Each module registers its check when imported; this list is the order
in which they run (a later area may look at what earlier ones found). A new area: one module
here and one line below."""

from assistant.core.review.areas import (  # noqa: F401
    attachments,
    case_ids,
    checklist,
    evidence,
    identifiers,
    letter,
    names,
    owner,
    remarks,
    templates,
)
