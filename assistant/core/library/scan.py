"""Scan a folder of cases into library rows, reading each case file only when it changed.

:class:`RowCache` keeps every row with the key it was made for: the case file's path,
modification time (ns) and size, and the same of each attached file. A row is made again only
when one of them changed; the cache also drops everything when the program, the language or the
day changed (the rules, the messages and date checks such as a letter's validity follow them).
The cache can live in a file (:meth:`RowCache.load` / :meth:`RowCache.save`, atomic; a damaged
or foreign file is an empty cache), so opening a library of 1,000 cases a second time costs a
``stat`` per file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from assistant.core.fsio import atomic_write_bytes, read_regular_file
from assistant.core.i18n import normalize_language
from assistant.core.jobs import Cancelled, Progress
from assistant.core.library.rows import ROW_FIELDS_VERSION, LibraryRow, dependencies, summarize
from assistant.core.model import CASE_SUFFIX

CACHE_FORMAT = "sms-signature-library-cache"
MAX_CACHE_BYTES = 64 << 20  # 1,000 rows are about 1 MB
MAX_DEPTH = 8  # sub-folders below the library folder that are looked into
# rows are handed to ``on_rows`` in batches of at most this many (the table fills as they come)
BATCH = 50

RowsCallback = Callable[[list[LibraryRow]], None]


@cache
def program_fingerprint() -> str:
    """Changes whenever the program or its resources (rule packs, messages, rejection reasons)
    change: a cached row was made by the same checks only when it matches."""
    import hashlib

    from assistant import __version__
    from assistant.resources import resource_path

    digest = hashlib.sha256(f"{__version__}:{ROW_FIELDS_VERSION}".encode())
    for folder in ("rules", "i18n", "rejections"):
        try:
            root = resource_path(folder)
        except FileNotFoundError:
            continue
        for p in sorted(root.rglob("*.toml")) + sorted(root.rglob("*.json")):
            digest.update(p.relative_to(root).as_posix().encode())
            digest.update(p.read_bytes())
    return digest.hexdigest()[:16]


def _key(st: os.stat_result) -> list[int]:
    return [st.st_mtime_ns, st.st_size]


@dataclass
class RowCache:
    """Rows by case file path, each with the key it was made for."""

    lang: str = "en"
    day: str = ""
    entries: dict[str, tuple[list[int], LibraryRow]] = field(default_factory=dict)

    def get(self, path: str, st: os.stat_result) -> LibraryRow | None:
        entry = self.entries.get(path)
        if entry is None or entry[0] != _key(st):
            return None
        row = entry[1]
        if row.depends and dependencies([d[0] for d in row.depends]) != row.depends:
            return None  # an attached file changed, appeared or went
        return row

    def put(self, path: str, st: os.stat_result, row: LibraryRow) -> None:
        self.entries[path] = (_key(st), row)

    def matches(self, lang: str, day: str) -> bool:
        return self.lang == lang and self.day == day

    def reset(self, lang: str, day: str) -> None:
        self.lang, self.day, self.entries = lang, day, {}

    # ---------------------------------------------------------------- the file
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> RowCache:
        """The cache kept in ``path``; an empty one when it is missing, damaged or was written
        by another version of the program."""
        try:
            data = json.loads(read_regular_file(path, MAX_CACHE_BYTES).decode("utf-8"))
            if data.get("format") != CACHE_FORMAT or data.get("program") != program_fingerprint():
                return cls()
            entries = {
                str(p): ([int(k) for k in e["key"]], LibraryRow.from_dict(e["row"]))
                for p, e in data["entries"].items()
            }
            return cls(str(data["lang"]), str(data["day"]), entries)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the cache to ``path`` atomically (raises ``OSError``)."""
        data = {
            "format": CACHE_FORMAT,
            "program": program_fingerprint(),
            "lang": self.lang,
            "day": self.day,
            "entries": {p: {"key": k, "row": r.to_dict()} for p, (k, r) in self.entries.items()},
        }
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def case_files(folder: str | os.PathLike[str]) -> Iterator[tuple[str, os.stat_result]]:
    """Every ``*.smscase.json`` in ``folder`` and its sub-folders (hidden ones and links to
    folders are not followed), with its ``stat``; sorted by path within each folder."""

    def walk(where: str, depth: int) -> Iterator[tuple[str, os.stat_result]]:
        try:
            with os.scandir(where) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth < MAX_DEPTH:
                        yield from walk(entry.path, depth + 1)
                elif entry.name.endswith(CASE_SUFFIX) and entry.is_file():
                    yield entry.path, entry.stat()
            except OSError:
                continue

    yield from walk(os.fspath(folder), 0)


@dataclass
class ScanResult:
    rows: list[LibraryRow]
    reused: int  # rows taken from the cache
    made: int  # rows made from their case file
    cancelled: bool = False


def scan(
    folder: str | os.PathLike[str],
    *,
    lang: str | None = None,
    cache: RowCache | None = None,
    today: dt.date | None = None,
    on_rows: RowsCallback | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
) -> ScanResult:
    """The rows of every case file under ``folder``, in path order. Rows of unchanged files come
    from ``cache`` (which is updated: rows of files that are gone are dropped). ``on_rows`` gets
    the rows in batches as they are ready, rows from the cache first."""
    lang = normalize_language(lang)
    day = (today or dt.date.today()).isoformat()
    cache = cache if cache is not None else RowCache(lang, day)
    if not cache.matches(lang, day):
        cache.reset(lang, day)
    files = list(case_files(folder))
    rows: list[LibraryRow | None] = [None] * len(files)
    todo: list[int] = []
    for i, (path, st) in enumerate(files):
        rows[i] = cache.get(path, st)
        if rows[i] is None:
            todo.append(i)
    ready = [r for r in rows if r is not None]
    for start in range(0, len(ready), BATCH * 20):
        if on_rows is not None:
            on_rows(ready[start : start + BATCH * 20])
    batch: list[LibraryRow] = []
    cancelled = False
    for n, i in enumerate(todo):
        if cancel is not None and cancel():
            cancelled = True
            break
        path, st = files[i]
        row = summarize(path, lang, today, modified=st.st_mtime)
        cache.put(path, st, row)
        rows[i] = row
        batch.append(row)
        if progress is not None:
            progress(n + 1, len(todo), path)
        if on_rows is not None and len(batch) >= BATCH:
            on_rows(batch)
            batch = []
    if on_rows is not None and batch:
        on_rows(batch)
    present = {p for p, _ in files}
    for gone in [p for p in cache.entries if p not in present]:
        del cache.entries[gone]
    done = [r for r in rows if r is not None]
    return ScanResult(done, len(files) - len(todo), len(done) - (len(files) - len(todo)), cancelled)


def refresh_row(path: str | os.PathLike[str], *, lang: str | None = None) -> LibraryRow | None:
    """The row of one case file read now (None when it is not there any more)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return summarize(path, lang, modified=st.st_mtime)


def cache_file_name(folder: str | os.PathLike[str]) -> str:
    """A file name for the cache of the library in ``folder`` (one per folder)."""
    import hashlib

    try:
        where = str(Path(folder).resolve())
    except (OSError, RuntimeError):
        where = os.path.abspath(folder)
    return f"library-{hashlib.sha256(where.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}.json"


def as_json(rows: list[LibraryRow]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in rows]
