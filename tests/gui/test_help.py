"""F1 opens the help of the current step (in the interface language), not the About box; every
page has a help text in every interface language (#16)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCommandLinkButton, QWizard

from assistant.core.flow import PageId
from assistant.gui import languages
from assistant.gui.help import help_page
from assistant.resources import resource_path
from tests.gui.gui_helpers import click, click_next, find, press


@pytest.mark.parametrize("lang", sorted(languages.UI_LANGUAGES))
def test_every_page_has_help_in_every_language(lang: str) -> None:
    titles = set()
    for page in PageId:
        path = resource_path("help", lang, f"{page.name.lower()}.md")
        assert path.is_file(), path
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# ") and len(text) > 80, path
        titles.add(text.splitlines()[0])
    assert len(titles) == len(PageId)  # one page each, not one text for all
    _, text = help_page(int(PageId.NAMES), lang)
    assert text == resource_path("help", lang, "names.md").read_text(encoding="utf-8")


def test_an_unknown_page_gets_the_overview() -> None:
    _, text = help_page(99, "zh")
    assert text == resource_path("help", "zh", "overview.md").read_text(encoding="utf-8")


def test_f1_and_the_help_button_open_the_help_of_the_current_step(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any
) -> None:
    press(qtbot, wizard, Qt.Key.Key_F1)
    (call,) = fake_dialogs.called("help_page")
    assert call[-1].startswith("# Welcome")
    assert not fake_dialogs.called("about")
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.SIGNATURE_TYPE
    help_button = wizard.button(QWizard.WizardButton.HelpButton)
    assert help_button.isVisible()
    click(qtbot, help_button)
    assert fake_dialogs.called("help_page")[-1][-1].startswith("# Signature type")


def test_help_comes_in_the_interface_language(
    qtbot: Any, qapp: QApplication, make_wizard: Any, fake_dialogs: Any
) -> None:
    languages.install_translators(qapp, "zh")
    try:
        wizard = make_wizard("zh")
        assert wizard.button(QWizard.WizardButton.HelpButton).text() == "帮助(&H)"
        press(qtbot, wizard, Qt.Key.Key_F1)
        assert fake_dialogs.called("help_page")[-1][-1].startswith("# 欢迎")
    finally:
        languages.install_translators(qapp, "en")
