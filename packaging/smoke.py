"""Packaging smoke test: build the PyInstaller one-folder app and run it as a user would.

    python packaging/smoke.py [--work DIR] [--keep]

1. ``pyinstaller packaging/sms-signature-assistant.spec`` (with the smoke executable, see the
   spec) into a temporary folder;
2. ``sms-signature-assistant --version`` prints this checkout's version;
3. ``sms-signature-assistant demo --output DIR`` writes the demo case and a bundle whose zip holds
   the checklist PDF, the letter and the attachments;
4. the wizard starts offscreen and ``sms-signature-assistant-smoke`` saves a screenshot of it
   (``DIR/window.png``), which must be a real picture of a window (not empty, not one colour).

Each step runs the frozen program in a clean environment (its own HOME, no PYTHONPATH, no
virtualenv on PATH), so it can only use what the bundle carries. Exit 0 when every step passed;
the first failure is printed with the program's output. .ci/run calls this after the tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "sms-signature-assistant"


class SmokeFailure(Exception):
    pass


def _clean_env(home: Path) -> dict[str, str]:
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "PATH": "/usr/bin:/bin",
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def _run(cmd: list[str], env: dict[str, str], timeout: float, what: str) -> str:
    start = time.monotonic()
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.monotonic() - start
    print(f"== {what}: exit {run.returncode} in {took:.1f} s", flush=True)
    if run.returncode != 0:
        raise SmokeFailure(f"{what} failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    return run.stdout


def build(work: Path) -> Path:
    env = {**os.environ, "SMS_ASSISTANT_SMOKE": "1"}
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        str(work / "dist"),
        "--workpath",
        str(work / "build"),
        str(ROOT / "packaging" / f"{NAME}.spec"),
    ]
    _run(cmd, env, 1800, "pyinstaller build")
    app = work / "dist" / NAME
    for exe in (NAME, f"{NAME}-smoke"):
        if not (app / exe).is_file():
            raise SmokeFailure(f"the build has no {exe}")
    return app


def check_version(app: Path, env: dict[str, str]) -> None:
    sys.path.insert(0, str(ROOT))
    from assistant import __version__

    out = _run([str(app / NAME), "--version"], env, 120, "--version")
    if __version__ not in out:
        raise SmokeFailure(f"--version printed {out!r}, expected {__version__}")


def check_demo(app: Path, env: dict[str, str], out: Path) -> None:
    _run([str(app / NAME), "demo", "--output", str(out)], env, 300, "demo --output")
    bundles = sorted(out.glob("*.zip"))
    if not bundles or not (out / "demo.smscase.json").is_file():
        raise SmokeFailure(f"demo wrote {sorted(p.name for p in out.iterdir())}")
    with zipfile.ZipFile(bundles[0]) as zf:
        names = zf.namelist()
        bad = zf.testzip()
        pdf = zf.read("checklist.pdf") if "checklist.pdf" in names else b""
    if (
        bad is not None
        or not pdf.startswith(b"%PDF")
        or not any(n.startswith("files/") for n in names)
    ):
        raise SmokeFailure(f"the demo bundle is incomplete: {names}")
    if b"WenQuanYiMicroHei" not in pdf:
        raise SmokeFailure("the checklist PDF does not use the bundled font")


def check_window(app: Path, env: dict[str, str], shot: Path) -> None:
    env = {**env, "SMS_ASSISTANT_SCREENSHOT": str(shot)}
    _run([str(app / f"{NAME}-smoke")], env, 300, "wizard offscreen + screenshot")
    sys.path.insert(0, str(ROOT))
    from PIL import Image

    with Image.open(shot) as im:
        width, height = im.size
        colours = im.convert("RGB").getcolors(maxcolors=1 << 16)
    if width < 400 or height < 300 or (colours is not None and len(colours) < 8):
        raise SmokeFailure(f"the screenshot is not a window: {width}×{height}")
    print(f"   screenshot {shot} ({width}×{height})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="build and run in DIR (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the build and outputs")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="sms-smoke-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        app = build(work)
        env = _clean_env(work / "home")
        check_version(app, env)
        check_demo(app, env, work / "demo")
        check_window(app, env, work / "window.png")
    except (SmokeFailure, subprocess.TimeoutExpired, OSError) as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        print(f"(build and outputs kept in {work})", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file())
    print(f"smoke test passed: {app} ({size / 1e6:.0f} MB)")
    if not args.keep and args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
