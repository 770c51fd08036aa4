"""The bundle's ``qualification/`` folder (issue #11): what the console's qualification form
needs, ready to type and upload.

* ``qualification/steps.txt``: the step-by-step console page (:func:`steps_text`) — every field
  with the value to type (ID numbers masked), every file with where it goes, the commitment
  letter's signing, the verification code, the review and what happens after approval;
* ``qualification/commitment-letter.docx``: the filled commitment letter, where the provider asks
  for one;
* ``qualification/<provider>-<Action>.json``: the qualification request where the provider has an
  API for it (Alibaba ``SubmitSmsQualification``);
* the ID photos and the signed commitment letter's scan, fixed and stripped of every metadata
  (placed here by :mod:`.attachments`).

Nothing of it while the section is not started, with an approved qualification id (the README
then says what is needed, or which id is used), or when the provider and region ask for none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.core.bundle.files import BundleFile, finding
from assistant.core.findings import Finding, Severity, has_errors
from assistant.core.i18n import text
from assistant.core.model import Case
from assistant.core.rules import RulePack

FOLDER = "qualification"
STEPS_FILE = f"{FOLDER}/steps.txt"
COMMITMENT_FILE = f"{FOLDER}/commitment-letter.docx"


def qualification_file_list(files: Sequence[BundleFile]) -> list[Any]:
    """Every attachment of the bundle as the steps name it (licence, ID photos, scans)."""
    from assistant.core.qualification import QualificationFile

    return [
        QualificationFile(f.document, f.name)
        for f in files
        if f.role == "attachment" and f.document
    ]


def step_texts(case: Case, files: Sequence[BundleFile], lang: str) -> list[str]:
    """The qualification's steps for the README, naming the files of this bundle."""
    from assistant.core.qualification import steps

    names = {f.name for f in files}
    payload = next((f.name for f in files if f.role == FOLDER and f.name.endswith(".json")), None)
    return steps(
        case,
        lang,
        qualification_file_list(files),
        letter_file=COMMITMENT_FILE if COMMITMENT_FILE in names else None,
        payload_file=payload,
    )


def build_qualification(
    case: Case,
    pack: RulePack,
    files: list[BundleFile],
    lang: str,
    work: Path,
) -> tuple[list[dict[str, str]], list[Finding]]:
    """Add the qualification's files to ``files``; returns their ``to_fill`` items and the
    findings made while building them."""
    from assistant.core.providers import build_qualification_payloads
    from assistant.core.qualification import rules_for, steps_text

    rules = rules_for(case)
    q = case.qualification
    if rules is None or q.approved_id.strip() or not q.is_started():
        return [], []  # the README says what is needed, or which qualification is used
    found: list[Finding] = []
    if rules.commitment != "none":
        found += _commitment_letter(case, files, lang, work)
    attachments = [f for f in files if f.role == "attachment"]
    payloads, to_fill = build_qualification_payloads(case, attachments, pack)
    for name, payload in payloads:
        data = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        files.append(BundleFile(name=f"{FOLDER}/{name}", role=FOLDER, data=data))
    names = {f.name for f in files}
    steps = steps_text(
        case,
        lang,
        files=qualification_file_list(files),
        letter_file=COMMITMENT_FILE if COMMITMENT_FILE in names else None,
        payload_file=next((f"{FOLDER}/{n}" for n, _ in payloads), None),
    )
    files.append(BundleFile(name=STEPS_FILE, role=FOLDER, data=steps.encode("utf-8")))
    return to_fill, found


def _commitment_letter(case: Case, files: list[BundleFile], lang: str, work: Path) -> list[Finding]:
    """Fill the commitment letter (its content was checked by the review); a failure is an
    error finding, never a traceback."""
    from assistant.core.letter import fill_commitment_letter
    from assistant.core.qualification import commitment_input

    path = work / "commitment-letter.docx"
    try:
        result = fill_commitment_letter(commitment_input(case), path, lang=lang, check=False)
    except Exception as exc:  # python-docx / lxml on a hostile template: a finding
        return [_failed(lang, type(exc).__name__)]
    if path.is_file():
        files.append(BundleFile(name=COMMITMENT_FILE, role=FOLDER, source=path))
        return list(result.findings)
    if has_errors(result.findings):
        return list(result.findings)
    return [*result.findings, _failed(lang, text("bundle.reason.letter_not_written", lang))]


def _failed(lang: str, reason: str) -> Finding:
    return finding(
        Severity.ERROR, "bundle.letter_failed", lang, "qualification.commitment", reason=reason
    )
