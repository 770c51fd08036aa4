"""`qualification`: check a case's qualification section and write its files (issue #11)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from assistant.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from assistant.cli.common import add_format_options, finding_lines, print_json
from assistant.core.findings import Finding, has_errors, sort_findings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "qualification",
        help="check a case's qualification (资质) and write its commitment letter and request",
        description="Check the qualification section of CASE against its provider's rules "
        "(required fields and documents, ID numbers, mobile number, validities, the owner "
        "against the signature's owner and the letter's authorizer) and the administrator "
        "against the other cases of CASE's folder (one administrator per owner). With --output, "
        "write into DIR the filled commitment letter (where the provider asks for one), the "
        "qualification request (Alibaba SubmitSmsQualification) and steps.txt, what to type "
        "and upload in the console. ID numbers are shown masked. Exit 1 with an error finding.",
    )
    p.add_argument("case", type=Path, metavar="CASE", help="the case file (*.smscase.json)")
    p.add_argument("--output", "-o", type=Path, metavar="DIR", help="folder to write the files")
    p.add_argument("--force", action="store_true", help="replace files of an earlier run")
    add_format_options(p)
    p.set_defaults(func=run, lang=None)


def _findings(case_path: Path, lang: str | None) -> tuple[Any, list[Finding], str]:
    from assistant.core.model import load_case
    from assistant.core.qualification import check_folder, check_qualification

    case, found = load_case(case_path, lang)
    if case is None:
        return None, found, lang or "en"
    msg_lang = lang or case.language
    found += check_qualification(case, msg_lang)
    others = check_folder(case_path.parent, msg_lang)
    found += others.get(str(case_path), others.get(str(case_path.resolve()), []))
    return case, found, msg_lang


def run(args: argparse.Namespace) -> int:
    from assistant.core.qualification import (
        needs_qualification,
        redact,
        redact_findings,
        steps,
    )

    case_path: Path = args.case
    if not case_path.is_file():
        raise UsageError(f"no case file {str(case_path)!r}")
    if args.output is not None and args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{str(args.output)!r} is not a folder")
    case, findings, lang = _findings(case_path, args.lang)
    written: list[Path] = []
    if case is not None and args.output is not None:
        from assistant.core.qualification.write import write_qualification

        result = write_qualification(case, args.output, lang, force=args.force)
        findings += result.findings
        written = result.paths
    secrets = case.qualification.id_numbers() if case is not None else []
    findings = sort_findings(redact_findings(findings, secrets))
    ok = case is not None and not has_errors(findings)
    needed = case is not None and needs_qualification(case)
    if args.format == "json":
        print_json(
            {
                "case": str(case_path),
                "ok": ok,
                "needed": needed,
                "written": [str(p) for p in written],
                "steps": [redact(s, secrets) for s in steps(case, lang)] if case else [],
                "findings": [f.to_dict() for f in findings],
            }
        )
    else:
        _print_text(case, case_path, lang, needed, ok, written, findings)
    return EXIT_OK if ok else EXIT_FINDINGS


def _print_text(
    case: Any,
    case_path: Path,
    lang: str,
    needed: bool,
    ok: bool,
    written: list[Path],
    findings: list[Finding],
) -> None:
    from assistant.core.i18n import localized, text
    from assistant.core.rules import PROVIDERS, load_pack

    if case is not None and not needed and case.provider in PROVIDERS:
        provider = localized(load_pack(case.provider).name, lang)
        print(f"{case_path}: " + text("qualification.cli.not_needed", lang, provider=provider))
    else:
        print(f"{case_path}: {'ok' if ok else 'NOT OK'}")
    for line in finding_lines(findings):
        print(line)
    for path in written:
        print("  " + text("qualification.cli.written", lang, path=str(path)))
