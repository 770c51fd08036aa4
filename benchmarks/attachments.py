"""Attachment inspection and shrinking, as ratios against bare Pillow on the same files.

Run: ``python benchmarks/attachments.py [--repeat N] [--json]``. In one run, on the same generated
files (12 MP and 24 MP photos, a 48 MP phone photo stored sideways with GPS and a camera serial,
a 12 MP HEIC with GPS, a ~2 MB PNG screenshot, a 10-page scanned PDF), it reports:

- inspect ratio = ``inspect_file`` time / a bare full decode of the same file (Pillow; for the
  PDF a plain Pillow decode of every page's image stream, not pypdf's image extraction). Goal
  <= 0.5 for photos (no full-resolution decode).
- shrink ratio = ``fix_file`` to Alibaba's 2 MB (it inspects, fixes and re-inspects) / one full
  decode + one JPEG encode at quality 90 of the same file. Goal <= 3 (the 48 MP photo: <= 1.5,
  see ``benchmarks/photos.py``, which also measures the HEIC conversion).
- peak memory: ``ru_maxrss`` of a fresh process after one operation, minus the same process once
  its imports and rule packs are loaded (the growth the operation caused), ours vs the bare
  decode.

Ours and the baseline run alternately ``--repeat`` times (at least 5): min and median of each
ratio. They never gate tests. ``*_doc`` photos are document-like (little sensor noise); the
others are noisy, the worst case for JPEG entropy decoding, which no reduced decode can skip.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from benchmarks import photos  # noqa: E402


# --------------------------------------------------------------------------------------- files
def screenshot_png(path: Path, target: int = 2_300_000) -> Path:
    """A back-office screenshot: flat UI, text, and a photo-like banner; ~2 MB as PNG."""
    from tests.core import corpus

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


NAMES = {
    "photo_12mp": "photo_12mp.jpg",
    "photo_24mp": "photo_24mp.jpg",
    "photo_24mp_doc": "photo_24mp_doc.jpg",
    "photo_48mp_rotated_gps": "IMG_4800.jpg",
    "heic_12mp_gps": "IMG_1200.HEIC",
    "screenshot_png": "screenshot.png",
    "scanned_pdf_10p": "scan.pdf",
}


def write_files(d: Path) -> None:
    from tests.core import corpus

    corpus.noisy_photo((4000, 3000), seed=1).save(d / NAMES["photo_12mp"], quality=92)
    corpus.noisy_photo((6000, 4000), seed=2).save(d / NAMES["photo_24mp"], quality=92)
    corpus.document_image((6000, 4000), seed=3).save(d / NAMES["photo_24mp_doc"], quality=92)
    photos.photo_48mp(d / NAMES["photo_48mp_rotated_gps"])
    photos.heic_12mp(d / NAMES["heic_12mp_gps"])
    screenshot_png(d / NAMES["screenshot_png"])
    corpus.scanned_pdf(d / NAMES["scanned_pdf_10p"], pages=10, size=(1654, 2339))


def make_files(d: Path) -> dict[str, Path]:
    """Generated in a child process, so this one stays small for the peak-memory children."""
    subprocess.run([sys.executable, __file__, "--make", str(d)], check=True)
    return {name: d / filename for name, filename in NAMES.items()}


# --------------------------------------------------------------------------------------- baselines
def bare_decode(path: Path) -> None:
    """A full decode: Pillow (pillow-heif for HEIC); a PDF's page images decoded by Pillow from
    their streams (a scan's JPEG as it is stored)."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        for page in PdfReader(path).pages:
            xobjects = page.get("/Resources", {}).get("/XObject", {})
            for ref in xobjects.values():
                obj = ref.get_object()
                if obj.get("/Subtype") == "/Image" and obj.get("/Filter") == "/DCTDecode":
                    with Image.open(io.BytesIO(obj.get_data())) as im:
                        im.load()
        return
    photos.decode(path)


def decode_encode(path: Path) -> None:
    photos.decode_encode(path)


def ours_inspect(path: Path) -> None:
    from assistant.core.attachments import inspect_file

    inspect_file(path, "alibaba", "business_license")


def ours_shrink(path: Path) -> None:
    photos.fix(path, "alibaba")


OPS: dict[str, Callable[[Path], None]] = {
    "bare_decode": bare_decode,
    "decode_encode": decode_encode,
    "inspect": ours_inspect,
    "shrink": ours_shrink,
}


def ratios(ours: Callable[[], object], base: Callable[[], object], repeat: int) -> dict[str, float]:
    """Min and median of ours, the baseline and their ratio, run alternately after a warm-up."""
    ours()
    base()
    o, b = photos.interleaved(ours, base, repeat)
    r = [x / y for x, y in zip(o, b, strict=True)]
    return {
        "ours_min": min(o),
        "ours_median": statistics.median(o),
        "base_min": min(b),
        "base_median": statistics.median(b),
        "ratio_min": min(r),
        "ratio_median": statistics.median(r),
    }


def peak_growth_mb(op: str, path: Path) -> float | None:
    """Growth of ``ru_maxrss`` (MB) that one ``op`` on ``path`` causes in a fresh process."""
    out = subprocess.run(
        [sys.executable, __file__, "--peak", op, str(path)], capture_output=True, text=True
    )
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def _peak_here(op: str, path: Path) -> float:
    with tempfile.TemporaryDirectory() as d:  # warm imports and rule packs on a tiny picture
        tiny = Path(d) / "tiny.jpg"
        Image.new("RGB", (64, 48), (200, 200, 200)).save(tiny, "JPEG")
        from assistant.core.attachments import fix_file

        ours_inspect(tiny)
        fix_file(tiny, "alibaba", Path(d) / "t.jpg", "business_license")
        if path.suffix.lower() == ".heic":
            import pillow_heif  # noqa: F401
        before = photos.maxrss_mb()
        OPS[op](path)
        return photos.maxrss_mb() - before


# --------------------------------------------------------------------------------------- main
def _dims(path: Path) -> str:
    if path.suffix == ".pdf":
        return "10 pages"
    if path.suffix.lower() == ".heic":
        import pillow_heif

        width, height = pillow_heif.open_heif(path).size
        return f"{width}x{height}"
    with Image.open(path) as im:
        return f"{im.width}x{im.height}"


def _shrinks(path: Path) -> bool:
    return path.suffix.lower() in (".jpg", ".png", ".heic") and path.stat().st_size > 2 << 20


def bench(files: dict[str, Path], repeat: int) -> list[dict[str, object]]:
    peaks = {  # first, while this process is small (a child's ru_maxrss starts at its size)
        (name, op): peak_growth_mb(op, path)
        for name, path in files.items()
        for op in ("bare_decode", "inspect", *(("shrink",) if _shrinks(path) else ()))
    }
    rows = []
    for name, path in files.items():
        row: dict[str, object] = {"file": name, "bytes": path.stat().st_size, "pixels": _dims(path)}
        row["inspect"] = ratios(
            lambda p=path: ours_inspect(p), lambda p=path: bare_decode(p), repeat
        )
        if _shrinks(path):
            row["shrink"] = ratios(
                lambda p=path: ours_shrink(p), lambda p=path: decode_encode(p), repeat
            )
        row["peak_mb"] = {op: mb for (n, op), mb in peaks.items() if n == name}
        rows.append(row)
    return rows


def _ratio(r: object) -> str:
    if not isinstance(r, dict):
        return f"{'-':>11}"
    return f"{r['ratio_min']:5.2f}/{r['ratio_median']:5.2f}"


def report(rows: list[dict[str, object]], repeat: int) -> None:
    print(f"{repeat} runs each, alternately; ratios min/median; peak = growth of ru_maxrss (MB)")
    print(
        f"{'file':23} {'size':>8} {'pixels':>10} | {'inspect':>11} {'decode ms':>9} |"
        f" {'shrink':>11} {'dec+enc ms':>10} | peak decode/inspect/shrink"
    )
    for r in rows:
        ins, shr, peak = r["inspect"], r.get("shrink"), r["peak_mb"]
        assert isinstance(ins, dict) and isinstance(peak, dict)
        base = f"{ins['base_median'] * 1000:9.0f}"
        sbase = f"{shr['base_median'] * 1000:10.0f}" if isinstance(shr, dict) else f"{'-':>10}"
        peaks = "/".join(
            f"{peak[k]:.0f}" if isinstance(peak.get(k), float) else "-"
            for k in ("bare_decode", "inspect", "shrink")
        )
        print(
            f"{r['file']:23} {int(r['bytes']) / 1e6:6.2f}MB {r['pixels']:>10} | {_ratio(ins)} {base} |"  # type: ignore[call-overload]
            f" {_ratio(shr)} {sbase} | {peaks}"
        )
    print("goals: inspect ratio <= 0.5 (photos), shrink ratio <= 3 (48 MP: <= 1.5, photos.py)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--peak", nargs=2, metavar=("OP", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--make", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        write_files(Path(args.make))
        return 0
    if args.peak:
        print(_peak_here(args.peak[0], Path(args.peak[1])))
        return 0
    repeat = max(5, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        rows = bench(make_files(Path(tmp)), repeat)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        report(rows, repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
