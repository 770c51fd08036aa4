"""The wizard's page flow: which page comes after which, as a pure function of the case.

The GUI (``assistant/gui``) asks :func:`next_page` in ``QWizard.nextId()``; the rules of the flow
live here so they can be tested without Qt. ``state`` is anything with the case's ``purpose`` and
``account`` attributes (the case model, or a plain namespace in tests).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Protocol


class PageId(IntEnum):
    START = 0
    PROVIDER = 1
    SIGNATURE_TYPE = 2
    NAMES = 3
    PARTIES = 4
    DOCUMENTS = 5
    LETTER = 6
    REVIEW = 7
    EXPORT = 8
    TEMPLATES = 9
    QUALIFICATION = 10


END = -1  # what QWizard.nextId() returns on the last page

# The order of the pages (the ids are only names: a new page gets the next free id and its place
# here). For others the letter comes before the documents: the signed scan it produces is one of
# them, checked on the Documents step like every other file.
_ORDER: tuple[PageId, ...] = (
    PageId.START,
    PageId.PROVIDER,
    PageId.SIGNATURE_TYPE,
    PageId.NAMES,
    PageId.TEMPLATES,
    PageId.PARTIES,
    PageId.QUALIFICATION,
    PageId.LETTER,
    PageId.DOCUMENTS,
    PageId.REVIEW,
    PageId.EXPORT,
)


class CaseLike(Protocol):
    @property
    def purpose(self) -> str | None: ...


def needs_letter(state: CaseLike) -> bool:
    """An authorization letter is part of the application only when applying for others."""
    return getattr(state, "purpose", None) == "others"


def needs_qualification(state: CaseLike) -> bool:
    """The provider asks for a qualification in the case's region (#11; its rule pack's
    ``[qualification]``): Tencent, Alibaba and Huawei for the Chinese mainland."""
    provider = getattr(state, "provider", None)
    if provider is None:  # no case yet (the start page): no rule pack to read before it shows
        return False
    from assistant.core.rules import PROVIDERS

    if provider not in PROVIDERS:
        return False
    from assistant.core.qualification.rules import qualification_rules
    from assistant.core.rules import load_pack

    rules = qualification_rules(provider)
    region = getattr(state, "region", None) or load_pack(provider).default_region
    return rules is not None and rules.applies(region)


def pages(state: CaseLike) -> tuple[PageId, ...]:
    """Every page the case goes through, in order."""
    return tuple(
        p
        for p in _ORDER
        if (p is not PageId.LETTER or needs_letter(state))
        and (p is not PageId.QUALIFICATION or needs_qualification(state))
    )


def next_page(current: int, state: CaseLike) -> int:
    """The page after ``current`` for this case, or :data:`END` after the last one."""
    order = pages(state)
    try:
        page = PageId(current)
    except ValueError:
        return END
    if page not in order:  # e.g. on the letter page after switching to self-use: carry on
        later = [p for p in order if position(p) > position(page)]
        return int(later[0]) if later else END
    i = order.index(page)
    return int(order[i + 1]) if i + 1 < len(order) else END


def position(page: int) -> int:
    """Where ``page`` stands in the order of all pages (pages not in the flow come last)."""
    try:
        return _ORDER.index(PageId(page))
    except ValueError:
        return len(_ORDER)


def previous_pages(target: int, state: CaseLike) -> Sequence[PageId]:
    """The pages before ``target`` in this case's flow (the ones a jump to ``target`` passes)."""
    order = pages(state)
    return tuple(p for p in order if position(p) < position(target))


# Which page lets the user fix a finding about a subject. Subjects are the case's field paths
# ("signature_names[0]", "remarks.domain", "owner.credit_code" …) or a document id.
_SUBJECT_PAGES: tuple[tuple[str, PageId], ...] = (
    ("provider", PageId.PROVIDER),
    ("region", PageId.PROVIDER),
    ("account", PageId.PROVIDER),
    ("purpose", PageId.PROVIDER),
    ("type", PageId.SIGNATURE_TYPE),
    ("sign_type", PageId.SIGNATURE_TYPE),
    ("signature_name", PageId.NAMES),
    ("signature_names", PageId.NAMES),
    ("names", PageId.NAMES),
    ("name", PageId.NAMES),
    ("remarks", PageId.NAMES),
    ("remark", PageId.NAMES),
    ("templates", PageId.TEMPLATES),
    ("template", PageId.TEMPLATES),
    ("applicant", PageId.PARTIES),
    ("owner", PageId.PARTIES),
    ("industry", PageId.PARTIES),
    ("qualification", PageId.QUALIFICATION),
    ("legal_rep_id_portrait", PageId.QUALIFICATION),
    ("legal_rep_id_emblem", PageId.QUALIFICATION),
    ("handler_id_portrait", PageId.QUALIFICATION),
    ("handler_id_emblem", PageId.QUALIFICATION),
    ("handler_holding_id", PageId.QUALIFICATION),
    ("commitment_letter", PageId.QUALIFICATION),
    ("letter", PageId.LETTER),
    ("authorization_letter", PageId.LETTER),
    ("attachments", PageId.DOCUMENTS),
    ("attachment", PageId.DOCUMENTS),
    ("document", PageId.DOCUMENTS),
    ("file", PageId.DOCUMENTS),
)


def page_for_subject(subject: str | None, state: CaseLike | None = None) -> PageId:
    """The page where a finding about ``subject`` is fixed (the documents page by default).

    A finding about the letter goes to the letter page only when the case has one.
    """
    if not subject:
        return PageId.REVIEW
    head = subject.split(".", 1)[0].split("[", 1)[0].split(":", 1)[0].strip().lower()
    for prefix, page in _SUBJECT_PAGES:
        if head == prefix:
            if page is PageId.LETTER and state is not None and not needs_letter(state):
                return PageId.PARTIES
            return page
    return PageId.DOCUMENTS


# The review's areas (``assistant.core.review.area_ids()``) and the page that fixes their findings.
_AREA_PAGES: dict[str, PageId] = {
    "case": PageId.PROVIDER,
    "checklist": PageId.SIGNATURE_TYPE,
    "names": PageId.NAMES,
    "remarks": PageId.NAMES,
    "templates": PageId.TEMPLATES,
    "identifiers": PageId.PARTIES,
    "owner": PageId.PARTIES,
    "qualification": PageId.QUALIFICATION,
    "attachments": PageId.DOCUMENTS,
    "evidence": PageId.DOCUMENTS,
    "letter": PageId.LETTER,
}


def page_for_area(area: str, state: CaseLike | None = None) -> PageId:
    """The page where findings of a review area are fixed."""
    page = _AREA_PAGES.get(area, PageId.REVIEW)
    if page is PageId.LETTER and state is not None and not needs_letter(state):
        return PageId.PARTIES
    return page
