"""Import the providers' status output into case files, offline.

:func:`import_status` reads a JSON file saved from a provider's own CLI (see
:mod:`assistant.core.status.payloads`), matches each signature to the cases of a folder by name
(and provider), updates their ``status`` section through :mod:`assistant.core.status.lifecycle`,
runs the explainer on every rejection text and saves the changed cases (atomically; nothing is
written with ``write=False``). Templates are matched by their name against the case's templates,
or by the signature they go out with. The :class:`ImportReport` says what changed where and what
matched no case. Bad input gives findings, never an exception.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.findings import Finding, Severity, has_errors
from assistant.core.fsio import FileTooLargeError, NotRegularFileError, read_regular_file
from assistant.core.i18n import text
from assistant.core.model import CASE_SUFFIX, Case, load_case, save_case
from assistant.core.model.status import CarrierFiling, TemplateStatus
from assistant.core.status.explainer import Explanation, explain
from assistant.core.status.lifecycle import name_key, signature_status, stage
from assistant.core.status.payloads import StatusItem, parse_status

MAX_STATUS_BYTES = 32 << 20  # a list of thousands of signatures is a few megabytes


@dataclass(frozen=True)
class Change:
    """What an import did to one signature or template of one case."""

    kind: str  # signature | template
    name: str
    before: str  # stage (signature) or state (template) before
    after: str
    explanation: Explanation | None = None  # for a rejection

    def to_dict(self, lang: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "name": self.name,
            "before": self.before,
            "after": self.after,
        }
        if self.explanation is not None:
            out["rejection"] = self.explanation.to_dict(lang)
        return out


@dataclass
class CaseUpdate:
    path: Path
    client: str
    changes: list[Change] = field(default_factory=list)
    saved: bool = False


@dataclass
class ImportReport:
    file: Path
    items: list[StatusItem]
    updates: list[CaseUpdate]
    unmatched: list[StatusItem]
    findings: list[Finding]
    explanations: dict[str, Explanation]  # rejection text -> what the explainer made of it

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "ok": self.ok,
            "items": [i.to_dict() for i in self.items],
            "cases": [
                {
                    "path": str(u.path),
                    "client": u.client,
                    "saved": u.saved,
                    "changes": [c.to_dict(lang) for c in u.changes],
                }
                for u in self.updates
            ],
            "unmatched": [i.to_dict() for i in self.unmatched],
            "rejections": [
                {"item": i.name, "kind": i.kind, **self.explanations[i.rejection].to_dict(lang)}
                for i in self.items
                if i.rejection and i.rejection in self.explanations
            ],
            "findings": [f.to_dict() for f in self.findings],
        }


def _error(code: str, lang: str | None, **params: Any) -> Finding:
    return Finding(Severity.ERROR, code, text(code, lang, **params), subject=params.get("path"))


def read_status_file(
    path: str | os.PathLike[str], lang: str | None = None
) -> tuple[list[StatusItem], list[Finding]]:
    """The items of a saved status file; findings (no exception) when it cannot be read."""
    where = str(path)
    try:
        raw = read_regular_file(path, MAX_STATUS_BYTES)
    except FileTooLargeError:
        return [], [
            _error("status.import.too_large", lang, path=where, limit=MAX_STATUS_BYTES >> 20)
        ]
    except NotRegularFileError:
        return [], [
            _error("status.import.unreadable", lang, path=where, error="not a regular file")
        ]
    except OSError as exc:
        return [], [_error("status.import.unreadable", lang, path=where, error=exc.strerror or exc)]
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return [], [_error("status.import.not_json", lang, path=where, error=str(exc)[:200])]
    return parse_status(data, lang)


# ------------------------------------------------------------------------------ applying
def _apply_signature(case: Case, item: StatusItem, today: dt.date) -> Change | None:
    sig = signature_status(case, item.name)
    before_sig, before = copy.deepcopy(sig), stage(case, sig, today)
    explanation = None
    sig.state = item.state
    sig.provider_id = item.provider_id or sig.provider_id
    sig.submitted_on = (
        item.submitted_on or sig.submitted_on or (today if item.state == "submitted" else None)
    )
    if item.state in ("approved", "rejected"):
        sig.decided_on = item.decided_on or (
            sig.decided_on if before_sig.state == item.state else today
        )
    else:
        sig.decided_on = None
    if item.state == "rejected":
        explanation = explain(item.rejection, item.provider) if item.rejection else None
        sig.rejection = item.rejection
        sig.reasons = [m.reason.id for m in explanation.matches] if explanation else []
    else:
        sig.rejection, sig.reasons = "", []
    for report in item.carriers:
        old = getattr(sig.carriers, report.carrier)
        on = report.on or (old.on if old.state == report.state else today)
        setattr(sig.carriers, report.carrier, CarrierFiling(report.state, on, report.detail))
    if sig == before_sig:
        return None
    sig.updated_on = today
    return Change("signature", sig.name, before, stage(case, sig, today), explanation)


def _case_templates(case: Case) -> set[str]:
    return {name_key(getattr(t, "name", "")) for t in getattr(case, "templates", [])} - {""}


def _apply_template(case: Case, item: StatusItem, today: dt.date) -> Change | None:
    key = name_key(item.name)
    entry = next((t for t in case.status.templates if name_key(t.name) == key), None)
    if entry is None:
        entry = TemplateStatus(name=item.name, state="")
        case.status.templates.append(entry)
    before_entry, before = copy.deepcopy(entry), entry.state or "-"
    explanation = explain(item.rejection, item.provider) if item.rejection else None
    entry.state = item.state
    entry.provider_id = item.provider_id or entry.provider_id
    entry.rejection = item.rejection
    entry.reasons = [m.reason.id for m in explanation.matches] if explanation else []
    if entry == before_entry:
        return None
    entry.updated_on = today
    return Change("template", entry.name, before, entry.state, explanation)


def _matches(case: Case, item: StatusItem) -> bool:
    if case.provider != item.provider:
        return False
    names = {name_key(n) for n in case.signature_names} | {
        name_key(s.name) for s in case.status.signatures
    }
    if item.kind == "signature":
        return name_key(item.name) in names
    known = _case_templates(case) | {name_key(t.name) for t in case.status.templates}
    return name_key(item.name) in known or (
        bool(item.signature) and name_key(item.signature) in names
    )


def apply_items(case: Case, items: list[StatusItem], today: dt.date | None = None) -> list[Change]:
    """Update ``case`` with the items that belong to it; the changes made."""
    today = today or dt.date.today()
    changes = []
    for item in items:
        if not _matches(case, item):
            continue
        apply = _apply_signature if item.kind == "signature" else _apply_template
        change = apply(case, item, today)
        if change is not None:
            changes.append(change)
    return changes


def _case_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(f"*{CASE_SUFFIX}") if p.is_file())


def import_status(
    path: str | os.PathLike[str],
    cases_dir: str | os.PathLike[str],
    *,
    lang: str | None = None,
    today: dt.date | None = None,
    write: bool = True,
) -> ImportReport:
    """Read ``path``, update the matching cases under ``cases_dir`` (saved when ``write``)."""
    items, findings = read_status_file(path, lang)
    folder = Path(cases_dir)
    report = ImportReport(Path(path), items, [], [], findings, {})
    if not folder.is_dir():
        findings.append(_error("status.import.no_cases_dir", lang, path=str(folder)))
        return report
    matched: set[int] = set()
    for case_path in _case_files(folder):
        case, problems = load_case(case_path, lang)
        if case is None:
            findings.extend(problems)
            continue
        hits = [i for i, item in enumerate(items) if _matches(case, item)]
        matched.update(hits)
        changes = apply_items(case, [items[i] for i in hits], today)
        if not changes:
            continue
        update = CaseUpdate(case_path, case.client, changes)
        if write:
            try:
                save_case(case, case_path)
                update.saved = True
            except OSError as exc:
                findings.append(
                    _error(
                        "status.import.not_saved",
                        lang,
                        path=str(case_path),
                        error=exc.strerror or exc,
                    )
                )
        report.updates.append(update)
    report.unmatched = [item for i, item in enumerate(items) if i not in matched]
    for item in items:
        if item.rejection and item.rejection not in report.explanations:
            report.explanations[item.rejection] = explain(item.rejection, item.provider)
    return report
