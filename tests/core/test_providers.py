"""The provider modules: one per rule pack, behind one interface; the field mapping each declares
is what its payloads really carry; console-only steps reach the README."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from assistant.core import providers
from assistant.core.bundle import build_readme, sample_case
from assistant.core.bundle.files import BundleFile
from assistant.core.model import Case, compose_remark
from assistant.core.providers import (
    TO_FILL,
    PayloadInput,
    Provider,
    build_payloads,
    get_provider,
    provider_ids,
)
from assistant.core.providers import tencent as tencent_mod
from assistant.core.rules import PROVIDERS, load_pack

DAY = dt.date(2026, 12, 1)


@dataclass
class FakeFile:
    name: str
    document: str | None
    data: bytes = b"\xff\xd8\xff fake jpeg"

    def read(self) -> bytes:
        return self.data


def full_case(provider: str) -> Case:
    case = sample_case("zh", DAY)
    case.provider = provider
    case.region = "mainland" if provider == "tencent" else None
    case.remarks.domain = "www.example.com"
    return case


FILES = [
    FakeFile("files/01-authorization-letter.jpg", "authorization_letter"),
    FakeFile("files/02-business-license.jpg", "business_license"),
]


def test_every_rule_pack_has_a_provider_module_and_back() -> None:
    assert set(provider_ids()) == set(PROVIDERS)
    for pid in PROVIDERS:
        assert get_provider(pid).id == pid
    with pytest.raises(KeyError, match="known: alibaba, huawei, tencent"):
        get_provider("volcengine")


def _expected(case: Case, pack: Any, key: str) -> list[Any]:
    """The values a field mapped to ``key`` may carry (one per signature name for names)."""
    coded = {"type": "signature_types", "region": "regions", "purpose": "purposes"}
    if key == "signature_names":
        return [case.signature_names, *case.signature_names]
    if key == "remarks":
        return [compose_remark(case, "zh")]
    if key == "type":
        return [pack.signature_type(case.type).code]
    if key == "sign_type":
        from assistant.core.model import effective_sign_type

        code = pack.choice("sign_kinds", effective_sign_type(case, pack)).code
        return [code, int(code) if str(code).isdigit() else code]
    if key in coded:
        return [pack.choice(coded[key], getattr(case, key)).code]
    obj: Any = case
    for part in key.split("."):
        obj = getattr(obj, part)
    return [obj]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_field_mapping_is_what_the_payloads_carry(provider: str) -> None:
    case, pack = full_case(provider), load_pack(provider)
    payloads, _ = build_payloads(case, FILES, pack)
    mapping = get_provider(provider).field_mapping
    assert mapping, provider
    checked = set()
    for action, fields in mapping.items():
        bodies = [body for name, body in payloads if f"-{action}" in name]
        if bodies:  # requests for parts this case has (no templates here, for instance)
            checked.add(action)
        for body in bodies:
            for api_field, key in fields.items():
                assert body[api_field] in _expected(case, pack, key), (action, api_field)
    # the signature and letter requests of this case are mapped and checked
    assert {n.removesuffix(".json").split("-")[1] for n, _ in payloads} <= checked, checked


@pytest.mark.parametrize("provider", PROVIDERS)
def test_to_fill_lists_every_marker(provider: str) -> None:
    payloads, to_fill = build_payloads(full_case(provider), FILES, load_pack(provider))
    markers = sum(str(v).startswith(TO_FILL) for _, body in payloads for v in _leaves(body))
    assert markers == len(to_fill) > 0
    assert all(item["file"].startswith("api/") and item["what"] for item in to_fill)


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


def test_a_case_without_names_gets_a_marker_not_an_empty_request() -> None:
    case = full_case("tencent")
    case.signature_names = ["  "]
    payloads, to_fill = build_payloads(case, FILES, load_pack("tencent"))
    assert payloads[0][1]["SignName"].startswith(TO_FILL)
    assert any(item["field"] == "SignName" for item in to_fill)


def test_letter_requests_come_before_the_signatures() -> None:
    payloads, _ = build_payloads(full_case("alibaba"), FILES, load_pack("alibaba"))
    assert [name for name, _ in payloads] == [
        "alibaba-CreateSmsAuthorizationLetter.json",
        "alibaba-CreateSmsSign-1.json",
        "alibaba-AddSmsSign-legacy-1.json",
    ]


class ConsoleOnly(tencent_mod.Tencent):
    """A provider with a step only its console does (as #10 adds for individual accounts)."""

    def console_steps(self, inp: PayloadInput, lang: str) -> list[str]:
        return [f"console only for {inp.names[0]} ({lang})"]


def test_console_steps_are_numbered_steps_of_the_readme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(providers._REGISTRY, "tencent", ConsoleOnly())
    case, pack = full_case("tencent"), load_pack("tencent")
    files = [BundleFile(f.name, "attachment", data=f.data, document=f.document) for f in FILES]
    readme = build_readme(case, pack, files, [], [], "en", DAY, False)
    steps = [line for line in readme.splitlines() if line[:1].isdigit()]
    assert "console only for 云朵科技 (en)" in steps[-2]
    assert steps[-1].endswith("checklist.pdf and tick each item as you go.")


def test_a_provider_must_build_signature_requests() -> None:
    class Nothing(Provider):
        id = "nothing"

    with pytest.raises(TypeError, match="signature_payloads"):
        Nothing()  # type: ignore[abstract]
