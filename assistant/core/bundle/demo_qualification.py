"""The demo's qualification (issue #11): a complete, made-up qualification for the sample case of
any provider, and clearly fake sample ID card photos and a signed commitment letter, so that
``demo --provider P`` shows the whole chain — qualification, signature, bundle — for Tencent,
Alibaba or Huawei. The ID numbers are well-formed (GB 11643 check character, a real address
code) but belong to no one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from assistant.core.model import Case

# (document, title, size, paper, ink) of each sample picture
SAMPLE_QUALIFICATION_IMAGES: dict[str, tuple[str, tuple[int, int], str, str]] = {
    "legal_rep_id_portrait": ("SAMPLE ID CARD - PORTRAIT SIDE", (1712, 1080), "#eef4fb", "#1c3d6e"),
    "legal_rep_id_emblem": ("SAMPLE ID CARD - EMBLEM SIDE", (1712, 1080), "#eef4fb", "#1c3d6e"),
    "handler_id_portrait": ("SAMPLE ID CARD - PORTRAIT SIDE", (1712, 1080), "#f2f7ee", "#2d5a1c"),
    "handler_id_emblem": ("SAMPLE ID CARD - EMBLEM SIDE", (1712, 1080), "#f2f7ee", "#2d5a1c"),
    "handler_holding_id": ("SAMPLE PHOTO HOLDING THE ID CARD", (1200, 1600), "#fafafa", "#444444"),
    "commitment_letter": ("SAMPLE COMMITMENT LETTER", (1240, 1754), "#ffffff", "#1f2933"),
}


def add_sample_qualification(case: Case, today: dt.date) -> None:
    """Fill ``case.qualification`` completely for its provider (the owner of the case, its
    legal representative 张明, the administrator 李华; validities that outlast the filing)."""
    q = case.qualification
    party = case.owner if case.purpose == "others" else case.applicant
    q.owner.name = party.name
    q.owner.credit_code = party.credit_code
    q.owner.entity_type = "enterprise"
    q.owner.licence.valid_from = dt.date(2016, 5, 20)
    q.owner.licence.long_term = True
    q.legal_representative.name = case.owner.legal_representative or "张明"
    q.legal_representative.id_number = "330106198506121237"
    q.legal_representative.id_validity.valid_from = dt.date(2015, 3, 1)
    q.legal_representative.id_validity.valid_until = dt.date(2035, 3, 1)
    q.handler.name = "李华"
    q.handler.id_number = "330106199203154327"
    q.handler.id_validity.valid_from = dt.date(2019, 8, 1)
    q.handler.id_validity.valid_until = dt.date(2039, 8, 1)
    q.handler.mobile = "13800138000"
    q.handler.email = "li.hua@example.com"
    q.commitment.signed_on = today
    q.commitment.language = "zh"


def sample_qualification_documents(case: Case) -> list[str]:
    """The sample pictures the case's provider asks for (required or recommended)."""
    from assistant.core.qualification.output import items_for

    _, documents = items_for(case)
    wanted = {d for item in documents if item.need != "optional" for d in item.documents}
    return [d for d in SAMPLE_QUALIFICATION_IMAGES if d in wanted]


def draw_sample(path: Path, document: str, font: Any) -> None:
    """One clearly fake sample picture of ``document`` as a JPEG."""
    from PIL import Image, ImageDraw

    title, size, paper, ink = SAMPLE_QUALIFICATION_IMAGES[document]
    img = Image.new("RGB", size, paper)
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rounded_rectangle((24, 24, w - 24, h - 24), radius=36, outline=ink, width=8)
    draw.text((w // 2, 110), title, fill=ink, font=font(54), anchor="mm")
    draw.text(
        (w // 2, 180),
        "Demo of the SMS Signature Assistant - not a real document",
        fill="#52606d",
        font=font(28),
        anchor="mm",
    )
    if "portrait" in document or "holding" in document:
        draw.ellipse((w // 2 - 150, 260, w // 2 + 150, 560), outline=ink, width=6)
        draw.rectangle((w // 2 - 220, 580, w // 2 + 220, 760), outline=ink, width=6)
    for row in range(6):
        y = 300 + row * 70 if "portrait" not in document else 800 + row * 70
        if y > h - 120:
            break
        draw.text((90, y), f"Field {row + 1:02d}:", fill="#1f2933", font=font(30))
        draw.line((300, y + 34, w - 90, y + 34), fill="#9aa5b1", width=3)
        draw.text((320, y), "SAMPLE", fill="#3e4c59", font=font(30))
    if document == "commitment_letter":
        cx, cy, r = w - 300, h - 300, 170
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline="#d0021b", width=14)
        draw.regular_polygon((cx, cy, 60), 5, rotation=90, fill="#d0021b")
    img.save(path, "JPEG", quality=88, optimize=True)
