"""One full flow per provider ending in a valid bundle; drag and drop; background checks with
cancel; print and "save as PDF" of the checklist; review jumps to the page that fixes a finding."""

from __future__ import annotations

import datetime as dt
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPdfWriter
from PySide6.QtWidgets import (
    QApplication,
    QCommandLinkButton,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QWidget,
    QWizard,
)

from assistant.core.flow import PageId
from assistant.core.identifiers import org_code_check_char, uscc_check_char
from tests.gui.gui_helpers import click, click_next, find, press

TIMEOUT = 30_000


def code(prefix8: str, org8: str) -> str:
    first17 = prefix8 + org8 + (org_code_check_char(org8) or "0")
    return first17 + (uscc_check_char(first17) or "0")


def document_image(path: Path, size: tuple[int, int] = (1600, 1100)) -> Path:
    img = Image.new("RGB", size, (250, 246, 236))
    d = ImageDraw.Draw(img)
    d.rectangle((40, 40, size[0] - 40, size[1] - 40), outline=(180, 30, 30), width=12)
    for y in range(200, size[1] - 200, 70):
        d.line((140, y, size[0] - 140, y), fill=(60, 60, 60), width=6)
    d.ellipse(
        (size[0] - 420, size[1] - 420, size[0] - 120, size[1] - 120),
        outline=(210, 20, 20),
        width=14,
    )
    img.save(path, quality=88)
    return path


def choose(qtbot: Any, wizard: QWizard, name: str) -> None:
    button = find(wizard, QRadioButton, name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def drop_files(widget: QWidget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)


def status(wizard: QWizard, doc: str) -> str:
    return str(find(wizard, QWidget, f"docs.status.{doc}").property("status"))


def fill_to_documents(qtbot: Any, wizard: QWizard, provider: str, purpose: str) -> None:
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    choose(qtbot, wizard, f"provider.provider.{provider}")
    region = wizard.findChild(QRadioButton, "provider.region.mainland")
    if region is not None and region.isVisible():
        choose(qtbot, wizard, "provider.region.mainland")
    choose(qtbot, wizard, "provider.account.enterprise")
    choose(qtbot, wizard, f"provider.purpose.{purpose}")
    click_next(qtbot, wizard)
    assert find(wizard, QRadioButton, "type.type.company").isChecked()
    click_next(qtbot, wizard)
    find(wizard, QLineEdit, "names.name.0").setText("星河云科技")
    description = wizard.findChild(QPlainTextEdit, "names.remark.description")
    if description is not None:
        description.setPlainText("向注册用户发送登录验证码和订单通知。")
    click_next(qtbot, wizard)
    for _ in range(3):  # pages between the names and the parties (templates …) keep their defaults
        if wizard.currentId() == PageId.PARTIES:
            break
        click_next(qtbot, wizard)
    # self-use: the applicant owns the signature, so its registered name contains it (#10)
    applicant = "杭州蓝鲸数字营销有限公司" if purpose == "others" else "杭州星河云科技有限公司"
    find(wizard, QLineEdit, "parties.applicant.name").setText(applicant)
    find(wizard, QLineEdit, "parties.applicant.credit_code").setText(code("91330106", "MA2H3K4L"))
    if purpose == "others":
        find(wizard, QLineEdit, "parties.owner.name").setText("深圳市星河云科技有限公司")
        find(wizard, QLineEdit, "parties.owner.credit_code").setText(code("91440300", "MA5F6G7H"))
        find(wizard, QLineEdit, "parties.owner.legal_representative").setText("李明")
    click_next(qtbot, wizard)
    for _ in range(3):  # pages between the parties and the letter (qualification …) as they are
        if wizard.currentId() in (PageId.LETTER, PageId.DOCUMENTS):
            break
        click_next(qtbot, wizard)
    if purpose == "others":  # the letter comes before the documents
        assert wizard.currentId() == PageId.LETTER
        click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.DOCUMENTS


def fill_to_letter(qtbot: Any, wizard: QWizard, provider: str) -> None:
    """A case for others, up to its letter page."""
    fill_to_documents(qtbot, wizard, provider, "others")
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    assert wizard.currentId() == PageId.LETTER


@pytest.mark.parametrize(
    ("provider", "purpose"), [("tencent", "others"), ("alibaba", "self"), ("huawei", "others")]
)
def test_full_flow_ends_in_a_valid_bundle(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path, provider: str, purpose: str
) -> None:
    license_photo = document_image(tmp_path / "license photo.jpg")
    fill_to_documents(qtbot, wizard, provider, purpose)

    # documents: attach with the button (through the dialogs module), checked in the background
    fake_dialogs.answer("choose_attachments", [license_photo])
    click(qtbot, find(wizard, QPushButton, "docs.attach.business_license"))
    qtbot.waitUntil(
        lambda: status(wizard, "business_license") in ("ok", "problems"), timeout=TIMEOUT
    )
    assert status(wizard, "business_license") == "ok", find(
        wizard, QWidget, "docs.findings.business_license"
    ).findings
    assert find(wizard, QWidget, "docs.thumb.business_license").pixmap() is not None
    assert not license_photo.with_name("x").exists()

    if purpose == "others":
        assert status(wizard, "authorization_letter") == "missing"
        click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
        assert wizard.currentId() == PageId.LETTER
        letter_path = tmp_path / "letter.docx"
        fake_dialogs.answer("save_file", letter_path)
        click(qtbot, find(wizard, QPushButton, "letter.generate"))
        qtbot.waitUntil(
            lambda: letter_path.is_file() and not wizard.currentPage().busy(), timeout=TIMEOUT
        )
        click(qtbot, find(wizard, QPushButton, "letter.open"))
        assert fake_dialogs.called("open_path")[-1][0] == letter_path
        scan = document_image(tmp_path / "signed-letter.jpg", (1240, 1754))
        fake_dialogs.answer("choose_attachments", [scan])
        click(qtbot, find(wizard, QPushButton, "letter.attach_scan"))
        assert wizard.case.attachments_for("authorization_letter")
        assert not find(wizard, QWidget, "letter.findings").findings or all(
            f.severity.value != "error" for f in find(wizard, QWidget, "letter.findings").findings
        )
        click_next(qtbot, wizard)
        assert wizard.currentId() == PageId.DOCUMENTS
        qtbot.waitUntil(
            lambda: status(wizard, "authorization_letter") in ("ok", "problems"), timeout=TIMEOUT
        )

    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.REVIEW
    review = wizard.currentPage()
    qtbot.waitUntil(lambda: not review.busy(), timeout=TIMEOUT)
    assert review.review is not None and review.review.ok, [
        f.to_dict() for f in review.review.errors()
    ]

    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.EXPORT
    target = tmp_path / "out" / "bundle.zip"
    target.parent.mkdir()
    find(wizard, QLineEdit, "export.target").setText(str(target))
    click(qtbot, find(wizard, QPushButton, "export.run"))
    export = wizard.currentPage()
    qtbot.waitUntil(lambda: not export.busy(), timeout=TIMEOUT)
    assert target.is_file(), find(wizard, QWidget, "export.result").text()
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
    assert "manifest.json" in names
    assert any(n.startswith("files/") for n in names)
    if purpose == "others":
        assert any(n.endswith(".docx") for n in names)
    click(qtbot, find(wizard, QPushButton, "export.show_folder"))
    assert fake_dialogs.called("show_in_folder")[-1][0] == target


def test_export_with_errors_is_refused_then_allowed_incomplete_after_confirming(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    fill_to_documents(qtbot, wizard, "alibaba", "self")
    click_next(qtbot, wizard)  # nothing attached: the license is missing
    review = wizard.currentPage()
    qtbot.waitUntil(lambda: not review.busy(), timeout=TIMEOUT)
    assert not review.review.ok
    click_next(qtbot, wizard)
    target = tmp_path / "bundle.zip"
    find(wizard, QLineEdit, "export.target").setText(str(target))
    click(qtbot, find(wizard, QPushButton, "export.run"))
    export = wizard.currentPage()
    qtbot.waitUntil(lambda: not export.busy(), timeout=TIMEOUT)
    assert not list(tmp_path.glob("*.zip"))
    assert any(
        f.severity.value == "error" for f in find(wizard, QWidget, "export.findings").findings
    )

    click(qtbot, find(wizard, QWidget, "export.incomplete"))
    fake_dialogs.answer("confirm", True)
    click(qtbot, find(wizard, QPushButton, "export.run"))
    qtbot.waitUntil(lambda: not export.busy(), timeout=TIMEOUT)
    written = list(tmp_path.glob("*.zip"))
    assert len(written) == 1 and "INCOMPLETE" in written[0].name


def test_drag_and_drop_attaches_to_the_row(qtbot: Any, wizard: QWizard, tmp_path: Path) -> None:
    photo = document_image(tmp_path / "license.jpg")
    fill_to_documents(qtbot, wizard, "tencent", "self")
    row = find(wizard, QWidget, "docs.row.business_license")
    drop_files(row, [photo])
    assert wizard.case.attachments_for("business_license")[0].path == str(photo.resolve())
    qtbot.waitUntil(lambda: status(wizard, "business_license") == "ok", timeout=TIMEOUT)


def test_background_check_shows_progress_and_can_be_cancelled(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.core.attachments as attachments

    started = threading.Event()
    real_inspect = attachments.inspect_file

    def slow_inspect(
        path: Any, *args: Any, progress: Any = None, cancel: Any = None, **kw: Any
    ) -> Any:
        started.set()
        for i in range(2000):  # never finishes by itself within the test
            if cancel.is_set():
                return real_inspect(path, *args, progress=progress, cancel=cancel, **kw)
            progress(min(0.99, i / 100))
            threading.Event().wait(0.01)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(attachments, "inspect_file", slow_inspect)
    photo = document_image(tmp_path / "license.jpg")
    fill_to_documents(qtbot, wizard, "tencent", "self")
    fake_dialogs.answer("choose_attachments", [photo])
    click(qtbot, find(wizard, QPushButton, "docs.attach.business_license"))
    assert started.wait(10)
    assert status(wizard, "business_license") == "checking"
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=TIMEOUT)
    assert page.progress.isVisible()
    # the window keeps answering while the check runs: Back and Next still work
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    click_next(qtbot, wizard)
    click(qtbot, find(wizard, QPushButton, "docs.cancel"))
    qtbot.waitUntil(lambda: not page.busy(), timeout=TIMEOUT)
    assert status(wizard, "business_license") == "unchecked"
    assert find(wizard, QPushButton, "docs.recheck").isVisible()


def test_fix_preview_keeps_a_new_copy_and_the_original(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    # a PNG with an alpha channel: the fix flattens it into a new file
    original = tmp_path / "license.png"
    img = Image.new("RGBA", (1600, 1100), (250, 246, 236, 255))
    ImageDraw.Draw(img).rectangle((40, 40, 1560, 1060), outline=(180, 30, 30, 128), width=12)
    img.save(original)
    before = original.read_bytes()
    fill_to_documents(qtbot, wizard, "tencent", "self")
    fake_dialogs.answer("choose_attachments", [original])
    click(qtbot, find(wizard, QPushButton, "docs.attach.business_license"))
    qtbot.waitUntil(
        lambda: status(wizard, "business_license") not in ("checking",), timeout=TIMEOUT
    )
    fix = find(wizard, QPushButton, "docs.fix.business_license")
    if not fix.isVisible():
        pytest.skip("the inspection found nothing to fix in this file")
    fake_dialogs.answer("fix_preview", True)
    kept = tmp_path / "license-fixed.png"
    fake_dialogs.answer("save_file", lambda parent, title, suggested, flt: Path(suggested))
    click(qtbot, fix)
    qtbot.waitUntil(lambda: bool(fake_dialogs.called("fix_preview")), timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: wizard.case.attachments_for("business_license")[0].path != str(original.resolve()),
        timeout=TIMEOUT,
    )
    assert original.read_bytes() == before
    new_path = Path(wizard.case.attachments_for("business_license")[0].path)
    assert new_path.is_file() and new_path.parent == tmp_path
    assert new_path.stem.endswith("-fixed"), kept


def test_review_jumps_to_the_page_that_fixes_a_finding(qtbot: Any, wizard: QWizard) -> None:
    fill_to_documents(qtbot, wizard, "tencent", "self")
    click_next(qtbot, wizard)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: not page.busy(), timeout=TIMEOUT)
    tree = find(wizard, QTreeWidget, "review.tree")
    heads = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    docs = next(h for h in heads if h.data(0, Qt.ItemDataRole.UserRole) == int(PageId.DOCUMENTS))
    tree.setCurrentItem(docs.child(0))
    tree.setFocus()
    press(qtbot, wizard, Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.DOCUMENTS


def test_checklist_print_and_save_as_pdf(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    fill_to_documents(qtbot, wizard, "tencent", "others")
    printed = tmp_path / "printed.pdf"

    def fake_print(parent: Any, paint: Any) -> bool:
        writer = QPdfWriter(str(printed))
        paint(writer)
        del writer
        return True

    fake_dialogs.answer("print_document", fake_print)
    press(qtbot, wizard, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.is_file() and printed.stat().st_size > 1000

    saved = tmp_path / "checklist.pdf"
    fake_dialogs.answer("save_file", saved)
    wizard.act_pdf.trigger()
    text = " ".join(page.extract_text() or "" for page in PdfReader(saved).pages)
    assert "星河云科技" in text.replace("\t", "").replace(" ", "") or "Business license" in text


def test_letter_dates_use_a_calendar_and_default_to_two_years(qtbot: Any, wizard: QWizard) -> None:
    fill_to_letter(qtbot, wizard, "huawei")
    start = find(wizard, QWidget, "letter.valid_from")
    assert start.calendarPopup()
    assert wizard.case.letter.valid_from == dt.date.today()
    assert wizard.case.letter.valid_until is not None
    assert wizard.case.letter.valid_until > dt.date.today().replace(year=dt.date.today().year + 1)
