"""Variables of a template in each provider's syntax: Tencent ``{1}``, Alibaba ``${name}``,
Huawei ``${1}`` / ``${TXT_6}`` … Finds what the user meant even when it is typed wrongly
(``{$code}``, ``$ {code}``, full-width braces, ``${1}`` at Tencent), so a check can say how to
write it and offer the corrected text."""

from __future__ import annotations

import re

from assistant.core.templates.model import MASK, Parsed, Variable

_BLANK = r"[ \t\u3000]*"
_CANDIDATE = re.compile(
    rf"(?:(?P<d1>[$＄]){_BLANK})?(?P<open>[{{｛]){_BLANK}(?:(?P<d2>[$＄]){_BLANK})?"
    rf"(?P<name>[^{{}}｛｝$＄\n]*?){_BLANK}(?P<close>[}}｝])"
)
_BARE_DOLLAR = re.compile(r"[$＄](?P<name>[A-Za-z_][A-Za-z0-9_]*)")
_BRACES = frozenset("{}｛｝")
_ALIBABA_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_HUAWEI_FIXED = frozenset({"DATE", "TIME", "PHONE", "CHARDIGIT", "DATETIME", "MONEY", "TEXT"})
_HUAWEI_LEGACY = re.compile(r"(?P<type>TXT|NUM)_(?P<n>[0-9]+)")


def canonical(name: str, syntax: str) -> str:
    return "{" + name + "}" if syntax == "tencent" else "${" + name + "}"


def is_number(name: str) -> bool:
    return name.isascii() and name.isdigit()


def parse(text: str, syntax: str) -> Parsed:
    """Split ``text`` into variables (however they were typed) and fixed text."""
    variables = [
        Variable(
            name=(name := m.group("name").strip(" \t\u3000")),
            start=m.start(),
            end=m.end(),
            raw=m.group(0),
            canonical=canonical(name, syntax),
        )
        for m in _CANDIDATE.finditer(text)
    ]

    def covered(i: int) -> bool:
        return any(v.start <= i < v.end for v in variables)

    stray = tuple(i for i, ch in enumerate(text) if ch in _BRACES and not covered(i))
    bare: list[Variable] = []
    if syntax != "tencent":
        for m in _BARE_DOLLAR.finditer(text):
            if not covered(m.start()):
                name = m.group("name")
                bare.append(Variable(name, m.start(), m.end(), m.group(0), canonical(name, syntax)))
    masked = list(text)
    for v in (*variables, *bare):
        masked[v.start : v.end] = MASK * (v.end - v.start)
    all_vars = tuple(sorted((*variables, *bare), key=lambda v: v.start))
    return Parsed(
        text=text,
        variables=all_vars,
        stray=stray,
        bare_dollars=tuple(bare),
        masked="".join(masked),
    )


def rewrite(parsed: Parsed, syntax: str, names: dict[int, str] | None = None) -> str:
    """The text with every variable in canonical form (optionally renamed: start -> name)."""
    out, last = [], 0
    for v in parsed.variables:
        out.append(parsed.text[last : v.start])
        out.append(canonical((names or {}).get(v.start, v.name), syntax))
        last = v.end
    out.append(parsed.text[last:])
    return "".join(out)


def numbering_fix(parsed: Parsed, syntax: str) -> str | None:
    """The text renumbered as the provider wants, or None when the numbering is right.

    Tencent: the numbers used must be 1..n (order free); they are mapped in ascending order, so
    the parameters keep their relative order. Huawei: ``${n}`` is the n-th variable in the text.
    """
    numbered = [v for v in parsed.variables if is_number(v.name)]
    if not numbered:
        return None
    if syntax == "tencent":
        distinct = sorted({int(v.name) for v in numbered})
        mapping = {old: str(i) for i, old in enumerate(distinct, start=1)}
        names = {v.start: mapping[int(v.name)] for v in numbered}
    else:
        names = {v.start: str(i) for i, v in enumerate(numbered, start=1)}
    if all(names[v.start] == v.name for v in numbered):
        return None
    return rewrite(parsed, syntax, names)


def runs(parsed: Parsed, space_separates: bool = False) -> list[list[Variable]]:
    """Groups of variables with nothing between them (nor white space, unless it separates)."""
    groups: list[list[Variable]] = []
    for v in parsed.variables:
        between = parsed.text[groups[-1][-1].end : v.start] if groups else "x"
        if groups and (not between if space_separates else not between.strip()):
            groups[-1].append(v)
        else:
            groups.append([v])
    return groups


def name_problem(name: str, syntax: str, reserved: tuple[str, ...]) -> str | None:
    """Why a variable name is not allowed (a message key suffix), or None."""
    if not name:
        return "empty_name"
    if syntax == "tencent":
        return None if is_number(name) else "tencent_name"
    if syntax == "alibaba":
        if name.lower() in {r.lower() for r in reserved}:
            return "reserved_name"
        if is_number(name):
            return "digit_name"
        return None if _ALIBABA_NAME.fullmatch(name) else "bad_name"
    if is_number(name) or name in _HUAWEI_FIXED:
        return None
    return None if _HUAWEI_LEGACY.fullmatch(name) else "huawei_name"


def huawei_legacy_length(name: str) -> tuple[str, int] | None:
    """``TXT_6`` -> ("TXT", 6): Huawei's older variables carry their maximum length."""
    m = _HUAWEI_LEGACY.fullmatch(name)
    return (m.group("type"), int(m.group("n"))) if m else None
