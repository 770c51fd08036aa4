"""Area ``attachments``: files present and unchanged, every required document attached, each
file inspected (in the background, several at once, results in attachment order)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import localized, text
from assistant.core.jobs import CallbackFlag, run_in_order
from assistant.core.model import Attachment, check_attachment_files
from assistant.core.model.fileformat import finding
from assistant.core.review.registry import ReviewContext, register_area, with_subject


def _check(ctx: ReviewContext) -> None:
    case, lang = ctx.case, ctx.lang
    ctx.add("attachments", check_attachment_files(case, lang))
    attached = {a.document for a in case.attachments}
    for group in ctx.checklist.groups():
        if not group[0].required or attached.intersection(e.document.id for e in group):
            continue
        ctx.add(
            "attachments",
            [
                finding(
                    Severity.ERROR,
                    "case.document_missing",
                    lang,
                    group[0].document.id,
                    document=" / ".join(localized(e.document.name, lang) for e in group),
                )
            ],
        )
    review = ctx.review
    review.attachment_findings = [[] for _ in case.attachments]
    review.inspections = [None for _ in case.attachments]
    if ctx.inspect_attachments:
        _inspect_all(ctx)


def _inspect_all(ctx: ReviewContext) -> None:
    case, review = ctx.case, ctx.review
    total = len(case.attachments)

    def inspect(item: tuple[int, Attachment]) -> tuple[Any, list[Finding]]:
        i, a = item
        if not Path(a.path).is_file():
            return None, []
        return _inspect(i, a, ctx)

    def report(done: int, what: str) -> None:
        if ctx.progress is not None:
            ctx.progress(done, total, what)

    # several files at once (Pillow decodes without the GIL); results in attachment order
    results = run_in_order(
        list(enumerate(case.attachments)),
        inspect,
        progress=report,
        label=lambda item: item[1].path,
        cancel=ctx.cancel,
    )
    if results is None or any(
        inspection is not None and getattr(inspection, "cancelled", False)
        for inspection, _ in results
    ):
        review.cancelled = True
        return
    for i, (inspection, found) in enumerate(results):
        review.inspections[i] = inspection
        review.attachment_findings[i] = found
        ctx.add("attachments", found)


def verdict(findings: Iterable[Finding], document: str, lang: str) -> list[Finding]:
    """The one verdict on an attached file's inspection findings, said the same way on every
    page of the wizard, by the CLI, on the checklist and in the bundle's README: a problem the
    export fixes by itself (too large, wrong format, rotated, location in the metadata …) is a
    notice, "Fixed in the bundle: …", that blocks nothing; every other finding stays as found."""
    from assistant.core.attachments import FIXABLE_CODES

    out = []
    for f in findings:
        if f.code in FIXABLE_CODES and f.severity is not Severity.INFO:
            f = replace(
                f,
                severity=Severity.INFO,
                message=text("case.fixed_in_bundle_notice", lang, problem=f.message),
                fix=text("case.fixed_in_bundle", lang),
            )
        out.append(with_subject(f, document))
    return out


def _inspect(i: int, a: Attachment, ctx: ReviewContext) -> tuple[Any, list[Finding]]:
    """Inspect attached file ``i`` (with the context's inspector when it has one); its findings
    as :func:`verdict` says them."""
    from assistant.core.attachments import inspect_file

    if ctx.inspector is not None:
        inspection = ctx.inspector(i, a, ctx.region)
    else:
        inspection = inspect_file(
            a.path,
            ctx.case.provider,
            a.document,
            ctx.region,
            ctx.lang,
            cancel=CallbackFlag(ctx.cancel),
        )
    return inspection, verdict(inspection.findings, a.document, ctx.lang)


register_area("attachments", _check, position=60)
