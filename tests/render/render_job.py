"""Render the checklists (and the demo bundle) the font tests compare, in a fresh process, and
print a JSON object:
{"hashes": {name: sha256}, "cjk_families": [...], "families": N}.

    python -m tests.render.render_job

tests/render/test_fonts.py runs it under different font configurations (``FONTCONFIG_FILE``)
and compares the hashes with the ones made in the test process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys

DAY = dt.date(2026, 3, 2)


def sample_cases() -> dict[str, object]:
    """Cases whose checklists hold every kind of text: Chinese names and companies, credit
    codes, Latin names, digits, punctuation and the status marks."""
    from assistant.core.model import Case

    zh = Case(
        provider="alibaba",
        purpose="others",
        signature_names=["青禾茶业", "阿里云", "云朵科技"],
        language="zh",
    )
    zh.applicant.name = "杭州星河网络服务有限公司"
    zh.applicant.credit_code = "91330106MA2H7Q4N98"
    zh.owner.name = "深圳市青禾茶业有限公司"
    zh.owner.credit_code = "91440300MA5F8K2L2L"
    zh.owner.legal_representative = "李明"
    en = Case(provider="tencent", purpose="others", signature_names=["Qinghe Tea"], language="en")
    en.owner.name = "Shenzhen Qinghe Tea Co Ltd"
    en.owner.credit_code = "91440300MA5F8K2L2L"
    return {"zh-alibaba": zh, "en-tencent": en}


def demo_bundle() -> bytes:
    """The demo's submission bundle (zip) for a fixed date: its checklist.pdf is the only part
    that fonts could change."""
    import os
    import tempfile
    from pathlib import Path

    from assistant.core.bundle import write_demo
    from assistant.render import checklist_pdf_bytes

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1796083200"  # 2026-12-01
    try:
        with tempfile.TemporaryDirectory(prefix="font-demo-") as tmp:
            _, result = write_demo(Path(tmp), lang="zh", render_checklist=checklist_pdf_bytes)
            assert result.output is not None, [f.code for f in result.findings]
            return result.output.read_bytes()
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def render_all() -> dict[str, bytes]:
    from assistant.core.checklist import build_checklist
    from assistant.render import checklist_pdf_bytes

    out: dict[str, bytes] = {"demo-bundle.zip": demo_bundle()}
    for name, case in sample_cases().items():
        lang, provider = name.split("-")
        checklist = build_checklist(provider, "enterprise", "others", "company", None, lang)
        out[name], _ = checklist_pdf_bytes(checklist, case, lang=lang, prepared_on=DAY)  # type: ignore[arg-type]
        out[f"{name}-blank"], _ = checklist_pdf_bytes(checklist, lang=lang, prepared_on=DAY)
    return out


def main() -> int:
    from PySide6.QtGui import QFontDatabase

    from assistant.render import ensure_gui_application

    pdfs = render_all()
    ensure_gui_application()
    report = {
        "hashes": {k: hashlib.sha256(v).hexdigest() for k, v in pdfs.items()},
        "cjk_families": QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese),
        "families": len(QFontDatabase.families()),
    }
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
