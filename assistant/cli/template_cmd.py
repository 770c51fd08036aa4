"""`check-template`: check SMS body templates against a provider's template rules."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli import UsageError
from assistant.cli.common import (
    add_format_options,
    add_provider_options,
    pack_and_region,
    print_subject_results,
    subject_result,
)
from assistant.core.templates import KINDS, check_template


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check-template",
        help="check SMS templates (message texts with variables)",
        description="Check each SMS template TEXT (or each line of --file) against the "
        "provider's template rules for its kind. Write variables as the provider does: Tencent "
        "{1}, Alibaba ${code}, Huawei ${1}. Findings carry the corrected text where the fix is "
        "mechanical. Exit 0 when no template has an error, 1 when one does, 2 on a usage error.",
    )
    add_provider_options(p)
    p.add_argument("--kind", required=True, choices=KINDS, help="template kind")
    p.add_argument(
        "--signature",
        metavar="NAME",
        help="the signature the messages go out with (without 【】): counted in the length",
    )
    p.add_argument(
        "--purpose",
        choices=("self", "others"),
        help="whose signature the template is tied to (Alibaba: no finance templates for others)",
    )
    p.add_argument(
        "--account", choices=("enterprise", "individual"), help="the account's verification type"
    )
    p.add_argument(
        "--file",
        metavar="F",
        type=Path,
        help="read templates from F, one per line (blank lines are skipped); '-' for stdin",
    )
    add_format_options(p)
    p.add_argument("texts", nargs="*", metavar="TEXT", help="template text; as many as you like")
    p.set_defaults(func=run)


def _read_lines(path: Path) -> list[str]:
    if str(path) == "-":
        import sys

        data = sys.stdin.read()
    else:
        try:
            data = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise UsageError(f"no such file: {path}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {path} as UTF-8 text: {exc}") from exc
    return [line.rstrip("\r") for line in data.split("\n") if line.strip()]


def run(args: argparse.Namespace) -> int:
    _, region = pack_and_region(args)
    texts = list(args.texts) + (_read_lines(args.file) if args.file else [])
    if not texts:
        raise UsageError("give at least one TEXT, or --file F with one template per line")
    results = [
        subject_result(
            text,
            args.provider,
            check_template(
                text,
                args.provider,
                args.kind,
                signature=args.signature,
                region=region,
                account=args.account,
                purpose=args.purpose,
                lang=args.lang,
            ),
        )
        for text in texts
    ]
    return print_subject_results(results, args.format)
