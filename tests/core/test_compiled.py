"""The shipped TOML resources and their compiled copies (issue #18, assistant.core.compiled): the
program reads a copy only while it matches the file's bytes, so an edit is never shadowed."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib
from pathlib import Path

import pytest

from assistant.core import compiled

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", compiled.FOLDERS)
def test_every_compiled_copy_is_up_to_date(name: str) -> None:
    folder = ROOT / "resources" / name
    assert (folder / compiled.COMPILED).read_text(encoding="utf-8") == compiled.compiled_text(
        folder
    ), f"resources/{name}/compiled.json is stale: run python scripts/compile_resources.py"


@pytest.mark.parametrize("name", compiled.FOLDERS)
def test_the_compiled_data_is_the_toml_data(name: str) -> None:
    folder = ROOT / "resources" / name
    for path in sorted(folder.glob("*.toml")):
        raw = path.read_bytes()
        assert compiled.data_for(path, raw) == tomllib.loads(raw.decode("utf-8")), path.name


def test_dates_come_back_as_dates() -> None:
    path = ROOT / "resources" / "rules" / "common.toml"
    data = compiled.data_for(path, path.read_bytes())
    assert data is not None
    assert all(isinstance(s["read"], dt.date) for s in data["sources"].values())


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "resources" / "rules", folder)
    compiled._entries.cache_clear()
    return folder


def test_an_edited_file_is_read_from_its_toml_not_the_stale_copy(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "tencent.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[zz_edited]\nx = 1\n", encoding="utf-8")
    assert compiled.data_for(path, path.read_bytes()) is None
    assert compiled.load_toml(path)["zz_edited"] == {"x": 1}


def test_a_matching_copy_is_what_is_read(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    data = json.loads((folder / compiled.COMPILED).read_text(encoding="utf-8"))
    inner = json.loads(data["files"]["tencent.toml"]["json"])
    inner["zz_from_copy"] = True
    data["files"]["tencent.toml"]["json"] = json.dumps(inner)
    (folder / compiled.COMPILED).write_text(json.dumps(data), encoding="utf-8")
    assert compiled.load_toml(folder / "tencent.toml")["zz_from_copy"] is True


def test_each_read_is_a_new_object(tmp_path: Path) -> None:
    path = ROOT / "resources" / "rules" / "tencent.toml"
    first = compiled.load_toml(path)
    first.clear()
    assert compiled.load_toml(path)


@pytest.mark.parametrize("damage", ["{not json", '{"format": 99, "files": {}}', '{"files": 3}'])
def test_a_damaged_copy_falls_back_to_the_toml_files(tmp_path: Path, damage: str) -> None:
    folder = _copy(tmp_path)
    (folder / compiled.COMPILED).write_text(damage, encoding="utf-8")
    path = folder / "huawei.toml"
    assert compiled.load_toml(path) == tomllib.loads(path.read_text(encoding="utf-8"))
