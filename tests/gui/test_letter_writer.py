"""The two letters the wizard writes — the authorization letter (Letter page) and the commitment
letter (Qualification page) — go through one writer (``pages/letter_writer.py``): the file name
suggested from the case, .docx added, written off the window's thread, the result said on the
page, and a failure said too with Generate usable again (#16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWizard

from assistant.core.flow import PageId
from tests.gui.gui_helpers import click, find
from tests.gui.journeys import journey_case
from tests.gui.test_full_flow import TIMEOUT

# page, its Generate button, its status line, the fill function it calls, the suggested name
LETTERS = {
    "authorization": (
        PageId.LETTER,
        "letter.generate",
        "letter.generated",
        "fill_letter",
        "authorization-letter.docx",
    ),
    "commitment": (
        PageId.QUALIFICATION,
        "qualification.generate",
        "qualification.generated",
        "fill_commitment_letter",
        "commitment-letter.docx",
    ),
}


def open_page(qtbot: Any, wizard: QWizard, tmp_path: Path, page_id: PageId) -> Any:
    wizard.replace_case(journey_case("tencent-others", tmp_path), None)  # type: ignore[attr-defined]
    wizard.restart()
    wizard.go_to(int(page_id))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: wizard.currentId() == int(page_id))
    return wizard.currentPage()


@pytest.mark.parametrize("letter", sorted(LETTERS))
def test_the_letter_is_written_where_the_user_says_with_docx_added(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path, letter: str
) -> None:
    page_id, button, status, _fill, suggested = LETTERS[letter]
    page = open_page(qtbot, wizard, tmp_path, page_id)
    fake_dialogs.answer("save_file", tmp_path / "out" / "signed-by-hand")
    (tmp_path / "out").mkdir()
    click(qtbot, find(wizard, QPushButton, button))
    (call,) = fake_dialogs.called("save_file")
    assert str(call[2]).endswith(suggested)  # the case's name, then the letter's kind
    written = tmp_path / "out" / "signed-by-hand.docx"
    qtbot.waitUntil(lambda: not page.writer.busy(), timeout=TIMEOUT)
    assert written.is_file() and page.generated == written
    assert "signed-by-hand.docx" in find(wizard, QLabel, status).text()
    assert find(wizard, QPushButton, button).isEnabled()


@pytest.mark.parametrize("letter", sorted(LETTERS))
def test_a_letter_that_cannot_be_written_says_why_and_generate_works_again(
    qtbot: Any,
    wizard: QWizard,
    fake_dialogs: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    letter: str,
) -> None:
    import assistant.core.letter as letters

    page_id, button, status, fill, _suggested = LETTERS[letter]

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("No space left on device")

    monkeypatch.setattr(letters, fill, broken)
    page = open_page(qtbot, wizard, tmp_path, page_id)
    fake_dialogs.answer("save_file", tmp_path / "letter.docx")
    generate = find(wizard, QPushButton, button)
    click(qtbot, generate)
    qtbot.waitUntil(lambda: not page.busy(), timeout=TIMEOUT)
    label = find(wizard, QLabel, status)
    assert "No space left on device" in label.text() and label.isVisible()
    assert generate.isEnabled() and page.generated is None
