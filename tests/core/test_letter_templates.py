"""The letter's templates are reproducible, and placeholders and labels are documented in one place."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

from assistant.core.letter import PLACEHOLDERS
from assistant.core.letter.engine import load_labels, normalize_label
from assistant.core.letter.placeholders import BY_NAME
from assistant.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "packaging" / "build_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_templates", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_committed_templates_are_what_the_generator_builds(tmp_path: Path) -> None:
    build = builder()
    assert build.main(["--check"]) == 0, "run: python packaging/build_templates.py"
    # and the build is deterministic
    assert build.main(["--out", str(tmp_path)]) == 0
    for name in build.BUILDERS:
        assert (tmp_path / name).read_bytes() == resource_path("templates", name).read_bytes()


def test_docs_list_exactly_the_placeholders() -> None:
    doc = (ROOT / "docs" / "letter-placeholders.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| `\{\{(\w+)\}\}` \|", doc, flags=re.M)
    assert table == [p.name for p in PLACEHOLDERS]


def test_labels_name_known_fields_and_are_unambiguous() -> None:
    with resource_path("templates", "labels.toml").open("rb") as fh:
        data = tomllib.load(fh)
    assert set(data["fields"]) <= set(BY_NAME)
    assert set(data["generic"]) == {"name", "credit_code", "legal_representative"}
    assert set(data["parties"]) <= set(data["fields"])
    seen: dict[str, str] = {}
    for group in ("fields", "generic"):
        for field, labels in data[group].items():
            for label in labels:
                key = normalize_label(label)
                assert key, label
                assert seen.setdefault(key, field) == field, f"{label!r} means two things"
    labels = load_labels()
    assert labels.fields["授权方"] == "owner_name"
    assert labels.generic["统一社会信用代码"] == "credit_code"
