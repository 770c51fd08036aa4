"""The review: every registered area's check run on a case, findings grouped by area.

An *area* (case, names, parties' identifiers, checklist, remarks, attachments, letter; later
qualification, templates, evidence …) is one module in :mod:`assistant.core.review.areas` that
calls :func:`register_area` with its check. :func:`check_case` runs the checks in their
``position`` order, which is also the order the review page shows them in: an area may look at
what the areas before it found (the letter, last, does not repeat them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from assistant.core.findings import Finding, Severity, has_errors, sort_findings
from assistant.core.i18n import normalize_language
from assistant.core.jobs import Cancelled, Progress
from assistant.core.model import Attachment, Case, effective_region
from assistant.core.rules import PROVIDERS, RulePack, load_pack


@dataclass(frozen=True)
class Area:
    id: str
    check: Callable[[ReviewContext], None]
    position: int  # where the review page shows it (smaller first)
    needs_provider: bool = True  # skipped when the case's provider is unknown


_AREAS: list[Area] = []


def register_area(
    area_id: str,
    check: Callable[[ReviewContext], None],
    *,
    position: int,
    needs_provider: bool = True,
) -> None:
    """Add an area to the review (once; a second registration of the same id replaces it)."""
    global _AREAS
    _AREAS = [a for a in _AREAS if a.id != area_id]
    _AREAS.append(Area(area_id, check, position, needs_provider))


def area_ids() -> tuple[str, ...]:
    """The ids of the registered areas, in the order the review page shows them."""
    _load_areas()
    return tuple(a.id for a in sorted(_AREAS, key=lambda a: a.position))


def _load_areas() -> None:
    import assistant.core.review.areas  # noqa: F401  (each module registers itself)


@dataclass
class CaseReview:
    """Every finding on a case, grouped by area (see :func:`area_ids`)."""

    areas: dict[str, list[Finding]] = field(default_factory=lambda: {a: [] for a in area_ids()})
    # Per attachment (same order as case.attachments): the attachment check's findings.
    attachment_findings: list[list[Finding]] = field(default_factory=list)
    # Per attachment: the attachments module's Inspection (None when not inspected), so the
    # export does not decode every file twice.
    inspections: list[Any] = field(default_factory=list)
    cancelled: bool = False

    def all(self) -> list[Finding]:
        return sort_findings(f for area in area_ids() for f in self.areas.get(area, []))

    def errors(self) -> list[Finding]:
        return [f for f in self.all() if f.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.cancelled and not has_errors(self.all())

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {a: [f.to_dict() for f in sort_findings(fs)] for a, fs in self.areas.items() if fs}


# Inspects attachment ``index`` (``attachment``, with the effective ``region``) in place of
# ``inspect_file``: the export's, which fixes right after inspecting, on the same decode.
Inspector = Callable[[int, Attachment, str | None], Any]


@dataclass
class ReviewContext:
    """What an area's check gets: the case, the language, the pack, where to put findings."""

    case: Case
    lang: str
    review: CaseReview
    progress: Progress | None = None
    cancel: Cancelled | None = None
    inspect_attachments: bool = True
    inspector: Inspector | None = None

    @cached_property
    def pack(self) -> RulePack:
        return load_pack(self.case.provider)

    @cached_property
    def region(self) -> str | None:
        return effective_region(self.case, self.pack)

    @cached_property
    def checklist(self) -> Any:
        from assistant.core.checklist import build_checklist

        c = self.case
        return build_checklist(c.provider, c.account, c.purpose, c.type, self.region, self.lang)

    def add(self, area: str, findings: Any) -> None:
        self.review.areas.setdefault(area, []).extend(findings)


def with_subject(f: Finding, subject: str, force: bool = False) -> Finding:
    """``f`` about ``subject`` (kept when it already names one, unless ``force``)."""
    return f if f.subject and not force else replace(f, subject=subject)


def check_case(
    case: Case,
    lang: str | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
    inspect_attachments: bool = True,
    inspector: Inspector | None = None,
) -> CaseReview:
    """Run every registered area's check on ``case``; findings grouped by area. Never raises on
    bad input.

    ``progress(done, total, what)`` is called as attachments are inspected (the slow part);
    when ``cancel()`` returns true the review stops and ``cancelled`` is set. ``inspector``
    inspects each attachment instead of ``inspect_file`` (see :data:`Inspector`).
    """
    _load_areas()
    lang = normalize_language(lang or case.language)
    review = CaseReview()
    ctx = ReviewContext(case, lang, review, progress, cancel, inspect_attachments, inspector)
    for area in sorted(_AREAS, key=lambda a: a.position):
        if area.needs_provider and case.provider not in PROVIDERS:
            continue
        area.check(ctx)
        if review.cancelled:
            break
    return review
