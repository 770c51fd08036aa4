"""Where a rule or a rejection reason comes from: one kind of source for the rule packs
(``resources/rules/common.toml``) and the rejection catalogue (``resources/rejections/``).

``title`` (English), ``title_zh`` and ``title_id`` are what a reader sees (the checklist, the
rejection explainer): the provider's page title, or a plain description of the page; ``url`` the
page that was read, ``read`` the date. ``note`` (API and package names, how the page was read)
and ``ref`` (our own seed file or research section) are for developers and never shown on paper
or on screen (#16); the ``rules`` command prints them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.core.i18n import text


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    read: dt.date
    url: str | None = None
    ref: str | None = None
    note: str | None = None
    title_zh: str | None = None
    title_id: str | None = None
    via: str | None = None  # the copy the page was read through, when not the page itself

    @classmethod
    def from_table(cls, source_id: str, table: Mapping[str, Any]) -> Source:
        """The source ``source_id`` of a TOML ``[sources.<id>]`` table (already validated)."""
        return cls(
            id=source_id,
            title=table["title"],
            read=table["read"],
            url=table.get("url"),
            ref=table.get("ref"),
            note=table.get("note"),
            title_zh=table.get("title_zh"),
            title_id=table.get("title_id"),
            via=table.get("via"),
        )

    def title_for(self, lang: str | None) -> str:
        """The title in ``lang`` (en, zh, id); English where there is no such title."""
        localized = {"zh": self.title_zh, "id": self.title_id}.get(lang or "en")
        return localized or self.title

    def cited(self, lang: str | None) -> str:
        """The source as a reader sees it, like a source row of the checklist: the title in
        ``lang`` · the address (when there is one) · the date it was read."""
        read = text("render.source_read", lang, date=self.read.isoformat())
        return " · ".join([self.title_for(lang), *([self.url] if self.url else []), read])
