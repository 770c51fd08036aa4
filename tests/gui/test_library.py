"""The case library window, with real clicks: 50 imported clients listed with what each needs,
search/filter/sort, open one in the wizard, duplicate one, export twenty, explain a rejection,
import clients from a spreadsheet through the mapping step, a status file dropped, a profile
picked on the Parties step; the table fills while the folder is read."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QCommandLinkButton, QLineEdit, QPushButton

from assistant.core.flow import PageId
from assistant.core.library import summarize
from assistant.core.model import load_case
from assistant.core.profiles import PROFILES_FILE, Profile, ProfileBook, save_profiles
from tests.core.library_corpus import client_rows, credit_code, csv_bytes, make_case_folder
from tests.gui.gui_helpers import click, find, go_to_page, type_text


@pytest.fixture(scope="module")
def fifty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("library") / "cases"
    make_case_folder(folder, 50)
    return folder


@pytest.fixture
def cases(fifty: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(fifty, tmp_path / "cases"))


def open_library(qtbot: Any, wizard: Any, fake_dialogs: Any, folder: Path) -> Any:
    fake_dialogs.answer("choose_folder", folder)
    click(qtbot, find(wizard, QCommandLinkButton, "start.library"))
    window = wizard.library_window
    qtbot.waitExposed(window)
    click(qtbot, find(window, QPushButton, "library.choose_folder"))
    wait_scanned(qtbot, window)
    return window


def wait_scanned(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: not window.scanning(), timeout=30_000)


def click_row(
    qtbot: Any, window: Any, row: int, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    table = window.table
    rect = table.visualRect(window.proxy.index(row, 0))
    table.scrollTo(window.proxy.index(row, 0))
    rect = table.visualRect(window.proxy.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def row_named(window: Any, text: str) -> int:
    return next(i for i in range(window.proxy.rowCount()) if text in window.proxy.row_of(i).client)


def test_fifty_clients_with_what_each_needs_search_filter_sort(
    qtbot: Any, wizard: Any, fake_dialogs: Any, cases: Path
) -> None:
    window = open_library(qtbot, wizard, fake_dialogs, cases)
    assert window.model.rowCount() == 50 and window.proxy.rowCount() == 50
    counts = find(window, type(window.counts), "library.counts").text()
    assert "50 cases, 50 with something that still blocks" in counts
    problems = window.proxy.index(0, 4).data()
    assert "Missing document" in problems
    assert window.proxy.index(0, 3).data() == "Draft"

    type_text(find(window, QLineEdit, "library.search"), "云朵 科技")
    qtbot.waitUntil(lambda: window.proxy.rowCount() < 50)
    shown = [window.proxy.row_of(i).client for i in range(window.proxy.rowCount())]
    assert shown and all("云朵" in c and "科技" in c for c in shown)
    find(window, QLineEdit, "library.search").clear()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 50)

    provider = window.provider_filter
    provider.setCurrentIndex(provider.findData("huawei"))
    assert window.proxy.rowCount() == sum(r.provider == "huawei" for r in window.model.rows())
    assert {window.proxy.row_of(i).provider for i in range(window.proxy.rowCount())} == {"huawei"}
    provider.setCurrentIndex(0)
    window.problem_filter.setCurrentIndex(window.problem_filter.findData("clear"))
    assert window.proxy.rowCount() == 0
    window.problem_filter.setCurrentIndex(0)

    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(2) + 10  # the Provider column
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    providers = [window.proxy.row_of(i).provider for i in range(50)]
    assert providers == sorted(providers) or providers == sorted(providers, reverse=True)


def test_open_fix_and_the_library_shows_it(
    qtbot: Any, wizard: Any, fake_dialogs: Any, cases: Path
) -> None:
    window = open_library(qtbot, wizard, fake_dialogs, cases)
    row = row_named(window, "杭州云朵科技")
    click_row(qtbot, window, row)
    chosen = window.proxy.row_of(row)
    click(qtbot, find(window, QPushButton, "library.open"))
    qtbot.waitUntil(lambda: wizard.case_path == Path(chosen.path).resolve(), timeout=10_000)
    assert wizard.case.client == "杭州云朵科技有限公司"
    # fix one: the missing licence attached, saved
    from PIL import Image

    licence = cases / "licence.jpg"
    Image.new("RGB", (1200, 900), "white").save(licence)
    wizard.case.set_attachment("business_license", licence)
    wizard.mark_dirty()
    assert wizard.save()
    before = chosen.errors
    window.rescan()
    wait_scanned(qtbot, window)
    after = next(r for r in window.model.rows() if r.path == chosen.path)
    assert after.first_error_code != "case.document_missing" or after.errors < before


def test_duplicate_for_a_new_client_opens_it_on_the_parties_step(
    qtbot: Any, wizard: Any, fake_dialogs: Any, cases: Path
) -> None:
    window = open_library(qtbot, wizard, fake_dialogs, cases)
    click_row(qtbot, window, 0)
    fake_dialogs.answer("ask_text", "宁波新客户有限公司")
    click(qtbot, find(window, QPushButton, "library.duplicate"))
    made = cases / "宁波新客户有限公司.smscase.json"
    assert made.is_file()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.PARTIES, timeout=10_000)
    assert wizard.case.client == "宁波新客户有限公司" and wizard.case.signature_names == []
    wait_scanned(qtbot, window)
    assert window.model.rowCount() == 51


def test_export_twenty_in_one_action(
    qtbot: Any, wizard: Any, fake_dialogs: Any, cases: Path, tmp_path: Path
) -> None:
    window = open_library(qtbot, wizard, fake_dialogs, cases)
    click_row(qtbot, window, 0)
    click_row(qtbot, window, 19, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.selected_rows()) == 20
    out = tmp_path / "bundles"
    fake_dialogs.answer("choose_folder", out)
    fake_dialogs.answer("confirm", True)  # export the incomplete ones too, marked
    click(qtbot, find(window, QPushButton, "library.export"))
    assert window.job is not None
    qtbot.waitUntil(lambda: window.job is None, timeout=120_000)
    zips = sorted(out.glob("*.zip"))
    assert len(zips) == 20 and all("INCOMPLETE" in z.name for z in zips)
    with zipfile.ZipFile(zips[0]) as zf:
        assert "manifest.json" in zf.namelist()
    assert (out / "summary.csv").is_file()
    text = fake_dialogs.called("information")[-1][2]
    assert "20 bundles written" in text and "20 marked INCOMPLETE" in text


def test_explain_a_rejection_records_it_and_opens_the_step(
    qtbot: Any, wizard: Any, fake_dialogs: Any, cases: Path
) -> None:
    window = open_library(qtbot, wizard, fake_dialogs, cases)
    row = row_named(window, "杭州云朵科技")
    click_row(qtbot, window, row)
    path = window.proxy.row_of(row).path

    def answer(dialog: Any) -> int:
        type_text(find(dialog, type(dialog.text), "explain.text"), "签名与企业名称不符")
        click(qtbot, find(dialog, QPushButton, "explain.explain"))
        assert dialog.explanation is not None and dialog.explanation.matched
        assert "Step:" in dialog.explained.toPlainText()
        click(qtbot, find(dialog, QPushButton, "explain.record"))
        click(qtbot, find(dialog, QPushButton, "explain.go"))
        return int(dialog.result())

    fake_dialogs.answer("show_dialog", answer)
    click(qtbot, find(window, QPushButton, "library.explain"))
    assert summarize(path).stage == "rejected"
    qtbot.waitUntil(lambda: wizard.case_path == Path(path).resolve(), timeout=10_000)
    qtbot.waitUntil(lambda: wizard.currentId() not in (PageId.START, PageId.PROVIDER))
    wait_scanned(qtbot, window)
    shown = next(r for r in window.model.rows() if r.path == path)
    assert shown.stage == "rejected" and shown.rejection == "签名与企业名称不符"


def test_import_clients_through_the_mapping_step(
    qtbot: Any, wizard: Any, fake_dialogs: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "agency"
    folder.mkdir()
    save_profiles(
        ProfileBook([Profile("applicant", "深圳市代理通信有限公司", credit_code(7, "440300"))]),
        folder / PROFILES_FILE,
    )
    window = open_library(qtbot, wizard, fake_dialogs, folder)
    assert window.model.rowCount() == 0
    sheet = tmp_path / "clients.csv"
    rows = client_rows(50)
    sheet.write_bytes(csv_bytes(rows).replace("备注".encode(), "用途说明XYZ".encode()))
    fake_dialogs.answer("choose_spreadsheet", sheet)

    def answer(dialog: Any) -> int:
        boxes = dialog.field_boxes
        assert [b.currentData() for b in boxes[:5]] == [
            "owner.name",
            "owner.credit_code",
            "owner.legal_representative",
            "signature_names",
            "provider",
        ]
        assert boxes[5].currentData() == ""  # an unknown header: not used until mapped
        boxes[5].setCurrentIndex(boxes[5].findData("remarks.description"))
        assert dialog.applicant.currentData().name == "深圳市代理通信有限公司"
        assert "Still missing" in dialog.preview.item(0, 3).text()
        click(qtbot, find(dialog, QPushButton, "intake.import"))
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        assert "50 case files written" in dialog.preview_label.text()
        return 1

    fake_dialogs.answer("show_dialog", answer)
    click(qtbot, find(window, QPushButton, "library.import"))
    wait_scanned(qtbot, window)
    assert window.model.rowCount() == 50
    case, _ = load_case(next(folder.glob("*云朵科技*.smscase.json")))
    assert case is not None and case.purpose == "others"
    assert case.applicant.name == "深圳市代理通信有限公司"
    assert case.remarks.description.startswith("向云朵")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent(QPoint, …)
def test_a_status_file_dropped_on_the_table_updates_the_cases(
    qtbot: Any, wizard: Any, fake_dialogs: Any, cases: Path, tmp_path: Path
) -> None:
    window = open_library(qtbot, wizard, fake_dialogs, cases)
    target = next(r for r in window.model.rows() if r.provider == "tencent")
    status = tmp_path / "signs.json"
    status.write_text(
        json.dumps(
            {
                "Response": {
                    "DescribeSignListStatusSet": [
                        {
                            "SignId": 4242,
                            "International": 0,
                            "StatusCode": 0,
                            "SignName": target.signatures[0],
                            "ReviewReply": "",
                            "CreateTime": 1764547200,
                        }
                    ],
                    "RequestId": "x",
                }
            }
        ),
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(status))])
    where = QPointF(window.table.geometry().center())
    for event in (
        QDragEnterEvent(
            where.toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
        QDropEvent(
            where,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    ):
        QApplication.sendEvent(window, event)
    qtbot.waitUntil(
        lambda: window.job is None and bool(fake_dialogs.called("information")), timeout=30_000
    )
    text = fake_dialogs.called("information")[-1][2]
    assert "1 cases updated" in text, text
    wait_scanned(qtbot, window)
    shown = [r for r in window.model.rows() if r.signatures == target.signatures]
    assert any(r.stage == "approved" for r in shown)


def test_pick_a_saved_profile_on_the_parties_step(
    qtbot: Any, wizard: Any, fake_dialogs: Any, tmp_path: Path
) -> None:
    from assistant.gui import settings

    folder = tmp_path / "agency"
    folder.mkdir()
    settings.set_library_folder(folder)
    client = Profile("client", "杭州云朵科技有限公司", credit_code(2), "张明")
    save_profiles(ProfileBook([client]), folder / PROFILES_FILE)
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    wizard.case.purpose = "others"
    wizard.case.signature_names = ["云朵科技"]
    go_to_page(qtbot, wizard, PageId.PARTIES)

    def answer(dialog: Any) -> int:
        assert dialog.list.count() == 1
        dialog.list.setCurrentRow(0)
        click(qtbot, find(dialog, QPushButton, "profiles.use"))
        return int(dialog.result())

    fake_dialogs.answer("show_dialog", answer)
    click(qtbot, find(wizard, QPushButton, "parties.pick_profile"))
    assert find(wizard, QLineEdit, "parties.owner.name").text() == "杭州云朵科技有限公司"
    assert wizard.case.owner.legal_representative == "张明" and wizard.dirty
    client.name = "改名后的公司"
    save_profiles(ProfileBook([client]), folder / PROFILES_FILE)
    assert wizard.case.owner.name == "杭州云朵科技有限公司"  # a copy


def test_the_table_fills_while_the_folder_is_read(
    qtbot: Any, wizard: Any, fake_dialogs: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    make_case_folder(folder, 240)
    fills: list[int] = []
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    fake_dialogs.answer("choose_folder", folder)
    click(qtbot, find(wizard, QCommandLinkButton, "start.library"))
    window = wizard.library_window
    window.model.rowsInserted.connect(lambda *_: fills.append(window.model.rowCount()))
    timer.start()
    click(qtbot, find(window, QPushButton, "library.choose_folder"))
    wait_scanned(qtbot, window)
    timer.stop()
    assert window.model.rowCount() == 240
    assert len(fills) >= 4 and fills == sorted(fills)  # in batches, as they were read
    assert ticks  # the GUI thread kept running its timers during the scan
    # a second opening reads nothing: every row from the cache
    window.rescan()
    wait_scanned(qtbot, window)
    assert window.model.rowCount() == 240
