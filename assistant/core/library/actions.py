"""What the library does with a case file: write a new one (never over another), duplicate a
case for a new client, export several, record a rejection.

New case files are created with :func:`assistant.core.fsio.create_new_file`: a name that is
taken, even by a colleague writing into the same shared folder at the same moment, makes the
next free name (``name-2.smscase.json`` …), never an overwrite.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from assistant.core.bundle.batch import BatchResult, export_batch
from assistant.core.bundle.files import ExportOptions
from assistant.core.findings import Finding, Severity
from assistant.core.fsio import create_new_file
from assistant.core.i18n import normalize_language, text
from assistant.core.jobs import Cancelled, Progress
from assistant.core.model import CASE_SUFFIX, Case, case_json, load_case, save_case
from assistant.core.model.case import Applicant, LetterInfo, Owner, Remarks
from assistant.core.model.status import CaseStatus
from assistant.core.status import Explanation, mark_exported, mark_rejected

MAX_STEM = 80  # characters of a file name made from a client's name
MAX_TRIES = 1000
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def file_stem(*parts: str) -> str:
    """A file name (without suffix) from a client's name and signature: what the user typed,
    without characters no file system takes, at most :data:`MAX_STEM` characters."""
    raw = " ".join(p.strip() for p in parts if p and p.strip())
    value = _UNSAFE.sub(" ", unicodedata.normalize("NFC", raw))
    value = re.sub(r"\s+", " ", value).strip(" .")
    return value[:MAX_STEM].strip(" .")


def write_new_case(case: Case, folder: str | os.PathLike[str], stem: str) -> Path:
    """Save ``case`` as a new file in ``folder`` named after ``stem`` (the next free name when
    it is taken). Raises ``OSError`` when the folder is not writable."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = folder.resolve()
    stem = stem or "case"
    data = case_json(case, base).encode("utf-8")
    for n in range(1, MAX_TRIES + 1):
        path = base / (f"{stem}{CASE_SUFFIX}" if n == 1 else f"{stem}-{n}{CASE_SUFFIX}")
        try:
            create_new_file(path, data)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(17, "no free file name", str(base / stem))


def blank_for_new_client(case: Case) -> Case:
    """A copy of ``case`` for the next client: the provider, the account and what is applied
    for, the applicant and the letter's settings stay; the owner, the names, the remarks, the
    files, the signing date and the status go. Templates stay, tied to no signature yet."""
    new = copy.deepcopy(case)
    new.signature_names = []
    new.owner = Owner()
    new.remarks = Remarks()
    new.industry = ""
    new.attachments = []
    new.status = CaseStatus()
    new.letter = LetterInfo(
        valid_from=case.letter.valid_from,
        valid_until=case.letter.valid_until,
        language=case.letter.language,
        risk_bearer="",
        template=case.letter.template,
        signed_on=None,
    )
    if case.purpose != "others":  # the applicant is the client itself
        new.applicant = Applicant()
    for template in new.templates:
        template.signatures = []
    return new


def duplicate_case(
    path: str | os.PathLike[str],
    *,
    client: str = "",
    folder: str | os.PathLike[str] | None = None,
    lang: str | None = None,
) -> tuple[Path | None, list[Finding]]:
    """Duplicate the case file ``path`` for a new client (see :func:`blank_for_new_client`),
    named after ``client`` (else "new client"), in ``folder`` (else beside the original).
    Returns the new file, or None and the findings that say why not."""
    lang = normalize_language(lang)
    source = Path(path)
    case, found = load_case(source, lang)
    if case is None:
        return None, found
    new = blank_for_new_client(case)
    if client.strip():
        if new.purpose == "others":
            new.owner.name = client.strip()
        else:
            new.applicant.name = client.strip()
    stem = file_stem(client) or file_stem(text("library.new_client", lang))
    try:
        created = write_new_case(new, folder if folder is not None else source.parent, stem)
    except OSError as exc:
        return None, [_error("library.not_written", lang, str(source), exc)]
    return created, []


def _error(code: str, lang: str, where: str, exc: OSError) -> Finding:
    return Finding(
        Severity.ERROR,
        code,
        text(code, lang, path=where, error=exc.strerror or str(exc)),
        subject=where,
    )


def export_cases(
    paths: Sequence[str | os.PathLike[str]],
    folder: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    lang: str | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
    **options: Unpack[ExportOptions],
) -> BatchResult:
    """Export the case files ``paths`` of the library ``folder`` to ``outdir``: the same core
    as ``export-batch`` (worker processes, ``summary.csv``, each bundle in its case's
    language), for the rows the user chose."""
    chosen = [Path(os.path.abspath(p)) for p in paths]
    base = Path(os.path.abspath(folder))
    if chosen and not all(p.is_relative_to(base) for p in chosen):
        base = Path(os.path.commonpath([p.parent for p in chosen]))  # bundle names from there
    return export_batch(
        base,
        outdir,
        cases=chosen,
        lang=lang,
        progress=progress,
        cancel=cancel,
        **options,
    )


def record_rejection(
    path: str | os.PathLike[str],
    name: str,
    reason_text: str,
    *,
    on: dt.date | None = None,
    lang: str | None = None,
) -> tuple[Explanation | None, list[Finding]]:
    """Mark the signature ``name`` of the case file ``path`` rejected with the console's text
    (explained, the reason ids kept) and save the file."""
    lang = normalize_language(lang)
    case, found = load_case(path, lang)
    if case is None:
        return None, found
    explanation = mark_rejected(case, name, reason_text, on)
    try:
        save_case(case, path)
    except OSError as exc:
        return explanation, [_error("library.not_written", lang, str(path), exc)]
    return explanation, []


def mark_ready(
    paths: Sequence[str | os.PathLike[str]], *, on: dt.date | None = None, lang: str | None = None
) -> list[Finding]:
    """The cases ``paths`` were exported complete: their status becomes *ready* (saved)."""
    lang = normalize_language(lang)
    found: list[Finding] = []
    for path in paths:
        case, problems = load_case(path, lang)
        if case is None:
            found.extend(problems)
            continue
        mark_exported(case, on)
        try:
            save_case(case, path)
        except OSError as exc:
            found.append(_error("library.not_written", lang, str(path), exc))
    return found
