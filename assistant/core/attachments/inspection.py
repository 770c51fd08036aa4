"""inspect_file: everything a reviewer would reject about one file, as findings. Never raises on
bad input (missing, empty, damaged, hostile files); see the package docstring for the API."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from assistant.core.attachments import pdf as pdfmod
from assistant.core.attachments import raster
from assistant.core.attachments.model import (
    CancelFlag,
    Context,
    Inspection,
    ProgressCallback,
    human_size,
)
from assistant.core.attachments.sniff import (
    EXTENSIONS,
    FORMAT_EXTENSION,
    FORMAT_NAMES,
    RASTER_FORMATS,
    extension_of,
    refine_zip,
    safe_upload_name,
    sniff,
)
from assistant.core.findings import Finding, Severity

# Findings after which nothing more can be learnt from the file.
FATAL_CODES = frozenset(
    {
        "file.not_found",
        "file.not_a_file",
        "file.unreadable",
        "file.empty",
        "file.not_an_image",
        "file.corrupt",
        "file.truncated",
        "file.bomb",
        "file.no_decoder",
        "file.word_document",
        "pdf.encrypted",
        "pdf.broken",
        "pdf.no_pages",
    }
)


def inspect_file(
    path: str | os.PathLike[str],
    provider: str,
    document: str | None = None,
    region: str | None = None,
    lang: str = "en",
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> Inspection:
    """Inspect one file for ``provider`` (and the kind of ``document``, a pack document id).

    Every problem with the file is a finding; nothing about the file raises. An unknown
    ``provider`` raises ValueError (a programming error); an unknown ``document`` is a warning
    finding ``file.unknown_document`` and the most lenient readability rule applies."""
    ctx, setup = Context.make(provider, document, region, lang, progress, cancel)
    return inspect_with(ctx, Path(path), setup)


def inspect_with(ctx: Context, path: Path, setup: list[Finding] | None = None) -> Inspection:
    insp = Inspection(path=path, findings=list(setup or []))
    ctx.report(0.0)
    if ctx.cancelled():
        return _cancelled(ctx, insp)
    try:
        fh: BinaryIO = path.open("rb")
    except FileNotFoundError:
        insp.findings.append(
            ctx.finding(Severity.ERROR, "file.not_found", fix=True, path=str(path))
        )
        return insp
    except IsADirectoryError:
        insp.findings.append(ctx.finding(Severity.ERROR, "file.not_a_file", path=str(path)))
        return insp
    except OSError as exc:
        insp.findings.append(
            ctx.finding(
                Severity.ERROR, "file.unreadable", fix=True, reason=exc.strerror or str(exc)
            )
        )
        return insp
    with fh:
        try:
            _inspect_open(ctx, path, fh, insp)
        except OSError as exc:  # the file went away or the disk failed while reading it
            insp.findings.append(
                ctx.finding(
                    Severity.ERROR, "file.unreadable", fix=True, reason=exc.strerror or str(exc)
                )
            )
    if ctx.cancelled() and not insp.cancelled:
        return _cancelled(ctx, insp)
    ctx.report(1.0)
    return insp


def _cancelled(ctx: Context, insp: Inspection) -> Inspection:
    insp.findings.append(ctx.finding(Severity.INFO, "file.cancelled"))
    return insp


def _inspect_open(ctx: Context, path: Path, fh: BinaryIO, insp: Inspection) -> None:
    findings = insp.findings
    st = os.fstat(fh.fileno())
    if not _is_regular(st.st_mode):
        findings.append(ctx.finding(Severity.ERROR, "file.not_a_file", path=str(path)))
        return
    insp.size_bytes = size = st.st_size
    if size == 0:
        findings.append(ctx.finding(Severity.ERROR, "file.empty", fix=True))
        return
    head = fh.read(4096)
    fmt = sniff(head)
    if fmt == "zip":
        fmt = refine_zip(fh)
    insp.format = fmt
    ctx.report(0.05)

    # file name: what the bundle will upload it as
    findings.extend(name_findings(ctx, path.name))
    # extension against content
    ext = extension_of(path.name)
    claimed = EXTENSIONS.get(ext)
    if fmt is not None:
        if claimed is not None and claimed != fmt:
            findings.append(
                ctx.finding(
                    Severity.WARNING,
                    "file.extension_mismatch",
                    fix=True,
                    ext=f".{ext}",
                    format=FORMAT_NAMES.get(fmt, fmt),
                    right=f".{FORMAT_EXTENSION.get(fmt, fmt)}",
                )
            )
        elif claimed is None:
            findings.append(
                ctx.finding(
                    Severity.INFO,
                    "file.no_extension" if not ext else "file.unknown_extension",
                    ext=f".{ext}",
                    format=FORMAT_NAMES.get(fmt, fmt),
                )
            )

    # format accepted at all?
    accepted = ctx.accepted_formats
    accepted_names = ", ".join(FORMAT_NAMES[f] for f in sorted(accepted))
    if fmt is None:
        findings.append(
            ctx.finding(Severity.ERROR, "file.not_an_image", fix=True, accepted=accepted_names)
        )
        return
    if fmt in ("docx", "doc"):
        findings.append(ctx.finding(Severity.ERROR, "file.word_document", fix=True))
        return
    if fmt == "zip":
        findings.append(
            ctx.finding(Severity.ERROR, "file.not_an_image", fix=True, accepted=accepted_names)
        )
        return

    # byte size
    limit, limit_source = ctx.max_bytes
    if limit is not None and size > limit:
        findings.append(
            ctx.finding(
                Severity.ERROR,
                "file.too_large",
                fix="file.too_large.fix" if fmt in RASTER_FORMATS or fmt == "pdf" else None,
                source=limit_source,
                size=human_size(size),
                limit=human_size(limit),
                provider=ctx.provider_name,
            )
        )

    if fmt == "pdf":
        reader = pdfmod.inspect_pdf(ctx.span(0.1, 0.95), fh, insp)
        if fmt not in accepted and reader is not None and not (insp.codes & FATAL_CODES):
            scanned = bool(insp.image_pages) and len(insp.image_pages) == insp.pages
            findings.append(
                ctx.finding(
                    Severity.ERROR,
                    "file.format_not_accepted",
                    fix="file.format_not_accepted.fix_scanned"
                    if scanned
                    else "file.format_not_accepted.fix_pdf",
                    format="PDF",
                    provider=ctx.provider_name,
                    accepted=accepted_names,
                )
            )
        return

    if fmt not in accepted:
        if fmt in RASTER_FORMATS and (fmt != "heic" or raster.HEIC_SUPPORTED):
            fix = "file.format_not_accepted.fix"
        else:
            fix = "file.format_not_accepted.fix_manual"
        findings.append(
            ctx.finding(
                Severity.ERROR,
                "file.format_not_accepted",
                fix=fix,
                format=FORMAT_NAMES.get(fmt, fmt),
                provider=ctx.provider_name,
                accepted=accepted_names,
            )
        )
    if fmt not in RASTER_FORMATS:  # SVG …: nothing we can decode
        return
    if fmt == "heic" and not raster.HEIC_SUPPORTED:
        findings.append(ctx.finding(Severity.INFO, "file.no_decoder", format="HEIC"))
        return
    inspect_raster(ctx.span(0.1, 1.0), fh, fmt, insp)


def inspect_raster(ctx: Context, fh: BinaryIO, fmt: str, insp: Inspection) -> None:
    findings = insp.findings
    try:
        im = raster.open_image(fh, fmt)
    except raster.TooManyPixels as exc:
        insp.width, insp.height = exc.width, exc.height
        findings.append(raster.bomb_finding(ctx, exc))
        return
    except raster.DECODE_ERRORS as exc:
        findings.append(_damaged(ctx, exc))
        return
    insp.width, insp.height = im.size
    insp.mode = im.mode
    ctx.report(0.1)
    try:
        facts = raster.read_facts(im, fmt, fh)
    except raster.DECODE_ERRORS as exc:
        findings.append(_damaged(ctx, exc))
        return
    ctx.report(0.2)
    if ctx.cancelled():
        return
    try:
        decoded = raster.analysis_decode(im, fmt)
    except raster.TooManyPixels as exc:
        findings.append(raster.bomb_finding(ctx, exc))
        return
    except raster.DECODE_ERRORS as exc:
        findings.append(_damaged(ctx, exc))
        return
    ctx.report(0.8)
    if ctx.cancelled():
        return
    findings.extend(raster.fact_findings(ctx, facts, fmt))
    stats = raster.pixel_stats(decoded)
    findings.extend(raster.stats_findings(ctx, stats))
    ctx.report(1.0)


def _damaged(ctx: Context, exc: BaseException) -> Finding:
    reason = str(exc).strip() or type(exc).__name__
    if "truncated" in reason.lower() or isinstance(exc, EOFError):
        return ctx.finding(Severity.ERROR, "file.truncated", fix=True)
    return ctx.finding(Severity.ERROR, "file.corrupt", fix=True, reason=reason[:200])


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


def name_findings(ctx: Context, filename: str) -> list[Finding]:
    """Info when the provider rejects characters of the name, with the name the bundle uses."""
    bad: list[str] = []
    sources: list[str] = []
    severity = Severity.INFO
    forbidden = ctx.pack.rule("files.name_forbidden_chars", ctx.region)
    if forbidden is not None:
        hits = sorted({c for c in filename if c in forbidden.value})
        if hits:
            bad.extend("space" if c == " " else c for c in hits)
            sources.append(forbidden.sources[0])
            severity = Severity(forbidden.severity or "info")
    ascii_only = ctx.pack.rule("files.name_ascii_only", ctx.region)
    if ascii_only is not None:
        hits = sorted({c for c in filename if not c.isascii()})
        if hits:
            bad.extend(hits[:8])
            sources.append(ascii_only.sources[0])
            other = Severity(ascii_only.severity or "info")
            severity = other if other.rank < severity.rank else severity
    if not bad:
        return []
    new_name = safe_upload_name(filename, ctx.provider)
    return [
        ctx.finding(
            severity,
            "file.name_renamed",
            source=sources[0],
            fixed_value=new_name,
            provider=ctx.provider_name,
            chars=" ".join(bad),
            name=new_name,
        )
    ]
