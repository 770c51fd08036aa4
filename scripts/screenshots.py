"""A PNG of every wizard page with a realistic case, in light and dark palette.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py --output shots/
    xvfb-run -a python scripts/screenshots.py --output shots/      # a real X server

Settings are redirected to a temporary folder, so the user's recent cases are neither shown nor
changed. Sample attachments are generated with Pillow.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget


def sample_files(folder: Path) -> dict[str, Path]:
    """A business license photo and a signed letter scan, made with Pillow."""
    from PIL import Image, ImageDraw

    out = {}
    for name, size, colour in (
        ("business-license.jpg", (1600, 1100), (250, 246, 236)),
        ("authorization-letter-signed.jpg", (1240, 1754), (255, 255, 255)),
    ):
        img = Image.new("RGB", size, colour)
        d = ImageDraw.Draw(img)
        d.rectangle((40, 40, size[0] - 40, size[1] - 40), outline=(180, 30, 30), width=12)
        for y in range(200, size[1] - 200, 70):
            d.line((140, y, size[0] - 140, y), fill=(90, 90, 90), width=6)
        d.ellipse(
            (size[0] - 420, size[1] - 420, size[0] - 120, size[1] - 120),
            outline=(210, 20, 20),
            width=14,
        )
        path = folder / name
        img.save(path, quality=88)
        out[name] = path
    return out


def realistic_case(folder: Path):  # -> Case
    from assistant.core.identifiers import org_code_check_char, uscc_check_char
    from assistant.core.model import Case

    def code(prefix8: str, org8: str) -> str:
        first17 = prefix8 + org8 + (org_code_check_char(org8) or "0")
        return first17 + (uscc_check_char(first17) or "0")

    files = sample_files(folder)
    case = Case()
    case.provider = "tencent"
    case.region = "mainland"
    case.account = "enterprise"
    case.purpose = "others"
    case.type = "company"
    case.signature_names = ["星河云科技", "星河 云"]
    case.applicant.name = "杭州蓝鲸数字营销有限公司"
    case.applicant.credit_code = code("91330106", "MA2H3K4L")
    case.owner.name = "深圳市星河云科技有限公司"
    case.owner.credit_code = code("91440300", "MA5F6G7H")
    case.owner.legal_representative = "李明"
    case.remarks.description = "向注册用户发送登录验证码和订单通知。官网：https://www.example.com"
    case.letter.valid_from = dt.date.today()
    case.letter.valid_until = dt.date.today().replace(year=dt.date.today().year + 2)
    case.set_attachment("business_license", files["business-license.jpg"])
    case.set_attachment("authorization_letter", files["authorization-letter-signed.jpg"])
    return case


def sideways_photo(folder: Path) -> Path:
    """A phone photo of a licence as it comes off the phone: sideways (EXIF orientation 6),
    with its GPS position, over 3 MB (the bundle fixes all three)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.core.test_review_verdict import sideways_gps_photo

    return sideways_gps_photo(folder / "IMG_20261201_0931.jpg")


def journey_case(journey: str, folder: Path):  # -> Case
    """The three journeys of #16: an agency at Tencent for another organization, a small
    business at Alibaba for itself, an app applicant at Huawei."""
    case = realistic_case(folder)
    if journey == "tencent-others":
        return case
    case.attachments = []
    case.purpose, case.owner.name, case.owner.credit_code = "self", "", ""
    case.owner.legal_representative = ""
    if journey == "alibaba-self":
        case.provider, case.type = "alibaba", "company"
        case.signature_names = ["青禾茶业"]
        case.applicant.name = "杭州青禾茶业有限公司"
        case.remarks.description = "向会员发送订单通知和登录验证码。"
        case.set_attachment("business_license", sideways_photo(folder))
    else:
        case.provider, case.type, case.sign_type = "huawei", "app", "verification"
        case.signature_names = ["青禾记账"]
        case.applicant.name = "杭州青禾软件有限公司"
        case.remarks.app_name = "青禾记账"
        case.remarks.app_icp_number = "浙ICP备2026000001号-1A"
        case.set_attachment("business_license", sample_files(folder)["business-license.jpg"])
    return case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("screenshots"))
    parser.add_argument("--lang", default="en", choices=("en", "zh", "id"))
    parser.add_argument(
        "--scale", type=float, default=1.0, help="QT_SCALE_FACTOR, e.g. 2 for 200 %%"
    )
    parser.add_argument(
        "--journey",
        default="tencent-others",
        choices=("tencent-others", "alibaba-self", "huawei-app"),
    )
    parser.add_argument("--scheme", default="both", choices=("light", "dark", "both"))
    parser.add_argument(
        "--screen", action="store_true", help="grab the whole screen (does the window fit?)"
    )
    args = parser.parse_args(argv)
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    args.output.mkdir(parents=True, exist_ok=True)

    tmp = Path(tempfile.mkdtemp(prefix="sms-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from assistant.core.flow import PageId, pages
    from assistant.gui import settings
    from assistant.gui.app import configure_application
    from assistant.gui.languages import install_translators
    from assistant.gui.wizard import AssistantWizard

    configure_application(app)
    install_translators(app, args.lang)
    app.setStyle("Fusion")
    light = app.style().standardPalette()
    from assistant.gui.theme import dark_palette

    case_file = tmp / "xinghe.smscase.json"
    for path in ("xinghe.smscase.json", "lanjing-2024.smscase.json"):
        settings.add_recent_case(tmp / path)

    def grab(widget: QWidget, path: Path) -> None:
        if args.screen:
            screen = widget.screen()
            screen.grabWindow(0).save(str(path))
        else:
            widget.grab().save(str(path))
        written.append(path)

    written: list[Path] = []
    schemes = [("light", light), ("dark", dark_palette())]
    for scheme, palette in [x for x in schemes if args.scheme in ("both", x[0])]:
        app.setPalette(palette)
        wizard = AssistantWizard(lang=args.lang)  # placed as the program places it
        wizard.show()
        for _ in range(30):
            app.processEvents()
            time.sleep(0.01)
        grab(wizard, args.output / f"{int(PageId.START):02d}-start-{scheme}.png")
        wizard.ensure_pages()
        wizard.start_new_case()
        wizard.next()
        app.processEvents()
        grab(wizard, args.output / f"{int(PageId.PROVIDER):02d}-provider-new-{scheme}.png")

        case = journey_case(args.journey, tmp)
        from assistant.core.model import save_case

        save_case(case, case_file)
        wizard.replace_case(case, case_file)
        wizard.restart()
        app.processEvents()
        for page_id in pages(case)[1:]:
            wizard.go_to(int(page_id))
            page = wizard.currentPage()
            for _ in range(600):  # let background checks finish (at most ~30 s)
                app.processEvents()
                if not (hasattr(page, "busy") and page.busy()):
                    break
                time.sleep(0.05)
            for _ in range(30):
                app.processEvents()
            wizard.currentPage().setFocus(Qt.FocusReason.OtherFocusReason)
            name = PageId(wizard.currentId()).name.lower()
            grab(wizard, args.output / f"{wizard.currentId():02d}-{name}-{scheme}.png")
        wizard.dirty = False
        wizard.close()
        app.processEvents()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
