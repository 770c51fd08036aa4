"""What a template's text contains: links, phone numbers, the unsubscribe option, words from a
list, forbidden symbols, traditional characters. Pure functions of strings; never raise."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.core.templates.model import MASK

# Top-level domains a link without http(s):// may end with (to tell www.example.cn from 3.5元).
_KNOWN_TLDS = frozenset(
    [
        "cn",
        "com",
        "net",
        "org",
        "top",
        "xyz",
        "vip",
        "club",
        "shop",
        "site",
        "online",
        "wang",
        "ltd",
        "tech",
        "info",
        "cc",
        "tv",
        "biz",
        "mobi",
        "pro",
        "kim",
        "ink",
        "ren",
        "fun",
        "store",
        "group",
        "cloud",
        "work",
        "link",
        "red",
        "love",
        "beer",
        "fit",
        "yoga",
        "art",
        "design",
        "games",
        "luxe",
        "show",
        "team",
        "asia",
        "io",
        "me",
        "app",
        "dev",
        "co",
        "us",
        "uk",
        "jp",
        "hk",
        "tw",
        "ly",
        "gl",
        "so",
        "im",
        "la",
        "ai",
        "to",
        "ws",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "ru",
        "de",
        "fr",
        "eu",
        "in",
        "sg",
        "my",
        "kr",
        "au",
        "ca",
        "nz",
        "vn",
        "id",
        "th",
        "ph",
        "edu",
        "gov",
        "mil",
        "int",
        "date",
        "live",
        "news",
        "life",
        "world",
        "today",
        "space",
        "website",
        "中国",
        "公司",
        "网络",
    ]
)
_LABEL = rf"[a-z0-9{MASK}](?:[a-z0-9{MASK}-]{{0,61}}[a-z0-9{MASK}])?"
_URL = re.compile(
    rf"(?i)(?P<scheme>https?://)?(?P<host>(?:{_LABEL}\.)+(?P<tld>[a-z]{{2,24}}|中国|公司|网络))"
    r"(?P<port>:\d{1,5})?(?P<path>[/?#][^\s，。！？；、：（）()【】<>《》“”\"'\u3000\u4e00-\u9fff]*)?"
)
_IP = re.compile(
    r"(?i)(?P<scheme>https?://)?(?<![\d.])(?P<ip>(?:\d{1,3}\.){3}\d{1,3})(?![\d.])"
    r"(?P<port>:\d{1,5})?(?P<path>/[^\s，。！？；、\u4e00-\u9fff]*)?"
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_TRAILING = ".,;:!?)'\""

_PHONE_PATTERNS = (
    ("mobile", re.compile(r"(?<![\d])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")),
    ("hotline", re.compile(r"(?<!\d)[48]00[- ]?\d{3}[- ]?\d{4}(?!\d)")),
    ("landline", re.compile(r"(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)")),
    ("service", re.compile(r"(?<!\d)95\d{3,6}(?!\d)")),
)
_PARTIAL_NUMBER = re.compile(rf"\d{{2,}}{MASK}+\d{{2,}}")

# Unsubscribe options in any wording: 拒收请回复R, 回T退订, 回复TD退订, 退订回N …
_UNSUBSCRIBE = re.compile(
    r"拒收请?回复?\s*[RrＲｒ]|回复?\s*[TtＴｔNnＮｎRrＲｒ][Dd]?\s*(?:退订|退)"
    r"|退订\s*(?:请)?回复?\s*[TtＴｔNnＮｎRrＲｒ][Dd]?|退订请回复\s*[A-Za-z]+"
)
_TRAILING_PUNCT = " \t\u3000。.！!，,；;、"
_DISCOUNT = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d)?折|满\d+减\d+|\d+元券")
_INTERFERENCE = re.compile(r"[\u4e00-\u9fff][*#@~^|＊＃＠～][\u4e00-\u9fff]")
_CURRENCY_AMOUNT = re.compile(r"[¥￥]\s*(\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str  # as in the text (variables masked)
    host: str  # lower case, variables masked
    scheme: bool
    ip: bool
    path: str

    @property
    def variable_in_host(self) -> bool:
        return MASK in self.host

    @property
    def variable_in_path(self) -> bool:
        return MASK in self.path

    def host_is(self, hosts: Iterable[str]) -> str | None:
        """The entry of ``hosts`` this link's host is, or is under."""
        for h in hosts:
            h = h.lower()
            if self.host == h or self.host.endswith("." + h):
                return h
        return None


def _trim(path: str | None) -> str:
    path = path or ""
    while path and path[-1] in _TRAILING:
        path = path[:-1]
    return path


def find_links(masked: str) -> list[Link]:
    """Links and IP addresses in ``masked`` (a template with its variables masked)."""
    emails = [m.span() for m in _EMAIL.finditer(masked)]

    def in_email(start: int) -> bool:
        return any(a <= start < b for a, b in emails)

    links: list[Link] = []
    for m in _IP.finditer(masked):
        path = _trim(m.group("path"))
        end = m.start("path") + len(path) if m.group("path") else m.end()
        links.append(
            Link(
                m.start(),
                end,
                masked[m.start() : end],
                m.group("ip"),
                bool(m.group("scheme")),
                True,
                path,
            )
        )
    for m in _URL.finditer(masked):
        if in_email(m.start()) or any(link.start <= m.start() < link.end for link in links):
            continue
        tld = m.group("tld").lower()
        if not m.group("scheme") and tld not in _KNOWN_TLDS:
            continue
        path = _trim(m.group("path"))
        end = m.start("path") + len(path) if m.group("path") else m.end()
        host = m.group("host").lower()
        links.append(
            Link(
                m.start(), end, masked[m.start() : end], host, bool(m.group("scheme")), False, path
            )
        )
    return sorted(links, key=lambda link: link.start)


def find_emails(masked: str) -> list[str]:
    return [m.group(0) for m in _EMAIL.finditer(masked)]


def blank(masked: str, spans: Iterable[tuple[int, int]]) -> str:
    """``masked`` with the spans and every variable replaced by spaces: the plain fixed text."""
    chars = list(masked.replace(MASK, " "))
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@dataclass(frozen=True)
class Phone:
    kind: str  # mobile | hotline | landline | service
    number: str


def find_phones(plain: str) -> list[Phone]:
    """Phone numbers in the plain fixed text, each once, mobile numbers first."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Phone]] = []
    for kind, pattern in _PHONE_PATTERNS:
        for m in pattern.finditer(plain):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            found.append((m.start(), Phone(kind, m.group(0))))
    return [p for _, p in sorted(found, key=lambda x: x[0])]


def partial_numbers(masked: str) -> list[str]:
    """Numbers with a variable inside (186${2}1234): a phone or link split by a variable."""
    return [m.group(0).replace(MASK, "…") for m in _PARTIAL_NUMBER.finditer(masked)]


def find_words(plain: str, words: Iterable[str]) -> list[str]:
    """The ``words`` that occur in ``plain`` (Latin letters compared case-insensitively)."""
    folded = plain.casefold()
    return [w for w in dict.fromkeys(words) if w and w.casefold() in folded]


def discounts(plain: str) -> list[str]:
    """Price promotions written with numbers: 8折, 满100减20, 20元券."""
    return [m.group(0) for m in _DISCOUNT.finditer(plain)]


def interference(plain: str) -> list[str]:
    return [m.group(0) for m in _INTERFERENCE.finditer(plain)]


# --------------------------------------------------------------------------------------- unsubscribe
def unsubscribe_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _UNSUBSCRIBE.finditer(text)]


def ends_with(text: str, wording: str) -> bool:
    return text.rstrip(_TRAILING_PUNCT).endswith(wording)


def without_spans(text: str, spans: list[tuple[int, int]], tidy: bool = True) -> str:
    """``text`` without the spans; ``tidy``: also without the punctuation a span at the end
    leaves dangling before it (…，回T退订 -> …)."""
    out, last = [], 0
    for start, end in spans:
        head = text[last:start]
        if tidy and not text[end:].strip(_TRAILING_PUNCT):
            head = head.rstrip(_TRAILING_PUNCT)
        out.append(head)
        last = end
        # a span between two punctuation marks: keep one of them (…，回T退订，… -> …，…)
        if head[-1:] and head[-1] in _TRAILING_PUNCT and text[end : end + 1] in _TRAILING_PUNCT:
            while last < len(text) and text[last] in _TRAILING_PUNCT:
                last += 1
    out.append(text[last:])
    result = "".join(out)
    return result.strip(" \t\u3000") if result.strip() else result


def with_unsubscribe(text: str, wording: str) -> str:
    """``text`` ending with ``wording`` (other unsubscribe options in it removed)."""
    body = without_spans(text, unsubscribe_spans(text), tidy=False).rstrip(" \t\u3000")
    return body + wording


# --------------------------------------------------------------------------------------- symbols
def _in_class(ch: str, cls: str) -> bool:
    cp = ord(ch)
    if cls == "emoji":
        return 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF
    if cls == "enclosed":
        return 0x2460 <= cp <= 0x24FF or 0x2776 <= cp <= 0x2793 or 0x3251 <= cp <= 0x32BF
    if cls == "superscript":
        return cp in (0xB2, 0xB3, 0xB9) or 0x2070 <= cp <= 0x209F
    return False


def forbidden_symbols(
    plain: str, chars: str, sequences: Iterable[str], classes: Iterable[str]
) -> list[str]:
    """The forbidden characters and sequences in ``plain``, each once, in order of appearance."""
    hits: dict[str, int] = {}
    for seq in sequences:
        if seq in plain:
            hits.setdefault(seq, plain.index(seq))
    classes = tuple(classes)
    covered = "".join(hits)
    for i, ch in enumerate(plain):
        if ch in covered:
            continue
        if ch in chars or any(_in_class(ch, c) for c in classes):
            hits.setdefault(ch, i)
    return sorted(hits, key=hits.__getitem__)


def without_symbols(text: str, symbols: Iterable[str], keep: list[tuple[int, int]]) -> str:
    """``text`` with the symbols fixed: ¥100 -> 100元, ① -> 1, m² -> m2, others removed.
    Nothing inside the ``keep`` spans (links, variables) changes."""
    symbols = sorted(set(symbols), key=len, reverse=True)
    out: list[str] = []
    i = 0
    while i < len(text):
        span = next(((a, b) for a, b in keep if a <= i < b), None)
        if span:
            out.append(text[span[0] : span[1]])
            i = span[1]
            continue
        m = _CURRENCY_AMOUNT.match(text, i)
        if m and any(s in "¥￥" for s in symbols):
            out.append(m.group(1) + "元")
            i = m.end()
            continue
        seq = next((s for s in symbols if text.startswith(s, i)), None)
        if seq is None:
            out.append(text[i])
            i += 1
            continue
        normal = unicodedata.normalize("NFKC", seq)
        out.append(normal if normal != seq and normal.isalnum() else "")
        i += len(seq)
    return "".join(out)


# --------------------------------------------------------------------------------------- characters
@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def simplified(text: str) -> tuple[str, list[str]] | None:
    """(the text in simplified characters, the traditional ones) or None when there are none."""
    if not any(_is_han(ch) for ch in text):
        return None
    try:
        converted = str(_t2s().convert(text))
    except Exception:  # a C extension: never let it break a check
        return None
    if len(converted) != len(text):
        return None
    changed = [a for a, b in zip(text, converted, strict=True) if a != b and _is_han(a)]
    return (converted, list(dict.fromkeys(changed))) if changed else None


def meaningful_length(plain: str) -> int:
    """Characters that carry meaning: Chinese characters, letters and digits."""
    return sum(1 for ch in plain if _is_han(ch) or (ch.isascii() and ch.isalnum()))
