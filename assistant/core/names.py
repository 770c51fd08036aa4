"""Signature-name checks, per provider. Never raises on any string.

Each check is one function of the name (and the provider's rule pack) returning findings with a
stable code ``name.*``; their severities and limits come from the pack, so a provider's rule
changes in data, not here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import has_text, text
from assistant.core.rules import RulePack, load_pack

# Brackets users type around or inside a name: 【】 and [] are added by the provider when sending.
_OPEN = "【[(（〔［「『〖<《{"
_CLOSE = "】])）〕］」』〗>》}"
_BRACKETS = frozenset(_OPEN + _CLOSE)
_SPACES = frozenset(
    " \t\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
)
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= cp <= 0x4DBF  # Extension A
        or 0x20000 <= cp <= 0x323AF  # Extensions B–H
        or 0xF900 <= cp <= 0xFAFF  # Compatibility Ideographs
        or cp == 0x3007  # 〇
    )


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


_CLASSES: dict[str, Callable[[str], bool]] = {
    "han": _is_han,
    "latin": _is_latin,
    "digit": _is_digit,
}


def _is_invisible(ch: str) -> bool:
    return (
        unicodedata.category(ch) in ("Cf", "Cc", "Co", "Cs", "Cn", "Zl", "Zp") and ch not in _SPACES
    )


def _is_fullwidth_alnum(ch: str) -> bool:
    return 0xFF10 <= ord(ch) <= 0xFF19 or 0xFF21 <= ord(ch) <= 0xFF3A or 0xFF41 <= ord(ch) <= 0xFF5A


def _char_label(ch: str) -> str:
    """A character as a person can read it in a message: the glyph, or its code point and name."""
    name = unicodedata.name(ch, "")
    if _is_invisible(ch) or ch in _SPACES or not ch.isprintable():
        return f"U+{ord(ch):04X} {name}".strip()
    return f"“{ch}” (U+{ord(ch):04X})"


def _labels(chars: Iterator[str] | list[str]) -> str:
    return ", ".join(_char_label(c) for c in dict.fromkeys(chars))


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _lookalike(ch: str) -> str | None:
    """The Latin letter ``ch`` (Cyrillic, Greek …) imitates, or None."""
    if not any(unicodedata.name(ch, "").startswith(s) for s in _LOOKALIKE_SCRIPTS):
        return None
    from confusable_homoglyphs import confusables

    hits = confusables.is_confusable(ch, greedy=True, preferred_aliases=["latin", "common"])
    for hit in hits or ():
        for glyph in hit["homoglyphs"]:
            if len(glyph["c"]) == 1 and _is_latin(glyph["c"]):
                return str(glyph["c"])
    return None


class _Ctx:
    def __init__(self, name: str, pack: RulePack, region: str | None, lang: str) -> None:
        self.name = name
        self.pack = pack
        self.region = region
        self.lang = lang
        self.findings: list[Finding] = []

    def severity(self, rule_id: str, default: Severity | None = Severity.ERROR) -> Severity | None:
        """The rule's severity here; ``default`` only when the pack has no entry of the rule at
        all — a rule the pack has for another region only gives no finding in this one."""
        rule = self.pack.rule(rule_id, self.region)
        if rule is not None and rule.severity is not None:
            return Severity(rule.severity)
        if any(e.id == rule_id for e in self.pack.rules):
            return None
        return default

    def source(self, rule_id: str) -> str | None:
        rule = self.pack.rule(rule_id, self.region)
        return rule.sources[0] if rule else None

    def add(
        self,
        code: str,
        severity: Severity | None,
        rule_id: str | None = None,
        fixed: str | None = None,
        **params: Any,
    ) -> None:
        if severity is None:
            return
        params.setdefault("name", self.name)
        fix_key = f"{code}.fix"
        fix = text(fix_key, self.lang, fixed=fixed or "", **params) if has_text(fix_key) else None
        self.findings.append(
            Finding(
                severity=severity,
                code=code,
                message=text(code, self.lang, **params),
                fix=fix,
                subject="signature_name",
                source=self.source(rule_id) if rule_id else None,
                fixed_value=fixed if fixed and fixed != self.name else None,
            )
        )


# --------------------------------------------------------------------------------------- checks
def _check_invisible(c: _Ctx) -> None:
    bad = [ch for ch in c.name if _is_invisible(ch)]
    if bad:
        fixed = "".join(ch for ch in c.name if not _is_invisible(ch))
        c.add("name.invisible", Severity.ERROR, fixed=fixed, chars=_labels(bad))


def _check_fullwidth(c: _Ctx) -> None:
    bad = [ch for ch in c.name if _is_fullwidth_alnum(ch)]
    if bad:
        fixed = "".join(
            unicodedata.normalize("NFKC", ch) if _is_fullwidth_alnum(ch) else ch for ch in c.name
        )
        c.add("name.fullwidth", Severity.ERROR, "name.charset", fixed=fixed, chars=_labels(bad))


def _check_lookalikes(c: _Ctx) -> set[str]:
    mapping = {ch: latin for ch in set(c.name) if (latin := _lookalike(ch))}
    if mapping:
        fixed = "".join(mapping.get(ch, ch) for ch in c.name)
        c.add(
            "name.lookalike",
            Severity.ERROR,
            "name.charset",
            fixed=fixed,
            chars=_labels(list(mapping)),
        )
    return set(mapping)


def _strip_brackets(name: str) -> str:
    return "".join(ch for ch in name if ch not in _BRACKETS)


def _check_brackets(c: _Ctx) -> None:
    if not any(ch in _BRACKETS for ch in c.name):
        return
    sev = c.severity("name.brackets")
    stripped = c.name.strip()
    inner = stripped[1:-1]
    wrapped = (
        len(stripped) >= 2
        and stripped[0] in _OPEN
        and stripped[-1] in _CLOSE
        and not any(ch in _BRACKETS for ch in inner)
    )
    if wrapped:
        c.add(
            "name.brackets",
            sev,
            "name.brackets",
            fixed=inner.strip(),
            chars=stripped[0] + stripped[-1],
        )
    else:
        part = re.search(
            f"[{re.escape(_OPEN)}]([^{re.escape(_CLOSE)}]*)[{re.escape(_CLOSE)}]", c.name
        )
        c.add(
            "name.bracketed_part",
            sev,
            "name.brackets",
            fixed=_strip_brackets(c.name),
            part=part.group(1) if part else "",
            chars=_labels([ch for ch in c.name if ch in _BRACKETS]),
        )


def _check_spaces(c: _Ctx) -> None:
    if any(ch in _SPACES for ch in c.name):
        fixed = "".join(ch for ch in c.name if ch not in _SPACES)
        if c.name.strip() != c.name and not any(ch in _SPACES for ch in c.name.strip()):
            c.add("name.space_edge", Severity.ERROR, "name.space", fixed=c.name.strip())
        else:
            c.add("name.space", c.severity("name.space"), "name.space", fixed=fixed)


def _check_charset(c: _Ctx, lookalikes: set[str]) -> None:
    rule = c.pack.rule("name.charset", c.region)
    allowed = rule.value if rule else frozenset(_CLASSES)
    checks = [_CLASSES[k] for k in allowed]
    handled = _BRACKETS | _SPACES | lookalikes
    symbols: list[str] = []
    letters: list[str] = []
    for ch in c.name:
        if (
            ch in handled
            or _is_invisible(ch)
            or _is_fullwidth_alnum(ch)
            or any(f(ch) for f in checks)
        ):
            continue
        (letters if unicodedata.category(ch).startswith(("L", "M", "N")) else symbols).append(ch)
    allowed_text = text("name.classes." + "_".join(sorted(allowed)), c.lang)
    if symbols:
        fixed = "".join(ch for ch in c.name if ch not in symbols)
        c.add(
            "name.symbol",
            Severity.ERROR,
            "name.charset",
            fixed=fixed,
            chars=_labels(symbols),
            allowed=allowed_text,
        )
    if letters:
        c.add(
            "name.script",
            Severity.ERROR,
            "name.charset",
            chars=_labels(letters),
            allowed=allowed_text,
        )


def _check_length(c: _Ctx) -> None:
    rule = c.pack.rule("name.length", c.region)
    if rule is None:
        return
    lo, hi = rule.value
    n = len(c.name)
    if n > hi:
        c.add("name.too_long", Severity.ERROR, "name.length", count=n, max=hi)
    elif n < lo:
        c.add("name.too_short", Severity.ERROR, "name.length", count=n, min=lo)


def _core(name: str) -> str:
    """The name without what other checks already report (invisible, brackets, spaces)."""
    kept = [
        unicodedata.normalize("NFKC", ch) if _is_fullwidth_alnum(ch) else ch
        for ch in name
        if not _is_invisible(ch) and ch not in _BRACKETS and ch not in _SPACES
    ]
    return "".join(kept)


def _check_digits(c: _Ctx, core: str) -> None:
    if core and core.isascii() and core.isdigit():
        c.add("name.all_digits", c.severity("name.all_digits"), "name.all_digits")


def _latin_runs(value: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", value)


def _check_test_words(c: _Ctx, core: str) -> None:
    words = c.pack.words
    folded = core.casefold()
    hits = [w for w in words.test_contains if w in core]
    hits += [run for run in _latin_runs(core) if run.lower() in words.test_latin_words]
    anywhere = c.severity("name.test_substring", None)
    if anywhere is not None:  # Alibaba: "test" contained anywhere, whatever the case
        hits += [core[i : i + 4] for i in range(len(folded) - 3) if folded[i : i + 4] == "test"]
    hits = list(dict.fromkeys(hits))
    if hits:
        fixed = core
        for w in hits:
            fixed = fixed.replace(w, "")
        severity = c.severity("name.test_word")
        if anywhere is not None and (severity is None or anywhere.rank < severity.rank):
            severity = anywhere
        c.add(
            "name.test_word",
            severity,
            "name.test_word",
            fixed=fixed or None,
            words="、".join(hits),
        )


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz")


def is_placeholder(run: str) -> bool:
    """A run of letters or of digits that stands for no name: aaa, xxyy, abab, abcd, asdf, 123,
    4321, 000 (a doubled brand such as QQ is not one)."""
    v = run.lower()
    if len(v) < 3 or not (v.isascii() and (v.isalpha() or v.isdigit())):
        return False
    if len(set(v)) == 1:
        return True
    if len(v) == 4 and ((v[0] == v[1] and v[2] == v[3]) or (v[0] == v[2] and v[1] == v[3])):
        return True
    if any(v in seq or v[::-1] in seq for seq in _SEQUENCES):
        return True
    return v.isalpha() and len(v) >= 4 and any(v in row for row in _KEYBOARD_ROWS)


def _run_class(ch: str) -> str:
    return "d" if ch.isdigit() else "a" if ch.isascii() and ch.isalpha() else ""


def _whole_run_placeholder(folded: str, start: int, end: int) -> bool:
    """``folded[start:end]`` is a placeholder and a whole run (123 in 验证码123, not in 12306)."""
    piece = folded[start:end]
    if not is_placeholder(piece):
        return False
    cls = _run_class(piece[0])
    before = start > 0 and _run_class(folded[start - 1]) == cls
    after = end < len(folded) and _run_class(folded[end]) == cls
    return not (before or after)


def is_generic(core: str, neutral: frozenset[str]) -> bool:
    """``core`` is made only of generic words (any combination), placeholder runs and at most
    two other digits: 快递通知, 尊敬的用户, VIP会员, 验证码123, abcd."""
    folded = "".join(core.casefold().split())
    if not folded:
        return False
    if folded in neutral:
        return True
    n = len(folded)
    inf = n + 10
    # best[i]: the fewest stray digits with which folded[:i] splits into words and placeholders;
    # word[i]: whether that split uses at least one word or placeholder
    best = [0] + [inf] * n
    word = [False] * (n + 1)
    for end in range(1, n + 1):
        for start in range(end):
            if best[start] >= inf:
                continue
            piece = folded[start:end]
            if (piece in neutral or _whole_run_placeholder(folded, start, end)) and (
                best[start] < best[end] or (best[start] == best[end] and not word[end])
            ):
                best[end], word[end] = best[start], True
        if folded[end - 1].isdigit() and best[end - 1] + 1 < best[end]:
            best[end], word[end] = best[end - 1] + 1, word[end - 1]
    return word[n] and best[n] <= 2


def _check_neutral(c: _Ctx, core: str) -> None:
    if is_generic(core, c.pack.words.neutral):
        c.add("name.neutral", c.severity("name.neutral"), "name.neutral")


def _check_traditional(c: _Ctx, core: str) -> None:
    if not any(_is_han(ch) for ch in core):
        return
    try:
        simplified = str(_t2s().convert(c.name))
    except Exception:  # the converter is a C extension: never let it break a check
        return
    changed = [a for a, b in zip(c.name, simplified, strict=False) if a != b and _is_han(a)]
    if changed and len(simplified) == len(c.name):
        c.add(
            "name.traditional",
            c.severity("name.traditional"),
            "name.traditional",
            fixed=simplified,
            chars="".join(dict.fromkeys(changed)),
        )


def _check_initialism(c: _Ctx, core: str) -> None:
    """Initials, whatever their case (ALY, aly, IBM): 2-5 Latin letters, all upper or all lower
    case, with at most one vowel, that do not spell pinyin (ALIYUN, baidu) — seed 003."""
    if not (2 <= len(core) <= 5 and core.isascii() and core.isalpha()):
        return
    if not (core.isupper() or core.islower()):
        return
    from assistant.core.orgname import is_pinyin

    vowels = sum(ch in "aeiou" for ch in core.lower())
    if vowels <= 1 and not is_pinyin(core):
        c.add("name.initialism", c.severity("name.initialism", Severity.WARNING), "name.initialism")


def _check_personal_name(c: _Ctx, core: str) -> None:
    if not core or not all(_is_han(ch) for ch in core):
        return
    words = c.pack.words
    for surname in words.surnames_compound:
        if core.startswith(surname) and 3 <= len(core) <= 4:
            c.add(
                "name.personal_name",
                c.severity("name.personal_name", Severity.WARNING),
                "name.personal_name",
                surname=surname,
            )
            return
    if 2 <= len(core) <= 3 and core[0] in words.surnames_single:
        c.add(
            "name.personal_name",
            c.severity("name.personal_name", Severity.WARNING),
            "name.personal_name",
            surname=core[0],
        )


def _letters_only(core: str) -> bool:
    return bool(core) and core.isascii() and core.isalpha()


def _check_letters_only(c: _Ctx, core: str) -> None:
    """Only Latin letters (``ABCtech``), where a provider refuses it: a refusal, not the
    softer "no Chinese characters" warning (see :func:`_check_latin_only`)."""
    if c.pack.rule("name.letters_only", c.region) is not None and _letters_only(core):
        c.add("name.letters_only", c.severity("name.letters_only"), "name.letters_only")


def _check_latin_only(c: _Ctx, core: str) -> None:
    if c.pack.rule("name.latin_only", c.region) is None:
        return
    if c.pack.rule("name.letters_only", c.region) is not None and _letters_only(core):
        return  # refused by name.letters_only already
    if core and any(_is_latin(ch) for ch in core) and not any(_is_han(ch) for ch in core):
        c.add("name.latin_only", c.severity("name.latin_only", Severity.WARNING), "name.latin_only")


def check_name(
    name: Any, provider: str, region: str | None = None, lang: str = "en"
) -> list[Finding]:
    """All findings for one signature name at ``provider`` (errors first)."""
    pack = load_pack(provider)
    region = pack.region_or_default(region)
    if not isinstance(name, str):
        name = "" if name is None else str(name)
    # Surrogates cannot be encoded anywhere; treat them as invisible garbage.
    c = _Ctx(name, pack, region, lang)
    if not name.strip() or all(_is_invisible(ch) or ch in _SPACES for ch in name):
        c.add("name.empty", Severity.ERROR)
        return c.findings
    _check_invisible(c)
    _check_fullwidth(c)
    lookalikes = _check_lookalikes(c)
    _check_brackets(c)
    _check_spaces(c)
    _check_charset(c, lookalikes)
    _check_length(c)
    core = _core(name)
    _check_digits(c, core)
    _check_letters_only(c, core)
    _check_test_words(c, core)
    _check_neutral(c, core)
    _check_traditional(c, core)
    _check_initialism(c, core)
    _check_personal_name(c, core)
    _check_latin_only(c, core)
    return sort_findings(c.findings)


def suggested_name(name: str, provider: str, region: str | None = None) -> str | None:
    """The name with every automatic fix applied, when that gives a different, clean name."""
    current = name
    for _ in range(6):
        fixes = [f.fixed_value for f in check_name(current, provider, region) if f.fixed_value]
        if not fixes:
            break
        current = fixes[0]
    return current if current != name else None
