"""The About box: versions of the program and its libraries, and the rule packs' dates."""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion

from assistant import __version__


def about_html(lang: str) -> str:
    from assistant.core.i18n import localized
    from assistant.core.rules import load_all

    title = QCoreApplication.translate("about", "SMS Signature Assistant")
    intro = QCoreApplication.translate(
        "about",
        "Prepares and pre-checks SMS signature applications for Tencent Cloud, Alibaba Cloud and "
        "Huawei Cloud. Works offline: nothing you enter or attach leaves this computer.",
    )
    packs = QCoreApplication.translate("about", "Rule packs")
    provider = QCoreApplication.translate("about", "Provider")
    version = QCoreApplication.translate("about", "Version")
    read = QCoreApplication.translate("about", "Sources read")
    caution = QCoreApplication.translate(
        "about", "Rules change often: check the provider console when in doubt."
    )
    rows = []
    for pack in load_all().values():
        newest = max((s.read for s in pack.sources.values()), default=None)
        rows.append(
            f"<tr><td>{html.escape(localized(pack.name, lang))}</td>"
            f"<td>&nbsp;{html.escape(pack.version)}</td>"
            f"<td>&nbsp;{html.escape(newest.isoformat() if newest else '-')}</td></tr>"
        )
    return (
        f"<h3>{html.escape(title)} {html.escape(__version__)}</h3>"
        f"<p>{html.escape(intro)}</p>"
        f"<p><b>{html.escape(packs)}</b></p>"
        f"<table><tr><th align=left>{html.escape(provider)}</th>"
        f"<th align=left>&nbsp;{html.escape(version)}</th>"
        f"<th align=left>&nbsp;{html.escape(read)}</th></tr>{''.join(rows)}</table>"
        f"<p>{html.escape(caution)}</p>"
        f"<p><small>Python {html.escape(platform.python_version())} · Qt {html.escape(qVersion())} · "
        f"PySide6 {html.escape(pyside_version)}</small></p>"
    )
