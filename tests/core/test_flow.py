"""The wizard's page flow (pure, no Qt)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.core.flow import (
    END,
    PageId,
    next_page,
    page_for_area,
    page_for_subject,
    pages,
    previous_pages,
)


def case(purpose: str | None = "self", account: str | None = "enterprise") -> SimpleNamespace:
    return SimpleNamespace(purpose=purpose, account=account)


def walk(state: SimpleNamespace) -> list[int]:
    seen = [int(PageId.START)]
    while (nxt := next_page(seen[-1], state)) != END:
        seen.append(nxt)
        assert len(seen) < 20
    return seen


def test_self_use_skips_the_letter() -> None:
    assert walk(case("self")) == [
        PageId.START,
        PageId.PROVIDER,
        PageId.SIGNATURE_TYPE,
        PageId.NAMES,
        PageId.TEMPLATES,
        PageId.PARTIES,
        PageId.DOCUMENTS,
        PageId.REVIEW,
        PageId.EXPORT,
    ]


def test_for_others_the_letter_comes_before_the_documents() -> None:
    # the signed scan of the letter is one of the documents: it cannot be "missing" on a page
    # shown before the letter exists (#16)
    flow = walk(case("others"))
    assert flow.index(PageId.LETTER) == flow.index(PageId.PARTIES) + 1
    assert flow.index(PageId.DOCUMENTS) == flow.index(PageId.LETTER) + 1
    assert flow[-1] == PageId.EXPORT


@pytest.mark.parametrize("account", ["enterprise", "individual", None])
def test_account_does_not_change_the_pages(account: str | None) -> None:
    assert walk(case("self", account)) == list(pages(case("self")))


def test_undecided_purpose_has_no_letter() -> None:
    assert PageId.LETTER not in pages(case(None))


def test_last_page_and_unknown_page_end() -> None:
    assert next_page(PageId.EXPORT, case()) == END
    assert next_page(99, case()) == END


def test_on_letter_page_after_switching_to_self_use_carries_on() -> None:
    assert next_page(PageId.LETTER, case("self")) == PageId.DOCUMENTS


def test_previous_pages() -> None:
    assert previous_pages(PageId.NAMES, case()) == (
        PageId.START,
        PageId.PROVIDER,
        PageId.SIGNATURE_TYPE,
    )
    assert PageId.LETTER in previous_pages(PageId.DOCUMENTS, case("others"))
    assert PageId.DOCUMENTS not in previous_pages(PageId.LETTER, case("others"))


@pytest.mark.parametrize(
    ("subject", "page"),
    [
        ("signature_names[1]", PageId.NAMES),
        ("remarks.domain", PageId.NAMES),
        ("owner.credit_code", PageId.PARTIES),
        ("applicant.name", PageId.PARTIES),
        ("letter.valid_until", PageId.LETTER),
        ("business_license", PageId.DOCUMENTS),
        ("type", PageId.SIGNATURE_TYPE),
        ("account", PageId.PROVIDER),
        (None, PageId.REVIEW),
    ],
)
def test_page_for_subject(subject: str | None, page: PageId) -> None:
    assert page_for_subject(subject, case("others")) == page


def test_letter_findings_without_a_letter_page_go_to_parties() -> None:
    assert page_for_subject("letter.valid_until", case("self")) == PageId.PARTIES


def test_every_review_area_has_a_page() -> None:
    from assistant.core.review import area_ids

    for area in area_ids():
        assert page_for_area(area, case("others")) != PageId.REVIEW
    assert page_for_area("letter", case("others")) == PageId.LETTER
    assert page_for_area("letter", case("self")) == PageId.PARTIES
    assert page_for_area("attachments") == PageId.DOCUMENTS
