"""Rule packs: the bundled packs load, merge disagreeing sources strictly, and bad packs are named."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from assistant.core.rules import (
    PROVIDERS,
    SIGNATURE_TYPE_IDS,
    RulePackError,
    load_pack,
    load_pack_file,
    validate_folder,
)
from assistant.core.rules import schema as schema_mod
from assistant.resources import resource_path


@pytest.mark.parametrize("provider", PROVIDERS)
def test_bundled_pack_loads_and_is_complete(provider: str) -> None:
    pack = load_pack(provider)
    assert pack.provider == provider
    assert {a.id for a in pack.accounts} == {"enterprise", "individual"}
    assert {p.id for p in pack.purposes} == {"self", "others"}
    assert {t.id for t in pack.signature_types} <= set(SIGNATURE_TYPE_IDS)
    for lang in ("en", "zh", "id"):
        assert pack.name[lang]
        for doc in pack.documents.values():
            assert doc.name[lang] and doc.guidance[lang]
    for entry in pack.rules:
        assert entry.source in pack.sources
        assert isinstance(pack.sources[entry.source].read, dt.date)


def test_every_rule_names_a_source_that_exists_on_disk_or_online() -> None:
    for pack in map(load_pack, PROVIDERS):
        for source in pack.sources.values():
            if source.ref.startswith("seeds/"):
                # The seeds live in ../shared beside the repository in development and CI.
                seeds = resource_path().parent.parent / "shared" / source.ref
                if seeds.parent.exists():
                    assert seeds.exists(), source.ref


def test_tencent_signature_count_sources_disagree_and_the_stricter_wins() -> None:
    rule = load_pack("tencent").rule("limits.max_signatures")
    assert rule is not None
    assert {e.source: e.values["value"] for e in rule.entries} == {"seed-000": 200, "seed-001": 50}
    assert rule.disagreement
    assert rule.value == 50


def test_alibaba_byte_limit_2mb_beats_5mb() -> None:
    rule = load_pack("alibaba").rule("files.max_bytes")
    assert rule is not None and rule.value == 2 * 1024 * 1024
    assert sorted(e.values["value"] for e in rule.entries) == [2 * 1024 * 1024, 5 * 1024 * 1024]


@pytest.mark.parametrize(
    ("provider", "region", "expected"),
    [
        ("tencent", "mainland", (2, 12)),
        ("tencent", "international", (2, 15)),
        ("alibaba", None, (2, 12)),
        ("huawei", None, (2, 12)),  # 16 (seed 002), 12 (2025-04 rules page), 32: the narrowest
    ],
)
def test_name_length_per_provider_and_region(
    provider: str, region: str | None, expected: tuple[int, int]
) -> None:
    rule = load_pack(provider).rule("name.length", region)
    assert rule is not None and rule.value == expected


def test_file_rules_per_provider() -> None:
    assert load_pack("tencent").rule("files.formats").value == {"jpeg", "png"}  # type: ignore[union-attr]
    assert load_pack("alibaba").rule("files.formats").value == {"jpeg", "png", "gif"}  # type: ignore[union-attr]
    assert load_pack("huawei").rule("files.formats").value == {"jpeg", "png", "gif", "pdf"}  # type: ignore[union-attr]
    forbidden = load_pack("huawei").rule("files.name_forbidden_chars").value  # type: ignore[union-attr]
    assert set("#'$%&*/|<>{}[]; ") <= set(forbidden)


def test_withdrawn_types_carry_date_and_notice() -> None:
    tencent = load_pack("tencent")
    app = tencent.signature_type("app")
    assert app is not None
    assert app.withdrawal("mainland") is not None and app.withdrawal("international") is None
    for type_id in ("website", "official_account", "mini_program"):
        w = tencent.signature_type(type_id).withdrawal("international")  # type: ignore[union-attr]
        assert w is not None and w.since == dt.date(2025, 6, 1) and "2025" in w.notice["en"]
    alibaba = load_pack("alibaba")
    for type_id in ("official_account", "mini_program", "eshop"):
        assert alibaba.signature_type(type_id).withdrawal(None) is not None  # type: ignore[union-attr]


# ----------------------------------------------------------------------------- loader errors
def _write_variant(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = resource_path("rules", "tencent.toml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "tencent.toml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            'id = "company"\ncode = 0',
            'id = "company"\ncode = "zero"',
            "signature_types[0].code",
            "is not of type 'integer'",
        ),
        (
            '{ one_of = ["trademark_certificate"] }]',
            '{ one_of = ["trademark_cert"] }]',
            "requirements",
            "'trademark_cert' is not in this pack",
        ),
        (
            'source = "tencent-api"\ndocuments',
            'source = "nowhere"\ndocuments',
            "requirements",
            "unknown source 'nowhere'",
        ),
        ('id = "name.charset"', 'id = "name.colour"', "rules", "unknown rule id 'name.colour'"),
        ("min = 2\nmax = 12", "min = 13\nmax = 12", "rules", "min is greater than max"),
        (
            'types = ["company", "trademark", "government"]',
            'types = ["company", "shop"]',
            "forbidden[0].types",
            "unknown type 'shop'",
        ),
        (
            'provider = "tencent"',
            'provider = "tencent"\ncolour = "red"',
            "(top level)",
            "Additional properties are not allowed",
        ),
    ],
)
def test_loader_names_file_key_and_line(
    tmp_path: Path, old: str, new: str, key: str, message: str
) -> None:
    path = _write_variant(tmp_path, old, new)
    with pytest.raises(RulePackError) as err:
        load_pack_file(path)
    text = str(err.value)
    assert text.startswith("tencent.toml:")
    assert key in text and message in text
    assert err.value.line is None or err.value.line > 0


def test_loader_points_at_the_line_of_a_wrong_value(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, 'id = "company"\ncode = 0', 'id = "company"\ncode = "zero"')
    with pytest.raises(RulePackError) as err:
        load_pack_file(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert err.value.line is not None
    assert lines[err.value.line - 1].strip() == 'code = "zero"'


def test_loader_reports_toml_syntax_errors_with_line(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, 'version = "2026-12-01"', 'version = "2026-12-01')
    with pytest.raises(RulePackError) as err:
        load_pack_file(path)
    assert "not valid TOML" in str(err.value) and err.value.line == 5


def test_loader_refuses_a_conflict_that_is_not_the_stricter(tmp_path: Path) -> None:
    path = _write_variant(
        tmp_path,
        '{ one_of = ["business_license", "three_in_one_certificate"], conflict = { source = "seed-001", one_of = ["three_in_one_certificate", "business_license"',
        '{ one_of = ["business_license", "three_in_one_certificate", "public_institution_certificate"], conflict = { source = "seed-001", one_of = ["three_in_one_certificate", "business_license"',
    )
    with pytest.raises(RulePackError, match="stricter"):
        load_pack_file(path)


def test_loader_reports_a_missing_file_and_non_utf8(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="cannot read"):
        load_pack_file(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe provider")
    with pytest.raises(RulePackError, match="UTF-8"):
        load_pack_file(bad)


def test_missing_name_length_for_a_region_is_reported(tmp_path: Path) -> None:
    path = _write_variant(
        tmp_path, 'max = 15\nregions = ["international"]', 'max = 15\nregions = ["mainland"]'
    )
    with pytest.raises(
        RulePackError, match=re.escape("rule 'name.length' is missing for region 'international'")
    ):
        load_pack_file(path)


# ----------------------------------------------------------------------------- templates table
_TEMPLATES = '\n[templates.zz_test]\nnote = "kept as read"\nlimit = 3\n'


def _tencent_without_templates() -> str:
    """tencent.toml without its shipped [templates] table (appended last, see the pack)."""
    text = resource_path("rules", "tencent.toml").read_text(encoding="utf-8")
    return text.split("\n[templates]\n", 1)[0] + "\n"


def _append_templates(tmp_path: Path, table: str) -> Path:
    path = tmp_path / "tencent.toml"
    path.write_text(_tencent_without_templates() + table, encoding="utf-8")
    return path


@pytest.mark.parametrize("provider", PROVIDERS)
def test_shipped_pack_keeps_its_templates_table_as_read(provider: str) -> None:
    path = resource_path("rules", f"{provider}.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert load_pack(provider).templates == data.get("templates", {})


def test_templates_table_is_optional_and_kept_raw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A table schema that does not exist: the table is kept without a check of its own.
    monkeypatch.setitem(schema_mod.TABLE_SCHEMAS, "provider", {"templates": "no-such-schema"})
    pack = load_pack_file(_append_templates(tmp_path, _TEMPLATES))
    assert pack.templates["zz_test"] == {"note": "kept as read", "limit": 3}


def test_templates_must_be_a_table(tmp_path: Path) -> None:
    path = tmp_path / "tencent.toml"
    text = _tencent_without_templates()
    path.write_text(
        text.replace('provider = "tencent"', 'provider = "tencent"\ntemplates = 3'),
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match="templates: 3 is not of type 'object'"):
        load_pack_file(path)


def test_templates_table_is_validated_against_its_own_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = {
        "type": "object",
        "additionalProperties": {"type": "object", "properties": {"limit": {"type": "integer"}}},
    }
    real = schema_mod.schema
    monkeypatch.setattr(
        schema_mod, "schema", lambda name: own if name == "templates" else real(name)
    )
    path = _append_templates(tmp_path, _TEMPLATES.replace("limit = 3", 'limit = "three"'))
    with pytest.raises(RulePackError) as err:
        load_pack_file(path)
    assert "templates.zz_test.limit: 'three' is not of type 'integer'" in str(err.value)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert err.value.line is not None and lines[err.value.line - 1] == 'limit = "three"'


# ----------------------------------------------------------------------------- shipped packs
# load_pack() trusts the shipped packs (no schema validation at every start); these tests are
# what makes that safe: every shipped pack is validated here, in CI.
def test_every_shipped_pack_matches_the_schemas() -> None:
    packs = validate_folder(resource_path("rules"))
    assert set(packs) == set(PROVIDERS)
    assert all(packs[p].provider == p for p in PROVIDERS)


def _rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(resource_path("rules"), folder)
    return folder


def test_a_broken_shipped_pack_fails_the_schema_test(tmp_path: Path) -> None:
    folder = _rules_copy(tmp_path)
    pack = folder / "tencent.toml"
    text = pack.read_text(encoding="utf-8")
    # a wrong type that building the pack alone would not notice
    pack.write_text(
        text.replace('id = "company"\ncode = 0', 'id = "company"\ncode = "zero"'), encoding="utf-8"
    )
    with pytest.raises(RulePackError, match=re.escape("signature_types[0].code")):
        validate_folder(folder)


def test_a_broken_shipped_common_file_fails_the_schema_test(tmp_path: Path) -> None:
    folder = _rules_copy(tmp_path)
    common = folder / "common.toml"
    common.write_text(
        common.read_text(encoding="utf-8") + '\n[sources.zz]\ntitle = "no ref"\n', encoding="utf-8"
    )
    with pytest.raises(RulePackError, match=r"^common\.toml:\d+: sources\.zz: 'ref' is a required"):
        validate_folder(folder)


def test_shipped_packs_load_without_jsonschema() -> None:
    code = (
        "import sys\n"
        "from assistant.core.rules import load_all\n"
        "assert len(load_all()) == 3\n"
        "assert 'jsonschema' not in sys.modules, 'schema validated at start'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_trusted_pack_that_is_malformed_still_names_the_key(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, 'id = "company"\ncode = 0', 'id = "company"\ncod = 0')
    with pytest.raises(RulePackError, match=re.escape("signature_types[0]: 'code' is a required")):
        load_pack_file(path, trusted=True)
