"""``manifest.json``: what the bundle holds (every file with role, size and sha256), for which
case, with which findings, rule packs and program version."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Sequence
from functools import cache
from typing import Any

from assistant import __version__
from assistant.core.bundle.files import BUNDLE_FORMAT, BUNDLE_VERSION, INCOMPLETE, BundleFile
from assistant.core.findings import Finding, sort_findings
from assistant.core.model import Case, compose_remark, effective_region, effective_sign_type
from assistant.core.rules import RulePack
from assistant.resources import resource_path


@cache
def common_pack_version() -> str:
    """The version of ``common.toml`` (read once: a batch writes a manifest per case)."""
    try:
        with resource_path("rules", "common.toml").open("rb") as fh:
            return str(tomllib.load(fh).get("version", ""))
    except (OSError, tomllib.TOMLDecodeError):
        return ""


def _case_summary(case: Case, pack: RulePack) -> dict[str, Any]:
    return {
        "client": case.client,
        "provider": case.provider,
        "region": effective_region(case, pack),
        "account": case.account,
        "purpose": case.purpose,
        "type": case.type,
        "sign_type": effective_sign_type(case, pack),
        "signature_names": [n for n in case.signature_names if n.strip()],
        "applicant": {"name": case.applicant.name, "credit_code": case.applicant.credit_code},
        "owner": {
            "name": case.owner.name,
            "credit_code": case.owner.credit_code,
            "legal_representative": case.owner.legal_representative,
        },
        "remark": compose_remark(case, case.language),
        "language": case.language,
        "qualification": _qualification_summary(case),
    }


def _qualification_summary(case: Case) -> dict[str, Any]:
    """Whether a qualification is needed, and which one is used (never its people's numbers)."""
    from assistant.core.qualification import needs_qualification, qualification_name

    needed = needs_qualification(case)
    approved = case.qualification.approved_id.strip()
    return {
        "needed": needed,
        "approved_id": approved or None,
        "name": qualification_name(case) if needed and not approved else None,
    }


def build_manifest(
    case: Case,
    pack: RulePack,
    files: Sequence[BundleFile],
    to_fill: Sequence[dict[str, str]],
    findings: Sequence[Finding],
    when: dt.date,
    incomplete: bool,
) -> dict[str, Any]:
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "status": INCOMPLETE if incomplete else "complete",
        "prepared_on": when.isoformat(),
        "program": {"name": "sms-signature-assistant", "version": __version__},
        "rule_packs": {pack.provider: pack.version, "common": common_pack_version()},
        "case": _case_summary(case, pack),
        "files": [f.entry() for f in files],
        "to_fill": list(to_fill),
        "findings": [f.to_dict() for f in sort_findings(findings)],
    }
