"""Words on the wizard's pages (#16): the Letter page names its own control, not a command, and
shows the provider's template address as a link (a bare address does not wrap); the Review
page counts its errors and warnings as each language says it; one parenthesis per remark label;
the two letters' "open it to print" buttons say the same; Huawei's qualification remark has a
short label and its explanation where the user types."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
)

from assistant.core.flow import PageId
from assistant.gui import languages
from tests.gui.gui_helpers import find
from tests.gui.journeys import journey_case
from tests.gui.test_full_flow import TIMEOUT

LANGS = ("en", "zh", "id")


@pytest.fixture(autouse=True)
def english_again(qapp: QApplication) -> Iterator[None]:
    yield
    languages.install_translators(qapp, "en")


def shown(label: str) -> str:
    """A control's text as the user reads it: without its mnemonic (&D, (&D)) and step number."""
    return re.sub(r"^\d+\.\s*", "", re.sub(r"\(&\w\)|&(?=\w)", "", label)).strip()


def plain(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def open_journey(
    qtbot: Any,
    qapp: QApplication,
    make_wizard: Any,
    tmp_path: Path,
    lang: str,
    journey: str,
    page: PageId,
) -> Any:
    languages.install_translators(qapp, lang)
    wizard = make_wizard(lang)
    wizard.replace_case(journey_case(journey, tmp_path), None)
    wizard.restart()
    wizard.go_to(int(page))
    qtbot.waitUntil(lambda: wizard.currentId() == int(page))
    return wizard


@pytest.mark.parametrize("lang", LANGS)
def test_the_letter_page_names_its_own_control_and_links_the_template(
    qtbot: Any, qapp: QApplication, make_wizard: Any, tmp_path: Path, lang: str
) -> None:
    from assistant.core.checklist import letter_note
    from assistant.core.rules import load_pack

    wizard = open_journey(qtbot, qapp, make_wizard, tmp_path, lang, "tencent-others", PageId.LETTER)
    wording = find(wizard, QLabel, "letter.wording")
    own = find(wizard, QRadioButton, "letter.template.own")
    said = plain(wording.text())
    assert wording.isVisible() and said
    assert f"“{shown(own.text())}”" in said, (own.text(), said)  # as its label says
    assert "--template" not in said and "`" not in said  # no command for a GUI user
    url = letter_note(load_pack("tencent")).url
    assert url and url not in said  # the address is the link's target, not its text
    assert f'href="{url}"' in wording.text() and wording.openExternalLinks()
    # the note wraps: it no longer asks for the width of a ~120-character address
    assert wording.minimumSizeHint().width() < 300, wording.minimumSizeHint()


@pytest.mark.parametrize("lang", LANGS)
def test_both_letters_open_to_print_in_the_same_words(
    qtbot: Any, qapp: QApplication, make_wizard: Any, tmp_path: Path, lang: str
) -> None:
    wizard = open_journey(qtbot, qapp, make_wizard, tmp_path, lang, "tencent-others", PageId.LETTER)
    letter = shown(find(wizard, QPushButton, "letter.open").text())
    commitment = shown(find(wizard, QPushButton, "qualification.open").text())
    assert letter == commitment


@pytest.mark.parametrize(
    ("lang", "counts", "expected"),
    [
        ("en", (1, 1), "1 error must be fixed before export; 1 warning to look at."),
        ("en", (2, 3), "2 errors must be fixed before export; 3 warnings to look at."),
        ("en", (1, 0), "1 error must be fixed before export."),
        ("en", (0, 1), "Ready to export. 1 warning worth a look."),
        ("en", (0, 2), "Ready to export. 2 warnings worth a look."),
        ("zh", (1, 2), "导出前须修正 1 个错误；另有 2 个警告值得查看。"),
        ("id", (2, 1), "2 kesalahan harus diperbaiki sebelum ekspor; 1 peringatan perlu dilihat."),
    ],
)
def test_the_review_counts_as_the_language_says_it(
    qtbot: Any,
    qapp: QApplication,
    make_wizard: Any,
    tmp_path: Path,
    lang: str,
    counts: tuple[int, int],
    expected: str,
) -> None:
    wizard = open_journey(qtbot, qapp, make_wizard, tmp_path, lang, "tencent-others", PageId.REVIEW)
    review = wizard.currentPage()
    assert review._summary(*counts) == expected
    qtbot.waitUntil(lambda: not review.busy(), timeout=TIMEOUT)
    summary = find(wizard, QLabel, "review.summary").text()
    assert summary and "(s)" not in summary


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("journey", ["tencent-others", "huawei-app"])
def test_a_remark_label_has_one_parenthesis(
    qtbot: Any, qapp: QApplication, make_wizard: Any, tmp_path: Path, lang: str, journey: str
) -> None:
    wizard = open_journey(qtbot, qapp, make_wizard, tmp_path, lang, journey, PageId.NAMES)
    form = wizard.currentPage().remarks_form
    labels = [
        item.widget().text()
        for row in range(form.rowCount())
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
        and isinstance(item.widget(), QLabel)
    ]
    assert labels
    for label in labels:
        assert len(re.findall(r"[(（]", label)) <= 1, label


@pytest.mark.parametrize("lang", LANGS)
def test_huaweis_remark_is_short_and_says_what_to_write(
    qtbot: Any, qapp: QApplication, make_wizard: Any, tmp_path: Path, lang: str
) -> None:
    wizard = open_journey(
        qtbot, qapp, make_wizard, tmp_path, lang, "huawei-app", PageId.QUALIFICATION
    )
    label = find(wizard, QLabel, "qualification.label.remark").text()
    edit = find(wizard, QLineEdit, "qualification.remark")
    assert label and not re.search(r"[(（]", label), label
    assert edit.placeholderText() and edit.placeholderText() == edit.toolTip()


def test_no_count_of_the_interface_says_error_s() -> None:
    """A count is said as English says it ("1 error", "2 errors"), never "%1 error(s)": every
    string of the interface with a number placeholder and "(s)" is a bug (a plain label such as
    "Signature name(s)" has no count and may keep it)."""
    root = Path(__file__).resolve().parents[2] / "assistant" / "gui"
    counted = re.compile(r"""["'][^"'\n]*%\d[^"'\n]*\w\(s\)[^"'\n]*["']""")
    found = [
        f"{path.relative_to(root)}: {m.group(0)}"
        for path in sorted(root.rglob("*.py"))
        for m in counted.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
