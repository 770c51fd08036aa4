"""The case library (issue #15): a folder of case files, possibly on a shared drive, as rows an
agency can search, filter and sort, and what it does with them.

* :func:`scan` (folder, cache) -> :class:`ScanResult` of :class:`LibraryRow` (client, provider,
  signatures, status stage, blocking problems with the first one, last change), reading each case
  file only when it changed (:class:`RowCache`, kept in a file between runs);
* :class:`Query`, :func:`filter_rows`, :func:`sort_rows`;
* :func:`duplicate_case` (for a new client), :func:`write_new_case` (never over another file),
  :func:`export_cases` (the chosen rows, the same core as ``export-batch``),
  :func:`record_rejection`.
"""

from assistant.core.library.actions import (
    blank_for_new_client,
    duplicate_case,
    export_cases,
    file_stem,
    mark_ready,
    record_rejection,
    write_new_case,
)
from assistant.core.library.query import (
    PROBLEM_FILTERS,
    SORT_KEYS,
    Matcher,
    Query,
    filter_rows,
    sort_rows,
)
from assistant.core.library.rows import LibraryRow, fold, summarize
from assistant.core.library.scan import (
    RowCache,
    ScanResult,
    cache_file_name,
    case_files,
    refresh_row,
    scan,
)

__all__ = [
    "PROBLEM_FILTERS",
    "SORT_KEYS",
    "LibraryRow",
    "Matcher",
    "Query",
    "RowCache",
    "ScanResult",
    "blank_for_new_client",
    "cache_file_name",
    "case_files",
    "duplicate_case",
    "export_cases",
    "file_stem",
    "filter_rows",
    "fold",
    "mark_ready",
    "record_rejection",
    "refresh_row",
    "scan",
    "sort_rows",
    "summarize",
    "write_new_case",
]
