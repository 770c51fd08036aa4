"""Benchmark of ``export-batch`` against the irreducible work of its cases (issue #18).

In one run, on the same generated cases (a Tencent company signature for a client, with a
license photo and a signed-letter scan that need no fix):

- baseline: a plain script in one process that, per case, fills the letter, renders the
  checklist PDF and writes a stored zip of the case's files, the letter and the PDF — the work no
  export can skip;
- batch: ``export_batch`` (all checks, fixes, README, manifest, payloads; worker processes).

It prints, over ``--repeat`` runs (at least 5), the min and the median of: time per case
(wall), the batch/baseline ratio (goal <= 1.2), the CPU time per case of both and their ratio
(the work done, whatever else runs on the machine), how busy the CPUs were (CPU seconds of every
process / wall / CPUs; goal: every core busy), and the peak resident memory (of the parent and of
the largest worker; goal <= 300 MB each) and of the whole batch (the proportional set size of
the parent and its workers summed, shared pages counted once; sampled every 20 ms).
``--linear 1000`` also times a 1000-case batch and prints its time per case as a ratio to the
100-case one (goal ~1: linear).

Every measurement runs in a fresh child process. Run: ``python benchmarks/batch.py [--cases 100]
[--repeat 5] [--linear 1000]``. Timings never gate tests.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 3, 2)

_COMMON = """
import json, os, resource, sys, time, zipfile, datetime as dt
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
def peak_mb():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
def _pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0
def _children(pid):
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return out + [g for c in out for g in _children(c)]
_whole = [0]
def _sample_whole(stop):
    # the whole batch's memory: proportional set size (shared pages counted once) of this
    # process and every worker, summed, sampled every 20 ms
    while not stop.wait(0.02):
        me = os.getpid()
        _whole[0] = max(_whole[0], sum(_pss_kb(p) for p in [me, *_children(me)]))
def start_whole():
    import threading
    stop = threading.Event()
    threading.Thread(target=_sample_whole, args=(stop,), daemon=True).start()
    return stop
def report(seconds, cases, **extra):
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    print(json.dumps({"seconds": seconds, "cases": cases, "cpu": cpu, "peak_mb": peak_mb(),
                      "worker_peak_mb": kids.ru_maxrss / 1024, "whole_pss_mb": _whole[0] / 1024,
                      **extra}))
"""

# The irreducible work: letter, checklist, a stored zip — per case, in one plain process.
_BASELINE = (
    _COMMON
    + """
from assistant.core.checklist import build_checklist
from assistant.core.letter import LetterInput, fill_letter
from assistant.core.model import load_case
from assistant.render import checklist_pdf_bytes
folder, out = Path(sys.argv[1]), Path(sys.argv[2])
paths = sorted(folder.rglob("*.smscase.json"))
out.mkdir(parents=True, exist_ok=True)
start, when = time.perf_counter(), dt.date(2026, 3, 2)
for i, path in enumerate(paths):
    case, _ = load_case(path)
    letter = out / f"letter-{i}.docx"
    fill_letter(LetterInput.from_case(case), letter, lang=case.language, check=False)
    checklist = build_checklist(case.provider, case.account, case.purpose, case.type,
                                case.region, case.language)
    pdf, _ = checklist_pdf_bytes(checklist, case, lang=case.language, prepared_on=when)
    with zipfile.ZipFile(out / f"case-{i}.zip", "w", zipfile.ZIP_STORED) as zf:
        for a in case.attachments:
            zf.write(a.path, "files/" + Path(a.path).name)
        zf.write(letter, "letter/authorization-letter.docx")
        zf.writestr("checklist.pdf", pdf)
    letter.unlink()
report(time.perf_counter() - start, len(paths))
"""
)

_BATCH = (
    _COMMON
    + """
from assistant.core import jobs
from assistant.core.bundle import export_batch
from assistant.render import checklist_pdf_bytes
folder, out = sys.argv[1], sys.argv[2]
stop = start_whole()
start = time.perf_counter()
result = export_batch(folder, out, prepared_on=dt.date(2026, 3, 2),
                      render_checklist=checklist_pdf_bytes)
seconds = time.perf_counter() - start
stop.set()
statuses = [r.status for r in result.rows]
report(seconds, len(statuses), ok=statuses.count("ok"), cpus=jobs.cpu_count(),
       workers=jobs.process_count(len(statuses)),
       problems=[r.problems for r in result.rows if r.status != "ok"][:3])
"""
)


def make_cases(folder: Path, count: int) -> Path:
    """``count`` distinct cases (remarks differ), each with its own copies of the two files."""
    sys.path.insert(0, str(ROOT))
    from assistant.core.bundle import sample_case, write_sample_images
    from assistant.core.model import save_case

    samples = write_sample_images(folder / "samples")
    cases = folder / "cases"
    for i in range(count):
        client = cases / f"client-{i:04d}"
        client.mkdir(parents=True)
        shutil.copy(samples["business_license"], client / "license.jpg")
        shutil.copy(samples["authorization_letter"], client / "letter.jpg")
        case = sample_case("zh", dt.date.today())
        case.remarks.description = f"会员注册与登录验证码（客户 {i:04d}）"
        case.set_attachment("business_license", client / "license.jpg")
        case.set_attachment("authorization_letter", client / "letter.jpg")
        save_case(case, client / "case.smscase.json")
    return cases


def run_child(script: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    data: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return data


def measure(work: Path, cases: Path, repeat: int) -> dict[str, list[float]]:
    keys = ("base", "batch", "ratio", "base_cpu", "batch_cpu", "cpu_ratio", "busy", "peak")
    runs: dict[str, list[float]] = {k: [] for k in (*keys, "worker_peak", "whole")}
    for i in range(repeat):
        base = run_child(_BASELINE, str(cases), str(work / f"base-{i}"))
        batch = run_child(_BATCH, str(cases), str(work / f"batch-{i}"))
        assert batch["ok"] == batch["cases"] == base["cases"], batch
        shutil.rmtree(work / f"base-{i}")
        shutil.rmtree(work / f"batch-{i}")
        per_base = base["seconds"] / base["cases"]
        per_batch = batch["seconds"] / batch["cases"]
        runs["base"].append(per_base * 1000)
        runs["batch"].append(per_batch * 1000)
        runs["ratio"].append(per_batch / per_base)
        cpu_base, cpu_batch = base["cpu"] / base["cases"], batch["cpu"] / batch["cases"]
        runs["base_cpu"].append(cpu_base * 1000)
        runs["batch_cpu"].append(cpu_batch * 1000)
        runs["cpu_ratio"].append(cpu_batch / cpu_base)
        runs["busy"].append(batch["cpu"] / batch["seconds"] / batch["cpus"])
        runs["peak"].append(batch["peak_mb"])
        runs["worker_peak"].append(batch["worker_peak_mb"])
        runs["whole"].append(batch["whole_pss_mb"])
    return runs


def _line(name: str, values: list[float], unit: str) -> str:
    return (
        f"  {name:34} min {min(values):8.2f}{unit}   median {statistics.median(values):8.2f}{unit}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--linear", type=int, default=0, help="also time a batch of this many")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        cases = make_cases(work / "set", args.cases)
        runs = measure(work, cases, max(1, args.repeat))
        print(f"{args.cases} cases, {len(runs['ratio'])} runs:")
        print(_line("baseline (letter+checklist+zip)", runs["base"], " ms/case"))
        print(_line("export_batch", runs["batch"], " ms/case"))
        print(_line("ratio batch/baseline (goal <= 1.2)", runs["ratio"], " x"))
        print(_line("baseline CPU", runs["base_cpu"], " ms/case"))
        print(_line("export_batch CPU (all processes)", runs["batch_cpu"], " ms/case"))
        print(_line("CPU ratio batch/baseline", runs["cpu_ratio"], " x"))
        print(_line("CPU busy (1.0 = every core)", runs["busy"], ""))
        print(_line("peak RSS, parent", runs["peak"], " MB"))
        print(_line("peak RSS, largest worker", runs["worker_peak"], " MB"))
        print(_line("peak PSS, whole batch (all processes)", runs["whole"], " MB"))
        result: dict[str, object] = {"cases": args.cases, "runs": runs}
        if args.linear:
            big = make_cases(work / "big", args.linear)
            batch = run_child(_BATCH, str(big), str(work / "batch-big"))
            per_case = batch["seconds"] / batch["cases"] * 1000
            linear = per_case / statistics.median(runs["batch"])
            print(
                f"  {args.linear} cases: {per_case:.2f} ms/case = {linear:.2f} x the median above"
            )
            print(
                f"    peak RSS parent {batch['peak_mb']:.0f} MB, worker {batch['worker_peak_mb']:.0f} MB,"
                f" whole batch (PSS) {batch['whole_pss_mb']:.0f} MB"
            )
            result["linear"] = {"cases": args.linear, "ms_per_case": per_case, "ratio": linear}
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
