"""The checklist's qualification section (issue #11): the qualification the provider asks for
before any signature, step by step with a tick box each — where the form is, what to type (ID
numbers masked), which file goes where, the commitment letter, the review — and what happens after
approval: the carriers' filing carrier by carrier, its working days, the six-month lapse.

Empty when the case's provider and region ask for no qualification.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from assistant.core.i18n import text
from assistant.core.model import Case
from assistant.core.qualification import QualificationFile, redact, steps


def qualification_section_html(
    case: Case | None,
    lang: str,
    *,
    ink: str,
    muted: str,
    box: str,
    attachment_labels: Sequence[str] | None = None,
) -> str:
    """The section's HTML (a heading, one row per step), or ""."""
    if case is None:
        return ""
    labels = list(attachment_labels or [])
    files = [
        QualificationFile(a.document, labels[i] if i < len(labels) and labels[i] else a.document)
        for i, a in enumerate(case.attachments)
    ]
    items = steps(case, lang, files)
    if not items:
        return ""
    secrets = case.qualification.id_numbers()

    def e(value: str) -> str:
        return html.escape(redact(value, secrets), quote=True)

    parts = [
        f"<h2 style='font-size:12.5pt; color:{ink}; margin-top:14px'>"
        f"{e(text('qualification.steps.heading', lang))}</h2>",
        "<table width='100%' cellspacing='0' cellpadding='3'>",
    ]
    for item in items:
        first, *rest = item.split("\n")
        more = "".join(
            f"<br/><span style='color:{muted}; font-size:8.5pt'>{e(line.strip())}</span>"
            for line in rest
        )
        parts.append(
            f"<tr><td width='22' valign='top'>{box}</td>"
            f"<td valign='top' style='color:{ink}'>{e(first)}{more}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)
