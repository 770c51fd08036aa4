"""``resources/i18n/messages.json`` is the TOML message files compiled (issue #18): the program
reads it only while it matches every TOML file, so an edit is never shadowed by a stale copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from assistant.core import i18n

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "i18n"


def test_the_compiled_catalogue_is_up_to_date() -> None:
    assert (FOLDER / i18n.COMPILED).read_text(encoding="utf-8") == i18n.compiled_text(FOLDER), (
        "resources/i18n/messages.json is stale: run python scripts/compile_messages.py"
    )


def test_the_program_reads_the_same_messages_as_the_toml_files() -> None:
    assert i18n.load_messages(FOLDER) == i18n.parse_messages(FOLDER)


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "i18n"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("gui"))
    return folder


def test_an_edited_message_file_wins_over_the_stale_compiled_copy(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "names.toml"
    text = path.read_text(encoding="utf-8")
    key = next(iter(i18n.parse_messages(folder)))  # any key of the catalogue
    path.write_text(text + '\n["zz.test.only"]\nen = "edited"\n', encoding="utf-8")
    messages = i18n.load_messages(folder)
    assert messages["zz.test.only"] == {"en": "edited"}
    assert key in messages


def test_the_compiled_copy_is_what_is_read_while_it_matches(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    data = json.loads((folder / i18n.COMPILED).read_text(encoding="utf-8"))
    data["messages"]["zz.only.in.json"] = {"en": "from the compiled copy"}
    (folder / i18n.COMPILED).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert "zz.only.in.json" in i18n.load_messages(folder)


def test_a_damaged_compiled_copy_falls_back_to_the_toml_files(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / i18n.COMPILED).write_text("{not json", encoding="utf-8")
    assert i18n.load_messages(folder) == i18n.parse_messages(FOLDER)
