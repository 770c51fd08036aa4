"""The review of a case: registered areas (:mod:`.areas`) run by :func:`check_case`."""

from assistant.core.review.registry import (
    CaseReview,
    ReviewContext,
    area_ids,
    check_case,
    register_area,
    with_subject,
)

__all__ = ["CaseReview", "ReviewContext", "area_ids", "check_case", "register_area", "with_subject"]
