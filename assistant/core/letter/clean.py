"""Take out of a template what would run, fetch or tell something when the letter is opened.

Every letter we write goes through :func:`clean_package` (issue #19):

* **Active content** — the VBA project and its data and signatures ([MS-OFFMACRO2] §2.1.1), the
  macro-enabled and template content types of the main part (.docm, .dotm, .dotx become a .docx),
  ActiveX controls, key-map and toolbar customizations, embedded OLE objects (the preview picture
  stays).
* **Links to outside content** — every relationship with ``TargetMode="External"`` (an attached
  template that Word fetches on opening, remote images, linked OLE objects, sub-documents,
  frames, hyperlinks — their text stays), the settings' attached template and mail-merge data
  source, and fields that load content: INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, DDEAUTO, IMPORT,
  INCLUDE (their last shown result stays as plain text).
* **Personal properties** — author, last modified by and last printed (core properties), company,
  manager, template and hyperlink base (extended properties), all custom properties, and the
  thumbnail (a picture of the template's first page, which may show someone else's letter).

What was removed is returned in a :class:`CleanReport`; the caller turns it into findings.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from assistant.core.letter.package import Package

NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
R_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MS = "http://schemas.microsoft.com/office/2006/relationships/"

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": ".docm",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": ".dotm",
}
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
ACTIVE_CONTENT_TYPES = frozenset(
    {
        "application/vnd.ms-office.vbaProject",
        "application/vnd.ms-word.vbaData+xml",
        "application/vnd.ms-office.vbaProjectSignature",
        "application/vnd.ms-office.vbaProjectSignatureAgile",
        "application/vnd.ms-office.vbaProjectSignatureV3",
        "application/vnd.ms-office.activeX+xml",
        "application/vnd.ms-office.activeX",
        "application/vnd.ms-word.keyMapCustomizations+xml",
        "application/vnd.ms-word.attachedToolbars",
        "application/vnd.openxmlformats-officedocument.oleObject",
    }
)
ACTIVE_RELS = frozenset(
    {
        _MS + "vbaProject",
        _MS + "wordVbaData",
        _MS + "vbaProjectSignature",
        _MS + "vbaProjectSignatureAgile",
        _MS + "vbaProjectSignatureV3",
        _MS + "keyMapCustomizations",
        _MS + "attachedToolbars",
        _MS + "activeXControlBinary",
        _OD + "control",
        _OD + "oleObject",
        _OD + "package",
    }
)
CUSTOM_PROPERTIES_REL = _OD + "custom-properties"
THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
APP_REL = _OD + "extended-properties"
# Fields whose instruction loads a file or a URL (or runs a DDE command) when they update.
LOADING_FIELDS = frozenset(
    {"INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO", "IMPORT", "INCLUDE"}
)
PERSONAL_CORE = ((NS_DC, "creator"), (NS_CORE, "lastModifiedBy"), (NS_CORE, "lastPrinted"))
PERSONAL_APP = ("Company", "Manager", "HyperlinkBase", "Template")
_SHOWN = 80  # characters of a link target or value shown in a finding


@dataclass
class CleanReport:
    active: list[str] = field(default_factory=list)  # what ran code: part names, kinds
    external: list[str] = field(default_factory=list)  # "kind: target"
    personal: list[tuple[str, str]] = field(default_factory=list)  # (property, value)

    @property
    def empty(self) -> bool:
        return not (self.active or self.external or self.personal)


def clean_package(package: Package) -> CleanReport:
    """Remove active content, outside links and personal properties from ``package`` in place."""
    report = CleanReport()
    types = _ContentTypes(package)
    types.fix_main(report)
    for name in list(package.parts):
        if types.of(name) in ACTIVE_CONTENT_TYPES or posixpath.basename(name) == "vbaProject.bin":
            report.active.append(name)
            package.remove(name)
            package.remove(rels_name(name))
    _clean_relationships(package, report)
    types.drop_missing(package)
    for name in list(package.trees):
        _clean_part_xml(package, name, report)
    _clean_properties(package, report)
    return report


# ------------------------------------------------------------------------------ package model
def rels_name(part: str) -> str:
    """``word/document.xml`` -> ``word/_rels/document.xml.rels``; ``""`` -> ``_rels/.rels``."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _source_of(rels: str) -> str | None:
    folder, base = posixpath.split(rels)
    if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _target_part(source: str, target: str) -> str:
    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


class _ContentTypes:
    """``[Content_Types].xml``: the content type of each part, by override or extension."""

    NAME = "[Content_Types].xml"

    def __init__(self, package: Package) -> None:
        self.package = package
        self.root = package.tree(self.NAME).getroot() if package.tree(self.NAME) else None
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, Any] = {}
        if self.root is None:
            return
        for el in self.root.iter(f"{{{NS_CT}}}Default"):
            self.defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
        for el in self.root.iter(f"{{{NS_CT}}}Override"):
            self.overrides[el.get("PartName", "").lstrip("/").casefold()] = el

    def of(self, name: str) -> str:
        override = self.overrides.get(name.casefold())
        if override is not None:
            return str(override.get("ContentType", ""))
        return self.defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")

    def fix_main(self, report: CleanReport) -> None:
        """A .docm, .dotm or .dotx main part becomes a .docx document."""
        for el in self.overrides.values():
            kind = el.get("ContentType", "")
            if kind in MACRO_MAIN:
                report.active.append(f"{MACRO_MAIN[kind]} ({el.get('PartName', '')})")
            if kind in MACRO_MAIN or kind == TEMPLATE_MAIN:
                el.set("ContentType", DOCX_MAIN)
                self.package.changed.add(self.NAME)

    def drop_missing(self, package: Package) -> None:
        """Overrides of removed parts, and defaults that name active content, go."""
        if self.root is None:
            return
        present = {name.casefold() for name in package.parts}
        for key, el in list(self.overrides.items()):
            if key not in present:
                el.getparent().remove(el)
                del self.overrides[key]
                package.changed.add(self.NAME)
        for el in list(self.root.iter(f"{{{NS_CT}}}Default")):
            if el.get("ContentType") in ACTIVE_CONTENT_TYPES:
                el.getparent().remove(el)
                package.changed.add(self.NAME)


# ------------------------------------------------------------------------------ relationships
def _clean_relationships(package: Package, report: CleanReport) -> None:
    """Drop external relationships, those of active content and those to removed parts; then
    what pointed at them in the source part."""
    for rels in [n for n in package.trees if n.endswith(".rels")]:
        source = _source_of(rels)
        if source is None:
            continue
        if source and source not in package.parts:
            package.remove(rels)  # the rels of a removed part
            continue
        removed: set[str] = set()
        for rel in list(package.tree(rels).getroot().iter(f"{{{NS_PR}}}Relationship")):
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            external = rel.get("TargetMode", "").lower() == "external"
            target_part = None if external else _target_part(source, target)
            if external:
                report.external.append(f"{kind.rsplit('/', 1)[-1]}: {target[:_SHOWN]}")
            elif kind in ACTIVE_RELS:
                report.active.append(target_part or target)
                package.remove(target_part or "")
            elif kind in (CUSTOM_PROPERTIES_REL, THUMBNAIL_REL):
                key = "custom" if kind == CUSTOM_PROPERTIES_REL else "thumbnail"
                report.personal.append((key, target_part or target))
                package.remove(target_part or "")
            elif target_part not in package.parts:
                pass  # a link to a part we removed (or that never was)
            else:
                continue
            removed.add(rel.get("Id", ""))
            rel.getparent().remove(rel)
            package.changed.add(rels)
        if removed and source in package.trees:
            _drop_references(package, source, removed)


def _drop_references(package: Package, source: str, ids: set[str]) -> None:
    """Elements of ``source`` that name a removed relationship: a hyperlink keeps its text, a
    picture keeps its other (embedded) image, anything else (attached template, OLE object,
    control, sub-document …) goes."""
    root = package.tree(source).getroot()
    hits = []
    for el in root.iter():
        for attr, value in el.attrib.items():
            if value in ids and attr.startswith("{") and attr[1:].split("}")[0] in R_NAMESPACES:
                hits.append((el, attr))
    for el, attr in hits:
        local = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        parent = el.getparent()
        if local in ("blip", "imagedata", "fill", "stroke"):
            del el.attrib[attr]
        elif local == "hyperlink" and parent is not None:
            _unwrap(el)
        elif parent is not None:
            parent.remove(el)
    if hits:
        package.changed.add(source)


def _unwrap(el: Any) -> None:
    """Replace ``el`` by its children (a hyperlink by its runs)."""
    parent = el.getparent()
    index = parent.index(el)
    for child in list(el):
        if child.tag == f"{{{NS_W}}}rPr":
            continue
        parent.insert(index, child)
        index += 1
    parent.remove(el)


# ------------------------------------------------------------------------------ parts' content
def _clean_part_xml(package: Package, name: str, report: CleanReport) -> None:
    root = package.tree(name).getroot()
    if root.tag == f"{{{NS_W}}}settings":
        for tag, what in (("attachedTemplate", "attachedTemplate"), ("mailMerge", "mailMerge")):
            for el in list(root.iter(f"{{{NS_W}}}{tag}")):
                report.external.append(what)
                el.getparent().remove(el)
                package.changed.add(name)
    if root.tag.startswith(f"{{{NS_W}}}") and _neutralize_fields(root, report):
        package.changed.add(name)


def _instruction_word(instr: str) -> str:
    words = instr.split()
    return words[0].upper() if words else ""


def _neutralize_fields(root: Any, report: CleanReport) -> bool:
    """Fields that load outside content lose their instruction; their shown result stays."""
    changed = False
    for fld in list(root.iter(f"{{{NS_W}}}fldSimple")):
        word = _instruction_word(fld.get(f"{{{NS_W}}}instr", ""))
        if word in LOADING_FIELDS:
            report.external.append(f"{word}: {fld.get(f'{{{NS_W}}}instr', '').strip()[:_SHOWN]}")
            _unwrap(fld)
            changed = True
    stack: list[dict[str, Any]] = []
    char, instr = f"{{{NS_W}}}fldChar", f"{{{NS_W}}}instrText"
    for el in list(root.iter(char, instr)):
        if el.tag == instr:
            if stack:
                stack[-1]["parts"].append(el)
            continue
        kind = el.get(f"{{{NS_W}}}fldCharType")
        if kind == "begin":
            stack.append({"marks": [el], "parts": []})
        elif kind == "separate" and stack:
            stack[-1]["marks"].append(el)
        elif kind == "end" and stack:
            top = stack.pop()
            text = "".join(t.text or "" for t in top["parts"])
            word = _instruction_word(text)
            if word in LOADING_FIELDS:
                report.external.append(f"{word}: {text.strip()[:_SHOWN]}")
                for mark in [*top["marks"], el, *top["parts"]]:
                    mark.getparent().remove(mark)
                changed = True
    return changed


def _clean_properties(package: Package, report: CleanReport) -> None:
    """Personal core and extended properties are emptied (the elements go)."""
    for name, wanted in (
        (_property_part(package, CORE_REL), PERSONAL_CORE),
        (_property_part(package, APP_REL), tuple((NS_APP, p) for p in PERSONAL_APP)),
    ):
        tree = package.tree(name) if name else None
        if name is None or tree is None:
            continue
        for ns, local in wanted:
            for el in list(tree.getroot().iter(f"{{{ns}}}{local}")):
                value = " ".join((el.text or "").split())
                if value and not (local == "Template" and value.lower().startswith("normal")):
                    report.personal.append((local, value[:_SHOWN]))
                el.getparent().remove(el)
                package.changed.add(name)


def _property_part(package: Package, rel_type: str) -> str | None:
    tree = package.tree("_rels/.rels")
    if tree is None:
        return None
    for rel in tree.getroot().iter(f"{{{NS_PR}}}Relationship"):
        if rel.get("Type") == rel_type and rel.get("TargetMode", "").lower() != "external":
            return _target_part("", rel.get("Target", ""))
    return None
