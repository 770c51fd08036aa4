"""Save, open, recent cases, autosaved draft and its recovery, the unsaved-changes prompt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommandLinkButton, QLineEdit, QListWidget, QWidget, QWizard

from assistant.core.flow import PageId
from assistant.core.model import load_case
from assistant.gui import dialogs, settings
from tests.gui.gui_helpers import click, find, go_to_page, press


def close_button(wizard: QWizard) -> Any:
    return wizard.button(QWizard.WizardButton.CancelButton)


def edit_a_name(qtbot: Any, wizard: QWizard, name: str = "星河科技") -> None:
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    go_to_page(qtbot, wizard, PageId.NAMES)
    find(wizard, QLineEdit, "names.name.0").setText(name)
    assert wizard.dirty


def test_save_as_then_open_from_recent(
    qtbot: Any, make_wizard: Any, fake_dialogs: Any, tmp_path: Path
) -> None:
    wizard = make_wizard()
    edit_a_name(qtbot, wizard)
    target = tmp_path / "client.smscase.json"
    fake_dialogs.answer("save_case", target)
    press(
        qtbot,
        wizard,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert target.is_file()
    assert not wizard.dirty
    assert wizard.case_path == target.resolve()
    case, _findings = load_case(target)
    assert case is not None and case.signature_names == ["星河科技"]
    assert settings.recent_cases()[0] == target.resolve()

    other = make_wizard()
    recent = find(other, QListWidget, "start.recent")
    assert recent.count() == 1
    recent.setCurrentRow(0)
    recent.setFocus()
    press(qtbot, other, Qt.Key.Key_Return)  # opens the case, and does not also press Next
    qtbot.waitUntil(lambda: other.case.signature_names == ["星河科技"])
    qtbot.waitUntil(lambda: other.currentId() == PageId.PROVIDER)
    qtbot.wait(50)
    assert other.currentId() == PageId.PROVIDER
    assert not other.dirty


def test_open_through_the_dialog_and_a_broken_file(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.smscase.json"
    broken.write_text("{not json", encoding="utf-8")
    fake_dialogs.answer("open_case", broken)
    click(qtbot, find(wizard, QCommandLinkButton, "start.open"))
    qtbot.waitUntil(lambda: bool(fake_dialogs.called("error")))  # a broken case is reported
    assert wizard.currentId() == PageId.START


def test_unsaved_changes_prompt_cancel_keeps_the_window(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any
) -> None:
    edit_a_name(qtbot, wizard)
    fake_dialogs.answer("ask_unsaved", dialogs.Unsaved.CANCEL)
    click(qtbot, close_button(wizard))
    assert fake_dialogs.called("ask_unsaved")
    assert wizard.isVisible()
    assert wizard.dirty


def test_unsaved_changes_prompt_save_writes_the_file(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    edit_a_name(qtbot, wizard)
    target = tmp_path / "saved-on-close.smscase.json"
    fake_dialogs.answer("ask_unsaved", dialogs.Unsaved.SAVE)
    fake_dialogs.answer("save_case", target)
    click(qtbot, close_button(wizard))
    assert not wizard.isVisible()
    assert target.is_file()
    assert not settings.draft_path().exists()


def test_unsaved_changes_prompt_discard_closes_and_drops_the_draft(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any
) -> None:
    edit_a_name(qtbot, wizard)
    wizard.flush_draft()
    assert settings.draft_path().is_file()
    fake_dialogs.answer("ask_unsaved", dialogs.Unsaved.DISCARD)
    click(qtbot, close_button(wizard))
    assert not wizard.isVisible()
    assert not settings.draft_path().exists()


def test_clean_window_closes_without_asking(qtbot: Any, wizard: QWizard, fake_dialogs: Any) -> None:
    click(qtbot, close_button(wizard))
    assert not fake_dialogs.called("ask_unsaved")
    assert not wizard.isVisible()


def test_autosaved_draft_is_recovered_after_a_crash(qtbot: Any, make_wizard: Any) -> None:
    crashed = make_wizard()
    edit_a_name(qtbot, crashed, "星河云")
    # the autosave timer fires by itself
    qtbot.waitUntil(lambda: settings.draft_path().is_file(), timeout=5000)
    crashed.hide()  # killed: no close, no prompt, the draft stays on disk

    restarted = make_wizard()
    frame = find(restarted, QWidget, "start.recover_frame")
    assert frame.isVisible()
    click(qtbot, find(restarted, QCommandLinkButton, "start.recover"))
    qtbot.waitUntil(lambda: restarted.case.signature_names == ["星河云"])
    assert restarted.dirty  # recovered, not yet saved
    assert restarted.currentId() == PageId.PROVIDER


def test_draft_can_be_discarded_from_the_start_page(qtbot: Any, make_wizard: Any) -> None:
    crashed = make_wizard()
    edit_a_name(qtbot, crashed)
    crashed.flush_draft()
    crashed.hide()
    restarted = make_wizard()
    click(qtbot, find(restarted, QWidget, "start.discard_draft"))
    assert not settings.draft_path().exists()
    assert not find(restarted, QWidget, "start.recover_frame").isVisible()


def test_geometry_is_remembered(qtbot: Any, make_wizard: Any) -> None:
    first = make_wizard()
    first.resize(760, 640)
    click(qtbot, close_button(first))
    second = make_wizard()
    assert (second.width(), second.height()) == (760, 640)


def test_about_shows_versions_and_rule_pack_dates(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any
) -> None:
    from assistant.core.rules import load_pack

    wizard.act_about.trigger()
    (call,) = fake_dialogs.called("about")
    html = call[-1]
    assert load_pack("tencent").version in html
    assert "PySide6" in html
