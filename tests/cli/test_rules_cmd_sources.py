"""`rules` shows each cited source with its title in the chosen language and the developers'
note that the checklist never prints (#16)."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main
from assistant.core.rules import load_pack


def test_rules_lists_sources_with_titles_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    source = load_pack("alibaba").sources["alibaba-sdk-create-sms-sign"]
    assert main(["rules", "--provider", "alibaba", "--format", "json", "--lang", "zh"]) == 0
    data = json.loads(capsys.readouterr().out)["sources"]["alibaba-sdk-create-sms-sign"]
    assert data["title"] == source.title_zh
    assert data["titles"] == {"en": source.title, "zh": source.title_zh, "id": source.title_id}
    assert data["note"] == source.note and "CreateSmsSignRequest" in data["note"]

    assert main(["rules", "--provider", "alibaba", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    listing = out.split("  sources:\n", 1)[1]
    assert f"alibaba-sdk-create-sms-sign: {source.title} (read 2026-12-01)" in listing
    assert source.note in listing and "ref: research/providers.md" in listing
