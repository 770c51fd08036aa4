"""`export` and `export-batch` record a complete export in the case file's status (#14): its
names become ready to submit; --no-record, an incomplete or refused export, and a file with
values the reader would drop leave the case file as it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.core.model import load_case
from tests.core.test_bundle import make_case


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from assistant.core.bundle import write_sample_images

    return write_sample_images(tmp_path_factory.mktemp("samples"))


def status_of(path: Path) -> tuple[dt.date | None, list[str]]:
    case, _ = load_case(path)
    assert case is not None
    return case.status.exported_on, [s.state for s in case.status.signatures]


def test_a_complete_export_marks_the_case_ready(tmp_path: Path, samples, capsys) -> None:
    case = make_case(tmp_path / "c", samples, signature_names=["云朵科技", "云朵"])
    assert status_of(case) == (None, [])
    out = tmp_path / "b.zip"
    assert main(["export", str(case), "-o", str(out), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "The case file records the export: Ready (exported). [status.export.recorded]" in text
    assert status_of(case) == (dt.date.today(), ["ready", "ready"])
    # JSON says so too; a rejected signature stays rejected when the case is exported again
    from assistant.core.model import save_case
    from assistant.core.status import mark_rejected

    loaded, _ = load_case(case)
    assert loaded is not None
    mark_rejected(loaded, "云朵", "签名与企业名称不符")
    save_case(loaded, case)
    assert main(["export", str(case), "-o", str(out), "--force", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["recorded"]["code"] == "status.export.recorded"
    assert data["recorded"]["severity"] == "info"
    assert status_of(case)[1] == ["ready", "rejected"]


def test_no_record_incomplete_and_refused_exports_leave_the_case_file(
    tmp_path: Path, samples, capsys
) -> None:
    case = make_case(tmp_path / "c", samples)
    before = case.read_bytes()
    assert main(["export", str(case), "-o", str(tmp_path / "b.zip"), "--no-record"]) == 0
    assert "status.export" not in capsys.readouterr().out
    assert case.read_bytes() == before
    bad = make_case(tmp_path / "bad", samples, signature_names=["测试"])
    before = bad.read_bytes()
    assert main(["export", str(bad), "-o", str(tmp_path / "x.zip")]) == 1
    assert main(["export", str(bad), "-o", str(tmp_path / "x.zip"), "--allow-incomplete"]) == 1
    assert (tmp_path / "x-INCOMPLETE.zip").is_file()
    assert "status.export" not in capsys.readouterr().out
    assert bad.read_bytes() == before


def test_a_file_the_reader_would_change_is_not_rewritten(tmp_path: Path, samples, capsys) -> None:
    case = make_case(tmp_path / "c", samples)
    data = json.loads(case.read_text(encoding="utf-8"))
    data["remarks"]["note_for_me"] = "call the client on Monday"  # not a key of the format
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = case.read_bytes()
    assert main(["export", str(case), "-o", str(tmp_path / "b.zip"), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "The export is not recorded in the case file" in text
    assert "values this program cannot read" in text
    assert "[status.export.not_recorded]" in text and "fix: Open the case in the wizard" in text
    assert case.read_bytes() == before


def test_a_case_file_that_cannot_be_saved_is_a_warning(
    tmp_path: Path, samples, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.core.model as model

    case = make_case(tmp_path / "c", samples)

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(model, "save_case", refuse)
    code = main(["export", str(case), "-o", str(tmp_path / "b.zip"), "--format", "json"])
    assert code == 0  # the bundle was written: the export itself succeeded
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True
    assert data["recorded"]["severity"] == "warning"
    assert "Permission denied" in data["recorded"]["message"]


def test_export_batch_marks_only_the_cases_exported_complete(
    tmp_path: Path, samples, capsys
) -> None:
    cases = tmp_path / "cases"
    good = make_case(cases / "good", samples)
    blocked = make_case(cases / "blocked", samples, signature_names=["测试"])
    blocked_before = blocked.read_bytes()
    out = tmp_path / "out"
    assert main(["export-batch", str(cases), "-o", str(out), "--lang", "zh"]) == 1
    text = capsys.readouterr().out
    assert "案件文件已记录本次导出：已就绪（已导出）。" in text
    assert status_of(good) == (dt.date.today(), ["ready"])
    assert blocked.read_bytes() == blocked_before
    assert main(["export-batch", str(cases), "-o", str(out), "--force", "--format", "json"]) == 1
    rows = {
        Path(r["case_file"]).parent.name: r for r in json.loads(capsys.readouterr().out)["cases"]
    }
    assert rows["good"]["recorded"]["code"] == "status.export.recorded"
    assert rows["blocked"]["recorded"] is None
    fresh = make_case(tmp_path / "fresh" / "one", samples)
    before = fresh.read_bytes()
    assert (
        main(["export-batch", str(tmp_path / "fresh"), "-o", str(tmp_path / "o2"), "--no-record"])
        == 0
    )
    assert fresh.read_bytes() == before
