"""`explain-rejection`: what a console's rejection text means, how to fix it, which step to redo."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from assistant.cli.common import add_format_options, print_json
from assistant.core.i18n import text
from assistant.core.status import (
    PROVIDERS,
    Explanation,
    explain,
    load_catalogue,
    resubmit_label,
    step_label,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "explain-rejection",
        help="explain a rejection text from a provider's console",
        description="Find the published rejection reasons that match TEXT (paste it as the "
        "console shows it, in Chinese or English; '-' or nothing reads it from standard input), "
        "best first, with what it means, how to fix it and the wizard step to revisit. "
        "Exit 0 when a reason matches, 1 when none does.",
    )
    p.add_argument(
        "--provider", choices=PROVIDERS, help="the provider whose console showed the text"
    )
    add_format_options(p)
    p.add_argument("text", nargs="*", metavar="TEXT", help="the rejection text (after --)")
    p.set_defaults(func=run)


def _read_text(parts: list[str]) -> str:
    if not parts or parts == ["-"]:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no TEXT given: pass it after -- or pipe it into standard input")
        value = sys.stdin.read()
    else:
        value = " ".join(parts)
    if not value.strip():
        raise UsageError("the TEXT is empty")
    return value.strip()


def _text_lines(result: Explanation, data: dict[str, Any], lang: str) -> list[str]:
    lines = [text("status.explain.heading", lang, text=result.text)]
    if not result.matched:
        return [*lines, "  " + data["message"]]
    for i, m in enumerate(data["matches"], 1):
        conf = text("status.explain.confidence", lang)
        lines.append(f"  {i}. {m['reason']}  [{m['id']}, {conf} {m['confidence']:.2f}]")
        lines.append(f"     {text('status.explain.cause', lang)}: {m['cause']}")
        lines.append(f"     {text('status.explain.fix', lang)}: {m['fix']}")
        step = f"{step_label(m['step'], lang)} ({m['step']})"
        if m.get("field"):
            step += f" · {m['field']}"
        lines.append(f"     {text('status.explain.step', lang)}: {step}")
        lines.append(
            f"     {text('status.explain.resubmit', lang)}: {resubmit_label(m['resubmit'], lang)}"
        )
        source = load_catalogue().sources.get(m["source_id"])
        cited = source.cited(lang) if source else m["source_id"]  # title · address · date read
        lines.append(f"     {text('status.explain.source', lang)}: {cited}")
    return lines


def run(args: argparse.Namespace) -> int:
    value = _read_text(list(args.text))
    result = explain(value, args.provider)
    data = result.to_dict(args.lang)
    if args.format == "json":
        print_json(data)
    else:
        print("\n".join(_text_lines(result, data, args.lang)))
    return EXIT_OK if result.matched else EXIT_FINDINGS
