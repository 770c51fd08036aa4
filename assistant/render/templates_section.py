"""The checklist's SMS templates section: each template of the case with its kind, the signature
it goes out with, its longest length and number of SMS, and a tick box (issue #12).

Empty for a case without templates (so a checklist without them is unchanged).
"""

from __future__ import annotations

import html

from assistant.core.i18n import localized, text
from assistant.core.model import Case, effective_region
from assistant.core.templates import preview, template_rules
from assistant.core.templates.case import signature, specs, template_name


def templates_section_html(case: Case | None, lang: str, *, ink: str, muted: str, box: str) -> str:
    """The section's HTML (a heading, one row per template), or "" without templates."""
    if case is None or not case.templates:
        return ""

    def e(value: object) -> str:
        return html.escape(str(value), quote=True)

    kinds = template_rules(case.provider).kinds
    region = effective_region(case)
    parts = [
        f"<h2 style='font-size:12.5pt; color:{ink}; margin-top:14px'>"
        f"{e(text('template.checklist.title', lang))}</h2>",
        "<table width='100%' cellspacing='0' cellpadding='4'>",
    ]
    for i, t in enumerate(case.templates, 1):
        kind = kinds.get(t.kind)
        sig = signature(t, case)
        p = preview(t.text, case.provider, t.kind, signature=sig, variables=specs(t), region=region)
        detail = text(
            "template.checklist.detail",
            lang,
            kind=localized(kind.name, lang) if kind else t.kind,
            signature=sig or "—",
            length=p.length,
            parts=p.segments,
        )
        parts.append(
            f"<tr><td width='22' valign='top'>{box}</td><td valign='top'>"
            f"<b style='color:{ink}'>{e(template_name(t, i, lang))}</b>"
            f"<span style='color:{muted}; font-size:8.5pt'> · {e(detail)}</span>"
            f"<br/>{e(t.text)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)
