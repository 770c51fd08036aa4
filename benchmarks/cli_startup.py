"""Cold start of the CLI, as a ratio to ``python -c pass`` (same interpreter, same run).

Each sample is a fresh process, timed from just before it is started to its exit (the parent
waits for it). Peak resident memory is read by GNU ``/usr/bin/time`` in separate runs (the
largest of three), so the timing has no wrapper process in it. Compiled bytecode is cached in a
temporary folder, as an installed program has it (pip compiles on install), unless
``--no-bytecode-cache`` keeps this environment's setting. The commands
are run interleaved with the baseline so a busy machine slows both alike; min and median of
``--runs`` samples are printed. Goal (#18): ``check-name`` and ``checklist`` <= 8x the baseline.
One ``check-name`` call with 1,000 names is timed too, to show what one call costs against
1,000 separate calls (``--help`` of ``check-name`` says it takes many names).

    python benchmarks/cli_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

GOAL = 8.0


def _cli() -> list[str]:
    """How a user starts the CLI: the installed console script beside this Python, else -m."""
    script = Path(sys.executable).parent / "sms-signature-assistant"
    if script.is_file():
        return [sys.executable, str(script)]
    found = shutil.which("sms-signature-assistant")
    return [sys.executable, found] if found else [sys.executable, "-m", "assistant"]


def _many_names() -> list[str]:
    """1,000 distinct names of the kind agencies check in bulk; some pass, some do not."""
    stems = ("腾讯云", "阿里云", "华为云", "测试", "Acme", "星辰科技", "小明", "绿野")
    return [f"{stems[i % len(stems)]}{i}" for i in range(1000)]


def commands() -> dict[str, list[str]]:
    cli = _cli()
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "check-name": [*cli, "check-name", "--provider", "tencent", "腾讯云"],
        "checklist": [
            *cli,
            "checklist",
            "--provider",
            "tencent",
            "--account",
            "enterprise",
            "--purpose",
            "self",
            "--type",
            "company",
        ],
        "check-name, 1,000 names": [
            *cli,
            "check-name",
            "--provider",
            "alibaba",
            "--format",
            "json",
            *_many_names(),
        ],
    }


def child_env(cache: Path | None) -> dict[str, str]:
    """The children's environment: compiled bytecode cached in ``cache`` (as an installed program
    has it: pip compiles on install), or, with None, left as this process has it."""
    env = dict(os.environ)
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def sample(argv: Sequence[str], env: dict[str, str]) -> float:
    """Seconds from just before the process starts to its exit."""
    start = time.perf_counter()
    proc = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: some name has an error finding, which is fine here
        err = proc.stderr.decode("utf-8", "replace")
        raise SystemExit(f"{' '.join(argv[:4])} … failed ({proc.returncode}):\n{err}")
    return elapsed


def peak_rss(argv: Sequence[str], env: dict[str, str]) -> str:
    """The process's peak resident memory, by GNU time (a fork of this Python would count ours)."""
    gnu_time = Path("/usr/bin/time")
    if not gnu_time.is_file():
        return "n/a"
    with tempfile.NamedTemporaryFile(suffix=".txt") as out:
        subprocess.run(
            [str(gnu_time), "-f", "%M", "-o", out.name, *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        kilobytes = int(Path(out.name).read_text().split()[-1])
    return f"{kilobytes / 1024:.1f} MB"


def _megabytes(text: str) -> float:
    return float(text.split()[0]) if text != "n/a" else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="samples per command (>= 5)")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="keep this environment's bytecode setting (e.g. PYTHONDONTWRITEBYTECODE=1: every "
        "start compiles the program's modules again)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = child_env(None if args.no_bytecode_cache else Path(cache))
        return run(max(5, args.runs), env)


def run(runs: int, env: dict[str, str]) -> int:
    cmds = commands()
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for argv in cmds.values():  # warm the file and bytecode caches once; not counted
        sample(argv, env)
    for _ in range(runs):
        for key, argv in cmds.items():
            times[key].append(sample(argv, env))
    base_min = min(times["python -c pass"])
    base_med = statistics.median(times["python -c pass"])
    cached = "PYTHONPYCACHEPREFIX" in env
    print(
        f"cold CLI start, {runs} runs each (interleaved); ratios to `python -c pass`; "
        f"bytecode {'cached (as installed)' if cached else 'as this environment has it'}"
    )
    print(f"{'command':<26}{'min':>9}{'median':>9}{'min x':>8}{'med x':>8}{'peak RSS':>11}")
    for key, xs in times.items():
        lo, med = min(xs), statistics.median(xs)
        peak = max((peak_rss(cmds[key], env) for _ in range(3)), key=_megabytes)
        print(
            f"{key:<26}{lo * 1000:>7.1f}ms{med * 1000:>7.1f}ms"
            f"{lo / base_min:>7.1f}x{med / base_med:>7.1f}x{peak:>11}"
        )
    worst = max(statistics.median(times[k]) / base_med for k in ("check-name", "checklist"))
    print(
        f"goal: check-name and checklist <= {GOAL:g}x (median): {'met' if worst <= GOAL else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
