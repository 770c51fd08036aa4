"""Concurrent per-file work of the review and the export: results in a fixed order (the zip is
byte-identical however many threads ran), progress and cancel, each file inspected once."""

from __future__ import annotations

import datetime as dt
import io
import threading
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from assistant.core import jobs as jobs_mod
from assistant.core.attachments import fix_file, inspect_file
from assistant.core.attachments import fixes as fixes_mod
from assistant.core.attachments import inspection as inspection_mod
from assistant.core.bundle import export_case
from assistant.core.jobs import run_in_order
from assistant.core.model import Case, load_case, save_case
from assistant.core.review import check_case
from tests.core import corpus
from tests.core.test_bundle import make_case

DAY = dt.date(2026, 3, 2)


# --------------------------------------------------------------------------------------- helper
def test_results_keep_the_order_of_the_items_whatever_finishes_first() -> None:
    first_may_finish = threading.Event()

    def work(i: int) -> int:
        if i == 0:  # the first item finishes only after the second one
            assert first_may_finish.wait(10)
        if i == 1:
            first_may_finish.set()
        return i * 10

    seen: list[tuple[int, str]] = []
    results = run_in_order(
        list(range(5)),
        work,
        progress=lambda done, what: seen.append((done, what)),
        label=lambda i: f"item{i}",
        workers=2,
    )
    assert results == [0, 10, 20, 30, 40]
    assert seen[0] == (0, "item0")
    assert seen[-1] == (5, "")
    done = [d for d, _ in seen]
    assert done == sorted(done)


@pytest.mark.parametrize("workers", [1, 3])
def test_cancel_stops_starting_items_and_returns_none(workers: int) -> None:
    cancelled = threading.Event()
    started: list[int] = []
    lock = threading.Lock()

    def work(i: int) -> int:
        with lock:
            started.append(i)
        if i == 0:
            cancelled.set()
        return i

    items = list(range(40))
    assert run_in_order(items, work, cancel=cancelled.is_set, workers=workers) is None
    assert len(started) < len(items)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_exception_of_a_job_is_raised(workers: int) -> None:
    def work(i: int) -> int:
        if i == 2:
            raise ValueError("job 2 failed")
        return i

    with pytest.raises(ValueError, match="job 2 failed"):
        run_in_order(list(range(4)), work, workers=workers)


def test_worker_count_is_bounded_by_the_jobs() -> None:
    assert jobs_mod.worker_count(1) == 1
    assert jobs_mod.worker_count(0) == 1
    assert 1 <= jobs_mod.worker_count(64) <= jobs_mod.MAX_FILE_WORKERS


# --------------------------------------------------------------------------------------- export
@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return corpus.build(tmp_path_factory.mktemp("corpus"))


def _case_with_fixes(folder: Path, samples: dict[str, Path], files: dict[str, Path]) -> Path:
    """A Tencent case whose four attachments all need a fix (rotation, GPS, CMYK, 16 bit)."""
    path = make_case(folder, samples)
    case, _ = load_case(path)
    assert case is not None
    for document, item in (
        ("business_license", "rotated"),
        ("authorization_letter", "gps"),
        ("trademark_certificate", "cmyk"),
        ("org_code_certificate", "png16"),
    ):
        case.set_attachment(document, files[item])
    save_case(case, path)
    return path


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from assistant.core.bundle import write_sample_images

    return write_sample_images(tmp_path_factory.mktemp("samples"))


@pytest.fixture
def case_path(tmp_path: Path, samples: dict[str, Path], files: dict[str, Path]) -> Path:
    return _case_with_fixes(tmp_path / "c", samples, files)


def test_parallel_export_is_byte_identical_to_one_thread(
    tmp_path: Path, case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = {}
    for workers in (1, 4):
        monkeypatch.setattr(jobs_mod, "worker_count", lambda jobs, w=workers: max(1, min(w, jobs)))
        out = tmp_path / f"bundle-{workers}.zip"
        result = export_case(case_path, out, prepared_on=DAY)
        assert result.output == out, [f.to_dict() for f in result.findings]
        fixed = {f["document"]: f["fixes"] for f in result.files if f.get("fixes")}
        assert set(fixed) == {
            "business_license",
            "authorization_letter",
            "trademark_certificate",
            "org_code_certificate",
        }
        outputs[workers] = out.read_bytes()
    assert outputs[1] == outputs[4]
    with zipfile.ZipFile(io.BytesIO(outputs[4])) as zf:
        names = [n for n in zf.namelist() if n.startswith("files/")]
    assert names == sorted(names)  # numbered in checklist order


def test_export_inspects_each_attachment_once(
    tmp_path: Path, case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[Path] = Counter()
    lock = threading.Lock()
    real = inspection_mod.inspect_with

    def counting(ctx, path, setup=None, **kw):  # type: ignore[no-untyped-def]
        with lock:
            calls[Path(path)] += 1
        return real(ctx, path, setup, **kw)

    monkeypatch.setattr(inspection_mod, "inspect_with", counting)
    monkeypatch.setattr(fixes_mod, "inspect_with", counting)
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY)
    assert result.output is not None
    case, _ = load_case(case_path)
    assert case is not None
    sources = [Path(a.path) for a in case.attachments]
    assert all(calls[p] == 1 for p in sources), calls
    # every fixed copy is re-inspected once, too (it must pass)
    assert sum(n for p, n in calls.items() if p not in sources) == 4


def test_export_cancelled_while_fixing_writes_nothing(
    tmp_path: Path, case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs_mod, "worker_count", lambda jobs: max(1, min(2, jobs)))
    stop = threading.Event()
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int, what: str) -> None:
        steps.append((done, total))
        if total == 4 + 4:  # the export's own steps (the review reports total 4)
            stop.set()

    out = tmp_path / "b.zip"
    result = export_case(case_path, out, prepared_on=DAY, progress=progress, cancel=stop.is_set)
    assert not result.ok and result.output is None
    assert "bundle.cancelled" in {f.code for f in result.findings}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]
    assert (0, 4) in steps  # the review reported its start


# --------------------------------------------------------------------------------------- fixes
def test_fix_file_uses_a_fresh_inspection_and_redoes_a_stale_one(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    src = tmp_path / "rotated.jpg"
    src.write_bytes(files["rotated"].read_bytes())
    insp = inspect_file(src, "tencent", "business_license")
    fresh = fix_file(
        src, "tencent", tmp_path / "a.jpg", document="business_license", inspection=insp
    )
    assert fresh.ok and fresh.inspection is insp
    src.write_bytes(files["gps"].read_bytes())  # another file under the same name
    stale = fix_file(
        src, "tencent", tmp_path / "b.jpg", document="business_license", inspection=insp
    )
    assert stale.inspection is not insp
    assert "image.gps" in stale.inspection.codes
    assert stale.ok


def test_big_images_encode_to_the_same_bytes_through_a_temporary_file() -> None:
    im = corpus.noisy_photo((1400, 1000))
    assert im.width * im.height >= fixes_mod._GIL_FREE_PIXELS
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=80, icc_profile=None)
    assert fixes_mod._encode(im, "jpeg", None, 80) == buf.getvalue()
    small = im.resize((400, 300))
    buf = io.BytesIO()
    small.save(buf, "PNG", compress_level=6, icc_profile=None)
    assert fixes_mod._encode(small, "png", None) == buf.getvalue()


def test_case_review_runs_inspections_in_order(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs_mod, "worker_count", lambda jobs: max(1, min(3, jobs)))
    case = Case(provider="tencent", region="mainland", signature_names=["云朵科技"])
    case.set_attachment("business_license", files["blurred"])
    case.set_attachment("authorization_letter", files["tiny"])
    case.set_attachment("trademark_certificate", files["good_jpeg"])
    seen: list[tuple[int, int, str]] = []
    review = check_case(case, "en", progress=lambda *a: seen.append(a))
    assert [Path(i.path) for i in review.inspections] == [Path(a.path) for a in case.attachments]
    assert "image.blurred" in {f.code for f in review.attachment_findings[0]}
    assert "image.too_few_pixels" in {f.code for f in review.attachment_findings[1]}
    assert seen[-1] == (3, 3, "")
    cancelled = check_case(case, "en", cancel=lambda: True)
    assert cancelled.cancelled
