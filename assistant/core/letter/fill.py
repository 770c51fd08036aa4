"""Fill an authorization letter: :func:`fill_letter` (check, fill, write atomically)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.document import Document as DocumentObject

from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import localized, text
from assistant.core.letter.checks import check_letter, field_label
from assistant.core.letter.engine import FillReport, Value, fill_labels, fill_placeholders
from assistant.core.letter.model import LETTER_LANGUAGES, LetterInput, _f, parse_date
from assistant.core.letter.package import LIMITS, UnsafeTemplate
from assistant.core.letter.placeholders import BY_NAME
from assistant.core.letter.qr import authorization_payload, place_qr
from assistant.core.letter.template import open_template, unsafe, write_document
from assistant.core.rules import PROVIDERS, load_pack
from assistant.resources import resource_path

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Unknown placeholders reported one by one; past these, one finding counts the rest.
MAX_UNKNOWN_LISTED = 20
# Fields a letter must show somewhere; a user's template that has no place for one is reported.
ESSENTIAL = ("owner_name", "owner_credit_code", "applicant_name", "signatures", "validity")


def template_path(language: str) -> Path:
    """The bundled template of a letter language (``zh`` or ``en``)."""
    return resource_path("templates", f"authorization-letter.{language}.docx")


# Ids of the bundled templates a case file may name instead of a path (``letter.template``).
BUNDLED_TEMPLATES = {
    "zh": "zh",
    "en": "en",
    "authorization-letter.zh": "zh",
    "authorization-letter.en": "en",
}


def resolve_template(template: str | os.PathLike[str] | None, language: str) -> tuple[Path, bool]:
    """The template file to fill and whether it is one of ours (``template`` empty, a bundled id
    or a path)."""
    value = os.fspath(template) if template else ""
    if not value.strip():
        return template_path(language), True
    if value.strip() in BUNDLED_TEMPLATES:
        return template_path(BUNDLED_TEMPLATES[value.strip()]), True
    path = Path(value).expanduser()
    try:
        ours = any(_same_file(path, template_path(lang)) for lang in LETTER_LANGUAGES)
    except OSError:
        ours = False
    return path, ours


def format_date(day: dt.date, language: str) -> str:
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def letter_values(inp: LetterInput) -> dict[str, Value]:
    """The text of every placeholder, in the letter's language; blanks where input is missing."""
    lang = inp.letter_language

    def given(value: str, blank_key: str = "letter.doc.blank") -> Value:
        value = value.strip()
        return Value(value) if value else Value(text(blank_key, lang), missing=True)

    def date_value(raw: str, blank_key: str = "letter.doc.blank") -> Value:
        day = parse_date(raw)
        if day is not None:
            return Value(format_date(day, lang))
        return (
            Value(raw.strip(), missing=False) if raw.strip() else Value(text(blank_key, lang), True)
        )

    names = [n.strip() for n in inp.signature_names if n.strip()]
    start, end = date_value(inp.valid_from), date_value(inp.valid_until)
    provider = localized(load_pack(inp.provider).name, lang) if inp.provider in PROVIDERS else ""
    return {
        "provider": given(provider),
        "owner_name": given(inp.owner.name),
        "owner_credit_code": given(inp.owner.credit_code.strip().upper()),
        "owner_legal_representative": given(inp.owner.legal_representative),
        "applicant_name": given(inp.applicant.name),
        "applicant_credit_code": given(inp.applicant.credit_code.strip().upper()),
        "risk_bearer": given(inp.effective_risk_bearer),
        "signature_names": Value(text("letter.doc.joiner", lang).join(names))
        if names
        else Value(text("letter.doc.blank", lang), missing=True),
        "signature_count": Value(str(len(names))),
        "valid_from": start,
        "valid_until": end,
        "validity": Value(
            text("letter.doc.validity", lang, start=start.text, end=end.text),
            missing=start.missing or end.missing,
        ),
        "signed_on": date_value(inp.signed_on, "letter.doc.date_blank"),
        "letter_code": Value(authorization_payload(inp)),
    }


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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def fill_letter(
    inp: LetterInput,
    output: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    lang: str = "en",
    *,
    today: dt.date | None = None,
    check: bool = True,
) -> LetterResult:
    """Check ``inp``, fill ``template`` (default: the bundled one of the letter's language, or
    ``inp.template``) and write the letter to ``output`` atomically.

    The template file is only read. The letter is written even when the checks found errors (so
    the user can see it); the findings say what is wrong. Nothing is written when the template
    cannot be read or ``output`` is the template.
    """
    findings: list[Finding] = list(check_letter(inp, lang, today=today)) if check else []
    out = Path(output)
    tpl, is_ours = resolve_template(template or inp.template, inp.letter_language)
    if _same_file(tpl, out) or tpl.resolve() == out.resolve():
        findings.append(
            _f("letter.output_is_template", Severity.ERROR, lang, "output", path=str(out))
        )
        return LetterResult(sort_findings(findings), None)
    doc, problems = open_template(tpl, lang)
    findings.extend(problems)
    if doc is None:
        return LetterResult(sort_findings(findings), None)

    report = _fill_document(doc, inp, is_ours)
    if report.too_large:  # a hostile template: nothing is written
        refusal = UnsafeTemplate("fill_too_large", max=LIMITS.filled_elements)
        return LetterResult(sort_findings(findings + unsafe(tpl, refusal, lang)[1]), None)
    findings.extend(_fill_findings(inp, report, _placed_fields(report), lang, findings))
    findings.extend(_notes(inp, report, tpl, is_ours, lang))
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


# The fields the engine fills; in a user's template, labels fill those no placeholder placed.
FIELDS = (
    "owner_name",
    "owner_credit_code",
    "owner_legal_representative",
    "applicant_name",
    "applicant_credit_code",
    "risk_bearer",
    "validity",
    "signature_names",
    "provider",
    "valid_from",
    "valid_until",
    "signed_on",
)


def _fill_document(doc: DocumentObject, inp: LetterInput, is_ours: bool) -> FillReport:
    """Fill ``doc`` in place: placeholders, then (a user's template) labelled cells."""
    values = letter_values(inp)
    names = [n.strip() for n in inp.signature_names if n.strip()]
    report = FillReport()
    qr_codes = place_qr(doc, values["letter_code"].text)
    if qr_codes:
        report.placed["letter_qr"] = qr_codes
    fill_placeholders(doc, values, names, report, LIMITS.filled_elements)
    if report.too_large:
        return report
    if not is_ours:
        wanted = {f for f in FIELDS if f not in report.placed}
        placed = _placed_fields(report)
        for essential, members in (
            ("signatures", {"signature_names"}),
            ("validity", {"validity", "valid_from", "valid_until"}),
        ):
            if essential in placed:
                wanted -= members
        fill_labels(doc, values, wanted, report)
    return report


def _notes(
    inp: LetterInput, report: FillReport, tpl: Path, is_ours: bool, lang: str
) -> list[Finding]:
    """The information findings of a written letter: whose template, how to sign and seal it."""
    notes: list[Finding] = []
    if not is_ours:
        notes.append(
            _f(
                "letter.user_template",
                Severity.INFO,
                lang,
                "letter.template",
                path=str(tpl),
                count=len(report.labels_filled),
            )
        )
    notes.append(
        _f(
            "letter.sign_and_seal",
            Severity.INFO,
            lang,
            None,
            representative=inp.owner.legal_representative.strip()
            or field_label("owner.legal_representative", lang),
            owner=inp.owner.name.strip() or field_label("owner.name", lang),
        )
    )
    return notes


def _write_output(doc: DocumentObject, out: Path, lang: str) -> str | None:
    """Write the letter atomically; the reason when it could not be written."""
    if not out.parent.is_dir():
        return text("letter.reason.no_folder", lang)
    try:
        write_document(doc, out)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _placed_fields(report: FillReport) -> set[str]:
    placed = set(report.placed)
    if placed & {"signature_name", "signature_names"}:
        placed.add("signatures")
    if "validity" in placed or {"valid_from", "valid_until"} <= placed:
        placed.add("validity")
    return placed


def _fill_findings(
    inp: LetterInput, report: FillReport, placed: set[str], lang: str, earlier: list[Finding]
) -> list[Finding]:
    findings: list[Finding] = []
    for name in report.unknown[:MAX_UNKNOWN_LISTED]:
        findings.append(
            _f(
                "letter.placeholder_unknown",
                Severity.ERROR,
                lang,
                "letter.template",
                name="{{" + name + "}}",
                known=", ".join(BY_NAME),
            )
        )
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
        subject = BY_NAME[name].subject if name in BY_NAME else name
        if name == "signed_on":
            findings.append(_f("letter.date_by_hand", Severity.INFO, lang, subject))
            continue
        if subject in reported:
            continue  # the check already said this value is missing
        findings.append(
            _f(
                "letter.value_blank",
                Severity.WARNING,
                lang,
                subject,
                field=field_label(subject, lang),
                placeholder="{{" + name + "}}",
            )
        )
    for label, name, existing in report.labels_occupied:
        subject = BY_NAME[name].subject if name in BY_NAME else name
        findings.append(
            _f(
                "letter.label_occupied",
                Severity.WARNING,
                lang,
                subject,
                label=label,
                text=existing or "—",
            )
        )
    for essential in ESSENTIAL:
        if essential not in placed:
            subject = {"signatures": "signature_names", "validity": "letter.valid_until"}.get(
                essential, BY_NAME[essential].subject if essential in BY_NAME else essential
            )
            findings.append(
                _f(
                    "letter.field_not_placed",
                    Severity.WARNING,
                    lang,
                    subject,
                    field=text(f"letter.essential.{essential}", lang),
                    placeholder="{{"
                    + ("signature_name" if essential == "signatures" else essential)
                    + "}}",
                )
            )
    return findings


__all__ = [
    "BUNDLED_TEMPLATES",
    "LetterResult",
    "fill_letter",
    "format_date",
    "letter_values",
    "resolve_template",
    "template_path",
]
