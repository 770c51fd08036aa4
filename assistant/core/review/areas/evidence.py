"""Area ``evidence``: what the attached certificates and signed letters say, compared with the
case (issue #13, :mod:`assistant.core.evidence`).

Reading takes seconds per file (OCR), needs the optional ``ocr`` extra, and its findings quote
values read off the user's files, which a bundle must not carry unless the user took them into
the case. So the area runs only when a door asked for it (:func:`enable`: the wizard's review
and Documents pages) and the attachments are inspected; each file is read once (the evidence
cache: path, size, mtime, case).
"""

from __future__ import annotations

import threading
from pathlib import Path

from assistant.core.review.registry import ReviewContext, register_area, with_subject

_enabled = threading.Event()


def enable(on: bool = True) -> None:
    """Let the review read the documents (off by default: ``export`` and batch stay fast and
    never quote values read off the files)."""
    if on:
        _enabled.set()
    else:
        _enabled.clear()


def _check(ctx: ReviewContext) -> None:
    from assistant.core.evidence import check_document, ocr_available

    if not (_enabled.is_set() and ctx.inspect_attachments and ocr_available()):
        return
    cancel = ctx.cancel or (lambda: False)
    for a in ctx.case.attachments:
        if cancel():
            ctx.review.cancelled = True
            return
        doc = ctx.pack.documents.get(a.document)
        if doc is None or doc.kind not in ("certificate", "letter") or not Path(a.path).is_file():
            continue
        ev = check_document(
            a.path, ctx.case.provider, a.document, ctx.case, ctx.lang, cancelled=cancel
        )
        if ev.cancelled:
            ctx.review.cancelled = True
            return
        ctx.add("evidence", (with_subject(f, a.document) for f in ev.findings))


register_area("evidence", _check, position=65)
