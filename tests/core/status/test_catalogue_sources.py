"""The rejection catalogue's source titles (#16): every shipped source has a reader's title in
English and Chinese (and Indonesian), no title speaks our developers' language, the pages the
rule packs cite too carry the same titles there, and a catalogue of the user's own without
Chinese titles still loads, showing the English one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.core.rules import PROVIDERS, load_pack
from assistant.core.rules.model import Source as RuleSource
from assistant.core.status import RejectionPackError, load_catalogue, load_catalogue_from
from assistant.resources import resource_path
from tests.core.source_words import CJK, developer_words

LANGS = ("en", "zh", "id")


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "rejections"
    shutil.copytree(resource_path("rejections"), dest)
    (dest / "compiled.json").unlink()  # the user's own files: parsed and validated
    return dest


def _rule_sources() -> dict[str, RuleSource]:
    sources: dict[str, RuleSource] = {}
    for provider in PROVIDERS:
        sources.update(load_pack(provider).sources)
    return sources


def test_the_old_titles_are_caught() -> None:
    for old in (
        "华为云 消息&短信: 资质相关 FAQ (handler's ID), as summarised in research/rules-2026.md §1",
        "腾讯云短信: 签名实名制报备 (2025-04-11), read through a public copy",
        "Alibaba Cloud Dysmsapi QuerySmsSign: SignStatus 2 with the review Reason",
        "Project research notes: what changed in 2024-2026",
        "Huawei Cloud CreateSignature: signature_source 1 (website) discarded",
        "(Chinese page; has the website-domain row the English seed lacks)",
    ):
        assert developer_words(old), old


def test_every_shipped_source_has_a_chinese_title() -> None:
    sources = load_catalogue().sources
    assert len(sources) >= 26
    for sid, source in sources.items():
        assert source.title.strip(), sid
        assert source.title_zh and CJK.search(source.title_zh), sid
        assert source.title_id, sid
        assert source.title_for("zh") == source.title_zh
        assert source.title_for("id") == source.title_id
        assert source.title_for("en") == source.title_for(None) == source.title


@pytest.mark.parametrize("lang", LANGS)
def test_no_title_speaks_the_developers_language(lang: str) -> None:
    bad = {
        sid: words
        for sid, source in load_catalogue().sources.items()
        if (words := developer_words(source.title_for(lang)))
    }
    assert bad == {}


def test_what_a_title_no_longer_says_is_in_its_note() -> None:
    sources = load_catalogue().sources
    for lang in LANGS:
        printed = [(s.title_for(lang), s.url) for s in sources.values()]
        assert len(printed) == len(set(printed)), lang
    # read through third-party copies: the title names the provider's page, the note the copy
    for sid in ("seed-003", "tencent-realname-filing"):
        url = sources[sid].url or ""
        assert "copy" in (sources[sid].note or ""), sid
        assert url.startswith("https://") and "aliyun" not in url and "tencent" not in url
    assert "短信审核失败的处理建议" in (sources["seed-003"].title_zh or "")
    assert "research/rules-2026.md" in (sources["huawei-qualification"].note or "")
    assert "QuerySmsSign" in (sources["alibaba-query-sms-sign"].note or "")
    assert sources["seed-000"].ref == "seeds/000_af4bdf3882b146ad.txt"  # kept, never shown


def test_pages_the_rule_packs_cite_too_have_the_same_titles() -> None:
    rules = _rule_sources()
    same_page = {  # rejection source -> rule source of the same address
        "tencent-review-standards": "tencent-review-standard",
        "tencent-realname": "tencent-40653",
        "alibaba-sign-spec": "alibaba-signature-spec",
    }
    for sid, source in load_catalogue().sources.items():
        if sid in rules and rules[sid].url == source.url:
            same_page[sid] = sid
    assert {"seed-000", "seed-001", "tencent-notice-2025-06", "alibaba-get-sms-sign"} <= set(
        same_page
    )
    sources = load_catalogue().sources
    for sid, rule_id in same_page.items():
        rule = rules[rule_id]
        assert sources[sid].url == rule.url, sid
        for lang in LANGS:
            assert sources[sid].title_for(lang) == rule.title_for(lang), (sid, lang)


def test_the_cited_line_is_title_address_and_date() -> None:
    sources = load_catalogue().sources
    review = sources["tencent-review-standards"]
    assert review.cited("zh") == (
        "腾讯云短信：签名审核标准 · https://www.tencentcloud.com/document/product/382/40658"
        " · 读取于 2026-12-01"
    )
    assert review.cited("en").startswith("Tencent Cloud SMS: Signature Review Standards · https")
    notice = sources["tencent-notice-2026-04"]  # no address: title and date only
    assert notice.cited("zh") == f"{notice.title_zh} · 读取于 2026-12-01"
    for source in sources.values():
        for lang in LANGS:
            line = source.cited(lang)
            assert source.ref is None or source.ref not in line
            assert "seeds/" not in line and ".txt" not in line and "research/" not in line


def test_a_users_catalogue_without_translated_titles_shows_the_english_one(
    tmp_path: Path,
) -> None:
    folder = _copy(tmp_path)
    common = folder / "common.toml"
    text = common.read_text(encoding="utf-8")
    stripped = re.sub(r"^(title_zh|title_id|note) = .*\n", "", text, flags=re.MULTILINE)
    assert stripped != text
    common.write_text(stripped, encoding="utf-8")
    catalogue = load_catalogue_from(folder)  # validated against the schema
    source = catalogue.sources["seed-001"]
    assert source.title_zh is None and source.title_id is None and source.note is None
    for lang in LANGS:
        assert source.title_for(lang) == source.title == load_catalogue().sources["seed-001"].title
    assert source.cited("zh").startswith(source.title + " · https://")


def test_an_empty_chinese_title_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    common = folder / "common.toml"
    text = common.read_text(encoding="utf-8")
    old = 'title_zh = "腾讯云短信：签名常见问题（英文页面）"'
    assert old in text
    common.write_text(text.replace(old, 'title_zh = ""', 1), encoding="utf-8")
    with pytest.raises(RejectionPackError) as info:
        load_catalogue_from(folder)
    assert info.value.key == "sources.seed-000.title_zh"
    assert info.value.line is not None
