"""Two windows (or two colleagues on a shared folder) editing the same case: the wizard notes the
case file's state when it opens or saves it (:func:`stamp`), and before saving over it asks when
someone else changed it since (:func:`before_save` -> ``dialogs.changed_on_disk``). A file only
touched (same bytes) or gone is no conflict."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.gui import dialogs


@dataclass(frozen=True)
class Stamp:
    mtime_ns: int
    size: int
    sha256: str


def stamp(path: Path | None) -> Stamp | None:
    """The state of the file at ``path`` now (None when there is none or it cannot be read)."""
    if path is None:
        return None
    from assistant.core.fsio import sha256_file

    try:
        st = os.stat(path)
        return Stamp(st.st_mtime_ns, st.st_size, sha256_file(path))
    except (OSError, ValueError):
        return None


def changed_since(path: Path, known: Stamp | None) -> bool:
    """True when the file at ``path`` holds other bytes than when ``known`` was taken."""
    if known is None:
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False  # gone: saving makes it again, nobody's work is replaced
    if (st.st_mtime_ns, st.st_size) == (known.mtime_ns, known.size):
        return False
    now = stamp(path)
    return now is not None and now.sha256 != known.sha256


def before_save(parent: Any, path: Path, known: Stamp | None) -> dialogs.OnDisk | None:
    """None when ``path`` may be saved as it is; else what the user chose."""
    if not changed_since(path, known):
        return None
    return dialogs.changed_on_disk(parent, path)
