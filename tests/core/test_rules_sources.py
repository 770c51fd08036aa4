"""Source titles (#16): every shipped source has a reader's title in English and Chinese, no
title speaks our developers' language, and a pack of the user's own without Chinese titles
still loads, showing the English one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.core.rules import PROVIDERS, RulePackError, load_pack, load_pack_file
from assistant.core.rules.model import Source
from tests.core.source_words import CJK, developer_words
from tests.core.test_rules import _rules_copy

LANGS = ("en", "zh", "id")


def _shipped_sources() -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for provider in PROVIDERS:
        sources.update(load_pack(provider).sources)
    return sources


def test_the_deny_list_catches_the_old_developer_titles() -> None:
    for old in (
        "Read through the project's research notes: neither page is in the stored corpus.",
        "alibabacloud-dysmsapi20170525 4.6.0 CreateSmsSignRequest",
        "Tencent Cloud AddSmsSign (tencentcloud-sdk-python-sms request model)",
        "Huawei Cloud msgsms SmsSignatureReq (huaweicloudsdkmsgsms)",
        "Derived from the reasons the seeds give",
        "signature_source 1, 3, 4 discarded",
        "(Chinese version of seed 002)",
    ):
        assert developer_words(old), old
    assert developer_words("Tencent Cloud SMS: API reference for applying for a signature") == []


def test_every_shipped_source_has_a_chinese_title() -> None:
    for sid, source in _shipped_sources().items():
        assert source.title.strip(), sid
        assert source.title_zh and CJK.search(source.title_zh), sid
        assert source.title_for("zh") == source.title_zh
        assert source.title_for("en") == source.title


@pytest.mark.parametrize("lang", LANGS)
def test_no_title_speaks_the_developers_language(lang: str) -> None:
    bad = {
        sid: words
        for sid, source in _shipped_sources().items()
        if (words := developer_words(source.title_for(lang)))
    }
    assert bad == {}


def test_titles_are_distinct_per_page_and_notes_keep_the_details() -> None:
    sources = _shipped_sources()
    for lang in LANGS:
        printed = [(s.title_for(lang), s.url) for s in sources.values()]
        assert len(printed) == len(set(printed)), lang
    # what the titles no longer say is kept for developers
    assert "CreateSmsSignRequest" in (sources["alibaba-sdk-create-sms-sign"].note or "")
    assert "seeds" in (sources["derived"].note or "")
    assert "corpus" in (sources["carrier-abbreviation"].note or "")


def test_a_users_pack_without_translated_titles_shows_the_english_one(tmp_path: Path) -> None:
    folder = _rules_copy(tmp_path)
    common = folder / "common.toml"
    text = common.read_text(encoding="utf-8")
    stripped = re.sub(r"^(title_zh|title_id|note) = .*\n", "", text, flags=re.MULTILINE)
    assert stripped != text
    common.write_text(stripped, encoding="utf-8")
    pack = load_pack_file(folder / "tencent.toml", common)  # validated: a path of the user's
    source = pack.sources["seed-001"]
    assert source.title_zh is None and source.title_id is None and source.note is None
    for lang in LANGS:
        assert (
            source.title_for(lang) == source.title == load_pack("tencent").sources["seed-001"].title
        )


def test_an_empty_chinese_title_is_refused(tmp_path: Path) -> None:
    folder = _rules_copy(tmp_path)
    common = folder / "common.toml"
    text = common.read_text(encoding="utf-8")
    common.write_text(
        text.replace('title_zh = "腾讯云短信：签名常见问题（英文页面）"', 'title_zh = ""'),
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match=r"sources\.seed-000\.title_zh"):
        load_pack_file(folder / "tencent.toml", common)
