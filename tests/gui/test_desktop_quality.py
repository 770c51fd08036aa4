"""What makes it a desktop product: keyboard-only use, accessible names, style and palette,
print preview, the user's own letter template, the overwrite prompt, opening a case given on the
command line, and a window that keeps answering while ten 24 MP photos are checked."""

from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPdfWriter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QCommandLinkButton,
    QDateEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
    QWizard,
)

from assistant.core.flow import PageId
from assistant.gui import app as gui_app
from assistant.gui import languages, theme
from tests.gui.gui_helpers import answer_provider_page, click, click_next, find, press
from tests.gui.test_full_flow import (
    TIMEOUT,
    document_image,
    fill_to_documents,
    fill_to_letter,
    status,
)

# ------------------------------------------------------------------ helpers


def mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def visible_mnemonics(wizard: QWizard) -> list[tuple[str, str]]:
    """(letter, owner) of every mnemonic the user can press on the current page."""
    found = []
    roots: list[QWidget] = [wizard.currentPage()]
    for which in (
        QWizard.WizardButton.BackButton,
        QWizard.WizardButton.NextButton,
        QWizard.WizardButton.FinishButton,
        QWizard.WizardButton.CustomButton1,
        QWizard.WizardButton.CustomButton2,
    ):
        button = wizard.button(which)
        if button.isVisible() and mnemonic(button.text()):
            found.append((mnemonic(button.text()), button.objectName()))
    for root in roots:
        for w in root.findChildren(QWidget):
            if not w.isVisible():
                continue
            text = ""
            if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
                text = w.text()
            elif isinstance(w, QGroupBox):
                text = w.title()
            letter = mnemonic(text)
            if letter:
                found.append((letter, w.objectName() or text))
    return found


def assert_unique_mnemonics(wizard: QWizard) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for letter, owner in visible_mnemonics(wizard):
        if letter in seen:
            clashes.append(f"Alt+{letter.upper()}: {seen[letter]!r} and {owner!r}")
        seen[letter] = owner
    assert not clashes, f"on {wizard.currentPage().objectName()}: " + "; ".join(clashes)


def walk_pages(qtbot: Any, wizard: QWizard, tmp_path: Path) -> list[int]:
    """A Tencent case for another organization, page after page; yields each page shown."""
    photo = document_image(tmp_path / "license.jpg")
    shown = [wizard.currentId()]
    fill_to_documents(qtbot, wizard, "tencent", "others")
    wizard.case.set_attachment("business_license", photo)
    shown += list(range(int(PageId.PROVIDER), int(PageId.DOCUMENTS) + 1))
    return shown


INPUT_TYPES = (
    QLineEdit,
    QComboBox,
    QPushButton,
    QCheckBox,
    QRadioButton,
    QPlainTextEdit,
    QDateEdit,
)


def unnamed_inputs(page: QWidget) -> list[str]:
    bad = []
    for w in page.findChildren(QWidget):
        if not isinstance(w, INPUT_TYPES) or not w.isVisible() or w.objectName().startswith("qt_"):
            continue
        if w.accessibleName().strip() or w.toolTip().strip():
            continue
        if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
            continue
        bad.append(f"{type(w).__name__} {w.objectName()!r}")
    return bad


# ------------------------------------------------------------------ keyboard


def test_tab_walks_the_inputs_in_reading_order(qtbot: Any, wizard: QWizard) -> None:
    fill_to_documents(qtbot, wizard, "tencent", "others")
    wizard.go_to(int(PageId.PARTIES))
    assert wizard.currentId() == PageId.PARTIES
    first = find(wizard, QLineEdit, "parties.applicant.name")
    first.setFocus()
    order = [first.objectName()]
    for _ in range(8):
        press(qtbot, wizard, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        order.append(focused.objectName() if focused else "")
    wanted = [
        "parties.applicant.name",
        "parties.applicant.credit_code",
        "parties.owner.name",
        "parties.owner.credit_code",
        "parties.owner.legal_representative",
    ]
    assert [o for o in order if o in wanted][: len(wanted)] == wanted, order
    assert order[: len(wanted)] == wanted, order  # nothing in between


def test_mnemonics_reach_next_and_back_and_fields(qtbot: Any, wizard: QWizard) -> None:
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    assert wizard.currentId() == PageId.PROVIDER
    answer_provider_page(qtbot, wizard)  # nothing is preselected
    # a mnemonic "clicks" its button with a short animation: wait for the page to change
    press(qtbot, wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.SIGNATURE_TYPE)
    press(qtbot, wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.NAMES)
    # the name field by keyboard only: typing goes there, Alt+N does not fire while it is empty
    name = find(wizard, QLineEdit, "names.name.0")
    qtbot.waitUntil(lambda: name.hasFocus() or QApplication.focusWidget() is not None)
    name.setFocus()
    qtbot.keyClicks(name, "XingHe")
    press(qtbot, wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.TEMPLATES)
    press(qtbot, wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.PARTIES)
    press(qtbot, wizard, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.TEMPLATES)
    press(qtbot, wizard, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.NAMES)
    assert name.text() == "XingHe"


@pytest.mark.parametrize("lang", ["en", "zh", "id"])
def test_no_two_mnemonics_on_a_page_share_a_letter(
    qtbot: Any, qapp: QApplication, make_wizard: Any, tmp_path: Path, lang: str
) -> None:
    languages.install_translators(qapp, lang)
    try:
        wizard = make_wizard(lang)
        assert_unique_mnemonics(wizard)
        fill_to_documents(qtbot, wizard, "tencent", "others")
        for _ in range(2):  # documents, review -> export
            assert_unique_mnemonics(wizard)
            click_next(qtbot, wizard)
            page = wizard.currentPage()
            if hasattr(page, "busy"):
                qtbot.waitUntil(lambda p=page: not p.busy(), timeout=TIMEOUT)
        assert_unique_mnemonics(wizard)
        for page_id in (
            PageId.LETTER,
            PageId.PARTIES,
            PageId.NAMES,
            PageId.SIGNATURE_TYPE,
            PageId.PROVIDER,
        ):
            wizard.go_to(int(page_id))
            assert wizard.currentId() == page_id
            assert_unique_mnemonics(wizard)
    finally:
        languages.install_translators(qapp, "en")


# ------------------------------------------------------------------ accessible names, style


def test_every_input_and_button_has_a_name_or_tooltip(
    qtbot: Any, wizard: QWizard, tmp_path: Path
) -> None:
    problems = {}
    if bad := unnamed_inputs(wizard.currentPage()):
        problems["start"] = bad
    fill_to_documents(qtbot, wizard, "tencent", "others")
    for page_id in (
        PageId.PROVIDER,
        PageId.SIGNATURE_TYPE,
        PageId.NAMES,
        PageId.PARTIES,
        PageId.LETTER,
    ):
        wizard.go_to(int(page_id))
        if bad := unnamed_inputs(wizard.currentPage()):
            problems[wizard.currentPage().objectName()] = bad
    wizard.go_to(int(PageId.DOCUMENTS))
    for _ in range(2):
        page = wizard.currentPage()
        if bad := unnamed_inputs(page):
            problems[page.objectName()] = bad
        click_next(qtbot, wizard)
        page = wizard.currentPage()
        if hasattr(page, "busy"):
            qtbot.waitUntil(lambda p=page: not p.busy(), timeout=TIMEOUT)
    if bad := unnamed_inputs(wizard.currentPage()):
        problems[wizard.currentPage().objectName()] = bad
    buttons = [wizard.button(b) for b in (QWizard.WizardButton.CustomButton1,)]
    for b in buttons:
        if not b.toolTip():
            problems.setdefault("buttons", []).append(b.objectName())
    assert not problems, problems


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["windows11", "windowsvista", "Windows", "Fusion"], "windows11"),
        (["windowsvista", "Windows", "Fusion"], "windowsvista"),
    ],
)
def test_windows_gets_its_native_modern_style(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, keys: list[str], expected: str
) -> None:
    from PySide6 import QtWidgets

    chosen: list[str] = []
    monkeypatch.setattr(QtWidgets.QStyleFactory, "keys", staticmethod(lambda: keys))
    monkeypatch.setattr(qapp, "setStyle", lambda name: chosen.append(name))
    assert theme.choose_style(qapp, "win32") == expected
    assert chosen == [expected]


def test_elsewhere_fusion(qapp: QApplication) -> None:
    assert theme.choose_style(qapp, "linux") == "fusion"
    assert qapp.style().name().lower() == "fusion"


def test_fusion_is_chosen_at_construction_unless_the_user_chose_a_style() -> None:
    # (asking a running application for its style costs ~6 ms before the first page)
    assert theme.style_arguments(["prog"], "linux", {}) == ["-style", "Fusion"]
    assert theme.style_arguments(["prog", "-style", "kvantum"], "linux", {}) == []
    assert theme.style_arguments(["prog", "-style=kvantum"], "linux", {}) == []
    assert theme.style_arguments(["prog"], "linux", {"QT_STYLE_OVERRIDE": "breeze"}) == []
    assert theme.style_arguments(["prog"], "win32", {}) == []
    assert theme.style_arguments(["prog"], "darwin", {}) == []


def test_palette_follows_the_system_scheme(qapp: QApplication) -> None:
    before = qapp.palette()
    follower = theme.SchemeFollower(qapp)
    try:
        assert not theme.is_dark(qapp.palette())
        follower.apply(Qt.ColorScheme.Dark)
        assert theme.is_dark(qapp.palette())
        follower.apply(Qt.ColorScheme.Light)
        assert not theme.is_dark(qapp.palette())
        # through the real signal of the style hints, as when the user switches the desktop
        QGuiApplication.styleHints().colorSchemeChanged.connect(follower.apply)
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert theme.is_dark(qapp.palette())
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not theme.is_dark(qapp.palette())
    finally:
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(follower.apply)
        qapp.setPalette(before)


# ------------------------------------------------------------------ print preview, own template


def test_print_preview_goes_through_the_dialogs_module(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    fill_to_documents(qtbot, wizard, "alibaba", "self")
    out = tmp_path / "preview.pdf"

    def fake_preview(parent: Any, paint: Any) -> None:
        writer = QPdfWriter(str(out))
        paint(writer)
        del writer

    fake_dialogs.answer("preview_document", fake_preview)
    wizard.act_preview.trigger()
    assert len(fake_dialogs.called("preview_document")) == 1
    text = " ".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert "Business license" in text or "营业执照" in text


def test_the_users_own_letter_template_is_used(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    import docx

    template = tmp_path / "our-house-style.docx"
    doc = docx.Document()
    doc.add_paragraph("HOUSE STYLE LETTER")
    doc.add_paragraph("授权方：{{owner_name}}")
    doc.add_paragraph("被授权方：{{applicant_name}}")
    doc.save(str(template))
    before = template.read_bytes()

    fill_to_letter(qtbot, wizard, "huawei")
    fake_dialogs.answer("choose_template", template)
    own = find(wizard, QRadioButton, "letter.template.own")
    qtbot.mouseClick(own, Qt.MouseButton.LeftButton, pos=QPoint(8, own.height() // 2))
    assert own.isChecked()
    assert fake_dialogs.called("choose_template")
    assert wizard.case.letter.template == str(template)
    assert find(wizard, QLabel, "letter.template.path").text() == template.name

    out = tmp_path / "letter.docx"
    fake_dialogs.answer("save_file", out)
    click(qtbot, find(wizard, QPushButton, "letter.generate"))
    qtbot.waitUntil(lambda: not wizard.currentPage().busy(), timeout=TIMEOUT)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "HOUSE STYLE LETTER" in text
    assert "授权方：深圳市星河云科技有限公司" in text
    assert "{{" not in text
    assert template.read_bytes() == before  # the user's template is only read


# ------------------------------------------------------------------ overwrite prompt


def test_export_asks_before_replacing_an_existing_bundle(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    fill_to_documents(qtbot, wizard, "alibaba", "self")
    click_next(qtbot, wizard)
    review = wizard.currentPage()
    qtbot.waitUntil(lambda: not review.busy(), timeout=TIMEOUT)
    click_next(qtbot, wizard)
    target = tmp_path / "bundle.zip"
    target.write_bytes(b"an older bundle")
    find(wizard, QLineEdit, "export.target").setText(str(target))
    find(wizard, QCheckBox, "export.incomplete").setChecked(True)  # nothing attached: errors

    fake_dialogs.answer("confirm", False)  # "Replace it?" -> No
    click(qtbot, find(wizard, QPushButton, "export.run"))
    export = wizard.currentPage()
    assert len(fake_dialogs.called("confirm")) == 1
    assert "bundle.zip" in fake_dialogs.called("confirm")[0][2]
    assert not export.busy()
    assert target.read_bytes() == b"an older bundle"

    fake_dialogs.answer("confirm", True, True)  # replace: yes; incomplete: yes
    click(qtbot, find(wizard, QPushButton, "export.run"))
    qtbot.waitUntil(lambda: not export.busy(), timeout=TIMEOUT)
    assert len(fake_dialogs.called("confirm")) == 3
    written = [p for p in tmp_path.glob("*.zip") if p.read_bytes() != b"an older bundle"]
    assert written, find(wizard, QLabel, "export.result").text()


# ------------------------------------------------------------------ command line


def saved_case(tmp_path: Path) -> Path:
    from assistant.core.model import Case, save_case

    case = Case()
    case.provider = "huawei"
    case.signature_names = ["星河云"]
    path = tmp_path / "client.smscase.json"
    save_case(case, path)
    return path


def test_a_case_file_as_the_only_argument_opens_the_wizard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import cli

    path = saved_case(tmp_path)
    started: list[list[str]] = []
    monkeypatch.setattr(gui_app, "run", lambda argv: started.append(list(argv)) or 0)
    assert cli.main([str(path)]) == 0
    assert started and started[0][1:] == [str(path)]
    # anything else still goes to the commands
    assert cli.main(["--version"]) == 0
    assert cli.main([str(tmp_path / "missing.smscase.json")]) == 2
    assert len(started) == 1


def test_run_opens_the_case_named_on_the_command_line(
    qtbot: Any, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.gui.wizard import AssistantWizard

    path = saved_case(tmp_path)
    seen: list[Any] = []

    def fake_exec(self: Any = None) -> int:
        def wizard() -> Any:
            found = [w for w in QApplication.topLevelWidgets() if isinstance(w, AssistantWizard)]
            return next((w for w in found if w.isVisible() and w.case_path == path.resolve()), None)

        qtbot.waitUntil(lambda: wizard() is not None, timeout=TIMEOUT)
        w = wizard()
        seen.append((w.case.provider, list(w.case.signature_names), w.currentId()))
        w.dirty = False
        w.hide()
        w.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    org, name = qapp.organizationName(), qapp.applicationName()
    try:
        assert gui_app.run(["sms-signature-assistant", str(path)]) == 0
    finally:
        qapp.setOrganizationName(org)
        qapp.setApplicationName(name)
        languages.install_translators(qapp, "en")
    assert seen == [("huawei", ["星河云"], int(PageId.PROVIDER))]


# ------------------------------------------------------------------ ten 24 MP photos


def ten_photos(folder: Path) -> list[Path]:
    first = folder / "photo-00.jpg"
    img = Image.new("RGB", (6000, 4000), (250, 246, 236))
    ImageDraw.Draw(img).rectangle((60, 60, 5940, 3940), outline=(180, 30, 30), width=30)
    img.save(first, quality=85)
    photos = [first]
    for i in range(1, 10):
        photos.append(folder / f"photo-{i:02d}.jpg")
        shutil.copyfile(first, photos[-1])
    return photos


def test_ten_24mp_photos_are_checked_off_the_gui_thread_with_progress_and_stop(
    qtbot: Any,
    wizard: QWizard,
    fake_dialogs: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import assistant.core.attachments as attachments

    photos = ten_photos(tmp_path)
    real_inspect = attachments.inspect_file
    threads: list[threading.Thread] = []
    gate = threading.Event()  # closed: every inspection waits (and reports progress)
    lock = threading.Lock()

    def inspect(path: Any, *args: Any, progress: Any = None, cancel: Any = None, **kw: Any) -> Any:
        with lock:
            threads.append(threading.current_thread())
        step = 0
        while not gate.is_set() and not cancel.is_set():
            progress(min(0.5, step / 400))
            step += 1
            gate.wait(0.005)
        return real_inspect(path, *args, progress=progress, cancel=cancel, **kw)

    monkeypatch.setattr(attachments, "inspect_file", inspect)
    fill_to_documents(qtbot, wizard, "tencent", "others")
    page = wizard.currentPage()
    documents = list(page.rows)
    assert len(documents) >= 3

    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    for i, photo in enumerate(photos):  # every document gets one, the later ones replace
        doc = documents[i % len(documents)]
        fake_dialogs.answer("choose_attachments", [photo])
        click(qtbot, find(wizard, QPushButton, f"docs.attach.{doc}"))
    assert page.busy()
    assert all(status(wizard, d) == "checking" for d in documents)

    # the GUI thread keeps running its event loop while the checks are busy
    count = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= count + 20, timeout=TIMEOUT)
    assert page.busy()
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=TIMEOUT)
    assert page.progress.isVisible()
    assert find(wizard, QPushButton, "docs.cancel").isVisible()
    # and the window answers: Back and Next work
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    click_next(qtbot, wizard)
    assert wizard.currentPage() is page

    click(qtbot, find(wizard, QPushButton, "docs.cancel"))
    qtbot.waitUntil(lambda: not page.busy(), timeout=TIMEOUT)
    assert all(status(wizard, d) == "unchecked" for d in documents)
    assert not page.progress.isVisible()

    gate.set()
    click(qtbot, find(wizard, QPushButton, "docs.recheck"))
    qtbot.waitUntil(lambda: not page.busy(), timeout=TIMEOUT)
    timer.stop()
    assert all(status(wizard, d) in ("ok", "problems") for d in documents)
    for d in documents:  # the results are those of the last photo attached to each document
        checked = page.result(d)
        assert checked is not None and checked.inspection.width == 6000
    assert threads and threading.main_thread() not in threads
    assert len(threads) >= len(documents)


# ------------------------------------------------------------------ readable at any width


def test_review_lines_wrap_instead_of_being_cut(qtbot: Any, wizard: QWizard) -> None:
    from PySide6.QtWidgets import QTreeWidget

    fill_to_documents(qtbot, wizard, "alibaba", "self")
    click_next(qtbot, wizard)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: not page.busy(), timeout=TIMEOUT)
    tree = find(wizard, QTreeWidget, "review.tree")
    wizard.resize(1000, 640)
    qtbot.waitUntil(lambda: tree.viewport().width() > 600, timeout=TIMEOUT)
    wide = tree.viewport().width()
    wizard.resize(600, 640)
    qtbot.waitUntil(lambda: tree.viewport().width() < wide - 200, timeout=TIMEOUT)
    items = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    line = tree.fontMetrics().lineSpacing()
    width = tree.viewport().width()
    long_items = [
        it
        for it in items
        if tree.fontMetrics().horizontalAdvance(it.text(0).split("\n")[0]) > width
    ]
    assert long_items, "the case should have a finding longer than the narrow view"

    def wrapped() -> bool:
        tree.doItemsLayout()
        rect = tree.visualItemRect(long_items[0])
        return rect.height() >= 3 * line and rect.right() <= tree.viewport().width() + 2

    qtbot.waitUntil(wrapped, timeout=TIMEOUT)
    assert tree.horizontalScrollBar().maximum() == 0  # nothing hidden to the right


def test_fix_buttons_only_where_a_fix_can_be_applied(qtbot: Any, wizard: QWizard) -> None:
    fill_to_letter(qtbot, wizard, "tencent")
    wizard.case.signature_names = ["星河 云"]
    wizard.currentPage().initializePage()
    letter_checks = find(wizard, QWidget, "letter.findings")
    assert any(f.fixed_value for f in letter_checks.findings)
    assert not letter_checks.findChildren(QPushButton)  # nothing there would apply it


def test_the_window_follows_the_system_scheme_once_its_first_page_is_shown(
    qapp: QApplication, wizard: QWizard
) -> None:
    assert wizard.pages_built()
    follower = theme._follower
    assert follower is not None and follower.app is qapp
    assert not qapp.windowIcon().isNull()
