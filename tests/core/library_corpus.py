"""Generated client lists and case folders for the library, import and benchmark tests: valid
credit codes, Chinese company names, the three providers; a spreadsheet written as .csv (any
encoding) or .xlsx (codes as text, or damaged the way spreadsheets damage them)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from assistant.core.identifiers import org_code_check_char, uscc_check_char

_CITIES = ("杭州", "深圳", "上海", "北京", "成都", "武汉", "南京", "苏州", "广州", "西安")
_TRADES = (
    "云朵",
    "星河",
    "蓝鲸",
    "青松",
    "银杏",
    "远山",
    "明月",
    "飞鱼",
    "海棠",
    "北辰",
    "晨光",
    "清泉",
)
_KINDS = ("科技", "网络", "信息技术", "电子商务", "文化传媒")
_PEOPLE = ("张明", "李娜", "王伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽")
_PROVIDERS = ("腾讯云", "阿里云", "华为云")
_ORG = "0123456789ABCDEFGHJKLMNPQRTUWXY"
HEADERS = ["客户名称", "统一社会信用代码", "法定代表人", "签名名称", "平台", "备注"]


def credit_code(seed: int, region: str = "330106") -> str:
    """A valid unified social credit code (check characters computed) for ``seed``."""
    org8 = "".join(_ORG[(seed * 7 + i * 13 + seed // (i + 1)) % 31] for i in range(8))
    org8 = "MA" + org8[2:]
    first17 = "91" + region + org8 + (org_code_check_char(org8) or "0")
    return first17 + (uscc_check_char(first17) or "0")


def client_rows(n: int, start: int = 0) -> list[dict[str, str]]:
    rows = []
    for i in range(start, start + n):
        combos = len(_TRADES) * len(_KINDS) * len(_CITIES)
        trade = _TRADES[i % len(_TRADES)] + (str(i // combos + 1) if i >= combos else "")
        kind = _KINDS[(i // len(_TRADES)) % len(_KINDS)]
        city = _CITIES[(i // (len(_TRADES) * len(_KINDS))) % len(_CITIES)]
        rows.append(
            {
                "客户名称": f"{city}{trade}{kind}有限公司",
                "统一社会信用代码": credit_code(i + 1),
                "法定代表人": _PEOPLE[i % len(_PEOPLE)],
                "签名名称": f"{trade}{kind}",
                "平台": _PROVIDERS[i % 3],
                "备注": f"向{trade}{kind}的注册用户发送登录验证码",
            }
        )
    return rows


def csv_bytes(
    rows: list[dict[str, str]], encoding: str = "utf-8-sig", delimiter: str = ","
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for r in rows:
        writer.writerow([r.get(h, "") for h in HEADERS])
    return buffer.getvalue().encode(encoding)


def write_xlsx(path: Path, rows: list[dict[str, Any]], *, text_codes: bool = True) -> Path:
    """An .xlsx of ``rows``; values that are numbers stay numbers (the damage a spreadsheet does
    when a code is typed into a General cell); with ``text_codes`` the code column is Text."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for r in rows:
        sheet.append([r.get(h, "") for h in HEADERS])
    if text_codes:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
            cell.number_format = "@"
    book.save(path)
    return path


def make_case_folder(folder: Path, n: int, *, lang: str = "zh") -> list[Path]:
    """``n`` case files in ``folder`` (made by the import, as an agency would)."""
    from assistant.core.intake import import_cases

    folder.mkdir(parents=True, exist_ok=True)
    sheet = folder.parent / f"{folder.name}-clients.csv"
    sheet.write_bytes(csv_bytes(client_rows(n)))
    report = import_cases(sheet, folder, lang=lang)
    return [r.case_path for r in report.rows if r.case_path is not None]
