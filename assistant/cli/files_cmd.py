"""`check-file` and `fix-file`: inspect attachments, and write compliant copies of them."""

from __future__ import annotations

import argparse
import os
from typing import Any

from assistant.cli import UsageError
from assistant.cli.common import (
    add_format_options,
    add_provider_options,
    finding_lines,
    pack_and_region,
    print_json,
    print_subject_results,
    subject_result,
)
from assistant.core.attachments import display_path, fix_file, inspect_file
from assistant.core.findings import Finding
from assistant.core.rules import RulePack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check-file",
        help="check images and PDFs before upload",
        description="Check each FILE (image or PDF) against the provider's file rules and, with "
        "--document, the readability its kind of document needs. With the ocr extra, also what "
        "it says: a licence's name, credit code, legal representative, validity and watermark, "
        'a signed letter\'s seal, signature, date and text (JSON: "read"), compared with '
        "--case. Exit 0 when no file has an error, 1 when one does.",
    )
    add_provider_options(p)
    _add_document_option(p)
    add_format_options(p)
    p.add_argument(
        "--case",
        metavar="CASE",
        help="a *.smscase.json file: compare what each file says (name, credit code, legal "
        "representative, validity; a signed letter's parties, seal, signature, date) with it",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="image or PDF to check")
    p.set_defaults(func=run_check)

    p = sub.add_parser(
        "fix-file",
        help="write a compliant copy of an image or PDF",
        description="Write a fixed copy of FILE to OUT (convert, rotate upright, strip metadata, "
        "flatten transparency, shrink under the size limit, extract the pages of a scanned PDF as "
        "<OUT stem>-p<N>.<ext>). The original is never changed. The copy is checked again; exit 0 "
        "when it passes, 1 when it cannot be made to pass.",
    )
    add_provider_options(p)
    _add_document_option(p)
    add_format_options(p)
    p.add_argument("file", metavar="FILE", help="image or PDF to fix")
    p.add_argument(
        "--output", "-o", required=True, metavar="OUT", help="file (or existing folder) to write"
    )
    p.set_defaults(func=run_fix)


def _add_document_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--document",
        metavar="D",
        help="what the file shows (a document id, e.g. business_license, authorization_letter, "
        "app_store_screenshot); sets the readability needed",
    )


def _document(args: argparse.Namespace, pack: RulePack) -> str | None:
    doc: str | None = args.document
    if doc is not None and doc not in pack.documents:
        raise UsageError(
            f"unknown document {doc!r} for {args.provider}; valid: {', '.join(sorted(pack.documents))}"
        )
    return doc


def run_check(args: argparse.Namespace) -> int:
    pack, region = pack_and_region(args)
    document = _document(args, pack)
    case = _load_case(args.case, args.lang) if args.case else None
    results = []
    for i, path in enumerate(args.files):
        insp = inspect_file(path, args.provider, document, region, args.lang)
        found, read = _evidence(path, args, document, case, insp, first=i == 0)
        facts = {**insp.facts(), "read": read}
        results.append(
            subject_result(display_path(path), args.provider, [*insp.findings, *found], **facts)
        )
    return print_subject_results(results, args.format)


def _load_case(path: str, lang: str) -> Any:
    from assistant.core.model import load_case

    case, findings = load_case(path, lang)
    if case is None:
        raise UsageError("; ".join(f.message for f in findings) or f"cannot read {path}")
    return case


def _evidence(
    path: str, args: argparse.Namespace, document: str | None, case: Any, insp: Any, first: bool
) -> tuple[list[Finding], dict[str, Any]]:
    """What the file says (the ``ocr`` extra), compared with ``case``: findings and ``read``.
    Without the extra, one info finding (on the first file) says what it would add."""
    from assistant.core.attachments import FATAL_CODES
    from assistant.core.evidence import READ_KEYS, check_document, ocr_available

    read: dict[str, Any] = dict.fromkeys(READ_KEYS)
    if insp.codes & set(FATAL_CODES):
        return [], read
    if case is not None and document is None:
        document = _attached_as(case, path)
    ev = check_document(path, args.provider, document, case, args.lang)
    if not ocr_available():  # asked for (a case, a document) and said once
        asked = case is not None or document is not None
        return (ev.findings if first and asked else []), read
    return ev.findings, {**read, **ev.read}


def _attached_as(case: Any, path: str) -> str | None:
    """The document id ``path`` is attached as in ``case`` (the same file), if it is."""
    for a in case.attachments:
        try:
            if os.path.samefile(a.path, path):
                return str(a.document)
        except OSError:
            continue
    return None


def run_fix(args: argparse.Namespace) -> int:
    pack, region = pack_and_region(args)
    document = _document(args, pack)
    result = fix_file(args.file, args.provider, args.output, document, region, args.lang)
    outputs: list[dict[str, Any]] = [
        subject_result(display_path(insp.path), args.provider, insp.findings, **insp.facts())
        for insp in result.inspections
    ]
    shown = display_path(args.file)  # a name with undecodable bytes still prints
    data = subject_result(shown, args.provider, result.findings, outputs=outputs)
    data["ok"] = result.ok
    if args.format == "json":
        print_json([data])
    else:
        print(f"{shown}: {'fixed' if result.ok else 'NOT FIXED'}")
        for line in finding_lines(result.findings):
            print(line)
        for out in outputs:
            print(f"  -> {out['subject']}: {'ok' if out['ok'] else 'NOT OK'}")
            for line in finding_lines(out["findings"], indent="      "):
                print(line)
    return 0 if result.ok else 1
