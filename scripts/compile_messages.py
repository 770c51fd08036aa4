"""Compile ``resources/i18n/*.toml`` into ``resources/i18n/messages.json`` (issue #18).

The program reads the JSON (fast) while it names the sha256 of every TOML file it was made from,
and the TOML files otherwise; ``tests/core/test_i18n_compiled.py`` fails while it is stale. Run
after editing a message file:

    python scripts/compile_messages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from assistant.core.i18n import COMPILED, compiled_text

    folder = ROOT / "resources" / "i18n"
    target = folder / COMPILED
    new = compiled_text(folder)
    if target.is_file() and target.read_text(encoding="utf-8") == new:
        print(f"{target.relative_to(ROOT)} is up to date")
        return 0
    target.write_text(new, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
