"""One administrator (handler) per owner, across the cases of a folder.

The carriers refuse a qualification whose administrator already files for another enterprise
("if the same administrator applies for qualifications for multiple different enterprises,
carrier registration will fail": Alibaba's SubmitSmsQualificationRequest; Huawei: "请避免使用同一个
管理员信息为多个企业使用"). An agency preparing many clients' cases is the one who makes that mistake:
:func:`check_handlers` reads every case file of a folder and reports each handler who stands for
more than one owner, on every case concerned. A handler is known by the ID number (else the name
and the mobile number); an owner by its credit code (else its name, bracket width normalised).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from assistant.core.findings import Finding, Severity
from assistant.core.model import Case
from assistant.core.qualification.checks import compact_id, finding, mobile_digits
from assistant.core.qualification.privacy import mask_id

MAX_CASES = 10_000  # a folder of cases is read whole; more than this is not one agency's folder


def handler_key(case: Case) -> str | None:
    """Who the case's administrator is ("" fields: unknown, None)."""
    h = case.qualification.handler
    number = compact_id(h.id_number)
    if number:
        return f"id:{number}"
    name, mobile = "".join(h.name.split()), mobile_digits(h.mobile)
    return f"name:{name}|{mobile}" if name and mobile else None


def owner_key(case: Case) -> str | None:
    from assistant.core.orgname import bracket_key
    from assistant.core.qualification.output import owner_credit_code, owner_name

    code = owner_credit_code(case)
    if code:
        return f"code:{code}"
    name = owner_name(case)
    return f"name:{bracket_key(name)}" if name else None


def check_handler_reuse(
    cases: Iterable[tuple[str, Case]], lang: str = "en"
) -> dict[str, list[Finding]]:
    """``{case name: findings}`` for every case whose administrator also stands for another
    owner among ``cases`` (pairs of a name for the case, e.g. its file, and the case)."""
    from assistant.core.qualification.output import owner_name
    from assistant.core.qualification.section import rules_for

    by_handler: dict[str, dict[str, list[tuple[str, Case]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for where, case in cases:
        if case.qualification.approved_id.strip() or rules_for(case) is None:
            continue
        handler, owner = handler_key(case), owner_key(case)
        if handler and owner:
            by_handler[handler][owner].append((where, case))
    out: dict[str, list[Finding]] = defaultdict(list)
    for owners in by_handler.values():
        if len(owners) < 2:
            continue
        names = sorted({owner_name(c) for group in owners.values() for _, c in group})
        for group in owners.values():
            for where, case in group:
                out[where].append(_reused(case, names, lang))
    return dict(out)


def _reused(case: Case, owners: list[str], lang: str) -> Finding:
    from assistant.core.qualification.section import rules_for

    rules = rules_for(case)
    assert rules is not None
    h = case.qualification.handler
    return finding(
        "qualification.handler_reused",
        Severity(rules.one_handler.severity),
        lang,
        "qualification.handler.name",
        source=rules.one_handler.source,
        handler=h.name.strip() or "—",
        number=mask_id(h.id_number) or "—",
        count=len(owners),
        owners="、".join(owners) if lang == "zh" else "; ".join(owners),
    )


def check_folder(folder: str | os.PathLike[str], lang: str = "en") -> dict[str, list[Finding]]:
    """:func:`check_handler_reuse` over every ``*.smscase.json`` of ``folder`` and its
    sub-folders (files that cannot be read are left to their own load findings)."""
    from assistant.core.model import CASE_SUFFIX, load_case

    paths = sorted(p for p in Path(folder).rglob(f"*{CASE_SUFFIX}") if p.is_file())
    loaded: list[tuple[str, Case]] = []
    for path in paths[:MAX_CASES]:
        case, _ = load_case(path, lang)
        if case is not None:
            loaded.append((str(path), case))
    return check_handler_reuse(loaded, lang)
