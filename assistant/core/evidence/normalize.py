"""Text as compared: NFKC, one bracket width, no spaces; credit codes and dates read off a page."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from assistant.core.identifiers import uscc_check_char

# NFKC turns full-width brackets into ASCII ones; these are the other shapes a name may use.
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "［": "(", "］": ")", "[": "(", "]": ")"})
_SPACE_RE = re.compile(r"\s+")
_PUNCT = "：:;；，,。.、·・'\"“”‘’_—-"


def clean(text: str) -> str:
    """NFKC, brackets as ``()``, no white space: how names are compared."""
    value = unicodedata.normalize("NFKC", text or "").translate(_BRACKETS)
    return _SPACE_RE.sub("", value)


def display(text: str) -> str:
    """NFKC with single spaces, for showing a value read off a page."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def bare(text: str) -> str:
    """:func:`clean` without punctuation and brackets: how labels and sentences are matched."""
    return "".join(ch for ch in clean(text) if ch not in _PUNCT and ch not in "()")


# Characters a recogniser confuses with the credit code's alphabet (GB 32100 has no I, O, S, V, Z).
_CODE_CONFUSIONS = str.maketrans({"I": "1", "O": "0", "S": "5", "Z": "2", "V": "U"})
_CODE_RUN_RE = re.compile(r"[0-9A-Z]{18}")


def credit_codes(text: str) -> list[tuple[str, bool]]:
    """Every 18-character run of ``text`` that may be a credit code, as ``(code, valid)``.

    Look-alike letters the alphabet does not have are read as the digits they resemble."""
    value = clean(text).upper()
    found: list[tuple[str, bool]] = []
    for match in _CODE_RUN_RE.finditer(value):
        code = match.group().translate(_CODE_CONFUSIONS)
        found.append((code, uscc_check_char(code[:17]) == code[17]))
    if not found:
        # a code read with one character too many or too few is still shown (not valid)
        for run in re.findall(r"[0-9A-Z]{16,20}", value):
            found.append((run.translate(_CODE_CONFUSIONS), False))
    return found


_DATE_RE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")


def dates(text: str) -> list[dt.date]:
    """The real dates written in ``text`` (``2016年08月15日``, ``2016-08-15`` …), in order."""
    out: list[dt.date] = []
    for y, m, d in _DATE_RE.findall(unicodedata.normalize("NFKC", text or "")):
        try:
            out.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            continue
    return out
