"""The one place that knows where bundled resources live.

Works from a source checkout (``<repo>/resources``), from an installed wheel
(``assistant/_resources``, mapped there at build time) and from a PyInstaller
bundle (``sys._MEIPASS/resources``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    candidates: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    here = Path(__file__).resolve().parent
    candidates.append(here / "_resources")
    candidates.append(here.parent / "resources")
    for candidate in candidates:
        if (candidate / "rules").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"resources folder not found (looked in: {tried})")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("rules", "tencent.toml")``."""
    return resources_root().joinpath(*parts)
