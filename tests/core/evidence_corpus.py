"""Generated documents for the evidence checks (issue #13): licences and signed letters.

Nothing binary is committed: every picture is drawn here with Pillow and a CJK font, then
"photographed" (rotation, perspective, blur, JPEG). ``benchmarks/ocr.py`` uses the same drawings at
12 MP; the tests use small ones.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[2]
_FONT_CANDIDATES = (
    *sorted((ROOT / "resources" / "fonts").glob("*.[ot]t[fc]")),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)


def font_path() -> Path | None:
    """The project's CJK font when it ships one, else a system CJK font; None when there is none."""
    return next((p for p in _FONT_CANDIDATES if p.is_file()), None)


def _font(size: int) -> ImageFont.FreeTypeFont:
    path = font_path()
    if path is None:
        raise RuntimeError("no CJK font (install fonts-wqy-microhei)")
    return ImageFont.truetype(str(path), size)


INK = (28, 28, 32)
PAPER = (250, 248, 242)
RED = (214, 36, 40)
COMPLIANT_WATERMARK = "仅供云通信备案使用"


# ------------------------------------------------------------------------------------ licence
@dataclass(frozen=True)
class Licence:
    name: str = "杭州云朵科技有限公司"
    credit_code: str = "91330106MA2H3KUX16"
    legal_representative: str = "张三"
    type: str = "有限责任公司（自然人独资）"
    valid: str = "2016年08月15日至长期"
    founded: str = "2016年08月15日"
    capital: str = "壹仟万元整"
    address: str = "浙江省杭州市西湖区文三路90号"
    watermark: str | None = None
    seal: bool = True
    qr: str | None = "91330106MA2H3KUX16"


def draw_seal(d: ImageDraw.ImageDraw, cx: int, cy: int, r: int, text: str = "") -> None:
    """A red company seal: ring, star, the name along the upper arc."""
    w = max(3, r // 14)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=RED, width=w)
    star = []
    for i in range(10):
        rad = r * (0.32 if i % 2 == 0 else 0.13)
        a = -math.pi / 2 + i * math.pi / 5
        star.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    d.polygon(star, fill=RED)
    if text:
        font = _font(max(8, r // 5))
        n = len(text)
        for i, ch in enumerate(text):
            a = math.pi * (1.15 + 0.7 * i / max(1, n - 1))
            x, y = cx + 0.72 * r * math.cos(a), cy + 0.72 * r * math.sin(a)
            d.text((x, y), ch, fill=RED, font=font, anchor="mm")


def draw_qr(im: Image.Image, payload: str, box: tuple[int, int], side: int) -> None:
    import segno

    qr = segno.make(payload, error="m", micro=False)
    matrix = list(qr.matrix)
    n = len(matrix) + 8
    cell = max(1, side // n)
    tile = Image.new("L", (n * cell, n * cell), 255)
    td = ImageDraw.Draw(tile)
    for y, row in enumerate(matrix):
        for x, v in enumerate(row):
            if v:
                td.rectangle(
                    ((x + 4) * cell, (y + 4) * cell, (x + 5) * cell - 1, (y + 5) * cell - 1), fill=0
                )
    im.paste(tile.convert("RGB"), box)


def _spaced(label: str) -> str:
    """Licence labels are spread to a fixed width: 名称 -> 名　　称."""
    return "　　".join(label) if len(label) == 2 else label


def render_licence(lic: Licence, size: tuple[int, int] = (2400, 1700)) -> Image.Image:
    """A 营业执照-like page (landscape 2019 layout) at ``size``."""
    w, h = size
    im = Image.new("RGB", size, PAPER)
    d = ImageDraw.Draw(im)
    u = w / 2400  # layout unit
    d.rectangle((40 * u, 40 * u, w - 40 * u, h - 40 * u), outline=(200, 60, 40), width=int(14 * u))
    d.text((w / 2, 190 * u), "营 业 执 照", fill=RED, font=_font(int(130 * u)), anchor="mm")
    small, body = _font(int(44 * u)), _font(int(52 * u))
    d.text((190 * u, 300 * u), "统一社会信用代码", fill=INK, font=small)
    d.text((190 * u, 360 * u), lic.credit_code, fill=INK, font=body)
    if lic.qr:
        draw_qr(im, lic.qr, (int(w - 460 * u), int(170 * u)), int(280 * u))
    left = [
        ("名称", lic.name),
        ("类型", lic.type),
        ("法定代表人", lic.legal_representative),
        ("经营范围", "软件开发；信息技术咨询服务；"),
        ("", "互联网数据服务；广告设计、代理。"),
    ]
    right = [
        ("注册资本", lic.capital),
        ("成立日期", lic.founded),
        ("营业期限", lic.valid),
        ("住所", lic.address),
    ]
    x_label, x_value = 190 * u, 500 * u
    xr_label, xr_value = 1380 * u, 1650 * u
    for i, (label, value) in enumerate(left):
        y = (560 + 110 * i) * u
        if label:
            d.text((x_label, y), _spaced(label), fill=INK, font=body)
        d.text((x_value, y), value, fill=INK, font=body)
    for i, (label, value) in enumerate(right):
        y = (560 + 110 * i) * u
        d.text((xr_label, y), _spaced(label), fill=INK, font=body)
        d.text((xr_value, y), value, fill=INK, font=body)
    d.text((1500 * u, 1380 * u), "登记机关", fill=INK, font=body)
    d.text((1520 * u, 1480 * u), "2023年05月10日", fill=INK, font=body)
    if lic.seal:
        draw_seal(d, int(1800 * u), int(1400 * u), int(150 * u), "杭州市市场监督管理局")
    if lic.watermark:
        _watermark(im, lic.watermark)
    return im


def _watermark(im: Image.Image, text: str) -> None:
    """The text twice, diagonally, in grey over the page (as users stamp copies)."""
    w, h = im.size
    layer = Image.new("L", (w, h), 0)
    ld = ImageDraw.Draw(layer)
    font = _font(int(h / 11))
    for fy in (0.38, 0.72):
        ld.text((w / 2, h * fy), text, fill=255, font=font, anchor="mm")
    layer = layer.rotate(18, center=(w / 2, h / 2), resample=Image.Resampling.BICUBIC)
    grey = Image.new("RGB", (w, h), (120, 120, 128))
    im.paste(grey, (0, 0), layer.point(lambda v: v * 0.55))


# ------------------------------------------------------------------------------------ letter
@dataclass(frozen=True)
class Letter:
    """How the filled authorization letter was printed, stamped, signed and changed."""

    qr: bool = True  # our QR code on the page
    seal: bool = True
    signature: bool = True
    date: bool = True  # handwriting on the date blank (when the letter has no printed date)
    replace: tuple[tuple[str, str], ...] = ()  # text changed after filling: (old, new)
    extra: str = ""  # a sentence added by hand or retyped into the letter


def letter_lines(inp: object) -> list[str]:
    """The filled letter's text, paragraph by paragraph and table row by table row, as the
    program fills it (python-docx, in memory through a temporary file)."""
    import tempfile

    import docx

    from assistant.core.letter import fill_letter

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "letter.docx"
        fill_letter(inp, out, check=False)  # type: ignore[arg-type]
        doc = docx.Document(str(out))
    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter(docx.oxml.ns.qn("w:t"))))
        elif tag == "tbl":
            for row in child.iter(docx.oxml.ns.qn("w:tr")):
                cells = []
                for tc in row.iter(docx.oxml.ns.qn("w:tc")):
                    paras = [
                        "".join(t.text or "" for t in p.iter(docx.oxml.ns.qn("w:t")))
                        for p in tc.iter(docx.oxml.ns.qn("w:p"))
                    ]
                    cells.append("\n".join(paras))
                lines.append("  ".join(c for c in cells if c.strip()))
    return [ln for ln in lines if ln.strip()]


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if font.getlength(cur + ch) > width:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    return [*out, cur] if cur else out


def render_letter(
    inp: object, let: Letter, payload: str | None = None, size: tuple[int, int] = (1240, 1754)
) -> Image.Image:
    """The filled letter printed on A4 (150 dpi by default), then stamped and signed as asked.

    The signature block (the last table row) is drawn at the bottom: the QR code and its text
    on the left (as the bundled template has them), the places to stamp, sign and date on the
    right; the seal over the authorizer's name, the signature over the blank line, the date
    over its blanks."""
    w = size[0]
    u = w / 1240
    im = Image.new("RGB", size, (255, 255, 255))
    d = ImageDraw.Draw(im)
    body, title = _font(int(26 * u)), _font(int(48 * u))
    lines = letter_lines(inp)
    for old, new in let.replace:
        lines = [ln.replace(old, new) for ln in lines]
    block = lines.pop() if lines and "签字" in lines[-1] else ""
    code_cell, _, block = block.rpartition("  ") if "SMSA1" in block else ("", "", block)
    if let.extra:
        lines.append(let.extra)
    y = 120 * u
    for i, para in enumerate(lines):
        if i == 0:
            d.text((w / 2, y), para, fill=INK, font=title, anchor="mm")
            y += 80 * u
            continue
        for part in _wrap(para.replace("\n", " "), body, w - 220 * u):
            d.text((110 * u, y), part, fill=INK, font=body)
            y += 44 * u
    y0 = max(y + 40 * u, 1250 * u)
    if payload and let.qr:
        draw_qr(im, payload, (int(110 * u), int(y0)), int(170 * u))
        small = _font(int(13 * u))
        for i, part in enumerate(code_cell.strip().split("\n")):
            d.text((110 * u, y0 + 180 * u + i * 20 * u), part, fill=INK, font=small)
    _signature_block(im, d, block.strip(), let, y0, u, body)
    return im


def _signature_block(
    im: Image.Image,
    d: ImageDraw.ImageDraw,
    block: str,
    let: Letter,
    y0: float,
    u: float,
    font: ImageFont.FreeTypeFont,
) -> None:
    x0 = 600 * u
    rnd = random.Random(7)
    for i, ln in enumerate(block.split("\n")):
        y = y0 + i * 70 * u
        d.text((x0, y), ln, fill=INK, font=font)
        label_w = font.getlength(ln.split("：")[0] + "：")
        if ln.startswith("授权方") and let.seal:
            draw_seal(
                d,
                int(x0 + label_w + 120 * u),
                int(y + 14 * u),
                int(105 * u),
                "杭州云朵科技有限公司",
            )
        if "签字" in ln and let.signature:
            _scribble(
                d, rnd, (x0 + label_w + 10 * u, y - 18 * u, x0 + label_w + 250 * u, y + 26 * u)
            )
        if ln.startswith("日期") and "_" in ln and let.date:
            _scribble(
                d,
                rnd,
                (x0 + label_w + 5 * u, y - 14 * u, x0 + label_w + 300 * u, y + 24 * u),
                strokes=6,
            )


def _scribble(
    d: ImageDraw.ImageDraw, rnd: random.Random, box: tuple[float, ...], strokes: int = 4
) -> None:
    """Handwriting-like strokes in blue-black ink inside ``box``."""
    x0, y0, x1, y1 = box
    width = max(2, int((y1 - y0) / 12))
    for s in range(strokes):
        sx = x0 + (x1 - x0) * s / strokes
        pts = []
        for t in range(24):
            px = sx + (x1 - x0) / strokes * t / 23 * 1.2
            py = (y0 + y1) / 2 + (y1 - y0) * 0.45 * math.sin(t * 0.9 + rnd.random() * 2)
            pts.append((min(px, x1), py))
        d.line(pts, fill=(20, 30, 90), width=width, joint="curve")


# ------------------------------------------------------------------------------- photographs
@dataclass(frozen=True)
class Shot:
    """How the page is photographed."""

    rotate: float = 0.0  # degrees, counter-clockwise
    perspective: float = 0.0  # 0..0.15: how much the far edge shrinks
    blur: float = 0.0  # Gaussian radius in output pixels
    size: tuple[int, int] | None = None  # output size (the page keeps ~85 % of it)
    dark: float = 0.0  # 0..0.5 uneven lighting


def photograph(page: Image.Image, shot: Shot, seed: int = 3) -> Image.Image:
    """A phone photo of ``page`` on a desk."""
    out_w, out_h = shot.size or page.size
    scale = 0.86 * min(out_w / page.width, out_h / page.height)
    pw, ph = int(page.width * scale), int(page.height * scale)
    page = page.resize((pw, ph), Image.Resampling.LANCZOS)
    if shot.perspective:
        k = shot.perspective
        # the top edge is farther away: narrower
        quad = (-k * pw, 0, 0, ph, pw, ph, pw * (1 + k), 0)  # UL, LL, LR, UR
        page = page.transform(
            (pw, ph), Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor=(90, 80, 70)
        )
    canvas = Image.new("RGB", (out_w, out_h), (96, 84, 72))
    canvas.paste(page, ((out_w - pw) // 2, (out_h - ph) // 2))
    if shot.rotate:
        canvas = canvas.rotate(
            shot.rotate, resample=Image.Resampling.BICUBIC, fillcolor=(96, 84, 72)
        )
    if shot.dark:
        shade = Image.linear_gradient("L").rotate(90).resize((out_w, out_h))
        canvas = Image.composite(canvas, canvas.point(lambda v: int(v * (1 - shot.dark))), shade)
    if shot.blur:
        canvas = canvas.filter(ImageFilter.GaussianBlur(shot.blur))
    rnd = random.Random(seed)  # sensor noise, the same on every run
    noise = Image.frombytes("L", (out_w, out_h), rnd.randbytes(out_w * out_h)).convert("RGB")
    return Image.blend(canvas, noise, 0.04)


def save_jpeg(im: Image.Image, path: Path, quality: int = 88) -> Path:
    im.save(path, "JPEG", quality=quality)
    return path


def variant(lic: Licence, **changes: object) -> Licence:
    return replace(lic, **changes)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------ corpus
OWNER = {
    "name": "杭州云朵科技有限公司",
    "credit_code": "91330106MA2H3KUX16",
    "legal_representative": "张三",
}
APPLICANT = {"name": "深圳市代理通信有限公司", "credit_code": "914403001922038216"}
CASE_DATA = {
    "format": "sms-signature-case",
    "version": 1,
    "provider": "tencent",
    "purpose": "others",
    "type": "company",
    "signature_names": ["云朵科技"],
    "owner": OWNER,
    "applicant": APPLICANT,
    "letter": {"valid_from": "2026-12-01", "valid_until": "2027-11-30", "language": "zh"},
    "language": "zh",
}
LICENCE_SIZE = (1600, 1130)
LETTER_SIZE = (992, 1403)
SHOT = Shot(rotate=2.0, blur=0.6, size=(1600, 1200))


def letter_input(data: dict[str, object] | None = None) -> object:
    from assistant.core.letter import LetterInput

    inp, _ = LetterInput.from_mapping(data or CASE_DATA)
    return inp


def letter_payload(inp: object, case_key_override: str | None = None) -> str:
    from assistant.core.evidence.letter_qr import (
        authorization_fields,
        case_key,
        encode_payload,
        fields_digest,
    )

    key = case_key_override or case_key(
        inp.provider,  # type: ignore[attr-defined]
        inp.owner.credit_code,  # type: ignore[attr-defined]
        inp.applicant.credit_code,  # type: ignore[attr-defined]
    )
    return encode_payload("auth", key, fields_digest(authorization_fields(inp)))


def licences() -> dict[str, tuple[Licence, Shot]]:
    """Licence variants and how each is photographed (small pictures: the suite stays fast)."""
    base = Licence()
    angle = Shot(rotate=6.0, perspective=0.08, blur=0.8, dark=0.3, size=(1600, 1200))
    return {
        "licence_clean": (base, SHOT),
        "licence_angle": (base, angle),
        "licence_other_name": (variant(base, name="杭州云朵网络科技有限公司"), SHOT),
        "licence_other_code": (variant(base, credit_code="91110108MA01W8XK2X", qr=None), SHOT),
        "licence_other_person": (variant(base, legal_representative="李四"), SHOT),
        "licence_bank_watermark": (variant(base, watermark="仅供招商银行开户使用"), angle),
        "licence_compliant_watermark": (variant(base, watermark=COMPLIANT_WATERMARK), SHOT),
        "licence_expiring": (variant(base, valid="2006年12月10日至2026年12月10日"), SHOT),
        "licence_unreadable": (base, Shot(blur=14.0, size=(800, 600))),
    }


def letters() -> dict[str, tuple[Letter, dict[str, object] | None, str | None]]:
    """Letter variants: (how it was printed and signed, other case data it was filled from,
    another case key for its QR)."""
    other = {**CASE_DATA, "letter": {**CASE_DATA["letter"], "valid_until": "2028-11-30"}}  # type: ignore[dict-item]
    return {
        "letter_clean": (Letter(), None, None),
        "letter_no_seal": (Letter(seal=False), None, None),
        "letter_unsigned": (Letter(signature=False), None, None),
        "letter_undated": (Letter(date=False), None, None),
        "letter_changed_date": (
            Letter(replace=(("2027年11月30日", "2029年11月30日"),)),
            None,
            None,
        ),
        "letter_added_clause": (
            Letter(extra="被授权方可将上述签名转授权给其关联公司使用。"),
            None,
            None,
        ),
        "letter_own_template": (Letter(qr=False), None, None),
        "letter_other_case": (Letter(), None, "0123456789ab"),
        "letter_outdated": (Letter(), other, None),
    }


def build(d: Path) -> dict[str, Path]:
    """Write the corpus into ``d``; {name: path}."""
    out: dict[str, Path] = {}
    for name, (lic, shot) in licences().items():
        out[name] = save_jpeg(
            photograph(render_licence(lic, LICENCE_SIZE), shot), d / f"{name}.jpg"
        )
    page = photograph(render_licence(Licence(), LICENCE_SIZE), Shot(size=(1600, 1130)))
    out["licence_scan_pdf"] = d / "licence_scan_pdf.pdf"
    page.save(out["licence_scan_pdf"], "PDF", resolution=150)
    for name, (let, data, key) in letters().items():
        inp = letter_input(data)
        im = render_letter(inp, let, letter_payload(inp, key), LETTER_SIZE)
        out[name] = save_jpeg(
            photograph(im, Shot(rotate=1.0, blur=0.5, size=LETTER_SIZE)), d / f"{name}.jpg"
        )
    bw = render_letter(
        letter_input(), Letter(), letter_payload(letter_input()), LETTER_SIZE
    ).convert("L")
    out["letter_black_white"] = save_jpeg(bw.convert("RGB"), d / "letter_black_white.jpg")
    return out
