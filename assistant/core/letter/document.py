"""Fill one letter document, whatever letter it is: :func:`fill_document`.

The authorization letter (:mod:`.fill`) and the commitment letter (:mod:`.commitment`) each say
what their letter needs in a :class:`LetterSpec` — the values of the placeholders, the fields a
user's template must show, their subjects, the notes of a written letter — and share the rest:
the bundled templates and a user's own, opening under limits, the QR code, placeholders, labelled
cells, the findings about the template, the reproducible atomic write.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.document import Document as DocumentObject

from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import text
from assistant.core.letter.checks import field_label
from assistant.core.letter.engine import FillReport, Value, fill_labels, fill_placeholders
from assistant.core.letter.model import LETTER_LANGUAGES, _f
from assistant.core.letter.package import LIMITS, UnsafeTemplate
from assistant.core.letter.placeholders import BY_NAME
from assistant.core.letter.qr import place_qr
from assistant.core.letter.template import open_template, unsafe, write_document
from assistant.resources import resource_path

# Unknown placeholders reported one by one; past these, one finding counts the rest.
MAX_UNKNOWN_LISTED = 20
# The bundled template of each letter kind: resources/templates/<stem>.<language>.docx
TEMPLATE_STEMS = {"auth": "authorization-letter", "commit": "commitment-letter"}
# Fields made of others: placed when one (signatures) or all (validity dates) of these are.
_ANY_OF = {"signatures": {"signature_name", "signature_names"}}


def template_path(language: str, kind: str = "auth") -> Path:
    """The bundled template of a letter kind (``auth``, ``commit``) and language (``zh``, ``en``)."""
    return resource_path("templates", f"{TEMPLATE_STEMS[kind]}.{language}.docx")


def bundled_ids(kind: str) -> dict[str, str]:
    """Ids a case file may name instead of a path: ``zh``, ``en`` and the file stems."""
    ids = {lang: lang for lang in LETTER_LANGUAGES}
    ids.update({f"{TEMPLATE_STEMS[kind]}.{lang}": lang for lang in LETTER_LANGUAGES})
    return ids


def resolve_template(
    template: str | os.PathLike[str] | None, language: str, kind: str = "auth"
) -> tuple[Path, bool]:
    """The template file to fill and whether it is one of ours (``template`` empty, a bundled id
    or a path)."""
    value = os.fspath(template).strip() if template else ""
    if not value:
        return template_path(language, kind), True
    ids = bundled_ids(kind)
    if value in ids:
        return template_path(ids[value], kind), True
    path = Path(value).expanduser()
    try:
        ours = any(same_file(path, template_path(lang, kind)) for lang in LETTER_LANGUAGES)
    except OSError:
        ours = False
    return path, ours


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


@dataclass(frozen=True)
class LetterResult:
    findings: list[Finding]
    output: Path | None  # None when nothing was written
    placed: dict[str, int] = field(default_factory=dict)  # field -> times filled
    signature_rows: int = 0

    @property
    def ok(self) -> bool:
        return self.output is not None and not any(
            f.severity is Severity.ERROR for f in self.findings
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "output": str(self.output) if self.output else None,
            "placed": dict(self.placed),
            "findings": [f.to_dict() for f in sort_findings(self.findings)],
        }


@dataclass(frozen=True)
class LetterSpec:
    """What one letter needs from the shared filler."""

    kind: str  # auth | commit: the bundled template and the QR payload's kind
    language: str  # the letter's (zh | en)
    values: Mapping[str, Value]  # placeholder -> text; "letter_code" holds the QR payload
    label_fields: tuple[str, ...]  # filled next to labels in a user's template when not placed
    essential: tuple[tuple[str, str, str], ...]  # (field, subject, message key) it must show
    notes: tuple[Finding, ...] = ()  # information findings of a written letter
    signatures: tuple[str, ...] = ()  # rows of the signature list
    subjects: Mapping[str, str] = field(default_factory=dict)  # placeholder -> subject

    def subject(self, name: str) -> str:
        if name in self.subjects:
            return self.subjects[name]
        return BY_NAME[name].subject if name in BY_NAME else name


def fill_document(
    spec: LetterSpec,
    output: str | os.PathLike[str],
    template: str | os.PathLike[str] | None,
    lang: str,
    findings: list[Finding],
) -> LetterResult:
    """Fill ``template`` (empty: the bundled one of the spec's kind and language) with the
    spec's values and write it to ``output`` atomically; ``findings`` are the checks' findings.

    The template is only read. Nothing is written when the template cannot be used or
    ``output`` is the template."""
    findings = list(findings)
    out = Path(output)
    tpl, is_ours = resolve_template(template, spec.language, spec.kind)
    if same_file(tpl, out) or tpl.resolve() == out.resolve():
        findings.append(
            _f("letter.output_is_template", Severity.ERROR, lang, "output", path=str(out))
        )
        return LetterResult(sort_findings(findings), None)
    doc, problems = open_template(tpl, lang)
    findings.extend(problems)
    if doc is None:
        return LetterResult(sort_findings(findings), None)
    report = _fill(doc, spec, is_ours)
    if report.too_large:  # a hostile template: nothing is written
        refusal = UnsafeTemplate("fill_too_large", max=LIMITS.filled_elements)
        return LetterResult(sort_findings(findings + unsafe(tpl, refusal, lang)[1]), None)
    findings.extend(_fill_findings(spec, report, lang, findings))
    if not is_ours:
        count = len(report.labels_filled)
        findings.append(
            _f(
                "letter.user_template",
                Severity.INFO,
                lang,
                "letter.template",
                path=str(tpl),
                count=count,
            )
        )
    findings.extend(spec.notes)
    reason = _write_output(doc, out, lang)
    if reason is not None:
        findings.append(
            _f(
                "letter.output_unwritable",
                Severity.ERROR,
                lang,
                "output",
                path=str(out),
                reason=reason,
            )
        )
    return LetterResult(
        sort_findings(findings),
        out if reason is None else None,
        dict(report.placed),
        report.signature_rows,
    )


def _fill(doc: DocumentObject, spec: LetterSpec, is_ours: bool) -> FillReport:
    """Fill ``doc`` in place: the QR code, placeholders, then (a user's template) labels."""
    report = FillReport()
    code = spec.values.get("letter_code")
    if code is not None and (qr_codes := place_qr(doc, code.text)):
        report.placed["letter_qr"] = qr_codes
    fill_placeholders(doc, spec.values, list(spec.signatures), report, LIMITS.filled_elements)
    if report.too_large or is_ours:
        return report
    wanted = {f for f in spec.label_fields if f not in report.placed}
    placed = placed_fields(report)
    if "signatures" in placed:
        wanted -= {"signature_names"}
    if "validity" in placed:
        wanted -= {"validity", "valid_from", "valid_until"}
    # a labelled empty cell is filled even when its field has a placeholder elsewhere (#10)
    fill_labels(doc, spec.values, wanted, report, cells=set(spec.label_fields))
    return report


def _write_output(doc: DocumentObject, out: Path, lang: str) -> str | None:
    """Write the letter atomically; the reason when it could not be written."""
    if not out.parent.is_dir():
        return text("letter.reason.no_folder", lang)
    try:
        write_document(doc, out)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def placed_fields(report: FillReport) -> set[str]:
    """The fields the letter shows: placeholders filled, and the composite fields."""
    placed = set(report.placed)
    for composite, members in _ANY_OF.items():
        if placed & members:
            placed.add(composite)
    if "validity" in placed or {"valid_from", "valid_until"} <= placed:
        placed.add("validity")
    return placed


def _fill_findings(
    spec: LetterSpec, report: FillReport, lang: str, earlier: list[Finding]
) -> list[Finding]:
    known = ", ".join(n for n in BY_NAME if n in spec.values or n == "letter_qr")
    findings = [
        _f(
            "letter.placeholder_unknown",
            Severity.ERROR,
            lang,
            "letter.template",
            name="{{" + name + "}}",
            known=known,
        )
        for name in report.unknown[:MAX_UNKNOWN_LISTED]
    ]
    if len(report.unknown) > MAX_UNKNOWN_LISTED:
        more = len(report.unknown) - MAX_UNKNOWN_LISTED
        findings.append(
            _f(
                "letter.placeholders_unknown_more",
                Severity.ERROR,
                lang,
                "letter.template",
                count=more,
            )
        )
    reported = {f.subject for f in earlier}
    for name in report.blanks:
        subject = spec.subject(name)
        if name == "signed_on":
            findings.append(_f("letter.date_by_hand", Severity.INFO, lang, subject))
        elif subject not in reported:  # else the check said already that it is missing
            label = field_label(subject, lang)
            findings.append(
                _f(
                    "letter.value_blank",
                    Severity.WARNING,
                    lang,
                    subject,
                    field=label,
                    placeholder="{{" + name + "}}",
                )
            )
    for label, name in report.labels_empty:
        if name == "signed_on":
            if name not in report.blanks:  # else its placeholder said so already
                findings.append(_f("letter.date_by_hand", Severity.INFO, lang, spec.subject(name)))
            continue
        findings.append(
            _f("letter.label_left_empty", Severity.WARNING, lang, spec.subject(name), label=label)
        )
    for label, name, existing in report.labels_occupied:
        findings.append(
            _f(
                "letter.label_occupied",
                Severity.WARNING,
                lang,
                spec.subject(name),
                label=label,
                text=existing or "—",
            )
        )
    placed = placed_fields(report)
    for essential, subject, key in spec.essential:
        if essential not in placed:
            token = "{{" + ("signature_name" if essential == "signatures" else essential) + "}}"
            findings.append(
                _f(
                    "letter.field_not_placed",
                    Severity.WARNING,
                    lang,
                    subject,
                    field=text(key, lang),
                    placeholder=token,
                )
            )
    return findings
