"""`checklist`: the documents and remark fields an application needs."""

from __future__ import annotations

import argparse

from assistant.cli.common import (
    add_format_options,
    add_provider_options,
    finding_lines,
    pack_and_region,
    print_json,
)
from assistant.core.checklist import build_checklist
from assistant.core.i18n import localized


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "checklist",
        help="list the documents an application needs",
        description="The certificate checklist for a provider, account type, purpose and signature type. "
        "Exit 1 when the combination cannot be applied for (the message says why and what instead).",
    )
    add_provider_options(p)
    p.add_argument("--account", required=True, help="enterprise or individual")
    p.add_argument("--purpose", required=True, help="self or others")
    p.add_argument(
        "--type",
        required=True,
        dest="type_",
        metavar="TYPE",
        help="signature type, e.g. company, app, trademark",
    )
    add_format_options(p)
    p.set_defaults(func=run)


def _validate(args: argparse.Namespace) -> None:
    from assistant.cli import UsageError

    pack, _ = pack_and_region(args)
    for kind, value, items in (
        ("account", args.account, pack.accounts),
        ("purpose", args.purpose, pack.purposes),
        ("type", args.type_, pack.signature_types),
    ):
        valid = [i.id for i in items]
        if value not in valid:
            raise UsageError(
                f"unknown {kind} {value!r} for {args.provider}; valid: {', '.join(valid)}"
            )


def run(args: argparse.Namespace) -> int:
    _validate(args)
    _, region = pack_and_region(args)
    checklist = build_checklist(
        args.provider, args.account, args.purpose, args.type_, region, args.lang
    )
    data = checklist.to_dict(args.lang)
    if args.format == "json":
        print_json(data)
        return 0 if checklist.ok else 1
    pack = checklist.pack
    title = f"{localized(pack.name, args.lang)}: {args.type_} signature, {args.account} account, {args.purpose}"
    print(title + (f", {region}" if region else ""))
    for line in finding_lines(checklist.findings):
        print(line)
    for n, group in enumerate(checklist.groups(), 1):
        first = group[0]
        tag = "" if first.required else " (optional)"
        if len(group) > 1:
            print(f"{n}. One of{tag}:")
            for e in group:
                print(f"   [ ] {localized(e.document.name, args.lang)} ({e.document.id})")
        else:
            print(
                f"{n}. [ ] {localized(first.document.name, args.lang)} ({first.document.id}){tag}"
            )
        print(f"      {localized(first.document.guidance, args.lang)}")
        if first.conflict_note:
            print(f"      note: {localized(first.conflict_note, args.lang)}")
    if checklist.remarks:
        print("Remarks to fill in:")
        for r in checklist.remarks:
            print(
                f"   [ ] {localized(r.name, args.lang)} ({r.id}): {localized(r.guidance, args.lang)}"
            )
    return 0 if checklist.ok else 1
