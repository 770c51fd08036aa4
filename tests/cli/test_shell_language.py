"""Messages come in the shell's language unless --lang says otherwise (#16)."""

from __future__ import annotations

import pytest

from assistant.cli import main
from assistant.core.i18n import environment_language


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_environment_language(env: dict[str, str], lang: str) -> None:
    assert environment_language(env) == lang


def test_check_name_speaks_the_shell_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    main(["check-name", "--provider", "alibaba", "测试"])
    chinese = capsys.readouterr().out
    main(["check-name", "--provider", "alibaba", "--lang", "en", "测试"])
    english = capsys.readouterr().out
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese.replace("测试", ""))
    assert chinese != english
