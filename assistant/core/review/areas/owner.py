"""Area ``owner``: the signature's owner — each name against the owner's registered name (or the
app's / trademark's full name), the owner's entity type and origin, the typed name against the
verified one, and the restricted-industries answer.

The name findings go to the ``names`` area (they are fixed on the names page); the rest is this
area's. The owner is the applicant for self-use and the authorizer for others.
"""

from __future__ import annotations

from assistant.core.findings import Severity
from assistant.core.model.fileformat import finding
from assistant.core.review.registry import ReviewContext, register_area


def check_owner_area(ctx: ReviewContext) -> None:
    """The area's check (the wizard's Parties page runs it live)."""
    from assistant.core.checklist import industry_findings
    from assistant.core.owner import (
        ENTITY_TYPES,
        check_owner_party,
        check_signature_owner,
        check_verified_name,
        reference_name,
    )

    case, lang, pack, region = ctx.case, ctx.lang, ctx.pack, ctx.region
    reference = reference_name(case)
    if reference:
        seen: set[str] = set()
        for name in case.signature_names:
            key = name.strip()
            if not key or key in seen:
                continue
            seen.add(key)
            ctx.add(
                "names",
                check_signature_owner(key, reference, case.provider, region, case.type, lang, name),
            )
    others = case.purpose == "others"
    party, who = (case.owner, "owner") if others else (case.applicant, "applicant")
    entity = party.entity_type.strip()
    if entity and entity not in ENTITY_TYPES:
        ctx.add(
            "owner",
            [
                finding(
                    Severity.ERROR,
                    "owner.entity_unknown",
                    lang,
                    f"{who}.entity_type",
                    value=entity,
                    valid=", ".join(ENTITY_TYPES),
                )
            ],
        )
        entity = ""
    ctx.add(
        "owner",
        check_owner_party(
            pack,
            region,
            name=party.name,
            credit_code=party.credit_code,
            entity_type=entity,
            purpose=case.purpose,
            subject=f"{who}.name",
            lang=lang,
        ),
    )
    if not others and case.owner.name.strip():
        ctx.add(
            "owner", check_verified_name(case.owner.name, case.applicant.name, pack, region, lang)
        )
    ctx.add("owner", industry_findings(pack, case.industry.strip() or None, case.sign_type, lang))


register_area("owner", check_owner_area, position=35)
