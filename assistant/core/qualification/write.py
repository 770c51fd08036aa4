"""The qualification's files in a folder of the user's (the ``qualification`` command, the
wizard's Qualification page): the filled commitment letter where the provider asks for one, the
qualification request where the provider has an API for it, and ``steps.txt``, the console page
step by step. Each written atomically; an existing file is replaced only with ``force``."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from assistant.core.findings import Finding, Severity
from assistant.core.fsio import atomic_write_bytes
from assistant.core.model import Case
from assistant.core.qualification.output import QualificationFile, commitment_input, steps_text
from assistant.core.qualification.privacy import redact
from assistant.core.qualification.section import rules_for

LETTER_NAME = "commitment-letter.docx"
STEPS_NAME = "steps.txt"


@dataclass(frozen=True)
class _LocalFile:
    """An attachment as the payload builders take it, named by its file name (masked)."""

    name: str
    document: str | None
    path: str

    def read(self) -> bytes:
        return Path(self.path).read_bytes()


@dataclass
class Written:
    paths: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _files(case: Case) -> list[_LocalFile]:
    secrets = case.qualification.id_numbers()
    return [
        _LocalFile(redact(Path(a.path).name, secrets, id_like=True), a.document, a.path)
        for a in case.attachments
    ]


def write_qualification(
    case: Case, folder: str | os.PathLike[str], lang: str = "en", *, force: bool = False
) -> Written:
    """Write the case's qualification files into ``folder`` (made when missing). Never raises:
    an existing file (without ``force``), a full disk or a letter that cannot be filled are
    findings."""
    from assistant.core.bundle.files import finding as bundle_finding
    from assistant.core.providers import build_qualification_payloads
    from assistant.core.rules import load_pack

    out = Written()
    rules = rules_for(case)
    if rules is None:
        return out
    folder = Path(folder)
    targets: dict[str, bytes | None] = {}
    approved = bool(case.qualification.approved_id.strip())
    if rules.commitment != "none" and not approved:
        targets[LETTER_NAME] = None  # filled below
    files = _files(case)
    payloads, _ = build_qualification_payloads(case, files, load_pack(case.provider))
    for name, payload in payloads:
        targets[name] = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode()
    steps = steps_text(
        case,
        lang,
        files=[QualificationFile(f.document or "", f.name) for f in files],
        letter_file=LETTER_NAME if LETTER_NAME in targets else None,
        payload_file=next((n for n, _ in payloads), None),
    )
    targets[STEPS_NAME] = steps.encode("utf-8")
    existing = [folder / n for n in targets if (folder / n).exists()]
    if existing and not force:
        out.findings += [
            bundle_finding(Severity.ERROR, "bundle.exists", lang, str(p), path=str(p))
            for p in existing
        ]
        return out
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in targets.items():
            if data is None:
                out.findings += _letter(case, folder / name, lang, out)
            else:
                atomic_write_bytes(folder / name, data)
                out.paths.append(folder / name)
    except OSError as exc:
        from assistant.core.bundle.files import write_failed

        out.findings.append(write_failed(folder, exc, lang))
    return out


def _letter(case: Case, path: Path, lang: str, out: Written) -> list[Finding]:
    from assistant.core.letter import fill_commitment_letter

    try:
        result = fill_commitment_letter(commitment_input(case), path, lang=lang, check=False)
    except Exception as exc:  # a hostile template of the user's: a finding, never a traceback
        from assistant.core.bundle.files import finding as bundle_finding

        return [
            bundle_finding(
                Severity.ERROR,
                "bundle.letter_failed",
                lang,
                "qualification.commitment",
                reason=type(exc).__name__,
            )
        ]
    if result.output is not None:
        out.paths.append(Path(result.output))
    return list(result.findings)
