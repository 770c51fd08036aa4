"""Benchmark of the case library (issue #15): listing and filtering 1,000 cases, as a ratio to
reading the same files' JSON once.

In one run, on the same generated folder (cases made by the spreadsheet import, as an agency's
would be), each measurement in a fresh child process after the program's modules and rule packs
are loaded (the window has them loaded already):

- baseline: find every ``*.smscase.json`` and ``json.loads`` its bytes, once;
- cold: the first opening — :func:`assistant.core.library.scan` with an empty cache (every file
  read, parsed, validated and checked without inspecting attachments), then a search, a provider
  filter and a sort, and the row cache written to its file;
- warm: the next opening (a new process, the cache file kept): the cache read, every file
  ``stat``-ed, the same search, filter and sort;
- refilter: in the warm process, another search, filter and sort of the rows in memory.

It prints, over ``--repeat`` runs (at least 5), the min and the median of each time and of its
ratio to the baseline of the same run (goal for the warm opening: <= 2), and the peak resident
memory (VmHWM) of each child. Run: ``python benchmarks/library.py [--cases 1000] [--repeat 5]``.
Timings never gate tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_COMMON = """
import json, os, sys, time
ROOT = os.environ["SMS_BENCH_ROOT"]
from pathlib import Path
sys.path.insert(0, ROOT)
def peak_mb():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
folder, cache_file = Path(sys.argv[1]), Path(sys.argv[2])
"""

_BASELINE = (
    _COMMON
    + """
start = time.perf_counter()
docs = [json.loads(p.read_bytes()) for p in sorted(folder.rglob("*.smscase.json"))]
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cases": len(docs), "peak_mb": peak_mb()}))
"""
)

_LIBRARY = (
    _COMMON
    + """
from assistant.core.library import Query, RowCache, filter_rows, scan, sort_rows
from assistant.core.rules import PROVIDERS, load_pack
from assistant.core.status import load_catalogue
for provider in PROVIDERS:
    load_pack(provider)
load_catalogue()
query = Query("科技", providers=frozenset({"tencent", "alibaba"}))

def listing(cache):
    rows = scan(folder, lang="zh", cache=cache).rows
    return rows, sort_rows(filter_rows(rows, query), "client")

start = time.perf_counter()
cache = RowCache.load(cache_file)
rows, shown = listing(cache)
cache.save(cache_file)
seconds = time.perf_counter() - start
start = time.perf_counter()
again = sort_rows(filter_rows(rows, Query("云朵", problems="blocked")), "modified", True)
refilter = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "refilter": refilter, "cases": len(rows),
                  "shown": len(shown), "peak_mb": peak_mb()}))
"""
)


def child(script: str, folder: Path, cache_file: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "SMS_BENCH_ROOT": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", script, str(folder), str(cache_file)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    data: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return data


def make_folder(folder: Path, cases: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.core.library_corpus import make_case_folder

    made = make_case_folder(folder, cases)
    assert len(made) == cases, f"made {len(made)} cases of {cases}"


def summary(name: str, values: list[float], unit: str = "s") -> str:
    return (
        f"{name:22} min {min(values):8.4f} {unit}   median {statistics.median(values):8.4f} {unit}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    repeat = max(5, args.repeat)
    with tempfile.TemporaryDirectory(prefix="sms-library-bench-") as tmp:
        folder, cache_file = Path(tmp) / "cases", Path(tmp) / "cache" / "library.json"
        make_folder(folder, args.cases)
        runs: dict[str, list[float]] = {
            k: []
            for k in (
                "baseline",
                "cold",
                "warm",
                "refilter",
                "cold_ratio",
                "warm_ratio",
                "refilter_ratio",
                "peak_baseline",
                "peak_cold",
                "peak_warm",
            )
        }
        for _ in range(repeat):
            cache_file.unlink(missing_ok=True)
            base = child(_BASELINE, folder, cache_file)
            cold = child(_LIBRARY, folder, cache_file)
            warm = child(_LIBRARY, folder, cache_file)
            assert cold["cases"] == warm["cases"] == base["cases"] == args.cases
            runs["baseline"].append(base["seconds"])
            runs["cold"].append(cold["seconds"])
            runs["warm"].append(warm["seconds"])
            runs["refilter"].append(warm["refilter"])
            runs["cold_ratio"].append(cold["seconds"] / base["seconds"])
            runs["warm_ratio"].append(warm["seconds"] / base["seconds"])
            runs["refilter_ratio"].append(warm["refilter"] / base["seconds"])
            runs["peak_baseline"].append(base["peak_mb"])
            runs["peak_cold"].append(cold["peak_mb"])
            runs["peak_warm"].append(warm["peak_mb"])
    print(f"{args.cases} cases, {repeat} runs (shown rows of the filter: {int(warm['shown'])})")
    for key in ("baseline", "cold", "warm", "refilter"):
        print(summary(key, runs[key]))
    for key in ("cold_ratio", "warm_ratio", "refilter_ratio"):
        print(summary(key, runs[key], "x"))
    print("  goal: warm_ratio <= 2 (the library opened again: rows from the cache file)")
    for key in ("peak_baseline", "peak_cold", "peak_warm"):
        print(summary(key, runs[key], "MB"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
