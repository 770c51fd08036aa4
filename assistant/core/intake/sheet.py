"""Read a client list: ``.xlsx`` (openpyxl) or ``.csv``, as a header row and rows of raw cells.

The cells keep what the file says about them (the value's type and, in ``.xlsx``, its
``number_format``), so :mod:`assistant.core.intake.values` can tell a code typed as text from
one the spreadsheet turned into a number (``9.1E+17``, a lost leading zero). A ``.csv`` is read
as text whatever its encoding: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode
text"), else GB 18030 (a superset of GBK, what Excel writes on Chinese Windows); its delimiter
(comma, semicolon, tab) is detected. The header row is the first row with at least two filled
cells. Bad input gives a finding, never an exception; size, rows and columns are bounded.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.findings import Finding, Severity
from assistant.core.fsio import FileTooLargeError, NotRegularFileError, read_regular_file
from assistant.core.i18n import normalize_language, text

MAX_SHEET_BYTES = 32 << 20
MAX_ROWS = 5000  # applications in one import
MAX_COLUMNS = 60
MAX_CELL_CHARS = 2000
MAX_UNPACKED_BYTES = 256 << 20  # an .xlsx whose parts unpack to more is refused (zip bomb)
SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt", ".tsv")


@dataclass(frozen=True)
class RawCell:
    value: Any  # str, int, float, bool, datetime, or None (empty)
    number_format: str = "General"  # .xlsx only
    text: bool = True  # the file stored it as text (every cell of a .csv)

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass
class RawTable:
    path: str
    headers: list[str]
    rows: list[tuple[int, list[RawCell]]]  # (row number in the file, 1-based; cells)
    sheet: str = ""  # the worksheet read (.xlsx)
    findings: list[Finding] = field(default_factory=list)

    def column_count(self) -> int:
        return len(self.headers)


def _fail(code: str, lang: str, path: str, **params: Any) -> tuple[None, list[Finding]]:
    return None, [
        Finding(Severity.ERROR, code, text(code, lang, path=path, **params), subject=path)
    ]


def read_table(
    path: str | os.PathLike[str], lang: str | None = None
) -> tuple[RawTable | None, list[Finding]]:
    """The header and rows of a client list; ``(None, findings)`` when it cannot be read."""
    lang = normalize_language(lang)
    where = str(path)
    try:
        raw = read_regular_file(path, MAX_SHEET_BYTES)
    except FileNotFoundError:
        return _fail("intake.not_found", lang, where)
    except NotRegularFileError:
        return _fail("intake.unreadable", lang, where, error="not a regular file")
    except FileTooLargeError:
        return _fail("intake.too_large", lang, where, limit=MAX_SHEET_BYTES >> 20)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return _fail("intake.unreadable", lang, where, error=reason)
    if raw[:4] == b"PK\x03\x04":
        grid, found = _xlsx_grid(raw, where, lang)
    elif (
        Path(where).suffix.lower() in (".xls", ".et")
        or raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    ):
        return _fail("intake.old_excel", lang, where)
    else:
        grid, found = _csv_grid(raw, where, lang)
    if grid is None:
        return None, found
    table = _table(where, grid[1], lang, found)
    if table is not None:
        table.sheet = grid[0]
    return table, (table.findings if table else found)


def _table(
    where: str, cells: list[list[RawCell]], lang: str, found: list[Finding]
) -> RawTable | None:
    """The first row with two filled cells is the header; the filled rows after it are data."""
    head = next((i for i, r in enumerate(cells) if sum(not c.empty for c in r) >= 2), None)
    if head is None:
        found.append(
            Finding(Severity.ERROR, "intake.no_header", text("intake.no_header", lang, path=where))
        )
        return None
    headers = [_header_text(c) for c in cells[head]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    rows = []
    for i in range(head + 1, len(cells)):
        row = (cells[i] + [RawCell(None)] * width)[:width]
        if any(not c.empty for c in row):
            rows.append((i + 1, row))
    if len(rows) > MAX_ROWS:
        found.append(
            Finding(
                Severity.WARNING,
                "intake.too_many_rows",
                text("intake.too_many_rows", lang, limit=MAX_ROWS, count=len(rows)),
            )
        )
        rows = rows[:MAX_ROWS]
    return RawTable(where, headers, rows, findings=found)


def _header_text(cell: RawCell) -> str:
    if cell.value is None:
        return ""
    return " ".join(str(cell.value).split())


# ------------------------------------------------------------------------------ .xlsx
def _unpacked_size(raw: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        return sum(i.file_size for i in zf.infolist())


def _xlsx_grid(
    raw: bytes, where: str, lang: str
) -> tuple[tuple[str, list[list[RawCell]]] | None, list[Finding]]:
    try:
        if _unpacked_size(raw) > MAX_UNPACKED_BYTES:
            return _fail("intake.too_large", lang, where, limit=MAX_UNPACKED_BYTES >> 20)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return _fail("intake.not_xlsx", lang, where, error=str(exc)[:200])
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency of the program
        return _fail("intake.no_openpyxl", lang, where)
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        return _fail("intake.not_xlsx", lang, where, error=f"{type(exc).__name__}: {exc}"[:200])
    try:
        sheet = next(
            (ws for ws in book.worksheets if getattr(ws, "sheet_state", "visible") == "visible"),
            None,
        )
        if sheet is None:
            return _fail("intake.no_header", lang, where)
        grid = []
        for row in sheet.iter_rows(max_col=MAX_COLUMNS):
            grid.append([_xlsx_cell(c) for c in row])
            if len(grid) > MAX_ROWS + 20:
                break
        return (sheet.title, grid), []
    except Exception as exc:  # a damaged sheet part
        return _fail("intake.not_xlsx", lang, where, error=f"{type(exc).__name__}: {exc}"[:200])
    finally:
        book.close()


def _xlsx_cell(cell: Any) -> RawCell:
    value = getattr(cell, "value", None)
    if isinstance(value, str):
        return RawCell(value[:MAX_CELL_CHARS], "General", True)
    fmt = getattr(cell, "number_format", None) or "General"
    return RawCell(value, str(fmt), False)


# ------------------------------------------------------------------------------ .csv
def decode_text(raw: bytes) -> tuple[str, str]:
    """The text of a .csv and the encoding it was read in."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace"), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t"}
        return max(counts, key=lambda d: counts[d])


def _csv_grid(
    raw: bytes, where: str, lang: str
) -> tuple[tuple[str, list[list[RawCell]]] | None, list[Finding]]:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _fail("intake.not_a_table", lang, where)
    content, encoding = decode_text(raw)
    found: list[Finding] = []
    if "replacements" in encoding or "\ufffd" in content:
        found.append(
            Finding(
                Severity.WARNING,
                "intake.encoding",
                text("intake.encoding", lang, path=where),
                subject=where,
            )
        )
    lines = content.splitlines()
    delimiter = _delimiter("\n".join(lines[:20]))
    grid = []
    try:
        reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
        for record in reader:
            grid.append([RawCell(v[:MAX_CELL_CHARS]) for v in record[:MAX_COLUMNS]])
            if len(grid) > MAX_ROWS + 20:
                break
    except csv.Error as exc:
        return _fail("intake.not_a_table", lang, where, error=str(exc))
    return ("", grid), found
