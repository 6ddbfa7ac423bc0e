"""Click's usage errors (an unknown command or option, a missing or bad value) in the language
setting: one line on stderr, exit 2, Korean by default and English after `language = "en"`."""

from __future__ import annotations

import pytest

USAGE_ERRORS = [  # command line, Korean words, English words
    (("review", "--date", "x"), "그런 옵션이 없습니다: --date (--done?)",
     "no such option: --date (did you mean --done?)"),
    (("todo", "lst"), "그런 명령이 없습니다: 'lst' ('list'?) ('studylog todo --help' 참고)",
     "no such command 'lst' (did you mean 'list'?) (see 'studylog todo --help')"),
    (("note", "add", "retro", "--bogus"), "그런 옵션이 없습니다: --bogus",
     "no such option: --bogus"),
    (("note", "add", "retro", "a", "b"), "필요 없는 인자가 더 있습니다: b",
     "unexpected extra arguments: b"),
    (("solve",), "ID 값이 필요합니다 ('studylog solve --help' 참고)",
     "missing ID (see 'studylog solve --help')"),
    (("solve", "2667", "x.py", "--stress", "0"), "--stress: 0은(는) 1에서 100000 사이여야 합니다",
     "--stress: 0 is not between 1 and 100000"),
    (("runs", "show", "abc"), "RUN: 'abc'은(는) 정수가 아닙니다", "RUN: 'abc' is not a whole number"),
    (("train", "--epochs"), "--epochs 옵션에 값이 필요합니다", "option --epochs needs a value"),
]


@pytest.mark.parametrize(("args", "ko", "en"), USAGE_ERRORS, ids=lambda v: " ".join(v)
                         if isinstance(v, tuple) else "")
def test_usage_errors_speak_the_language_setting(cli, home, args, ko, en) -> None:
    korean = cli(*args)
    (home / "config.toml").write_text('language = "en"\n', encoding="utf-8")
    english = cli(*args)
    assert korean.exit_code == english.exit_code == 2
    assert ko in korean.stderr and "Traceback" not in korean.stderr, korean.stderr
    assert en in english.stderr, english.stderr
