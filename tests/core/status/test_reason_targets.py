"""Where a rejection reason sends the user exists today (#14): its step is a page of the wizard,
its field a remark field, a document or a case field of a signature type its provider still
accepts. Reasons about types the providers withdrew (Tencent's website, official account and
mini program types in 2025; Huawei's sources 1, 3 and 4; Alibaba's official account / mini
program, e-shop and website sources) stay in the catalogue, since old applications still get
them, but send the user to the type step with a fix that says what to apply as instead."""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from assistant.core.flow import PageId
from assistant.core.model import Case
from assistant.core.rules import PROVIDERS, RulePack, load_pack
from assistant.core.status import STEP_PAGES, STEPS, Reason, load_catalogue

REASONS = load_catalogue().reasons
# The sections of the case whose fields a reason may name as "section.field".
SECTIONS = ("applicant", "owner", "letter")


def accepted_types(pack: RulePack) -> dict[str, set[str | None]]:
    """Each signature type the provider still accepts -> the regions it accepts it in."""
    regions: tuple[str | None, ...] = pack.region_ids or (None,)
    out: dict[str, set[str | None]] = {}
    for t in pack.signature_types:
        for region in regions:
            if t.withdrawal(region) is None:
                out.setdefault(t.id, set()).add(region)
    return out


@cache
def accepted_targets(provider: str) -> frozenset[str]:
    """The remark fields (``remarks.<id>``) and documents some accepted type asks for."""
    pack = load_pack(provider)
    accepted = accepted_types(pack)
    out: set[str] = set()
    for req in pack.requirements:
        sel = req.selector
        for type_id, regions in accepted.items():
            if sel.types is not None and type_id not in sel.types:
                continue
            if sel.regions is not None and not regions & set(sel.regions):
                continue
            out.update(f"remarks.{r}" for r in req.remarks)
            out.update(d for group in req.documents for d in group.one_of)
    return frozenset(out)


def case_fields(provider: str) -> frozenset[str]:
    """The case's own fields a reason may name for this provider (sign kinds and regions only
    where the provider has them)."""
    pack = load_pack(provider)
    top = {f.name for f in dataclasses.fields(Case) if f.name not in (*SECTIONS, "remarks")}
    if not pack.sign_kinds:
        top.discard("sign_type")
    if not pack.regions:
        top.discard("region")
    case = Case()
    nested = {
        f"{section}.{f.name}"
        for section in SECTIONS
        for f in dataclasses.fields(getattr(case, section))
    }
    return frozenset(top | nested)


def providers_of(reason: Reason) -> tuple[str, ...]:
    return PROVIDERS if reason.provider == "common" else (reason.provider,)


@pytest.mark.parametrize("reason", REASONS, ids=lambda r: r.id)
def test_the_step_is_a_page_of_the_wizard(reason: Reason) -> None:
    assert reason.step in STEPS
    assert isinstance(STEP_PAGES[reason.step], PageId)


@pytest.mark.parametrize("reason", [r for r in REASONS if r.field], ids=lambda r: r.id)
def test_the_field_is_one_an_accepted_type_has(reason: Reason) -> None:
    field = reason.field or ""
    for provider in providers_of(reason):
        known = accepted_targets(provider) | case_fields(provider)
        assert field in known, (
            f"{reason.id}: {field!r} is no field of a type {provider} still accepts; "
            f"known: {sorted(known)}"
        )


def test_withdrawn_remark_fields_are_known_to_the_test() -> None:
    """The check above can fail: the remark fields of withdrawn types are no targets."""
    assert "remarks.domain" not in accepted_targets("tencent")
    assert "remarks.account_name" not in accepted_targets("huawei")
    assert "remarks.shop_link" not in accepted_targets("alibaba")
    assert "remarks.app_store_link" in accepted_targets("tencent")  # apps, international
    assert "remarks.app_store_link" not in accepted_targets("alibaba")  # ICP filing instead
    assert "remarks.trademark_number" in accepted_targets("huawei")
    assert "sign_type" not in case_fields("tencent") and "sign_type" in case_fields("alibaba")


# Words of a withdrawn type in a fix, and words saying it is withdrawn. A fix may name a
# withdrawn type only to say it is no longer accepted.
TYPE_WORDS = {
    "website": {
        "en": ("website signature", "website name"),
        "zh": ("网站类", "网站名称", "网站签名"),
    },
    "official_account": {"en": ("official account",), "zh": ("公众号",)},
    "mini_program": {"en": ("mini program",), "zh": ("小程序",)},
    "eshop": {"en": ("shop",), "zh": ("店铺",)},
}
WITHDRAWN_WORDS = {"en": ("no longer",), "zh": ("不再", "下线"), "id": ("tidak lagi",)}
TYPE_WORDS_ID = {
    "website": ("situs web",),
    "official_account": ("akun resmi",),
    "mini_program": ("program mini",),
    "eshop": ("toko",),
}


def withdrawn_everywhere(provider: str) -> set[str]:
    pack = load_pack(provider)
    return {t.id for t in pack.signature_types if t.id not in accepted_types(pack)}


@pytest.mark.parametrize(
    "reason", [r for r in REASONS if r.subject == "signature"], ids=lambda r: r.id
)
def test_a_fix_recommends_no_withdrawn_type(reason: Reason) -> None:
    """(Templates may well name a mini program or an official account: not as a signature.)"""
    withdrawn = set.intersection(*(withdrawn_everywhere(p) for p in providers_of(reason)))
    for lang, fix in reason.fix.items():
        low = fix.lower()
        says_withdrawn = any(w in low for w in WITHDRAWN_WORDS[lang])
        for type_id in withdrawn:
            words = TYPE_WORDS_ID[type_id] if lang == "id" else TYPE_WORDS[type_id][lang]
            named = [w for w in words if w in low]
            assert not named or says_withdrawn, (
                f"{reason.id} ({lang}) recommends {named} ({type_id} is withdrawn): {fix}"
            )
