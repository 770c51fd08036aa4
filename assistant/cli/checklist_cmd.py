"""`checklist`: the documents and remark fields an application needs (text, JSON or printable PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.cli import UsageError
from assistant.cli.common import (
    add_format_options,
    finding_lines,
    pack_and_region,
    print_json,
)
from assistant.core.checklist import Checklist, build_checklist
from assistant.core.findings import Finding, has_errors
from assistant.core.i18n import localized
from assistant.core.rules import PROVIDERS

if TYPE_CHECKING:
    from assistant.core.model import Case


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "checklist",
        help="list the documents an application needs",
        description="The certificate checklist for a provider, account type, purpose and signature "
        "type, or for a case file (--case). Exit 1 when the combination cannot be applied for "
        "(the message says why and what instead).",
    )
    p.add_argument("--provider", choices=PROVIDERS, help="cloud provider")
    p.add_argument("--region", help="provider region: mainland (default) or international")
    p.add_argument("--account", help="enterprise or individual")
    p.add_argument("--purpose", help="self or others")
    p.add_argument("--type", dest="type_", metavar="TYPE", help="signature type, e.g. company, app")
    p.add_argument(
        "--industry",
        help="restricted-industries answer: none, finance, dating or religion (the consequence "
        "is listed)",
    )
    p.add_argument(
        "--sign-type", dest="sign_type", help="sign kind where the provider has them, e.g. general"
    )
    p.add_argument(
        "--case",
        type=Path,
        metavar="CASE",
        help="a *.smscase.json file: its answers, and the status of each document in the PDF",
    )
    p.add_argument("--output", type=Path, help="where to write the PDF (with --format pdf)")
    add_format_options(p, formats=("text", "json", "pdf"))
    p.set_defaults(func=run, lang=None)  # None: the case's language, else English


def _from_case(args: argparse.Namespace) -> tuple[Case | None, list[Finding]]:
    from assistant.core.model import load_case

    case, findings = load_case(args.case, args.lang)
    if case is None:
        return None, findings
    args.lang = args.lang or case.language
    for attr, value in (
        ("provider", case.provider),
        ("region", case.region),
        ("account", case.account),
        ("purpose", case.purpose),
        ("type_", case.type),
        ("industry", case.industry or None),
        ("sign_type", case.sign_type),
    ):
        if getattr(args, attr) is None:
            setattr(args, attr, value)
    return case, findings


def _validate(args: argparse.Namespace) -> None:
    missing = [
        f"--{name}"
        for name, attr in (
            ("provider", "provider"),
            ("account", "account"),
            ("purpose", "purpose"),
            ("type", "type_"),
        )
        if getattr(args, attr) is None
    ]
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (or give --case)")
    if args.provider not in PROVIDERS:
        raise UsageError(f"unknown provider {args.provider!r}; valid: {', '.join(PROVIDERS)}")
    if args.format == "pdf" and args.output is None:
        raise UsageError("--format pdf needs --output FILE.pdf")


def _print_text(checklist: Checklist, lang: str) -> None:
    pack = checklist.pack
    title = (
        f"{localized(pack.name, lang)}: {checklist.type} signature, "
        f"{checklist.account} account, {checklist.purpose}"
    )
    print(title + (f", {checklist.region}" if checklist.region else ""))
    for line in finding_lines(checklist.findings):
        print(line)
    for n, group in enumerate(checklist.groups(), 1):
        first = group[0]
        tag = "" if first.required else " (optional)"
        if len(group) > 1:
            print(f"{n}. One of{tag}:")
            for e in group:
                print(f"   [ ] {localized(e.document.name, lang)} ({e.document.id})")
        else:
            print(f"{n}. [ ] {localized(first.document.name, lang)} ({first.document.id}){tag}")
        print(f"      {localized(first.document.guidance, lang)}")
        if first.conflict_note:
            print(f"      note: {localized(first.conflict_note, lang)}")
    if checklist.remarks:
        print("Remarks to fill in:")
        for r in checklist.remarks:
            print(f"   [ ] {localized(r.name, lang)} ({r.id}): {localized(r.guidance, lang)}")
    if checklist.letter is not None:
        print(f"Authorization letter: {checklist.letter.text(lang)}")
    question = checklist.to_dict(lang)["questions"]
    for q in question:
        print(f"Question: {q['question']}")
        for option in q["options"]:
            print(f"   - {option['id']}: {option['consequence']}")


def run(args: argparse.Namespace) -> int:
    case: Case | None = None
    case_findings: list[Finding] = []
    if args.case is not None:
        case, case_findings = _from_case(args)
        if case is None:
            for line in finding_lines(case_findings):
                print(line)
            return 1
    _validate(args)
    _, region = pack_and_region(args)
    checklist = build_checklist(
        args.provider,
        args.account,
        args.purpose,
        args.type_,
        region,
        args.lang,
        industry=args.industry,
        sign_type=args.sign_type,
    )
    unknown = [f.message for f in checklist.findings if f.code == "checklist.unknown"]
    if unknown:  # the core names the valid values; for the command line it is a usage error
        raise UsageError(" ".join(unknown))
    if args.format == "json":
        print_json(checklist.to_dict(args.lang))
        return 0 if checklist.ok else 1
    if args.format == "text":
        for line in finding_lines(case_findings):
            print(line)
        _print_text(checklist, args.lang)
        return 0 if checklist.ok else 1

    from assistant.core.review import check_case
    from assistant.render.checklist_pdf import write_checklist_pdf

    review = check_case(case, args.lang) if case is not None else None
    findings = write_checklist_pdf(checklist, args.output, case, lang=args.lang, review=review)
    for line in finding_lines(findings):
        print(line)
    if not has_errors(findings):
        print(f"wrote {args.output}")
    return 0 if checklist.ok and not has_errors(findings) else 1
