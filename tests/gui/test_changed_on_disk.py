"""Two windows editing the same case: the second save asks instead of overwriting the first."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from assistant.core.model import Case, load_case, save_case
from assistant.gui import dialogs


def opened(qtbot: Any, make_wizard: Any, path: Path) -> Any:
    wizard = make_wizard()
    assert wizard.open_case_path(path)
    qtbot.waitUntil(lambda: wizard.case_path == path.resolve(), timeout=10_000)
    return wizard


def shared_case(tmp_path: Path) -> Path:
    path = tmp_path / "shared.smscase.json"
    case = Case(purpose="others", signature_names=["云朵科技"])
    case.owner.name = "杭州云朵科技有限公司"
    save_case(case, path)
    return path


def test_the_second_save_asks_and_cancel_keeps_the_first(
    qtbot: Any, make_wizard: Any, fake_dialogs: Any, tmp_path: Path
) -> None:
    path = shared_case(tmp_path)
    first, second = opened(qtbot, make_wizard, path), opened(qtbot, make_wizard, path)
    first.case.owner.legal_representative = "张明"
    first.mark_dirty()
    assert first.save() and fake_dialogs.called("changed_on_disk") == []
    second.case.owner.legal_representative = "李娜"
    second.mark_dirty()
    fake_dialogs.answer("changed_on_disk", dialogs.OnDisk.CANCEL)
    assert not second.save()
    assert len(fake_dialogs.called("changed_on_disk")) == 1
    saved, _ = load_case(path)
    assert saved is not None and saved.owner.legal_representative == "张明"
    assert second.dirty  # nothing lost: the window still has its changes

    fake_dialogs.answer("changed_on_disk", dialogs.OnDisk.OVERWRITE)
    assert second.save()
    saved, _ = load_case(path)
    assert saved is not None and saved.owner.legal_representative == "李娜"
    # the first window now is the one behind
    first.case.owner.legal_representative = "王伟"
    first.mark_dirty()
    other = tmp_path / "mine.smscase.json"
    fake_dialogs.answer("changed_on_disk", dialogs.OnDisk.SAVE_AS)
    fake_dialogs.answer("save_case", other)
    assert first.save()
    assert load_case(other)[0].owner.legal_representative == "王伟"  # type: ignore[union-attr]
    assert load_case(path)[0].owner.legal_representative == "李娜"  # type: ignore[union-attr]
    assert first.case_path == other.resolve()


def test_a_touch_or_own_saves_never_ask(
    qtbot: Any, make_wizard: Any, fake_dialogs: Any, tmp_path: Path
) -> None:
    path = shared_case(tmp_path)
    wizard = opened(qtbot, make_wizard, path)
    for name in ("张明", "李娜"):
        wizard.case.owner.legal_representative = name
        wizard.mark_dirty()
        assert wizard.save()
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5 * 10**9))  # same bytes, new time
    wizard.mark_dirty()
    assert wizard.save()
    path.unlink()  # gone: saving makes it again
    wizard.mark_dirty()
    assert wizard.save() and path.is_file()
    assert fake_dialogs.called("changed_on_disk") == []
