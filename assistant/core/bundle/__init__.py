"""The submission bundle: one zip that holds everything the provider console will ask for.

:func:`export_case` runs every check on a case (:func:`assistant.core.case.check_case`); with an
error it writes nothing (unless ``allow_incomplete``, which writes ``…-INCOMPLETE.zip``).
Otherwise the zip holds:

* ``files/NN-<document>.<ext>``: the attachments, renamed by role with safe ASCII names and fixed
  where needed (converted, rotated, shrunk under the byte limit, metadata stripped) — originals are
  never touched;
* ``letter/authorization-letter.docx``: the filled authorization letter (purpose ``others``);
* ``checklist.pdf``: the printable checklist with the case's status (made by the renderer the
  caller hands in: the core knows no Qt);
* ``README.txt``: in the case's language, what to upload where (:mod:`.readme`);
* ``api/*.json``: request payloads for the provider's API (:mod:`assistant.core.providers`);
* ``manifest.json``: the case summary, every file with role, size and sha256, the findings, the
  rule-pack versions and the program version (:mod:`.manifest`).

The zip is deterministic (:mod:`.zipwriter`): the same case, files and date give a
byte-identical zip. The date is today, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds
convention), or ``prepared_on``. :mod:`.batch` exports a folder of cases, :mod:`.demo` a sample.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.core.bundle.batch import BatchResult, BatchRow, export_batch, find_case_files
    from assistant.core.bundle.demo import sample_case, write_demo, write_sample_images
    from assistant.core.bundle.export import export_case
    from assistant.core.bundle.files import (
        BUNDLE_FORMAT,
        BUNDLE_VERSION,
        INCOMPLETE,
        BundleFile,
        ChecklistRenderer,
        ExportOptions,
        ExportResult,
        bundle_date,
        incomplete_path,
        role_file_name,
    )
    from assistant.core.bundle.manifest import build_manifest
    from assistant.core.bundle.readme import build_readme
    from assistant.core.bundle.zipwriter import write_zip
    from assistant.core.providers import TO_FILL, build_payloads
    from assistant.core.rules import PROVIDERS

_WHERE = {  # name -> module: imported when first used (a command that needs only the
    # output check does not import the exporter, the renderer hook and the providers)
    "BUNDLE_FORMAT": "assistant.core.bundle.files",
    "BUNDLE_VERSION": "assistant.core.bundle.files",
    "BatchResult": "assistant.core.bundle.batch",
    "BatchRow": "assistant.core.bundle.batch",
    "BundleFile": "assistant.core.bundle.files",
    "ChecklistRenderer": "assistant.core.bundle.files",
    "ExportOptions": "assistant.core.bundle.files",
    "ExportResult": "assistant.core.bundle.files",
    "INCOMPLETE": "assistant.core.bundle.files",
    "PROVIDERS": "assistant.core.rules",
    "TO_FILL": "assistant.core.providers",
    "build_manifest": "assistant.core.bundle.manifest",
    "build_payloads": "assistant.core.providers",
    "build_readme": "assistant.core.bundle.readme",
    "bundle_date": "assistant.core.bundle.files",
    "export_batch": "assistant.core.bundle.batch",
    "export_case": "assistant.core.bundle.export",
    "find_case_files": "assistant.core.bundle.batch",
    "incomplete_path": "assistant.core.bundle.files",
    "role_file_name": "assistant.core.bundle.files",
    "sample_case": "assistant.core.bundle.demo",
    "write_demo": "assistant.core.bundle.demo",
    "write_sample_images": "assistant.core.bundle.demo",
    "write_zip": "assistant.core.bundle.zipwriter",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_VERSION",
    "INCOMPLETE",
    "PROVIDERS",
    "TO_FILL",
    "BatchResult",
    "BatchRow",
    "BundleFile",
    "ChecklistRenderer",
    "ExportOptions",
    "ExportResult",
    "build_manifest",
    "build_payloads",
    "build_readme",
    "bundle_date",
    "export_batch",
    "export_case",
    "find_case_files",
    "incomplete_path",
    "role_file_name",
    "sample_case",
    "write_demo",
    "write_sample_images",
    "write_zip",
]
