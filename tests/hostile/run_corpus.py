"""Run every hostile input through inspect_file, fix_file, thumbnail and the CLI, each input in
its own forked process under resource limits; print one JSON object per input.

    python -m tests.hostile.run_corpus DIR [NAME ...]

The parent imports everything once, then forks a child per input. The child limits its address
space (``RLIMIT_AS``: a decoder that tries to allocate gigabytes fails with MemoryError, which
must become a finding) and its CPU time (``RLIMIT_CPU``), writes stdout through a strict UTF-8
stream (a name that cannot be printed must not crash the CLI) and reports what it found. The
parent kills a child that is still running after ``HANG_SECONDS`` (a blocked read of a pipe uses
no CPU time) and records each child's CPU time and peak memory (``wait4``). Nothing here asserts
times: the pytest side checks the findings and that every child finished by itself.
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

# Extra address space a child may use beyond what the parent had mapped when it forked.
MEMORY_BYTES = 2 * 1024**3
CPU_SECONDS = 240
HANG_SECONDS = 300.0


def _vm_size() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _work(path: str, item: Any, out_dir: Path) -> dict[str, Any]:
    from assistant.cli import main
    from assistant.core.attachments import fix_file, inspect_file, thumbnail

    result: dict[str, Any] = {}
    insp = inspect_file(path, item.provider, item.document)
    result["codes"] = sorted(insp.codes)
    result["messages"] = [f.message for f in insp.findings]
    fixed = fix_file(path, item.provider, out_dir / "fixed.jpg", item.document)
    result["fix_codes"] = [f.code for f in fixed.findings]
    result["fix_ok"] = fixed.ok
    result["outputs"] = [os.fsencode(p).hex() for p in fixed.outputs]
    result["reinspected"] = [sorted(i.codes) for i in fixed.inspections]
    thumb = thumbnail(path, 256)
    result["thumbnail"] = None if thumb is None else list(thumb.size)
    saved = sys.stdout
    # a strict UTF-8 stream, as on a terminal whose locale is not C: unprintable names must not
    # crash the CLI's output
    with io.TextIOWrapper(open(os.devnull, "wb"), encoding="utf-8", errors="strict") as strict:
        sys.stdout = strict
        try:
            result["cli_check"] = main(["check-file", "--provider", item.provider, path])
            target = str(out_dir / "cli-fixed.jpg")
            result["cli_fix"] = main(["fix-file", "--provider", item.provider, path, "-o", target])
            result["cli_json"] = main(
                ["check-file", "--format", "json", "--provider", "tencent", path]
            )
        finally:
            sys.stdout = saved
    return result


def _child(path: str, item: Any, out_dir: Path) -> None:
    limit = _vm_size() + MEMORY_BYTES
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))
    start = time.monotonic()
    try:
        report = _work(path, item, out_dir)
        report["status"] = "ok"
    except BaseException:  # a traceback is exactly what the test must catch
        report = {"status": "exception", "traceback": traceback.format_exc()}
    report["wall"] = time.monotonic() - start
    (out_dir / "report.json").write_text(json.dumps(report), encoding="utf-8")
    os._exit(0)


def _wait(pid: int) -> tuple[int, Any, bool]:
    deadline = time.monotonic() + HANG_SECONDS
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, False
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return status, usage, True
        time.sleep(0.02)


def run_one(name: str, path: str, item: Any, out_dir: Path, baseline_kb: int) -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        _child(path, item, out_dir)
    status, usage, hung = _wait(pid)
    written = out_dir / "report.json"
    report: dict[str, Any] = (
        json.loads(written.read_text(encoding="utf-8")) if written.exists() else {"status": "died"}
    )
    if hung:
        report["status"] = "hang"
    elif os.WIFSIGNALED(status):
        report["status"] = f"signal {os.WTERMSIG(status)}"
    report["name"] = name
    report["cpu"] = usage.ru_utime + usage.ru_stime
    report["peak_mb"] = usage.ru_maxrss / 1024
    report["extra_mb"] = max(0, usage.ru_maxrss - baseline_kb) / 1024
    return report


def _baseline() -> int:
    """Peak memory of a child that does nothing (what every child inherits)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os._exit(0)
    _, _, usage = os.wait4(pid, 0)
    return int(usage.ru_maxrss)


def main(argv: list[str]) -> int:
    from tests.hostile import corpus

    directory = Path(argv[0])
    wanted = set(argv[1:])
    # everything the children use is imported before the fork, once
    import assistant.cli.files_cmd
    import assistant.core.attachments  # noqa: F401

    paths = corpus.build(directory / "in")
    items = corpus.items()
    baseline = _baseline()
    for name, path in paths.items():
        if wanted and name not in wanted:
            continue
        report = run_one(name, path, items[name], directory / "out" / name, baseline)
        print(json.dumps(report, ensure_ascii=True), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
