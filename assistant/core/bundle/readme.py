"""``README.txt``: in the case's language, what to upload where and what is still missing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from assistant import __version__
from assistant.core.bundle.files import BundleFile
from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import localized, text
from assistant.core.model import Case, compose_remark
from assistant.core.model.qualification import QUALIFICATION_DOCUMENTS
from assistant.core.providers import TO_FILL, get_provider, payload_input
from assistant.core.qualification.privacy import redact
from assistant.core.rules import RulePack

LETTER_FILE = "letter/authorization-letter.docx"
CHECKLIST_FILE = "checklist.pdf"


def _finding_lines(findings: Sequence[Finding], severity: Severity, mark: str) -> list[str]:
    lines = []
    for f in sort_findings(findings):
        if f.severity is severity:
            fix = f" → {f.fix}" if f.fix else ""
            lines.append(f"  {mark} {f.message}{fix}")
    return lines


def _steps(
    case: Case, pack: RulePack, files: Sequence[BundleFile], lang: str, names: list[str]
) -> list[str]:
    """The numbered steps: console, names, uploads, remarks, letter, console-only, checklist."""

    def t(key: str, **params: Any) -> str:
        return text(f"bundle.readme.{key}", lang, **params)

    steps = [t("step_console", console=localized(pack.console, lang))]
    steps.append(t("step_names", names=" / ".join(names)))
    attachments = [
        f for f in files if f.role == "attachment" and f.document not in QUALIFICATION_DOCUMENTS
    ]
    if attachments:
        upload = [t("step_upload")]
        for f in attachments:
            doc = pack.documents.get(f.document or "")
            doc_name = localized(doc.name, lang) if doc else (f.document or "")
            upload.append(f"     {f.name}  →  {doc_name}")
        steps.append("\n".join(upload))
    remark = compose_remark(case, lang)
    if remark:
        steps.append("\n".join([t("step_remarks"), *(f"     {r}" for r in remark.splitlines())]))
    if case.purpose == "others":
        steps.append(t("step_letter", file=LETTER_FILE))
    if case.templates:  # the SMS templates to apply for (#12)
        from assistant.core.model import effective_region
        from assistant.core.templates.case import readme_lines

        steps.append("\n".join(readme_lines(case, effective_region(case, pack), lang)))
    provider = get_provider(pack.provider)
    steps.extend(provider.console_steps(payload_input(case, attachments, pack), lang))
    steps.append(t("step_checklist", file=CHECKLIST_FILE))
    return [f"{n}. {step}" for n, step in enumerate(steps, 1)]


def _qualification(case: Case, files: Sequence[BundleFile], lang: str) -> list[str]:
    """The qualification, first (#11): what to type and upload where, what happens after."""
    from assistant.core.bundle.qualification import step_texts
    from assistant.core.qualification.output import numbered

    items = step_texts(case, files, lang)
    if not items:
        return []
    heading = text("qualification.steps.heading", lang)
    lines = ["", heading, "", *numbered(items)]
    return [redact(line, case.qualification.id_numbers()) for line in lines]


def build_readme(
    case: Case,
    pack: RulePack,
    files: Sequence[BundleFile],
    to_fill: Sequence[dict[str, str]],
    findings: Sequence[Finding],
    lang: str,
    when: dt.date,
    incomplete: bool,
) -> str:
    def t(key: str, **params: Any) -> str:
        return text(f"bundle.readme.{key}", lang, **params)

    provider = localized(pack.name, lang)
    names = [n for n in case.signature_names if n.strip()]
    sig_type = pack.signature_type(case.type)
    title = t("title", provider=provider)
    lines = [title, "=" * min(72, max(len(title), 20)), ""]
    if incomplete:
        lines += [t("incomplete"), "", *_finding_lines(findings, Severity.ERROR, "✗"), ""]
    lines += [
        t("prepared", date=when.isoformat(), version=__version__, pack=pack.version),
        "",
        t("summary_names", names="、".join(names) if lang == "zh" else ", ".join(names)),
        t("summary_type", type=localized(sig_type.name, lang) if sig_type else case.type),
    ]
    if case.client:
        lines.append(t("summary_client", client=case.client))
    lines += _qualification(case, files, lang)
    lines += ["", t("steps"), "", *_steps(case, pack, files, lang, names)]
    warnings = _finding_lines(findings, Severity.WARNING, "!")
    if warnings:
        lines += ["", t("warnings"), *warnings]
    lines += ["", t("api"), *(f"  {f.name}" for f in files if f.role == "api")]
    if to_fill:
        lines += ["", t("to_fill", marker=TO_FILL)]
        lines += [f"  {item['file']}  {item['field']}: {item['what']}" for item in to_fill]
    lines += ["", t("manifest")]
    return "\n".join(lines).rstrip() + "\n"
