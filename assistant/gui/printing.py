"""The printable checklist of the current case, from ``assistant.render.checklist_pdf``.

The GUI never lays the checklist out itself: the renderer builds the QTextDocument and paints it
on the printer (or writes the PDF), exactly as the CLI and the bundle do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.core.findings import Finding
    from assistant.core.model import Case


def _checklist_and_review(case: Case, lang: str) -> tuple[Any, Any]:
    from assistant.core.checklist import build_checklist
    from assistant.core.model import effective_region
    from assistant.core.review import check_case

    checklist = build_checklist(
        case.provider, case.account, case.purpose, case.type, effective_region(case), lang
    )
    # the files' own problems are shown on the Documents step; printing stays instant
    review = check_case(case, lang, inspect_attachments=False)
    return checklist, review


def checklist_document(case: Case, lang: str) -> Any:
    """The checklist with the case's status as a QTextDocument."""
    from assistant.render.checklist_pdf import build_checklist_document

    checklist, review = _checklist_and_review(case, lang)
    return build_checklist_document(checklist, case, lang=lang, review=review)


def painter_for(case: Case, lang: str) -> Any:
    """A ``paint(printer)`` callable for the print and preview dialogs."""
    from assistant.render.checklist_pdf import paint_document

    doc = checklist_document(case, lang)

    def paint(printer: Any) -> None:
        paint_document(doc, printer)

    return paint


def write_checklist_pdf(case: Case, lang: str, path: Path) -> list[Finding]:
    from assistant.render.checklist_pdf import write_checklist_pdf as write

    checklist, review = _checklist_and_review(case, lang)
    return write(checklist, path, case, lang=lang, review=review)
