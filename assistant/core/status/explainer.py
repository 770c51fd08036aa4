"""The rejection explainer: from the line a console shows to the published reason and its fix.

How it matches (docs/rejections.md has the long version):

* The text and every phrasing of every reason go through the same normalisation
  (:mod:`assistant.core.status.textnorm`): NFKC, traditional -> simplified, case, console
  prefixes, synonym groups (Chinese and English variants to one canonical term), punctuation.
* Each side becomes a set of weighted features: Chinese character bigrams and unigrams, Latin
  words and their character trigrams, canonical terms. A feature's weight is its kind's weight
  times its inverse document frequency over the reasons, so words every reason shares
  ("签名", "please") count little and distinctive ones ("水印", "watermark") a lot.
* A reason's score against the text is the best, over its phrasings, of the mean of the cosine
  and of how much of the phrasing the text covers; the whole text and each of its sentences are
  tried, so a console line listing two reasons finds both. Key phrases of a reason (all parts
  present) add a bonus; a named provider, and "模板"/"template" in the text, add small priors.
* Reasons scoring at least :data:`THRESHOLD` are matches, best first; none means "unknown".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.core.i18n import localized, normalize_language, text
from assistant.core.status.catalogue import Catalogue, Reason, load_catalogue
from assistant.core.status.textnorm import KIND_WEIGHTS, TextRules, segments

# Tuned on tests/core/status/phrasings.toml (see tests/core/status/test_explain_hit_rate.py).
THRESHOLD = 0.38
KEY_BONUS = 0.12
KEY_BONUS_MAX = 0.24
OTHER_PROVIDER = 0.90  # prior for another provider's reason when the provider is known
ABOUT_TEMPLATE = 0.80  # prior for a non-template reason when the text names a template
ABOUT_SIGNATURE = 0.85  # prior for a template reason when the text names a signature only
NOT_TEMPLATE = 0.92  # prior for a template reason when the text names neither
ADVICE_WEIGHT = 0.5  # weight of a reason's cause and fix texts (consoles often quote the advice)
UNKNOWN_IDF = 0.5  # share of the top IDF a feature no reason uses gets in the text's norm
RELATIVE_CUTOFF = 0.55  # later matches must reach this share of the best score
GENERIC_SHARE = 0.25  # a feature found in more reasons than this share says nothing alone
MAX_MATCHES = 5
MAX_TEXT = 4000  # characters of the text that are read (consoles show one or two lines)

Feature = tuple[str, str]
_TEMPLATE_WORD, _SIGNATURE_WORD = "模板", "签名"


@dataclass(frozen=True)
class _Phrasing:
    text: str
    features: frozenset[Feature]
    norm: float
    weight: float  # 1 for a phrasing; less for the category line


@dataclass(frozen=True)
class _Entry:
    reason: Reason
    phrasings: tuple[_Phrasing, ...]
    keys: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Match:
    """One reason that fits the text, with how sure the explainer is (0..1)."""

    reason: Reason
    confidence: float
    phrasing: str  # the catalogue phrasing that fitted best

    def to_dict(
        self, lang: str | None = None, catalogue: Catalogue | None = None
    ) -> dict[str, Any]:
        cat = catalogue or load_catalogue()
        r = self.reason
        source = cat.sources.get(r.source)
        return {
            "id": r.id,
            "provider": r.provider,
            "subject": r.subject,
            "category": r.text("category", lang),
            "reason": r.text("reason", lang),
            "cause": r.text("cause", lang),
            "fix": r.text("fix", lang),
            "step": r.step,
            "field": r.field,
            "resubmit": r.resubmit,
            "confidence": round(self.confidence, 2),
            "source": source.title_for(lang) if source else r.source,
            "source_url": source.url if source else None,
            "source_id": r.source,
            "source_read": source.read.isoformat() if source else None,
        }


@dataclass(frozen=True)
class Explanation:
    """What :func:`explain` found for one text."""

    text: str
    provider: str | None
    matches: tuple[Match, ...]

    @property
    def matched(self) -> bool:
        return bool(self.matches)

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    @property
    def step(self) -> str | None:
        """The wizard step to revisit first (None when nothing matched)."""
        return self.matches[0].reason.step if self.matches else None

    def message(self, lang: str | None = None) -> str:
        """One plain sentence: what it is, or that no known reason fits."""
        if not self.matches:
            return text("status.explain.none", lang)
        best = self.matches[0]
        return text(
            "status.explain.found",
            lang,
            reason=best.reason.text("reason", lang),
            step=text(f"status.step.{best.reason.step}", lang),
        )

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "subject": self.text,
            "provider": self.provider,
            "matched": self.matched,
            "message": self.message(lang),
            "matches": [m.to_dict(lang) for m in self.matches],
        }


class Explainer:
    """The matching index of one catalogue (built once; :func:`explain` uses the bundled one)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.rules = TextRules.build(catalogue.synonyms, catalogue.prefixes, catalogue.stop_phrases)
        raw: list[tuple[Reason, list[tuple[str, frozenset[Feature], float]]]] = []
        df: dict[Feature, int] = {}
        for reason in catalogue.reasons:
            items = [(p, self._features(p, strip=False), 1.0) for p in reason.all_phrasings()]
            items += [(t, self._features(t, False), 1.0) for t in reason.reason.values()]
            items += [(t, self._features(t, False), 0.45) for t in reason.category.values()]
            items += [
                (t, self._features(t, False), ADVICE_WEIGHT)
                for part in (reason.cause, reason.fix)
                for t in part.values()
            ]
            raw.append((reason, items))
            for f in set().union(*(feats for _, feats, _ in items)):
                df[f] = df.get(f, 0) + 1
        n = len(catalogue.reasons) or 1
        self.rules = self.rules.with_vocabulary(t for _, items in raw for t, _, _ in items)
        self.idf = {f: math.log(1 + n / d) for f, d in df.items()}
        self.unknown_idf = math.log(1 + n) * UNKNOWN_IDF
        self.generic = frozenset(f for f, d in df.items() if d > n * GENERIC_SHARE)
        self.entries = tuple(
            _Entry(
                reason=reason,
                phrasings=tuple(
                    _Phrasing(p, feats, self._norm(feats), w) for p, feats, w in items if feats
                ),
                keys=tuple(self._key(k) for k in reason.keys),
            )
            for reason, items in raw
        )

    # ---------------------------------------------------------------------------- features
    def _features(self, value: str, strip: bool = True) -> frozenset[Feature]:
        return frozenset(self.rules.features(self.rules.normalize(value, strip=strip)))

    def _key(self, key: str) -> tuple[str, ...]:
        return tuple(
            p for p in (self.rules.normalize(part, strip=False) for part in key.split("+")) if p
        )

    def _weight(self, feature: Feature) -> float:
        return KIND_WEIGHTS[feature[0]] * self.idf.get(feature, self.unknown_idf)

    def _norm(self, features: Iterable[Feature]) -> float:
        return sum(self._weight(f) ** 2 for f in features)

    # ---------------------------------------------------------------------------- scoring
    def _score(self, entry: _Entry, feats: frozenset[Feature], qnorm: float) -> tuple[float, str]:
        best, best_text = 0.0, ""
        for p in entry.phrasings:
            common = feats & p.features
            if not common or common <= self.generic:
                continue
            shared = sum(self._weight(f) ** 2 for f in common)
            cosine = shared / math.sqrt(qnorm * p.norm)
            covered = shared / p.norm
            score = p.weight * (cosine + covered) / 2
            if score > best:
                best, best_text = score, p.text
        return best, best_text

    def _bonus(self, entry: _Entry, normalized: str) -> float:
        padded = f" {normalized} "
        hits = sum(1 for key in entry.keys if key and all(part in padded for part in key))
        return min(KEY_BONUS_MAX, KEY_BONUS * hits)

    def _prior(self, reason: Reason, provider: str | None, about: str | None) -> float:
        """Provider and subject priors; ``about`` is "template", "signature" or None."""
        prior = 1.0
        if provider and reason.provider not in (provider, "common"):
            prior *= OTHER_PROVIDER
        is_template = reason.subject == "template"
        if about == "template" and not is_template:
            prior *= ABOUT_TEMPLATE
        elif about == "signature" and is_template:
            prior *= ABOUT_SIGNATURE
        elif about is None and is_template:
            prior *= NOT_TEMPLATE
        return prior

    def _about(self, value: str) -> str | None:
        normalized = self.rules.normalize(value)
        if _TEMPLATE_WORD in normalized:
            return "template"
        return "signature" if _SIGNATURE_WORD in normalized else None

    def explain(self, value: str, provider: str | None = None) -> Explanation:
        """The reasons that fit ``value`` best first; an empty tuple when none does."""
        original = value if isinstance(value, str) else ""
        clipped = self.rules.correct(original[:MAX_TEXT])
        pieces = [clipped, *segments(clipped)]
        about = self._about(clipped)
        scored: dict[str, tuple[float, str, Reason]] = {}
        for piece in dict.fromkeys(pieces):
            normalized = self.rules.normalize(piece)
            feats = frozenset(self.rules.features(normalized))
            if not feats:
                continue
            qnorm = self._norm(feats)
            for entry in self.entries:
                score, phrasing = self._score(entry, feats, qnorm)
                if score <= 0:
                    continue
                score += self._bonus(entry, normalized)
                score *= self._prior(entry.reason, provider, about)
                if score > scored.get(entry.reason.id, (0.0, "", entry.reason))[0]:
                    scored[entry.reason.id] = (score, phrasing, entry.reason)
        ranked = sorted(scored.values(), key=lambda s: -s[0])
        matches: list[Match] = []
        for score, phrasing, reason in ranked:
            if score < THRESHOLD or (matches and score < ranked[0][0] * RELATIVE_CUTOFF):
                break
            matches.append(Match(reason, min(score, 1.0), phrasing))
            if len(matches) == MAX_MATCHES:
                break
        return Explanation(original, provider, tuple(matches))


@cache
def default_explainer() -> Explainer:
    return Explainer(load_catalogue())


def explain(value: str, provider: str | None = None) -> Explanation:
    """Explain a rejection text with the bundled reasons (see the module docstring)."""
    return default_explainer().explain(value, provider)


def step_label(step: str, lang: str | None = None) -> str:
    """The wizard step's name in ``lang``."""
    return text(f"status.step.{step}", normalize_language(lang))


def resubmit_label(resubmit: str, lang: str | None = None) -> str:
    return text(f"status.resubmit.{resubmit}", lang)


def localized_reason(reason: Reason, lang: str | None) -> Mapping[str, str]:
    """``category``, ``reason``, ``cause`` and ``fix`` of a reason in ``lang``."""
    return {
        part: localized(getattr(reason, part), lang)
        for part in ("category", "reason", "cause", "fix")
    }
