"""A client list's cells as the text a case needs, and the damage spreadsheets do to codes.

A spreadsheet program turns what looks like a number into one: an 18-digit credit code becomes
``9.1E+17`` (a double keeps 15 digits: the rest are gone), a landline loses its leading ``0``,
a code gets ``.0`` or thousands separators when it is exported again. Codes, ID numbers and
phone numbers must therefore be *text*: :func:`cell_text` takes a cell of such a column only
when it is, or when its value can be recovered exactly (a whole number of a column whose
number format pads zeros shows the digits as the user saw them), and otherwise names the damage
(a :class:`Damage` the import turns into a refusal of that row, with what to do).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache

from assistant.core.intake.columns import field_kind, header_key
from assistant.core.intake.sheet import RawCell
from assistant.resources import resource_path

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_DECIMAL = re.compile(r"^\d+[.]\d+$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$")
_DIGITS = re.compile(r"^\d+$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_PADDED = re.compile(r"^0+$")
_LIST_SPLIT = re.compile(r"[、;；,，|｜\n\r]+")
LANDLINE_FIELDS = ("remarks.landline",)
CREDIT_CODE_FIELDS = ("owner.credit_code", "applicant.credit_code")
MAX_EXACT = 10**15  # a double holds every whole number below this exactly (15 digits)


@dataclass(frozen=True)
class Damage:
    """What a spreadsheet did to a cell: ``code`` is a message key ``intake.damage.<code>``."""

    code: str
    shown: str  # the cell as the spreadsheet shows it


def _number_text(value: float | int) -> str:
    """A number as a spreadsheet shows it in a General cell (``9.1110108E+17``, ``12``)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < MAX_EXACT:
        return str(int(value))
    if isinstance(value, float) and abs(value) >= MAX_EXACT:
        mantissa, exponent = f"{value:.6E}".split("E")
        return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent)}"
    return str(value)


def _plain(cell: RawCell) -> str:
    """The cell as text, whatever it holds (for fields where a number is fine)."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, int | float):
        return _number_text(v)
    return " ".join(str(v).split())


def _text_damage(value: str, field_id: str) -> str | None:
    compact = value.replace(" ", "")
    if _SCIENTIFIC.match(compact):
        return "scientific"
    if _THOUSANDS.match(compact):
        return "thousands"
    if _DECIMAL.match(compact):
        return "decimal"
    landline = field_id in LANDLINE_FIELDS and bool(_DIGITS.match(compact))
    if landline and not compact.startswith("0") and not _MOBILE.match(compact):
        return "leading_zero"
    if field_id in CREDIT_CODE_FIELDS and _rounded(compact):
        return "rounded"
    return None


def _rounded(code: str) -> bool:
    """18 digits ending in zeros whose check character is wrong: a number rounded to 15 digits
    by a spreadsheet, then written out as text."""
    from assistant.core.identifiers import uscc_check_char

    return (
        len(code) == 18
        and code.isdigit()
        and code.endswith("000")
        and uscc_check_char(code[:17]) != code[17]
    )


def _number_cell(cell: RawCell, kind: str, field_id: str) -> tuple[str, Damage | None]:
    """A number in a column of codes, phones or digits: recovered when exact, else damage."""
    v = cell.value
    shown = _number_text(v) if isinstance(v, int | float) else _plain(cell)
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        return "", Damage("not_text", shown)
    whole = float(v).is_integer() and abs(v) < MAX_EXACT
    if not whole:
        return "", Damage("scientific" if abs(v) >= MAX_EXACT else "decimal", shown)
    digits = str(int(v))
    fmt = cell.number_format.strip()
    if _PADDED.match(fmt) and len(fmt) > len(digits):
        return digits.zfill(len(fmt)), None  # the zeros the user sees in the spreadsheet
    if kind == "digits":
        return digits, None
    if kind == "phone":
        if field_id in LANDLINE_FIELDS and not _MOBILE.match(digits):
            return "", Damage("leading_zero", shown)
        return digits, None
    return "", Damage("number", shown)  # a code stored as a number: leading zeros, digits lost


def cell_text(cell: RawCell, field_id: str) -> tuple[str, Damage | None]:
    """The text of ``cell`` for the field ``field_id``, or the damage found in it."""
    if cell.empty:
        return "", None
    kind = field_kind(field_id)
    if kind in ("code", "phone", "digits") and not cell.text:
        if isinstance(cell.value, dt.date | dt.datetime):
            return "", Damage("date", _plain(cell))
        return _number_cell(cell, kind, field_id)
    value = _plain(cell)
    if kind in ("code", "phone", "digits"):
        damage = _text_damage(value, field_id)
        if damage:
            return "", Damage(damage, value)
    return value, None


def split_list(value: str) -> list[str]:
    """Several values of one cell (``云朵科技、云朵``): split at 、 ; , | and line breaks."""
    return [v.strip() for v in _LIST_SPLIT.split(value) if v.strip()]


@cache
def _choices() -> dict[str, dict[str, str]]:
    with resource_path("intake", "values.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return {
        name: {header_key(word): value for value, words in table.items() for word in words}
        | {header_key(value): value for value in table}
        for name, table in data.items()
    }


def choice_value(field_id: str, value: str) -> str:
    """The id a case uses for what a choice column says (``腾讯云`` -> ``tencent``); a value that
    is not known is given back as written (the case checks then name the valid ids)."""
    table = _choices().get(field_id, {})
    return table.get(header_key(value), value.strip())
