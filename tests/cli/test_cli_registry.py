"""The command registry: every command listed, registered by its module, imported only when chosen."""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import assistant.cli
from assistant.cli import COMMANDS, build_parser, main

CLI_DIR = Path(assistant.cli.__file__).parent
# Libraries only some commands need (attachments, letters, schema validation, the GUI).
HEAVY = ("PIL", "pillow_heif", "pypdf", "docx", "jsonschema", "PySide6")


def test_every_command_module_is_in_the_table() -> None:
    assert {p.stem for p in CLI_DIR.glob("*_cmd.py")} == set(COMMANDS.values())


@pytest.mark.parametrize("module", sorted(set(COMMANDS.values())))
def test_each_module_registers_exactly_its_commands(module: str) -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(f"assistant.cli.{module}").register(sub)
    assert set(sub.choices) == {c for c, m in COMMANDS.items() if m == module}


def test_help_lists_every_command_in_table_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    found = [re.search(rf"\n +{re.escape(command)}\s", out) for command in COMMANDS]
    assert all(found), out
    positions = [m.start() for m in found if m]
    assert positions == sorted(positions)


def test_a_chosen_command_builds_only_its_modules_parsers() -> None:
    sub = next(
        a for a in build_parser("check-name")._actions if isinstance(a, argparse._SubParsersAction)
    )
    assert set(sub.choices) == {"check-name"}
    every = next(
        a for a in build_parser("nonsense")._actions if isinstance(a, argparse._SubParsersAction)
    )
    assert set(every.choices) == set(COMMANDS)


def test_unknown_command_lists_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chek-name"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and all(c in err for c in COMMANDS)


def test_check_name_help_says_it_takes_many_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-name", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "many names in one call" in out and "1,000 names" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check-name", "--provider", "tencent", "--format", "json", "腾讯云"],
        [
            "checklist",
            "--provider",
            "alibaba",
            "--account",
            "enterprise",
            "--purpose",
            "self",
            "--type",
            "company",
            "--format",
            "json",
        ],
    ],
)
def test_light_commands_import_no_heavy_library(argv: list[str]) -> None:
    code = (
        "import contextlib, io, json, sys\n"
        "from assistant.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    code = main({argv!r})\n"
        f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
        "print(json.dumps({'code': code, 'heavy': heavy, 'out': out.getvalue()}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["code"] == 0 and json.loads(data["out"])  # the command did its work
    assert data["heavy"] == []
