"""Search, filter and sort library rows: the same rules for the window and the command line.

A search matches when every word of it is in the row (client, applicant, credit code, file
name, provider, signatures, status, first problem, rejection text), compared after NFKC and
case folding, so ``ＡＢＣ`` finds ``abc``. Filters: stages, providers, and what blocks
(``blocked``: at least one error; ``clear``: none; ``broken``: the file cannot be used).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.core.library.rows import LibraryRow, fold

PROBLEM_FILTERS = ("", "blocked", "clear", "broken")
SORT_KEYS = ("client", "provider", "signatures", "stage", "problems", "modified", "file")


@dataclass(frozen=True)
class Query:
    text: str = ""
    stages: frozenset[str] = field(default_factory=frozenset)
    providers: frozenset[str] = field(default_factory=frozenset)
    problems: str = ""  # one of PROBLEM_FILTERS ("" = any)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(fold(self.text).split())

    def is_empty(self) -> bool:
        return not (self.words or self.stages or self.providers or self.problems)


class Matcher:
    """A compiled :class:`Query`; rows' search texts are folded once and kept."""

    def __init__(self, query: Query) -> None:
        if query.problems not in PROBLEM_FILTERS:
            raise ValueError(
                f"unknown problem filter {query.problems!r}; valid: {', '.join(PROBLEM_FILTERS[1:])}"
            )
        self.query = query
        self._words = query.words
        self._texts: dict[int, str] = {}

    def _text(self, row: LibraryRow) -> str:
        key = id(row)
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = row.search_text()
        return found

    def __call__(self, row: LibraryRow) -> bool:
        q = self.query
        if q.stages and row.stage not in q.stages:
            return False
        if q.providers and row.provider not in q.providers:
            return False
        if q.problems == "blocked" and not row.blocked:
            return False
        if q.problems == "clear" and row.blocked:
            return False
        if q.problems == "broken" and not row.broken:
            return False
        if self._words:
            haystack = self._text(row)
            return all(w in haystack for w in self._words)
        return True


def filter_rows(rows: Iterable[LibraryRow], query: Query) -> list[LibraryRow]:
    match = Matcher(query)
    return [r for r in rows if match(r)]


def _stage_order() -> dict[str, int]:
    from assistant.core.status import STAGES

    return {s: i for i, s in enumerate(STAGES)} | {"broken": -1}


def sort_key(key: str) -> Callable[[LibraryRow], Any]:
    """The sort key function of a column (:data:`SORT_KEYS`); ValueError for another name."""
    if key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {key!r}; valid: {', '.join(SORT_KEYS)}")
    if key == "stage":
        order = _stage_order()
        return lambda r: (order.get(r.stage, 99), fold(r.client))
    keys: dict[str, Callable[[LibraryRow], Any]] = {
        "client": lambda r: (fold(r.client) or "\uffff", r.path),
        "provider": lambda r: (r.provider, fold(r.client)),
        "signatures": lambda r: (fold(" ".join(r.signatures)) or "\uffff", r.path),
        "problems": lambda r: (r.errors, r.warnings, fold(r.client)),
        "modified": lambda r: (r.modified, r.path),
        "file": lambda r: r.path,
    }
    return keys[key]


def sort_rows(
    rows: Sequence[LibraryRow], key: str = "client", descending: bool = False
) -> list[LibraryRow]:
    return sorted(rows, key=sort_key(key), reverse=descending)
