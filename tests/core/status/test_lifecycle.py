"""Case status: transitions, stages, the six-month warning, findings, the case file round trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.core.model import Case, case_json, load_case, save_case
from assistant.core.status.lifecycle import (
    case_stage,
    mark_approved,
    mark_exported,
    mark_rejected,
    mark_submitted,
    set_carrier,
    set_last_sent,
    signature_status,
    stage,
    status_findings,
    status_lines,
    sync_names,
)

D = dt.date


def _case() -> Case:
    return Case(provider="alibaba", signature_names=["云朵科技", "云朵"], language="zh")


def _file_all(case: Case, name: str, on: dt.date) -> None:
    for carrier in ("china_mobile", "china_unicom", "china_telecom"):
        set_carrier(case, name, carrier, "filed", on)


def test_the_whole_cycle() -> None:
    case = _case()
    assert case_stage(case) == "draft"
    mark_exported(case, D(2026, 12, 1))
    assert case_stage(case) == "ready"
    assert [s.state for s in case.status.signatures] == ["ready", "ready"]
    mark_submitted(case, "云朵科技", D(2026, 12, 2), provider_id="SIGN_1")
    mark_submitted(case, "云朵", D(2026, 12, 2))
    assert case_stage(case) == "submitted"
    result = mark_rejected(case, "云朵", "审核不通过：授权书未签字", D(2026, 12, 3))
    assert result.step == "letter"
    sig = signature_status(case, "云朵")
    assert sig.state == "rejected" and sig.reasons[0] == "alibaba.letter.unsigned"
    assert case_stage(case) == "rejected"  # a problem shows first
    mark_approved(case, "云朵科技", D(2026, 12, 4))
    first = signature_status(case, "云朵科技")
    assert stage(case, first) == "approved"
    set_carrier(case, "云朵科技", "china_mobile", "filed", D(2026, 12, 8))
    assert stage(case, first) == "filing"
    set_carrier(case, "云朵科技", "china_unicom", "failed", D(2026, 12, 9), detail="资质原因")
    assert stage(case, first) == "filing_failed"
    _file_all(case, "云朵科技", D(2026, 12, 10))
    assert stage(case, first, D(2027, 1, 10)) == "filed"


def test_six_month_warning_counts_from_the_date_the_user_sets() -> None:
    case = _case()
    mark_approved(case, "云朵科技", D(2026, 1, 1))
    _file_all(case, "云朵科技", D(2026, 1, 5))
    sig = signature_status(case, "云朵科技")
    assert stage(case, sig, D(2026, 5, 1)) == "filed"  # 116 days
    assert stage(case, sig, D(2026, 6, 10)) == "lapse_soon"  # 156 days: close to six months
    assert stage(case, sig, D(2026, 7, 10)) == "lapsed"  # 186 days
    set_last_sent(case, "云朵科技", D(2026, 6, 1))
    assert stage(case, sig, D(2026, 7, 10)) == "filed"
    case.status.warn_after_days = 30
    assert stage(case, sig, D(2026, 7, 10)) == "lapse_soon"
    warning = [
        f for f in status_findings(case, D(2026, 7, 10), "en") if f.code == "status.lapse_soon"
    ]
    assert warning and "39 days" in warning[0].message and "2026-11-28" in warning[0].message
    assert warning[0].severity.value == "warning" and warning[0].fix


def test_a_carrier_reported_lapse_shows_as_lapsed() -> None:
    case = _case()
    mark_approved(case, "云朵", D(2026, 1, 1))
    _file_all(case, "云朵", D(2026, 1, 5))
    set_carrier(case, "云朵", "china_telecom", "lapsed", D(2026, 7, 6))
    assert stage(case, signature_status(case, "云朵"), D(2026, 7, 7)) == "lapsed"


def test_findings_explain_rejections_and_report_unknown_values() -> None:
    case = _case()
    mark_rejected(case, "云朵科技", "营业执照水印注明了其他用途", D(2026, 12, 3))
    other = signature_status(case, "别的签名")  # created on first use
    other.state = "approvd"
    other.carriers.china_mobile.state = "done"
    case.status.warn_after_days = 400
    found = {f.code: f for f in status_findings(case, D(2026, 12, 4), "zh")}
    rejected = found["status.rejected"]
    assert "【云朵科技】" in rejected.message and "水印" in rejected.message
    assert rejected.fix and "资质文件" in rejected.fix  # the step to go back to, in Chinese
    assert {"status.unknown_state", "status.bad_warn_days"} <= set(found)
    unknown = [
        f for f in status_findings(case, D(2026, 12, 4), "en") if f.code == "status.unknown_state"
    ]
    assert {f.subject for f in unknown} == {
        "status.signatures[1].state",
        "status.signatures[1].carriers.china_mobile.state",
    }


def test_an_unmatched_rejection_says_so() -> None:
    case = _case()
    mark_rejected(case, "云朵", "今天天气很好", D(2026, 12, 3))
    (f,) = [f for f in status_findings(case, D(2026, 12, 4), "en") if f.code == "status.rejected"]
    assert "No known rejection reason" in (f.fix or "")


def test_bad_values_are_refused_by_the_setters() -> None:
    case = _case()
    with pytest.raises(ValueError, match="unknown carrier"):
        set_carrier(case, "云朵", "china_broadnet", "filed")
    with pytest.raises(ValueError, match="unknown filing state"):
        set_carrier(case, "云朵", "china_mobile", "ok")


def test_names_are_matched_loosely_and_kept_in_order() -> None:
    case = _case()
    signature_status(case, "【云朵】")
    signature_status(case, "old name")
    sync_names(case)
    assert [s.name for s in case.status.signatures] == ["云朵科技", "【云朵】", "old name"]
    lines = status_lines(case, lang="en")
    assert [(line.name, line.stage) for line in lines] == [("云朵科技", "draft"), ("云朵", "draft")]


def test_status_round_trips_through_the_case_file(tmp_path: Path) -> None:
    case = _case()
    mark_exported(case, D(2026, 12, 1))
    mark_submitted(case, "云朵科技", D(2026, 12, 2), provider_id="SIGN_1")
    mark_rejected(case, "云朵", "授权书有效期太短", D(2026, 12, 3))
    set_carrier(case, "云朵科技", "china_mobile", "filed", D(2026, 12, 8), detail="ok")
    set_last_sent(case, "云朵科技", D(2026, 12, 9))
    path = tmp_path / "c.smscase.json"
    save_case(case, path)
    loaded, findings = load_case(path)
    assert loaded is not None and not findings
    assert loaded.status == case.status
    assert case_json(loaded, tmp_path) == path.read_text(encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["status"]["signatures"][1]["rejection"] == "授权书有效期太短"


def test_a_file_without_status_and_a_bad_status_value(tmp_path: Path) -> None:
    path = tmp_path / "old.smscase.json"
    path.write_text(
        json.dumps({"format": "sms-signature-case", "version": 1, "provider": "huawei"}),
        encoding="utf-8",
    )
    loaded, findings = load_case(path)
    assert loaded is not None and not findings and loaded.status.signatures == []
    path.write_text(
        json.dumps(
            {
                "format": "sms-signature-case",
                "version": 2,
                "status": {"signatures": [{"name": "x", "submitted_on": "yesterday"}]},
            }
        ),
        encoding="utf-8",
    )
    loaded, findings = load_case(path)
    assert loaded is not None
    assert any(f.subject and f.subject.startswith("status") for f in findings)
