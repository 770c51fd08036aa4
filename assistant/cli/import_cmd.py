"""`import-cases`: a client list (.xlsx or .csv) -> one checked case file per row."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from assistant.cli.common import add_format_options, finding_lines, print_json
from assistant.core.i18n import text
from assistant.core.intake import IntakeDefaults, IntakeReport, MappingError, import_cases
from assistant.core.rules import PROVIDERS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import-cases",
        help="one case file per row of a client list (.xlsx or .csv)",
        description="Read FILE, a spreadsheet with one row per application (client, credit code, "
        "legal representative, signature, provider …), and write one new case file per row to "
        "DIR, never over an existing file. Common Chinese and English headers (公司名称, "
        "统一社会信用代码, 法定代表人, 签名, 平台, company, credit code, signature, provider …) "
        "are recognised; map others with --map. Codes, ID and phone numbers must be text: a row "
        "whose code a spreadsheet turned into a number (9.1E+17, a lost leading zero, 1,234) is "
        "refused with what to do. Each case is checked; the summary says what each client still "
        "misses. Exit 0 when every row became a case file, 1 when a row was refused or the file "
        "could not be read. Example: docs/example-clients.csv.",
    )
    p.add_argument("file", metavar="FILE", help="the client list (.xlsx or .csv)")
    p.add_argument("--output", "-o", required=True, metavar="DIR", help="folder for the cases")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="COLUMN (header, letter or 1-based number) holds FIELD (owner.name, "
        "owner.credit_code, signature_names, provider, …; empty FIELD: leave the column out); "
        "repeatable",
    )
    p.add_argument("--provider", choices=PROVIDERS, help="provider of rows that name none")
    p.add_argument(
        "--purpose",
        choices=("self", "others"),
        help="default: others when there is an applicant (column or --applicant), else self",
    )
    p.add_argument(
        "--applicant",
        metavar="PROFILE",
        help="the agency's company (the applicant) from the profiles file, by name",
    )
    p.add_argument(
        "--profiles",
        metavar="FILE",
        help="the profiles file (default: DIR/sms-profiles.json, where the wizard keeps them)",
    )
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    add_format_options(p)
    p.set_defaults(func=run)


def _defaults(args: argparse.Namespace) -> IntakeDefaults:
    from assistant.core.profiles import PROFILES_FILE, load_profiles

    defaults = IntakeDefaults(
        provider=args.provider or "", purpose=args.purpose or "", language=args.lang
    )
    if args.applicant:
        where = Path(args.profiles) if args.profiles else Path(args.output) / PROFILES_FILE
        book, found = load_profiles(where, args.lang)
        if found:
            raise UsageError("; ".join(f.message for f in found))
        profile = book.find(args.applicant)
        if profile is None:
            names = ", ".join(repr(p.name) for p in book.profiles) or "none"
            raise UsageError(f"no profile {args.applicant!r} in {where}; the profiles: {names}")
        defaults.applicant = profile
    return defaults


def _text(report: IntakeReport, lang: str, outdir: str, dry: bool) -> list[str]:
    counts = report.counts()
    written = counts["ready"] + counts["incomplete"]
    lines = [
        text(
            "intake.cli.summary",
            lang,
            file=Path(report.file).name,
            rows=len(report.rows),
            written=counts["preview"] if dry else written,
            folder=outdir,
            ready=counts["ready"],
            refused=counts["refused"],
        )
    ]
    if dry:
        lines[0] += " " + text("intake.cli.dry", lang)
    if report.mapping:
        shown = ", ".join(f"{report.headers[i]} → {f}" for i, f in sorted(report.mapping.items()))
        lines.append(f"  {text('intake.cli.columns', lang)}: {shown}")
    if report.unmapped():
        lines.append(f"  {text('intake.cli.unmapped', lang)}: {', '.join(report.unmapped())}")
    for r in report.rows:
        names = " ".join(f"【{n}】" for n in r.signatures)
        where = f" → {r.case_path}" if r.case_path else ""
        lines.append(f"  {r.row:>4}  {r.status.upper():10} {r.client or '-'} {names}{where}")
        lines.extend(finding_lines(r.refused, "        "))
        if r.missing:
            lines.append(f"        {text('intake.cli.missing', lang)}:")
            lines.extend(f"          - {f.message}" for f in r.missing)
    lines.extend(finding_lines(report.findings))
    return lines


def run(args: argparse.Namespace) -> int:
    if not Path(args.file).exists():
        raise UsageError(f"no file {args.file!r}")
    defaults = _defaults(args)
    try:
        report = import_cases(
            args.file,
            None if args.dry_run else args.output,
            map_specs=args.map,
            defaults=defaults,
            lang=args.lang,
        )
    except MappingError as exc:
        raise UsageError(str(exc)) from exc
    if args.format == "json":
        print_json(report.to_dict())
    else:
        print("\n".join(_text(report, args.lang, args.output, args.dry_run)))
    return EXIT_OK if report.ok else EXIT_FINDINGS
