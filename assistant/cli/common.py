"""How commands print their results: text for people, JSON for scripts. One place for both."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from assistant.cli import UsageError
from assistant.core.findings import Finding, has_errors, sort_findings
from assistant.core.i18n import LANGUAGES, environment_language
from assistant.core.rules import PROVIDERS, RulePack, load_pack

_MARK = {"error": "✗", "warning": "!", "info": "i"}


def add_format_options(
    parser: argparse.ArgumentParser, formats: Sequence[str] = ("text", "json")
) -> None:
    parser.add_argument(
        "--format", choices=formats, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=environment_language(),
        help="language of messages (default: the shell's, from LANG; else en)",
    )


def finding_lines(findings: Iterable[Finding | Mapping[str, Any]], indent: str = "  ") -> list[str]:
    """Findings (objects or their dicts) as indented text lines, errors first."""
    dicts = [f.to_dict() if isinstance(f, Finding) else f for f in findings]
    dicts.sort(key=lambda f: ("error", "warning", "info").index(f["severity"]))
    lines = []
    for f in dicts:
        lines.append(
            f"{indent}{_MARK[f['severity']]} {f['severity']}: {f['message']} [{f['code']}]"
        )
        if f.get("fix"):
            lines.append(f"{indent}    fix: {f['fix']}")
    return lines


def add_provider_options(parser: argparse.ArgumentParser, region: bool = True) -> None:
    parser.add_argument("--provider", required=True, choices=PROVIDERS, help="cloud provider")
    if region:
        parser.add_argument(
            "--region",
            help="provider region: mainland (default) or international",
        )


def pack_and_region(args: argparse.Namespace) -> tuple[RulePack, str | None]:
    """The provider's rule pack and the region asked for, checked (UsageError lists valid ones)."""
    pack = load_pack(args.provider)
    region = getattr(args, "region", None)
    if region is not None and region not in pack.region_ids:
        valid = ", ".join(pack.region_ids) or "none (this provider has no regions)"
        raise UsageError(f"unknown region {region!r} for {args.provider}; valid: {valid}")
    return pack, pack.region_or_default(region)


def subject_result(
    subject: str, provider: str, findings: Sequence[Finding], **extra: Any
) -> dict[str, Any]:
    """The result object of one checked subject (a name, a file …) in every `check-*` command."""
    return {
        "subject": subject,
        "provider": provider,
        "ok": not has_errors(findings),
        **extra,
        "findings": [f.to_dict() for f in sort_findings(findings)],
    }


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_subject_results(results: Sequence[Mapping[str, Any]], fmt: str) -> int:
    """Print `check-*` results; exit code 1 when any subject has an error finding."""
    if fmt == "json":
        print_json(list(results))
    else:
        for r in results:
            status = "ok" if r["ok"] else "NOT OK"
            print(f"{r['subject']}: {status}")
            for line in finding_lines(r["findings"]):
                print(line)
    return 0 if all(r["ok"] for r in results) else 1
