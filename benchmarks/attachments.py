"""Attachment inspection and shrinking, as ratios against bare Pillow on the same files.

Run: ``python benchmarks/attachments.py [--repeat N] [--json]``. In one run, on the same generated
files (12 MP and 24 MP photos, a ~2 MB PNG screenshot, a 10-page scanned PDF), it reports:

- inspect ratio = ``inspect_file`` time / a bare Pillow full decode of the same file (for the
  PDF: full decode of every page image). Goal ≤ 0.5 (photos: no full-resolution decode).
- shrink ratio = ``fix_file`` to Alibaba's 2 MB / (one full decode + one JPEG encode at quality
  90 of the same file). Goal ≤ 3.
- peak memory: extra resident memory of one operation, measured in a fresh child process
  (``ru_maxrss`` after minus before), ours vs the bare decode.

Timings are the best of N runs (least disturbed by other load); they never gate tests.
``*_doc`` photos are document-like (little sensor noise); the others are noisy, the worst case
for JPEG entropy decoding, which no reduced decode can skip.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from assistant.core.attachments import fix_file, inspect_file  # noqa: E402
from tests.core import corpus  # noqa: E402


# --------------------------------------------------------------------------------------- files
def screenshot_png(path: Path, target: int = 2_300_000) -> Path:
    """A back-office screenshot: flat UI, text, and a photo-like banner; ~2 MB as PNG."""
    w, h = 2560, 1600
    im = Image.new("RGB", (w, h), (250, 250, 252))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 64), fill=(32, 92, 200))
    d.rectangle((0, 64, 260, h), fill=(238, 240, 244))
    text = corpus.document_image((w - 300, h - 700), seed=9, lines=30)
    im.paste(text, (280, 660))
    banner_h = 120
    while True:
        banner = corpus.noisy_photo((w - 300, banner_h), seed=4)
        im.paste(banner, (280, 90))
        buf = io.BytesIO()
        im.save(buf, "PNG")
        if buf.tell() >= target or banner_h >= 560:
            break
        banner_h += 40
    path.write_bytes(buf.getvalue())
    return path


def make_files(d: Path) -> dict[str, Path]:
    files = {}
    files["photo_12mp"] = d / "photo_12mp.jpg"
    corpus.noisy_photo((4000, 3000), seed=1).save(files["photo_12mp"], quality=92)
    files["photo_24mp"] = d / "photo_24mp.jpg"
    corpus.noisy_photo((6000, 4000), seed=2).save(files["photo_24mp"], quality=92)
    files["photo_24mp_doc"] = d / "photo_24mp_doc.jpg"
    corpus.document_image((6000, 4000), seed=3).save(files["photo_24mp_doc"], quality=92)
    files["screenshot_png"] = screenshot_png(d / "screenshot.png")
    files["scanned_pdf_10p"] = corpus.scanned_pdf(d / "scan.pdf", pages=10, size=(1654, 2339))
    return files


# --------------------------------------------------------------------------------------- baselines
def bare_decode(path: Path) -> None:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        for page in PdfReader(path).pages:
            for img in page.images:
                with Image.open(io.BytesIO(img.data)) as im:
                    im.load()
        return
    with Image.open(path) as im:
        im.load()


def decode_encode(path: Path) -> None:
    with Image.open(path) as im:
        im.load()
        buf = io.BytesIO()
        im.convert("RGB").save(buf, "JPEG", quality=90)


def ours_inspect(path: Path) -> None:
    inspect_file(path, "alibaba", "business_license")


def ours_shrink(path: Path) -> None:
    with tempfile.TemporaryDirectory() as d:
        result = fix_file(path, "alibaba", Path(d) / "out.jpg", "business_license")
        assert result.ok, result.findings


OPS: dict[str, Callable[[Path], None]] = {
    "bare_decode": bare_decode,
    "decode_encode": decode_encode,
    "inspect": ours_inspect,
    "shrink": ours_shrink,
}


def best_time(fn: Callable[[], None], repeat: int) -> float:
    """Best of ``repeat`` wall-clock runs after one warm-up: the least disturbed by other load."""
    fn()  # warm caches (rule packs, plugins, page cache)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def measure_peak(op: str, path: Path) -> float | None:
    """In this process: reset the kernel's high-water mark (``/proc/self/clear_refs``), run
    ``op``, return VmHWM - VmRSS before, in MB. Meaningful only in a fresh process."""
    gc.collect()
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        before = _status_kb("VmRSS")
        OPS[op](path)
        after = _status_kb("VmHWM")
    except OSError:
        return None
    return (after - before) / 1024


def peak_mb(op: str, path: Path) -> float | None:
    """Extra peak resident memory (MB) of one ``op`` on ``path``, in a fresh child process (so
    no memory kept by earlier work hides it). Linux only; None elsewhere."""
    out = subprocess.run(
        [sys.executable, __file__, "--peak", op, str(path)], capture_output=True, text=True
    )
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--peak", nargs=2, metavar=("OP", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        OPS["inspect"](Path(args.peak[1]))  # warm imports and rule packs outside the measure
        print(measure_peak(args.peak[0], Path(args.peak[1])))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp))
        for name, path in files.items():
            size = path.stat().st_size
            if path.suffix == ".pdf":
                dims = "10 pages"
            else:
                with Image.open(path) as im:
                    dims = f"{im.width}x{im.height}"
            row: dict[str, object] = {"file": name, "bytes": size, "pixels": dims}
            base = best_time(lambda p=path: bare_decode(p), args.repeat)
            ours = best_time(lambda p=path: ours_inspect(p), args.repeat)
            row.update(decode_s=base, inspect_s=ours, inspect_ratio=ours / base)
            row["peak_mb_decode"] = peak_mb("bare_decode", path)
            row["peak_mb_inspect"] = peak_mb("inspect", path)
            if path.suffix in (".jpg", ".png") and size > 2 * 1024 * 1024:
                denom = best_time(lambda p=path: decode_encode(p), args.repeat)
                shrink = best_time(lambda p=path: ours_shrink(p), max(1, args.repeat // 2))
                row.update(decode_encode_s=denom, shrink_s=shrink, shrink_ratio=shrink / denom)
                row["peak_mb_shrink"] = peak_mb("shrink", path)
            rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        f"{'file':16} {'size':>8} {'pixels':>10} | {'decode':>7} {'inspect':>7} {'ratio':>5} |"
        f" {'dec+enc':>7} {'shrink':>7} {'ratio':>5} | peak MB decode/inspect/shrink"
    )
    for r in rows:
        shrink = (
            f"{r['decode_encode_s'] * 1000:6.0f}ms {r['shrink_s'] * 1000:6.0f}ms {r['shrink_ratio']:5.2f}"
            if "shrink_ratio" in r
            else f"{'-':>8} {'-':>8} {'-':>5}"
        )
        peaks = "/".join(
            f"{r[k]:.0f}" if isinstance(r.get(k), float) else "-"
            for k in ("peak_mb_decode", "peak_mb_inspect", "peak_mb_shrink")
        )
        print(
            f"{r['file']:16} {r['bytes'] / 1e6:6.2f}MB {r['pixels']:>10} | "
            f"{r['decode_s'] * 1000:5.0f}ms {r['inspect_s'] * 1000:5.0f}ms {r['inspect_ratio']:5.2f} | "
            f"{shrink} | {peaks}"
        )
    print("goals: inspect ratio <= 0.5 (photos), shrink ratio <= 3")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
