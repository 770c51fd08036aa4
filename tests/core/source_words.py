"""What a source title printed for the applicant must not say (#16), shared by the tests of the
rule packs' sources (tests/core/test_rules_sources.py) and of the rejection catalogue's
(tests/core/status/test_catalogue_sources.py): our developers' words — seeds, research notes,
copies, SDK and API names, file names — belong in a source's `note`, never in its title."""

from __future__ import annotations

import re

CJK = re.compile(r"[\u3400-\u9fff]")

DENY_WORDS = re.compile(
    r"\bseeds?\b|\bresearch\b|\bcorpus\b|\bcop(y|ies)\b|\bSDK\b|\bref\b|\bproject\b"
    r"|\bnotes? of ours\b|\bsummari[sz]ed\b",
    re.IGNORECASE,
)
DENY_SUBSTRINGS = (
    "Request",
    "DocumentType",
    "SignSource",
    "SignType",
    "AppIcpRecordId",
    "QualificationId",
    "alibabacloud-",
    "tencentcloud-",
    "huaweicloudsdk",
    "msgsms",
    "Dysmsapi",
    "seeds/",
    "research/",
    ".md",
    ".txt",
)
# API-style names: CamelCase words (AddSmsSign, SmsSignatureReq) and snake_case fields.
CAMEL_CASE = re.compile(r"\b[A-Z][a-z]+[A-Z]\w*")
SNAKE_CASE = re.compile(r"\b[A-Za-z]+_[A-Za-z_]+\b")


def developer_words(title: str) -> list[str]:
    """The developers' words in ``title`` (empty when it reads as a page title should)."""
    found = [m.group(0) for m in DENY_WORDS.finditer(title)]
    found += [word for word in DENY_SUBSTRINGS if word in title]
    found += CAMEL_CASE.findall(title) + SNAKE_CASE.findall(title)
    return found
