"""Regenerate ``tests/core/golden/demo-bundle.sha256``, the record the demo bundle is compared
with byte for byte (``tests/core/test_demo_golden.py``).

Run it only when a change to the bundle is intended (a new file, a new manifest key, another
compression), and say in the commit why the bytes changed:

    python scripts/update_golden.py

The date is fixed (``SOURCE_DATE_EPOCH``). ``checklist.pdf`` embeds the CJK font the renderer
finds: record it on a machine with the font the program ships (``resources/fonts/``), or the
record holds this machine's font.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from tests.core import test_demo_golden as golden

    os.environ["SOURCE_DATE_EPOCH"] = golden.EPOCH
    with tempfile.TemporaryDirectory(prefix="sms-golden-") as tmp:
        hashes = golden.demo_hashes(Path(tmp) / "demo")
    golden.GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    golden.GOLDEN.write_text(golden.golden_text(hashes), encoding="utf-8")
    font = golden.shipped_font()
    print(f"wrote {golden.GOLDEN.relative_to(ROOT)} ({len(hashes)} entries)")
    print(f"checklist font: {font.name if font else 'none shipped: this machine fonts'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
