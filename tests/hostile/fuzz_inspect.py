"""Coverage-guided fuzzing of inspect_file (and thumbnail) with atheris (libFuzzer) for a fixed
time budget; .ci/run calls it after the tests.

    python -m tests.hostile.fuzz_inspect [--seconds 60] [--seed 1] [--work DIR]

The seed corpus is generated here (one small valid file of each format the program meets), the
fuzzer mutates it guided by the coverage of our attachment code, Pillow's plugins and pypdf
(instrumented at import). The property: inspect_file never raises and always gives a finding or
a clean result, fix_file (for inputs whose second byte has bit 7 set) says what it did and never
touches the original; an exception, a crash or a timeout (``-timeout``) stops the run with its input
saved as ``crash-…`` / ``timeout-…`` in the work folder. Such an input belongs in
``tests/hostile/regressions/`` (the test there runs every file in it) once the bug is fixed.
Exits 0 when the budget ran out without a finding, non-zero otherwise (libFuzzer's code).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

PROVIDERS = ("tencent", "alibaba", "huawei")
DOCUMENTS = (None, "business_license", "authorization_letter")


def seed_files() -> dict[str, bytes]:
    """Small valid files of every format, the fuzzer's starting points."""
    from PIL import Image

    from tests.core import corpus
    from tests.hostile import builders

    doc = corpus.document_image((96, 68))
    out: dict[str, bytes] = {}
    for fmt, ext, kw in (
        ("JPEG", "jpg", {"exif": Image.Exif().tobytes()}),
        ("JPEG", "progressive.jpg", {"progressive": True}),
        ("PNG", "png", {}),
        ("GIF", "gif", {}),
        ("WEBP", "webp", {}),
        ("TIFF", "tif", {}),
        ("BMP", "bmp", {}),
        ("PDF", "pdf", {}),
    ):
        buf = io.BytesIO()
        doc.save(buf, fmt, **kw)
        out[ext] = buf.getvalue()
    out["flate.pdf"] = builders.image_pdf(
        [builders.gray_image_stream(40, 30, __import__("zlib").compress(bytes(1200)))]
    )
    out["vector.pdf"] = builders.pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ]
    )
    return out


def _harness(workdir: Path):  # type: ignore[no-untyped-def]
    import atheris

    with atheris.instrument_imports(include=["assistant", "PIL", "pypdf"]):
        from PIL import Image

        from assistant.core.attachments import fix_file, inspect_file, thumbnail

        Image.init()  # Pillow's format plugins load lazily: instrument them now

    target = workdir / "input.bin"
    fixed = workdir / "fixed"

    def one_input(data: bytes) -> None:
        """Byte 0 picks the provider, byte 1 the document (and, with bit 7, a fix too)."""
        if len(data) < 2:
            return
        provider = PROVIDERS[data[0] % len(PROVIDERS)]
        document = DOCUMENTS[(data[1] & 0x7F) % len(DOCUMENTS)]
        target.write_bytes(data[2:])
        insp = inspect_file(target, provider, document)
        if not insp.findings and not insp.ok:
            raise AssertionError("an inspection that is not ok must say why")
        if data[1] & 0x80:
            result = fix_file(target, provider, fixed, document, inspection=insp)
            if not result.findings:
                raise AssertionError("a fix must say what it did")
            if target.read_bytes() != data[2:]:
                raise AssertionError("the fix changed the original")
        thumbnail(target, 64)

    return one_input


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        import atheris
    except ImportError:
        print("atheris is not installed (pip install -e '.[fuzz]'): no fuzzing", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="fuzz-inspect-"))
    one_input = _harness(work)  # first: the libraries are instrumented as they are imported
    seeds = work / "corpus"
    seeds.mkdir(parents=True, exist_ok=True)
    for i, (name, data) in enumerate(seed_files().items()):
        (seeds / f"seed-{name}").write_bytes(bytes([i % 3, 0x80 | i % 3]) + data)
    regressions = Path(__file__).parent / "regressions"
    for path in sorted(regressions.glob("*")) if regressions.is_dir() else []:
        if path.is_file() and path.suffix != ".md":
            (seeds / f"regression-{path.name}").write_bytes(b"\x00\x00" + path.read_bytes())
    os.chdir(work)  # libFuzzer writes crash-/timeout- files into the current folder
    print(f"fuzzing inspect_file for {args.seconds} s in {work}", flush=True)
    atheris.Setup(
        [
            sys.argv[0],
            f"-max_total_time={args.seconds}",
            f"-seed={args.seed}",
            "-timeout=60",
            "-rss_limit_mb=3072",
            "-max_len=65536",
            "-print_final_stats=1",
            str(seeds),
        ],
        one_input,
    )
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
