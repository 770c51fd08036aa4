"""JSON-schema validation of rule-pack files, with ``file:line: key.path: message`` errors.

``resources/rules/schema/<name>.schema.json`` describes each kind of file (``provider``,
``common``). A provider pack's optional ``[templates]`` and ``[qualification]`` tables are
validated, in addition, against ``templates.schema.json`` / ``qualification.schema.json`` when
the file exists (its root describes the table itself).
``jsonschema`` is imported only when a file is validated, so loading packs that need no
validation (the shipped ones, see the loader) does not pay for it.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from assistant.core.rules.errors import PackText
from assistant.resources import resource_path

# Tables of a kind of file that have a schema file of their own: {kind: {table: schema name}}.
TABLE_SCHEMAS: dict[str, dict[str, str]] = {
    "provider": {"templates": "templates", "qualification": "qualification"}
}


def _jsonable(value: Any) -> Any:
    """TOML data as JSON data (dates as ISO text), which is what the schemas describe."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


@cache
def schema(name: str) -> dict[str, Any] | None:
    """The schema ``name``, or None when there is no such file."""
    path = resource_path("rules", "schema", f"{name}.schema.json")
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _first_error(schema_data: dict[str, Any], data: Any) -> tuple[list[Any], str] | None:
    """The key path and message of the most relevant error of ``data``, if it has one."""
    import jsonschema  # here, not at import time: see the module docstring

    validator = jsonschema.Draft202012Validator(
        schema_data, format_checker=jsonschema.FormatChecker()
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    err = jsonschema.exceptions.best_match(errors) or errors[0]
    return list(err.absolute_path), err.message


def validate(data: dict[str, Any], pack: PackText, kind: str) -> None:
    """Check ``data`` (read from ``pack``) against the schema of ``kind``; raise the first error."""
    main = schema(kind)
    if main is None:
        raise FileNotFoundError(f"rule-pack schema {kind!r} is missing")
    plain = _jsonable(data)
    found = _first_error(main, plain)
    if found is None:
        for table, name in TABLE_SCHEMAS.get(kind, {}).items():
            table_schema = schema(name)
            if table in plain and table_schema is not None:
                sub = _first_error(table_schema, plain[table])
                if sub is not None:
                    found = ([table, *sub[0]], sub[1])
                    break
    if found is not None:
        raise pack.error(*found)
