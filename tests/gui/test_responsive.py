"""The window fits the screen at 1366×768 @125 %, 1920×1080 @100 % and @200 % and keeps its size,
and no page scrolls sideways in the smallest windows the program opens (nor in one made narrower)
with the three journeys filled in, in English and Chinese (#16); the GUI thread neither hashes nor reads the attached files, progress is coalesced, a result
refreshes only its row, and a drop of several files attaches every file (#18)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget, QWizard

from assistant.core.flow import PageId, pages
from assistant.gui import languages, screen, settings, workers
from tests.gui.gui_helpers import click, find
from tests.gui.journeys import JOURNEYS, journey_case
from tests.gui.test_full_flow import (
    TIMEOUT,
    document_image,
    drop_files,
    fill_to_documents,
    status,
)

# (physical width, height, scale): the available geometry in device-independent pixels, less a
# task bar of 40 physical pixels at the bottom
SCREENS = {
    "1366x768@125%": (1366, 768, 1.25),
    "1920x1080@100%": (1920, 1080, 1.0),
    "1920x1080@200%": (1920, 1080, 2.0),
}


def available(width: int, height: int, scale: float) -> QRect:
    return QRect(0, 0, round(width / scale), round((height - 40) / scale))


def outside(wizard: QWizard, room: QRect) -> list[str]:
    """Every button on screen whose displayed part is not inside ``room`` (a button scrolled
    out of a page's view is reached by scrolling); the wizard's own buttons must show whole."""
    bad = []
    own = {wizard.button(b) for b in QWizard.WizardButton if b.value <= 10}
    for button in wizard.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not wizard:
            continue
        shown = button.visibleRegion().boundingRect()
        if button in own and shown.size() != button.size():
            bad.append(f"{button.objectName()!r} cut to {shown.getRect()}")
        if shown.isEmpty():
            continue
        rect = QRect(button.mapToGlobal(shown.topLeft()), shown.size())
        if not room.contains(rect):
            bad.append(f"{button.objectName() or button.text()!r} at {rect.getRect()}")
    return bad


@pytest.mark.parametrize("size", sorted(SCREENS))
def test_every_button_is_on_the_screen(
    qtbot: Any, make_wizard: Any, monkeypatch: pytest.MonkeyPatch, size: str
) -> None:
    room = available(*SCREENS[size])
    monkeypatch.setattr(screen, "available_geometry", lambda _widget: room)
    wizard = make_wizard()
    qtbot.waitUntil(lambda: room.contains(wizard.frameGeometry()))
    assert wizard.width() <= room.width() and wizard.height() <= room.height()
    problems = {"start": outside(wizard, room)}
    fill_to_documents(qtbot, wizard, "huawei", "others")
    for page_id in (PageId.PROVIDER, PageId.PARTIES, PageId.DOCUMENTS, PageId.EXPORT):
        wizard.go_to(int(page_id))
        qtbot.wait(20)
        problems[PageId(page_id).name] = outside(wizard, room)
    assert not any(problems.values()), problems
    if size == "1920x1080@100%":  # room enough: the comfortable size, not a cramped one
        assert wizard.width() >= screen.PREFERRED.width() - 10


def default_size(size: str) -> QSize:
    """The window's size as :mod:`assistant.gui.screen` chooses it on the screen ``size``."""
    preferred = QRect(0, 0, screen.PREFERRED.width(), screen.PREFERRED.height())
    return screen.fit_rect(available(*SCREENS[size]), preferred, screen.ASSUMED_FRAME).size()


def sideways(page: QWidget) -> dict[str, int]:
    """How far each visible scroll area of ``page`` scrolls sideways (nothing: it fits), with
    the innermost widget wider than the view (where to look)."""
    found = {}
    for area in page.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and (bar.isVisible() or bar.maximum() > 0):
            view = area.viewport().width()
            wide = [
                w
                for w in area.widget().findChildren(QWidget)
                if w.isVisibleTo(page) and w.minimumSizeHint().width() > view - 40
            ]
            inner = [w for w in wide if not any(w.isAncestorOf(o) for o in wide if o is not w)]
            names = [w.objectName() or type(w).__name__ for w in inner]
            found[f"{area.objectName() or 'body'} (too wide: {names})"] = bar.maximum()
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("journey", JOURNEYS)
def test_no_page_scrolls_sideways_in_the_smallest_windows(
    qtbot: Any,
    qapp: QApplication,
    make_wizard: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    journey: str,
    lang: str,
) -> None:
    room = available(*SCREENS["1366x768@125%"])
    monkeypatch.setattr(screen, "available_geometry", lambda _widget: room)
    languages.install_translators(qapp, lang)
    try:
        wizard = make_wizard(lang)
        smallest = default_size("1366x768@125%")
        assert wizard.size() == smallest  # as the program opens on that screen
        case = journey_case(journey, tmp_path)
        wizard.replace_case(case, None)
        wizard.restart()
        sizes = {
            "1366x768@125%": smallest,
            "1920x1080@200%": default_size("1920x1080@200%"),
            "made narrower": QSize(800, smallest.height()),  # or fonts wider than these
        }
        problems = {}
        for name, size in sizes.items():
            wizard.resize(size)
            for page_id in pages(case)[1:]:
                wizard.go_to(int(page_id))
                page = wizard.currentPage()
                qtbot.waitUntil(
                    lambda p=page: not (hasattr(p, "busy") and p.busy()), timeout=TIMEOUT
                )
                qtbot.wait(10)
                assert wizard.width() == size.width()  # no page widens the window
                if found := sideways(page):
                    problems[f"{name} {PageId(page_id).name}"] = found
        assert not problems, problems
    finally:
        languages.install_translators(qapp, "en")


def test_the_size_is_remembered_and_a_saved_size_too_big_for_this_screen_shrinks(
    qtbot: Any, make_wizard: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_wizard()  # (Qt itself keeps a restored geometry inside the real screen)
    first.resize(720, 610)
    click(qtbot, first.button(QWizard.WizardButton.CancelButton))
    assert settings.geometry() is not None
    again = make_wizard()
    assert (again.width(), again.height()) == (720, 610)
    click(qtbot, again.button(QWizard.WizardButton.CancelButton))

    small = available(*SCREENS["1920x1080@200%"])
    monkeypatch.setattr(screen, "available_geometry", lambda _widget: small)
    laptop = make_wizard()
    qtbot.waitUntil(lambda: small.contains(laptop.frameGeometry()))


def test_fit_rect_moves_a_window_back_from_an_unplugged_monitor() -> None:
    from PySide6.QtCore import QMargins

    room = QRect(0, 0, 1093, 574)
    away = screen.fit_rect(room, QRect(2500, 300, 980, 700), QMargins(4, 32, 4, 4))
    assert room.contains(away.marginsAdded(QMargins(4, 32, 4, 4)))
    assert away.height() == 574 - 36


# ------------------------------------------------------------------ #18: the GUI thread


def test_hashing_and_reading_happen_off_the_gui_thread(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.core.attachments as attachments
    import assistant.core.fsio as fsio

    threads: list[str] = []
    real_hash, real_inspect = fsio.sha256_file, attachments.inspect_file
    real_thumb = attachments.thumbnail

    def spy(real: Any, what: str) -> Any:
        def call(*args: Any, **kw: Any) -> Any:
            threads.append(f"{what}:{threading.current_thread() is threading.main_thread()}")
            return real(*args, **kw)

        return call

    monkeypatch.setattr(fsio, "sha256_file", spy(real_hash, "hash"))
    monkeypatch.setattr(attachments, "inspect_file", spy(real_inspect, "inspect"))
    monkeypatch.setattr(attachments, "thumbnail", spy(real_thumb, "thumbnail"))
    fill_to_documents(qtbot, wizard, "tencent", "self")
    photo = document_image(tmp_path / "license.jpg")
    fake_dialogs.answer("choose_attachments", [photo])
    click(qtbot, find(wizard, QAbstractButton, "docs.attach.business_license"))
    assert wizard.case.attachments_for("business_license")  # attached at once …
    qtbot.waitUntil(lambda: status(wizard, "business_license") == "ok", timeout=TIMEOUT)
    assert {t.split(":")[0] for t in threads} >= {"hash", "inspect", "thumbnail"}
    assert all(t.endswith(":False") for t in threads), threads  # … and read elsewhere
    (attached,) = wizard.case.attachments_for("business_license")
    assert attached.sha256 == real_hash(photo)  # the digest is recorded once computed


def test_progress_reports_are_coalesced(monkeypatch: pytest.MonkeyPatch, qapp: Any) -> None:
    clock = [100.0]
    monkeypatch.setattr(workers.time, "monotonic", lambda: clock[0])
    worker = workers.Worker(lambda w: None)
    emitted: list[tuple[int, int]] = []
    worker.signals.progress.connect(lambda d, t, _w: emitted.append((d, t)))
    for i in range(1000):  # a core loop reporting a thousand times within one interval
        worker.report(i, 1000)
    assert emitted == [(0, 1000)]
    clock[0] += workers.REPORT_INTERVAL
    worker.report(500, 1000)
    worker.report(501, 1000)
    worker.report(1000, 1000)  # the last step is always said
    assert emitted == [(0, 1000), (500, 1000), (1000, 1000)]


def test_a_result_refreshes_only_its_rows(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_to_documents(qtbot, wizard, "tencent", "others")
    page = wizard.currentPage()
    refreshed: list[str] = []
    real = page.refresh_row
    monkeypatch.setattr(page, "refresh_row", lambda doc: (refreshed.append(doc), real(doc)))
    fake_dialogs.answer("choose_attachments", [document_image(tmp_path / "license.jpg")])
    click(qtbot, find(wizard, QAbstractButton, "docs.attach.business_license"))
    qtbot.waitUntil(lambda: status(wizard, "business_license") == "ok", timeout=TIMEOUT)
    group = page.group_of("business_license")
    assert refreshed and set(refreshed) <= set(group)
    assert "authorization_letter" not in refreshed


def test_a_drop_of_several_files_attaches_every_file(
    qtbot: Any, wizard: QWizard, fake_dialogs: Any, tmp_path: Path
) -> None:
    fill_to_documents(qtbot, wizard, "tencent", "others")
    license_photo = document_image(tmp_path / "license.jpg")
    scan = document_image(tmp_path / "signed-letter.jpg", (1240, 1754))
    extra = document_image(tmp_path / "extra.jpg")
    drop_files(find(wizard, QWidget, "docs.row.business_license"), [license_photo, scan, extra])
    attached = {a.document: Path(a.path).name for a in wizard.case.attachments}
    assert attached == {
        "business_license": "license.jpg",
        "authorization_letter": "signed-letter.jpg",
    }
    (call,) = fake_dialogs.called("error")  # the third found no document: it is named
    assert "extra.jpg" in " ".join(map(str, call))
    for doc in attached:
        qtbot.waitUntil(lambda d=doc: status(wizard, d) == "ok", timeout=TIMEOUT)


def test_a_drop_on_the_page_fills_the_missing_documents_in_order(
    qtbot: Any, wizard: QWizard, tmp_path: Path
) -> None:
    fill_to_documents(qtbot, wizard, "tencent", "others")
    files = [document_image(tmp_path / f"{n}.jpg") for n in ("first", "second")]
    drop_files(wizard.currentPage(), files)
    order = [a.document for a in wizard.case.attachments]
    assert order == ["authorization_letter", "business_license"]  # checklist order


def test_a_reflow_row_goes_one_under_the_other_when_narrow_and_back(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from assistant.gui.pages.reflow import Reflow

    row = Reflow()
    qtbot.addWidget(row)
    edit, button = QLineEdit(), QPushButton("A rather long button text")
    row.add(edit, 1)
    row.add(button)
    needed = row.row_width()
    assert row.minimumSizeHint().width() < needed  # a layout never forces the row's width
    row.resize(needed + 50, 60)
    row.show()
    qtbot.waitUntil(lambda: row.is_row() and button.x() > edit.x())
    row.resize(needed - 10, 200)
    qtbot.waitUntil(lambda: not row.is_row() and button.y() > edit.y())
    assert button.x() == edit.x() == 0
    assert button.width() < row.width()  # at its own width, from the left
    row.resize(needed, 60)
    qtbot.waitUntil(lambda: row.is_row() and button.x() > edit.x())
