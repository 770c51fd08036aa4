"""Words (#16): what the applicant reads — every text of the shipped rule packs (type names and
notes, remark labels and hints, documents, checklist items, qualification fields) and every core
message, in every language — says no API or field names and none of our sources' file names.
Those belong in a pack's plain `note`, `source` and `ref` strings, which are never shown (the
`rules` command lists them for developers)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.core.source_words import CAMEL_CASE, DENY_SUBSTRINGS, SNAKE_CASE

ROOT = Path(__file__).resolve().parents[2]
PACKS = sorted((ROOT / "resources" / "rules").glob("*.toml"))
MESSAGES = sorted((ROOT / "resources" / "i18n").glob("*.toml"))
LANGS = {"en", "zh", "id"}

LOWER_CAMEL = re.compile(r"\b[a-z]+[A-Z]\w*")  # numberCaptcha, identityCard
SEEDS = re.compile(r"\bseeds?\b", re.IGNORECASE)
# Real product names, not API words.
PRODUCT_WORDS = {"WeChat", "AppGallery", "MyApp", "LibreOffice"}
# Messages whose identifiers are what the user types or calls: the API route of the bundle (for
# those who submit by API), the provider CLI commands whose JSON the import reads, the keys of
# the letter data file and the targets of the import's --map option.
IDENTIFIERS_ARE_THE_POINT = {
    "qualification.steps.api",
    "status.import.unknown_format.fix",
    "letter.not_an_object",
    "intake.no_columns",
}


def api_words(text: str) -> list[str]:
    """The API, field and file words of a text the applicant reads (empty when it has none).
    Placeholders ({provider}) and template variables (${order_no}) are filled in or typed by the
    user, and addresses are addresses: they are left out."""
    text = re.sub(r"https?://\S+", "", text)
    while (shorter := re.sub(r"\{[^{}]*\}", "", text)) != text:
        text = shorter
    found = CAMEL_CASE.findall(text) + LOWER_CAMEL.findall(text) + SNAKE_CASE.findall(text)
    found = [word for word in found if word not in PRODUCT_WORDS]
    found += [word for word in DENY_SUBSTRINGS if word in text]
    found += SEEDS.findall(text)
    return found


def localized_texts(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str]]:
    """(where, language, text) of every {en, zh, id} table under ``node``: what is shown. Plain
    strings (ids, a source's title, note and ref) are not; the sources have their own test."""
    if isinstance(node, dict):
        if "en" in node and set(node) <= LANGS:
            for lang, value in node.items():
                yield ".".join(path), lang, value
            return
        for key, value in node.items():
            if key != "sources":
                yield from localized_texts(value, (*path, str(key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from localized_texts(value, (*path, str(i)))


def pack_texts() -> list[tuple[str, str, str]]:
    return [
        (f"{path.name}:{where}", lang, value)
        for path in PACKS
        for where, lang, value in localized_texts(tomllib.loads(path.read_text(encoding="utf-8")))
    ]


def message_texts() -> list[tuple[str, str, str]]:
    out = []
    for path in MESSAGES:
        for key, entry in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if key in IDENTIFIERS_ARE_THE_POINT:
                continue
            out += [(f"{path.name}:{key}", lang, value) for lang, value in entry.items()]
    return out


def test_the_words_of_the_old_texts_are_caught() -> None:
    for old in (
        "Since April 2025 Huawei Cloud no longer accepts this signature source (CreateSignature: discarded).",
        "A registered trademark; needs its TrademarkId and registration number.",
        "a business license with every signature (SmsSignatureReq file_id)",
        "the member system (MoreData)",
        "warn_after_days is 0",
        "is_involved_third must be true",
        "SignSource 2",
        "the variable's attribute numberCaptcha",
        "as seed 003 says",
        "see 003_998e32a0a2634a1f.txt",
        "our research/ notes",
    ):
        assert api_words(old), old
    for fine in (
        "Download {provider}'s template",
        "Rename them, for example ${{order_no}}.",
        "The full name of the WeChat official account, exactly as shown in WeChat.",
        "Huawei Cloud FAQ · https://support.huaweicloud.com/msgsms_faq/sms_faq_0002.html",
        "请使用{provider}官方授权委托书（最稳妥）。",
    ):
        assert api_words(fine) == [], fine


def test_every_shown_text_of_the_packs_and_messages_is_walked() -> None:
    packs, messages = pack_texts(), message_texts()
    assert {lang for _w, lang, _t in packs} == LANGS == {lang for _w, lang, _t in messages}
    assert len(packs) > 800 and len(messages) > 2000
    walked = {where for where, _l, _t in packs}
    assert "huawei.toml:signature_types.2.withdrawn.0.notice" in walked
    assert "common.toml:remarks.description.guidance" in walked
    assert any(where.startswith("huawei.toml:qualification.fields.") for where in walked)
    # a source's title is not walked here (tests/core/test_rules_sources.py)
    assert not any(".sources." in where for where in walked)


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_no_pack_text_says_api_words(lang: str) -> None:
    bad = {
        where: words
        for where, text_lang, text in pack_texts()
        if text_lang == lang and (words := api_words(text))
    }
    assert bad == {}


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_no_core_message_says_api_words(lang: str) -> None:
    bad = {
        where: words
        for where, text_lang, text in message_texts()
        if text_lang == lang and (words := api_words(text))
    }
    assert bad == {}


def test_pack_texts_have_no_stray_spaces_or_line_breaks() -> None:
    """Alibaba's app type said “with an app ICP filing . Not recommended”: the full stop, alone
    on a line when the text wrapped there."""
    bad = [
        (where, lang, text)
        for where, lang, text in pack_texts()
        if re.search(r"\s[.,;:。，；：]|\n|\s$|^\s|  ", text)
    ]
    assert bad == []


def test_a_label_is_short_and_its_explanation_a_note() -> None:
    """Huawei's remark label carried its whole explanation in brackets (the Qualification page
    wrapped it over three lines); a field's explanation is its note (shown with the field)."""
    from assistant.core.qualification.rules import qualification_rules

    rules = qualification_rules("huawei")
    assert rules is not None
    remark = rules.field("remark", "self")
    assert remark is not None and remark.note is not None
    for lang in sorted(LANGS):
        label = remark.label.get(lang, "")
        assert label and not re.search(r"[(（]", label), label
        assert remark.note.get(lang), lang
