"""`check-name`: check signature names against a provider's rules."""

from __future__ import annotations

import argparse

from assistant.cli.common import (
    add_format_options,
    add_provider_options,
    pack_and_region,
    print_subject_results,
    subject_result,
)
from assistant.core.names import check_name


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check-name",
        help="check signature names (many in one call)",
        description="Check each signature NAME against the provider's name rules. "
        "Give many names in one call (a whole list, e.g. through xargs): the rules are loaded "
        "once, so 1,000 names in one call take about as long as two calls with one name, not "
        "1,000 calls. Exit 0 when no name has an error, 1 when one does.",
    )
    add_provider_options(p)
    add_format_options(p)
    p.add_argument(
        "names", nargs="+", metavar="NAME", help="signature name, without 【】; as many as you like"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    _, region = pack_and_region(args)
    results = [
        subject_result(name, args.provider, check_name(name, args.provider, region, args.lang))
        for name in args.names
    ]
    return print_subject_results(results, args.format)
