"""Interface translations: every tr() string of the GUI is translated (and compiled), the wizard
speaks Chinese with zh, the Language menu switches on the spot, new cases follow the interface."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QCommandLinkButton, QLabel, QLineEdit, QWizard

from assistant.core.flow import PageId
from assistant.gui import languages, settings
from tests.gui.gui_helpers import click, click_next, find, go_to_page

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "assistant" / "gui"
FOLDER = ROOT / "resources" / "i18n" / "gui"
TS_FILES = {"zh": FOLDER / "assistant_zh_CN.ts", "id": FOLDER / "assistant_id.ts"}


@pytest.fixture(autouse=True)
def english_again(qapp: QApplication) -> Iterator[None]:
    yield
    languages.install_translators(qapp, "en")


def source_strings() -> set[tuple[str, str]]:
    """(context, text) of every self.tr("…") and QCoreApplication.translate("ctx", "…") call."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, cls: str | None, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, path)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                func, owner = child.func, child.func.value
                where = f"{path.name}:{child.lineno}"
                if func.attr == "tr" and isinstance(owner, ast.Name) and owner.id == "self":
                    assert cls is not None, where
                    arg = child.args[0]
                    assert isinstance(arg, ast.Constant), f"tr() of a non-literal at {where}"
                    found.add((cls, arg.value))
                elif (
                    func.attr == "translate"
                    and isinstance(owner, ast.Name)
                    and owner.id == "QCoreApplication"
                ):
                    ctx, text = child.args[:2]
                    assert isinstance(ctx, ast.Constant), where
                    assert isinstance(text, ast.Constant), (
                        f"translate() of a non-literal at {where}"
                    )
                    found.add((ctx.value, text.value))
            visit(child, cls, path)

    for path in sorted(GUI.rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), None, path)
    return found


def ts_messages(path: Path) -> dict[tuple[str, str], Any]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")
        for ctx in root.findall("context")
        for m in ctx.findall("message")
    }


def test_the_sources_have_many_strings() -> None:
    strings = source_strings()
    assert len(strings) > 200
    assert ("AssistantWizard", "&Next >") in strings
    assert ("StartPage", "Ne&w application") in strings


@pytest.mark.parametrize("lang", sorted(TS_FILES))
def test_every_string_is_translated_keeping_placeholders_and_mnemonics(lang: str) -> None:
    messages = ts_messages(TS_FILES[lang])
    problems = []
    for key in sorted(source_strings()):
        translation = messages.get(key)
        if translation is None or not (translation.text or "").strip():
            problems.append(f"untranslated {key}")
            continue
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{translation.get('type')} {key}")
        text = translation.text or ""
        source = key[1]
        if sorted(re.findall(r"%\d", source)) != sorted(re.findall(r"%\d", text)):
            problems.append(f"placeholders differ {key}: {text!r}")
        if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
            problems.append(f"mnemonic lost or added {key}: {text!r}")
        if text.replace("&&", "").count("&") > 1:
            problems.append(f"two mnemonics {key}: {text!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("lang", "qm"), [("zh", "assistant_zh_CN.qm"), ("id", "assistant_id.qm")])
def test_compiled_qm_matches_the_ts(lang: str, qm: str) -> None:
    """The committed .qm is the .ts compiled (run scripts/update_translations.py after edits)."""
    translator = QTranslator()
    assert translator.load(str(FOLDER / qm))
    stale = [
        key
        for key, translation in ts_messages(TS_FILES[lang]).items()
        if translator.translate(key[0], key[1]) != (translation.text or "")
    ]
    assert not stale, stale[:5]


def test_ui_languages_are_languages_of_the_core() -> None:
    from assistant.core.i18n import LANGUAGES

    assert set(languages.UI_LANGUAGES) <= set(LANGUAGES)
    assert languages.normalize_ui_language("zh_CN") == "zh"
    assert languages.normalize_ui_language("zh-Hans-CN") == "zh"
    assert languages.normalize_ui_language("id_ID") == "id"
    assert languages.normalize_ui_language("de_DE") == "en"
    assert languages.normalize_ui_language("") == "en"


def test_saved_choice_overrides_the_system_language() -> None:
    settings.set_language("id")
    assert languages.ui_language() == "id"
    settings.set_language("")
    assert languages.ui_language() == languages.normalize_ui_language(QLocale.system().name())


def test_with_chinese_the_pages_and_buttons_are_chinese(
    qtbot: Any, qapp: QApplication, make_wizard: Any
) -> None:
    languages.install_translators(qapp, "zh")
    wizard = make_wizard("zh")
    assert wizard.currentPage().title() == "准备短信签名申请"
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "下一步(&N) >"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "关闭"
    assert find(wizard, QCommandLinkButton, "start.new").text() == "新建申请(&W)"
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    assert wizard.currentPage().title() == "服务商与账号"
    assert wizard.button(QWizard.WizardButton.BackButton).text() == "< 上一步(&B)"
    steps = [w.text() for w in wizard.steps.findChildren(QLabel)]
    assert any("签名名称" in s for s in steps), steps
    click_next(qtbot, wizard)
    assert wizard.currentPage().title() == "签名类型"
    # the rule packs' texts come in Chinese too (the core is asked in the wizard's language)
    assert wizard.case.language == "zh"
    assert QCoreApplication.translate("AssistantWizard", "Review") == "检查"


def test_language_menu_switches_now_keeps_the_case_and_is_remembered(
    qtbot: Any, qapp: QApplication, make_wizard: Any
) -> None:
    wizard = make_wizard("en")
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    go_to_page(qtbot, wizard, PageId.NAMES)
    find(wizard, QLineEdit, "names.name.0").setText("星河科技")
    assert wizard.currentPage().title() == "Signature name"

    wizard.language_actions["zh"].trigger()
    assert settings.language() == "zh"
    assert wizard.lang == "zh"
    assert wizard.currentId() == PageId.NAMES  # still where the user was
    assert wizard.currentPage().title() == "签名名称"
    assert find(wizard, QLineEdit, "names.name.0").text() == "星河科技"
    assert wizard.case.signature_names == ["星河科技"]
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "下一步(&N) >"
    assert wizard.language_actions["zh"].isChecked()
    assert wizard.findChild(QLineEdit, "names.name.0").isVisible()

    wizard.language_actions[""].trigger()  # back to the system language
    assert settings.language() == ""
    assert wizard.lang == languages.ui_language()


def test_new_cases_follow_the_interface_language(
    qtbot: Any, qapp: QApplication, make_wizard: Any
) -> None:
    languages.install_translators(qapp, "id")
    wizard = make_wizard("id")
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Lanjut >"
    click(qtbot, find(wizard, QCommandLinkButton, "start.new"))
    assert wizard.case.language == "id"
    languages.install_translators(qapp, "en")
    english = make_wizard("en")
    click(qtbot, find(english, QCommandLinkButton, "start.new"))
    assert english.case.language == "en"
