"""The evidence rules: ``resources/evidence/evidence.toml`` (labels, watermark wording, review
window, letter places), every entry citing a source of ``resources/rules/common.toml``."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.core.findings import Severity
from assistant.core.rules import RulePackError, load_pack
from assistant.resources import resource_path

FILE = "evidence.toml"


@dataclass(frozen=True)
class EvidenceRules:
    labels: dict[str, tuple[str, ...]]
    stop_labels: tuple[str, ...]
    long_term: tuple[str, ...]
    watermark_compliant: tuple[str, ...]
    watermark_words: tuple[str, ...]
    watermark_purpose: tuple[str, ...]
    watermark_markers: tuple[str, ...]
    watermark_severity: dict[str, Severity]
    watermark_source: dict[str, str]
    review_days: dict[str, int]
    review_source: str
    seal_labels: tuple[str, ...]
    signature_labels: tuple[str, ...]
    date_labels: tuple[str, ...]
    letter_source: dict[str, str]

    def all_labels(self) -> dict[str, tuple[str, ...]]:
        return {**self.labels, "stop": self.stop_labels}


def _check_sources(data: dict[str, Any], known: set[str]) -> None:
    refs: list[tuple[str, str]] = [
        ("labels.source", data["labels"]["source"]),
        ("review_days.source", data["review_days"]["source"]),
    ]
    refs += [(f"watermark.sources.{k}", v) for k, v in data["watermark"]["sources"].items()]
    refs += [(f"letter.sources.{k}", v) for k, v in data["letter"]["sources"].items()]
    for where, sid in refs:
        if sid not in known:
            raise RulePackError(FILE, where, f"unknown source {sid!r} (sources are in common.toml)")
    for section in ("watermark", "labels", "review_days", "letter"):
        if not isinstance(data[section].get("read"), dt.date):
            raise RulePackError(FILE, f"{section}.read", "the date the source was read is missing")


@cache
def load_rules() -> EvidenceRules:
    with resource_path("evidence", FILE).open("rb") as fh:
        data = tomllib.load(fh)
    try:
        _check_sources(data, set(load_pack("tencent").sources))
        wm, lab, rev, let = data["watermark"], data["labels"], data["review_days"], data["letter"]
        fields = ("name", "credit_code", "legal_representative", "type", "validity")
        return EvidenceRules(
            labels={f: tuple(lab[f]) for f in fields},
            stop_labels=tuple(lab["stop"]),
            long_term=tuple(lab["long_term"]),
            watermark_compliant=tuple(wm["compliant"]),
            watermark_words=tuple(wm["compliant_words"]),
            watermark_purpose=tuple(wm["compliant_purpose"]),
            watermark_markers=tuple(wm["use_markers"]),
            watermark_severity={p: Severity(s) for p, s in wm["severity"].items()},
            watermark_source=dict(wm["sources"]),
            review_days={p: int(v) for p, v in rev.items() if isinstance(v, int)},
            review_source=str(rev["source"]),
            seal_labels=tuple(let["seal_labels"]),
            signature_labels=tuple(let["signature_labels"]),
            date_labels=tuple(let["date_labels"]),
            letter_source=dict(let["sources"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RulePackError(FILE, "", f"malformed: {exc!r}") from exc
