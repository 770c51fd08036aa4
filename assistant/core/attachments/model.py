"""Results of an inspection or a fix, and the context a check runs in (rules, language, progress)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from assistant.core.findings import Finding, Severity, has_errors, sort_findings
from assistant.core.i18n import has_text, localized, text
from assistant.core.rules import Document, RulePack, load_pack

ProgressCallback = Callable[[float], None]

# --------------------------------------------------------------------------------------- budgets
# Pixels we allow to be decoded at full resolution at once (about 150 MB as RGB). Larger images
# are refused as possible decompression bombs; no legitimate document photo needs more.
DECODE_BUDGET = 50_000_000
# JPEGs can be decoded at 1/2, 1/4 or 1/8 scale (libjpeg DCT scaling), so a larger declared size
# is still inspected with bounded memory: 256 MP at 1/8 scale is 4 MP. Phones reach 200 MP.
JPEG_DECLARED_LIMIT = 256_000_000
# Pixel statistics are computed on a grayscale copy whose long side lies in [480, 960): what a
# reviewer sees of the picture on a screen, and cheap to get (JPEG draft at 1/8 for photos).
ANALYSIS_LONG_SIDE = 480
# A PDF is inspected page by page up to this many pages (the rest is said to be unchecked).
PDF_MAX_PAGES = 50
# Pixels of page images decoded for statistics in one PDF (about three 7000×7000 scans); pages
# after that get the checks that need no decoding, and a finding says so.
PDF_ANALYSIS_PIXELS = 150_000_000
# A fix extracts at most this many pages of a scanned PDF, and re-encodes at most this many
# pixels in all (pages whose JPEG only loses its metadata cost nothing): more is refused.
FIX_MAX_PAGES = 20
FIX_PIXEL_BUDGET = 200_000_000
# A multi-frame TIFF is walked up to this many frames (IFDs), never to its end.
MAX_FRAMES = 1000
# A JPEG of more scans than this is refused: every scan re-reads the whole picture, so a few KB
# of tiny progressive scans can keep a decoder busy for hours. Cameras write 1 to about 12.
JPEG_MAX_SCANS = 100
# Seconds one inspection (one fix) may take before it stops with a finding. A safety net only:
# the limits above keep real files far below it, so results do not depend on the machine.
INSPECT_SECONDS = 60.0
FIX_SECONDS = 180.0


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


@dataclass
class Inspection:
    """What :func:`inspect_file` found out about one file.

    ``format`` is detected from the content ("jpeg", "png", "gif", "pdf", "webp", "heic", "bmp",
    "tiff", "svg", "docx" …; None when it is not a format we know). ``width``/``height`` are the
    stored pixel size (for a PDF: of the first page's image when the pages are scans). A cancelled
    inspection carries a ``file.cancelled`` finding and is never ``ok``.
    """

    path: Path
    findings: list[Finding] = field(default_factory=list)
    format: str | None = None
    size_bytes: int | None = None
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    mode: str | None = None
    # PDF: 1-based numbers of pages that are a single scanned image (extractable by fix_file)
    image_pages: tuple[int, ...] = ()

    @property
    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    @property
    def cancelled(self) -> bool:
        return "file.cancelled" in self.codes

    @property
    def ok(self) -> bool:
        return not self.cancelled and not has_errors(self.findings)

    def sorted_findings(self) -> list[Finding]:
        return sort_findings(self.findings)

    def facts(self) -> dict[str, Any]:
        """The detected properties (for JSON output), without the findings."""
        data: dict[str, Any] = {
            "format": self.format,
            "size_bytes": self.size_bytes,
            "width": self.width,
            "height": self.height,
            "pages": self.pages,
        }
        return {k: v for k, v in data.items() if v is not None}


@dataclass
class FixResult:
    """What :func:`fix_file` wrote and why.

    ``outputs`` are the files written (several for a scanned PDF split into page images);
    ``findings`` say what was done (info) and what could not be done (errors); ``inspections``
    are the re-inspections of each output. ``ok`` is true only when something was written and
    every output passes (no error finding anywhere).
    """

    source: Path
    outputs: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)
    inspection: Inspection | None = None  # of the source, before fixing

    @property
    def cancelled(self) -> bool:
        return any(f.code == "file.cancelled" for f in self.findings)

    @property
    def ok(self) -> bool:
        return (
            bool(self.outputs)
            and not self.cancelled
            and not has_errors(self.findings)
            and all(i.ok for i in self.inspections)
        )


# --------------------------------------------------------------------------------------- context
@dataclass
class Context:
    """Everything a check needs: the provider's rules, the document, language, progress, cancel."""

    pack: RulePack
    region: str | None
    document: Document | None
    lang: str
    progress: ProgressCallback | None = None
    cancel: CancelFlag | None = None
    deadline: float | None = None  # time.monotonic() after which the work stops
    budget: float = 0.0  # the seconds that deadline allowed (for the message)
    _lo: float = 0.0
    _hi: float = 1.0
    _last: list[float] = field(default_factory=lambda: [-1.0])  # shared by every span

    @classmethod
    def make(
        cls,
        provider: str,
        document: str | None,
        region: str | None,
        lang: str,
        progress: ProgressCallback | None,
        cancel: CancelFlag | None,
        seconds: float | None = None,
    ) -> tuple[Context, list[Finding]]:
        try:
            pack = load_pack(provider)
        except KeyError:
            raise ValueError(f"unknown provider {provider!r}") from None
        region = pack.region_or_default(region)
        deadline = None if seconds is None else time.monotonic() + seconds
        ctx = cls(pack, region, None, lang, progress, cancel, deadline, seconds or 0.0)
        findings: list[Finding] = []
        if document is not None:
            ctx.document = pack.documents.get(document)
            if ctx.document is None:
                findings.append(
                    ctx.finding(
                        Severity.WARNING,
                        "file.unknown_document",
                        document=document,
                        valid=", ".join(sorted(pack.documents)),
                    )
                )
        return ctx, findings

    # ---- rules
    @property
    def provider(self) -> str:
        return self.pack.provider

    @property
    def provider_name(self) -> str:
        return localized(self.pack.name, self.lang)

    @property
    def accepted_formats(self) -> frozenset[str]:
        rule = self.pack.rule("files.formats", self.region)
        return frozenset(rule.value) if rule else frozenset({"jpeg", "png"})

    @property
    def max_bytes(self) -> tuple[int | None, str | None]:
        rule = self.pack.rule("files.max_bytes", self.region)
        if rule is None:
            return None, None
        strict = min(rule.entries, key=lambda e: e.values["value"])
        return int(rule.value), strict.source

    @property
    def kind(self) -> str | None:
        return self.document.kind if self.document else None

    def min_side_entries(self) -> list[tuple[int, Severity, str]]:
        """(threshold, severity, source) of the readability rules for this document's kind: below
        ``files.min_side_<kind>`` an error, below ``files.recommended_side_<kind>`` a warning.

        Without a document the most lenient kind applies, so nothing is flagged that would be
        fine for some document."""
        kinds = [self.kind] if self.kind else ["certificate", "letter", "screenshot"]
        best: list[tuple[int, Severity, str]] | None = None
        for kind in kinds:
            entries = []
            for rule_id, default in (
                (f"files.min_side_{kind}", Severity.ERROR),
                (f"files.recommended_side_{kind}", Severity.WARNING),
            ):
                rule = self.pack.rule(rule_id, self.region)
                if rule is not None:
                    severity = Severity(rule.severity) if rule.severity else default
                    entries.append((int(rule.value), severity, rule.sources[0]))
            if entries and (
                best is None or max(t for t, _, _ in entries) < max(t for t, _, _ in best)
            ):
                best = entries
        return best or []

    def min_readable_side(self) -> int:
        """The short side fixes never go below (the stricter readability threshold)."""
        entries = self.min_side_entries()
        return max((t for t, _, _ in entries), default=0)

    # ---- findings
    def finding(
        self,
        severity: Severity,
        code: str,
        *,
        fix: str | bool | None = None,
        source: str | None = None,
        subject: str | None = None,
        fixed_value: str | None = None,
        **params: Any,
    ) -> Finding:
        """A finding whose message is the catalogue entry ``code`` (and ``code.fix`` for fix=True,
        or the entry named by ``fix``)."""
        message = text(code, self.lang, **params)
        fix_text: str | None = None
        if fix is True:
            fix_text = text(f"{code}.fix", self.lang, **params)
        elif isinstance(fix, str):
            fix_text = text(fix, self.lang, **params) if has_text(fix) else fix
        return Finding(
            severity,
            code,
            message,
            fix=fix_text,
            subject=subject,
            source=source,
            fixed_value=fixed_value,
        )

    def msg(self, key: str, **params: Any) -> str:
        return text(key, self.lang, **params)

    # ---- progress and cancel
    def cancelled(self) -> bool:
        """Whether to stop: cancelled by the caller, or out of time (see :meth:`timed_out`)."""
        return bool(self.cancel is not None and self.cancel.is_set()) or self.timed_out()

    def timed_out(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline

    def stop_finding(self) -> Finding:
        """What a stopped check reports: ``file.time_budget`` (an error) when it ran out of
        time, else ``file.cancelled``."""
        if self.timed_out() and not (self.cancel is not None and self.cancel.is_set()):
            return self.finding(
                Severity.ERROR, "file.time_budget", fix=True, seconds=round(self.budget)
            )
        return self.finding(Severity.INFO, "file.cancelled")

    def report(self, fraction: float) -> None:
        if self.progress is None:
            return
        value = self._lo + (self._hi - self._lo) * min(1.0, max(0.0, fraction))
        if value > self._last[0]:
            self._last[0] = value
            self.progress(value)

    def span(self, lo: float, hi: float) -> Context:
        """A view of this context whose progress 0..1 maps onto [lo, hi] of the parent's."""
        outer_lo, outer_hi = self._lo, self._hi
        width = outer_hi - outer_lo
        child = Context(
            self.pack,
            self.region,
            self.document,
            self.lang,
            self.progress,
            self.cancel,
            self.deadline,
            self.budget,
            outer_lo + width * lo,
            outer_lo + width * hi,
            self._last,
        )
        return child


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"
