"""Photos (#18): fixing phone photos against one decode + one encode of the same file.

Run: ``python benchmarks/photos.py [--repeat N] [--json]``. On generated files, in one run:

- ``shrink_48mp`` — ``fix_file`` of a 48 MP phone photo (8000x6000 JPEG, 14 MB, stored sideways
  with EXIF orientation 6, GPS and a camera serial) to Alibaba's 2 MB, against one Pillow decode
  + one JPEG encode (quality 90) of the same file. Goal: ratio <= 1.5, peak <= 250 MB.
- ``heic_fix`` — ``fix_file`` of a 12 MP iPhone-like HEIC (4032x3024, GPS) to a JPEG for Tencent,
  against one pillow-heif decode + one JPEG encode (quality 90). Goal: ratio <= 1.15.

``fix_file`` is timed as the CLI's ``fix-file`` runs it: it inspects the file itself, fixes it
and re-inspects what it wrote. Ours and the baseline run alternately (so both see the same load)
``--repeat`` times (at least 5): min and median of each and of the ratio of each pair. Peak
memory: ``ru_maxrss`` of a fresh process after one operation (absolute, and the growth over the
same process once its imports and rule packs are loaded), ours next to the baseline's. The
export of six photos is ``benchmarks/export.py``. Timings never gate tests.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

GOALS = {"shrink_48mp": 1.5, "heic_fix": 1.15}
PEAK_GOAL_MB = {"shrink_48mp": 250.0}
PROVIDER = {"shrink_48mp": "alibaba", "heic_fix": "tencent"}


# --------------------------------------------------------------------------------------- files
def phone_exif(orientation: int = 6) -> Image.Exif:
    """EXIF as phones write it: maker, model, orientation, a GPS position, a body serial."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 48"
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 2.0)}
    exif[0x8769] = {0xA431: "SN-4800-0042"}
    return exif


def photo_48mp(path: Path) -> Path:
    """8000x6000: a document on a textured table with sensor noise, sideways, GPS, serial."""
    from tests.core import corpus

    corpus.noisy_photo((8000, 6000), seed=48).save(path, "JPEG", quality=92, exif=phone_exif(6))
    return path


def heic_12mp(path: Path) -> Path:
    """4032x3024 HEIC (an iPhone's size) with GPS in its EXIF (about 8 s to encode)."""
    import pillow_heif

    from tests.core import corpus

    heif = pillow_heif.from_pillow(corpus.noisy_photo((4032, 3024), seed=12))
    heif.save(path, quality=80, exif=phone_exif(1).tobytes())
    return path


FILES = {"shrink_48mp": "IMG_4800.jpg", "heic_fix": "IMG_1200.HEIC"}


def make_files(d: Path) -> dict[str, Path]:
    """The files, generated in a child process: this one stays small, so the children that
    measure peak memory start small too (a child's ru_maxrss starts at its parent's size)."""
    subprocess.run([sys.executable, __file__, "--make", str(d)], check=True)
    return {name: d / filename for name, filename in FILES.items()}


# --------------------------------------------------------------------------------------- operations
def decode(path: Path) -> Image.Image:
    """One full decode with Pillow (pillow-heif for HEIC)."""
    if path.suffix.lower() == ".heic":
        import pillow_heif

        return pillow_heif.open_heif(path, convert_hdr_to_8bit=True).to_pillow()
    im = Image.open(path)
    im.load()
    return im


def decode_encode(path: Path) -> None:
    """The baseline: one decode and one JPEG encode (quality 90) of the same file."""
    im = decode(path)
    if im.mode not in ("RGB", "L"):  # (convert copies even an RGB picture)
        im = im.convert("RGB")
    im.save(io.BytesIO(), "JPEG", quality=90)


def fix(path: Path, provider: str) -> str:
    """Ours: ``fix_file`` (inspect, fix, re-inspect) to a JPEG; returns what it did."""
    from assistant.core.attachments import fix_file

    with tempfile.TemporaryDirectory() as d:
        result = fix_file(path, provider, Path(d) / "fixed.jpg", "business_license")
        assert result.ok, [f.message for f in result.findings]
        out = result.outputs[0]
        with Image.open(out) as im:
            return f"{im.width}x{im.height}, {out.stat().st_size / 1e6:.2f} MB"


def interleaved(
    ours: Callable[[], object], base: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """Wall-clock seconds of ``ours`` and ``base``, run alternately ``repeat`` times each."""
    ours_s, base_s = [], []
    for _ in range(repeat):
        for fn, into in ((ours, ours_s), (base, base_s)):
            start = time.perf_counter()
            fn()
            into.append(time.perf_counter() - start)
    return ours_s, base_s


def summary(values: list[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values)}


# --------------------------------------------------------------------------------------- memory
def maxrss_mb() -> float:
    """This process's peak resident memory so far (Linux: ru_maxrss is in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_child(op: str, path: Path, provider: str) -> dict[str, float] | None:
    """Peak memory of one ``op`` ("ours" or "base") on ``path`` in a fresh process: absolute, and
    the growth over the process once its imports (and for ours the rule packs) are loaded."""
    proc = subprocess.run(
        [sys.executable, __file__, "--peak", op, str(path), provider],
        capture_output=True,
        text=True,
    )
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]
    except (ValueError, IndexError):
        print(proc.stderr, file=sys.stderr)
        return None


def _peak_here(op: str, path: Path, provider: str) -> dict[str, float]:
    """In the child: warm up on a tiny picture (never on ``path``), then one ``op``."""
    with tempfile.TemporaryDirectory() as d:
        tiny = Path(d) / "tiny.jpg"
        Image.new("RGB", (64, 48), (200, 200, 200)).save(tiny, "JPEG")
        if op == "ours":
            from assistant.core.attachments import fix_file

            fix_file(tiny, provider, Path(d) / "t.jpg", "business_license")
        if path.suffix.lower() == ".heic":
            import pillow_heif  # noqa: F401
        before = maxrss_mb()
        if op == "ours":
            fix(path, provider)
        else:
            decode_encode(path)
        after = maxrss_mb()
    return {"peak_mb": after, "growth_mb": after - before, "vm_hwm_mb": _vm_hwm_mb()}


def _vm_hwm_mb() -> float:
    """The kernel's high-water mark of this process's memory (a cross-check of ru_maxrss)."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return float("nan")


# --------------------------------------------------------------------------------------- main
def bench(files: dict[str, Path], repeat: int) -> dict[str, dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    peaks = {  # first, while this process is small
        (name, op): peak_child(op, path, PROVIDER[name])
        for name, path in files.items()
        for op in ("ours", "base")
    }
    for name, path in files.items():
        provider = PROVIDER[name]
        did = fix(path, provider)  # warm: imports, rule packs, plugins, the page cache
        decode_encode(path)
        ours, base = interleaved(
            lambda p=path, v=provider: fix(p, v), lambda p=path: decode_encode(p), repeat
        )
        ratios = [o / b for o, b in zip(ours, base, strict=True)]
        rows[name] = {
            "file": f"{path.name} ({path.stat().st_size / 1e6:.1f} MB)",
            "provider": provider,
            "fixed": did,
            "ours_s": summary(ours),
            "baseline_s": summary(base),
            "ratio": summary(ratios),
            "goal": GOALS[name],
            "peak_ours": peaks[name, "ours"],
            "peak_baseline": peaks[name, "base"],
        }
    return rows


def _line(label: str, s: dict[str, float], unit: str = "s") -> str:
    return f"    {label:10} min {s['min']:7.3f}{unit}  median {s['median']:7.3f}{unit}"


def report(rows: dict[str, dict[str, object]], repeat: int) -> None:
    print(f"{repeat} runs each, ours and the baseline alternately")
    for name, r in rows.items():
        print(f"  {name}: {r['file']} -> {r['provider']}, fixed copy {r['fixed']}")
        print(_line("fix_file", r["ours_s"]))  # type: ignore[arg-type]
        print(_line("baseline", r["baseline_s"]) + "  (one decode + one JPEG encode)")  # type: ignore[arg-type]
        print(_line("ratio", r["ratio"], "") + f"   (goal <= {r['goal']})")  # type: ignore[arg-type]
        ours, base = r["peak_ours"], r["peak_baseline"]
        if isinstance(ours, dict) and isinstance(base, dict):
            goal = PEAK_GOAL_MB.get(name)
            print(
                f"    peak RSS   ours {ours['peak_mb']:.0f} MB (+{ours['growth_mb']:.0f} for the fix), "
                f"baseline {base['peak_mb']:.0f} MB (+{base['growth_mb']:.0f})"
                + (f"   (goal <= {goal:.0f} MB)" if goal else "")
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--peak", nargs=3, metavar=("OP", "FILE", "PROVIDER"), help=argparse.SUPPRESS
    )
    parser.add_argument("--make", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        photo_48mp(Path(args.make) / FILES["shrink_48mp"])
        heic_12mp(Path(args.make) / FILES["heic_fix"])
        return 0
    if args.peak:
        print(json.dumps(_peak_here(args.peak[0], Path(args.peak[1]), args.peak[2])))
        return 0
    repeat = max(5, args.repeat)
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as tmp:
        rows = bench(make_files(Path(tmp)), repeat)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        report(rows, repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
