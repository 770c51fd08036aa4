"""Reading a 12 MP licence photo, as a ratio to the OCR package's default call on the same file.

Run: ``python benchmarks/ocr.py [--repeat N] [--json]`` (needs the ``ocr`` extra). In one run, on
the same generated photo (4000×3000 JPEG of a business licence, rotated 2.5°, at an angle, blurred,
with a diagonal "仅供招商银行开户使用" watermark, a red seal and a QR code):

- baseline: ``RapidOCR()(path)``, the package's default full-image call (decode, detection on the
  picture reduced to 2000 pixels, angle classification and recognition of every box);
- ours: ``assistant.core.evidence.check_document(path, …, "business_license")``, everything the
  check does: bounded decode at reduced DCT scale, paper flattening, print and watermark layers,
  detection at 1024 / 640 pixels, QR decoding, labels recognised first and then only the values
  of the labels that matter, pairing, checks. Goal: ratio ≤ 0.5.
- what each read: the fields the check found, and whether the baseline's text holds them;
- peak memory: resident memory of a fresh process doing one read (imports and models included),
  ``ru_maxrss``, ours vs the baseline.

Both run with their models loaded (one warm-up call each); the times are the best of N runs, the
least disturbed by other load on the machine. Timings never gate tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core import evidence_corpus as corpus  # noqa: E402

TODAY = dt.date(2026, 12, 1)
FIELDS = ("name", "credit_code", "legal_representative", "valid_until", "watermark")


def make_photo(directory: Path) -> Path:
    lic = corpus.variant(corpus.Licence(), watermark="仅供招商银行开户使用")
    page = corpus.render_licence(lic, (2400, 1700))
    shot = corpus.Shot(rotate=2.5, perspective=0.05, blur=1.2, size=(4000, 3000), dark=0.3)
    return corpus.save_jpeg(corpus.photograph(page, shot), directory / "licence-12mp.jpg", 90)


def ours(path: Path) -> dict[str, Any]:
    from assistant.core.evidence import check

    check._cache.clear()  # measure the reading, not the cache
    ev = check.check_document(path, "tencent", "business_license", None, "en", today=TODAY)
    return {k: ev.read.get(k) for k in FIELDS}


def baseline_engine() -> Callable[[Path], Any]:
    from rapidocr import RapidOCR

    engine = RapidOCR(params={"Global.log_level": "error"})
    return lambda path: engine(str(path))


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


# VmHWM (the process's own peak), not ru_maxrss: Linux carries ru_maxrss over exec, so a child
# of this big process would report the parent's size.
_CHILD = """
import sys
sys.path.insert(0, {root!r})
if {which!r} == "ours":
    from benchmarks.ocr import ours
    ours({path!r})
else:
    from benchmarks.ocr import baseline_engine
    baseline_engine()({path!r})
status = open("/proc/self/status").read()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
"""


def peak_rss_mb(which: str, path: Path) -> float:
    code = _CHILD.format(root=str(ROOT), which=which, path=str(path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return round(int(out.stdout.split()[-1]) / 1024, 1)  # kB


def run(repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = make_photo(Path(tmp))
        t = time.perf_counter()
        base = baseline_engine()
        base(path)
        base_cold = time.perf_counter() - t
        t = time.perf_counter()
        ours(path)
        ours_cold = time.perf_counter() - t
        t_base, base_out = best(lambda: base(path), repeat)
        t_ours, read = best(lambda: ours(path), repeat)
        base_text = "".join(getattr(base_out, "txts", None) or ())
        return {
            "file": {"pixels": "4000x3000", "bytes": path.stat().st_size},
            "baseline_s": round(t_base, 3),
            "ours_s": round(t_ours, 3),
            "ratio": round(t_ours / t_base, 3),
            "first_call_s": {"baseline": round(base_cold, 2), "ours": round(ours_cold, 2)},
            "read": read,
            "baseline_has": {
                k: bool(v) and str(v) in base_text for k, v in read.items() if k != "valid_until"
            },
            "peak_rss_mb": {
                "baseline": peak_rss_mb("baseline", path),
                "ours": peak_rss_mb("ours", path),
            },
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(max(1, args.repeat))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(
        f"12 MP licence photo ({result['file']['bytes'] // 1024} KB JPEG), best of {args.repeat}:"
    )
    print(f"  baseline (RapidOCR default call): {result['baseline_s']:.3f} s")
    print(f"  ours (check_document):            {result['ours_s']:.3f} s")
    print(f"  ratio: {result['ratio']:.2f}  (goal <= 0.5)")
    print(f"  first call, models loading: {result['first_call_s']}")
    print(f"  read: {json.dumps(result['read'], ensure_ascii=False)}")
    print(f"  the baseline's text holds: {result['baseline_has']}")
    print(f"  peak resident memory of one read in a fresh process (MB): {result['peak_rss_mb']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
