"""Rule packs: the model of ``resources/rules/*.toml`` and its validating loader.

A provider pack (``tencent.toml`` …) holds what that provider asks for; ``common.toml`` holds
what the packs share: sources, the document and remark-field catalogue, and word lists. Where
sources disagree, a pack keeps every entry of a rule with its source; :meth:`RulePack.rule`
merges them so that the stricter applies.

The parts: ``model`` (the dataclasses), ``merge`` (rule entries and how they merge), ``loader``
(TOML -> :class:`RulePack`, references cross-checked), ``schema`` (JSON-schema validation) and
``errors`` (:class:`RulePackError`, pointing at file, line and key path).
"""

from assistant.core.rules.errors import RulePackError
from assistant.core.rules.loader import load_all, load_pack, load_pack_file, validate_folder
from assistant.core.rules.merge import MERGE, SEVERITY_RULES, EffectiveRule, RuleEntry
from assistant.core.rules.model import (
    PROVIDERS,
    SIGNATURE_TYPE_IDS,
    Choice,
    Conflict,
    Document,
    DocumentGroup,
    Forbidden,
    Localized,
    RemarkField,
    Requirement,
    RulePack,
    Selector,
    SignatureType,
    Source,
    Withdrawal,
    Words,
)

__all__ = [
    "MERGE",
    "PROVIDERS",
    "SEVERITY_RULES",
    "SIGNATURE_TYPE_IDS",
    "Choice",
    "Conflict",
    "Document",
    "DocumentGroup",
    "EffectiveRule",
    "Forbidden",
    "Localized",
    "RemarkField",
    "Requirement",
    "RuleEntry",
    "RulePack",
    "RulePackError",
    "Selector",
    "SignatureType",
    "Source",
    "Withdrawal",
    "Words",
    "load_all",
    "load_pack",
    "load_pack_file",
    "validate_folder",
]
