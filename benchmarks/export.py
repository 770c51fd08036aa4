"""Benchmark of one export against the work no export can skip (issues #5, #18).

A case with six 12 MP phone photos of documents, each rotated (EXIF orientation 6) and tagged
with GPS, so every provider's export must fix every photo (turn it upright, drop the metadata;
for Alibaba also bring it under 2 MB). Baseline, in the same run on the same files: per photo one
full decode, the rotation and one JPEG encode at the quality the export chose for it (what the
fixes need), then a *stored* zip of the results — a deflated zip of JPEGs would flatter us
(deflate is slow and gains nothing on JPEG).

For Tencent and Alibaba it prints, over ``--repeat`` runs (at least 5, the export and the
baseline alternately so both see the same load), the min and the median of the export time, of
the baseline time and of the ratio of each pair (goal <= 1.5), and the peak resident memory
(``ru_maxrss``) of a fresh process doing one export next to one doing the baseline.

Run: ``python benchmarks/export.py [--repeat 5]``. Timings never gate tests; the batch benchmark
is ``benchmarks/batch.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
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
PROVIDERS = ("tencent", "alibaba")


def make_photos(folder: Path) -> list[Path]:
    """Six 4000x3000 JPEGs that look like phone photos of documents (paper, text, noise), stored
    sideways with EXIF orientation 6 and a GPS position, as phones write them."""
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
        exif = Image.Exif()
        exif[0x0112] = 6  # orientation: rotate 90 degrees to show upright
        exif[0x8825] = {1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 2.0)}
        path = folder / f"IMG_{2024 + i}.jpg"
        img.save(path, "JPEG", quality=90, exif=exif)
        paths.append(path)
    return paths


def make_case(folder: Path, provider: str, photos: list[Path]) -> Path:
    from assistant.core.bundle import sample_case
    from assistant.core.model import Attachment, save_case

    case = sample_case("zh", dt.date.today())
    case.provider = provider
    case.region = "mainland" if provider == "tencent" else None
    for doc, photo in zip(DOCS, photos, strict=True):
        case.attachments.append(Attachment(doc, str(photo), ""))
    path = folder / f"{provider}.smscase.json"
    save_case(case, path)
    return path


def baseline(photos: list[Path], out: Path, qualities: dict[str, int]) -> None:
    """One decode, the rotation and one encode per photo (at the quality the export chose for
    it, ``qualities`` by file name), then a stored zip."""
    from PIL import Image, ImageOps

    encoded = []
    for photo in photos:
        with Image.open(photo) as im:
            upright = ImageOps.exif_transpose(im)
            target = out.with_name(photo.name)
            upright.save(target, "JPEG", quality=qualities.get(photo.name, 95))
            encoded.append(target)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for path in encoded:
            zf.write(path, path.name)


def _export(case: Path, out: Path) -> dict[str, object]:
    from assistant.core.bundle import export_case
    from assistant.render import checklist_pdf_bytes

    result = export_case(
        case, out, force=True, prepared_on=DAY, render_checklist=checklist_pdf_bytes
    )
    assert result.output is not None, [f.to_dict() for f in result.findings]
    return {"fixed": sum(1 for f in result.files if f.get("fixes")), "files": result.files}


def jpeg_quality(data: bytes) -> int | None:
    """The quality Pillow (libjpeg's standard tables) encoded ``data`` with, or None."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        table = list(im.quantization[0])  # type: ignore[attr-defined]
    for q in range(100, 0, -1):
        buf = io.BytesIO()
        Image.new("L", (8, 8)).save(buf, "JPEG", quality=q)
        with Image.open(buf) as probe:
            if list(probe.quantization[0]) == table:  # type: ignore[attr-defined]
                return q
    return None


def chosen_qualities(bundle: Path) -> dict[str, int]:
    """For each photo (by its original name): the JPEG quality its fixed copy in ``bundle`` has."""
    out = {}
    with zipfile.ZipFile(bundle) as zf:
        for entry in json.loads(zf.read("manifest.json"))["files"]:
            if entry.get("role") == "attachment" and entry.get("original"):
                q = jpeg_quality(zf.read(str(entry["path"])))
                if q is not None:
                    out[str(entry["original"])] = q
    return out


def alternately(export, base, repeat: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Wall-clock seconds of ``export`` and ``base``, run one after the other ``repeat`` times."""
    from benchmarks.photos import interleaved

    return interleaved(export, base, repeat)


_PEAK = """
import json, os, resource, sys
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.argv = sys.argv[1:]
import benchmarks.export as bench
from pathlib import Path
if sys.argv[1] == "export":
    bench._export(Path(sys.argv[2]), Path(sys.argv[3]))
else:
    photos = sorted(Path(sys.argv[2]).glob("IMG_*.jpg"))
    bench.baseline(photos, Path(sys.argv[3]), json.loads(sys.argv[4]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_mb(*args: str) -> float:
    """Peak resident memory (``ru_maxrss``) of a fresh process doing one export or baseline."""
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK, str(ROOT), *args], capture_output=True, text=True, check=True
    )
    return float(proc.stdout.strip().splitlines()[-1])


_MAKE = """
import sys
sys.path.insert(0, sys.argv[1])
import benchmarks.export as bench
from pathlib import Path
bench.make_photos(Path(sys.argv[2]))
"""


def bench(work: Path, repeat: int) -> dict[str, dict[str, object]]:
    # the photos made and the peaks measured in children first: a child's ru_maxrss starts at
    # the size of the process that started it, so this one stays small until then
    subprocess.run([sys.executable, "-c", _MAKE, str(ROOT), str(work / "photos")], check=True)
    photos = sorted((work / "photos").glob("IMG_*.jpg"))
    cases = {p: make_case(work, p, photos) for p in PROVIDERS}
    out: dict[str, dict[str, object]] = {}
    chosen: dict[str, dict[str, int]] = {}
    for provider, case in cases.items():
        bundle = work / f"{provider}-peak.zip"
        peak_export = peak_mb("export", str(case), str(bundle))
        qualities = chosen[provider] = chosen_qualities(bundle)
        base = work / "peak-base" / "b.zip"
        base.parent.mkdir(exist_ok=True)
        out[provider] = {
            "qualities": sorted(set(qualities.values())),
            "bundle_mb": bundle.stat().st_size / 1e6,
            "peak_export_mb": peak_export,
            "peak_baseline_mb": peak_mb(
                "baseline", str(work / "photos"), str(base), json.dumps(qualities)
            ),
        }
    for provider, case in cases.items():
        zip_out = work / f"{provider}.zip"
        base_out = work / "base" / f"{provider}.zip"
        base_out.parent.mkdir(exist_ok=True)
        # warm: imports, rule packs, Qt and fonts (paid once per process)
        out[provider]["fixed_files"] = _export(case, zip_out)["fixed"]
        exports, bases = alternately(
            lambda c=case, z=zip_out: _export(c, z),
            lambda o=base_out, q=chosen[provider]: baseline(photos, o, q),
            repeat,
        )
        out[provider].update(
            export_s=exports,
            baseline_s=bases,
            ratio=[e / b for e, b in zip(exports, bases, strict=True)],
        )
    return out


def _stats(values: object) -> str:
    assert isinstance(values, list)
    return f"min {min(values):6.3f}  median {statistics.median(values):6.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        results = bench(Path(tmp), max(5, args.repeat))
    print(f"six 12 MP photos, rotated and GPS-tagged, {max(5, args.repeat)} runs:")
    for provider, r in results.items():
        print(
            f"  {provider}: {r['fixed_files']} files fixed (JPEG quality {r['qualities']}),"
            f" bundle {r['bundle_mb']:.1f} MB"
        )
        print(f"    export    s  {_stats(r['export_s'])}")
        print(f"    baseline  s  {_stats(r['baseline_s'])}  (decode + rotate + encode, stored zip)")
        print(f"    ratio        {_stats(r['ratio'])}  (goal <= 1.5)")
        print(
            f"    peak RSS     export {r['peak_export_mb']:.0f} MB, "
            f"baseline {r['peak_baseline_mb']:.0f} MB"
        )
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
