"""The signature checked against its owner: the registered name, the app's or trademark's name.

A company or government signature must be the owner's full registered name or an abbreviation
that is a contiguous, in-order part of it and keeps its main part, the trade name (字号): no
skipped, reordered or dropped characters (carriers' real-name filing; Tencent's review standard;
Huawei "签名与企业名称不一致"). Names are compared after NFKC with full-width and half-width
brackets equal (:mod:`assistant.core.orgname`). App and trademark signatures are checked the same
way against the app's or trademark's full name; where a provider accepts the full name only
(Huawei), that is the rule. The owner is the applicant for self-use and the authorizer for others.

The fixes offered are valid names: the name without the region prefix and the legal-form suffix,
with and without the region, the trade name — each checked by :func:`check_name` first.
Severities come from the rule packs (``name.owner_*``, ``owner.*``); a rule a region does not have
gives no finding there. Never raises on bad input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from assistant.core.findings import Finding, Severity, sort_findings
from assistant.core.i18n import has_text, localized, text
from assistant.core.names import check_name
from assistant.core.orgname import (
    ParsedName,
    bracket_key,
    entity_markers,
    flat,
    has_han,
    is_subsequence,
    letters,
    lists,
    non_mainland_prefix,
    parse_name,
    pinyin_tokens,
    same_characters,
    spans,
)
from assistant.core.rules import PROVIDERS, RulePack, load_pack

# What each signature type is compared with (None: the owner's registered name).
REFERENCE_REMARK: dict[str, str | None] = {
    "company": None,
    "government": None,
    "app": "app_name",
    "trademark": "trademark_name",
    "official_account": "account_name",
    "mini_program": "account_name",
}
# Entity types an owner can be (the wizard asks; credit code and name give hints).
ENTITY_TYPES = (
    "enterprise",
    "individual_business",
    "sole_proprietorship",
    "partnership",
    "farmers_cooperative",
    "government",
    "public_institution",
    "social_organization",
    "person",
)
MAX_FIXES = 4


def reference_name(case: Any) -> str:
    """What a case's signature names are compared with: the owner's registered name (company,
    government; the applicant for self-use, the authorizer for others), or the full name of the
    app, trademark or account for those types ("" when it is not known yet)."""
    type_ = getattr(case, "type", "company")
    if type_ not in REFERENCE_REMARK:
        return ""
    remark = REFERENCE_REMARK[type_]
    if remark:
        return str(case.remarks.get(remark)).strip()
    party = case.owner if getattr(case, "purpose", "self") == "others" else case.applicant
    return str(party.name).strip()


def _finding(
    code: str,
    severity: Severity,
    lang: str,
    subject: str | None,
    source: str | None,
    message_key: str | None = None,
    fixed: str | None = None,
    **params: Any,
) -> Finding:
    key = message_key or code
    fix_key = f"{key}.fix"
    return Finding(
        severity=severity,
        code=code,
        message=text(key, lang, **params),
        fix=text(fix_key, lang, **params) if has_text(fix_key) else None,
        subject=subject,
        source=source,
        fixed_value=fixed,
    )


def _rule(pack: RulePack, rule_id: str, region: str | None, type_: str | None = None) -> Any:
    rule = pack.rule(rule_id, region, type_)
    if rule is None or rule.severity is None:
        return None
    return rule


def _words(pack: RulePack) -> Mapping[str, Sequence[str]]:
    return pack.words.owner


# ------------------------------------------------------------------------------ fixes
def _candidates(parsed: ParsedName, reference: str) -> list[str]:
    """Abbreviations to offer, best first: the name without region and legal form, with the
    region (nearest unit first: 深圳市XX, 广东省深圳市XX), the trade name, the full name."""
    core = parsed.core
    if parsed.latin:
        import re
        import unicodedata

        words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", reference))
        out = ["".join(words[:k]) for k in range(1, min(len(words), 4) + 1)]
        return [core, *out]
    # a body named only by its type (公安局, 人民政府) is not identified without its region
    out = [] if parsed.region and parsed.trade in parsed.region else [core]
    for k in range(len(parsed.region) - 1, -1, -1):
        out.append("".join(parsed.region[k:]) + core)
    if parsed.trade != core and parsed.trade not in parsed.region:
        out.append(parsed.trade)
    if not parsed.bracketed:  # without brackets, the letters are the full name itself
        out.append(parsed.full)
    return out


def valid_fixes(
    reference: str, provider: str, region: str | None, full_only: bool = False
) -> list[str]:
    """Names that are contiguous parts of ``reference`` and pass every name check (no errors)."""
    return list(_valid_fixes(reference, provider, region, full_only))


@lru_cache(maxsize=256)
def _valid_fixes(
    reference: str, provider: str, region: str | None, full_only: bool
) -> tuple[str, ...]:
    pack = load_pack(provider)
    parsed = parse_name(reference, _words(pack))
    whole = flat(reference)
    out: list[str] = []
    for cand in [parsed.full] if full_only else _candidates(parsed, reference):
        if not cand or cand in out or flat(cand) not in whole:
            continue
        if any(f.severity is Severity.ERROR for f in check_name(cand, provider, region)):
            continue
        out.append(cand)
        if len(out) >= MAX_FIXES:
            break
    return tuple(out)


# ------------------------------------------------------------------------------ the verdict
def _keeps_main_part(sig: str, whole: str, parsed: ParsedName) -> bool:
    trade = flat(parsed.trade)
    if not trade or trade not in whole:
        return True
    need = min(2, len(trade))
    t0 = whole.find(trade)
    start = whole.find(sig)
    while start >= 0:
        overlap = min(start + len(sig), t0 + len(trade)) - max(start, t0)
        if overlap >= need:
            return True
        start = whole.find(sig, start + 1)
    return False


def _latin_words_match(sig: str, reference: str) -> bool:
    import re
    import unicodedata

    words = [w.casefold() for w in re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", reference))]
    return any("".join(words[i:j]) == sig for i, j in spans(words))


def _romanized(sig: str, reference: str) -> tuple[str, str] | None:
    """("romanized" | "initials", the part) when ``sig`` spells a part of a Chinese name in
    pinyin or is made of its initials."""
    if not sig.isascii() or not has_han(reference):
        return None
    tokens = pinyin_tokens(reference)
    chars = letters(reference)
    if len(tokens) != len(chars):
        return None
    for i, j in spans(tokens):
        if "".join(tokens[i:j]) == sig:
            return "romanized", chars[i:j]
        if j - i >= 2 and "".join(t[0] for t in tokens[i:j]) == sig:
            return "initials", chars[i:j]
    return None


def _region_form(sig: str, whole: str, parsed: ParsedName, pack: RulePack) -> str | None:
    """The region unit ``sig`` starts with when the rest is part of the name but the name writes
    its region differently (北京XAX科技 for 北京市XAX科技有限公司)."""
    if not parsed.region:
        return None
    for unit, u in lists(_words(pack)).region_flat:
        rest = sig[len(u) :]
        if sig.startswith(u) and rest and rest in whole and _keeps_main_part(rest, whole, parsed):
            return unit
    return None


def verdict(sig: str, reference: str, pack: RulePack) -> tuple[str, dict[str, str]]:
    """Why ``sig`` is (not) a valid name for ``reference``: ``ok``, ``main_part``,
    ``region_form``, ``romanized``, ``initials``, ``skipped``, ``reordered`` or ``unrelated``."""
    s, whole = flat(sig), flat(reference)
    parsed = parse_name(reference, _words(pack))
    if s in whole:
        if parsed.latin and not _latin_words_match(s, reference):
            return "unrelated", {}
        if not _keeps_main_part(s, whole, parsed):
            return "main_part", {"trade": parsed.trade}
        return "ok", {}
    roman = _romanized(s, reference)
    if roman:
        return roman[0], {"part": roman[1]}
    unit = _region_form(s, whole, parsed, pack)
    if unit:
        return "region_form", {"typed": unit, "region": "".join(parsed.region)}
    if is_subsequence(s, whole):
        return "skipped", {}
    if same_characters(s, whole):
        return "reordered", {}
    return "unrelated", {}


def check_signature_owner(
    name: str,
    reference: str,
    provider: str,
    region: str | None = None,
    type_: str = "company",
    lang: str = "en",
    subject: str | None = "signature_name",
) -> list[Finding]:
    """The signature ``name`` against ``reference``: the owner's registered name (company,
    government), or the app's / trademark's / account's full name for those types."""
    if provider not in PROVIDERS or not isinstance(name, str) or not isinstance(reference, str):
        return []
    if not flat(name) or not flat(reference):
        return []
    pack = load_pack(provider)
    region = pack.region_or_default(region)
    label = text(f"owner.reference.{type_ if type_ in REFERENCE_REMARK else 'company'}", lang)
    params = {"name": name.strip(), "reference": reference.strip(), "label": label}
    full_rule = _rule(pack, "name.owner_full_name", region, type_)
    if full_rule is not None and REFERENCE_REMARK.get(type_):
        if flat(name) == flat(reference):
            return []
        fixes = valid_fixes(reference, provider, region, full_only=True)
        return [
            _finding(
                "name.owner_full_name",
                Severity(full_rule.severity),
                lang,
                subject,
                full_rule.sources[0],
                fixed=fixes[0] if fixes else None,
                provider=localized(pack.name, lang),
                full=letters(reference),
                **params,
            )
        ]
    kind, extra = verdict(name, reference, pack)
    if kind == "ok":
        return []
    rule_id = "name.owner_romanized" if kind == "romanized" else "name.owner_mismatch"
    rule = _rule(pack, rule_id, region, type_)
    if rule is None:
        return []
    fixes = valid_fixes(reference, provider, region)
    fix_list = "、".join(f"“{f}”" for f in fixes) or "—"
    return [
        _finding(
            rule_id,
            Severity(rule.severity),
            lang,
            subject,
            rule.sources[0],
            message_key=f"name.owner.{kind}",
            fixed=fixes[0] if fixes and kind != "romanized" else None,
            fixes=fix_list,
            **params,
            **extra,
        )
    ]


def check_signature(
    name: Any,
    provider: str,
    region: str | None = None,
    lang: str = "en",
    *,
    type_: str = "company",
    owner: str | None = None,
) -> list[Finding]:
    """Every finding for a signature name: its own checks, then (when ``owner`` — the name it
    is compared with — is given) the owner check."""
    findings = check_name(name, provider, region, lang)
    if owner and isinstance(name, str) and name.strip():
        findings += check_signature_owner(name, owner, provider, region, type_, lang)
    return sort_findings(findings)


# ------------------------------------------------------------------------------ the owner itself
def entity_hints(name: str, credit_code: str, pack: RulePack) -> set[str]:
    """Entity types the owner's credit code (its registration category) and name point to."""
    from assistant.core.identifiers import credit_code_category

    hints = entity_markers(name or "", _words(pack))
    category = credit_code_category(credit_code or "")
    if category:
        hints.add(category)
    return hints


def _looks_like_person(name: str, pack: RulePack) -> bool:
    value = letters(name)
    words = pack.words
    if not (2 <= len(value) <= 4) or not all(has_han(ch) for ch in value):
        return False
    if any(
        value.endswith(f) for f in lists(_words(pack)).legal_forms + lists(_words(pack)).org_types
    ):
        return False
    return value[0] in words.surnames_single or any(
        value.startswith(s) for s in words.surnames_compound
    )


def check_owner_party(
    pack: RulePack,
    region: str | None,
    *,
    name: str,
    credit_code: str = "",
    entity_type: str = "",
    purpose: str = "self",
    subject: str = "owner.name",
    lang: str = "en",
) -> list[Finding]:
    """The signature's owner as an entity: refused entity types, a company outside the mainland
    for a mainland signature, an individual where only organizations may authorize."""
    findings: list[Finding] = []
    name = (name or "").strip()
    if not name:
        return findings
    region = pack.region_or_default(region)
    provider = localized(pack.name, lang)
    kinds = {entity_type} if entity_type else entity_hints(name, credit_code, pack)
    rule = _rule(pack, "owner.entity_refused", region)
    if rule is not None:
        refused = {e for entry in rule.entries for e in entry.values.get("entities", ())}
        for kind in sorted(kinds & refused):
            findings.append(
                _finding(
                    "owner.entity_refused",
                    Severity(rule.severity),
                    lang,
                    subject,
                    rule.sources[0],
                    owner=name,
                    provider=provider,
                    entity=text(f"owner.entity.{kind}", lang),
                    how=text("owner.hint.given" if entity_type else "owner.hint.guessed", lang),
                )
            )
    rule = _rule(pack, "owner.not_mainland", region)
    prefix = non_mainland_prefix(name, _words(pack))
    latin = not has_han(name) and any(ch.isalpha() for ch in name)
    if rule is not None and (prefix or latin):
        findings.append(
            _finding(
                "owner.not_mainland",
                Severity(rule.severity),
                lang,
                subject,
                rule.sources[0],
                owner=name,
                provider=provider,
            )
        )
    rule = _rule(pack, "owner.not_organization", region)
    person = entity_type == "person" or (not entity_type and _looks_like_person(name, pack))
    if rule is not None and purpose == "others" and person:
        findings.append(
            _finding(
                "owner.not_organization",
                Severity(rule.severity),
                lang,
                subject,
                rule.sources[0],
                owner=name,
                provider=provider,
            )
        )
    return findings


def check_verified_name(
    typed: str,
    verified: str,
    pack: RulePack,
    region: str | None = None,
    lang: str = "en",
    subject: str = "owner.name",
) -> list[Finding]:
    """A typed name against the account's verified name: the same name with other brackets
    (（） vs ()) is a warning — the carriers compare the exact text of the license."""
    typed, verified = (typed or "").strip(), (verified or "").strip()
    if not typed or not verified or typed == verified:
        return []
    rule = _rule(pack, "owner.bracket_width", region)
    if rule is None or bracket_key(typed) != bracket_key(verified):
        return []
    return [
        _finding(
            "owner.bracket_width",
            Severity(rule.severity),
            lang,
            subject,
            rule.sources[0],
            fixed=verified,
            typed=typed,
            verified=verified,
        )
    ]
