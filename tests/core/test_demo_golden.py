"""The demo bundle is byte-identical to the recorded one (``golden/demo-bundle.sha256``), file by
file, for a fixed date (``SOURCE_DATE_EPOCH``). A change that alters it on purpose regenerates
the record with ``python scripts/update_golden.py`` and says why in its commit.

``checklist.pdf`` (and so the zip as a whole) embeds the CJK font the renderer finds: it is
compared only when the program ships its own font in ``resources/fonts/``; without one its bytes
depend on the fonts of the machine, and the test says so when it skips them. Qt writes the PDF,
so the PDF (and the manifest and zip that hold its digest) are compared only under the Qt release
the record names (``# qt …``, the release ``pyproject.toml`` resolves to in CI).
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from assistant.core.bundle import write_demo
from assistant.resources import resource_path

GOLDEN = Path(__file__).parent / "golden" / "demo-bundle.sha256"
EPOCH = "1796083200"  # 2026-12-01: the date the record was made for
BUNDLE = "demo-bundle.zip"
FONT_DEPENDENT = frozenset({"checklist.pdf", BUNDLE})
# Qt writes the PDF: another Qt release writes other bytes, and the manifest lists their sha256
QT_DEPENDENT = frozenset({"checklist.pdf", "manifest.json", BUNDLE})
_QT_LINE = "# qt "


def qt_version() -> str:
    from PySide6.QtCore import qVersion

    return str(qVersion())


def golden_qt() -> str | None:
    """The Qt release the record was made with (``# qt 6.11.3``), if it says."""
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.startswith(_QT_LINE):
            return line[len(_QT_LINE) :].strip()
    return None


def shipped_font() -> Path | None:
    """The CJK font the program ships (``resources/fonts/*.ttf|otf|ttc``), if any."""
    folder = resource_path("fonts")
    if not folder.is_dir():
        return None
    fonts = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".otf", ".ttc"))
    return fonts[0] if fonts else None


def demo_hashes(folder: Path) -> dict[str, str]:
    """Build the demo in ``folder`` (``SOURCE_DATE_EPOCH`` must be set) and return the sha256 of
    the zip and of each file in it."""
    from assistant.render import checklist_pdf_bytes

    _, result = write_demo(folder, lang="zh", render_checklist=checklist_pdf_bytes)
    assert result.output is not None, [f.to_dict() for f in result.findings]
    hashes = {BUNDLE: hashlib.sha256(result.output.read_bytes()).hexdigest()}
    with zipfile.ZipFile(result.output) as zf:
        for name in zf.namelist():
            hashes[name] = hashlib.sha256(zf.read(name)).hexdigest()
    return hashes


def read_golden() -> dict[str, str]:
    out = {}
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            out[name] = digest
    return out


def golden_text(hashes: dict[str, str]) -> str:
    lines = [
        "# sha256 of the demo bundle and of each file in it, SOURCE_DATE_EPOCH=" + EPOCH,
        "# regenerate with: python scripts/update_golden.py (only for an intended change)",
        _QT_LINE + qt_version(),
    ]
    lines += [f"{hashes[name]}  {name}" for name in sorted(hashes)]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return demo_hashes(tmp_path_factory.mktemp("demo"))


def test_the_demo_has_the_recorded_files(built: dict[str, str]) -> None:
    assert sorted(built) == sorted(read_golden())


@pytest.mark.parametrize("name", sorted(read_golden()))
def test_each_file_is_byte_identical(name: str, built: dict[str, str]) -> None:
    if name in FONT_DEPENDENT and shipped_font() is None:
        pytest.skip(
            f"{name}: checklist.pdf embeds the CJK font this machine has; compared once the "
            "program ships its own font in resources/fonts/ (issue #17)"
        )
    if name in QT_DEPENDENT and golden_qt() != qt_version():
        pytest.skip(
            f"{name}: recorded with Qt {golden_qt()}, this is Qt {qt_version()} (the PDF writer's "
            "bytes differ between releases); the other files are still compared"
        )
    assert built.get(name) == read_golden()[name], (
        f"{name} changed; if intended, run scripts/update_golden.py"
    )
