"""Turning console text into comparable features: normalisation, synonyms, n-grams.

The same pipeline runs over the catalogue's phrasings and over what the user pastes, so both
sides meet in one vocabulary:

1. Unicode NFKC (full-width letters and digits, compatibility forms), traditional -> simplified
   Chinese (OpenCC ``t2s``), lower case, one space for any run of white space.
2. Console prefixes ("审核不通过：", "Rejected: " …) are cut from the start of every line.
3. Synonym groups rewrite every variant to its canonical term (longest variant first; Latin
   variants only as whole words), so "authorization letter", "委托书" and "授权委托书" all read
   "授权书" and an English text meets the Chinese phrasings.
4. Stop phrases are cut out; every other punctuation mark becomes a space.

Features: Chinese character bigrams and unigrams, Latin words (lightly stemmed) and their
character trigrams (for typos), and one feature per canonical term present.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

# Feature kinds and their weights relative to a Chinese bigram.
KIND_WEIGHTS = {"b": 1.0, "u": 0.3, "w": 1.0, "t": 0.25, "c": 1.5}

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_CJK}]+|[a-z0-9]+")
_CJK_RUN = re.compile(rf"^[{_CJK}]+$")
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(rf"[^{_CJK}a-z0-9 ]+")
_LATIN = re.compile(r"[a-z0-9]")
_WORD = re.compile(r"[a-z]{5,}")
TYPO_CUTOFF = 0.85  # difflib ratio from which an unknown English word is read as a known one
# List marks ("1.", "2、", "(3)", "-", "•") around console prefixes.
_LIST = r"(?:\s*(?:\d{1,2}[.、)）]|[(（]\d{1,2}[)）]|[-—*•·:：]))*\s*"


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def basic(text: str) -> str:
    """NFKC, simplified Chinese, lower case, single spaces (step 1)."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc") or ch in "\n\t"
    )
    text = _t2s().convert(text).lower()
    return "\n".join(_SPACE.sub(" ", line).strip() for line in text.splitlines())


def _stem(word: str) -> str:
    """A light English stemmer: enough to meet plural and tense forms of the same word."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)] + keep
    return word


def _trie(words: Iterable[str]) -> str:
    """One regex matching any of ``words``, longest first, as a trie (fast on 1,000 words)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for ``phrases``, longest match first; those starting with a Latin letter or
    digit only as whole words."""
    unique = {p for p in phrases if p}
    latin = [p for p in unique if _LATIN.match(p[0])]
    other = [p for p in unique if not _LATIN.match(p[0])]
    parts = []
    if latin:
        parts.append(rf"(?<![a-z0-9])(?:{_trie(latin)})(?![a-z0-9])")
    if other:
        parts.append(_trie(other))
    return re.compile("|".join(parts)) if parts else None


@dataclass(frozen=True)
class TextRules:
    """The compiled text rules of a catalogue (prefixes, synonyms, stop phrases)."""

    prefixes: re.Pattern[str] | None
    synonyms: re.Pattern[str] | None
    canonical_of: Mapping[str, str]
    canonicals: tuple[str, ...]
    stops: re.Pattern[str] | None
    vocabulary: frozenset[str] = field(default=frozenset())

    @classmethod
    def build(
        cls,
        synonyms: Mapping[str, Iterable[str]],
        prefixes: Iterable[str],
        stop_phrases: Iterable[str],
    ) -> TextRules:
        canonical_of: dict[str, str] = {}
        for canonical, variants in synonyms.items():
            canon = basic(canonical)
            for variant in (canonical, *variants):
                canonical_of.setdefault(basic(variant), canon)
        prefix_body = _phrase_pattern(basic(p) for p in prefixes)
        prefix_re = (
            re.compile(rf"^{_LIST}(?:(?:{prefix_body.pattern})[\s:：\-—,，。.]*{_LIST})*")
            if prefix_body
            else None
        )
        return cls(
            prefixes=prefix_re,
            synonyms=_phrase_pattern(canonical_of),
            canonical_of=canonical_of,
            canonicals=tuple(sorted(set(canonical_of.values()), key=len, reverse=True)),
            stops=_phrase_pattern(basic(p) for p in stop_phrases),
        )

    def with_vocabulary(self, texts: Iterable[str]) -> TextRules:
        """These rules, correcting typos towards the English words of ``texts`` and the synonyms."""
        words = {w for t in (*texts, *self.canonical_of) for w in _WORD.findall(basic(t))}
        return replace(self, vocabulary=frozenset(words))

    def correct(self, text: str) -> str:
        """``text`` (after :func:`basic`) with unknown English words of five letters or more
        replaced by the closest known word ("autorization" -> "authorization")."""
        text = basic(text)
        if not self.vocabulary:
            return text
        known = sorted(self.vocabulary)

        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            if word in self.vocabulary:
                return word
            close = difflib.get_close_matches(word, known, n=1, cutoff=TYPO_CUTOFF)
            return close[0] if close else word

        return _WORD.sub(fix, text)

    def strip_prefixes(self, text: str) -> str:
        if self.prefixes is None:
            return text
        return "\n".join(self.prefixes.sub("", line, count=1) for line in text.splitlines())

    def normalize(self, text: str, strip: bool = True) -> str:
        """The text in the matching vocabulary (steps 1-4), one space between chunks."""
        text = basic(text)
        if strip:
            text = self.strip_prefixes(text)
        if self.synonyms is not None:
            text = self.synonyms.sub(lambda m: f" {self.canonical_of[m.group(0)]} ", text)
        if self.stops is not None:
            text = self.stops.sub(" ", text)
        text = _PUNCT.sub(" ", text.replace("_", " "))
        return _SPACE.sub(" ", text).strip()

    def features(self, normalized: str) -> set[tuple[str, str]]:
        """The features of normalised text: (kind, value) pairs, see :data:`KIND_WEIGHTS`."""
        out: set[tuple[str, str]] = set()
        padded = f" {normalized} "
        for canonical in self.canonicals:
            if canonical in padded:
                out.add(("c", canonical))
        for run in _RUN.findall(normalized):
            if _CJK_RUN.match(run):
                out.update(("u", ch) for ch in run)
                out.update(("b", run[i : i + 2]) for i in range(len(run) - 1))
            else:
                word = _stem(run)
                out.add(("w", word))
                if len(word) >= 4 and not word.isdigit():
                    marked = f"<{word}>"
                    out.update(("t", marked[i : i + 3]) for i in range(len(marked) - 2))
        return out


def segments(text: str) -> list[str]:
    """The parts of a console text that may each carry one reason (lines, sentences, list items)."""
    parts = re.split(r"[\n；;。!?！？]+|(?:^|\s)\d+[.、)）]\s*", text)
    return [p.strip() for p in parts if len(p.strip()) >= 2]
