"""Checks of a template's form: variables, brackets, symbols, characters, length."""

from __future__ import annotations

import re
import unicodedata

from assistant.core.findings import Severity
from assistant.core.templates.detect import (
    find_words,
    forbidden_symbols,
    interference,
    meaningful_length,
    simplified,
    unsubscribe_spans,
    without_symbols,
)
from assistant.core.templates.length import message_length, segments
from assistant.core.templates.report import Report, listed
from assistant.core.templates.syntax import (
    canonical,
    huawei_legacy_length,
    name_problem,
    numbering_fix,
    rewrite,
    runs,
)

_VAGUE_NAME = re.compile(
    r"(?i)[a-z]|[a-z]\d+|(?:var|param|arg|value|val|data|str|text|test|tmp|temp|field|content)\d+"
    r"|var|param|arg|tmp|temp|abc|aaa+|xxx+|test"
)
_INVISIBLE = frozenset(("Cf", "Cc", "Co", "Cs", "Cn"))
_LINE_BREAKS = "\n\r\t"
_SQUARE_OPEN, _SQUARE_CLOSE = "[［", "]］"
_SIGNATURE_PREFIX = re.compile(r"^\s*【[^【】]{1,40}】")


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE and ch not in _LINE_BREAKS


def check_invisible(r: Report) -> None:
    bad = [ch for ch in r.text if _invisible(ch)]
    if bad:
        fixed = "".join(ch for ch in r.text if not _invisible(ch))
        labels = [f"U+{ord(ch):04X}" for ch in dict.fromkeys(bad)]
        r.add("template.invisible", fixed=fixed, chars=", ".join(labels))


def check_syntax(r: Report) -> None:
    p, syntax = r.parsed, r.rules.syntax
    bad = [v.raw for v in p.variables if not v.well_formed and v.name]
    if bad:
        example = canonical("1" if syntax == "tencent" else "code", syntax)
        r.add(
            "template.variable.syntax",
            fixed=rewrite(p, syntax),
            variables=listed(bad, r.lang),
            example=example,
        )
    if p.stray:
        chars = "".join(dict.fromkeys(r.text[i] for i in p.stray))
        r.add("template.variable.unbalanced", chars=chars)


def check_names(r: Report) -> None:
    syntax = r.rules.syntax
    rule = r.rule("variables.name")
    reserved = r.rules.words("variables.name")
    problems: dict[str, list[str]] = {}
    for v in r.parsed.variables:
        problem = name_problem(v.name, syntax, reserved)
        if problem:
            problems.setdefault(problem, []).append(v.raw)
    for problem, raws in problems.items():
        r.add(
            f"template.variable.{problem}",
            rule,
            names=listed(raws, r.lang),
            reserved=", ".join(reserved),
        )
    vague = r.rule("variables.vague_name")
    if vague and syntax == "alibaba":
        names = [v.raw for v in r.parsed.variables if _VAGUE_NAME.fullmatch(v.name)]
        if names:
            r.add("template.variable.vague_name", vague, names=listed(names, r.lang))


def check_numbering(r: Report) -> None:
    rule = r.rule("variables.numbering")
    if rule is None:
        return
    fixed = numbering_fix(r.parsed, r.rules.syntax)
    if fixed is not None:
        used = [v.raw for v in r.parsed.variables if v.name.isascii() and v.name.isdigit()]
        r.add("template.variable.numbering", rule, fixed=fixed, variables=listed(used, r.lang))


def check_structure(r: Report) -> None:
    """Adjacent variables, all-variable templates, repeated variables, too many variables."""
    p = r.parsed
    if not p.variables:
        return
    run = r.rule("variables.max_run")
    if run and run.value:
        spaced = r.rule("variables.space_separates") is not None
        long_runs = [g for g in runs(p, spaced) if len(g) > run.value]
        if long_runs:
            shown = ["".join(v.raw for v in g) for g in long_runs]
            r.add("template.variable.adjacent", run, variables=listed(shown, r.lang))
    rule = r.rule("variables.all_variable")
    if rule and meaningful_length(r.plain) == 0 and not r.links:
        r.add("template.variable.all_variable", rule)
    rule = r.rule("variables.unique")
    if rule:
        names = [v.name for v in p.variables]
        repeated = [n for n in dict.fromkeys(names) if n and names.count(n) > 1]
        if repeated:
            shown = [canonical(n, r.rules.syntax) for n in repeated]
            r.add("template.variable.repeated", rule, variables=listed(shown, r.lang))
    rule = r.rule("variables.max_count")
    if rule and rule.value is not None and len(p.variables) > rule.value:
        r.add("template.variable.too_many", rule, count=len(p.variables), max=rule.value)
    rule = r.rule("variables.legacy_length")
    if rule and rule.range:
        lo, hi = rule.range
        bad = [
            v.raw
            for v in p.variables
            if (n := huawei_legacy_length(v.name)) and not lo <= n[1] <= hi
        ]
        if bad:
            r.add(
                "template.variable.legacy_length",
                rule,
                variables=listed(bad, r.lang),
                min=lo,
                max=hi,
            )


def _edge_step(body: str) -> str:
    if body[:1] in _SQUARE_OPEN:
        close = next((i for i, ch in enumerate(body) if ch in _SQUARE_CLOSE), None)
        body = body[1:] if close is None else body[1:close] + body[close + 1 :]
    if body[-1:] in _SQUARE_CLOSE:
        opening = max((i for i, ch in enumerate(body[:-1]) if ch in _SQUARE_OPEN), default=None)
        body = body[:-1] if opening is None else body[:opening] + body[opening + 1 : -1]
    return body.strip()


def _without_edge_squares(text: str) -> str:
    """The text without the square brackets at its start and end ([通知]… -> 通知…)."""
    body = text.strip()
    while body and (body[0] in _SQUARE_OPEN or body[-1] in _SQUARE_CLOSE):
        body = _edge_step(body)
    return body


def check_brackets(r: Report) -> None:
    text = r.text
    rule = r.rule("brackets.lenticular")
    if rule and ("【" in text or "】" in text):
        prefix = _SIGNATURE_PREFIX.match(text)
        if prefix and "【" not in text[prefix.end() :] and "】" not in text[prefix.end() :]:
            r.add(
                "template.brackets.signature",
                rule,
                fixed=text[prefix.end() :].lstrip(),
                part=prefix.group(0).strip(),
            )
        else:
            r.add(
                "template.brackets.lenticular", rule, fixed=text.replace("【", "").replace("】", "")
            )
    squares = [ch for ch in text if ch in _SQUARE_OPEN + _SQUARE_CLOSE]
    rule = r.rule("brackets.square_any")
    if rule and squares:
        fixed = "".join(ch for ch in text if ch not in _SQUARE_OPEN + _SQUARE_CLOSE)
        r.add("template.brackets.square", rule, fixed=fixed)
        return
    rule = r.rule("brackets.square_edge")
    body = text.strip()
    if rule and body and (body[0] in _SQUARE_OPEN or body[-1] in _SQUARE_CLOSE):
        r.add("template.brackets.square_edge", rule, fixed=_without_edge_squares(text))


def check_symbols(r: Report) -> None:
    rule = r.rule("symbols.forbidden")
    if rule is None:
        return
    hits = forbidden_symbols(r.plain, rule.chars, rule.sequences, rule.classes)
    if hits:
        keep = [(link.start, link.end) for link in r.links]
        keep += [(v.start, v.end) for v in r.parsed.variables]
        fixed = without_symbols(r.text, hits, keep)
        r.add("template.symbols", rule, fixed=fixed, chars=" ".join(hits))


def check_characters(r: Report) -> None:
    """Traditional characters, spellings that dodge the review, interference symbols."""
    rule = r.rule("traditional")
    if rule:
        found = simplified(r.text)
        if found:
            r.add("template.traditional", rule, fixed=found[0], chars="".join(found[1]))
    rule = r.rule("evasion")
    if rule:
        hits = find_words(r.plain, rule.words)
        if hits:
            r.add("template.evasion", rule, words=listed(hits, r.lang))
    rule = r.rule("interference")
    if rule:
        hits = interference(r.plain)
        if hits:
            r.add("template.interference", rule, words=listed(hits, r.lang))


def check_meaning(r: Report) -> None:
    """Too little fixed text to tell what the message is for."""
    rule = r.rule("vague")
    if rule is None or rule.value is None or r.has("template.variable.all_variable"):
        return
    plain = r.plain
    for start, end in unsubscribe_spans(plain):
        plain = plain[:start] + " " * (end - start) + plain[end:]
    keywords = r.rules.words("verification.keywords")
    if r.kind == "verification" and find_words(plain, keywords):
        return
    if meaningful_length(plain) < rule.value:
        r.add("template.vague", rule, min=rule.value)


def check_length(r: Report) -> None:
    n = message_length(r.parsed, r.rules, r.ctx, r.signature, r.specs)
    rule = r.rule("length.max")
    if rule and rule.value is not None and n > rule.value:
        key = "template.too_long.signed" if r.signature else "template.too_long"
        r.add("template.too_long", rule, key=key, count=n, max=rule.value)
    if n > 70:
        r.add("template.segments", severity=Severity.INFO, count=n, parts=segments(n))
