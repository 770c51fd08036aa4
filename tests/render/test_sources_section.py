"""The checklist's sources block (#16): the providers' page titles in the checklist's language
(Chinese throughout on a Chinese checklist), one compact row per page and address."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import re
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from assistant.core.bundle import sample_case
from assistant.core.checklist import build_checklist
from assistant.core.rules import PROVIDERS, load_pack
from assistant.render import checklist_pdf_bytes
from assistant.render import checklist_sections as sections

DAY = dt.date(2026, 12, 1)
HEADING = {"en": "Where these rules come from", "zh": "规则来源", "id": "Sumber aturan ini"}
# Latin words a Chinese title may hold: product and standard names, not English prose
LATIN_IN_CHINESE = {"API", "App", "GB"}


def _page(provider: str, lang: str) -> sections.Page:
    checklist = build_checklist(provider, "enterprise", "others", "company", None, lang)
    page = sections.Page(checklist, lang)
    page.sources = list(checklist.pack.sources)  # every source, as if all were cited
    return page


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_chinese_block_is_chinese_throughout(provider: str) -> None:
    block = _plain(sections.sources_html(_page(provider, "zh")))
    assert HEADING["zh"] in block and "读取于 2026-" in block
    pack = load_pack(provider)
    for source in pack.sources.values():
        assert source.title_zh and source.title_zh in block, source.id
        if source.title != source.title_zh:
            assert source.title not in block, source.id
    words = re.sub(r"https://\S+", "", block)  # addresses aside, no English at all
    assert set(re.findall(r"[A-Za-z]+", words)) <= LATIN_IN_CHINESE


@pytest.mark.parametrize("lang", ["en", "id"])
def test_other_languages_print_their_titles(lang: str) -> None:
    block = _plain(sections.sources_html(_page("huawei", lang)))
    assert HEADING[lang] in block
    for source in load_pack("huawei").sources.values():
        assert source.title_for(lang) in block, source.id
        assert source.title_zh not in block, source.id


def test_same_title_and_address_print_once_with_the_latest_date() -> None:
    pack = load_pack("tencent")
    first = pack.sources["seed-000"]
    twin = dataclasses.replace(first, id="twin", read=dt.date(2026, 12, 1))
    other = dataclasses.replace(first, id="other", url=None)
    sources = {**pack.sources, "twin": twin, "other": other}
    fake = SimpleNamespace(pack=dataclasses.replace(pack, sources=sources))
    page = sections.Page(fake, "en")  # type: ignore[arg-type]
    page.sources = ["seed-000", "twin", "other"]
    out = sections.sources_html(page)
    assert out.count("<tr>") == 2  # the twin is one row with seed-000; no address is another
    assert out.count(sections.e(first.url)) == 1
    assert "read 2026-12-01" in out and "read 2026-11-22" in out  # the twin's date, other's
    assert out.index("2026-12-01") < out.index("2026-11-22")


def _pdf_sources(provider: str, lang: str) -> str:
    """The text of the demo case's checklist PDF from the sources heading on, without spaces."""
    case = sample_case(lang, DAY, provider=provider)
    checklist = build_checklist(
        case.provider, case.account, case.purpose, case.type, case.region, lang
    )
    pdf, findings = checklist_pdf_bytes(checklist, case, lang=lang, prepared_on=DAY)
    assert findings == []
    reader = PdfReader(io.BytesIO(pdf))
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))
    heading = HEADING[lang].replace(" ", "")
    assert heading in text
    return text.split(heading)[-1]


def _squeezed(value: str) -> str:
    return re.sub(r"\s+", "", value)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_pdfs_list_the_same_pages_in_their_language(provider: str) -> None:
    zh, en = _pdf_sources(provider, "zh"), _pdf_sources(provider, "en")
    cited = [s for s in load_pack(provider).sources.values() if _squeezed(s.title) in en]
    assert cited  # the demo checklist cites its sources
    for source in cited:
        assert _squeezed(source.title_zh or "") in zh, source.id
    for source in load_pack(provider).sources.values():
        if source.title != source.title_zh:
            assert _squeezed(source.title) not in zh, source.id
    assert "读取于" in zh and "read2026" not in zh
