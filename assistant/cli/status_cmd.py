"""`import-status`: read the providers' saved status output and update the cases of a folder."""

from __future__ import annotations

import argparse
import datetime as dt

from assistant.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from assistant.cli.common import add_format_options, finding_lines, print_json
from assistant.core.i18n import text
from assistant.core.status import step_label
from assistant.core.status.importer import ImportReport, import_status
from assistant.core.status.lifecycle import stage_label


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import-status",
        help="update case status from a provider's saved status list",
        description="Read FILE, the JSON a provider's own CLI printed and you saved (tccli sms "
        "DescribeSmsSignList / DescribeSmsTemplateList; aliyun dysmsapi QuerySmsSignList / "
        "QuerySmsTemplateList / GetSmsSign; hcloud MSGSMS ListSignatureDetails), match the "
        "signatures to the cases under DIR by name and provider, update their status (review, "
        "per-carrier filing) and explain every rejection. Exit 0 when the file was read, 1 when "
        "it could not be.",
    )
    p.add_argument("file", metavar="FILE", help="the saved JSON")
    p.add_argument("--cases", required=True, metavar="DIR", help="folder of *.smscase.json")
    p.add_argument("--dry-run", action="store_true", help="show what would change, save nothing")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date to record (default: today)")
    add_format_options(p)
    p.set_defaults(func=run)


def _today(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--today must be YYYY-MM-DD, not {value!r}") from exc


def _label(kind: str, value: str, lang: str) -> str:
    return stage_label(value, lang) if kind == "signature" else value


def _text(report: ImportReport, lang: str, dry: bool) -> list[str]:
    sigs = sum(1 for i in report.items if i.kind == "signature")
    lines = [
        text(
            "status.import.summary",
            lang,
            file=report.file.name,
            signatures=sigs,
            templates=len(report.items) - sigs,
            cases=len(report.updates),
            dry=text("status.import.dry", lang) if dry else "",
        )
    ]
    for update in report.updates:
        lines.append(f"  {update.path} ({update.client or '-'})")
        for c in update.changes:
            before, after = _label(c.kind, c.before, lang), _label(c.kind, c.after, lang)
            lines.append(f"    【{c.name}】 {before} → {after}")
            best = c.explanation.best if c.explanation else None
            if best is not None:
                r = best.reason
                lines.append(f"      {r.text('reason', lang)} → {r.text('fix', lang)}")
                lines.append(
                    f"      {text('status.explain.step', lang)}: {step_label(r.step, lang)}"
                )
            elif c.explanation is not None:
                lines.append(f"      {c.explanation.message(lang)}")
    if report.unmatched:
        lines.append(f"  {text('status.import.unmatched', lang)}:")
        lines.extend(
            f"    【{i.name}】 {i.provider} · {i.kind} · {i.raw_status}" for i in report.unmatched
        )
    lines.extend(finding_lines(report.findings))
    return lines


def run(args: argparse.Namespace) -> int:
    report = import_status(
        args.file, args.cases, lang=args.lang, today=_today(args.today), write=not args.dry_run
    )
    if args.format == "json":
        print_json(report.to_dict(args.lang))
    else:
        print("\n".join(_text(report, args.lang, args.dry_run)))
    return EXIT_OK if report.ok else EXIT_FINDINGS
