"""The .docx fill engine: placeholders and labelled cells, on the XML python-docx loads.

* Placeholders (``{{name}}``, see :mod:`.placeholders`) are found in the text of each paragraph —
  body, tables (nested too), headers, footers, text boxes — even when Word split them across
  runs; the value takes the formatting of the run where the placeholder starts, the text around
  it keeps its own.
* Row placeholders repeat their table row (or their paragraph, outside a table) for the
  signature list; a row with *k* ``{{signature_name}}`` takes *k* signatures per copy.
* In a user's template without placeholders, a recognised label (授权方, 被授权方, Risk bearer …,
  listed in ``resources/templates/labels.toml``) fills the empty cell to its right, or the blank
  after "label：" in the same paragraph.

This module knows nothing of findings' wording; it reports what it did in a :class:`FillReport`.
"""

from __future__ import annotations

import bisect
import copy
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from assistant.core.letter.placeholders import BY_NAME, PATTERN, ROW_PLACEHOLDERS
from assistant.resources import resource_path

W_P, W_T, W_TR, W_TC, W_R = qn("w:p"), qn("w:t"), qn("w:tr"), qn("w:tc"), qn("w:r")
W_TBL = qn("w:tbl")
_NESTED_P = ".//" + W_P
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BLANK_RE = re.compile(r"^[\s_＿\u00a0\u3000.…]*$")


@dataclass(frozen=True)
class Value:
    text: str
    missing: bool = False  # the input had no value; ``text`` is a blank to fill by hand


@dataclass
class FillReport:
    placed: dict[str, int] = field(default_factory=dict)  # placeholder/field -> times filled
    unknown: list[str] = field(default_factory=list)  # {{names}} not ours, left in place
    blanks: list[str] = field(default_factory=list)  # fields filled with a hand-writing blank
    labels_filled: list[tuple[str, str]] = field(default_factory=list)  # (label text, field)
    labels_occupied: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (label, field, text)
    labels_empty: list[tuple[str, str]] = field(default_factory=list)  # (label, field) left blank
    signature_rows: int = 0  # copies of the repeated unit
    too_large: bool = False  # repeating the signature rows would pass the element budget
    _unknown: set[str] = field(default_factory=set, repr=False)

    def mark(self, name: str, value: Value) -> None:
        self.placed[name] = self.placed.get(name, 0) + 1
        if value.missing and name not in self.blanks:
            self.blanks.append(name)

    def mark_unknown(self, name: str) -> None:
        if name not in self._unknown:
            self._unknown.add(name)
            self.unknown.append(name)


# ------------------------------------------------------------------------------ XML walking
def story_parts(doc: DocumentObject) -> list[tuple[Any, Any]]:
    """``(part, root)`` of every XML story that holds text: the body, then each header and
    footer part (the part adds pictures to its story)."""
    stories = [(doc.part, doc.element.body)]
    seen: set[int] = set()
    for rel in doc.part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        part = rel.target_part
        if id(part) in seen:
            continue
        seen.add(id(part))
        element = getattr(part, "element", None)
        if element is not None:
            stories.append((part, element))
    return stories


def parts_roots(doc: DocumentObject) -> list[Any]:
    """The XML roots that hold text: the body, then every header and footer part."""
    return [root for _part, root in story_parts(doc)]


def _owner(el: Any, tag: str) -> Any:
    """The nearest ancestor of ``el`` with ``tag`` (or None)."""
    for anc in el.iterancestors(tag):
        return anc
    return None


def _walk(root: Any, want: str, stop: str) -> list[Any]:
    """The descendants of ``root`` tagged ``want``, in document order, not entering elements
    tagged ``stop``: one pass, however deep text boxes or tables nest."""
    found: list[Any] = []
    stack = list(reversed(root))
    while stack:
        el = stack.pop()
        if el.tag == stop:
            continue
        if el.tag == want:
            found.append(el)
        stack.extend(reversed(el))
    return found


def own_texts(p: Any) -> list[Any]:
    """The w:t elements of paragraph ``p`` itself (not of paragraphs in its text boxes)."""
    if p.find(_NESTED_P) is None:  # the usual case: no text box, all its w:t are its own
        return list(p.iter(W_T))
    return _walk(p, W_T, W_P)


def paragraph_text(p: Any) -> str:
    return "".join(t.text or "" for t in own_texts(p))


def _set_text(t: Any, value: str) -> None:
    t.text = value
    if value != value.strip() or "  " in value:
        t.set(XML_SPACE, "preserve")


def text_starts(texts: list[Any]) -> list[int]:
    """Where each w:t of ``texts`` starts in their concatenated text."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t.text or "")
    return starts


def splice(
    texts: list[Any], start: int, end: int, value: str, starts: list[int] | None = None
) -> None:
    """Replace characters ``start:end`` of the concatenated ``texts`` with ``value``.

    The value goes into the w:t where ``start`` falls (so it takes that run's formatting); the
    other w:t elements covered lose only the covered characters. ``start == end`` inserts.
    ``starts`` (:func:`text_starts`) may be computed once for many splices made from the end of
    the paragraph backwards: a splice changes nothing before its ``end``.
    """
    if not texts:
        return
    if starts is None:
        starts = text_starts(texts)
    if start < end:  # the (last) w:t starting at or before ``start``: the one holding it
        first = max(bisect.bisect_right(starts, start) - 1, 0)
    else:  # an insertion goes at the end of the w:t before it
        first = max(bisect.bisect_left(starts, start) - 1, 0) if start else 0
    a, t = starts[first], texts[first]
    s = t.text or ""
    head = s[: start - a]
    if end <= a + len(s):
        _set_text(t, head + value + s[end - a :])
        return
    _set_text(t, head + value)
    for a2, t2 in zip(starts[first + 1 :], texts[first + 1 :], strict=True):
        if a2 >= end:
            break
        s2 = t2.text or ""
        _set_text(t2, s2[max(end - a2, 0) :] if a2 + len(s2) > end else "")


Resolver = Callable[[str], Value | None]


def fill_paragraph(p: Any, resolve: Resolver, report: FillReport) -> None:
    """Replace every placeholder of paragraph ``p``; unknown names are left and reported."""
    texts = own_texts(p)
    full = "".join(t.text or "" for t in texts)
    if "{{" not in full:
        return
    starts = text_starts(texts)
    matches = list(PATTERN.finditer(full))
    resolved = [(m, resolve(m.group(1))) for m in matches]  # in reading order (row counters)
    for m, value in reversed(resolved):  # splice from the end, so earlier offsets stay valid
        name = m.group(1)
        if value is None:
            report.mark_unknown(name)
            continue
        splice(texts, m.start(), m.end(), value.text, starts)
        report.mark(name, value)


# ------------------------------------------------------------------------------ placeholders
def _repeat_unit(p: Any) -> Any:
    """The element that repeats for a paragraph holding a row placeholder: its row or itself."""
    return _owner(p, W_TR) if _owner(p, W_TR) is not None else p


def _row_names(element: Any) -> list[str]:
    paragraphs = [element] if element.tag == W_P else list(element.iter(W_P))
    names: list[str] = []
    for p in paragraphs:
        names.extend(m.group(1) for m in PATTERN.finditer(paragraph_text(p)))
    return names


def _row_resolver(first: int, signatures: list[str], fallback: Resolver) -> Resolver:
    """Values of one copy of a repeated unit: its n-th ``signature_name`` (and ``signature_no``)
    is signature ``first + n``; past the end of the list both are empty."""
    counters = {"signature_name": 0, "signature_no": 0}

    def resolve(name: str) -> Value | None:
        if name not in counters:
            return fallback(name)
        index = first + counters[name]
        counters[name] += 1
        if index >= len(signatures):
            return Value("")
        return Value(signatures[index] if name == "signature_name" else str(index + 1))

    return resolve


def fill_placeholders(
    doc: DocumentObject,
    values: Mapping[str, Value],
    signatures: list[str],
    report: FillReport,
    max_elements: int | None = None,
) -> None:
    """Fill every placeholder of ``doc`` (repeating the signature rows first).

    When repeating the rows would make a part hold more than ``max_elements`` XML elements,
    nothing is repeated and ``report.too_large`` is set (a hostile template: one "row" of
    100,000 paragraphs times 100 signatures)."""
    done: set[Any] = set()  # paragraphs already filled (repeated units), kept alive for identity

    def resolve_global(name: str) -> Value | None:
        if name in ROW_PLACEHOLDERS or name not in BY_NAME:
            return None
        return values.get(name)

    for root in parts_roots(doc):
        units: dict[Any, None] = {}  # in document order, each once
        for p in root.iter(W_P):
            text = paragraph_text(p)
            if "{{" in text and any(m.group(1) in ROW_PLACEHOLDERS for m in PATTERN.finditer(text)):
                units.setdefault(_repeat_unit(p), None)
        plan = [(unit, _per_copy(unit)) for unit in units]
        plan_copies = [(u, per, max(-(-len(signatures) // per), 1)) for u, per in plan]
        if max_elements is not None:
            grown = sum(1 for _ in root.iter()) + sum(
                sum(1 for _ in unit.iter()) * (copies - 1) for unit, _per, copies in plan_copies
            )
            if grown > max_elements:
                report.too_large = True
                return
        for unit, per_copy, copies in plan_copies:
            _repeat(unit, per_copy, copies, signatures, resolve_global, report, done)
        for p in list(root.iter(W_P)):
            if p not in done:
                fill_paragraph(p, resolve_global, report)


def _per_copy(unit: Any) -> int:
    """How many signatures one copy of a repeated unit holds."""
    names = _row_names(unit)
    return max(names.count("signature_name"), names.count("signature_no"), 1)


def _repeat(
    unit: Any,
    per_copy: int,
    copies: int,
    signatures: list[str],
    resolve_global: Resolver,
    report: FillReport,
    done: set[Any],
) -> None:
    """Replace ``unit`` by ``copies`` filled copies of it, each with ``per_copy`` signatures."""
    anchor = unit
    for c in range(copies):
        clone = copy.deepcopy(unit)
        resolve_row = _row_resolver(c * per_copy, signatures, resolve_global)
        paragraphs = [clone] if clone.tag == W_P else list(clone.iter(W_P))
        for p in paragraphs:
            fill_paragraph(p, resolve_row, report)
            done.add(p)
        anchor.addnext(clone)
        anchor = clone
    unit.getparent().remove(unit)
    report.signature_rows += copies


# ------------------------------------------------------------------------------ labelled cells
@dataclass(frozen=True)
class Labels:
    fields: Mapping[str, str]  # normalised label -> field (a placeholder name)
    generic: Mapping[
        str, str
    ]  # normalised label -> attribute (name, credit_code, legal_representative)
    parties: Mapping[str, str]  # field of a party's name -> party prefix (owner, applicant, risk)


_SIGNING = re.compile(r"签字|签章|盖章|手签|公章|印章|^sign(ature)?$|seal|stamp|sign here", re.I)
_PAREN = re.compile(r"\(([^()]*)\)")


def normalize_label(text: str) -> str:
    """A label as compared: NFKC, case-folded, no spaces, no trailing colon or asterisk, and
    without a parenthetical unless that names a signing place ("法定代表人（签字）" stays)."""
    s = unicodedata.normalize("NFKC", text).casefold()
    s = "".join(s.split()).strip("*:：")
    s = _PAREN.sub(lambda m: m.group(0) if _SIGNING.search(m.group(1)) else "", s)
    return s.strip("*:：")


@cache
def load_labels() -> Labels:
    with resource_path("templates", "labels.toml").open("rb") as fh:
        data = tomllib.load(fh)
    fields = {normalize_label(lbl): name for name, lbls in data["fields"].items() for lbl in lbls}
    generic = {normalize_label(lbl): attr for attr, lbls in data["generic"].items() for lbl in lbls}
    return Labels(fields=fields, generic=generic, parties=dict(data["parties"]))


def _party_field(party: str, attr: str) -> str | None:
    name = {"owner": "owner", "applicant": "applicant", "risk": "risk"}[party]
    if name == "risk":
        return "risk_bearer" if attr == "name" else None
    return {
        "name": f"{name}_name",
        "credit_code": f"{name}_credit_code",
        "legal_representative": "owner_legal_representative" if name == "owner" else None,
    }[attr]


def _iter_cells_and_paragraphs(root: Any) -> Iterator[Any]:
    """Table cells and paragraphs outside cells, in document order."""
    for el in root.iter(W_TC, W_P):
        if el.tag == W_TC or _owner(el, W_TC) is None:
            yield el


def _cell_text(tc: Any) -> str:
    return "\n".join(paragraph_text(p) for p in _cell_paragraphs(tc))


def _cell_paragraphs(tc: Any) -> list[Any]:
    """The paragraphs of cell ``tc`` (also in its text boxes), not those of cells nested in it."""
    return _walk(tc, W_P, W_TC)


def _blank_beside(tc: Any) -> bool:
    """The next cell of the row exists and is blank (a labelled cell waiting for its value)."""
    neighbour = tc.getnext()
    while neighbour is not None and neighbour.tag != W_TC:
        neighbour = neighbour.getnext()
    return (
        neighbour is not None
        and neighbour.find(W_TBL) is None
        and bool(_BLANK_RE.match(_cell_text(neighbour)))
    )


def _write_into_cell(tc: Any, value: str, like: Any) -> None:
    """Put ``value`` in the first paragraph of an empty cell, formatted like the label's run."""
    paragraphs = _cell_paragraphs(tc)
    if not paragraphs:  # a damaged cell without a paragraph of its own
        paragraphs = [tc.makeelement(W_P, {})]
        tc.append(paragraphs[0])
    p = paragraphs[0]
    texts = own_texts(p)
    if texts:
        _set_text(texts[0], value)
        for t in texts[1:]:
            _set_text(t, "")
        return
    run = p.makeelement(W_R, {})
    # Formatting: the paragraph mark's run properties, else the label's run without bold.
    ppr = p.find(qn("w:pPr"))
    source = ppr.find(qn("w:rPr")) if ppr is not None else None
    if source is None and like is not None:
        source = like.find(qn("w:rPr"))
    if source is not None:
        rpr = copy.deepcopy(source)
        rpr.tag = qn("w:rPr")
        for tag in ("w:b", "w:bCs"):
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)
        run.append(rpr)
    t = run.makeelement(W_T, {})
    _set_text(t, value)
    run.append(t)
    p.append(run)


_COLON_RE = re.compile(r"^\s*(?P<label>[^:：\n]{1,40}?)\s*[:：](?P<blank>[^\n]*)$")


def _inline(p: Any, values: Mapping[str, Value], name: str, report: FillReport) -> bool:
    """Fill the blank after "label：" in paragraph ``p``; False if it has no such blank."""
    raw = paragraph_text(p)
    match = _COLON_RE.match(raw)
    if not match or not _BLANK_RE.match(match.group("blank")):
        return False
    value = values[name]
    separator = "" if "：" in raw[match.end("label") : match.start("blank")] else " "
    splice(own_texts(p), match.start("blank"), len(raw), separator + value.text)
    report.mark(name, value)
    return True


def fill_labels(
    doc: DocumentObject,
    values: Mapping[str, Value],
    wanted: set[str],
    report: FillReport,
    cells: set[str] | None = None,
) -> None:
    """Fill fields in ``wanted`` next to recognised labels: the empty cell to the right of a label
    cell, or the blank after "label：" in a paragraph (or in a cell with nothing to its right).
    ``cells``: the fields filled next to label *cells* (default ``wanted``) — a labelled empty
    cell is filled even when its field has a placeholder elsewhere. A labelled blank left empty is
    reported (``labels_empty``)."""
    labels = load_labels()
    party = "owner"
    for root in parts_roots(doc):
        for el in _iter_cells_and_paragraphs(root):
            is_cell = el.tag == W_TC
            raw = _cell_text(el) if is_cell else paragraph_text(el)
            match = _COLON_RE.match(raw.split("\n")[0]) if raw.strip() else None
            inline_ok = bool(match and _BLANK_RE.match(match.group("blank")))
            if inline_ok and match is not None:
                label_text = match.group("label").strip()
            elif is_cell:
                label_text = raw.strip()
            else:
                continue
            key = normalize_label(label_text)
            name = labels.fields.get(key)
            if name is not None and name in labels.parties:
                party = labels.parties[name]
            if name is None and key in labels.generic:
                name = _party_field(party, labels.generic[key])
            if name is None:
                continue
            if name not in (cells if is_cell and cells is not None else wanted):
                if is_cell and cells is not None and _blank_beside(el):
                    report.labels_empty.append((label_text, name))  # a field this letter lacks
                continue
            value = values.get(name)
            if value is None or (value.missing and name == "signed_on"):
                # no value (or the date written by hand): a labelled blank left empty is reported
                if (inline_ok and not is_cell) or (is_cell and _blank_beside(el)):
                    report.labels_empty.append((label_text, name))
                continue
            if not is_cell:
                if _inline(el, values, name, report):
                    report.labels_filled.append((label_text, name))
                continue
            neighbour = el.getnext()
            while neighbour is not None and neighbour.tag != W_TC:
                neighbour = neighbour.getnext()
            if neighbour is not None:
                if neighbour.find(W_TBL) is not None:
                    continue  # a group label beside a nested table (of its sub-labels)
                existing = _cell_text(neighbour)
                if _BLANK_RE.match(existing):
                    first_run = next(iter(el.iter(W_R)), None)
                    _write_into_cell(neighbour, value.text, first_run)
                    report.mark(name, value)
                    report.labels_filled.append((label_text, name))
                    continue
                next_key = normalize_label(existing)
                if next_key in labels.fields or next_key in labels.generic:
                    continue  # a group label next to its sub-labels (授权方 | 名称 …)
                if existing.strip() == value.text.strip():
                    continue  # already filled (by its placeholder)
            first_p = next(iter(_cell_paragraphs(el)), None)
            if (
                neighbour is None
                and inline_ok
                and first_p is not None
                and _inline(first_p, values, name, report)
            ):
                report.labels_filled.append((label_text, name))
                continue
            shown = _cell_text(neighbour).strip() if neighbour is not None else ""
            report.labels_occupied.append((label_text, name, shown))
