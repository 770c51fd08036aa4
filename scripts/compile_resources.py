"""Compile the program's TOML resources (rule packs, core messages, rejection reasons) into a
``compiled.json`` per folder (issue #18, :mod:`assistant.core.compiled`).

The program reads a file's compiled copy (fast) only while it names the sha256 of the file's
bytes, and the TOML file otherwise; ``tests/core/test_compiled.py`` fails while a copy is stale.
Run after editing any ``resources/{rules,i18n,rejections}/*.toml``:

    python scripts/compile_resources.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from assistant.core.compiled import COMPILED, FOLDERS, compiled_text

    for name in FOLDERS:
        folder = ROOT / "resources" / name
        target = folder / COMPILED
        new = compiled_text(folder)
        if target.is_file() and target.read_text(encoding="utf-8") == new:
            print(f"{target.relative_to(ROOT)} is up to date")
            continue
        target.write_text(new, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
