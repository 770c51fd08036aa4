"""Reading a registered name: region prefix, trade name, industry, legal form; pinyin.

A Chinese enterprise name is 行政区划 + 字号 + 行业或经营特点 + 组织形式 (北京市 + XAX + 科技 + 有限公司).
The carriers accept as a signature the full name or an abbreviation that is a contiguous,
in-order part of it and keeps the main information, the trade name (字号). This module splits a
name into those parts (word lists: common.toml ``[words.owner]``) and compares names the way
the review does: after NFKC, case-folded, with full-width and half-width brackets equal.
Never raises on any string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

# Every bracket a name may be typed with, mapped to the half-width pair (after NFKC).
_BRACKET_MAP = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "[": "(", "]": ")"})
_OPENERS = "([{（［｛〈《「『【〔〖"
_CLOSERS = ")]}）］｝〉》」』】〕〗"
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]")


def is_han(ch: str) -> bool:
    return bool(_HAN_RE.fullmatch(ch))


def bracket_key(name: str) -> str:
    """How two spellings of one registered name are compared: NFKC (full-width brackets and
    letters become half-width), other bracket shapes as round ones, no white space, case-folded."""
    value = unicodedata.normalize("NFKC", name or "").translate(_BRACKET_MAP)
    return "".join(value.split()).casefold()


def letters(name: str) -> str:
    """The name's letters, digits and Chinese characters only (NFKC; case kept)."""
    value = unicodedata.normalize("NFKC", name or "")
    return "".join(ch for ch in value if ch.isalnum() and unicodedata.category(ch)[0] in "LN")


def flat(name: str) -> str:
    """:func:`letters`, case-folded: what "is a contiguous part of" is decided on."""
    return letters(name).casefold()


def has_han(value: str) -> bool:
    return any(is_han(ch) for ch in value)


def is_subsequence(part: str, whole: str) -> bool:
    """Every character of ``part`` occurs in ``whole`` in the same order (maybe with gaps)."""
    it = iter(whole)
    return all(ch in it for ch in part)


def same_characters(part: str, whole: str) -> bool:
    """Every character of ``part`` occurs in ``whole`` as often (in any order)."""
    rest = list(whole)
    for ch in part:
        if ch not in rest:
            return False
        rest.remove(ch)
    return True


# ------------------------------------------------------------------------------- the parts
@dataclass(frozen=True)
class ParsedName:
    """A registered name in parts. Texts are :func:`letters` forms (brackets dropped)."""

    full: str  # the whole name
    region: tuple[str, ...]  # leading region units as written: ("广东省", "深圳市")
    core: str  # without region, bracketed parts and legal form: "XAX科技"
    trade: str  # the main part (字号): "XAX"
    legal_form: str  # "有限公司", "" when none was recognised
    bracketed: tuple[str, ...]  # bracketed parts: ("深圳",) of 腾讯科技（深圳）有限公司
    latin: bool  # a name in Latin letters (a company outside the mainland, an English app name)


class _Lists:
    """The word lists of ``[words.owner]``, prepared for matching."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        def get(key: str) -> tuple[str, ...]:
            return tuple(words.get(key, ()))

        self.national = get("national_prefixes")
        self.legal_forms = tuple(sorted(get("legal_forms"), key=len, reverse=True))
        self.org_types = tuple(sorted(get("org_types"), key=len, reverse=True))
        self.industries = tuple(sorted(get("industries"), key=len, reverse=True))
        self.district_suffixes = tuple(sorted(get("district_suffixes"), key=len, reverse=True))
        self.latin_legal = frozenset(w.casefold() for w in get("latin_legal_words"))
        self.non_mainland = tuple(sorted(get("non_mainland_prefixes"), key=len, reverse=True))
        self.markers = {
            "individual_business": get("individual_business_suffixes"),
            "sole_proprietorship": get("sole_proprietorship_markers"),
            "partnership": get("partnership_markers"),
        }
        # Region units: full forms always; short forms where they are not also common words.
        units: set[str] = set(get("provinces")) | set(get("prefectures"))
        units |= set(get("province_short")) | set(self.national)
        for full in get("provinces"):
            short = re.sub(r"(省|市|特别行政区|自治区)$", "", full)
            if len(short) >= 2:
                units.add(short)
        suffix_only = set(get("cities_with_suffix_only"))
        for city in get("cities"):
            units.add(city + "市")
            if city not in suffix_only:
                units.add(city)
        for city in suffix_only:
            units.add(city + "市")
        self.region_units = tuple(sorted(units, key=len, reverse=True))
        self.region_flat = tuple((u, flat(u)) for u in self.region_units)


# Prepared lists per word-list mapping (the packs' mapping lives as long as the program; it is
# kept here so that its id stays unique).
_PREPARED: dict[int, tuple[Mapping[str, Sequence[str]], _Lists]] = {}


def lists(words: Mapping[str, Sequence[str]]) -> _Lists:
    """The prepared word lists of ``words`` (built once per mapping)."""
    entry = _PREPARED.get(id(words))
    if entry is None or entry[0] is not words:
        entry = (words, _Lists(words))
        _PREPARED[id(words)] = entry
    return entry[1]


def _normal(name: str) -> str:
    """NFKC, no white space or invisible characters, brackets as ( ), other symbols dropped."""
    value = unicodedata.normalize("NFKC", name or "").translate(_BRACKET_MAP)
    out = []
    for ch in value:
        if ch in _OPENERS:
            out.append("(")
        elif ch in _CLOSERS:
            out.append(")")
        elif ch.isalnum() and unicodedata.category(ch)[0] in "LN":
            out.append(ch)
    return "".join(out)


def _strip_bracket_tail(value: str) -> tuple[str, str | None]:
    m = re.search(r"\(([^()]*)\)$", value)
    if not m:
        return value, None
    return value[: m.start()], m.group(1)


def _split_branch(value: str) -> str:
    """The head office's name of a branch (XX有限公司北京分公司 -> XX有限公司)."""
    if value.endswith("分公司"):
        head = value[: -len("分公司")]
        at = head.rfind("公司")
        if at > 0:
            return head[: at + 2]
    return value


def _strip_legal_form(value: str, ls: _Lists) -> tuple[str, str, list[str]]:
    """``value`` without its legal form and the bracketed parts around it."""
    bracketed: list[str] = []
    legal = ""
    for _ in range(4):
        rest, part = _strip_bracket_tail(value)
        if part is not None and rest:
            bracketed.append(part)
            value = rest
            continue
        form = next((f for f in ls.legal_forms if value.endswith(f) and len(value) > len(f)), None)
        if form is None or (legal and form != "集团"):
            break
        legal = form + legal
        value = value[: -len(form)]
    return value, legal, bracketed


def _region_prefix(value: str, ls: _Lists) -> tuple[list[str], str]:
    units: list[str] = []
    rest = value
    while len(rest) > 2:
        unit = next(
            (u for u in ls.region_units if rest.startswith(u) and len(rest) - len(u) >= 2), None
        )
        if unit is None and units:
            m = re.match(r"^[\u4e00-\u9fff]{1,4}?(" + "|".join(ls.district_suffixes) + ")", rest)
            if m and len(rest) - m.end() >= 2 and m.group(0)[:-1] not in ("超", "门", "城"):
                unit = m.group(0)
        if unit is None:
            break
        units.append(unit)
        rest = rest[len(unit) :]
    return units, rest


def _trade(core: str, units: Sequence[str], ls: _Lists) -> str:
    """The main part: the trade name (字号); for a body named only by its type and region
    (深圳市公安局, 北京市海淀区人民政府) the nearest region unit."""
    trade = core
    kind = next((t for t in ls.org_types if trade.endswith(t)), None)
    if kind and kind == trade and units:
        return units[-1]
    if kind and kind != trade:
        trade = trade[: -len(kind)]
    for _ in range(4):
        word = next(
            (w for w in ls.industries if trade.endswith(w) and len(trade) - len(w) >= 2), None
        )
        if word is None:
            break
        trade = trade[: -len(word)]
    return trade


def _parse_latin(value: str, ls: _Lists) -> ParsedName:
    words = re.findall(r"[A-Za-z0-9]+", unicodedata.normalize("NFKC", value))
    while words and words[-1].casefold() in ls.latin_legal:
        words.pop()
    core = "".join(words)
    return ParsedName(
        full=letters(value),
        region=(),
        core=core,
        trade=core,
        legal_form="",
        bracketed=(),
        latin=True,
    )


def parse_name(name: str, words: Mapping[str, Sequence[str]]) -> ParsedName:
    """The parts of a registered name (a company's, a government body's, an app's …)."""
    lists(words)  # keeps ``words`` alive under its id for the cache below
    return _parse_name(name if isinstance(name, str) else "", id(words))


@cache
def _parse_name(name: str, words_id: int) -> ParsedName:
    ls = _PREPARED[words_id][1]
    value = _normal(name)
    if not has_han(value):
        return _parse_latin(name, ls)
    head = _split_branch(value)
    main, legal, bracketed = _strip_legal_form(head, ls)
    inner = re.findall(r"\(([^()]*)\)", main)
    main = re.sub(r"\([^()]*\)", "", main)
    units, core = _region_prefix(main, ls)
    core = core.replace("(", "").replace(")", "")
    return ParsedName(
        full=letters(value),
        region=tuple(units),
        core=core,
        trade=_trade(core, units, ls) or core,
        legal_form=legal,
        bracketed=tuple(bracketed + inner),
        latin=False,
    )


def entity_markers(name: str, words: Mapping[str, Sequence[str]]) -> set[str]:
    """Entity types the name itself says (个体工商户, 个人独资企业, 合伙企业 …)."""
    value = _normal(name)
    return {kind for kind, marks in lists(words).markers.items() if any(m in value for m in marks)}


def non_mainland_prefix(name: str, words: Mapping[str, Sequence[str]]) -> str | None:
    """The HK/Macao/Taiwan prefix a name starts with (香港…, 台湾…), if any."""
    value = _normal(name)
    return next((p for p in lists(words).non_mainland if value.startswith(p)), None)


def is_latin_legal_word(word: str, words: Mapping[str, Sequence[str]]) -> bool:
    return word.casefold() in lists(words).latin_legal


# --------------------------------------------------------------------------------- pinyin
def pinyin_tokens(value: str) -> list[str]:
    """One token per Chinese character (its pinyin, toneless) and per run of letters/digits."""
    from pypinyin import Style, lazy_pinyin

    text = flat(value)
    tokens: list[str] = []
    for run in re.findall(r"[a-z0-9]+|[^a-z0-9]+", text):
        if run[0].isascii():
            tokens.append(run)
            continue
        try:
            syllables = lazy_pinyin(run, style=Style.NORMAL, errors="ignore", v_to_u=False)
        except Exception:  # pypinyin is data-driven: never let it break a check
            return []
        if len(syllables) != len(run):
            return []
        tokens.extend(s.replace("ü", "v") for s in syllables)
    return tokens


def spans(tokens: Sequence[str]) -> Iterable[tuple[int, int]]:
    """Every (start, end) of consecutive tokens."""
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1):
            yield i, j


# Every toneless pinyin syllable (ü written u), as pypinyin's dictionary has them, without the
# consonant-only interjections (m, n, ng, hm, hng): a constant, so telling initials from pinyin
# does not load the dictionary.
_SYLLABLE_TEXT = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo
    bong bu ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng
    chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui
    cun cuo da dai dan dang dao de dei den deng di dia dian diao die din ding diu dong
    dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga
    gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai
    han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian
    jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken
    keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng
    li lia lian liang liao lie lin ling liu lo long lou lu luan lue lun luo ma mai man
    mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao
    ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan nue nun nuo
    o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia
    qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri
    rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang
    shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song
    sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong
    tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang
    xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong
    you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe
    zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong
    zou zu zuan zui zun zuo
"""
_SYLLABLES = frozenset(_SYLLABLE_TEXT.split())


def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable."""
    return _SYLLABLES


def is_pinyin(word: str) -> bool:
    """``word`` (letters) splits into pinyin syllables (ALIYUN, baidu; not ALY, IBM)."""
    word = word.lower()
    syllables = _SYLLABLES
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(ok[s] and word[s:end] in syllables for s in range(max(0, end - 6), end))
    return ok[-1] and bool(word)
