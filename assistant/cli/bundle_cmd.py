"""`export`, `export-batch` and `demo`: the submission bundle from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from assistant.cli.common import finding_lines, print_json
from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import LANGUAGES, text
from assistant.core.rules import PROVIDERS

if TYPE_CHECKING:
    from assistant.core.bundle import ChecklistRenderer


def _options(
    p: argparse.ArgumentParser,
    *,
    output: tuple[str, str],
    force_help: str,
    incomplete_help: str | None = None,
) -> None:
    """The options every bundle command has: ``--output`` (metavar, help), ``--allow-incomplete``
    (when ``incomplete_help`` is given), ``--force``, ``--format`` and ``--lang``."""
    metavar, output_help = output
    p.add_argument("--output", "-o", required=True, metavar=metavar, help=output_help)
    if incomplete_help is not None:
        p.add_argument("--allow-incomplete", action="store_true", help=incomplete_help)
    p.add_argument("--force", action="store_true", help=force_help)
    if incomplete_help is not None:
        p.add_argument(
            "--no-record",
            action="store_true",
            help="leave the case file as it is (by default a complete export is recorded in its "
            "status: ready to submit)",
        )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of messages, README and checklist (default: the case's language)",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="check a case and write its submission bundle (zip)",
        description="Run every check on CASE (names, identifiers, remarks, attachments, letter). With "
        "an error nothing is written and the problems are listed (exit 1), unless "
        "--allow-incomplete, which writes the bundle with INCOMPLETE in its name and manifest. "
        "The zip holds the renamed and fixed attachments, the filled authorization letter, "
        "checklist.pdf, README.txt, manifest.json and api/ request payloads.",
    )
    p.add_argument("case", metavar="CASE", help="the case file (*.smscase.json)")
    _options(
        p,
        output=("ZIP", "the bundle to write"),
        force_help="replace an existing bundle",
        incomplete_help="write the bundle even with errors, marked INCOMPLETE",
    )
    p.set_defaults(func=run_export)

    b = sub.add_parser(
        "export-batch",
        help="one bundle per case file of a folder, with summary.csv",
        description="Export every *.smscase.json in FOLDER (and its sub-folders) to OUTDIR, one "
        "bundle each, and write OUTDIR/summary.csv (client, signature, status, blocking "
        "problems). The cases are exported in parallel, one worker process per CPU; each bundle "
        "is in its case's language unless --lang is given, and byte-identical to what export "
        "writes for that case. A broken case is reported in the summary and never stops the "
        "others. Exit 1 when any case is not exported complete.",
    )
    b.add_argument("folder", metavar="FOLDER", help="folder with case files")
    _options(
        b,
        output=("OUTDIR", "folder for the bundles"),
        force_help="replace existing bundles",
        incomplete_help="write bundles with errors too, marked INCOMPLETE",
    )
    b.set_defaults(func=run_batch)

    d = sub.add_parser(
        "demo",
        help="write a sample case with sample images and export its bundle",
        description="The no-setup way to see the program work: writes DIR/demo.smscase.json, sample "
        "document images in DIR/files/ and the exported DIR/demo-bundle.zip. With --provider, "
        "that provider's sample case with a complete qualification (sample ID photos, the "
        "commitment letter, the qualification/ folder): the whole chain.",
    )
    _options(
        d, output=("DIR", "folder to write into"), force_help="replace an existing demo bundle"
    )
    d.add_argument(
        "--provider",
        choices=PROVIDERS,
        default=None,
        help="the sample case of this provider, with a complete qualification",
    )
    d.set_defaults(func=run_demo)


def checklist_renderer() -> ChecklistRenderer | None:
    """The checklist PDF renderer handed to the core (None without the Qt libraries: the bundle
    then says it has no checklist)."""
    try:
        from assistant.render import checklist_pdf_bytes
    except ImportError:
        return None
    return checklist_pdf_bytes


def _export_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "force": args.force,
        "allow_incomplete": args.allow_incomplete,
        "lang": args.lang,
        "render_checklist": checklist_renderer(),
    }


# What load_case reports when it leaves a value of the file out: saving would lose that value.
_DROPPED = frozenset(
    {
        "case.unknown_key",
        "case.wrong_type",
        "case.bad_date",
        "case.attachment_incomplete",
        "case.duplicate_key",
        "case.bad_path",
    }
)


def record_export(path: Path, lang: str | None) -> Finding:
    """Record a complete export in the case file ``path`` (``mark_exported``: its names are ready
    to submit) and save it; an info finding when it was recorded, a warning saying why not (a
    file with values the reader drops is never rewritten)."""
    from assistant.core.model import load_case, save_case
    from assistant.core.status import case_stage, mark_exported, stage_label

    case, found = load_case(path, lang)
    lang = lang or (case.language if case else None)
    dropped = [f for f in found if f.code in _DROPPED]
    reason = ""
    if case is None or dropped:
        reason = text("status.export.would_drop", lang) if case else found[0].message
    else:
        mark_exported(case)
        try:
            save_case(case, path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
    if reason:
        return Finding(
            Severity.WARNING,
            "status.export.not_recorded",
            text("status.export.not_recorded", lang, path=str(path), reason=reason),
            fix=text("status.export.not_recorded.fix", lang),
            subject=str(path),
        )
    assert case is not None
    return Finding(
        Severity.INFO,
        "status.export.recorded",
        text("status.export.recorded", lang, stage=stage_label(case_stage(case), lang)),
        subject=str(path),
    )


def _print_findings(findings: list[Finding]) -> None:
    for line in finding_lines(sort_findings(findings)):
        print(line)


def run_export(args: argparse.Namespace) -> int:
    from assistant.core.bundle import export_case

    case_path = Path(args.case)
    if not case_path.is_file():
        raise UsageError(f"no case file {str(case_path)!r}")
    result = export_case(case_path, Path(args.output), **_export_options(args))
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    recorded = None
    if result.ok and not result.incomplete and not args.no_record:
        recorded = record_export(case_path, args.lang)
    if args.format == "json":
        data = result.to_dict()
        if recorded is not None:
            data["recorded"] = recorded.to_dict()
        print_json(data)
    elif result.output is None:
        lang = args.lang or (result.case.language if result.case else None)
        print(f"{case_path}: NOT exported")
        _print_findings(result.findings)
        if errors and not any(f.code.startswith("bundle.") for f in errors):
            print("  " + text("bundle.blocked", lang, count=len(errors)))
            print("  " + text("bundle.blocked.fix", lang))
    else:
        status = "INCOMPLETE" if result.incomplete else "ok"
        print(f"{case_path}: {status} -> {result.output}")
        for f in result.files:
            print(f"  {f['path']}  ({f['size']} bytes)")
        _print_findings(result.findings + ([recorded] if recorded else []))
    return EXIT_FINDINGS if errors else EXIT_OK


def run_batch(args: argparse.Namespace) -> int:
    from assistant.core.bundle import export_batch

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"no folder {str(folder)!r}")
    result = export_batch(folder, Path(args.output), **_export_options(args))
    recorded = {
        r.case_file: record_export(Path(r.case_file), args.lang)
        for r in result.rows
        if r.status == "ok" and not args.no_record
    }
    if args.format == "json":
        print_json(
            {
                "ok": result.ok,
                "summary": str(result.summary) if result.summary else None,
                "findings": [f.to_dict() for f in result.findings],
                "cases": [
                    {
                        "case_file": r.case_file,
                        "client": r.client,
                        "signatures": r.signatures,
                        "status": r.status,
                        "output": r.output or None,
                        "problems": r.problems,
                        "recorded": (
                            recorded[r.case_file].to_dict() if r.case_file in recorded else None
                        ),
                    }
                    for r in result.rows
                ],
            }
        )
    else:
        _print_findings(result.findings)
        for r in result.rows:
            print(f"{r.status.upper():10} {r.case_file}" + (f" -> {r.output}" if r.output else ""))
            if r.case_file in recorded:
                print("\n".join(finding_lines([recorded[r.case_file]], indent="    ")))
            for p in r.problems[:5]:
                print(f"    ✗ {p}")
            if len(r.problems) > 5:
                print(f"    … {len(r.problems) - 5} more")
        if result.summary:
            counts = {
                s: sum(r.status == s for r in result.rows)
                for s in ("ok", "incomplete", "blocked", "broken")
            }
            print(
                f"{len(result.rows)} case(s): "
                + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
                + f"; summary: {result.summary}"
            )
    return EXIT_OK if result.ok else EXIT_FINDINGS


def run_demo(args: argparse.Namespace) -> int:
    from assistant.core.bundle import write_demo

    case_path, result = write_demo(
        Path(args.output),
        lang=args.lang or "zh",
        force=args.force,
        render_checklist=checklist_renderer(),
        provider=args.provider,
    )
    if args.format == "json":
        print_json({"case": str(case_path), **result.to_dict()})
    else:
        print(f"sample case: {case_path}")
        if result.output:
            print(f"bundle: {result.output}")
            for f in result.files:
                print(f"  {f['path']}  ({f['size']} bytes)")
        _print_findings(result.findings)
    return EXIT_OK if result.output else EXIT_FINDINGS
