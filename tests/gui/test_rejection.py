"""“Rejected? Paste the reason” (#14): from the start page, the Case menu and the Review page; the
explanation best first; recorded on the case (which signature, when it has several); “Go to this
step” opens the step with the reason's field focused and highlighted."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from assistant.core.flow import PageId
from assistant.core.model import Case, save_case
from assistant.core.status import Match, load_catalogue, load_catalogue_from
from assistant.gui import settings
from assistant.gui.rejection import (
    FIELD_SUBJECTS,
    RejectionDialog,
    find_dialog,
    go_to_step,
    match_html,
    page_for_step,
    subject_for,
)
from assistant.resources import resource_path
from tests.gui.gui_helpers import click, find, type_text

TIMEOUT = 30_000


def make_case(
    provider: str = "tencent",
    purpose: str = "others",
    kind: str = "company",
    names: tuple[str, ...] = ("星河云科技",),
) -> Case:
    case = Case()
    case.provider, case.account, case.purpose, case.type = provider, "enterprise", purpose, kind
    case.signature_names = list(names)
    case.applicant.name = "杭州蓝鲸数字营销有限公司"
    case.owner.name = "深圳市星河云科技有限公司"
    case.letter.valid_from = dt.date.today()
    case.letter.valid_until = dt.date.today().replace(year=dt.date.today().year + 2)
    return case


def dialog_of(qtbot: Any, wizard: Any) -> RejectionDialog:
    qtbot.waitUntil(lambda: find_dialog(wizard) is not None, timeout=TIMEOUT)
    dialog = find_dialog(wizard)
    assert dialog is not None
    return dialog


def paste(qtbot: Any, dialog: RejectionDialog, text: str) -> None:
    box = find(dialog, QPlainTextEdit, "rejection.text")
    box.selectAll()
    type_text(box, text)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.explanation is not None, timeout=TIMEOUT)


def test_from_the_start_page_without_a_case_it_explains_only(qtbot: Any, wizard: Any) -> None:
    click(qtbot, find(wizard, QPushButton, "start.rejected"))
    dialog = dialog_of(qtbot, wizard)
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    assert "No case is open" in find(dialog, QLabel, "rejection.case").text()
    paste(qtbot, dialog, "审核不通过：营业执照有水印，请上传无水印的图片")
    matches = find(dialog, QListWidget, "rejection.matches")
    assert matches.isVisible() and matches.count() >= 1
    assert matches.item(0).text().split(" %")[0].isdigit()  # the confidence comes first
    assert dialog.explanation is not None and dialog.explanation.step == "documents"
    details = find(dialog, QLabel, "rejection.details").text()
    for part in ("Why:", "Fix:", "Resubmit:", "Step:", "Source:", "confidence"):
        assert part in details, part
    assert "Documents" in details
    record, go = (find(dialog, QPushButton, f"rejection.{n}") for n in ("record", "go"))
    assert not record.isEnabled() and not go.isEnabled()  # nothing to record it on
    # a text no known reason fits: said plainly, nothing to choose
    paste(qtbot, dialog, "lorem ipsum dolor sit amet")
    assert not dialog.explanation.matched
    assert "No known rejection reason matches" in find(dialog, QLabel, "rejection.summary").text()
    assert not matches.isVisible()
    click(qtbot, find(dialog, QPushButton, "rejection.close"))
    qtbot.waitUntil(lambda: find_dialog(wizard) is None)
    assert not wizard.dirty


def test_the_selected_recent_case_is_opened_recorded_and_sent_to_the_step(
    qtbot: Any, make_wizard: Any, tmp_path: Path
) -> None:
    path = tmp_path / "xinghe.smscase.json"
    save_case(make_case(names=("星河云科技", "星河云")), path)
    settings.add_recent_case(path)
    wizard = make_wizard()
    recent = find(wizard, QListWidget, "start.recent")
    # the recent list says where each case stands (read in the background)
    qtbot.waitUntil(lambda: "Draft" in recent.item(0).text(), timeout=TIMEOUT)
    assert recent.item(0).text().startswith("xinghe.smscase.json    ·    Draft    —    ")
    recent.setCurrentRow(0)
    click(qtbot, find(wizard, QPushButton, "start.rejected"))
    dialog = dialog_of(qtbot, wizard)
    assert "xinghe.smscase.json" in find(dialog, QLabel, "rejection.case").text()
    assert find(dialog, QComboBox, "rejection.provider").currentData() == "tencent"
    signature = find(dialog, QComboBox, "rejection.signature")
    assert signature.isVisible() and signature.count() == 2  # several: it asks which one
    signature.setCurrentIndex(1)
    paste(qtbot, dialog, "驳回原因：授权委托书上的公章不是授权方的公章")
    best = dialog.explanation.best
    assert best is not None and best.reason.step == "letter"
    click(qtbot, find(dialog, QPushButton, "rejection.go"))
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.LETTER, timeout=TIMEOUT)
    assert wizard.case_path == path.resolve() and wizard.dirty
    from assistant.core.status.lifecycle import find_signature

    first, second = (find_signature(wizard.case, n) for n in ("星河云科技", "星河云"))
    assert first is None or first.state == "draft"  # only the one chosen is rejected
    assert second is not None and second.state == "rejected"
    assert second.rejection == "驳回原因：授权委托书上的公章不是授权方的公章"
    assert second.reasons[0] == best.reason.id and second.decided_on == dt.date.today()
    page = wizard.currentPage()
    wanted = page.subject_widget(subject_for(best.reason.field, wizard.case) or "")
    assert wanted is not None and wanted.property("highlighted")
    focus = wizard.focusWidget()  # the window's focus, once the dialog gave it back
    assert focus is wanted or wanted.isAncestorOf(focus), focus
    assert find_dialog(wizard) is None


def test_the_review_page_and_the_case_menu_use_the_open_case(
    qtbot: Any, wizard: Any, tmp_path: Path
) -> None:
    path = tmp_path / "one.smscase.json"
    case = make_case(provider="alibaba", purpose="self")
    save_case(case, path)
    wizard.replace_case(case, path.resolve())
    wizard.go_to(int(PageId.REVIEW))
    assert wizard.currentId() == PageId.REVIEW
    review = wizard.currentPage()
    qtbot.waitUntil(lambda: not review.busy(), timeout=TIMEOUT)
    click(qtbot, find(wizard, QPushButton, "review.rejected"))
    dialog = dialog_of(qtbot, wizard)
    assert find(dialog, QLabel, "rejection.case").text().startswith("Case: one.smscase.json")
    assert not find(dialog, QComboBox, "rejection.signature").isVisible()  # one name only
    assert find(dialog, QComboBox, "rejection.provider").currentData() == "alibaba"
    paste(qtbot, dialog, "签名名称与企业名称不一致")
    click(qtbot, find(dialog, QPushButton, "rejection.record"))
    sig = wizard.case.status.signatures[0]
    assert sig.state == "rejected" and sig.rejection == "签名名称与企业名称不一致"
    assert "Recorded: 【星河云科技】 rejected" in find(dialog, QLabel, "rejection.recorded").text()
    assert wizard.dirty
    click(qtbot, find(dialog, QPushButton, "rejection.close"))
    qtbot.waitUntil(lambda: find_dialog(wizard) is None)
    # the Case menu opens it again for this case, with the recorded text explained
    action = wizard.findChild(type(wizard.act_rejected), "action.rejected")
    assert action in wizard.case_menu.actions()
    action.trigger()
    dialog = dialog_of(qtbot, wizard)
    assert find(dialog, QPlainTextEdit, "rejection.text").toPlainText() == sig.rejection
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.explanation is not None)
    assert dialog.explanation.matched
    dialog.reject()


# The case in which the page of a reason's step shows its field, by field: (signature type,
# purpose, region); the provider is the reason's (each provider for a common reason). A field
# not listed: a company signature of the account's own organization, for the Chinese mainland.
FIELD_CASES: dict[str, tuple[str, str, str | None]] = {
    "trademark_certificate": ("trademark", "self", None),
    "org_code_certificate": ("government", "self", None),
    "remarks.trademark_number": ("trademark", "self", None),
    "remarks.app_icp_number": ("app", "self", None),
    "remarks.app_store_link": ("app", "self", "international"),  # Tencent apps: abroad only
    "owner.name": ("company", "others", None),
    "authorization_letter": ("company", "others", None),
    "letter.valid_from": ("company", "others", None),
    "letter.valid_until": ("company", "others", None),
    "letter.template": ("company", "others", None),
    "letter.risk_bearer": ("company", "others", None),
}
COMPANY_OF_ITS_OWN = ("company", "self", None)


def reason_params() -> list[Any]:
    from assistant.core.rules import PROVIDERS
    from assistant.core.status import load_catalogue

    return [
        pytest.param(r, p, id=r.id if r.provider != "common" else f"{r.id}-{p}")
        for r in load_catalogue().reasons
        for p in (PROVIDERS if r.provider == "common" else (r.provider,))
    ]


def test_the_tables_name_only_fields_of_the_catalogue() -> None:
    from assistant.core.status import load_catalogue

    fields = {r.field for r in load_catalogue().reasons if r.field}
    assert set(FIELD_CASES) <= fields
    assert set(FIELD_SUBJECTS) <= fields


@pytest.mark.parametrize(("reason", "provider"), reason_params())
def test_go_to_this_step_focuses_the_field_of_every_reason(
    qtbot: Any, wizard: Any, reason: Any, provider: str
) -> None:
    """Each reason's step is a page of a case it can be about, and going there focuses and
    highlights the page's widget for its field (a reason without a field opens the page)."""
    from assistant.core.status import STEP_PAGES

    kind, purpose, region = FIELD_CASES.get(reason.field or "", COMPANY_OF_ITS_OWN)
    case = make_case(provider, purpose, kind)
    case.region = region
    wizard.replace_case(case, None, dirty=True)
    wizard.restart()
    page = page_for_step(reason.step, case)
    assert page == STEP_PAGES[reason.step]  # the case has the step's own page
    go_to_step(wizard, reason.step, reason.field)
    assert wizard.currentId() == page
    if reason.field is None:
        return
    subject = subject_for(reason.field, case)
    widget = wizard.currentPage().subject_widget(subject or "")
    assert widget is not None, f"{reason.field} -> {subject} on {PageId(page).name}"
    assert widget.property("highlighted")
    focus = QApplication.focusWidget()
    assert focus is widget or widget.isAncestorOf(focus), focus


def test_the_case_library_goes_to_the_same_step_and_field(
    qtbot: Any, wizard: Any, fake_dialogs: Any, tmp_path: Path
) -> None:
    """The library's *Explain a rejection* opens the case at the step the dialog would: the
    letter's template choice for a changed letter (it used to look for a widget named
    letter.template, which no page has)."""
    from tests.gui.test_library import click_row, open_library, row_named

    folder = tmp_path / "cases"
    folder.mkdir()
    save_case(make_case("alibaba"), folder / "xinghe.smscase.json")
    window = open_library(qtbot, wizard, fake_dialogs, folder)
    click_row(qtbot, window, row_named(window, "星河云科技"))

    def answer(dialog: Any) -> int:
        type_text(find(dialog, QPlainTextEdit, "explain.text"), "授权书内容变更")
        click(qtbot, find(dialog, QPushButton, "explain.explain"))
        best = dialog.explanation.best
        assert best is not None and best.reason.field == "letter.template"
        click(qtbot, find(dialog, QPushButton, "explain.go"))
        return int(dialog.result())

    fake_dialogs.answer("show_dialog", answer)
    click(qtbot, find(window, QPushButton, "library.explain"))
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.LETTER, timeout=TIMEOUT)
    wanted = find(wizard.currentPage(), QWidget, "letter.template.ours")
    qtbot.waitUntil(lambda: bool(wanted.property("highlighted")), timeout=TIMEOUT)
    assert wizard.focusWidget() is wanted


def test_steps_the_case_does_not_have() -> None:
    mine = make_case(purpose="self")
    assert page_for_step("letter", mine) == PageId.PARTIES  # no letter for self-use
    assert subject_for("authorization_letter", mine) is None
    assert page_for_step("letter", make_case()) == PageId.LETTER
    assert page_for_step("qualification", mine) in (PageId.DOCUMENTS, PageId(10))
    assert page_for_step("templates", mine) == PageId.TEMPLATES
    assert subject_for(None, mine) is None
    assert subject_for("letter.template", make_case()) == "letter.template.ours"


def test_a_case_without_names_can_be_explained_not_recorded(qtbot: Any, wizard: Any) -> None:
    wizard.replace_case(make_case(names=()), None, dirty=True)
    wizard.show_rejection()
    dialog = dialog_of(qtbot, wizard)
    assert "no signature name yet" in find(dialog, QLabel, "rejection.case").text()
    paste(qtbot, dialog, "The trademark certificate is missing")
    assert dialog.explanation.matched
    assert not find(dialog, QPushButton, "rejection.record").isEnabled()
    assert find(dialog, QPushButton, "rejection.go").isEnabled()
    click(qtbot, find(dialog, QPushButton, "rejection.go"))
    qtbot.waitUntil(lambda: find_dialog(wizard) is None)
    assert wizard.currentId() == page_for_step(dialog.explanation.step or "", wizard.case)
    assert wizard.case.status.signatures == []


def test_the_dialog_speaks_chinese(qtbot: Any, qapp: Any, make_wizard: Any) -> None:
    from assistant.gui import languages

    languages.install_translators(qapp, "zh")
    try:
        wizard = make_wizard("zh")
        wizard.replace_case(make_case(), None, dirty=True)
        wizard.show_rejection()
        dialog = dialog_of(qtbot, wizard)
        paste(qtbot, dialog, "the authorization letter is not signed")
        assert dialog.windowTitle() == "被驳回？粘贴驳回原因"
        details = find(dialog, QLabel, "rejection.details").text()
        assert "原因" in details and "处理" in details and "授权委托书" in details
        # the source: the provider's page in Chinese, its address and the date read (#16)
        assert dialog.explanation is not None
        best = dialog.explanation.best
        assert best is not None
        source = load_catalogue().sources[best.reason.source]
        assert f"来源: {html.escape(source.cited('zh'))}" in details
        assert source.title_zh and html.escape(source.title_zh) in details
        assert "seeds/" not in details and ".txt" not in details and "读取于" in details
        assert find(dialog, QPushButton, "rejection.go").text() == "前往此步骤(&G)"
        dialog.reject()
    finally:
        languages.install_translators(qapp, "en")


def test_no_widget_of_the_dialog_is_unnamed(qtbot: Any, wizard: Any) -> None:
    from tests.gui.test_desktop_quality import unnamed_inputs

    wizard.replace_case(make_case(names=("星河云科技", "星河云")), None, dirty=True)
    wizard.show_rejection()
    dialog = dialog_of(qtbot, wizard)
    assert unnamed_inputs(dialog) == []
    letters = [
        w.text().replace("&&", "").split("&")[1][0].lower()
        for w in dialog.findChildren(QWidget)
        if (isinstance(w, QPushButton) or (isinstance(w, QLabel) and w.buddy() is not None))
        and w.isVisible()
        and "&" in w.text()
    ]
    assert len(letters) == len(set(letters)), letters
    dialog.reject()


def test_every_reason_cites_its_page_in_the_dialogs_language() -> None:
    """Source: the page's title in the dialog's language · its address · the date read; never
    the seed or research file a source keeps for developers (#16)."""
    catalogue = load_catalogue()
    for reason in catalogue.reasons:
        source = catalogue.sources[reason.source]
        match = Match(reason, 0.9, reason.all_phrasings()[0])
        for lang in ("zh", "en", "id"):
            shown = match_html(match, lang)
            assert html.escape(source.cited(lang)) in shown, (reason.id, lang)
            assert html.escape(source.title_for(lang)) in shown, (reason.id, lang)
            for word in ("seeds/", "research/", ".txt", ".md", source.id):
                assert word not in shown, (reason.id, lang, word)
            if source.url:
                assert html.escape(source.url) in shown
        zh = match_html(match, "zh")
        assert source.title_zh and html.escape(source.title_zh) in zh
        assert html.escape(source.title) not in zh, reason.id  # Chinese throughout


def test_a_catalogue_without_chinese_titles_shows_the_english_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "rejections"
    shutil.copytree(resource_path("rejections"), folder)
    common = folder / "common.toml"
    text = common.read_text(encoding="utf-8")
    common.write_text(re.sub(r"^title_(zh|id) = .*\n", "", text, flags=re.MULTILINE), "utf-8")
    catalogue = load_catalogue_from(folder)
    monkeypatch.setattr("assistant.core.status.load_catalogue", lambda: catalogue)
    reason = catalogue.reason("tencent.sign.neutral")
    assert reason is not None
    source = catalogue.sources[reason.source]
    assert source.title_zh is None
    shown = match_html(Match(reason, 0.9, reason.all_phrasings()[0]), "zh")
    assert f"来源: {html.escape(source.title)} · " in shown
    assert "读取于" in shown and "seeds/" not in shown
