"""Build docs/example-clients.xlsx from docs/example-clients.csv: the same client list as a
workbook whose cells are all formatted as Text, so a credit code or a landline typed into it
stays as typed (a General cell turns 18 digits into 9.1E+17 and drops a leading 0).

    python scripts/example_clients.py            # writes docs/example-clients.xlsx

The file is the same bytes on every run (fixed document dates).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXED = dt.datetime(2026, 12, 1)


def build(source: Path, target: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Font

    with source.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "clients"
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            cell.number_format = "@"  # Text: what is typed stays as typed
            if r == 1:
                cell.font = Font(bold=True)
    for c in range(1, len(rows[0]) + 1):
        letter = openpyxl.utils.get_column_letter(c)
        sheet.column_dimensions[letter].width = 24
        for r in range(len(rows) + 1, 201):  # room for more clients, formatted as Text too
            sheet.cell(row=r, column=c).number_format = "@"
    book.properties.created = book.properties.modified = FIXED
    book.properties.creator = "SMS Signature Assistant"
    book.save(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT / "docs" / "example-clients.csv")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "example-clients.xlsx")
    args = parser.parse_args(argv)
    print(build(args.source, args.output))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
