"""Message catalogue of the core, in the user's language.

Every ``resources/i18n/*.toml`` file is a table of ``[key]`` entries with ``en``, ``zh`` and
optionally ``id`` strings (``str.format`` placeholders). Missing languages fall back to English.
The files are read through their compiled copy while it matches (:mod:`assistant.core.compiled`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from assistant.core.compiled import load_toml
from assistant.resources import resource_path

LANGUAGES = ("en", "zh", "id")
DEFAULT_LANGUAGE = "en"

Messages = dict[str, dict[str, str]]


def load_messages(folder: Path) -> Messages:
    """Every message of ``folder``'s TOML files (a key defined twice is an error)."""
    merged: Messages = {}
    for path in sorted(folder.glob("*.toml")):
        for key, value in load_toml(path).items():
            if key in merged:
                raise ValueError(f"{path.name}: message key {key!r} is defined twice")
            merged[key] = value
    return merged


@cache
def _catalogue() -> Messages:
    return load_messages(resource_path("i18n"))


def has_text(key: str) -> bool:
    return key in _catalogue()


def normalize_language(lang: str | None) -> str:
    if not lang:
        return DEFAULT_LANGUAGE
    base = lang.replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def environment_language(env: Mapping[str, str] | None = None) -> str:
    """The language of the user's shell or desktop session (``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``; ``zh_CN.UTF-8`` -> ``zh``), English when none of ours."""
    import os

    env = os.environ if env is None else env
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(key):
            return normalize_language(env[key])
    return DEFAULT_LANGUAGE


def text(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The message ``key`` in ``lang``, formatted with ``params``."""
    entry = _catalogue().get(key)
    if entry is None:
        raise KeyError(f"no message {key!r} in resources/i18n")
    lang = normalize_language(lang)
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**params) if params else template


def localized(value: Mapping[str, str] | str, lang: str | None = None) -> str:
    """Pick the ``lang`` string of a ``{en, zh, id}`` table from a rule pack."""
    if isinstance(value, str):
        return value
    lang = normalize_language(lang)
    return value.get(lang) or value.get(DEFAULT_LANGUAGE) or next(iter(value.values()), "")
