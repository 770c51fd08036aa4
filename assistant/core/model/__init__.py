"""The case: its dataclasses (:mod:`.case`), its file (:mod:`.fileformat`, derived from the
dataclasses by :mod:`.plain`), its ids (:mod:`.ids`) and its files on disk (:mod:`.files`)."""

from assistant.core.model.case import (
    CASE_FORMAT,
    CASE_SUFFIX,
    CASE_VERSION,
    Applicant,
    Attachment,
    Case,
    LetterInfo,
    Owner,
    Remarks,
)
from assistant.core.model.fileformat import case_json, load_case, parse_case, save_case
from assistant.core.model.files import AttachmentState, attachment_states, check_attachment_files
from assistant.core.model.ids import (
    check_ids,
    compose_remark,
    effective_region,
    effective_sign_type,
)
from assistant.core.model.plain import resolve_path

__all__ = [
    "CASE_FORMAT",
    "CASE_SUFFIX",
    "CASE_VERSION",
    "Applicant",
    "Attachment",
    "AttachmentState",
    "Case",
    "LetterInfo",
    "Owner",
    "Remarks",
    "attachment_states",
    "case_json",
    "check_attachment_files",
    "check_ids",
    "compose_remark",
    "effective_region",
    "effective_sign_type",
    "load_case",
    "parse_case",
    "resolve_path",
    "save_case",
]
