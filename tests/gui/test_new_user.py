"""A new user gets through without help (#16): nothing preselected, the language switch is no
edit, one rule for Next on every page with errors marked in the step list, "Go to this step"
lands on the field, one verdict on a file everywhere, no API field names or source files on
screen, where a written file is, and tighter layouts."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QCommandLinkButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QWidget,
    QWizard,
)

from assistant.core.flow import PageId, pages
from assistant.gui import languages
from tests.core.test_review_verdict import sideways_gps_photo
from tests.gui.gui_helpers import click, click_next, find, go_to_page
from tests.gui.test_full_flow import (
    TIMEOUT,
    choose,
    code,
    document_image,
    fill_to_documents,
    fill_to_letter,
    status,
)


def next_enabled(wizard: QWizard) -> bool:
    return bool(wizard.button(QWizard.WizardButton.NextButton).isEnabled())


def wait_idle(qtbot: Any, wizard: QWizard) -> None:
    page = wizard.currentPage()
    if hasattr(page, "busy"):
        qtbot.waitUntil(lambda: not page.busy(), timeout=TIMEOUT)


# ------------------------------------------------------------------ nothing preselected


def test_nothing_is_preselected_and_next_waits_for_every_answer(
    qtbot: Any, wizard: QWizard
) -> None:
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    assert wizard.currentId() == PageId.PROVIDER
    radios = [
        r
        for r in wizard.currentPage().findChildren(QRadioButton)
        if r.objectName().startswith("provider.")
    ]
    assert radios and not any(r.isChecked() for r in radios)
    assert not next_enabled(wizard)
    assert find(wizard, QWidget, "provider.todo").isVisible()
    for name in (
        "provider.provider.alibaba",
        "provider.region.mainland",
        "provider.account.enterprise",
    ):
        choose(qtbot, wizard, name)
        assert not next_enabled(wizard), f"Next enabled after only {name}"
    choose(qtbot, wizard, "provider.purpose.self")
    assert next_enabled(wizard)
    assert not find(wizard, QWidget, "provider.todo").isVisible()


def test_an_opened_case_has_its_answers_checked(
    qtbot: Any, wizard: QWizard, tmp_path: Path
) -> None:
    from assistant.core.model import Case, save_case

    path = tmp_path / "client.smscase.json"
    save_case(Case(provider="huawei", purpose="others", signature_names=["星河云"]), path)
    wizard.open_case_path(path)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.PROVIDER)
    assert find(wizard, QRadioButton, "provider.provider.huawei").isChecked()
    assert find(wizard, QRadioButton, "provider.purpose.others").isChecked()
    assert next_enabled(wizard)


# ------------------------------------------------------------------ the language switch


def test_switching_the_language_on_a_fresh_start_is_not_an_edit(
    qtbot: Any, qapp: QApplication, wizard: QWizard, fake_dialogs: Any
) -> None:
    combo = find(wizard, QComboBox, "start.language")
    assert combo.isVisible()  # on the first page, where people look for it
    try:
        combo.activated.emit(combo.findData("zh"))
        qtbot.waitUntil(lambda: wizard.lang == "zh")
        assert wizard.currentPage().title() == "准备短信签名申请" or wizard.currentId() == 0
        assert not wizard.dirty and not wizard.isWindowModified()
        click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
        wizard.language_actions["en"].trigger()  # on a new case nothing was typed in yet
        assert wizard.lang == "en" and wizard.case.language == "en"
        assert not wizard.dirty
        click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
        assert not fake_dialogs.called("ask_unsaved")  # no offer to save an empty case
    finally:
        languages.install_translators(qapp, "en")


# ------------------------------------------------------------------ one rule for Next


def to_parties(qtbot: Any, wizard: QWizard, purpose: str) -> None:
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    choose(qtbot, wizard, "provider.provider.tencent")
    choose(qtbot, wizard, "provider.region.mainland")
    choose(qtbot, wizard, "provider.account.enterprise")
    choose(qtbot, wizard, f"provider.purpose.{purpose}")
    go_to_page(qtbot, wizard, PageId.NAMES)
    find(wizard, QLineEdit, "names.name.0").setText("星河云科技")
    go_to_page(qtbot, wizard, PageId.PARTIES)


def test_parties_blocks_next_like_names_and_the_step_list_shows_it(
    qtbot: Any, wizard: QWizard
) -> None:
    to_parties(qtbot, wizard, "others")
    good = code("91330106", "MA2H3K4L")
    find(wizard, QLineEdit, "parties.applicant.name").setText("杭州蓝鲸数字营销有限公司")
    applicant_code = find(wizard, QLineEdit, "parties.applicant.credit_code")
    applicant_code.setText(good[:-1] + ("0" if good[-1] != "0" else "1"))  # wrong check char
    find(wizard, QLineEdit, "parties.owner.name").setText("深圳市星河云科技有限公司")
    find(wizard, QLineEdit, "parties.owner.credit_code").setText(code("91440300", "MA5F6G7H"))
    find(wizard, QLineEdit, "parties.owner.legal_representative").setText("李明")
    qtbot.waitUntil(lambda: not next_enabled(wizard), timeout=TIMEOUT)
    applicant_code.setText(good)
    qtbot.waitUntil(lambda: next_enabled(wizard), timeout=TIMEOUT)

    # the owner is the applicant: an error, Next disabled as well
    find(wizard, QLineEdit, "parties.owner.name").setText("杭州蓝鲸数字营销有限公司")
    qtbot.waitUntil(lambda: not next_enabled(wizard), timeout=TIMEOUT)
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    step = find(wizard.steps, QLabel, f"steps.{int(PageId.PARTIES)}")
    assert step.property("errors") > 0
    assert "✖" in step.text()


# ------------------------------------------------------------------ "Go to this step"


def test_go_to_this_step_focuses_and_highlights_the_field(qtbot: Any, wizard: QWizard) -> None:
    fill_to_documents(qtbot, wizard, "tencent", "self")
    wizard.go_to(int(PageId.NAMES))
    find(wizard, QLineEdit, "names.name.0").setText("星河 云")  # an error: Next is disabled
    wizard.go_to(int(PageId.REVIEW))  # jumps there all the same (wizard.next() does)
    assert wizard.currentId() == PageId.REVIEW
    wait_idle(qtbot, wizard)
    tree = find(wizard, QTreeWidget, "review.tree")
    items = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    (space,) = [it for it in items if "name.space" in str(it.data(0, 257))]
    tree.setCurrentItem(space)
    click(qtbot, find(wizard, QPushButton, "review.go"))
    assert wizard.currentId() == PageId.NAMES
    edit = find(wizard, QLineEdit, "names.name.0")
    qtbot.waitUntil(edit.hasFocus)
    assert edit.property("highlighted") is True

    wizard.go_to(int(PageId.REVIEW))  # a missing document: its row
    wait_idle(qtbot, wizard)
    items = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    (missing,) = [it for it in items if it.data(0, 257) == "case.document_missing"]
    tree.setCurrentItem(missing)
    click(qtbot, find(wizard, QPushButton, "review.go"))
    assert wizard.currentId() == PageId.DOCUMENTS
    row = find(wizard, QWidget, "docs.row.business_license")
    assert row.property("highlighted") is True
    assert QApplication.focusWidget() is find(wizard, QPushButton, "docs.attach.business_license")


# ------------------------------------------------------------------ one verdict on a file


def test_a_file_the_bundle_fixes_has_one_verdict_everywhere(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    photo = sideways_gps_photo(tmp_path / "license.jpg")  # 3+ MB, sideways, with GPS
    fill_to_documents(qtbot, wizard, "alibaba", "self")
    fake_dialogs.answer("choose_attachments", [photo])
    click(qtbot, find(wizard, QPushButton, "docs.attach.business_license"))
    qtbot.waitUntil(lambda: status(wizard, "business_license") != "checking", timeout=TIMEOUT)
    assert status(wizard, "business_license") == "fixed"
    shown = find(wizard, QWidget, "docs.findings.business_license").findings
    notices = [f for f in shown if f.message.startswith("Fixed in the bundle: ")]
    assert {"image.rotated", "image.gps", "file.too_large"} <= {f.code for f in notices}
    assert all(f.severity.value == "info" for f in notices)
    assert next_enabled(wizard)

    # the fix preview says what was done, never where a temporary copy lies
    click(qtbot, find(wizard, QPushButton, "docs.fix.business_license"))
    qtbot.waitUntil(lambda: bool(fake_dialogs.called("fix_preview")), timeout=TIMEOUT)
    notes = fake_dialogs.called("fix_preview")[-1][-1]
    assert notes and not any(tempfile.gettempdir() in n or "sms-fix-" in n for n in notes)

    click_next(qtbot, wizard)
    wait_idle(qtbot, wizard)
    review = wizard.currentPage().review
    said = [f for f in review.areas["attachments"] if f.code in {n.code for n in notices}]
    assert [(f.code, f.severity, f.message) for f in said] == [
        (f.code, f.severity, f.message) for f in notices
    ]


# ------------------------------------------------------------------ words on screen

# API field names of the providers' SDKs and the file names of our own sources
_NOT_FOR_USERS = re.compile(
    r"ThirdParty|DocumentType|SignSource|AppIcpRecordId|ProofImage"
    r"|is_involved_third|license_number|signature_source"
    r"|(?i:seed \d|seeds?/|research/|\.md#|\.txt\b|=\s*(true|false|yes|no)\b)"
)


def screen_texts(page: QWidget) -> list[str]:
    out = [page.title(), page.subTitle()]  # type: ignore[attr-defined]
    for w in page.findChildren(QWidget):
        if not w.isVisibleTo(page):
            continue
        out += [w.toolTip(), w.accessibleDescription()]
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTreeWidget):
            for i in range(w.topLevelItemCount()):
                head = w.topLevelItem(i)
                out += [head.text(0), *(head.child(j).text(0) for j in range(head.childCount()))]
    return [t for t in out if t]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("provider", "purpose", "kind"),
    [("alibaba", "self", "company"), ("tencent", "others", "company"), ("huawei", "self", "app")],
)
def test_no_api_field_names_or_source_files_on_screen(
    qtbot: Any,
    qapp: QApplication,
    make_wizard: Any,
    lang: str,
    provider: str,
    purpose: str,
    kind: str,
) -> None:
    languages.install_translators(qapp, lang)
    try:
        wizard = make_wizard(lang)
        click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
        case = wizard.case
        case.provider, case.purpose, case.type = provider, purpose, kind
        case.signature_names = ["星河云"]
        wizard.answered.update({"provider", "region", "account", "purpose"})
        wizard.restart()
        seen = []
        for page in pages(case):
            wizard.go_to(int(page))
            wait_idle(qtbot, wizard)
            seen += [
                (PageId(wizard.currentId()).name, t)
                for t in screen_texts(wizard.currentPage())
                if _NOT_FOR_USERS.search(t)
            ]
        assert not seen, seen
    finally:
        languages.install_translators(qapp, "en")


# ------------------------------------------------------------------ where the file is


def test_show_in_folder_and_open_to_print_say_where_the_file_is(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    fill_to_letter(qtbot, wizard, "tencent")
    letter = tmp_path / "letters" / "client-letter.docx"
    letter.parent.mkdir()
    fake_dialogs.answer("save_file", letter)
    click(qtbot, find(wizard, QPushButton, "letter.generate"))
    qtbot.waitUntil(lambda: letter.is_file() and not wizard.currentPage().busy(), timeout=TIMEOUT)
    said = find(wizard, QLabel, "letter.generated").text()
    assert letter.name in said and str(letter.parent) in said
    click(qtbot, find(wizard, QPushButton, "letter.copy_path"))
    assert QGuiApplication.clipboard().text() == str(letter)
    fake_dialogs.answer("open_path", False)  # no office program
    click(qtbot, find(wizard, QPushButton, "letter.open"))
    (call,) = fake_dialogs.called("file_location")
    assert call[2] == letter

    go_to_page(qtbot, wizard, PageId.EXPORT)
    target = tmp_path / "out" / "bundle.zip"
    target.parent.mkdir()
    find(wizard, QLineEdit, "export.target").setText(str(target))
    find(wizard, QAbstractButton, "export.incomplete").setChecked(True)
    fake_dialogs.answer("confirm", True)
    click(qtbot, find(wizard, QPushButton, "export.run"))
    wait_idle(qtbot, wizard)
    written = next(target.parent.glob("*.zip"))
    assert str(target.parent) in find(wizard, QLabel, "export.result").text()
    fake_dialogs.answer("show_in_folder", False)  # no file manager
    click(qtbot, find(wizard, QPushButton, "export.show_folder"))
    assert fake_dialogs.called("file_location")[-1][2] == written
    click(qtbot, find(wizard, QPushButton, "export.copy_path"))
    assert QGuiApplication.clipboard().text() == str(written)
    show = find(wizard, QPushButton, "export.show_folder")
    assert show.width() < wizard.currentPage().width() // 2  # not a full-width button


# ------------------------------------------------------------------ tighter layouts


def test_applicant_and_owner_fields_start_at_the_same_x(qtbot: Any, wizard: QWizard) -> None:
    to_parties(qtbot, wizard, "others")
    page = wizard.currentPage()
    xs = {
        find(wizard, QLineEdit, name).mapTo(page, QPoint(0, 0)).x()
        for name in (
            "parties.applicant.name",
            "parties.applicant.credit_code",
            "parties.owner.name",
            "parties.owner.legal_representative",
        )
    }
    assert len(xs) == 1, xs


def test_the_letter_page_says_each_finding_once(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    fill_to_letter(qtbot, wizard, "tencent")
    wizard.case.signature_names = ["星河云", "星河云"]  # a duplicate: checked, and found on writing
    wizard.currentPage().initializePage()
    fake_dialogs.answer("save_file", tmp_path / "letter.docx")
    click(qtbot, find(wizard, QPushButton, "letter.generate"))
    qtbot.waitUntil(lambda: not wizard.currentPage().busy(), timeout=TIMEOUT)
    checks = find(wizard, QWidget, "letter.findings").findings
    written = find(wizard, QWidget, "letter.fill_findings").findings
    assert "letter.duplicate_signature" in {f.code for f in checks}
    assert written  # what only writing finds (sign and seal …) is still said
    assert not {(f.code, f.subject) for f in checks} & {(f.code, f.subject) for f in written}


def test_alternatives_that_are_not_needed_fold_away(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    fill_to_documents(qtbot, wizard, "huawei", "self")
    page = wizard.currentPage()
    (group,) = [g for g in page.groups if len(g) > 2]
    first, others = group[0], group[1:]
    for doc in group:  # before any is attached: one line each, no empty findings or thumbnail
        row = find(wizard, QWidget, f"docs.row.{doc}")
        assert row.isVisible() and row.compact
        assert not find(wizard, QWidget, f"docs.findings.{doc}").isVisible()
    fake_dialogs.answer("choose_attachments", [document_image(tmp_path / "license.jpg")])
    click(qtbot, find(wizard, QPushButton, f"docs.attach.{first}"))
    qtbot.waitUntil(lambda: status(wizard, first) != "checking", timeout=TIMEOUT)
    assert not find(wizard, QWidget, f"docs.row.{first}").compact
    assert not any(find(wizard, QWidget, f"docs.row.{d}").isVisible() for d in others)
    more = find(wizard, QPushButton, f"docs.others.{page.groups.index(group)}")
    assert more.isVisible() and str(len(others)) in more.text()
    click(qtbot, more)
    assert all(find(wizard, QWidget, f"docs.row.{d}").isVisible() for d in others)
    assert all(status(wizard, d) == "optional" for d in others)
