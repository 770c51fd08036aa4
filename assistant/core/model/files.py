"""The state of a case's attached files on disk: there, gone, changed, moved with the case."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from assistant.core.findings import Finding, Severity
from assistant.core.fsio import sha256_file
from assistant.core.i18n import localized, normalize_language
from assistant.core.model.case import Attachment, Case
from assistant.core.model.fileformat import finding
from assistant.core.rules import PROVIDERS, load_pack


@dataclass(frozen=True)
class AttachmentState:
    """What is known of one attachment's file right now."""

    attachment: Attachment
    exists: bool
    sha256: str | None  # of the file now (None when it cannot be read)

    @property
    def changed(self) -> bool:
        return bool(
            self.exists and self.attachment.sha256 and self.sha256 != self.attachment.sha256
        )


def attachment_states(case: Case) -> list[AttachmentState]:
    states = []
    for a in case.attachments:
        digest: str | None
        try:
            digest = sha256_file(a.path)
            exists = True
        except (OSError, ValueError):
            digest, exists = None, False
        states.append(AttachmentState(a, exists, digest))
    return states


def check_attachment_files(
    case: Case, lang: str | None = None, base_dir: str | os.PathLike[str] | None = None
) -> list[Finding]:
    """Attachments whose file is gone (error) or changed since it was attached (warning).

    When a missing file is found next to the case file under the same name with the recorded
    sha256 (the case and its files were moved together), the attachment is pointed there.
    """
    lang = normalize_language(lang)
    out: list[Finding] = []
    pack = load_pack(case.provider) if case.provider in PROVIDERS else None
    for i, state in enumerate(attachment_states(case)):
        a = state.attachment
        subject = f"attachments[{i}]"
        doc = pack.documents.get(a.document) if pack else None
        doc_name = localized(doc.name, lang) if doc else a.document
        if not state.exists:
            moved = _find_moved(a, base_dir)
            if moved is not None:
                out.append(
                    finding(
                        Severity.INFO,
                        "case.attachment_relocated",
                        lang,
                        subject,
                        old=a.path,
                        new=moved,
                    )
                )
                a.path = moved
                continue
            out.append(
                finding(
                    Severity.ERROR,
                    "case.attachment_missing",
                    lang,
                    subject,
                    path=a.path,
                    document=doc_name,
                )
            )
        elif state.changed:
            out.append(
                finding(
                    Severity.WARNING,
                    "case.attachment_changed",
                    lang,
                    subject,
                    path=a.path,
                    document=doc_name,
                )
            )
    return out


def _find_moved(a: Attachment, base_dir: str | os.PathLike[str] | None) -> str | None:
    if base_dir is None or not a.sha256:
        return None
    candidate = Path(base_dir) / Path(a.path).name
    try:
        if candidate.is_file() and sha256_file(candidate) == a.sha256:
            return str(candidate.resolve())
    except (OSError, ValueError, RuntimeError):
        return None
    return None
