"""A study day at the keyboard (issue 18): markdown bullets as text, to-do state, edit/remove,
Korean section names."""

from __future__ import annotations

import json

import pytest

from studylog.cli.text_args import split_args


def _day(cli, *extra: str) -> dict:
    return json.loads(cli("today", "--json", *extra).output)


@pytest.mark.parametrize("args", [
    ("note", "retro", "- [ ] 논문 읽기"),
    ("note", "add", "retro", "- [ ] 논문 읽기"),
    ("note", "retro", "--date", "today", "- [ ] 논문 읽기"),
    ("note", "retro", "- [ ] 논문 읽기", "--date", "today"),
    ("note", "retro", "-d", "today", "--", "- [ ] 논문 읽기"),
])
def test_note_text_may_start_with_a_dash(cli, args) -> None:
    r = cli(*args)
    assert r.exit_code == 0, r.output
    assert _day(cli)["sections"]["retro"] == "- [ ] 논문 읽기"


def test_note_lecture_bullet_with_title_and_dash_alone_reads_stdin(cli) -> None:
    assert cli("note", "lecture", "- StepLR: step_size마다 gamma배", "-t", "- LR").exit_code == 0
    assert cli("note", "lecture", "-", input="- 표준 입력\n").exit_code == 0
    assert _day(cli)["sections"]["lecture"] == "- LR\n- StepLR: step_size마다 gamma배\n- 표준 입력"


def test_unknown_long_option_is_still_refused(cli) -> None:
    r = cli("note", "retro", "--josn", "text")
    assert r.exit_code == 2 and "--josn" in r.output
    assert _day(cli)["sections"]["retro"] == ""


def test_split_args_rule() -> None:
    opts = {"--date": True, "-d": True, "--json": False, "--help": False}
    assert split_args(["retro", "- x", "--date", "D"], opts) == (["--date", "D"], ["retro", "- x"])
    assert split_args(["-dD", "-", "--json"], opts) == (["-dD", "--json"], ["-"])
    assert split_args(["--", "--date", "x"], opts) == ([], ["--date", "x"])
    assert split_args(["---", "-1"], opts) == ([], ["---", "-1"])


@pytest.mark.parametrize(("text", "shown", "done"), [
    ("- [ ] 7강", "1. [ ] 7강", False),
    ("- [x] 7강", "1. [x] 7강", True),
    ("[ ] 7강", "1. [ ] 7강", False),
    ("[X] 7강", "1. [x] 7강", True),
    ("- 7강", "1. [ ] 7강", False),
    ("-7강", "1. [ ] -7강", False),
])
def test_todo_add_reads_its_state(cli, text, shown, done) -> None:
    r = cli("todo", "add", text)
    assert r.exit_code == 0, r.output
    assert r.output.strip() == shown
    assert [(t["text"], t["done"]) for t in _day(cli)["todos"]] == [(shown[7:], done)]


def test_todo_edit_and_rm(cli) -> None:
    for text in ("6강", "- [ ] 7강", "8강"):
        assert cli("todo", "add", text).exit_code == 0
    r = cli("todo", "edit", "2", "- [x] 7강 복습")
    assert r.exit_code == 0 and r.output.strip() == "2. [x] 7강 복습"
    r = cli("todo", "edit", "1", "-6강-")
    assert r.exit_code == 0 and r.output.strip() == "1. [ ] -6강-"
    r = cli("todo", "rm", "3")
    assert r.exit_code == 0 and "8강" in r.output
    assert cli("todo", "list").output.splitlines() == ["1. [ ] -6강-", "2. [x] 7강 복습"]
    r = cli("todo", "rm", "9")
    assert r.exit_code == 2 and "9번 할 일이 없습니다" in r.output


def test_note_list_edit_rm_keep_revisions(cli) -> None:
    assert cli("note", "retro", "첫 회고").exit_code == 0
    assert cli("note", "retro", "둘째 회고").exit_code == 0
    ids = [e["id"] for e in json.loads(cli("note", "list", "--json").output)]
    assert len(ids) == 2
    listing = cli("note", "list").output
    assert f"#{ids[0]}" in listing and "첫 회고" in listing
    r = cli("note", "edit", str(ids[0]), "- 고친 회고")
    assert r.exit_code == 0, r.output
    assert _day(cli)["sections"]["retro"] == "- 고친 회고\n\n둘째 회고"  # its own paragraph, not the bullet's
    r = cli("note", "rm", str(ids[1]))
    assert r.exit_code == 0, r.output
    assert _day(cli)["sections"]["retro"] == "- 고친 회고"
    history = json.loads(cli("history", "--json").output)
    texts = [h["text"] for h in history]
    assert "첫 회고\n둘째 회고" in texts and "- 고친 회고\n\n둘째 회고" in texts
    restore_id = next(h["id"] for h in history if h["text"] == "- 고친 회고\n\n둘째 회고")
    assert cli("restore", str(restore_id)).exit_code == 0
    assert _day(cli)["sections"]["retro"] == "- 고친 회고\n\n둘째 회고"
    r = cli("note", "rm", "999")
    assert r.exit_code == 2 and "노트 999이(가) 없습니다" in r.output


@pytest.mark.parametrize(("name", "key"), [
    ("강의", "lecture"), ("강의 복습", "lecture"), ("강의복습", "lecture"), ("과제", "assignment"),
    ("고민", "assignment"), ("과제/고민", "assignment"), ("알고리즘", "algorithm"),
    ("코드 리뷰", "review"), ("리뷰", "review"), ("피어", "peer"), ("피어세션", "peer"),
    ("회고", "retro"), ("메모", "note"), ("노트", "note"), ("Retro", "retro"),
])
def test_korean_section_names_are_aliases(cli, name, key) -> None:
    r = cli("note", name, "- 내용")
    assert r.exit_code == 0, r.output
    assert _day(cli)["sections"][key] == "- 내용"


def test_app_tab_labels_are_section_names() -> None:
    from studylog.journal.sections import SECTIONS, section_key
    from studylog.journal.words import section_name

    for s in SECTIONS:
        for lang in ("ko", "en"):
            assert section_key(section_name(s.key, lang)) == s.key


def test_search_query_may_start_with_a_dash(cli) -> None:
    assert cli("note", "retro", "- [ ] 논문 읽기").exit_code == 0
    r = cli("search", "- [ ] 논문")
    assert r.exit_code == 0, r.output
    assert "논문" in r.output


def test_blog_keeps_open_and_done_todos_apart(cli, home) -> None:
    assert cli("todo", "add", "- [x] 6강").exit_code == 0
    assert cli("todo", "add", "- [ ] 7강").exit_code == 0
    post = cli("export").output
    assert "\n6강\n[ ] 7강\n" in post
    (home / "p.txt").write_text(post, encoding="utf-8")
    assert cli("--db", str(home / "b.db"), "import", str(home / "p.txt"), "--date", "today").exit_code == 0
    day = json.loads(cli("--db", str(home / "b.db"), "today", "--json").output)
    assert [(t["text"], t["done"]) for t in day["todos"]] == [("6강", True), ("7강", False)]


def test_show_tomorrow_lists_what_todo_list_and_export_list(cli) -> None:
    """One view of a day: the items a retrospective carries onto tomorrow are in `show`,
    `todo list` and `export` alike (and in `show --json`)."""
    import json

    assert cli("note", "retro", "-", input="- [ ] 논문 읽기\n- [ ] 7강 복습\n").exit_code == 0
    shown = cli("show", "tomorrow").output
    listed = cli("todo", "list", "--date", "tomorrow").output
    exported = cli("export", "tomorrow").output
    for item in ("논문 읽기", "7강 복습"):
        assert f"- [ ] {item}" in shown and item in listed and f"[ ] {item}" in exported
    extras = json.loads(cli("show", "tomorrow", "--json").output)["extra_todos"]
    assert [(e["kind"], e["text"], e["done"]) for e in extras] == [
        ("carry", "논문 읽기", False), ("carry", "7강 복습", False)]


def _rendered_items(md: str) -> list[str]:
    """The list items markdown makes of ``md`` (as the app's preview renders it)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(md)
    items, depth, text = [], 0, []
    for t in tokens:
        if t.type == "list_item_open":
            depth += 1
        elif t.type == "list_item_close":
            depth -= 1
            items.append(" ".join(text))
            text = []
        elif t.type == "inline" and depth:
            text.append(t.content)
    return items


def test_a_note_after_a_bullet_does_not_join_it(cli) -> None:
    assert cli("note", "retro", "- 논문 읽기").exit_code == 0
    assert cli("note", "retro", "오늘은 잘 했다").exit_code == 0
    assert cli("note", "retro", "- 내일: 7강").exit_code == 0
    assert cli("note", "retro", "- 복습").exit_code == 0
    text = _day(cli)["sections"]["retro"]
    assert text == "- 논문 읽기\n\n오늘은 잘 했다\n- 내일: 7강\n- 복습"
    assert _rendered_items(text) == ["논문 읽기", "내일: 7강", "복습"]
    md = cli("export", "-f", "markdown").output
    assert "- 논문 읽기\n\n오늘은 잘 했다\n" in md
    assert "오늘은 잘 했다" not in " ".join(_rendered_items(md))


def test_a_note_after_a_bullet_round_trips(cli, tmp_path) -> None:
    cli("note", "retro", "- 논문 읽기")
    cli("note", "retro", "오늘은 잘 했다")
    before = _day(cli)["sections"]["retro"]
    post = tmp_path / "post.md"
    assert cli("export", "-f", "markdown", "-o", str(post)).exit_code == 0
    assert cli("import", str(post)).exit_code == 0  # the same day: nothing to add
    assert _day(cli)["sections"]["retro"] == before
