"""fix_file: write a compliant copy of a file (never touching the original), then re-inspect it.

Deterministic: the same input, provider, document and output name give the same bytes. The
pictures are encoded in :mod:`.encode`, PDFs handled in :mod:`.pdf_fix`, outputs written by
:mod:`.outputs`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PIL import Image

from assistant.core.attachments import raster
from assistant.core.attachments.decoded import (
    Decoded,
    Keep,
    Known,
    Planner,
    fix_scale,
    identity,
)
from assistant.core.attachments.encode import GIL_FREE_PIXELS as _GIL_FREE_PIXELS  # noqa: F401
from assistant.core.attachments.encode import (
    Cancelled,
    Encoded,
    cannot_fit,
    check,
    encode_under,
    normalize,
)
from assistant.core.attachments.encode import encode as _encode  # noqa: F401 (tests, benchmarks)
from assistant.core.attachments.encode import fit_jpeg as fit_jpeg
from assistant.core.attachments.inspection import FATAL_CODES, inspect_with, source_finding
from assistant.core.attachments.model import (
    ANALYSIS_LONG_SIDE,
    FIX_SECONDS,
    INSPECT_SECONDS,
    CancelFlag,
    Context,
    FixResult,
    Inspection,
    ProgressCallback,
)
from assistant.core.attachments.outputs import Job, remove, same_file
from assistant.core.attachments.pdf_fix import fix_pdf
from assistant.core.attachments.sniff import EXTENSIONS, FORMAT_NAMES, extension_of
from assistant.core.attachments.source import (
    SourceProblem,
    check_path,
    display_path,
    open_source,
    read_bounded,
)
from assistant.core.attachments.strip import strip_gif, strip_jpeg, strip_png
from assistant.core.findings import Finding, Severity, has_errors

# Problems a fix removes; a re-inspection of the output must not show them again.
FIXABLE_CODES = frozenset(
    {
        "file.format_not_accepted",
        "file.too_large",
        "file.extension_mismatch",
        "file.trailing_data",
        "image.rotated",
        "image.animated",
        "image.cmyk",
        "image.sixteen_bit",
        "image.alpha",
        "image.alpha_unused",
        "image.gps",
        "image.personal_metadata",
        "image.unusual_dpi",
        "pdf.restricted",
    }
)
_REENCODE_CODES = frozenset(
    {
        "file.format_not_accepted",
        "image.rotated",
        "image.animated",
        "image.cmyk",
        "image.sixteen_bit",
        "image.alpha",
        "image.alpha_unused",
    }
)
_LOSSLESS_SOURCES = frozenset({"png", "gif", "bmp", "tiff", "ico", "psd"})
_STRIP = {"jpeg": strip_jpeg, "png": strip_png, "gif": strip_gif}


def fix_file(
    path: str | os.PathLike[str],
    provider: str,
    output: str | os.PathLike[str],
    document: str | None = None,
    region: str | None = None,
    lang: str = "en",
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    inspection: Inspection | None = None,
) -> FixResult:
    """Write a fixed copy of ``path`` to ``output`` for ``provider`` and re-inspect it.

    ``output`` is a file path or an existing directory. The written file's extension always
    matches its format (``out`` becomes ``out.jpg``; ``out.webp`` becomes ``out.jpg`` for a
    provider without WebP; a finding says so). A scanned PDF that the provider does not accept
    (or that is too large) becomes one image per page, named ``<stem>-p<N>.<ext>`` next to
    ``output`` with N zero-padded to the page count's width (``letter-p1.jpg``, ``letter-p2.jpg``);
    a single page keeps ``output``'s own name. ``output`` equal to ``path`` is refused, and no
    written file may be the input. Cancellation leaves no partial file and gives a result with
    a ``file.cancelled`` finding; so does running out of :data:`~.model.FIX_SECONDS`, with
    ``file.time_budget``. Only a regular file is read; every problem is a finding.

    ``inspection``: an inspection of ``path`` made just before with the same provider, document,
    region and language (the export's review), so the file is not inspected twice. It is used
    only when it is of this path, not cancelled, and the file still has the inspected size.
    """
    ctx, setup = Context.make(provider, document, region, lang, progress, cancel, FIX_SECONDS)
    src = Path(path)
    result = FixResult(source=src)
    out = _output_target(ctx, src, Path(output), result)
    if out is None:
        return result
    insp = inspection if _still_valid(inspection, src) else None
    keep = None
    if insp is None:  # inspected here: one decode serves the inspection and the fix
        keep = Keep(_planner(ctx, out))
        insp = inspect_with(ctx.span(0.0, 0.3), src, setup, keep=keep)
    return _fix_inspected(ctx, src, insp, out, result, keep)


def inspect_then_fix(
    path: str | os.PathLike[str],
    provider: str,
    output: str | os.PathLike[str],
    needs_fix: Callable[[Inspection], bool],
    document: str | None = None,
    region: str | None = None,
    lang: str = "en",
    cancel: CancelFlag | None = None,
) -> tuple[Inspection, FixResult | None]:
    """:func:`~.inspection.inspect_file` of ``path``, then — only when ``needs_fix`` says so of
    the inspection — :func:`fix_file` to ``output`` on the same decode. For a caller that
    inspects every file and fixes some (the export's review): one decode per picture serves
    both, and no decoded picture waits in memory for a later fix. The fix result is None when
    no fix was wanted (or the inspection was cancelled)."""
    ictx, setup = Context.make(provider, document, region, lang, None, cancel, INSPECT_SECONDS)
    ctx, _ = Context.make(provider, document, region, lang, None, cancel, FIX_SECONDS)
    src = Path(path)
    result = FixResult(source=src)
    out = _output_target(ctx, src, Path(output), result)
    keep = Keep(_planner(ctx, out)) if out is not None else None
    insp = inspect_with(ictx, src, setup, keep=keep)
    if insp.cancelled or not needs_fix(insp):
        return insp, None
    if out is None:
        result.inspection = insp
        return insp, result
    return insp, _fix_inspected(ctx, src, insp, out, result, keep)


def _fix_inspected(
    ctx: Context, src: Path, insp: Inspection, out: Path, result: FixResult, keep: Keep | None
) -> FixResult:
    """The fix of ``src`` once it is inspected (``keep``: the decode the inspection kept)."""
    ctx.report(0.3)
    result.inspection = insp
    if insp.cancelled:
        result.findings.append(ctx.finding(Severity.INFO, "file.cancelled"))
        return result
    fatal = [f for f in insp.findings if f.code in FATAL_CODES]
    if fatal or insp.format in ("svg", None):
        reason = (fatal or insp.findings or [ctx.stop_finding()])[0].message
        result.findings.append(ctx.finding(Severity.ERROR, "fix.cannot_fix", reason=reason))
        return result
    known: dict[Path, Known] = {}
    try:
        _fix_source(ctx.span(0.3, 0.9), src, insp, out, result, keep, known)
    except Cancelled:
        for p in result.outputs:
            remove(p)
        result.outputs.clear()
        result.findings = [ctx.stop_finding()]
        return result
    except Exception as exc:  # every decoder or disk error is a finding, never a traceback
        result.findings.append(_failure(ctx, exc))
    _reinspect(ctx.span(0.9, 1.0), insp, result, known)
    ctx.report(1.0)
    return result


def _output_target(ctx: Context, src: Path, out: Path, result: FixResult) -> Path | None:
    """Where to write (a directory gets the source's name); None (with the finding) when the
    output path cannot be used or is the input itself."""
    try:
        check_path(out)
    except SourceProblem as problem:
        reason = source_finding(ctx, problem).message
        result.findings.append(ctx.finding(Severity.ERROR, "fix.output_failed", reason=reason))
        return None
    if out.is_dir():
        out = out / src.name
        if same_file(src, out):
            out = out.with_name(f"{src.stem}-fixed{src.suffix}")
    if same_file(src, out):
        result.findings.append(
            ctx.finding(Severity.ERROR, "fix.output_is_input", path=display_path(out))
        )
        return None
    return out


def _still_valid(inspection: Inspection | None, src: Path) -> bool:
    """Whether ``inspection`` can stand for an inspection of ``src`` now."""
    if inspection is None or inspection.cancelled or inspection.size_bytes is None:
        return False
    try:
        return Path(inspection.path) == src and src.stat().st_size == inspection.size_bytes
    except (OSError, ValueError):
        return False


def _fix_source(
    ctx: Context,
    src: Path,
    insp: Inspection,
    out: Path,
    result: FixResult,
    keep: Keep | None,
    known: dict[Path, Known],
) -> None:
    fh, st = open_source(src)  # opened again: it may have been replaced since the inspection
    with fh:
        decoded = keep.take(identity(st)) if keep is not None else None
        job = Job(src, fh, insp, out, result, decoded, known)
        if insp.format == "pdf":
            fix_pdf(ctx, job)
        else:
            _fix_raster(ctx, job)


def _failure(ctx: Context, exc: Exception) -> Finding:
    if isinstance(exc, SourceProblem):
        reason = source_finding(ctx, exc).message
    elif isinstance(exc, raster.TooManyPixels):
        reason = f"{exc.width}×{exc.height}"
    elif isinstance(exc, OSError) and getattr(exc, "filename", None):
        reason = display_path(exc.strerror or str(exc))
        return ctx.finding(Severity.ERROR, "fix.output_failed", reason=reason)
    elif isinstance(exc, MemoryError):
        reason = "not enough memory"
    else:
        reason = display_path(str(exc)[:200] or type(exc).__name__)
    return ctx.finding(Severity.ERROR, "fix.cannot_fix", reason=reason)


def _reinspect(ctx: Context, insp: Inspection, result: FixResult, known: dict[Path, Known]) -> None:
    """Inspect every output again: it must come out clean of what was fixed. Each is read in
    full from the disk; the pixels of a picture just encoded are not decoded again (the
    statistics of the pixels encoded stand for them when the file holds exactly those bytes)."""
    written = result.outputs
    for i, p in enumerate(written):
        sub = ctx.span(i / len(written), (i + 1) / len(written))
        sub.cancel = None  # a re-inspection is short; finish it so the result is complete
        again = inspect_with(sub, p, known=known.pop(p, None))
        result.inspections.append(again)
        still = sorted(again.codes & FIXABLE_CODES - {"file.too_large"} & insp.codes)
        if "file.too_large" in again.codes:
            still.append("file.too_large")
        if still or has_errors(again.findings):
            errors = [f.code for f in again.findings if f.severity is Severity.ERROR]
            result.findings.append(
                ctx.finding(
                    Severity.ERROR,
                    "fix.not_passing",
                    path=p.name,
                    codes=", ".join(dict.fromkeys(still + errors)),
                )
            )


# --------------------------------------------------------------------------------------- rasters
def _reencodes(ctx: Context, fmt: str, codes: set[str], requested: str | None) -> bool:
    """Whether the fix must decode and encode the picture (else it copies it, metadata gone)."""
    writable = {"jpeg", "png"} & ctx.accepted_formats or {"jpeg"}
    return bool(codes & _REENCODE_CODES) or (requested in writable and requested != fmt)


def _fact_codes(facts: raster.RasterFacts) -> set[str]:
    """The codes :func:`raster.fact_findings` will find that make a fix re-encode."""
    codes = {"image.rotated"} if facts.orientation != 1 else set()
    if facts.mode == "CMYK":
        codes.add("image.cmyk")
    if facts.animated:
        codes.add("image.animated")
    if facts.bit_depth == 16:
        codes.add("image.sixteen_bit")
    return codes


def _planner(ctx: Context, out: Path) -> Planner:
    """The scale the fix to ``out`` will decode a picture at, known from its header (None: it
    will not decode it). Other formats than JPEG are decoded in full by the inspection anyway."""
    requested = EXTENSIONS.get(extension_of(out.name))
    limit = ctx.max_bytes[0]

    def plan(fmt: str, facts: raster.RasterFacts, insp: Inspection, trailing: int) -> int | None:
        size = insp.size_bytes or 0
        shrink = limit is not None and size > limit
        codes = insp.codes | _fact_codes(facts)
        fits_copied = not shrink or (limit is not None and size - trailing <= limit)
        if fmt == "jpeg" and fits_copied and not _reencodes(ctx, fmt, codes, requested):
            return None  # copied without its metadata: no pixels needed
        floor = min(ctx.min_readable_side(), facts.width, facts.height)
        return fix_scale(facts.width, facts.height, shrink, floor)

    return plan


def _fix_raster(ctx: Context, job: Job) -> None:
    fmt = job.insp.format or ""
    limit = ctx.max_bytes[0] or (1 << 62)
    requested = EXTENSIONS.get(extension_of(job.out.name))
    writable = {"jpeg", "png"} & ctx.accepted_formats or {"jpeg"}
    codes = job.insp.codes
    findings = job.result.findings
    copied = not _reencodes(ctx, fmt, codes, requested) and fmt in ctx.accepted_formats
    if copied and _copy_clean(ctx, job, fmt, limit):
        return
    ctx.report(0.05)
    check(ctx)
    im, icc, original = _decode(ctx, job, fmt, codes, findings)
    if requested in writable:
        target_fmt = requested
    elif fmt in writable:
        target_fmt = fmt
    elif fmt in _LOSSLESS_SOURCES or im.mode in ("P", "1"):
        target_fmt = "png" if "png" in writable else "jpeg"
    else:
        target_fmt = "jpeg"
    floor = min(ctx.min_readable_side(), min(original))
    encoded = encode_under(
        ctx.span(0.35, 1.0), im, target_fmt, limit, floor, icc, findings, original
    )
    if encoded is None:
        findings.append(cannot_fit(ctx, limit, floor))
        return
    _write_encoded(ctx, job, fmt, encoded)


def _write_encoded(ctx: Context, job: Job, fmt: str, encoded: Encoded) -> None:
    findings = job.result.findings
    if encoded.fmt != fmt:
        findings.append(
            ctx.finding(
                Severity.INFO,
                "fix.converted",
                old=FORMAT_NAMES.get(fmt, fmt),
                new=FORMAT_NAMES[encoded.fmt],
            )
        )
    target = job.target(ctx, encoded.fmt)
    findings.append(ctx.finding(Severity.INFO, "fix.metadata_removed", path=target.name))
    job.write(target, encoded.data, encoded.image)


def _copy_clean(ctx: Context, job: Job, fmt: str, limit: int) -> bool:
    """Nothing to re-encode: write the file without its metadata (lossless), or as it is when
    it has none. False when that would not fit under ``limit`` (it must be re-encoded)."""
    job.fh.seek(0)
    data = read_bounded(job.fh)
    strip = _STRIP.get(fmt)
    stripped = strip(data) if strip is not None else None
    private = job.insp.codes & {"image.gps", "image.personal_metadata", "file.trailing_data"}
    if stripped is None and fmt in _STRIP and private:
        return False  # malformed container: re-encoding is the only way to drop its metadata
    payload = stripped if stripped is not None else data
    if len(payload) > limit:
        return False
    target = job.target(ctx, fmt)
    job.write(target, payload)
    code = "fix.metadata_removed" if len(payload) < len(data) else "fix.copied"
    job.result.findings.append(ctx.finding(Severity.INFO, code, path=target.name))
    return True


def _turned_stats(decoded: Decoded, im: Image.Image, orientation: int) -> raster.Stats | None:
    """The inspection's statistics of ``decoded`` when ``im`` is that very image or it merely
    turned upright (``orientation``), else None. Turning changes none of them (histograms; the
    Laplacian's kernel is symmetric) as long as the analysis reduction's boxes are the same ones:
    when both sides are multiples of its factor (phones: 4000x3000, 4032x3024, 8064x6048 …)."""
    stats, image = decoded.stats, decoded.image
    if stats is None or im.mode != image.mode:  # normalize converted it: new pixels
        return None
    if im is image:
        return stats
    w, h = image.size
    if orientation not in raster.TURNS or im.size not in ((w, h), (h, w)):
        return None
    factor = max(w, h) // ANALYSIS_LONG_SIDE
    if factor > 1 and (w % factor or h % factor):
        return None
    return replace(stats, size=(stats.size[1], stats.size[0])) if im.size != (w, h) else stats


def _decode(
    ctx: Context, job: Job, fmt: str, codes: set[str], findings: list[Finding]
) -> tuple[Image.Image, bytes | None, tuple[int, int]]:
    """The first frame decoded — reduced first when it must shrink (:func:`.decoded.fix_scale`),
    then upright — in 8-bit colours without alpha; its ICC profile; the upright size of the
    picture before any reduction. The inspection's decode is used when it kept one."""
    decoded, job.decoded = job.decoded, None
    if decoded is not None:
        im, orientation = decoded.image, decoded.orientation
    else:
        opened = raster.open_image(job.fh, fmt)
        orientation = raster.orientation_of(opened)
        w, h = opened.size
        floor = min(ctx.min_readable_side(), w, h)
        im = raster.full_decode(
            opened, fmt, scale=fix_scale(w, h, "file.too_large" in codes, floor)
        )
    width, height = job.insp.width or im.width, job.insp.height or im.height
    ctx.report(0.3)
    check(ctx)
    icc = im.info.get("icc_profile")
    if "image.rotated" in codes:
        im = raster.upright(im, orientation)  # after the reduced decode: fewer pixels to turn
        findings.append(ctx.finding(Severity.INFO, "fix.rotated"))
        if orientation in (5, 6, 7, 8):
            width, height = height, width
    if "image.animated" in codes:
        findings.append(ctx.finding(Severity.INFO, "fix.first_frame"))
    im, notes = normalize(im, icc)
    stats = _turned_stats(decoded, im, orientation) if decoded is not None else None
    if stats is not None:
        job.analysed = (im, stats)  # the inspected pixels, at most turned: statistics known
    if im.mode != "CMYK" and "image.cmyk" in codes:
        icc = None  # converted to sRGB
    for note in notes:
        findings.append(ctx.finding(Severity.INFO, note))
    return im, icc, (width, height)
