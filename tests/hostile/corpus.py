"""The hostile corpus: every input of issue #17 plus bombs, polyglots, truncations and lying
dimensions, each with the finding it must give.

``ITEMS`` names each input, how to build it, the provider it is checked for and the codes its
inspection must show (at least one of ``expect``) and its fix (at least one of ``fix_expect``,
when given). ``build(directory)`` writes them all and returns {name: path}.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.core import corpus
from tests.hostile import builders as b


@dataclass(frozen=True)
class Item:
    name: str
    build: Callable[[Path], Path | str]
    expect: frozenset[str]
    fix_expect: frozenset[str] = frozenset()
    provider: str = "alibaba"
    document: str | None = None


def _codes(*codes: str) -> frozenset[str]:
    return frozenset(codes)


NOT_FILE = _codes("file.not_a_file")
CANNOT = _codes("fix.cannot_fix")


def _file(name: str, data: Callable[[], bytes]) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        path = d / name
        path.write_bytes(data())
        return path

    return build


def _folder(d: Path) -> Path:
    path = d / "folder.jpg"
    path.mkdir()
    return path


def _saved(fmt: str, size: tuple[int, int] = (800, 565), **kw: object) -> Callable[[], bytes]:
    def data() -> bytes:
        buf = io.BytesIO()
        corpus.document_image(size).save(buf, fmt, **kw)
        return buf.getvalue()

    return data


def _heic() -> bytes:
    import pillow_heif

    buf = io.BytesIO()
    pillow_heif.from_pillow(corpus.document_image((800, 565))).save(buf, quality=60)
    return buf.getvalue()


def _cut(name: str, data: Callable[[], bytes], fraction: float = 0.5) -> Callable[[Path], Path]:
    return lambda d: b.truncated(d / name, data(), fraction)


def _path(name: str, build: Callable[[Path], Path]) -> Callable[[Path], Path]:
    return lambda d: build(d / name)


ITEMS: tuple[Item, ...] = (
    # ---- not regular files, odd paths
    Item("fifo", b.fifo, NOT_FILE, CANNOT),
    Item("dev_zero", lambda d: "/dev/zero", NOT_FILE, CANNOT),
    Item("dev_urandom", lambda d: "/dev/urandom", NOT_FILE, CANNOT),
    Item("folder", _folder, NOT_FILE, CANNOT),
    Item("socket", b.unix_socket, NOT_FILE, CANNOT),
    Item("symlink_loop", b.symlink_loop, _codes("file.symlink_loop"), CANNOT),
    Item("proc_self_mem", lambda d: "/proc/self/mem", NOT_FILE, CANNOT),
    Item("nul_in_path", lambda d: f"{d}/scan\x00.jpg", _codes("file.path_nul"), CANNOT),
    Item("lone_surrogate", lambda d: f"{d}/\ud800.jpg", _codes("file.path_encoding"), CANNOT),
    Item("name_too_long", lambda d: f"{d}/{'n' * 300}.jpg", _codes("file.path_too_long")),
    Item("path_too_long", lambda d: f"{d}/{'p/' * 3000}x.jpg", _codes("file.path_too_long")),
    Item("missing", lambda d: d / "gone.jpg", _codes("file.not_found"), CANNOT),
    Item("surrogate_name", b.surrogate_name, _codes("file.name_renamed")),
    Item("empty", _file("empty.jpg", lambda: b""), _codes("file.empty"), CANNOT),
    Item("zeros", _file("zeros.jpg", lambda: bytes(4096)), _codes("file.not_an_image"), CANNOT),
    # ---- work that must stay bounded
    Item("tiff_100k_ifds", _path("frames.tif", b.tiff_many_ifds), _codes("image.animated")),
    Item("tiff_ifd_loop", _path("loop.tif", b.tiff_ifd_loop), _codes("image.animated")),
    Item(
        "jpeg_scan_bomb",
        _path("scans.jpg", b.jpeg_scan_bomb),
        _codes("image.too_many_scans"),
        CANNOT,
    ),
    Item("apng_2g_frames", _path("anim.png", b.apng_many_frames), _codes("image.animated")),
    Item(
        "pdf_50_scans_7000px",
        _path("scans.pdf", b.pdf_scans),
        _codes("pdf.analysis_budget"),
        _codes("fix.too_much_work"),
    ),
    # ---- library errors
    Item("pdf_jbig2", _path("jbig2.pdf", b.pdf_jbig2), _codes("pdf.no_decoder"), CANNOT),
    Item(
        "pdf_buffer_over_limit",
        _path("big.pdf", b.pdf_buffer_over_limit),
        _codes("pdf.page_limit"),
        CANNOT,
    ),
    Item("pdf_20_filters", _path("filters.pdf", b.pdf_many_filters), _codes("pdf.no_decoder")),
    Item(
        "pdf_page_tree_loop",
        _path("tree.pdf", b.pdf_page_tree_loop),
        _codes("pdf.limit", "pdf.broken"),
        CANNOT,
    ),
    Item(
        "pdf_nested_100k",
        _path("deep.pdf", b.pdf_deep_nesting),
        _codes("pdf.limit", "pdf.broken", "pdf.broken_page", "pdf.page_limit"),
    ),
    Item("pdf_content_bomb", _path("bomb.pdf", b.pdf_content_bomb), _codes("pdf.page_limit")),
    # ---- bombs and lying dimensions
    Item("png_bomb", _path("bomb.png", corpus.png_bomb), _codes("file.bomb"), CANNOT),
    Item("jpeg_bomb", _path("bomb.jpg", corpus.jpeg_bomb), _codes("file.bomb"), CANNOT),
    Item("gif_bomb", _path("bomb.gif", b.gif_bomb), _codes("file.bomb"), CANNOT),
    Item(
        "jpeg_claims_240mp",
        _path("lying.jpg", b.jpeg_lying_size),
        _codes("file.truncated"),
        CANNOT,
    ),
    Item("png_claims_12mp", _path("lying.png", b.png_lying_size), _codes("file.truncated"), CANNOT),
    Item(
        "png_ztxt_bomb",
        _path("text.png", b.png_ztxt_bomb),
        _codes("file.corrupt", "image.personal_metadata"),
    ),
    Item(
        "pdf_image_claims_12mp",
        _path("lying.pdf", b.pdf_lying_image),
        _codes("pdf.broken_page"),
        CANNOT,
    ),
    Item("zip_bomb_as_jpeg", _path("zip.jpg", b.zip_bomb_as_jpeg), _codes("file.not_an_image")),
    Item("zip_100k_entries", _path("many.zip", b.zip_many_entries), _codes("file.not_an_image")),
    # ---- polyglots: the fix keeps the picture, nothing after it
    Item(
        "jpeg_zip_polyglot",
        _path("poly.jpg", b.jpeg_zip_polyglot),
        _codes("file.trailing_data"),
        _codes("fix.metadata_removed"),
    ),
    Item(
        "gif_script_polyglot",
        _path("poly.gif", b.gif_script_polyglot),
        _codes("file.trailing_data"),
        _codes("fix.metadata_removed"),
    ),
    Item(
        "png_html_polyglot",
        _path("poly.png", b.png_html_polyglot),
        _codes("file.trailing_data"),
        _codes("fix.metadata_removed"),
    ),
    Item(
        "pdf_zip_polyglot",
        _path("poly.pdf", b.pdf_zip_polyglot),
        _codes("file.trailing_data"),
        _codes("fix.metadata_removed"),
        provider="huawei",
    ),
    # ---- truncations
    Item("jpeg_cut", _cut("cut.jpg", _saved("JPEG")), _codes("file.truncated"), CANNOT),
    Item("png_cut", _cut("cut.png", _saved("PNG")), _codes("file.truncated"), CANNOT),
    Item("gif_cut", _cut("cut.gif", _saved("GIF")), _codes("file.truncated", "file.corrupt")),
    Item("webp_cut", _cut("cut.webp", _saved("WEBP")), _codes("file.truncated", "file.corrupt")),
    Item("tiff_cut", _cut("cut.tif", _saved("TIFF")), _codes("file.truncated", "file.corrupt")),
    Item("heic_cut", _cut("cut.heic", _heic), _codes("file.truncated", "file.corrupt")),
    Item(
        "pdf_cut",
        _cut("cut.pdf", _saved("PDF", (1240, 1754)), 0.3),
        _codes("pdf.broken", "pdf.broken_page"),
        provider="huawei",
    ),
    Item("jpeg_header_only", _cut("head.jpg", _saved("JPEG"), 0.02), _codes("file.truncated")),
)


def build(d: Path) -> dict[str, str]:
    """Write every input into ``d``; {name: path as str (it may not be encodable)}."""
    d.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}
    for item in ITEMS:
        sub = d / item.name
        sub.mkdir()
        out[item.name] = os.fspath(item.build(sub))
    return out


def items() -> dict[str, Item]:
    return {item.name: item for item in ITEMS}
