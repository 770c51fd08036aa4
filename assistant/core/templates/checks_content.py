"""Checks of what a template says: links, contacts, the unsubscribe option, what each kind of
template may and must contain, restricted industries, the variables' attributes."""

from __future__ import annotations

import re

from assistant.core.findings import Severity
from assistant.core.i18n import text as _text
from assistant.core.templates.detect import (
    discounts,
    ends_with,
    find_emails,
    find_links,
    find_phones,
    find_words,
    partial_numbers,
    unsubscribe_spans,
    with_unsubscribe,
    without_spans,
)
from assistant.core.templates.length import is_code_variable, longest
from assistant.core.templates.model import Variable
from assistant.core.templates.report import Report, listed
from assistant.core.templates.rules import Context, TemplateRule

_UNSUBSCRIBE_DEFAULT = "拒收请回复R"
_LINK_NAMES = re.compile(r"(?i)(?:url|link|href|website|web|domain|shorturl|short_url|surl)\d*")
_BETA_WORDS_OUTSIDE_LINKS = ("内测",)


# --------------------------------------------------------------------------------------- links
def _icp_problem(host: str, rule: TemplateRule) -> bool:
    allowed = rule.allowed or frozenset()
    suffixes = sorted(allowed, key=len, reverse=True)
    return not any(host == s or host.endswith("." + s) for s in suffixes)


def _link_findings(r: Report) -> dict[str, list[str]]:
    """{rule id: the links it objects to}."""
    hits: dict[str, list[str]] = {}

    def hit(rule_id: str, url: str) -> None:
        hits.setdefault(rule_id, [])
        if url not in hits[rule_id]:
            hits[rule_id].append(url)

    short = r.rule("links.short")
    short_var = r.rule("links.short_with_variable")
    short_hosts = (short.hosts if short else ()) + (short_var.hosts if short_var else ())
    for link in r.links:
        url = link.url.replace("\ue000", "…")
        if link.ip:
            hit("links.ip", url)
        if link.variable_in_host:
            hit("links.variable", url)
        elif link.variable_in_path:
            if short_var and link.host_is(short_var.hosts):
                hit("links.short_with_variable", url)
            else:
                hit("links.variable_path", url)
        if short and link.host_is(short.hosts):
            hit("links.short", url)
        for rule_id in ("links.redirect", "links.login"):
            rule = r.rule(rule_id)
            if rule and find_words(link.path, rule.words):
                hit(rule_id, url)
        beta = r.rule("links.beta_download")
        if beta and (link.host_is(beta.hosts) or find_words(link.path, [".apk"])):
            hit("links.beta_download", url)
        icp = r.rule("links.icp")
        if icp and not link.ip and not link.variable_in_host:
            if link.host_is(icp.hosts):
                hit("links.foreign_host", url)
            elif not link.host_is(short_hosts) and _icp_problem(link.host, icp):
                hit("links.icp", url)
    return hits


_LINK_RULE_OF = {"links.foreign_host": "links.icp"}


def check_links(r: Report) -> None:
    hits = _link_findings(r)
    for rule_id, urls in hits.items():
        rule = r.rule(_LINK_RULE_OF.get(rule_id, rule_id))
        if rule is None:
            continue
        code = "template.link." + rule_id.split(".", 1)[1]
        r.add(code, rule, links=listed(urls, r.lang))
    beta = r.rule("links.beta_download")
    if beta and "links.beta_download" not in hits:
        words = find_words(r.plain, _BETA_WORDS_OUTSIDE_LINKS)
        if words:
            r.add("template.link.beta_download", beta, links=listed(words, r.lang))
    variable_rule = r.rule("links.variable")
    if variable_rule:
        parts = partial_numbers(r.parsed.masked)
        if parts:
            r.add("template.contact.variable", variable_rule, numbers=listed(parts, r.lang))
        if r.rules.syntax == "alibaba":
            names = [v.raw for v in r.parsed.variables if _LINK_NAMES.fullmatch(v.name)]
            if names:
                r.add(
                    "template.link.variable_name",
                    variable_rule,
                    severity=Severity.WARNING,
                    names=listed(names, r.lang),
                )
    rule = r.rule("verification.links")
    if rule and r.kind == "verification" and r.links:
        r.add("template.verification.link", rule, links=listed([x.url for x in r.links], r.lang))


# --------------------------------------------------------------------------------------- contacts
def check_contacts(r: Report) -> None:
    phones = find_phones(r.plain)
    im = r.rule("contacts.im")
    im_words = find_words(r.plain, im.words) if im else []
    if im and im_words:
        r.add("template.contact.im", im, words=listed(im_words, r.lang))
    verification = r.rule("verification.contacts")
    if verification and r.kind == "verification":
        found = [p.number for p in phones] + find_emails(r.plain)
        if found:
            r.add("template.verification.contact", verification, numbers=listed(found, r.lang))
            return
    mobile = r.rule("contacts.mobile")
    mobiles = [p.number for p in phones if p.kind == "mobile"]
    if mobile and mobiles:
        r.add("template.contact.mobile", mobile, numbers=listed(mobiles, r.lang))
    most = r.rule("contacts.max_numbers")
    if most and most.value is not None and len(phones) > most.value:
        numbers = listed([p.number for p in phones], r.lang)
        r.add("template.contact.too_many", most, count=len(phones), max=most.value, numbers=numbers)


# --------------------------------------------------------------------------------------- unsubscribe
def _wording(r: Report) -> str:
    rule = r.rule("unsubscribe.text")
    return rule.text if rule and rule.text else _UNSUBSCRIBE_DEFAULT


def check_unsubscribe(r: Report) -> None:
    spans = unsubscribe_spans(r.text)
    wording = _wording(r)
    forbidden = r.rule("unsubscribe.forbidden")
    if forbidden and r.kind in ("verification", "notification") and spans:
        found = [r.text[a:b] for a, b in spans]
        r.add(
            "template.unsubscribe.forbidden",
            forbidden,
            fixed=without_spans(r.text, spans),
            words=listed(found, r.lang),
        )
    required = r.rule("marketing.unsubscribe")
    if not required or r.kind != "marketing":
        return
    fixed = with_unsubscribe(r.text, wording)
    if not spans:
        r.add("template.marketing.unsubscribe_missing", required, fixed=fixed, wording=wording)
    elif wording not in r.text:
        found = [r.text[a:b] for a, b in spans]
        r.add(
            "template.marketing.unsubscribe_wording",
            required,
            fixed=fixed,
            wording=wording,
            words=listed(found, r.lang),
        )
    elif not ends_with(r.text, wording):
        r.add("template.marketing.unsubscribe_not_at_end", required, fixed=fixed, wording=wording)


# --------------------------------------------------------------------------------------- kinds
def _promotion(r: Report) -> list[str]:
    return find_words(r.plain, r.rules.words("promotion.words")) + discounts(r.plain)


def _code_variable(r: Report) -> Variable | None:
    for v in r.parsed.variables:
        if is_code_variable(v, r.specs.get(v.name), r.rules):
            return v
    return r.parsed.variables[0] if r.parsed.variables else None


def _check_code(r: Report, v: Variable) -> None:
    spec = r.specs.get(v.name)
    length = r.rule("verification.code_length")
    declared = bool(spec and (spec.max_length or spec.attribute)) or "_" in v.name
    if length and length.range and declared:
        lo, hi = length.range
        n = longest(v, spec, r.rules, r.ctx)
        if not lo <= n <= hi:
            r.add(
                "template.verification.code_length", length, variable=v.raw, count=n, min=lo, max=hi
            )
    charset = r.rule("verification.code_charset")
    allowed = charset.allowed if charset else None
    if allowed is None or "latin" in allowed:
        return
    letters = v.name.startswith("TXT_") or bool(spec and spec.attribute == "characterWithNumber2")
    if spec and spec.example and not spec.example.isdigit():
        letters = True
    if letters:
        r.add("template.verification.code_charset", charset, variable=v.raw)


def check_verification(r: Report) -> None:
    count = r.rule("verification.variables")
    n = len(r.parsed.variables)
    if count and count.range:
        lo, hi = count.range
        if n < lo:
            r.add("template.verification.no_variable", count)
        elif n > hi:
            r.add("template.verification.too_many_variables", count, count=n, max=hi)
    code = _code_variable(r)
    if code is not None:
        _check_code(r, code)
    keywords = r.rule("verification.keywords")
    if keywords and not find_words(r.plain, keywords.words):
        r.add(
            "template.verification.keyword_missing",
            keywords,
            words=listed(list(keywords.words), r.lang),
        )
    promotion = r.rule("verification.promotion")
    words = _promotion(r)
    if promotion and words:
        r.add("template.verification.promotion", promotion, words=listed(words, r.lang))


def _looks_like_verification(r: Report) -> list[str]:
    if not r.parsed.variables:
        return []
    ctx = Context(kind="verification", region=r.ctx.region)
    keywords = r.rules.rule("verification.keywords", ctx)
    return find_words(r.plain, keywords.words) if keywords else []


def check_notification(r: Report) -> None:
    rule = r.rule("notification.promotion")
    words = _promotion(r)
    if rule and words:
        r.add("template.notification.promotion", rule, words=listed(words, r.lang))


def check_marketing(r: Report) -> None:
    rule = r.rule("marketing.variables")
    if rule and r.parsed.variables:
        names = [v.raw for v in r.parsed.variables]
        r.add("template.marketing.variables", rule, variables=listed(names, r.lang))
    rule = r.rule("marketing.member")
    if rule and not find_words(r.plain, rule.words):
        r.add("template.marketing.member", rule)
    for rule_id in ("marketing.enterprise_only", "marketing.authorization_proof"):
        rule = r.rule(rule_id)
        if rule:
            r.add("template." + rule_id, rule)


def check_kind(r: Report) -> None:
    {"verification": check_verification, "notification": check_notification}.get(
        r.kind, check_marketing
    )(r)
    rule = r.rule("kind.verification_as_notification")
    if rule and r.kind != "verification":
        words = _looks_like_verification(r)
        if words:
            r.add("template.kind.verification_as_notification", rule, words=listed(words, r.lang))


# --------------------------------------------------------------------------------------- industries
def check_industries(r: Report) -> None:
    for industry in r.rules.industries:
        hits = find_words(r.plain, r.rules.words(industry))
        rule = r.rule(industry) if hits else None
        if rule is None:
            continue
        name = industry.split(".", 1)[1]
        for_others = all(e.purposes for e in rule.entries)
        r.add(
            "template." + industry,
            rule,
            key="template.industry.for_others" if for_others else "template.industry",
            words=listed(hits, r.lang),
            industry=_text(f"template.industry_name.{name}", r.lang),
        )


# --------------------------------------------------------------------------------------- attributes
def check_attributes(r: Report) -> None:
    """The variables the user described: attribute, longest value, example value."""
    if not r.specs and not r.describe:
        return
    value_max = r.rule("variables.value_max_length")
    for v in r.parsed.variables:
        spec = r.specs.get(v.name)
        if spec is None or not spec.attribute:
            typed = r.rules.syntax == "huawei" and _typed_by_name(r, v)
            if r.rules.attributes and not typed:
                r.add(
                    "template.variable.attribute_missing", severity=Severity.WARNING, variable=v.raw
                )
            if spec is None:
                continue
        attribute = r.rules.attributes.get(spec.attribute or "")
        if spec.attribute and r.rules.attributes and attribute is None:
            valid = ", ".join(r.rules.attributes)
            r.add(
                "template.variable.unknown_attribute",
                severity=Severity.WARNING,
                variable=v.raw,
                attribute=spec.attribute,
                valid=valid,
            )
        if attribute and attribute.kinds and r.kind not in attribute.kinds:
            r.add("template.variable.attribute_kind", variable=v.raw, attribute=attribute.id)
        limit = min(
            x
            for x in (
                attribute.max_length if attribute else None,
                value_max.value if value_max else None,
                10**6,
            )
            if x is not None
        )
        if spec.max_length and spec.max_length > limit:
            r.add(
                "template.variable.too_long",
                value_max,
                variable=v.raw,
                count=spec.max_length,
                max=limit,
            )
        _check_example(r, v, attribute)


_NAMED_TYPES = ("DATE", "TIME")


def _typed_by_name(r: Report, v: Variable) -> bool:
    """Huawei's ${PHONE}, ${TXT_6} … say their type in the name: no attribute needed."""
    names = (*r.rules.attributes, *_NAMED_TYPES)
    return v.name in names or v.name.startswith(("TXT_", "NUM_"))


def _check_example(r: Report, v: Variable, attribute: object) -> None:
    spec = r.specs[v.name]
    value = spec.example
    if not value:
        return
    if find_links(value) and r.rule("links.variable"):
        r.add("template.link.in_variable", r.rule("links.variable"), variable=v.raw, value=value)
    n = longest(v, spec, r.rules, r.ctx)
    if len(value) > n:
        r.add("template.variable.example_too_long", variable=v.raw, value=value, max=n)
    pattern = getattr(attribute, "pattern", None)
    if pattern:
        try:
            ok = re.fullmatch(pattern, value) is not None
        except re.error:
            ok = True
        if not ok:
            r.add(
                "template.variable.example_format",
                variable=v.raw,
                value=value,
                attribute=getattr(attribute, "id", ""),
            )
