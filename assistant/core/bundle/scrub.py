"""No bundle file names a path of the user's computer: every finding that goes into README.txt,
manifest.json or checklist.pdf has its paths replaced by what may be shown to a provider — the
path relative to the case's folder for a file inside it, else the bare file name."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath

from assistant.core.findings import Finding
from assistant.core.review import CaseReview

# An absolute path none of the known ones matched: POSIX with at least one folder, or Windows.
_POSIX = re.compile(r"(?<![\w.:/\\~-])/(?:[^\s/\\'\"<>|:]+/)+[^\s/\\'\"<>|:]*")
_WINDOWS = re.compile(r"(?<![\w])[A-Za-z]:\\(?:[^\s\\'\"<>|:]+\\)*[^\s\\'\"<>|:]*")


def _absolute(path: str | os.PathLike[str]) -> str:
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)


class PathScrubber:
    """Replaces file-system paths in the text of findings. ``base_dir`` is the case's folder
    (None when the case has no file: then every path becomes its file name); ``paths`` are the
    paths the findings may name (attachments, the letter template …)."""

    def __init__(self, base_dir: Path | None, paths: Iterable[str | os.PathLike[str]] = ()):
        self.base = Path(_absolute(base_dir)) if base_dir is not None else None
        known: dict[str, str] = {}
        for raw in paths:
            text = os.fspath(raw)
            if not text:
                continue
            for form in {text, _absolute(text)}:
                if os.path.isabs(form):
                    known[form] = self.display(form)
        if self.base is not None:
            known[str(self.base) + os.sep] = ""
        self._known = sorted(known.items(), key=lambda kv: -len(kv[0]))

    def display(self, path: str | os.PathLike[str]) -> str:
        """``files/license.jpg`` for a file in the case's folder, else ``license.jpg``."""
        absolute = Path(_absolute(path))
        if self.base is not None:
            try:
                return absolute.relative_to(self.base).as_posix()
            except ValueError:
                pass
        return absolute.name

    def text(self, value: str) -> str:
        for path, shown in self._known:
            value = value.replace(path, shown)
        value = _POSIX.sub(lambda m: PurePosixPath(m.group()).name, value)
        return _WINDOWS.sub(lambda m: PureWindowsPath(m.group()).name, value)

    def finding(self, f: Finding) -> Finding:
        return replace(
            f,
            message=self.text(f.message),
            fix=self.text(f.fix) if f.fix else f.fix,
            subject=self.text(f.subject) if f.subject else f.subject,
        )

    def findings(self, found: Iterable[Finding]) -> list[Finding]:
        return [self.finding(f) for f in found]

    def review(self, review: CaseReview) -> CaseReview:
        """A copy of ``review`` whose findings name no path (for the checklist's renderer)."""
        return replace(
            review,
            areas={area: self.findings(found) for area, found in review.areas.items()},
            attachment_findings=[self.findings(found) for found in review.attachment_findings],
        )
