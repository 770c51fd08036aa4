"""The printable checklist, from the renderer of ``assistant.render`` (issue #5).

The GUI never lays out the checklist itself: it asks the renderer for a QTextDocument (to print or
preview) or a PDF file. While the renderer is not installed, printing says so.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from assistant.gui import dialogs

if TYPE_CHECKING:
    from assistant.core.case import Case


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def _renderer() -> Any:
    try:
        return importlib.import_module("assistant.render.checklist")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("assistant.render"):
            return None
        raise


def available() -> bool:
    return _renderer() is not None


def _unavailable() -> None:
    dialogs.information(
        None,
        _tr("Checklist printing"),
        _tr("Printing the checklist is not available in this version of the program yet."),
    )


def checklist_document(case: Case, lang: str) -> Any:
    """A QTextDocument of the checklist with the case's status (None when it cannot be made)."""
    render = _renderer()
    if render is None:
        _unavailable()
        return None
    for name in ("checklist_document", "case_checklist_document", "build_document"):
        fn = getattr(render, name, None)
        if fn is not None:
            return _call(fn, case, lang)
    _unavailable()
    return None


def write_checklist_pdf(case: Case, lang: str, path: Path) -> Path | None:
    render = _renderer()
    if render is None:
        _unavailable()
        return None
    for name in ("write_checklist_pdf", "checklist_pdf", "write_pdf"):
        fn = getattr(render, name, None)
        if fn is not None:
            _call(fn, case, lang, path)
            return path
    doc = checklist_document(case, lang)
    if doc is None:
        return None
    from PySide6.QtGui import QPageSize, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    doc.print_(writer)
    return path


def _call(fn: Any, case: Case, lang: str, *extra: Any) -> Any:
    """Call a renderer function, passing the case the way it asks for it."""
    import inspect

    params = inspect.signature(fn).parameters
    kwargs: dict[str, Any] = {}
    if "case" in params:
        kwargs["case"] = case
    if "lang" in params:
        kwargs["lang"] = lang
    if "checklist" in params:
        from assistant.core.case import effective_region
        from assistant.core.checklist import build_checklist

        kwargs["checklist"] = build_checklist(
            case.provider, case.account, case.purpose, case.type, effective_region(case), lang
        )
    return fn(*extra, **kwargs) if kwargs else fn(case, *extra)
