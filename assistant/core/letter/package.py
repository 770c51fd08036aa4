"""Read a .docx template under limits, and write letters reproducibly (issue #19).

A template comes from someone else (a provider, a client, a colleague). Before python-docx sees
it, :func:`read_package` takes the zip apart under :data:`LIMITS` — file size, number of parts,
unpacked size, compression ratio — and parses every XML part with an entity-free, network-free
parser that stops at :attr:`Limits.xml_depth` and :attr:`Limits.xml_elements`. A DTD is refused,
and with it every entity expansion: "DTD declarations shall not be used … package implementers
shall treat the presence of DTD declarations as an error" (ECMA-376 Part 2, §8.1.4, [M1.18]). What can fetch or run something when the letter is opened is then removed by
:mod:`.clean`. :func:`package_bytes` writes the parts back as a zip with fixed times, so the
same input gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

MIB = 1 << 20
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip epoch: what the bundle's zips use too


@dataclass(frozen=True)
class Limits:
    """What a template may be. A provider's letter template is 20–60 KB with 20–30 parts and
    3,000–8,000 XML elements at a depth below 30; a 20-page Word contract about 60,000 elements.
    The limits leave room for a logo, a scanned seal image and a long template."""

    file_bytes: int = 20 * MIB  # the .docx file
    parts: int = 1000  # zip entries
    unpacked_bytes: int = 100 * MIB  # all entries unpacked
    xml_part_bytes: int = 24 * MIB  # one XML part unpacked
    ratio: int = 100  # unpacked / packed, for an entry over ``ratio_from`` bytes
    ratio_from: int = 1 * MIB
    xml_depth: int = 128  # element nesting (libxml2 itself stops at 256)
    xml_elements: int = 250_000  # all XML parts together
    filled_elements: int = 500_000  # the body after repeating the signature rows


LIMITS = Limits()


class UnsafeTemplate(Exception):
    """The template is refused; ``reason`` names a ``letter.reason.*`` message."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


class BadPackage(Exception):
    """Not a readable .docx (a damaged zip, XML that does not parse)."""


@dataclass
class Package:
    """The parts of a .docx by zip name, in zip order; ``trees`` holds each parsed XML part."""

    parts: dict[str, bytes]
    trees: dict[str, Any] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)  # XML parts to serialize again

    def tree(self, name: str) -> Any:
        return self.trees.get(name)

    def remove(self, name: str) -> None:
        self.parts.pop(name, None)
        self.trees.pop(name, None)
        self.changed.discard(name)

    def to_bytes(self) -> bytes:
        for name in sorted(self.changed):
            if name in self.trees:
                self.parts[name] = etree.tostring(
                    self.trees[name], xml_declaration=True, encoding="UTF-8", standalone=True
                )
        self.changed.clear()
        return package_bytes(self.parts)


def package_bytes(parts: dict[str, bytes]) -> bytes:
    """A zip of ``parts`` in their order, with fixed times and attributes (reproducible)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return out.getvalue()


def read_package(data: bytes, limits: Limits = LIMITS) -> Package:
    """The parts of the .docx ``data``, every XML part parsed; raises :class:`UnsafeTemplate`
    when a limit is passed and :class:`BadPackage` when it is no readable zip of XML parts."""
    if len(data) > limits.file_bytes:
        raise UnsafeTemplate("too_large", size=_mib(len(data)), max=_mib(limits.file_bytes))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BadPackage(type(exc).__name__) from exc
    with archive:
        infos = archive.infolist()
        _check_entries(infos, limits)
        parts: dict[str, bytes] = {}
        for info in infos:
            try:
                # zipfile stops at the declared size and checks the CRC: a lying header fails
                parts[info.filename] = archive.read(info)
            except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
                raise BadPackage(type(exc).__name__) from exc
    package = Package(parts)
    budget = [limits.xml_elements]
    for name, blob in parts.items():
        if _is_xml(name, blob):
            package.trees[name] = parse_xml(name, blob, limits, budget)
    return package


def _check_entries(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.parts:
        raise UnsafeTemplate("too_many_parts", count=len(infos), max=limits.parts)
    names: set[str] = set()
    total = 0
    for info in infos:
        key = info.filename.casefold()  # part names are equal case-insensitively ([M1.12])
        if key in names:
            raise UnsafeTemplate("duplicate_part", part=info.filename)
        names.add(key)
        if info.flag_bits & 0x1:
            raise UnsafeTemplate("encrypted", part=info.filename)
        total += info.file_size
        if total > limits.unpacked_bytes:
            raise UnsafeTemplate(
                "unpacked_too_large", size=_mib(total), max=_mib(limits.unpacked_bytes)
            )
        packed = max(info.compress_size, 1)
        if info.file_size > limits.ratio_from and info.file_size / packed > limits.ratio:
            raise UnsafeTemplate(
                "zip_bomb",
                part=info.filename,
                size=_mib(info.file_size),
                ratio=int(info.file_size / packed),
            )
        if info.filename.lower().endswith((".xml", ".rels")) and (
            info.file_size > limits.xml_part_bytes
        ):
            raise UnsafeTemplate(
                "xml_too_large",
                part=info.filename,
                size=_mib(info.file_size),
                max=_mib(limits.xml_part_bytes),
            )


def _is_xml(name: str, blob: bytes) -> bool:
    if name.lower().endswith((".xml", ".rels")):
        return True
    head = blob[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") or head.startswith(b"<\x00?\x00x\x00")


def parse_xml(name: str, blob: bytes, limits: Limits, budget: list[int]) -> Any:
    """The element tree of one XML part, parsed without DTD, entities or network, and stopped
    as soon as it nests deeper than ``limits.xml_depth`` or ``budget[0]`` elements are used."""
    events = etree.iterparse(
        io.BytesIO(blob),
        events=("start", "end"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    depth = 0
    root = None
    try:
        for event, element in events:
            if event == "end":
                depth -= 1
                continue
            if root is None:
                root = element
                docinfo = element.getroottree().docinfo
                if docinfo.doctype or docinfo.internalDTD is not None:
                    raise UnsafeTemplate("dtd", part=name)
            depth += 1
            budget[0] -= 1
            if depth > limits.xml_depth:
                raise UnsafeTemplate("xml_too_deep", part=name, max=limits.xml_depth)
            if budget[0] < 0:
                raise UnsafeTemplate("too_many_elements", max=limits.xml_elements)
    except etree.XMLSyntaxError as exc:
        if _declares_dtd(blob):
            raise UnsafeTemplate("dtd", part=name) from exc
        raise BadPackage(f"{name}: {exc.msg}") from exc
    if root is None:
        raise BadPackage(f"{name}: empty")
    return root.getroottree()


def _declares_dtd(blob: bytes) -> bool:
    return any(
        marker.encode(encoding) in blob
        for marker in ("<!DOCTYPE", "<!ENTITY")
        for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    )


def _mib(size: int) -> str:
    return f"{size / MIB:.1f} MB"
