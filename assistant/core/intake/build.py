"""Every row of a client list becomes a case file (never written over another), checked.

:func:`import_cases` reads the list (:mod:`.sheet`), maps its columns (:mod:`.columns`, with the
user's overrides), reads each cell as its field needs (:mod:`.values`) and refuses a row whose
codes a spreadsheet damaged, saying which cell and what to do. Every other row is a new case
file in the output folder, named after the client and its first signature, and checked like
the wizard checks it (:func:`assistant.core.review.check_case`, attachments not inspected): the
report says, per client, what is still missing. ``write=False`` is the preview: nothing is
written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import normalize_language, text
from assistant.core.intake.columns import mapping_for
from assistant.core.intake.sheet import RawCell, RawTable, read_table
from assistant.core.intake.values import cell_text, choice_value, split_list
from assistant.core.jobs import Cancelled, Progress
from assistant.core.model import Case
from assistant.core.profiles import Profile, apply_profile

CHOICE_FIELDS = ("provider", "type", "sign_type", "purpose", "account", "region")


@dataclass
class IntakeDefaults:
    """What a row gets when its list has no column for it (or the cell is empty)."""

    provider: str = ""
    purpose: str = ""  # "" = others when there is an applicant, else self
    account: str = "enterprise"
    type: str = "company"
    applicant: Profile | None = None  # the agency's company, from the profiles
    language: str = "zh"


@dataclass
class RowResult:
    row: int  # the row's number in the file
    client: str
    signatures: list[str]
    case_path: Path | None = None
    refused: list[Finding] = field(default_factory=list)  # nothing written for this row
    missing: list[Finding] = field(default_factory=list)  # errors the case still has
    warnings: list[Finding] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # field id -> the text read

    @property
    def status(self) -> str:
        if self.refused:
            return "refused"
        if self.case_path is None:
            return "preview"
        return "incomplete" if self.missing else "ready"

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "client": self.client,
            "signatures": self.signatures,
            "status": self.status,
            "case_file": str(self.case_path) if self.case_path else None,
            "refused": [f.to_dict() for f in self.refused],
            "missing": [f.to_dict() for f in self.missing],
            "warnings": [f.to_dict() for f in self.warnings],
        }


@dataclass
class IntakeReport:
    file: str
    sheet: str = ""
    headers: list[str] = field(default_factory=list)
    mapping: dict[int, str] = field(default_factory=dict)  # column index -> field id
    rows: list[RowResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings) and not any(
            r.refused for r in self.rows
        )

    def counts(self) -> dict[str, int]:
        out = {"ready": 0, "incomplete": 0, "refused": 0, "preview": 0}
        for r in self.rows:
            out[r.status] += 1
        return out

    def unmapped(self) -> list[str]:
        return [h for i, h in enumerate(self.headers) if h and i not in self.mapping]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "ok": self.ok,
            "columns": {self.headers[i]: f for i, f in sorted(self.mapping.items())},
            "unmapped_columns": self.unmapped(),
            "counts": self.counts(),
            "rows": [r.to_dict() for r in self.rows],
            "findings": [f.to_dict() for f in self.findings],
        }


def _damage_finding(
    lang: str, row: int, header: str, field_id: str, code: str, shown: str
) -> Finding:
    key = f"intake.damage.{code}"
    return Finding(
        Severity.ERROR,
        key,
        text(key, lang, row=row, column=header, value=shown),
        fix=text("intake.damage.fix", lang, column=header),
        subject=field_id,
    )


def read_row(
    table: RawTable, mapping: dict[int, str], number: int, cells: list[RawCell], lang: str
) -> tuple[dict[str, str], list[Finding]]:
    """Field id -> text of one row, and the damage found in its cells."""
    values: dict[str, str] = {}
    refused = []
    for index, field_id in sorted(mapping.items()):
        value, damage = cell_text(cells[index], field_id)
        if damage is not None:
            header = table.headers[index] or f"#{index + 1}"
            refused.append(
                _damage_finding(lang, number, header, field_id, damage.code, damage.shown)
            )
        elif value:
            values[field_id] = value
    return values, refused


def case_of_row(values: dict[str, str], defaults: IntakeDefaults) -> Case:
    """The case a row describes (its values on top of the defaults)."""
    case = Case()
    case.language = normalize_language(defaults.language)
    case.letter.language = "zh" if case.language == "zh" else case.letter.language
    get = values.get
    choice = {f: choice_value(f, values[f]) for f in CHOICE_FIELDS if f in values}
    case.provider = choice.get("provider") or defaults.provider or case.provider
    case.account = choice.get("account") or defaults.account or case.account
    case.type = choice.get("type") or defaults.type or case.type
    case.sign_type = choice.get("sign_type") or None
    case.region = choice.get("region") or None
    has_applicant = bool(get("applicant.name") or defaults.applicant)
    case.purpose = (
        choice.get("purpose") or defaults.purpose or ("others" if has_applicant else "self")
    )
    case.signature_names = split_list(get("signature_names", ""))
    if defaults.applicant is not None:
        apply_profile(case, defaults.applicant)
    if get("applicant.name"):
        case.applicant.name = values["applicant.name"]
        case.applicant.credit_code = get("applicant.credit_code", "")
    party_name, party_code = get("owner.name", ""), get("owner.credit_code", "")
    if case.purpose == "others":
        case.owner.name, case.owner.credit_code = party_name, party_code
        case.owner.legal_representative = get("owner.legal_representative", "")
    elif party_name or party_code:  # the client applies for itself: it is the applicant
        case.applicant.name, case.applicant.credit_code = party_name, party_code
    for key, value in values.items():
        if key.startswith("remarks."):
            setattr(case.remarks, key.removeprefix("remarks."), value)
    return case


def _check(case: Case, lang: str) -> tuple[list[Finding], list[Finding]]:
    from assistant.core.review import check_case

    found = check_case(case, lang, inspect_attachments=False).all()
    seen: set[tuple[str, str | None]] = set()
    errors, warnings = [], []
    for f in found:
        if (f.code, f.subject) in seen:
            continue
        seen.add((f.code, f.subject))
        if f.severity is Severity.ERROR:
            errors.append(f)
        elif f.severity is Severity.WARNING:
            warnings.append(f)
    return errors, warnings


def _write(case: Case, outdir: Path, result: RowResult, lang: str) -> None:
    from assistant.core.library.actions import file_stem, write_new_case

    stem = file_stem(result.client, *(result.signatures[:1]))
    stem = stem or file_stem(text("library.new_client", lang))
    try:
        result.case_path = write_new_case(case, outdir, stem)
    except OSError as exc:
        where = str(outdir / stem)
        result.refused.append(
            Finding(
                Severity.ERROR,
                "library.not_written",
                text("library.not_written", lang, path=where, error=exc.strerror or exc),
                subject=where,
            )
        )


def import_table(
    table: RawTable,
    outdir: str | os.PathLike[str] | None,
    *,
    overrides: dict[int, str] | None = None,
    defaults: IntakeDefaults | None = None,
    lang: str | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
) -> IntakeReport:
    """The rows of ``table`` as cases, written to ``outdir`` (None: a preview, nothing written)."""
    lang = normalize_language(lang)
    defaults = defaults or IntakeDefaults(language=lang)
    mapping = mapping_for(table.headers, overrides)
    report = IntakeReport(table.path, table.sheet, table.headers, mapping, [], list(table.findings))
    if not any(f in mapping.values() for f in ("owner.name", "signature_names")):
        report.findings.append(
            Finding(Severity.ERROR, "intake.no_columns", text("intake.no_columns", lang))
        )
        return report
    for n, (number, cells) in enumerate(table.rows):
        if cancel is not None and cancel():
            break
        values, refused = read_row(table, mapping, number, cells, lang)
        case = case_of_row(values, defaults)
        result = RowResult(number, case.client, list(case.signature_names), refused=refused)
        result.values = values
        if not refused:
            result.missing, result.warnings = _check(case, lang)
            if outdir is not None:
                _write(case, Path(outdir), result, lang)
        report.rows.append(result)
        if progress is not None:
            progress(n + 1, len(table.rows), result.client)
    return report


def import_cases(
    path: str | os.PathLike[str],
    outdir: str | os.PathLike[str] | None,
    *,
    overrides: dict[int, str] | None = None,
    map_specs: list[str] | None = None,
    defaults: IntakeDefaults | None = None,
    lang: str | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
) -> IntakeReport:
    """Read the client list ``path`` and make a case file of every row in ``outdir`` (None: a
    preview). ``map_specs`` are ``COLUMN=FIELD`` strings (raises
    :class:`~assistant.core.intake.columns.MappingError` for a bad one)."""
    from assistant.core.intake.columns import parse_map

    lang = normalize_language(lang)
    table, found = read_table(path, lang)
    if table is None:
        return IntakeReport(str(path), findings=found)
    if map_specs:
        overrides = {**(overrides or {}), **parse_map(map_specs, table.headers)}
    return import_table(
        table,
        outdir,
        overrides=overrides,
        defaults=defaults,
        lang=lang,
        progress=progress,
        cancel=cancel,
    )
