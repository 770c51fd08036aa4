"""`rules`: providers, signature types, documents and rules, with status and sources."""

from __future__ import annotations

import argparse
from typing import Any

from assistant.cli.common import add_format_options, print_json
from assistant.core.i18n import localized
from assistant.core.rules import PROVIDERS, RulePack, load_pack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "rules",
        help="list providers, signature types, documents and rules",
        description="What each provider accepts: signature types (with withdrawn ones and why), "
        "documents, and every rule with its source.",
    )
    p.add_argument("--provider", choices=PROVIDERS, help="only this provider")
    add_format_options(p)
    p.set_defaults(func=run)


def _choices(items: Any, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "name": localized(c.name, lang),
            "code": c.code,
            "description": localized(c.description, lang),
        }
        for c in items
    ]


def pack_summary(pack: RulePack, lang: str) -> dict[str, Any]:
    regions = pack.region_ids or (None,)
    types = []
    for t in pack.signature_types:
        withdrawn = {
            r or "all": {
                "since": w.since.isoformat(),
                "notice": localized(w.notice, lang),
                "source": w.source,
            }
            for r in regions
            if (w := t.withdrawal(r)) is not None
        }
        types.append(
            {
                "id": t.id,
                "code": t.code,
                "name": localized(t.name, lang),
                "status": "withdrawn"
                if len(withdrawn) == len(regions)
                else ("partly withdrawn" if withdrawn else "accepted"),
                "withdrawn": withdrawn or None,
                "source": t.source,
            }
        )
    rules = []
    for rule_id in dict.fromkeys(e.id for e in pack.rules):
        for region in regions:
            eff = pack.rule(rule_id, region)
            if eff is None:
                continue
            value = eff.value
            if isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, tuple):
                value = list(value)
            rules.append(
                {
                    "id": rule_id,
                    "region": region,
                    "value": value,
                    "severity": eff.severity,
                    "sources": [
                        {"source": e.source, "values": dict(e.values), "note": e.note}
                        for e in eff.entries
                    ],
                }
            )
    cited = (
        {t["source"] for t in types}
        | {e.source for e in pack.rules}
        | {r.source for r in pack.requirements}
    )
    return {
        "provider": pack.provider,
        "name": localized(pack.name, lang),
        "version": pack.version,
        "api": pack.api,
        "regions": _choices(pack.regions, lang),
        "accounts": _choices(pack.accounts, lang),
        "purposes": _choices(pack.purposes, lang),
        "sign_kinds": _choices(pack.sign_kinds, lang),
        "signature_types": types,
        "documents": [
            {"id": d.id, "name": localized(d.name, lang), "kind": d.kind, "code": d.code}
            for d in pack.documents.values()
        ],
        "rules": rules,
        "sources": {
            sid: {
                "title": s.title_for(lang),
                "titles": {lg: s.title_for(lg) for lg in ("en", "zh", "id")},
                "note": s.note,
                "ref": s.ref,
                "url": s.url,
                "read": s.read.isoformat(),
            }
            for sid, s in pack.sources.items()
            if sid in cited
        },
    }


def run(args: argparse.Namespace) -> int:
    providers = [args.provider] if args.provider else list(PROVIDERS)
    summaries = [pack_summary(load_pack(p), args.lang) for p in providers]
    if args.format == "json":
        print_json(summaries if not args.provider else summaries[0])
        return 0
    for s in summaries:
        print(f"{s['name']} ({s['provider']}), rules of {s['version']}, API {s['api']}")
        if s["regions"]:
            print("  regions: " + ", ".join(f"{r['id']} ({r['name']})" for r in s["regions"]))
        print("  accounts: " + ", ".join(a["id"] for a in s["accounts"]))
        print("  purposes: " + ", ".join(p["id"] for p in s["purposes"]))
        if s["sign_kinds"]:
            print("  sign types: " + ", ".join(f"{k['id']} ({k['code']})" for k in s["sign_kinds"]))
        print("  signature types:")
        for t in s["signature_types"]:
            line = f"    {t['id']:<17} code {t['code']}  {t['status']:<16} {t['name']}"
            print(line.rstrip())
            for region, w in (t["withdrawn"] or {}).items():
                print(f"      withdrawn ({region}) since {w['since']}: {w['notice']}")
        print("  documents:")
        for d in s["documents"]:
            code = f"code {d['code']}" if d["code"] is not None else ""
            print(f"    {d['id']:<32} {code:<8} {d['name']}")
        print("  rules:")
        for r in s["rules"]:
            where = f" [{r['region']}]" if r["region"] else ""
            srcs = ", ".join(x["source"] for x in r["sources"])
            sev = f" ({r['severity']})" if r["severity"] else ""
            value = "" if r["value"] is True else f" = {r['value']}"
            print(f"    {r['id']}{where}{value}{sev}  <- {srcs}")
        print("  sources:")
        for sid, src in s["sources"].items():
            print(f"    {sid}: {src['title']} (read {src['read']})")
            for line in (src["url"], src["note"], f"ref: {src['ref']}"):
                if line:
                    print(f"      {line}")
        print()
    return 0
