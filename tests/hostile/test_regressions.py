"""Every input the fuzzers once broke the attachment checks with (tests/hostile/regressions/)
gives findings, not an exception, through inspect_file, fix_file and thumbnail."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.attachments import fix_file, inspect_file, thumbnail

HERE = Path(__file__).parent / "regressions"
INPUTS = sorted(p for p in HERE.iterdir() if p.is_file() and p.suffix != ".md")


def test_the_regression_folder_is_documented() -> None:
    table = (HERE / "README.md").read_text(encoding="utf-8")
    for path in INPUTS:
        assert f"`{path.name}`" in table, f"{path.name} is not listed in regressions/README.md"


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
@pytest.mark.parametrize("provider", ["tencent", "alibaba", "huawei"])
def test_regression_input_gives_findings(path: Path, provider: str, tmp_path: Path) -> None:
    data = path.read_bytes()[2:]  # the fuzzer's two selector bytes
    target = tmp_path / "input.bin"
    target.write_bytes(data)
    insp = inspect_file(target, provider, "business_license")
    assert insp.ok or insp.findings
    result = fix_file(target, provider, tmp_path / "out")
    assert result.findings
    assert target.read_bytes() == data
    thumbnail(target, 64)
