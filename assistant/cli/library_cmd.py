"""`list-cases` and `duplicate-case`: the case library from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from assistant.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from assistant.cli.common import add_format_options, finding_lines, print_json
from assistant.core.i18n import text
from assistant.core.rules import PROVIDERS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from assistant.core.library import PROBLEM_FILTERS, SORT_KEYS
    from assistant.core.status import STAGES

    p = sub.add_parser(
        "list-cases",
        help="the cases of a folder: client, provider, signatures, status, what blocks",
        description="List every *.smscase.json under DIR (and its sub-folders) with its client, "
        "provider, signatures, status and the problems that still block its export (the first "
        "one shown), searched, filtered and sorted as in the window's case library. With "
        "--export, the cases listed are exported to OUTDIR (the same core as export-batch). "
        "Exit 1 when a listed case has a blocking problem (or an exported one is not complete).",
    )
    p.add_argument("folder", metavar="DIR", help="folder of case files")
    p.add_argument("--search", default="", metavar="TEXT", help="every word must be in the row")
    p.add_argument("--stage", action="append", choices=STAGES, help="only these stages")
    p.add_argument("--provider", action="append", choices=PROVIDERS, help="only these providers")
    p.add_argument(
        "--problems", choices=PROBLEM_FILTERS[1:], help="blocked, clear (nothing blocks), broken"
    )
    p.add_argument("--sort", choices=SORT_KEYS, default="client", help="default: client")
    p.add_argument("--reverse", action="store_true", help="sort descending")
    p.add_argument(
        "--cache", metavar="FILE", help="keep the rows in FILE: a rerun reads only changed cases"
    )
    p.add_argument("--export", metavar="OUTDIR", help="export the cases listed to OUTDIR")
    p.add_argument(
        "--allow-incomplete", action="store_true", help="with --export: bundles with errors too"
    )
    p.add_argument("--force", action="store_true", help="with --export: replace bundles")
    add_format_options(p)
    p.set_defaults(func=run_list)

    d = sub.add_parser(
        "duplicate-case",
        help="a new case for the next client, from an existing one",
        description="Copy CASE for a new client: the provider, account, purpose, type, applicant "
        "and letter settings stay; the owner, signature names, remarks, files and status are "
        "cleared. The new file is named after --client, never over an existing file.",
    )
    d.add_argument("case", metavar="CASE", help="the case file to start from")
    d.add_argument("--client", default="", help="the new client's name (the owner)")
    d.add_argument("--output", metavar="DIR", help="folder of the new file (default: CASE's)")
    add_format_options(d)
    d.set_defaults(func=run_duplicate)


def _rows(args: argparse.Namespace) -> list[Any]:
    from assistant.core.library import Query, RowCache, filter_rows, scan, sort_rows

    cache = RowCache.load(args.cache) if args.cache else None
    result = scan(args.folder, lang=args.lang, cache=cache)
    if cache is not None:
        try:
            cache.save(args.cache)
        except OSError as exc:
            raise UsageError(f"cannot write the cache {args.cache!r}: {exc.strerror}") from exc
    query = Query(
        args.search,
        frozenset(args.stage or ()),
        frozenset(args.provider or ()),
        args.problems or "",
    )
    return sort_rows(filter_rows(result.rows, query), args.sort, args.reverse)


def _print_rows(rows: list[Any], lang: str) -> None:
    import datetime as dt

    for r in rows:
        when = dt.datetime.fromtimestamp(r.modified).strftime("%Y-%m-%d %H:%M")
        names = " ".join(f"【{n}】" for n in r.signatures) or "-"
        print(
            f"{r.client or '-'}  {names}  {r.provider or '-'}  {r.stage_label or r.stage}  {when}"
        )
        print(f"    {r.path}")
        if r.errors:
            more = text("library.cli.more", lang, count=r.errors - 1) if r.errors > 1 else ""
            print(f"    ✗ {r.first_error}{more}")
        if r.rejection:
            print(f"    ! {r.rejection}")
    print(text("library.cli.count", lang, count=len(rows), blocked=sum(r.blocked for r in rows)))


def _export(args: argparse.Namespace, rows: list[Any]) -> int:
    from assistant.cli.bundle_cmd import checklist_renderer
    from assistant.core.library import export_cases, mark_ready

    if not rows:
        print(text("library.cli.nothing", args.lang))
        return EXIT_FINDINGS
    result = export_cases(
        [r.path for r in rows],
        args.folder,
        args.export,
        lang=None,  # each bundle in its case's language, as export-batch
        force=args.force,
        allow_incomplete=args.allow_incomplete,
        render_checklist=checklist_renderer(),
    )
    result.findings.extend(mark_ready([r.case_file for r in result.rows if r.status == "ok"]))
    if args.format == "json":
        print_json(
            {
                "ok": result.ok,
                "summary": str(result.summary) if result.summary else None,
                "cases": [vars(r) for r in result.rows],
                "findings": [f.to_dict() for f in result.findings],
            }
        )
    else:
        for line in finding_lines(result.findings):
            print(line)
        for r in result.rows:
            print(f"{r.status.upper():10} {r.case_file}" + (f" -> {r.output}" if r.output else ""))
        if result.summary:
            print(f"summary: {result.summary}")
    return EXIT_OK if result.ok else EXIT_FINDINGS


def run_list(args: argparse.Namespace) -> int:
    if not Path(args.folder).is_dir():
        raise UsageError(f"no folder {args.folder!r}")
    rows = _rows(args)
    if args.export:
        return _export(args, rows)
    if args.format == "json":
        print_json([{**r.to_dict(), "blocked": r.blocked} for r in rows])
    else:
        _print_rows(rows, args.lang)
    return EXIT_FINDINGS if any(r.blocked for r in rows) else EXIT_OK


def run_duplicate(args: argparse.Namespace) -> int:
    from assistant.core.library import duplicate_case

    if not Path(args.case).is_file():
        raise UsageError(f"no case file {args.case!r}")
    made, found = duplicate_case(args.case, client=args.client, folder=args.output, lang=args.lang)
    if args.format == "json":
        print_json({"case": str(made) if made else None, "findings": [f.to_dict() for f in found]})
    elif made is not None:
        print(made)
    else:
        print("\n".join(finding_lines(found)))
    return EXIT_OK if made is not None else EXIT_FINDINGS
