"""`--help` speaks the language setting: Korean by default (click's own words too), English
after `language = "en"`; the Korean table covers every command and option of the tree."""

from __future__ import annotations

import re

import pytest
import typer.main

from studylog.cli.help import command_paths
from studylog.cli.help_words import COMMANDS, OPTIONS
from studylog.cli.main import app, first_sentence
from studylog.words import display_width

HANGUL = re.compile(r"[가-힣]")
TREE = list(command_paths(typer.main.get_command(app)))
PATHS = [path for path, _ in TREE]


def _english_options(command) -> dict[str, str]:
    return {p.name: p.help for p in command.params if getattr(p, "help", None)}


def test_every_command_and_option_has_korean_help() -> None:
    for path, command in TREE:
        assert COMMANDS.get(path), f"no Korean help for {path or 'studylog'!r}"
        missing = set(_english_options(command)) - set(OPTIONS.get(path, {}))
        assert not missing, f"{path or 'studylog'}: no Korean help for {sorted(missing)}"


def test_the_korean_table_names_only_what_exists() -> None:
    assert set(COMMANDS) <= set(PATHS), set(COMMANDS) - set(PATHS)
    for path, options in OPTIONS.items():
        command = dict(TREE)[path]
        stale = set(options) - set(_english_options(command))
        assert not stale, f"{path}: Korean help for options that do not exist: {sorted(stale)}"


def test_korean_texts_are_korean() -> None:
    """Each Korean text has Hangul, unless it is the English list of literal values itself
    (``resnet18 | cnn | mlp``)."""
    for path, command in TREE:
        english = _english_options(command)
        for name, text in OPTIONS.get(path, {}).items():
            assert HANGUL.search(text) or text == english[name], (path, name, text)
        assert HANGUL.search(COMMANDS[path]), path


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p or "studylog")
def test_help_is_korean_by_default_and_english_on_request(cli, home, path) -> None:
    args = [*path.split(), "--help"]
    korean = cli(*args)
    assert korean.exit_code == 0, korean.output
    out = korean.output
    assert out.startswith("사용법: studylog"), out
    assert "옵션:" in out and "이 도움말을 보이고 끝냅니다." in out, out
    for english_word in ("Usage:", "Options:", "Commands:", "Arguments:", "[default:",
                         "[required]", "Show this message"):
        assert english_word not in out, (english_word, out)
    assert " ".join(first_sentence(COMMANDS[path]).split()[:3]) in " ".join(out.split()), out
    torn = [line for line in out.splitlines() if "[기본값:" in line and "]" not in line]
    assert not torn, torn  # click's note stays whole
    wide = [line for line in out.splitlines() if display_width(line) > 80]
    assert not wide, wide  # wrapped by terminal columns: a Hangul syllable takes two

    (home / "config.toml").write_text('language = "en"\n', encoding="utf-8")
    english = cli(*args)
    assert english.exit_code == 0, english.output
    assert english.output.startswith("Usage: studylog") and "Options:" in english.output
    assert "사용법" not in english.output and "이 도움말" not in english.output
    assert all(display_width(line) <= 80 for line in english.output.splitlines())


def test_command_lists_show_the_korean_summaries(cli) -> None:
    out = " ".join(cli("--help").output.split())
    assert "명령:" in out
    for path in PATHS:
        if path and " " not in path:
            assert f"{path} {first_sentence(COMMANDS[path])}"[:30] in out, path


def test_click_notes_are_translated(cli) -> None:
    out = cli("todo", "add", "--help").output
    assert "[기본값: today]" in out and "[필수]" in out, out
