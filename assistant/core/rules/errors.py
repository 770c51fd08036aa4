"""Where a rule pack is wrong: :class:`RulePackError` with the file, the key path and the line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


class RulePackError(ValueError):
    """A rule pack is malformed. ``file``, ``key`` and ``line`` say where."""

    def __init__(self, file: str, key: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.key = key
        self.line = line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {key or '(top level)'}: {message}")


def key_path(parts: Iterable[Any]) -> str:
    """``["rules", 3, "min"]`` -> ``rules[3].min``."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def locate(text: str, parts: list[Any]) -> int | None:
    """Best-effort line number of a key path in a TOML text (for error messages)."""
    lines = text.splitlines()
    start = 0
    i = 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if isinstance(part, str) and isinstance(nxt, int):
            header = re.compile(rf"^\s*\[\[\s*{re.escape(part)}\s*\]\]")
            hits = [n for n in range(start, len(lines)) if header.match(lines[n])]
            if len(hits) > nxt:
                start = hits[nxt]
                i += 2
                continue
            # an inline array: find the key, then count on
            key = re.compile(rf"^\s*{re.escape(part)}\s*=")
            for n in range(start, len(lines)):
                if key.match(lines[n]):
                    return n + 1
            return None
        if isinstance(part, str):
            pat = re.compile(rf"^\s*(\[\s*)?([\w.-]+\.)?{re.escape(part)}(\s*\]|\s*=|\.)")
            for n in range(start, len(lines)):
                if pat.match(lines[n]):
                    start = n
                    break
            else:
                return start + 1 if start else None
        i += 1
    return start + 1


class PackText:
    """One pack file's name and text, to raise errors that point into it."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text

    def error(self, parts: list[Any], message: str) -> RulePackError:
        return RulePackError(self.file, key_path(parts), message, locate(self.text, parts))
