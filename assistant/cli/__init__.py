"""Headless commands over the same core as the wizard.

Every command lives in its own module of this package and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` (``args -> exit code``); :data:`COMMANDS` lists them.
Exit codes: 0 when no finding is an error, 1 when one is, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from assistant import __version__

# Every command, in the order `--help` lists them, and the module of this package that registers
# it (``register(subparsers)``; a module may register several). One line per command. Only the
# chosen command's module is imported, so a command pays for no other command's libraries.
COMMANDS: dict[str, str] = {
    "rules": "rules_cmd",
    "check-name": "names_cmd",
    "check-template": "template_cmd",
    "checklist": "checklist_cmd",
    "check-file": "files_cmd",
    "fix-file": "files_cmd",
    "letter": "letter_cmd",
    "qualification": "qualification_cmd",
    "export": "bundle_cmd",
    "export-batch": "bundle_cmd",
    "demo": "bundle_cmd",
    "explain-rejection": "explain_cmd",
    "import-status": "status_cmd",
    "import-cases": "import_cmd",
    "list-cases": "library_cmd",
    "duplicate-case": "library_cmd",
}

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A value the user gave is not valid; the message lists the valid ones."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with ``command`` only (when it is one of :data:`COMMANDS`), else with all."""
    parser = argparse.ArgumentParser(
        prog="sms-signature-assistant",
        description=(
            "Prepare and pre-check SMS signature applications for Tencent Cloud, Alibaba Cloud "
            "and Huawei Cloud. Without a command, opens the wizard."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for module in modules:
        importlib.import_module(f"assistant.cli.{module}").register(sub)
    return parser


def gui_main() -> int:
    from assistant.gui.app import run

    return run(sys.argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    opens_case = len(argv) == 1 and argv[0].endswith(".smscase.json") and os.path.isfile(argv[0])
    if not argv or opens_case:
        # No command: the wizard; a case file (`sms-signature-assistant client.smscase.json`,
        # or a double-click on one): the wizard with that case.
        from assistant.gui.app import run

        return run([sys.argv[0], *argv])
    # The command is the first argument (the top level's own options take no value); with an
    # option first (`--help`, `--version`) or an unknown command, every command is registered.
    parser = build_parser(argv[0])
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version (0) or a usage error (2)
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"{parser.prog} {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and the like: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
