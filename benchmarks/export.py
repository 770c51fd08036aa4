"""Benchmark of the export (issue #5).

1. A case with six 12 MP photos: ``export_case`` time as a ratio to zipping the same six files
   in the same run (zipfile, deflated — what "zip the files" means — and stored). Goal: <= 3 x the
   deflated zip. Two providers: Tencent (5 MB limit: photos go in as they are) and Alibaba
   (2 MB limit: every photo is re-encoded under the limit, and the legacy payload base64s them).
2. A batch of 100 small cases (``export_batch``) in a child process: wall time, time per case and
   the child's peak RSS next to the peak RSS of a child that only imports the same modules.

Run: ``python benchmarks/export.py [--repeat 3] [--cases 100]``. Timings never gate tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DAY = dt.date(2026, 3, 2)
DOCS = (
    "business_license",
    "authorization_letter",
    "three_in_one_certificate",
    "org_code_certificate",
    "social_credit_certificate",
    "trademark_certificate",
)


def make_photos(folder: Path) -> list[Path]:
    """Six 4000x3000 JPEGs that look like phone photos of documents (paper, text, noise)."""
    from PIL import Image, ImageDraw, ImageFilter

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(6):
        noise = Image.effect_noise((4000, 3000), 28 + i * 2).convert("RGB")
        paper = Image.new("RGB", (4000, 3000), (236 - i * 3, 230, 214))
        img = Image.blend(paper, noise, 0.35)
        draw = ImageDraw.Draw(img)
        for row in range(60):
            y = 150 + row * 45
            draw.line((300, y, 3700, y), fill=(40, 40, 40), width=3)
        draw.ellipse((2900, 2000, 3500, 2600), outline=(200, 20, 30), width=25)
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        path = folder / f"IMG_{2024 + i}.jpg"
        img.save(path, "JPEG", quality=90)
        paths.append(path)
    return paths


def make_case(folder: Path, provider: str, photos: list[Path]) -> Path:
    from assistant.core.bundle import sample_case
    from assistant.core.model import Attachment, save_case

    case = sample_case("zh", dt.date.today())
    case.provider = provider
    case.region = "mainland" if provider == "tencent" else None
    case.remarks.description = "会员注册与登录验证码"
    case.letter.valid_until = dt.date.today().replace(year=dt.date.today().year + 2)
    for doc, photo in zip(DOCS, photos, strict=True):
        case.attachments.append(Attachment(doc, str(photo), ""))
    path = folder / f"{provider}.smscase.json"
    save_case(case, path)
    return path


def zip_files(files: list[Path], out: Path, method: int) -> None:
    with zipfile.ZipFile(out, "w", method) as zf:
        for f in files:
            zf.write(f, f.name)


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def bench_six_photos(work: Path, repeat: int) -> dict[str, float]:
    from assistant.core.bundle import export_case as core_export
    from assistant.render import checklist_pdf_bytes

    def export_case(*args, **kwargs):
        return core_export(*args, render_checklist=checklist_pdf_bytes, **kwargs)

    photos = make_photos(work / "photos")
    total_mb = sum(p.stat().st_size for p in photos) / 1e6
    deflated = timed(lambda: zip_files(photos, work / "deflated.zip", zipfile.ZIP_DEFLATED), repeat)
    stored = timed(lambda: zip_files(photos, work / "stored.zip", zipfile.ZIP_STORED), repeat)
    out: dict[str, float] = {
        "photos_mb": total_mb,
        "zip_deflated_s": deflated,
        "zip_stored_s": stored,
    }
    # warm-up: imports, rule packs, Qt, fonts (a GUI or batch pays these once)
    warm = make_case(work, "tencent", photos)
    export_case(warm, work / "warm.zip", force=True, prepared_on=DAY)
    for provider in ("tencent", "alibaba"):
        case = make_case(work, provider, photos)
        result = export_case(case, work / f"{provider}.zip", force=True, prepared_on=DAY)
        assert result.output is not None, [f.to_dict() for f in result.findings]
        seconds = timed(
            lambda c=case, p=provider: export_case(
                c, work / f"{p}.zip", force=True, prepared_on=DAY
            ),
            repeat,
        )
        out[f"{provider}_export_s"] = seconds
        out[f"{provider}_ratio_deflated"] = seconds / deflated
        out[f"{provider}_ratio_stored"] = seconds / stored
        out[f"{provider}_bundle_mb"] = (work / f"{provider}.zip").stat().st_size / 1e6
        out[f"{provider}_fixed_files"] = sum(1 for f in result.files if f.get("fixes"))
    return out


_CHILD = """
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import datetime as dt
from assistant.core.bundle import export_batch
import assistant.render, docx, PIL.Image  # the same imports as a batch
if sys.argv[1] == "run":
    t = time.perf_counter()
    result = export_batch(sys.argv[2], sys.argv[3], prepared_on=dt.date(2026, 3, 2),
                          render_checklist=assistant.render.checklist_pdf_bytes)
    seconds = time.perf_counter() - t
    statuses = [r.status for r in result.rows]
else:
    seconds, statuses = 0.0, []
try:  # VmHWM: this process's peak (ru_maxrss would include the parent's peak before exec)
    with open("/proc/self/status") as fh:
        peak = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "ok": statuses.count("ok"), "n": len(statuses)}))
"""


def bench_batch(work: Path, cases: int) -> dict[str, float]:
    from assistant.core.bundle import write_sample_images
    from assistant.core.model import load_case, save_case

    samples = write_sample_images(work / "samples")
    folder = work / "cases"
    template = make_case(work, "tencent", [samples["business_license"]] * 6)
    case, _ = load_case(template)
    assert case is not None
    case.attachments = case.attachments[:2]
    case.attachments[1].document = "authorization_letter"
    case.attachments[1].path = str(samples["authorization_letter"])
    for i in range(cases):
        client = folder / f"client-{i:03d}"
        client.mkdir(parents=True)
        shutil.copy(samples["business_license"], client / "license.jpg")
        shutil.copy(samples["authorization_letter"], client / "letter.jpg")
        case.attachments[0].path = str(client / "license.jpg")
        case.attachments[1].path = str(client / "letter.jpg")
        case.signature_names = [f"云朵{i:03d}"]
        save_case(case, client / "case.smscase.json")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    base = json.loads(
        subprocess.run(
            [sys.executable, "-c", _CHILD, "idle"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
    )
    run = json.loads(
        subprocess.run(
            [sys.executable, "-c", _CHILD, "run", str(folder), str(work / "bundles")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
    )
    return {
        "cases": run["n"],
        "exported_ok": run["ok"],
        "batch_s": run["seconds"],
        "per_case_ms": 1000 * run["seconds"] / max(1, run["n"]),
        "peak_rss_mb": run["peak_mb"],
        "imports_only_rss_mb": base["peak_mb"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cases", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        work = Path(tmp)
        six = bench_six_photos(work / "six", args.repeat)
        print(
            "six 12 MP photos ({photos_mb:.1f} MB): zip deflated {zip_deflated_s:.3f} s, stored {zip_stored_s:.3f} s".format(
                **six
            )
        )
        for p in ("tencent", "alibaba"):
            print(
                f"  export {p:8}: {six[f'{p}_export_s']:.3f} s = {six[f'{p}_ratio_deflated']:.2f} x deflated zip "
                f"({six[f'{p}_ratio_stored']:.1f} x stored); bundle {six[f'{p}_bundle_mb']:.1f} MB, "
                f"{int(six[f'{p}_fixed_files'])} files fixed"
            )
        batch = bench_batch(work / "batch", args.cases)
        print(
            "batch of {cases} cases: {batch_s:.1f} s ({per_case_ms:.0f} ms per case), {exported_ok} ok; "
            "peak RSS {peak_rss_mb:.0f} MB (imports alone {imports_only_rss_mb:.0f} MB)".format(
                **batch
            )
        )
        print(json.dumps({"six_photos": six, "batch": batch}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
