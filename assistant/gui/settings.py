"""What the wizard remembers between runs, in QSettings: recent cases, window geometry, language,
the applicants older versions saved, and where the autosaved draft lives.

Tests redirect QSettings (IniFormat under a temporary folder), which also moves the draft folder,
since it is derived from the settings file's location.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


def _settings() -> QSettings:
    return QSettings()


def recent_cases() -> list[Path]:
    raw = _settings().value("cases/recent", [])
    if isinstance(raw, str):
        raw = [raw]
    return [Path(p) for p in (raw or []) if p]


def add_recent_case(path: Path) -> None:
    path = path.resolve()
    items = [p for p in recent_cases() if p != path]
    items.insert(0, path)
    _settings().setValue("cases/recent", [str(p) for p in items[:MAX_RECENT]])


def remove_recent_case(path: Path) -> None:
    _settings().setValue("cases/recent", [str(p) for p in recent_cases() if p != path])


def last_folder() -> str:
    return str(_settings().value("cases/last_folder", "") or "")


def set_last_folder(path: Path) -> None:
    folder = str(path if path.is_dir() else path.parent)
    if folder != last_folder():  # writing the settings file costs far more than reading it
        _settings().setValue("cases/last_folder", folder)


def geometry() -> QByteArray | None:
    value = _settings().value("window/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_geometry(value: QByteArray) -> None:
    _settings().setValue("window/geometry", value)


def language() -> str:
    return str(_settings().value("ui/language", "") or "")


def set_language(lang: str) -> None:
    _settings().setValue("ui/language", lang)


# ------------------------------------------------------------------ applicants of older versions
# Versions before the profile book (assistant.core.profiles, issue #15) kept saved applicants
# here; the Parties page moves them into the book once, then forgets them.
_OLD_APPLICANTS = "applicants/profiles"


def old_applicant_profiles() -> list[dict[str, str]]:
    """The applicants an older version saved in the settings (name, credit code)."""
    import json

    raw = _settings().value(_OLD_APPLICANTS, "")
    try:
        data: Any = json.loads(str(raw)) if raw else {}
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    return [
        {str(a): str(b) for a, b in v.items()}
        for v in data.values()
        if isinstance(v, dict) and str(v.get("name", "")).strip()
    ]


def forget_old_applicant_profiles() -> None:
    _settings().remove(_OLD_APPLICANTS)


# ------------------------------------------------------------------ case library (agencies)
def library_folder() -> Path | None:
    """The folder of cases the case library shows (None until the user chose one)."""
    value = str(_settings().value("library/folder", "") or "")
    return Path(value) if value else None


def set_library_folder(folder: Path) -> None:
    _settings().setValue("library/folder", str(folder))


def library_cache_path(folder: Path) -> Path:
    """Where the library keeps its rows of ``folder`` between runs: beside the settings."""
    from assistant.core.library import cache_file_name

    return Path(_settings().fileName()).parent / "library" / cache_file_name(folder)


def profiles_path() -> Path:
    """The saved profiles: ``sms-profiles.json`` in the library folder (shared with colleagues
    who use the same folder), else beside the settings."""
    from assistant.core.profiles import PROFILES_FILE

    folder = library_folder()
    if folder is not None and folder.is_dir():
        return folder / PROFILES_FILE
    return Path(_settings().fileName()).parent / PROFILES_FILE


# ------------------------------------------------------------------ autosaved draft
def draft_folder() -> Path:
    """Folder of the autosaved draft: beside the settings file (so tests redirect both at once)."""
    return Path(_settings().fileName()).parent / "drafts"


def draft_path() -> Path:
    return draft_folder() / "draft.smscase.json"


def draft_source_path() -> Path:
    """Beside the draft: the case file the draft belongs to (empty for a new case)."""
    return draft_folder() / "draft.source"
