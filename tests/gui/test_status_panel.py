"""The case's status in the wizard (#14): the Export page's panel (stage, each signature's review,
filing per carrier, the six-month warning with the last-sent date the user sets), an export that
marks the case ready, buttons that record the provider's answer, a dropped status file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPushButton, QWidget

from assistant.core.flow import PageId
from assistant.core.model import Case, load_case
from assistant.core.status import mark_exported, set_carrier
from assistant.gui.rejection import find_dialog
from assistant.gui.status_panel import NOT_KNOWN, StatusPanel
from tests.gui.gui_helpers import click, find
from tests.gui.test_full_flow import drop_files

TIMEOUT = 30_000
TODAY = dt.date.today()


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from assistant.core.bundle import write_sample_images

    return write_sample_images(tmp_path_factory.mktemp("samples"))


def open_on_export(qtbot: Any, wizard: Any, case: Case, path: Path | None = None) -> StatusPanel:
    wizard.replace_case(case, path.resolve() if path else None, dirty=path is None)
    wizard.go_to(int(PageId.EXPORT))
    assert wizard.currentId() == PageId.EXPORT
    panel = find(wizard, StatusPanel, "status.panel")
    qtbot.waitUntil(panel.isVisible)
    return panel


def text(panel: QWidget, name: str) -> str:
    return find(panel, QLabel, name).text()


def test_a_complete_export_marks_the_case_ready(
    qtbot: Any, wizard: Any, samples: dict[str, Path], tmp_path: Path
) -> None:
    from tests.core.test_bundle import make_case

    path = make_case(tmp_path / "c", samples, signature_names=["云朵科技", "云朵"])
    case, _ = load_case(path)
    assert case is not None
    panel = open_on_export(qtbot, wizard, case, path)
    assert "Draft" in text(panel, "status.headline")
    assert "Draft" in text(panel, "status.stage.0") and "Draft" in text(panel, "status.stage.1")
    find(wizard, QLineEdit, "export.target").setText(str(tmp_path / "bundle.zip"))
    click(qtbot, find(wizard, QPushButton, "export.run"))
    export = wizard.currentPage()
    qtbot.waitUntil(lambda: not export.busy(), timeout=TIMEOUT)
    assert (tmp_path / "bundle.zip").is_file(), text(wizard, "export.result")
    assert wizard.case.status.exported_on == TODAY
    assert [s.state for s in wizard.case.status.signatures] == ["ready", "ready"]
    assert wizard.dirty  # saved with the case, as every other edit
    assert "Ready (exported)" in text(panel, "status.headline")
    assert "Ready (exported)" in text(panel, "status.stage.1")


def test_an_incomplete_export_does_not(
    qtbot: Any, wizard: Any, fake_dialogs: Any, samples: dict[str, Path], tmp_path: Path
) -> None:
    from tests.core.test_bundle import make_case

    path = make_case(tmp_path / "c", samples, signature_names=["测试"])
    case, _ = load_case(path)
    assert case is not None
    panel = open_on_export(qtbot, wizard, case, path)
    find(wizard, QLineEdit, "export.target").setText(str(tmp_path / "bundle.zip"))
    click(qtbot, find(wizard, QWidget, "export.incomplete"))
    fake_dialogs.answer("confirm", True)
    click(qtbot, find(wizard, QPushButton, "export.run"))
    export = wizard.currentPage()
    qtbot.waitUntil(lambda: not export.busy(), timeout=TIMEOUT)
    assert list(tmp_path.glob("*INCOMPLETE*.zip"))
    assert wizard.case.status.exported_on is None
    assert "Draft" in text(panel, "status.headline")


def two_names(exported: bool = True) -> Case:
    case = Case(provider="tencent", signature_names=["星河云科技", "星河云"])
    if exported:
        mark_exported(case, TODAY - dt.timedelta(days=2))
    return case


def test_the_buttons_record_what_the_provider_answered(qtbot: Any, wizard: Any) -> None:
    panel = open_on_export(qtbot, wizard, two_names())
    assert "Ready (exported)" in text(panel, "status.headline")
    submitted = find(panel, QPushButton, "status.submitted.0")
    click(qtbot, submitted)
    sig = wizard.case.status.signatures[0]
    assert (sig.name, sig.state, sig.submitted_on) == ("星河云科技", "submitted", TODAY)
    assert "Submitted, in review" in text(panel, "status.stage.0")
    assert f"submitted {TODAY.isoformat()}" in text(panel, "status.carriers.0")
    assert not submitted.isEnabled()
    # the case shows its least advanced signature: the other one is still only exported
    assert "Ready (exported)" in text(panel, "status.headline")
    click(qtbot, find(panel, QPushButton, "status.approved.0"))
    assert sig.state == "approved" and sig.decided_on == TODAY
    assert "Approved, not filed with the carriers yet" in text(panel, "status.stage.0")
    assert "China Mobile: not filed yet" in text(panel, "status.carriers.0")
    assert not find(panel, QPushButton, "status.approved.0").isEnabled()
    assert wizard.dirty


def test_the_six_month_warning_counts_from_the_date_the_user_sets(qtbot: Any, wizard: Any) -> None:
    case = two_names()
    for carrier in ("china_mobile", "china_unicom", "china_telecom"):
        for name in case.signature_names:
            set_carrier(case, name, carrier, "filed", TODAY - dt.timedelta(days=170))
    for sig in case.status.signatures:
        sig.state, sig.decided_on = "approved", TODAY - dt.timedelta(days=172)
    panel = open_on_export(qtbot, wizard, case)
    assert "Filed, but no sending for close to six months" in text(panel, "status.headline")
    warning = find(panel, QLabel, "status.findings")
    assert warning.isVisible() and "has had no sending for 170 days" in warning.text()
    assert "China Telecom: filed (" in text(panel, "status.carriers.1")
    edit = find(panel, QDateEdit, "status.last_sent.0")
    assert edit.date() == NOT_KNOWN and edit.text() == "not known"
    assert edit.maximumDate() == QDate(TODAY)  # no sending in the future
    # the user types the day of the last message (keyboard, as in the field)
    recent = TODAY - dt.timedelta(days=10)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, recent.isoformat())
    qtbot.waitUntil(lambda: wizard.case.status.signatures[0].last_sent == recent)
    assert "Filed with all three carriers" in text(panel, "status.stage.0")
    assert f"last sent {recent.isoformat()}" in text(panel, "status.carriers.0")
    assert "【星河云】 has had no sending" in warning.text()  # the other one still warns
    assert "【星河云科技】" not in warning.text()
    # a field "not known" shows today to type over, and records nothing when left unchanged
    other = find(panel, QDateEdit, "status.last_sent.1")
    wizard.dirty = False
    other.setFocus()
    qtbot.waitUntil(lambda: other.text() == TODAY.isoformat())
    find(panel, QPushButton, "status.rejected.0").setFocus()
    qtbot.waitUntil(lambda: other.text() == "not known")
    assert wizard.case.status.signatures[1].last_sent is None and not wizard.dirty
    other.setDate(QDate(recent))
    assert wizard.dirty and not warning.isVisible()
    assert "Filed with all three carriers" in text(panel, "status.headline")
    click(qtbot, find(panel, QWidget, "status.clear_last_sent.1"))  # back to "not known"
    assert wizard.case.status.signatures[1].last_sent is None
    assert other.text() == "not known" and warning.isVisible()


def test_rejected_opens_the_dialog_for_that_signature(qtbot: Any, wizard: Any) -> None:
    panel = open_on_export(qtbot, wizard, two_names())
    click(qtbot, find(panel, QPushButton, "status.rejected.1"))
    qtbot.waitUntil(lambda: find_dialog(wizard) is not None)
    dialog = find_dialog(wizard)
    assert dialog is not None and dialog.signature.currentData() == "星河云"
    dialog.text.setPlainText("签名与企业名称不符")
    dialog.explain()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.explanation is not None)
    click(qtbot, find(dialog, QPushButton, "rejection.record"))
    assert "Rejected" in text(panel, "status.stage.1")
    assert "Rejected" in text(panel, "status.headline")  # a problem shows first
    assert "【星河云】 was rejected on" in find(panel, QLabel, "status.findings").text()
    dialog.reject()


def test_a_case_without_names_says_so(qtbot: Any, wizard: Any) -> None:
    panel = open_on_export(qtbot, wizard, Case(provider="huawei"))
    assert "No signature name yet" in text(panel, "status.headline")
    assert panel.findChildren(QDateEdit) == []


def test_a_dropped_status_file_updates_the_case(qtbot: Any, wizard: Any, tmp_path: Path) -> None:
    pytest.importorskip("alibabacloud_dysmsapi20170525.models")
    from tests.core.status.test_importer import alibaba_sign_list

    case = Case(provider="alibaba", signature_names=["云朵科技", "云朵"])
    mark_exported(case, TODAY)
    panel = open_on_export(qtbot, wizard, case)
    saved = tmp_path / "status.json"
    saved.write_text(json.dumps(alibaba_sign_list(), ensure_ascii=False), encoding="utf-8")
    wizard.dirty = False
    drop_files(panel, [saved])
    imported = find(panel, QLabel, "status.imported")
    assert imported.isVisible() and "status.json: 2 changes in this case." in imported.text()
    first = wizard.case.status.signatures[0]
    assert first.state == "rejected" and first.provider_id == "2001"
    assert "Rejected" in text(panel, "status.stage.0")
    assert "Submitted, in review" in text(panel, "status.stage.1")
    assert "was rejected" in find(panel, QLabel, "status.findings").text()
    assert wizard.dirty
    # the same file again changes nothing; a file that is not a status list says why
    drop_files(panel, [saved])
    assert "nothing in it changes this case" in imported.text()
    bad = tmp_path / "other.json"
    bad.write_text('{"what": 1}', encoding="utf-8")
    drop_files(panel, [bad])
    assert imported.text().startswith("✖ other.json:")


def test_only_json_files_are_taken(qtbot: Any, wizard: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication

    panel = open_on_export(qtbot, wizard, two_names())
    photo = tmp_path / "licence.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()
