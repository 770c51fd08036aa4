"""The sections of the printable checklist as Qt rich-text HTML, one function per section.

Every text is escaped; the marks (✓ ! × –) and symbols used are all in the bundled font
(:mod:`.fonts`), so nothing here is drawn by a system font.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.core.findings import Severity
from assistant.core.i18n import localized, text

if TYPE_CHECKING:
    from assistant.core.checklist import Checklist
    from assistant.core.model import Case
    from assistant.core.rules import RulePack
    from assistant.core.sources import Source

# colours chosen to survive black-and-white printing (text labels carry the meaning too)
INK = "#1f2933"
MUTED = "#52606d"
RULE = "#cbd2d9"
SHADE = "#f3f5f7"
STATUS_COLOURS = {
    "attached": "#1b7a3a",
    "problems": "#b35c00",
    "missing": "#c0262d",
    "not_needed": MUTED,
}
_MARKS = {"attached": "✓", "problems": "!", "missing": "×", "not_needed": "–"}
_FORMAT_LABELS = {"jpeg": "JPG/JPEG", "png": "PNG", "gif": "GIF", "pdf": "PDF"}
_BLANK = "______________________________"
_H2 = f"<h2 style='font-size:12.5pt; color:{INK}; margin-top:14px'>"
_GUIDANCE = f"<br/><span style='color:{MUTED}; font-size:8.5pt'>"


def e(value: object) -> str:
    return html.escape(str(value), quote=True)


@dataclass
class Page:
    """What every section needs: the pack, the language, each document's status, and the
    sources cited so far (listed at the end)."""

    checklist: Checklist
    lang: str
    status: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    # finding codes and subjects of the case's review: what the program verified (ticks)
    found: set[tuple[str, str | None]] = field(default_factory=set)
    has_names: bool = False

    @property
    def pack(self) -> RulePack:
        return self.checklist.pack

    def t(self, key: str, **params: object) -> str:
        return e(text(key, self.lang, **params))

    def name(self, value: object) -> str:
        return e(localized(value, self.lang))  # type: ignore[arg-type]

    def cite(self, *ids: str | None) -> None:
        for sid in ids:
            if sid and sid in self.pack.sources and sid not in self.sources:
                self.sources.append(sid)

    def box(self, doc_id: str | None = None, checked: bool = False) -> str:
        checked = checked or (
            doc_id is not None and self.status.get(doc_id, ("",))[0] == "attached"
        )
        name = "checkbox:checked" if checked else "checkbox:empty"
        return f"<img src='{name}' width='13' height='13'/>"

    def status_html(self, doc_id: str) -> str:
        if doc_id not in self.status:
            return ""
        kind, lines = self.status[doc_id]
        colour = STATUS_COLOURS[kind]
        label = self.t("render.status." + kind)
        out = f"<br/><span style='color:{colour}; font-weight:bold'>{_MARKS[kind]} {label}</span>"
        if lines:
            out += f"<span style='color:{colour}'> &nbsp;{e(lines[0])}</span>"
            for line in lines[1:]:
                out += f"<br/><span style='color:{colour}'>&nbsp;&nbsp;• {e(line)}</span>"
        return out


def header_html(page: Page, provider: str, combination: str, prepared_on: dt.date) -> str:
    return (
        f"<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        f"<td><span style='font-size:17pt; font-weight:bold; color:{INK}'>"
        f"{page.t('render.title')}</span><br/>"
        f"<span style='font-size:11pt; color:{INK}'>{e(provider)}</span>"
        f"<span style='font-size:11pt; color:{MUTED}'> · {e(combination)}</span></td>"
        f"<td align='right' valign='top' style='color:{MUTED}'>"
        f"{page.t('render.prepared_on', date=prepared_on.isoformat())}<br/>"
        f"{page.t('render.rules_as_of', provider=provider, version=page.pack.version)}"
        f"</td></tr></table><hr style='color:{RULE}'/>"
    )


def parties_html(page: Page, case: Case | None) -> str:
    """Who and what: filled from the case, or lines to write on."""
    t, others = page.t, page.checklist.purpose == "others"
    rows: list[tuple[str, str]] = []
    if case is not None:
        names = [n for n in case.signature_names if n.strip()]
        shown = "、".join(e(n) for n in names)  # as typed in the console: no 【】
        rows.append((t("render.signature_names"), shown or t("render.not_filled")))
        applicant = " · ".join(x for x in (case.applicant.name, case.applicant.credit_code) if x)
        rows.append((t("render.applicant"), e(applicant) or t("render.not_filled")))
        if others or case.owner.name:
            owner = case.owner
            parts = (owner.name, owner.credit_code, owner.legal_representative)
            rows.append(
                (t("render.owner"), e(" · ".join(x for x in parts if x)) or t("render.not_filled"))
            )
    else:
        rows.append((t("render.signature_names"), _BLANK))
        rows.append((t("render.applicant"), _BLANK))
        if others:
            rows.append((t("render.owner"), _BLANK))
    body = "".join(
        f"<tr><td style='color:{MUTED}' width='230'>{label}</td>"
        f"<td style='color:{INK}; font-weight:bold'>{value}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='3'>{body}</table>"


def blocked_html(page: Page) -> str:
    """The combination cannot be applied for: say so prominently."""
    errors = [f for f in page.checklist.findings if f.severity is Severity.ERROR]
    if not errors:
        return ""
    out = [
        "<table width='100%' cellspacing='0' cellpadding='8' style='margin-top:8px' "
        f"bgcolor='#fdecea'><tr><td><b style='color:#c0262d'>× {page.t('render.blocked')}</b>"
    ]
    for f in errors:
        out.append(f"<br/>{e(f.message)}")
        if f.fix:
            out.append(f"<br/><i>→ {e(f.fix)}</i>")
        page.cite(f.source)
    out.append("</td></tr></table>")
    return "".join(out)


def documents_html(page: Page) -> str:
    out = [f"{_H2}1 &nbsp;{page.t('render.documents')}</h2>"]
    out.append(
        "<table width='100%' cellspacing='0' cellpadding='5' style='border-collapse:collapse'>"
    )
    for n, group in enumerate(page.checklist.groups(), 1):
        first = group[0]
        page.cite(first.source)
        bg = SHADE if n % 2 else "#ffffff"
        optional = (
            ""
            if first.required
            else f" <span style='color:{MUTED}'>({page.t('render.optional')})</span>"
        )
        if len(group) == 1:
            d = first.document
            out.append(
                f"<tr bgcolor='{bg}'><td width='22' valign='top'>{page.box(d.id)}</td>"
                f"<td width='18' valign='top'><b>{n}</b></td><td valign='top'>"
                f"<b style='font-size:10.5pt'>{page.name(d.name)}</b>{optional}"
                f"{page.status_html(d.id)}{_GUIDANCE}{page.name(d.guidance)}</span>"
            )
        else:
            out.append(
                f"<tr bgcolor='{bg}'><td width='22' valign='top'></td>"
                f"<td width='18' valign='top'><b>{n}</b></td><td valign='top'>"
                f"<b style='font-size:10.5pt'>{page.t('render.one_of')}</b>{optional}"
                f"<table width='100%' cellspacing='0' cellpadding='3'>"
            )
            for entry in group:
                d = entry.document
                out.append(
                    f"<tr><td width='22' valign='top'>{page.box(d.id)}</td><td valign='top'>"
                    f"<b>{page.name(d.name)}</b>{page.status_html(d.id)}"
                    f"{_GUIDANCE}{page.name(d.guidance)}</span></td></tr>"
                )
            out.append("</table>")
        if first.conflict_note:
            out.append(
                f"<br/><span style='color:{MUTED}; font-size:8pt'>"
                f"<i>{page.name(first.conflict_note)}</i></span>"
            )
        out.append("</td></tr>")
    out.append("</table>")
    return "".join(out)


def remarks_html(page: Page, case: Case | None) -> str:
    out = [f"{_H2}2 &nbsp;{page.t('render.remarks')}</h2>"]
    fields = list(page.checklist.remarks)
    if case is not None:  # filled fields the type does not require go to the reviewer too
        fields += [
            r
            for rid, r in page.pack.remarks.items()
            if r not in fields and case.remarks.get(rid).strip()
        ]
    if not fields:
        return out[0] + f"<p style='color:{MUTED}'>{page.t('render.no_remarks')}</p>"
    out.append("<table width='100%' cellspacing='0' cellpadding='5'>")
    for r in fields:
        value = case.remarks.get(r.id).strip() if case is not None else ""
        shown = (
            f"<b style='color:{INK}'>{e(value)}</b>"
            if value
            else f"<span style='color:{RULE}'>{'_' * 64}</span>"
        )
        out.append(
            f"<tr><td width='22' valign='top'>{page.box(checked=_remark_ok(page, r.id, value))}"
            f"</td><td valign='top'><b>{page.name(r.name)}</b>{_GUIDANCE}{page.name(r.guidance)}</span>"
            f"<br/>{shown}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def _remark_ok(page: Page, remark_id: str, value: str) -> bool:
    """Ticked: filled in and no problem found with it."""
    subject = f"remarks.{remark_id}"
    return bool(value) and not any(s == subject for _, s in page.found)


def _files_verified(page: Page) -> bool:
    """Every attached file was inspected and is fine (or fixed in the bundle) and none is missing:
    the program checked formats, sizes and file names for the user."""
    kinds = [kind for kind, _ in page.status.values()]
    return bool(kinds) and "attached" in kinds and not {"problems", "missing"} & set(kinds)


def _human_bytes(n: int) -> str:
    if n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    return f"{n / (1024 * 1024):.1f} MB"


def file_rules_html(page: Page) -> str:
    pack, region, t = page.pack, page.checklist.region, page.t
    lines: list[tuple[str, bool]] = []
    files_ok = _files_verified(page)
    formats = pack.rule("files.formats", region)
    if formats is not None:
        labels = [_FORMAT_LABELS.get(f, f.upper()) for f in sorted(formats.value)]
        lines.append((t("render.file_rule.formats", formats=", ".join(labels)), files_ok))
        page.cite(*formats.sources)
    max_bytes = pack.rule("files.max_bytes", region)
    if max_bytes is not None:
        lines.append(
            (t("render.file_rule.max_bytes", size=_human_bytes(int(max_bytes.value))), files_ok)
        )
        page.cite(*max_bytes.sources)
    chars = pack.rule("files.name_forbidden_chars", region)
    if chars is not None:
        lines.append((t("render.file_rule.name_chars", chars=" ".join(str(chars.value))), files_ok))
        page.cite(*chars.sources)
    ascii_only = pack.rule("files.name_ascii_only", region)
    if ascii_only is not None:
        lines.append((t("render.file_rule.ascii"), files_ok))
        page.cite(*ascii_only.sources)
    length = pack.rule("name.length", region)
    if length is not None:
        names_ok = page.has_names and not any(c.startswith("name.length") for c, _ in page.found)
        lines.append(
            (t("render.file_rule.names", min=length.value[0], max=length.value[1]), names_ok)
        )
        page.cite(*length.sources)
    if page.checklist.purpose == "others":
        lines.append((t("render.file_rule.letter"), False))  # signature and seal: by the user
    rows = "".join(
        f"<tr><td width='22' valign='top'>{page.box(checked=ok)}</td><td>{line}</td></tr>"
        for line, ok in lines
    )
    return (
        f"{_H2}3 &nbsp;{t('render.file_rules')}</h2>"
        f"<table width='100%' cellspacing='0' cellpadding='3'>{rows}</table>"
    )


def where_html(page: Page) -> str:
    return f"{_H2}4 &nbsp;{page.t('render.where')}</h2><p>{page.name(page.pack.console)}</p>"


def sources_html(page: Page) -> str:
    """The rules' sources in the checklist's language, with the dates they were read.

    One compact row per page: its title as the provider names it (or a plain description),
    its address and the date it was read, never our own file names or source ids (#16).
    Sources that print the same title and address are one row, with the latest date read.
    """
    latest: dict[tuple[str, str | None], Source] = {}
    for sid in page.sources:
        source = page.pack.sources[sid]
        key = (source.title_for(page.lang), source.url)
        if key not in latest or source.read > latest[key].read:
            latest[key] = source
    cells = [f"<tr><td valign='top'>{e(s.cited(page.lang))}</td></tr>" for s in latest.values()]
    return (
        f"<h3 style='font-size:9pt; color:{MUTED}; margin-top:14px'>{page.t('render.sources')}</h3>"
        f"<table width='100%' cellspacing='0' cellpadding='1' style='font-size:7.5pt; "
        f"color:{MUTED}'>{''.join(cells)}</table>"
    )
