"""One module per provider: what is *code* about its API (request payloads, field mapping,
console-only steps), behind :class:`~assistant.core.providers.base.Provider`. What is *data*
stays in its rule pack (``resources/rules/<id>.toml``). How to add one:
``docs/adding-a-provider.md``.

    provider = get_provider("alibaba")
    payloads, to_fill = build_payloads(case, attachments, pack)
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.core.model import Case
from assistant.core.providers import alibaba, huawei, tencent
from assistant.core.providers.base import (
    TO_FILL,
    AttachedFile,
    Payload,
    PayloadInput,
    Provider,
    fill,
    to_fill_items,
)
from assistant.core.rules import RulePack

# The provider modules, keyed by the rule pack's provider id.
_REGISTRY: dict[str, Provider] = {m.PROVIDER.id: m.PROVIDER for m in (tencent, alibaba, huawei)}


def get_provider(provider_id: str) -> Provider:
    """The provider module's API object of ``provider_id``; KeyError for an unknown id."""
    try:
        return _REGISTRY[provider_id]
    except KeyError:
        valid = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"no provider module for {provider_id!r} (known: {valid})") from None


def provider_ids() -> tuple[str, ...]:
    """The ids of every provider module, in registration order."""
    return tuple(_REGISTRY)


def payload_input(case: Case, attachments: Sequence[AttachedFile], pack: RulePack) -> PayloadInput:
    """What a payload builder gets: the case, its pack, the names and the bundle's files."""
    from assistant.core.model.qualification import QUALIFICATION_DOCUMENTS

    names = [n.strip() for n in case.signature_names if n.strip()] or [fill("signature name")]
    signature = [f for f in attachments if f.document not in QUALIFICATION_DOCUMENTS]
    qualification = [f for f in attachments if f.document in QUALIFICATION_DOCUMENTS]
    return PayloadInput(case, pack, names, signature, qualification)


def build_payloads(
    case: Case, attachments: Sequence[AttachedFile], pack: RulePack
) -> tuple[list[Payload], list[dict[str, str]]]:
    """Request payloads for the provider's API (:meth:`Provider.payloads`) and the values only
    the console gives (``to_fill``: file, field, what)."""
    payloads = get_provider(pack.provider).payloads(payload_input(case, attachments, pack))
    return payloads, to_fill_items(payloads)


def build_qualification_payloads(
    case: Case, attachments: Sequence[AttachedFile], pack: RulePack
) -> tuple[list[Payload], list[dict[str, str]]]:
    """The qualification's request (:meth:`Provider.qualification_payloads`; none with an
    approved qualification id) and its ``to_fill`` items, for ``qualification/``."""
    if case.qualification.approved_id.strip():
        return [], []
    payloads = get_provider(pack.provider).qualification_payloads(
        payload_input(case, attachments, pack)
    )
    return payloads, to_fill_items(payloads, folder="qualification")


__all__ = [
    "TO_FILL",
    "AttachedFile",
    "Payload",
    "PayloadInput",
    "Provider",
    "build_payloads",
    "build_qualification_payloads",
    "fill",
    "get_provider",
    "payload_input",
    "provider_ids",
]
