"""inspect_file: everything a reviewer would reject about one file, as findings. Never raises on
bad input (missing, empty, damaged, hostile files); see the package docstring for the API."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from assistant.core.attachments import metadata, raster
from assistant.core.attachments import pdf as pdfmod
from assistant.core.attachments.decoded import Keep, Known, identity
from assistant.core.attachments.model import (
    INSPECT_SECONDS,
    JPEG_MAX_SCANS,
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
from assistant.core.attachments.source import (
    SourceProblem,
    display_path,
    open_source,
    read_bounded,
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
        "file.path_nul",
        "file.path_encoding",
        "file.path_too_long",
        "file.symlink_loop",
        "file.too_big_to_check",
        "file.time_budget",
        "image.too_many_scans",
        "pdf.encrypted",
        "pdf.broken",
        "pdf.no_pages",
        "pdf.limit",
    }
)
# Problems of the path or the file's type, with the message's own fix when there is one.
_SOURCE_FIXES = frozenset(
    {"file.not_found", "file.unreadable", "file.path_encoding", "file.path_too_long"}
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
    finding ``file.unknown_document`` and the most lenient readability rule applies. Only a
    regular file is read (see :mod:`.source`), within :data:`~.model.INSPECT_SECONDS`."""
    ctx, setup = Context.make(
        provider, document, region, lang, progress, cancel, seconds=INSPECT_SECONDS
    )
    return inspect_with(ctx, Path(path), setup)


def inspect_with(
    ctx: Context,
    path: Path,
    setup: list[Finding] | None = None,
    keep: Keep | None = None,
    known: Known | None = None,
) -> Inspection:
    """:func:`inspect_file` in a context. ``keep``: a fix's request to keep the decoded picture
    for it; ``known``: the picture a fix just wrote to ``path`` (see :mod:`.decoded`)."""
    insp = Inspection(path=path, findings=list(setup or []))
    ctx.report(0.0)
    if ctx.cancelled():
        return _stopped(ctx, insp)
    try:
        fh, st = open_source(path)
    except SourceProblem as problem:
        insp.findings.append(source_finding(ctx, problem))
        return insp
    if keep is not None:
        keep.source = identity(st)
    with fh:
        try:
            _inspect_open(ctx, path, fh, st, insp, _Pixels(keep, known))
        except SourceProblem as problem:
            insp.findings.append(source_finding(ctx, problem))
        except OSError as exc:  # the file went away or the disk failed while reading it
            insp.findings.append(source_finding(ctx, _read_error(exc)))
        except Exception as exc:  # a decoder's error not foreseen below: still only a finding
            insp.findings.append(damaged(ctx, exc))
    if ctx.cancelled() and not insp.codes & {"file.cancelled", "file.time_budget"}:
        return _stopped(ctx, insp)
    ctx.report(1.0)
    return insp


def _stopped(ctx: Context, insp: Inspection) -> Inspection:
    insp.findings.append(ctx.stop_finding())
    return insp


def _read_error(exc: OSError) -> SourceProblem:
    return SourceProblem("file.unreadable", reason=exc.strerror or str(exc))


def source_finding(ctx: Context, problem: SourceProblem) -> Finding:
    """The error finding of a path or file that is not read (:class:`SourceProblem`)."""
    params = dict(problem.params)
    if "kind" in params:
        params["kind"] = ctx.msg(params["kind"])
    for key in ("size", "limit"):
        if isinstance(params.get(key), int):
            params[key] = human_size(params[key])
    params.setdefault("path", "")
    params.setdefault("reason", "")
    fix = True if problem.code in _SOURCE_FIXES else None
    return ctx.finding(Severity.ERROR, problem.code, fix=fix, **params)


class _Pixels:
    """Where an inspection's pixel statistics come from: a decode kept for a fix, the known
    pixels of a file a fix wrote, or (neither) the usual reduced decode."""

    def __init__(self, keep: Keep | None = None, known: Known | None = None) -> None:
        self.keep = keep
        self.known = known
        self.written = False  # the file holds exactly the bytes of ``known``
        self.trailing = 0  # bytes after the end of the picture


def _inspect_open(
    ctx: Context, path: Path, fh: BinaryIO, st: os.stat_result, insp: Inspection, pixels: _Pixels
) -> None:
    insp.size_bytes = st.st_size
    if st.st_size == 0:
        insp.findings.append(ctx.finding(Severity.ERROR, "file.empty", fix=True))
        return
    fmt = _identify(ctx, path, fh, insp)
    if not _format_gate(ctx, fmt, insp):
        return
    assert fmt is not None
    if fmt == "pdf":
        _inspect_pdf(ctx, fh, insp)
        return
    if fmt not in ctx.accepted_formats:
        insp.findings.append(_not_accepted(ctx, fmt))
    if fmt not in RASTER_FORMATS:  # SVG …: nothing we can decode
        return
    if fmt == "heic" and not raster.HEIC_SUPPORTED:
        insp.findings.append(ctx.finding(Severity.INFO, "file.no_decoder", format="HEIC"))
        return
    inspect_raster(ctx.span(0.1, 1.0), fh, fmt, insp, pixels)


def _identify(ctx: Context, path: Path, fh: BinaryIO, insp: Inspection) -> str | None:
    """The format by content; findings about the name and the extension."""
    fmt = sniff(fh.read(4096))
    if fmt == "zip":
        fmt = refine_zip(fh)
    insp.format = fmt
    ctx.report(0.05)
    insp.findings.extend(name_findings(ctx, path.name))
    ext = extension_of(path.name)
    claimed = EXTENSIONS.get(ext)
    if fmt is None:
        return None
    if claimed is not None and claimed != fmt:
        insp.findings.append(
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
        insp.findings.append(
            ctx.finding(
                Severity.INFO,
                "file.no_extension" if not ext else "file.unknown_extension",
                ext=f".{ext}",
                format=FORMAT_NAMES.get(fmt, fmt),
            )
        )
    return fmt


def _accepted_names(ctx: Context) -> str:
    return ", ".join(FORMAT_NAMES[f] for f in sorted(ctx.accepted_formats))


def _format_gate(ctx: Context, fmt: str | None, insp: Inspection) -> bool:
    """False (with the finding) for what is no picture at all; the byte-size check."""
    findings = insp.findings
    if fmt is None or fmt == "zip":
        findings.append(
            ctx.finding(
                Severity.ERROR, "file.not_an_image", fix=True, accepted=_accepted_names(ctx)
            )
        )
        return False
    if fmt in ("docx", "doc"):
        findings.append(ctx.finding(Severity.ERROR, "file.word_document", fix=True))
        return False
    limit, limit_source = ctx.max_bytes
    size = insp.size_bytes or 0
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
    return True


def _inspect_pdf(ctx: Context, fh: BinaryIO, insp: Inspection) -> None:
    reader = pdfmod.inspect_pdf(ctx.span(0.1, 0.95), fh, insp)
    trailing = pdfmod.trailing_bytes(fh) if reader is not None else 0
    if trailing:
        insp.findings.append(_trailing(ctx, trailing, "pdf"))
    if "pdf" in ctx.accepted_formats or reader is None or insp.codes & FATAL_CODES:
        return
    scanned = bool(insp.image_pages) and len(insp.image_pages) == insp.pages
    insp.findings.append(
        ctx.finding(
            Severity.ERROR,
            "file.format_not_accepted",
            fix="file.format_not_accepted.fix_scanned"
            if scanned
            else "file.format_not_accepted.fix_pdf",
            format="PDF",
            provider=ctx.provider_name,
            accepted=_accepted_names(ctx),
        )
    )


def _not_accepted(ctx: Context, fmt: str) -> Finding:
    if fmt in RASTER_FORMATS and (fmt != "heic" or raster.HEIC_SUPPORTED):
        fix = "file.format_not_accepted.fix"
    else:
        fix = "file.format_not_accepted.fix_manual"
    return ctx.finding(
        Severity.ERROR,
        "file.format_not_accepted",
        fix=fix,
        format=FORMAT_NAMES.get(fmt, fmt),
        provider=ctx.provider_name,
        accepted=_accepted_names(ctx),
    )


def inspect_raster(
    ctx: Context, fh: BinaryIO, fmt: str, insp: Inspection, pixels: _Pixels | None = None
) -> None:
    findings = insp.findings
    pixels = pixels or _Pixels()
    meta = _scan_metadata(ctx, fh, fmt, insp, pixels)
    if "image.too_many_scans" in insp.codes:
        return
    try:
        im = raster.open_image(fh, fmt)
        insp.width, insp.height = im.size
        insp.mode = im.mode
        if meta is not None and meta.too_little_data:  # a decoder would fill in gray silently
            findings.append(ctx.finding(Severity.ERROR, "file.truncated", fix=True))
            return
        ctx.report(0.1)
        facts = raster.read_facts(im, fmt, fh, meta)
        ctx.report(0.2)
        if ctx.cancelled():
            return
        stats = _stats(im, fmt, facts, insp, pixels)
    except raster.TooManyPixels as exc:
        insp.width, insp.height = exc.width, exc.height
        findings.append(raster.bomb_finding(ctx, exc))
        return
    except raster.DECODE_ERRORS as exc:
        findings.append(damaged(ctx, exc))
        return
    ctx.report(0.8)
    if ctx.cancelled():
        return
    findings.extend(raster.fact_findings(ctx, facts, fmt))
    findings.extend(raster.stats_findings(ctx, stats))
    ctx.report(1.0)


def _stats(
    im: Image.Image, fmt: str, facts: raster.RasterFacts, insp: Inspection, pixels: _Pixels
) -> raster.Stats:
    """Pixel statistics: of the pixels a fix encoded into exactly this file (no decode), else of
    one decode — at the fix's scale when a fix asked to keep it, else the reduced one."""
    if pixels.known is not None and pixels.written and im.size == pixels.known.image.size:
        return pixels.known.stats()
    if pixels.keep is not None:
        kept = pixels.keep.decode(im, fmt, facts, insp, pixels.trailing)
        if kept is not None:
            kept.stats = raster.pixel_stats(kept.image)
            return kept.stats
    return raster.pixel_stats(raster.analysis_decode(im, fmt))


def _scan_metadata(
    ctx: Context, fh: BinaryIO, fmt: str, insp: Inspection, pixels: _Pixels
) -> metadata.MetaScan | None:
    """The raw metadata scan of a JPEG, PNG, GIF or WebP (None for other formats), with the
    findings of what it shows: data after the picture, or too many scans to decode at all.
    Notes in ``pixels`` whether the file holds exactly the bytes a fix wrote."""
    if fmt not in metadata.SCANNED_FORMATS and pixels.known is None:
        return None  # HEIC, TIFF …: their metadata is read by the decoder (read_facts)
    fh.seek(0)
    data = read_bounded(fh)
    pixels.written = pixels.known is not None and data == pixels.known.data
    meta = metadata.scan(data, fmt)
    del data
    if meta is None:
        return None
    if meta.scans > JPEG_MAX_SCANS:
        insp.findings.append(
            ctx.finding(
                Severity.ERROR, "image.too_many_scans", scans=meta.scans, limit=JPEG_MAX_SCANS
            )
        )
        return None
    pixels.trailing = meta.trailing
    if meta.trailing > 0:
        insp.findings.append(_trailing(ctx, meta.trailing, fmt))
    return meta


def _trailing(ctx: Context, size: int, fmt: str) -> Finding:
    return ctx.finding(
        Severity.INFO,
        "file.trailing_data",
        fix=True,
        size=human_size(size),
        format=FORMAT_NAMES.get(fmt, fmt),
    )


def damaged(ctx: Context, exc: BaseException) -> Finding:
    """The finding of a decoder's error: truncated, or damaged with the reason."""
    reason = str(exc).strip() or type(exc).__name__
    if "truncated" in reason.lower() or isinstance(exc, EOFError):
        return ctx.finding(Severity.ERROR, "file.truncated", fix=True)
    if isinstance(exc, MemoryError):
        reason = "not enough memory to decode it"
    return ctx.finding(Severity.ERROR, "file.corrupt", fix=True, reason=display_path(reason[:200]))


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
            bad.extend(display_path(c) for c in hits[:8])
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
