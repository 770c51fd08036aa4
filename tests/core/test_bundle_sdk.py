"""The bundle's api/ payloads load into the official SDK request models (optional `sdk` extra:
tencentcloud-sdk-python-sms, alibabacloud-dysmsapi20170525, huaweicloudsdkmsgsms). Skipped
without them."""

from __future__ import annotations

import datetime as dt
import json
import warnings
import zipfile
from pathlib import Path

import pytest

from assistant.core.bundle import export_case, write_sample_images
from tests.core.test_bundle import make_case

DAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_sample_images(tmp_path_factory.mktemp("samples"))


def _payloads(tmp_path: Path, samples: dict[str, Path], provider: str) -> dict[str, dict]:
    region = "mainland" if provider == "tencent" else None
    case_path = make_case(tmp_path / "c", samples, provider=provider, region=region)
    result = export_case(case_path, tmp_path / "b.zip", prepared_on=DAY, allow_incomplete=True)
    assert result.output is not None
    with zipfile.ZipFile(result.output) as zf:
        return {
            n.removeprefix("api/"): json.loads(zf.read(n))
            for n in zf.namelist()
            if n.startswith("api/")
        }


def test_tencent_add_sms_sign(tmp_path: Path, samples: dict[str, Path]) -> None:
    models = pytest.importorskip("tencentcloud.sms.v20210111.models")
    payloads = _payloads(tmp_path, samples, "tencent")
    assert set(payloads) == {"tencent-AddSmsSign-1.json"}
    for payload in payloads.values():
        request = models.AddSmsSignRequest()
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # the SDK warns about fields it does not know
            request.from_json_string(json.dumps(payload))
        assert json.loads(request.to_json_string()) == payload
        assert isinstance(request.SignType, int) and isinstance(request.DocumentType, int)


def test_alibaba_requests(tmp_path: Path, samples: dict[str, Path]) -> None:
    models = pytest.importorskip("alibabacloud_dysmsapi20170525.models")
    payloads = _payloads(tmp_path, samples, "alibaba")
    kinds = {
        "alibaba-CreateSmsSign-1.json": models.CreateSmsSignRequest,
        "alibaba-AddSmsSign-legacy-1.json": models.AddSmsSignRequest,
        "alibaba-CreateSmsAuthorizationLetter.json": models.CreateSmsAuthorizationLetterRequest,
    }
    assert set(payloads) == set(kinds)
    for name, payload in payloads.items():
        request = kinds[name]().from_map(payload)
        request.validate()
        # from_map ignores keys it does not know: the round trip proves every key is a field
        assert request.to_map() == payload, name
    sign = models.CreateSmsSignRequest().from_map(payloads["alibaba-CreateSmsSign-1.json"])
    assert isinstance(sign.sign_source, int) and isinstance(sign.sign_type, int)
    assert sign.third_party is True


def test_huawei_signature_request(tmp_path: Path, samples: dict[str, Path]) -> None:
    model = pytest.importorskip("huaweicloudsdkmsgsms.v2.model")
    payloads = _payloads(tmp_path, samples, "huawei")
    assert set(payloads) == {"huawei-CreateSignature-1.json"}
    for payload in payloads.values():
        body = model.SmsSignatureReq(**payload)  # unknown keys raise TypeError
        request = model.CreateSignatureRequest(body=body)
        assert {k: v for k, v in body.to_dict().items() if v is not None} == payload
        assert request.body.signature_source == 0
