"""`check-name`: check signature names against a provider's rules and, with ``--owner``, against
the owner's registered name (or the app's / trademark's full name for those ``--type`` values)."""

from __future__ import annotations

import argparse

from assistant.cli import UsageError
from assistant.cli.common import (
    add_format_options,
    add_provider_options,
    pack_and_region,
    print_subject_results,
    subject_result,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check-name",
        help="check signature names (many in one call)",
        description="Check each signature NAME against the provider's name rules. "
        "Give many names in one call (a whole list, e.g. through xargs): the rules are loaded "
        "once, so 1,000 names in one call take about as long as two calls with one name, not "
        "1,000 calls. With --owner, each name must also be the owner's full registered name or a "
        "contiguous part of it (for --type app or trademark: of the app's or trademark's full "
        "name). Exit 0 when no name has an error, 1 when one does.",
    )
    add_provider_options(p)
    p.add_argument(
        "--owner",
        metavar="FULL NAME",
        help="the owner's legal full name, as on its business license (for --type app/trademark: "
        "the app's or trademark's full name)",
    )
    p.add_argument(
        "--type",
        dest="type_",
        metavar="TYPE",
        default="company",
        help="signature type the names are for (default: company); `rules` lists each provider's",
    )
    add_format_options(p)
    p.add_argument(
        "names", nargs="+", metavar="NAME", help="signature name, without 【】; as many as you like"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from assistant.core.owner import check_signature

    pack, region = pack_and_region(args)
    if pack.signature_type(args.type_) is None:
        valid = ", ".join(t.id for t in pack.signature_types)
        raise UsageError(f"unknown type {args.type_!r} for {args.provider}; valid: {valid}")
    owner = (args.owner or "").strip() or None
    results = [
        subject_result(
            name,
            args.provider,
            check_signature(name, args.provider, region, args.lang, type_=args.type_, owner=owner),
        )
        for name in args.names
    ]
    return print_subject_results(results, args.format)
