"""The desktop packaging files agree with the project (no PyInstaller run here)."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_spec_bundles_resources_as_resources() -> None:
    spec = (PACKAGING / "sms-signature-assistant.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    compile(spec, "spec", "exec")  # valid Python


def test_desktop_file_starts_the_gui_script() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(PACKAGING / "io.github.sms_signature_assistant.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "gui-scripts"
    ]
    assert entry["Exec"].split()[0] in scripts
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()


def test_metainfo_names_the_desktop_file() -> None:
    root = ET.parse(PACKAGING / "io.github.sms_signature_assistant.metainfo.xml").getroot()
    assert root.findtext("id") == "io.github.sms_signature_assistant"
    assert root.findtext("launchable") == "io.github.sms_signature_assistant.desktop"
