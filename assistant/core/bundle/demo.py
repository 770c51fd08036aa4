"""The demo: a made-up case (Tencent, a company signature on behalf of a client) with generated
sample document images, and its exported bundle. The no-setup way to see the program work; tests
and benchmarks start from the same case. With a provider (``demo --provider P``) the sample case
is that provider's and carries a complete qualification with sample ID photos
(:mod:`.demo_qualification`), so the whole chain can be seen."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.core.bundle.export import export_case
from assistant.core.bundle.files import (
    ChecklistRenderer,
    ExportResult,
    bundle_date,
    finding,
    write_failed,
)
from assistant.core.bundle.target import special_file
from assistant.core.findings import Severity
from assistant.core.i18n import normalize_language
from assistant.core.model import CASE_SUFFIX, Case, save_case

SAMPLE_DOCUMENTS = ("business_license", "authorization_letter")  # the sample images


def sample_path(folder: Path, document: str) -> Path:
    """Where :func:`write_sample_images` writes the sample of ``document``."""
    return folder / f"sample-{document.replace('_', '-')}.jpg"


def write_demo(
    outdir: str | os.PathLike[str],
    *,
    lang: str = "zh",
    force: bool = False,
    render_checklist: ChecklistRenderer | None = None,
    provider: str | None = None,
) -> tuple[Path, ExportResult]:
    """The sample case with generated sample images in ``outdir``, and its exported bundle
    (``render_checklist`` as for :func:`~assistant.core.bundle.export.export_case`). With
    ``provider``, that provider's sample case with a complete qualification."""
    outdir = Path(outdir)
    case_path = outdir / f"demo{CASE_SUFFIX}"
    bundle = outdir / "demo-bundle.zip"
    shown = normalize_language(lang)
    if bundle.exists() and not force:
        found = [finding(Severity.ERROR, "bundle.exists", shown, str(bundle), path=str(bundle))]
        return case_path, ExportResult(False, None, found)
    case = sample_case(lang, provider=provider)
    documents = [*SAMPLE_DOCUMENTS, *_qualification_documents(case, provider)]
    # the demo's own files are replaced, but never a folder, device or link in their place
    samples = [sample_path(outdir / "files", d) for d in documents]
    for path in (case_path, *samples):
        if special_file(path):
            refused = finding(
                Severity.ERROR, "bundle.output_not_regular", shown, str(path), path=str(path)
            )
            return case_path, ExportResult(False, None, [refused])
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        images = write_sample_images(outdir / "files", documents)
    except OSError as exc:
        return case_path, ExportResult(False, None, [write_failed(outdir, exc, shown)])
    for document in documents:
        case.set_attachment(document, images[document])
    save_case(case, case_path)
    result = export_case(
        case_path, bundle, force=force, allow_incomplete=True, render_checklist=render_checklist
    )
    return case_path, result


def _qualification_documents(case: Case, provider: str | None) -> list[str]:
    if provider is None:
        return []
    from assistant.core.bundle.demo_qualification import sample_qualification_documents

    return sample_qualification_documents(case)


def sample_case(
    lang: str = "zh", today: dt.date | None = None, provider: str | None = None
) -> Case:
    """The demo's made-up case, without attachments: Tencent, the company signature 云朵科技
    applied for by an agency on behalf of its owner (credit codes well-formed), a letter valid
    for two years from ``today`` (default: :func:`bundle_date`). Tests and benchmarks start
    from it too. With ``provider``: that provider's, with a complete qualification."""
    from assistant.core.identifiers import org_code_check_char, uscc_check_char

    today = today or bundle_date()
    case = Case(
        provider=provider or "tencent",
        region="mainland",
        account="enterprise",
        purpose="others",
        type="company",
        signature_names=["云朵科技"],
        language=normalize_language(lang),
    )
    case.applicant.name = "深圳市示例代理通信有限公司"
    case.applicant.credit_code = _credit_code(
        "914403007", "MA5G9GK4", org_code_check_char, uscc_check_char
    )
    case.owner.name = "杭州云朵科技有限公司"
    case.owner.credit_code = _credit_code(
        "913301067", "MA2H3UQ4", org_code_check_char, uscc_check_char
    )
    case.owner.legal_representative = "张明"
    case.remarks.description = (
        "用于云朵科技会员注册、登录验证码及订单通知短信。官网 https://www.example.com"
    )
    case.letter.valid_from = today
    case.letter.valid_until = today.replace(year=today.year + 2) - dt.timedelta(days=1)
    case.letter.language = "zh"
    if provider is not None:
        from assistant.core.bundle.demo_qualification import add_sample_qualification

        add_sample_qualification(case, today)
    return case


def _credit_code(
    head: str,
    org8: str,
    org_check: Callable[[str], str | None],
    check: Callable[[str], str | None],
) -> str:
    """A made-up but well-formed unified social credit code (both check characters right)."""
    first17 = head[:8] + org8 + (org_check(org8) or "0")
    return first17 + (check(first17) or "0")


def write_sample_images(
    folder: Path, documents: Sequence[str] = SAMPLE_DOCUMENTS
) -> dict[str, Path]:
    """Clearly fake sample documents as JPEGs: a business license and a signed letter, and the
    qualification's ID photos and commitment letter among ``documents``."""
    from PIL import Image, ImageDraw, ImageFont

    from assistant.core.bundle.demo_qualification import draw_sample

    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}

    def font(size: int) -> Any:
        try:
            return ImageFont.load_default(size=size)
        except TypeError:  # Pillow < 10.1
            return ImageFont.load_default()

    specs = {
        "business_license": ("SAMPLE BUSINESS LICENSE", (1754, 1240), "#f7f1e3", "#b22222"),
        "authorization_letter": ("SAMPLE AUTHORIZATION LETTER", (1240, 1754), "#ffffff", "#1f2933"),
    }
    for doc_id, (title, size, paper, ink) in specs.items():
        img = Image.new("RGB", size, paper)
        draw = ImageDraw.Draw(img)
        w, h = size
        draw.rectangle((30, 30, w - 30, h - 30), outline=ink, width=8)
        draw.rectangle((50, 50, w - 50, h - 50), outline=ink, width=2)
        draw.text((w // 2, 160), title, fill=ink, font=font(64), anchor="mm")
        draw.text(
            (w // 2, 240),
            "Demo of the SMS Signature Assistant - not a real document",
            fill="#52606d",
            font=font(30),
            anchor="mm",
        )
        for row in range(12):
            y = 360 + row * 70
            if y > h - 420:
                break
            draw.text((120, y), f"Field {row + 1:02d}:", fill="#1f2933", font=font(32))
            draw.line((360, y + 36, w - 140, y + 36), fill="#9aa5b1", width=3)
            draw.text(
                (380, y), f"sample value {row * 7919 % 100000:05d}", fill="#3e4c59", font=font(32)
            )
        # a red round seal, bottom right
        cx, cy, r = w - 300, h - 300, 170
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline="#d0021b", width=14)
        draw.regular_polygon((cx, cy, 60), 5, rotation=90, fill="#d0021b")
        draw.text((cx, cy + 110), "SAMPLE SEAL", fill="#d0021b", font=font(28), anchor="mm")
        path = sample_path(folder, doc_id)
        img.save(path, "JPEG", quality=88, optimize=True)
        out[doc_id] = path
    for doc_id in documents:
        if doc_id not in out:
            out[doc_id] = sample_path(folder, doc_id)
            draw_sample(out[doc_id], doc_id, font)
    return out
