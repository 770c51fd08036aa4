"""Build the bundled letter templates in ``resources/templates/``.

    python packaging/build_templates.py            # rewrite the committed .docx files
    python packaging/build_templates.py --check    # exit 1 if they differ from what this builds

The templates are generated (python-docx) so that they are reproducible and reviewable as code;
the program only ever loads the committed files (through ``assistant.resources.resource_path``).
Placeholders are the ones listed in ``assistant/core/letter/placeholders.py`` (documented in
``docs/letter-placeholders.md``). The letters' layouts and texts are in ``letter_templates/``
beside this file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocumentObject

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from letter_templates import authorization, commitment  # noqa: E402

from assistant.core.letter.clean import clean_package  # noqa: E402
from assistant.core.letter.package import read_package  # noqa: E402
from assistant.core.letter.template import document_bytes  # noqa: E402

OUT_DIR = ROOT / "resources" / "templates"


def to_bytes(doc: DocumentObject) -> bytes:
    """The .docx cleaned as every letter is (no author, no thumbnail: filling it then removes
    nothing) and with fixed zip times, so the same build gives the same bytes."""
    package = read_package(document_bytes(doc))
    clean_package(package)
    return package.to_bytes()


BUILDERS: dict[str, Callable[[], bytes]] = {
    **{
        lang.file: (lambda lang=lang: to_bytes(authorization.build(lang)))
        for lang in (authorization.ZH, authorization.EN)
    },
    **{
        letter.file: (lambda letter=letter: to_bytes(commitment.build(letter)))
        for letter in (commitment.ZH, commitment.EN)
    },
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only compare with the committed files"
    )
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    stale = []
    for name, make in BUILDERS.items():
        data = make()
        target = args.out / name
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    if stale:
        print(
            "out of date (run packaging/build_templates.py): " + ", ".join(stale), file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
