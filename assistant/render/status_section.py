"""The checklist's status section: where each signature of the case stands after submission.

Empty for a case that was never exported nor submitted (so a fresh checklist is unchanged).
"""

from __future__ import annotations

import datetime as dt
import html

from assistant.core.i18n import text
from assistant.core.model import Case
from assistant.core.status.lifecycle import status_findings, status_lines

_COLOURS = {"warning": "#b35c00", "error": "#c0262d", "info": "#52606d"}


def has_status(case: Case) -> bool:
    return case.status.exported_on is not None or any(
        s.state != "draft" for s in case.status.signatures
    )


def status_section_html(case: Case, lang: str, today: dt.date, *, ink: str, muted: str) -> str:
    """The section's HTML (a heading, one row per signature, the status warnings), or ""."""
    if not has_status(case):
        return ""

    def e(value: object) -> str:
        return html.escape(str(value), quote=True)

    parts = [
        f"<h2 style='font-size:12.5pt; color:{ink}; margin-top:14px'>"
        f"{e(text('status.section.title', lang))}"
        f"<span style='font-size:9pt; color:{muted}; font-weight:normal'> · "
        f"{e(text('status.section.as_of', lang, date=today.isoformat()))}</span></h2>",
        "<table cellspacing='0' cellpadding='3'>",
    ]
    for line in status_lines(case, today, lang):
        parts.append(
            f"<tr><td style='color:{ink}; font-weight:bold' width='230'>{e(line.name)}</td>"
            f"<td style='color:{ink}'><b>{e(line.label)}</b>"
            + (
                f"<br/><span style='color:{muted}; font-size:8.5pt'>{e(line.detail)}</span>"
                if line.detail
                else ""
            )
            + "</td></tr>"
        )
    parts.append("</table>")
    for f in status_findings(case, today, lang):
        colour = _COLOURS[f.severity.value]
        parts.append(f"<p style='color:{colour}; margin:2px 0'>! {e(f.message)}")
        if f.fix:
            parts.append(f"<br/><i>→ {e(f.fix)}</i>")
        parts.append("</p>")
    return "".join(parts)
