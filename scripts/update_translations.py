"""Regenerate the interface translations: extract every tr() string of assistant/gui into the
.ts files (pyside6-lupdate; existing translations are kept, strings no longer used are dropped),
then compile them to the .qm files the program loads (pyside6-lrelease).

    python scripts/update_translations.py            # update .ts, then compile .qm
    python scripts/update_translations.py --release  # only compile .qm from the .ts

New strings appear in the .ts as unfinished: translate them with Qt Linguist
(``pyside6-linguist resources/i18n/gui/assistant_zh_CN.ts``) or any editor, then run the script
again. tests/gui/test_i18n.py fails while a string of the program has no translation.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "assistant" / "gui"
FOLDER = ROOT / "resources" / "i18n" / "gui"
# .ts file -> Qt language code written into it
LANGUAGES = {"assistant_zh_CN.ts": "zh_CN", "assistant_id.ts": "id"}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease, from the running interpreter's environment first."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name})")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .qm files")
    args = parser.parse_args(argv)
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    for ts_name, language in LANGUAGES.items():
        ts = FOLDER / ts_name
        if not args.release:
            subprocess.run(
                [
                    tool("pyside6-lupdate"),
                    *("-no-obsolete", "-locations", "none", "-target-language", language),
                    *sources,
                    *("-ts", str(ts.relative_to(ROOT))),
                ],
                check=True,
                cwd=ROOT,
            )
        subprocess.run([tool("pyside6-lrelease"), str(ts)], check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
