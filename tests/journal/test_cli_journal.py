"""The journal commands as a user runs them: notes, to-dos, today, show, search, export, import."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent / "data" / "day-17-blog.txt"  # the bootcamp example post
TODAY = dt.date.today().isoformat()


def dump(db_path: Path) -> list:
    """Every row of every table, to prove a failed command changed nothing."""
    if not db_path.exists():
        return []
    conn = sqlite3.connect(db_path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%\\_compact%' ESCAPE '\\' "
        "ORDER BY name")]
    out = [(t, conn.execute(f"SELECT * FROM {t}").fetchall()) for t in tables]
    conn.close()
    return out


def test_note_todo_today(cli) -> None:
    r = cli("note", "lecture", "Dataset 의 __getitem__ 정리 #pytorch")
    assert r.exit_code == 0, r.output
    assert "lecture" in r.output
    assert cli("todo", "add", "단지번호붙이기 풀기").exit_code == 0
    assert cli("todo", "add", "강의 3강 듣기").exit_code == 0
    r = cli("todo", "done", "2")
    assert r.exit_code == 0 and "[x] 강의 3강 듣기" in r.output
    r = cli("todo", "list")
    assert r.output.splitlines() == ["1. [ ] 단지번호붙이기 풀기", "2. [x] 강의 3강 듣기"]
    r = cli("today")
    assert r.exit_code == 0
    assert "## 1. 강의 복습 내용\nDataset 의 __getitem__ 정리 #pytorch" in r.output
    assert "- [x] 강의 3강 듣기" in r.output
    data = json.loads(cli("today", "--json").output)
    assert data["date"] == TODAY
    assert data["sections"]["lecture"] == "Dataset 의 __getitem__ 정리 #pytorch"
    assert data["tags"] == ["pytorch"]
    assert [t["done"] for t in data["todos"]] == [False, True]


def test_note_from_stdin_and_title(cli) -> None:
    r = cli("note", "retro", "-", "--title", "오늘의 회고", "--date", "yesterday",
            input="첫 줄\n둘째 줄\n")
    assert r.exit_code == 0, r.output
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    out = cli("show", yesterday).output
    assert "## 4. 학습 회고\n오늘의 회고\n첫 줄\n둘째 줄" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "2026-13-45"), "날짜가 아닙니다: '2026-13-45'"),
        (("note", "lectures", "x"), "모르는 섹션입니다: 'lectures'"),
        (("note", "retro", "   "), "노트가 비어 있습니다"),
        (("todo", "done", "7"), "7번 할 일이 없습니다"),
        (("export", "--format", "pdf"), "모르는 형식입니다: 'pdf'"),
        (("import", "missing.txt"), "그런 파일이 없습니다: missing.txt"),
        (("search", "x", "--section", "nope"), "모르는 섹션입니다: 'nope'"),
        (("config", "course.start", "someday"), "course.start"),
        (("config", "nope.key", "1"), "모르는 설정입니다: 'nope.key'"),
    ],
)
def test_bad_input_one_line_exit_2_db_unchanged(run, home: Path, args, message) -> None:
    assert run("note", "lecture", "이미 있는 노트").returncode == 0
    before = dump(home / "studylog.db")
    p = run(*args)
    assert p.returncode == 2, p.stderr
    assert p.stderr.count("\n") == 1 and message in p.stderr
    assert "Traceback" not in p.stderr
    assert dump(home / "studylog.db") == before


def test_import_rejects_binary_and_wrong_encoding(run, home: Path) -> None:
    (home / "bin.dat").write_bytes(bytes(range(256)) * 4)
    (home / "cp949.txt").write_bytes("1. 강의 복습 내용\n정리\n".encode("cp949"))
    for name, message in (("bin.dat", "텍스트 파일이 아닙니다"), ("cp949.txt", "UTF-8 텍스트가 아닙니다")):
        p = run("import", str(home / name), "--date", "2026-11-18")
        assert p.returncode == 2 and message in p.stderr and p.stderr.count("\n") == 1
    tables = dict(dump(home / "studylog.db"))
    assert tables.get("days", []) == [] and tables.get("entries", []) == []


def test_import_example_post_and_export_it_back(cli, home: Path) -> None:
    assert cli("config", "course.start", "2026-10-26").exit_code == 0
    assert cli("config", "course.name", "[네이버 부스트 캠프] AI-Tech-re").exit_code == 0
    r = cli("import", str(EXAMPLE), "--dry-run")
    assert r.exit_code == 0 and r.output.startswith("가져올 것 2026-11-18")
    assert cli("show", "2026-11-18", "--json").exit_code == 0
    assert json.loads(cli("show", "2026-11-18", "--json").output)["exists"] is False
    r = cli("import", str(EXAMPLE))
    assert r.exit_code == 0, r.output
    assert "할 일 4개" in r.output
    out = cli("export", "2026-11-18", "--format", "blog").output
    assert out == EXAMPLE.read_text(encoding="utf-8").rstrip("\n") + "\n"
    day = json.loads(cli("show", "2026-11-18", "--json").output)
    assert day["week"] == 4 and day["day"] == 3 and day["record_no"] == 17
    assert "# label = int(path.stem.split(\"_\")[-1])" in day["sections"]["assignment"]
    assert day["sections"]["retro"].startswith("-\n증강을")
    # importing again adds nothing
    again = cli("import", str(EXAMPLE)).output
    assert "이미 있던 것: 섹션 글 4개, 할 일 4개" in again, again
    assert json.loads(cli("show", "2026-11-18", "--json").output)["sections"] == day["sections"]


def test_import_date_from_title_needs_course_start(cli) -> None:
    r = cli("import", str(EXAMPLE))
    assert r.exit_code == 2
    assert "--date" in r.output


def test_import_puts_unplaceable_lines_in_note(cli, home: Path) -> None:
    post = home / "post.md"
    post.write_text(
        "# 제목 줄\n어디에도 속하지 않는 줄\n\n## 3. 피어세션\n피어 내용\n### 4) 회고:\n회고 내용\n",
        encoding="utf-8",
    )
    assert cli("import", str(post), "--date", "2026-11-02").exit_code == 0
    day = json.loads(cli("show", "2026-11-02", "--json").output)
    assert day["title"] == "제목 줄"
    assert day["sections"]["note"] == "어디에도 속하지 않는 줄"
    assert day["sections"]["peer"] == "피어 내용"
    assert day["sections"]["retro"] == "회고 내용"


def test_export_markdown_files_and_json(cli, home: Path) -> None:
    cli("note", "peer", "피어세션: CutMix 아이디어", "--date", "2026-11-02")
    cli("note", "retro", "회고 #성장", "--date", "2026-11-03")
    out = home / "vault"
    r = cli("export", "--since", "2026-11-01", "--until", "2026-11-30", "--format", "markdown",
            "-o", str(out))
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["2026-11-02.md", "2026-11-03.md"]
    md = (out / "2026-11-03.md").read_text(encoding="utf-8")
    assert md.startswith("---\ndate: 2026-11-03\n") and "tags: [성장]" in md
    doc = json.loads(cli("export", "2026-11-02", "2026-11-03", "--format", "json").output)
    assert [d["date"] for d in doc["days"]] == ["2026-11-02", "2026-11-03"]
    assert doc["days"][0]["entries"][0]["body"] == "피어세션: CutMix 아이디어"


def test_backup_is_a_working_copy(cli, home: Path) -> None:
    cli("note", "lecture", "백업될 노트")
    r = cli("backup", str(home / "copy.db"))
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == f"{home / 'studylog.db'} 백업 완료: {home / 'copy.db'}"
    conn = sqlite3.connect(home / "copy.db")
    assert conn.execute("SELECT body FROM entries").fetchall() == [("백업될 노트",)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert cli("backup", str(home / "copy.db")).exit_code == 2  # never overwrites


def test_stats(cli) -> None:
    for d in ("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-10"):
        cli("note", "retro", f"{d} 회고", "--date", d)
    data = json.loads(cli("stats", "--json").output)
    assert data["longest_streak"] == 3
    assert data["per_section"]["retro"] == 4
    text = cli("stats").output
    assert "최장 3일" in text and "월 " in text and "많음" in text  # language ko (the default)
    assert "more" not in text and "week" not in text and "notes per section" not in text


def test_errors_in_the_language_setting(cli) -> None:
    """A bad date and an unknown section are worded in Korean by default, in English after
    `config language en` (the English words unchanged)."""
    r = cli("show", "2026-13-45")
    assert r.exit_code == 2
    assert "날짜가 아닙니다: '2026-13-45' (YYYY-MM-DD, today, yesterday 중 하나를 쓰세요)" in r.output
    r = cli("note", "lectures", "x")
    assert r.exit_code == 2 and "모르는 섹션입니다: 'lectures'" in r.output
    assert cli("config", "language", "en").exit_code == 0
    r = cli("show", "2026-13-45")
    assert r.exit_code == 2
    assert "not a date: '2026-13-45' (use YYYY-MM-DD, today or yesterday)" in r.output
    assert "날짜" not in r.output
    r = cli("note", "lectures", "x")
    assert r.exit_code == 2 and "unknown section 'lectures'; choose one of:" in r.output


def test_the_settings_list_speaks_the_language(cli, home: Path) -> None:
    from studylog.config import SETTINGS, SETTINGS_KO

    assert set(SETTINGS_KO) == set(SETTINGS)  # every setting said in Korean too
    korean = cli("config").stdout.splitlines()
    assert korean[0] == "course.start = ''    # " + SETTINGS_KO["course.start"]
    cli("config", "language", "en")
    english = cli("config").stdout.splitlines()
    assert english[0] == "course.start = ''    # " + SETTINGS["course.start"][1]


def test_export_to_a_folder_and_import_the_folder_back(cli, home: Path) -> None:
    """`export -o days/` writes one post per day (a name ending in / is a folder, even for one
    day); `import days/` reads the posts in it, by name; a folder without posts is refused."""
    cli("todo", "add", "- [x] 논문 읽기", "--date", "2026-11-02")
    cli("note", "retro", "- 회고 한 줄", "--date", "2026-11-02")
    cli("note", "lecture", "StepLR 정리", "--date", "2026-11-03")
    one = cli("export", "2026-11-02", "-o", f"{home / 'one'}/")
    assert one.exit_code == 0, one.output
    assert [p.name for p in (home / "one").iterdir()] == ["2026-11-02.txt"]
    r = cli("export", "--since", "2026-11-01", "-o", str(home / "days"))
    assert r.exit_code == 0, r.output
    (home / "days" / "notes.pdf").write_bytes(b"%PDF")  # not a post: left alone
    (home / "empty").mkdir()
    other = ("--db", str(home / "other.db"))  # a second database, empty
    refused = cli(*other, "import", str(home / "empty"))
    assert refused.exit_code == 2 and "가져올 파일(.txt .md .json)이 없습니다" in refused.stderr
    back = cli(*other, "import", f"{home / 'days'}/")
    assert back.exit_code == 0, back.output
    assert back.stdout.count("가져옴") == 2 and "2026-11-02.txt" in back.stdout
    day = json.loads(cli(*other, "show", "2026-11-02", "--json").output)
    assert day["sections"]["retro"] == "- 회고 한 줄"
    assert [(t["text"], t["done"]) for t in day["todos"]] == [("논문 읽기", True)]
    later = json.loads(cli(*other, "show", "2026-11-03", "--json").output)
    assert later["sections"]["lecture"] == "StepLR 정리"
    json_dir = cli("export", "2026-11-02", "-f", "json", "-o", f"{home / 'j'}/")
    assert json_dir.exit_code == 2 and "JSON은 파일 하나로 씁니다" in json_dir.stderr
    assert not (home / "j").exists()


def test_decomposed_hangul_from_a_mac_lands_in_its_section(cli, home: Path) -> None:
    """A post saved on macOS can hold decomposed Hangul (NFD): its headings are still the
    bootcamp's headings (it went to 메모 before), and a note typed that way is stored composed
    and found."""
    import unicodedata

    post = "# week5(3)\n\n## 4. 학습 회고\n- 맥에서 쓴 회고\n\n## 오늘 한 일\n- [x] 논문 읽기\n"
    (home / "mac.txt").write_text(unicodedata.normalize("NFD", post), encoding="utf-8")
    r = cli("import", str(home / "mac.txt"), "--date", "2026-12-02")
    assert r.exit_code == 0 and "회고 1줄" in r.stdout and "메모" not in r.stdout, r.output
    day = json.loads(cli("show", "2026-12-02", "--json").output)
    assert day["sections"]["retro"] == "- 맥에서 쓴 회고"  # composed
    assert [(t["text"], t["done"]) for t in day["todos"]] == [("논문 읽기", True)]
    cli("note", unicodedata.normalize("NFD", "강의"), unicodedata.normalize("NFD", "스케줄러 정리"),
        "--date", "2026-12-02")  # the section named in jamo too
    day = json.loads(cli("show", "2026-12-02", "--json").output)
    assert day["sections"]["lecture"] == "스케줄러 정리"
    assert "2026-12-02" in cli("search", "스케줄러").stdout
