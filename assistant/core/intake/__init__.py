"""Import clients from a spreadsheet (issue #15): one row per application, ``.xlsx`` or
``.csv``, each row a new case file, checked.

* :func:`import_cases` (file, output folder, overrides / ``--map`` specs, defaults) ->
  :class:`IntakeReport` with a :class:`RowResult` per row (written, refused with the damage
  found, what is still missing); :func:`import_table` for a table already read (the window's
  preview and its import use the same table);
* :func:`read_table` (:mod:`.sheet`), :func:`recognise` / :func:`parse_map` (:mod:`.columns`),
  :func:`cell_text` (:mod:`.values`).
"""

from assistant.core.intake.build import (
    IntakeDefaults,
    IntakeReport,
    RowResult,
    case_of_row,
    import_cases,
    import_table,
)
from assistant.core.intake.columns import (
    Field,
    MappingError,
    column_index,
    field_ids,
    field_kind,
    fields,
    header_key,
    mapping_for,
    parse_map,
    recognise,
)
from assistant.core.intake.sheet import RawCell, RawTable, read_table
from assistant.core.intake.values import Damage, cell_text, choice_value, split_list

__all__ = [
    "Damage",
    "Field",
    "IntakeDefaults",
    "IntakeReport",
    "MappingError",
    "RawCell",
    "RawTable",
    "RowResult",
    "case_of_row",
    "cell_text",
    "choice_value",
    "column_index",
    "field_ids",
    "field_kind",
    "fields",
    "header_key",
    "import_cases",
    "import_table",
    "mapping_for",
    "parse_map",
    "read_table",
    "recognise",
    "split_list",
]
