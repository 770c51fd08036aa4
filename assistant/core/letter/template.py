"""Open a letter template safely and write a filled letter reproducibly.

:func:`open_template` reads the file (a regular file, at most :attr:`Limits.file_bytes`), takes it
apart under the limits of :mod:`.package`, removes what :mod:`.clean` removes, and only then hands
it to python-docx; every problem is a finding, never an exception. :func:`write_document` saves
atomically with fixed zip times: the same case gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocumentObject
from docx.opc.pkgwriter import PackageWriter

from assistant.core.findings import Finding, Severity
from assistant.core.fsio import (
    FileTooLargeError,
    NotRegularFileError,
    atomic_write_bytes,
    read_regular_file,
)
from assistant.core.i18n import text
from assistant.core.letter.clean import CleanReport, clean_package
from assistant.core.letter.model import _f
from assistant.core.letter.package import (
    LIMITS,
    BadPackage,
    Limits,
    UnsafeTemplate,
    package_bytes,
    read_package,
)

SUBJECT = "letter.template"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Word 97-2003 .doc
_LISTED = 5  # items named in a finding; the rest are counted


def open_template(
    path: Path, lang: str, limits: Limits = LIMITS
) -> tuple[DocumentObject | None, list[Finding]]:
    """The cleaned document of ``path`` and findings (what was removed), or None and the error."""

    def problem(code: str, **params: Any) -> tuple[None, list[Finding]]:
        return None, [_f(code, Severity.ERROR, lang, SUBJECT, path=str(path), **params)]

    def unreadable(reason: str) -> tuple[None, list[Finding]]:
        return problem("letter.template_unreadable", reason=reason)

    if not path.exists():
        return problem("letter.template_missing")
    try:
        data = read_regular_file(path, limits.file_bytes)
    except NotRegularFileError:
        return unreadable(text("letter.reason.not_a_file", lang))
    except FileTooLargeError:
        size = path.stat().st_size
        return unsafe(
            path, UnsafeTemplate("too_large", size=_mb(size), max=_mb(limits.file_bytes)), lang
        )
    except OSError as exc:
        return unreadable(exc.strerror or str(exc))
    if data[:8] == _OLE2:
        return problem("letter.template_old_doc")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return unreadable(text("letter.reason.not_docx", lang))
    try:
        cleaned, report = _cleaned(data, limits)
        return docx.Document(io.BytesIO(cleaned)), clean_findings(report, lang)
    except UnsafeTemplate as exc:
        return unsafe(path, exc, lang)
    except BadPackage as exc:
        return unreadable(text("letter.reason.not_docx", lang) + f" ({exc})")
    except Exception as exc:  # python-docx raises KeyError, ValueError … on a damaged package
        return unreadable(text("letter.reason.not_docx", lang) + f" ({type(exc).__name__})")


# A batch fills the same template for every case: the checked, cleaned package of a template
# is kept (by its content) so it is taken apart once per process, not once per letter.
_CACHED_TEMPLATE_BYTES = 4 * 1024 * 1024  # bigger templates are rare: not kept


@functools.lru_cache(maxsize=8)
def _cleaned_cached(data: bytes, limits: Limits) -> tuple[bytes, CleanReport]:
    package = read_package(data, limits)
    report = clean_package(package)
    return package.to_bytes(), report


def _cleaned(data: bytes, limits: Limits) -> tuple[bytes, CleanReport]:
    """The cleaned .docx bytes of a template and what was removed (raises like
    :func:`read_package`). The report is shared: read it, never change it."""
    if len(data) <= _CACHED_TEMPLATE_BYTES:
        return _cleaned_cached(data, limits)
    package = read_package(data, limits)
    report = clean_package(package)
    return package.to_bytes(), report


def unsafe(path: Path, exc: UnsafeTemplate, lang: str) -> tuple[None, list[Finding]]:
    """The error finding of a template refused by a limit."""
    reason = text(f"letter.reason.{exc.reason}", lang, **exc.params)
    return None, [
        _f("letter.template_unsafe", Severity.ERROR, lang, SUBJECT, path=str(path), reason=reason)
    ]


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"


def _listed(items: list[str], lang: str) -> str:
    """The first few distinct items, then how many more."""
    unique = list(dict.fromkeys(items))
    shown = ", ".join(unique[:_LISTED])
    more = len(unique) - _LISTED
    return shown + (text("letter.and_more", lang, count=more) if more > 0 else "")


def clean_findings(report: CleanReport, lang: str) -> list[Finding]:
    """One finding per kind of thing removed from the template."""
    findings: list[Finding] = []
    if report.active:
        findings.append(
            _f(
                "letter.template_active_removed",
                Severity.WARNING,
                lang,
                SUBJECT,
                items=_listed(report.active, lang),
            )
        )
    if report.external:
        findings.append(
            _f(
                "letter.template_links_removed",
                Severity.WARNING,
                lang,
                SUBJECT,
                items=_listed(report.external, lang),
            )
        )
    if report.personal:
        items = [
            f"{text(f'letter.property.{key}', lang)}: {value}" for key, value in report.personal
        ]
        findings.append(
            _f(
                "letter.template_personal_removed",
                Severity.INFO,
                lang,
                SUBJECT,
                items=_listed(items, lang),
            )
        )
    return findings


class _Parts:
    """Takes the parts python-docx writes (the interface of its ``PhysPkgWriter``) without
    zipping them, so the letter is compressed once, by :func:`package_bytes`."""

    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.parts[pack_uri.membername] = blob

    def close(self) -> None:
        pass


def document_bytes(doc: DocumentObject) -> bytes:
    """The .docx of ``doc`` with fixed zip times and attributes (reproducible)."""
    package = doc.part.package
    collected = _Parts()
    writer: Any = PackageWriter  # its static steps, given _Parts for the zip writer
    try:  # what ``OpcPackage.save`` does, into _Parts instead of a zip
        for part in package.parts:
            part.before_marshal()
        writer._write_content_types_stream(collected, package.parts)
        writer._write_pkg_rels(collected, package.rels)
        writer._write_parts(collected, package.parts)
        parts = collected.parts
    except AttributeError:  # another python-docx: save, then take the parts out of its zip
        raw = io.BytesIO()
        doc.save(raw)
        with zipfile.ZipFile(raw) as saved:
            parts = {info.filename: saved.read(info) for info in saved.infolist()}
    return package_bytes(parts)


def write_document(doc: DocumentObject, output: Path) -> None:
    """Write ``doc`` to ``output`` atomically (readers see the old file or the whole new one)."""
    atomic_write_bytes(output, document_bytes(doc))
