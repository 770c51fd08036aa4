"""Hostile input: random bytes, with and without the magic of a real format, never raise."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.core.attachments import fix_file, inspect_file, safe_upload_name, thumbnail

MAGIC = [
    b"",
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    b"\xff\xd8\xff\xdb\x00\x43\x00",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"GIF89a",
    b"%PDF-1.7\n",
    b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
    b"BM",
    b"II*\x00",
    b"PK\x03\x04",
    b"<svg ",
]

_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_settings
@given(
    magic=st.sampled_from(MAGIC),
    body=st.binary(max_size=3000),
    provider=st.sampled_from(["tencent", "alibaba", "huawei"]),
)
def test_inspect_never_raises(magic: bytes, body: bytes, provider: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "upload.jpg"
        path.write_bytes(magic + body)
        insp = inspect_file(path, provider, "business_license")
        assert insp.findings, "hostile bytes must give at least one finding"
        assert not insp.ok or insp.format in ("jpeg", "png", "gif", "pdf")
        out = Path(d) / "out.jpg"
        result = fix_file(path, provider, out)
        assert path.read_bytes() == magic + body  # the original is never touched
        if result.ok:
            assert result.outputs and all(i.ok for i in result.inspections)
        thumbnail(path, 64)


def _valid_files() -> list[bytes]:
    from tests.core import corpus

    doc = corpus.document_image((240, 170))
    out = []
    for fmt, kw in (("JPEG", {"progressive": True}), ("PNG", {}), ("GIF", {}), ("PDF", {})):
        buf = io.BytesIO()
        doc.save(buf, fmt, **kw)
        out.append(buf.getvalue())
    return out


VALID = _valid_files()


@_settings
@given(
    which=st.integers(0, len(VALID) - 1),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=6),
    cut=st.floats(0.05, 1.0),
)
def test_damaged_real_files_never_raise(
    which: int, flips: list[tuple[float, int]], cut: float
) -> None:
    data = bytearray(VALID[which])
    for where, value in flips:
        data[int(where * len(data))] = value
    data = data[: max(1, int(len(data) * cut))]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "scan.bin"
        path.write_bytes(bytes(data))
        insp = inspect_file(path, "huawei", "authorization_letter")
        assert insp.findings or insp.ok
        result = fix_file(path, "huawei", Path(d) / "fixed")
        assert path.read_bytes() == bytes(data)
        if result.ok:
            assert result.outputs and all(i.ok for i in result.inspections)
        thumbnail(path, 64)


@settings(max_examples=200, deadline=None)
@given(name=st.text(max_size=60), role=st.one_of(st.none(), st.text(max_size=20)))
def test_safe_upload_name_is_safe(name: str, role: str | None) -> None:
    result = safe_upload_name(name, "huawei", role)
    assert result and result.isascii()
    assert not set(result) & set("#'$%&*/|<>{}[]; \\")
    assert result == safe_upload_name(name, "alibaba", role)
