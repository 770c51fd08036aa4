"""F1: a short help page for the current step, in the interface language.

The texts are Markdown files in ``resources/help/<lang>/<page>.md`` (``page`` is the page id's
name in lower case: ``names.md``, ``documents.md`` …); a page without its own text shows
``overview.md``, and a language without the file shows the English one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from assistant.core.flow import PageId


def _help_file(name: str, lang: str) -> Path | None:
    from assistant.resources import resource_path

    for candidate in (lang, "en"):
        try:
            path = resource_path("help", candidate, f"{name}.md")
        except FileNotFoundError:
            return None
        if path.is_file():
            return path
    return None


def help_page(page_id: int, lang: str) -> tuple[str, str]:
    """(window title, Markdown text) of the help of ``page_id``."""
    try:
        name = PageId(page_id).name.lower()
    except ValueError:
        name = "overview"
    path = _help_file(name, lang) or _help_file("overview", lang)
    text = path.read_text(encoding="utf-8") if path is not None else ""
    title = QCoreApplication.translate("AssistantWizard", "Help — SMS Signature Assistant")
    return title, text
