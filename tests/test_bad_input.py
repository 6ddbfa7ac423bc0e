"""Every bad input and every fault, as a table: one line on stderr, exit 2 (1 for a failed check),
no traceback, bounded time, and the database byte-for-byte unchanged where the command refused.

Each case runs ``python -m studylog`` as a real subprocess on a copy of one seeded database.
Arguments may hold ``{home}`` (the case's temp folder) and, through ``\\udcff``-style lone
surrogates, bytes that are not UTF-8 (``os.fsencode`` turns them back into raw bytes).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 30.0


@dataclass(frozen=True)
class Case:
    """One bad command line and what it must give."""

    name: str
    args: tuple[str, ...]
    code: int = 2
    files: dict[str, str | bytes] = field(default_factory=dict)  # name (under home) -> content
    stdin: bytes | None = None
    unchanged: bool = True  # the database file must keep its bytes
    env: dict[str, str] = field(default_factory=dict)  # may hold {home}
    says: str = ""  # the stderr line must contain this


def _env(home: Path, extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env["STUDYLOG_DB"] = str(home / "studylog.db")
    env["STUDYLOG_CONFIG"] = str(home / "config.toml")
    env.pop("STUDYLOG_LANG", None)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update({k: v.format(home=home) for k, v in extra.items()})
    return env


def studylog(home: Path, *args: str, stdin: bytes | None = None,
             env: dict[str, str] | None = None, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """Run the CLI; stdout and stderr as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "studylog", *(os.fsencode(a) for a in args)],
        input=stdin, capture_output=True, env=_env(home, env or {}), timeout=timeout, cwd=home,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )


def digest(path: Path) -> str:
    """The database's bytes (and its WAL's, when one is left) as one hash."""
    h = hashlib.sha256()
    for p in (path, path.with_name(path.name + "-wal")):
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a day, a note, a to-do."""
    home = tmp_path_factory.mktemp("seed")
    for args in (("note", "lecture", "hello", "-d", "2026-03-02"),
                 ("todo", "add", "first", "-d", "2026-03-02")):
        r = studylog(home, *args)
        assert r.returncode == 0, r.stderr
    return home / "studylog.db"


def _doc(days: object, version: object = 1) -> str:
    return json.dumps({"studylog": version, "days": days})


_DAY = {"date": "2026-03-03", "entries": [], "todos": []}

CASES: list[Case] = [
    # --- JSON import: the whole input is checked before anything is written
    Case("import days not a list", ("import", "f.json"), files={"f.json": _doc(5)}),
    Case("import day not an object", ("import", "f.json"), files={"f.json": _doc([5])}),
    Case("import empty day", ("import", "f.json"), files={"f.json": _doc([{}])}),
    Case("import day a string", ("import", "f.json"), files={"f.json": _doc(["2026-01-01"])}),
    Case("import bad date", ("import", "f.json"),
         files={"f.json": _doc([{**_DAY, "date": "2026-02-30"}])}),
    Case("import date not text", ("import", "f.json"),
         files={"f.json": _doc([{**_DAY, "date": 20260101}])}),
    Case("import entry without title", ("import", "f.json"), files={"f.json": _doc(
        [{**_DAY, "entries": [{"section": "lecture", "body": "x"}]}])}),
    Case("import entry body a number", ("import", "f.json"), files={"f.json": _doc(
        [{**_DAY, "entries": [{"section": "lecture", "title": "", "body": 5}]}])}),
    Case("import entry unknown section", ("import", "f.json"), files={"f.json": _doc(
        [{**_DAY, "entries": [{"section": "zzz", "title": "", "body": "x"}]}])}),
    Case("import todo text a number", ("import", "f.json"), files={"f.json": _doc(
        [{**_DAY, "todos": [{"text": 5}]}])}),
    Case("import empty attempt", ("import", "f.json"), files={"f.json": _doc(
        [{**_DAY, "attempts": [{}]}])}),
    Case("import run without created", ("import", "f.json"), files={"f.json": _doc(
        [{**_DAY, "runs": [{"date": "2026-03-03", "config_json": "{}", "status": "done"}]}])}),
    Case("import unknown override", ("import", "f.json"), files={"f.json": _doc(
        [{**_DAY, "overrides": {"evil": 1}}])}),
    Case("import override week text", ("import", "f.json"), files={"f.json": _doc(
        [{**_DAY, "overrides": {"week": "x"}}])}),
    Case("import newer version", ("import", "f.json"), files={"f.json": _doc([_DAY], 99)},
         says="99"),
    Case("import version missing", ("import", "f.json"), files={"f.json": '{"days": []}'}),
    Case("import deep nesting", ("import", "f.json"),
         files={"f.json": '{"studylog": 1, "days": ' + "[" * 100_000 + "]" * 100_000 + "}"}),
    Case("import not json", ("import", "f.json"), files={"f.json": "{nope"}),
    Case("import second day bad", ("import", "f.json"), files={"f.json": _doc(
        [_DAY | {"entries": [{"section": "lecture", "title": "", "body": "ok"}]}, {"date": 1}])}),
    Case("import fifo", ("import", "pipe"), files={"pipe": "FIFO"}),
    Case("import directory", ("import", "{home}")),
    Case("import missing file", ("import", "nope.md")),
    Case("import dev zero", ("import", "/dev/zero")),
    Case("import binary", ("import", "b.md"), files={"b.md": b"\x00\x01\x02" * 10}),
    Case("import not utf8", ("import", "b.md"), files={"b.md": b"# t\n\xff\xfe\xfa"}),
    Case("import empty file", ("import", "e.md"), files={"e.md": ""}),
    # --- output paths
    Case("export to dev full", ("export", "2026-03-02", "-o", "/dev/full")),
    Case("export json to dev full", ("export", "2026-03-02", "-f", "json", "-o", "/dev/full")),
    Case("export to proc", ("export", "2026-03-02", "-o", "/proc/version")),
    Case("export under a file", ("export", "2026-03-02", "-o", "{home}/f.txt/x.txt"),
         files={"f.txt": "x"}),
    Case("export to empty name", ("export", "2026-03-02", "-o", "")),
    Case("export days under a file", ("export", "--since", "2026-03-01", "-o", "{home}/f.txt/d"),
         files={"f.txt": "x"}),
    Case("export to missing folder", ("export", "2026-03-02", "-o", "{home}/no/such/x.txt")),
    Case("export unknown format", ("export", "-f", "pdf")),
    Case("week to dev full", ("week", "-o", "/dev/full")),
    Case("week to empty name", ("week", "-o", "")),
    Case("week under a file", ("week", "-o", "{home}/f.txt/x"), files={"f.txt": "x"}),
    Case("backup to dev full", ("backup", "/dev/full")),
    Case("backup to proc", ("backup", "/proc/version")),
    Case("backup under a file", ("backup", "{home}/f.txt/x.db"), files={"f.txt": "x"}),
    Case("backup to missing folder", ("backup", "/nonexistent/dir/x.db")),
    Case("backup empty name", ("backup", "")),
    Case("db under a file", ("--db", "{home}/f.txt/x.db", "today"), files={"f.txt": "x"}),
    Case("db is a folder", ("--db", "{home}", "today")),
    Case("db not sqlite", ("--db", "{home}/f.txt", "today"), files={"f.txt": "not a db" * 200}),
    # --- settings and arguments
    Case("config is a folder", ("today",), env={"STUDYLOG_CONFIG": "{home}"}),
    Case("config not utf8", ("today",), files={"config.toml": b'language = "\xff"\n'}),
    Case("config not toml", ("today",), files={"config.toml": "language = = x\n"}),
    Case("config unknown key", ("config", "no.such", "1")),
    Case("runs show not a number", ("runs", "show", "abc"), says="RUN: 'abc'은(는) 정수가 아닙니다"),
    Case("stats weeks not a number", ("stats", "--weeks", "x"),
         says="--weeks: 'x'은(는) 정수가 아닙니다"),
    Case("search limit out of range", ("search", "a", "--limit", "0"),
         says="--limit: 0은(는) 1에서 10000 사이여야 합니다"),
    Case("config peer.team not a folder", ("config", "peer.team", "/nonexistent/team"),
         says="peer.team은 폴더여야 합니다"),
    Case("peer judge not a team folder", ("peer", "judge", "2667", "/"), says="팀 폴더가 아닙니다"),
    Case("peer comment past the end", ("peer", "comment", "{home}/team/me/2667.py:999", "x"),
         files={"team/studylog-team.toml": "", "team/me/2667.py": "print(1)\n"},
         says="끝을 넘습니다"),
    Case("label title not utf8", ("label", "2026-03-02", "--title", "t\udcff")),
    Case("note text not utf8", ("note", "lecture", "x\udcff")),
    Case("note title not utf8", ("note", "lecture", "x", "--title", "t\udcff")),
    Case("todo not utf8", ("todo", "add", "x\udcff")),
    Case("search not utf8", ("search", "x\udcff")),
    Case("note stdin not utf8", ("note", "lecture", "-"), stdin=b"\xff\xfe\xfa"),
    Case("note stdin over 10 MB", ("note", "lecture", "-"), stdin=b"a" * (10 * 1024 * 1024 + 10)),
    Case("note unknown section", ("note", "nope", "x")),
    # ids past SQLite's INTEGER (were tracebacks: OverflowError)
    Case("note edit huge id", ("note", "edit", "9" * 25, "x"), says="숫자가 너무 큽니다"),
    Case("note rm huge id", ("note", "rm", "9" * 25), says="숫자가 너무 큽니다"),
    Case("train huge seed", ("train", "--seed", "9" * 20), says="2^63-1"),
    Case("note empty", ("note", "lecture", "")),
    Case("note invalid date", ("note", "lecture", "x", "-d", "2026-02-30")),
    Case("note date nonsense", ("note", "lecture", "x", "-d", "someday")),
    Case("show invalid date", ("show", "2026-13-01")),
    Case("todo add empty", ("todo", "add", "")),
    Case("todo add blank lines", ("todo", "add", "\n \n")),
    Case("todo done unknown", ("todo", "done", "99")),
    Case("todo done negative", ("todo", "done", "-1")),
    Case("todo done huge", ("todo", "done", "99999999999999999999999")),
    Case("label week huge", ("label", "--week", "99999999999")),
    Case("label day 0", ("label", "--day", "0")),
    Case("label day 8", ("label", "--day", "8")),
    Case("search empty", ("search", "")),
    Case("search blank", ("search", "   ")),
    Case("search limit 0", ("search", "x", "-n", "0")),
    Case("search bad range", ("search", "x", "--since", "2026-03-05", "--until", "2026-03-01")),
    Case("restore unknown", ("restore", "#999999")),
    Case("restore not a number", ("restore", "abc")),
    Case("restore huge", ("restore", "9" * 40)),
    Case("history unknown section", ("history", "today", "zzz")),
    Case("prune bad date", ("prune-history", "2026-02-30")),
    Case("stats weeks 0", ("stats", "--weeks", "0")),
    Case("unknown command", ("frobnicate",)),
    Case("unknown option", ("today", "--frob")),
    # --- judge, problems, training
    Case("solve unknown problem", ("solve", "999999999", "s.py"), files={"s.py": "print(1)\n"}),
    Case("solve missing file", ("solve", "2667", "nope.py")),
    Case("solve empty file", ("solve", "2667", "s.py"), files={"s.py": ""}),
    Case("solve directory", ("solve", "2667", "{home}")),
    Case("solve dev zero", ("solve", "2667", "/dev/zero")),
    Case("problems add empty id", ("problems", "add", "{home}/p", "--id", ""),
         files={"p/problem.toml": 'title = "t"\n', "p/1.in": "1\n", "p/1.out": "1\n"}),
    Case("problems add missing", ("problems", "add", "{home}/nope")),
    Case("train epochs huge", ("train", "--epochs", "99999999999")),
    Case("train epochs negative", ("train", "--epochs", "-1")),
    Case("train lr epochs huge", ("train", "lr", "--epochs", "99999999999")),
    Case("train unknown model", ("train", "--model", "nope")),
    Case("runs show unknown", ("runs", "show", "999999")),
    Case("runs resume unknown", ("runs", "resume", "999999")),
    Case("review unknown", ("review", "nope")),
]


def _make_files(home: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        p = home / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if content == "FIFO":
            os.mkfifo(p)
        elif isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")


def check_refused(r: subprocess.CompletedProcess, code: int, says: str = "") -> str:
    """The common checks; returns the one stderr line."""
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err[-3000:]
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert r.returncode == code, (r.returncode, err[-2000:])
    assert len(lines) == 1, err[-2000:]
    assert says in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, seeded: Path, tmp_path: Path) -> None:
    home = tmp_path
    db = home / "studylog.db"
    shutil.copy(seeded, db)
    _make_files(home, case.files)
    before = digest(db)
    args = tuple(a.format(home=home) for a in case.args)
    start = time.monotonic()
    r = studylog(home, *args, stdin=case.stdin, env=case.env)
    assert time.monotonic() - start < TIMEOUT
    check_refused(r, case.code, case.says)
    if case.unchanged:
        assert digest(db) == before, "the database changed"


def test_json_import_writes_nothing_when_a_later_day_is_bad(seeded: Path, tmp_path: Path) -> None:
    shutil.copy(seeded, tmp_path / "studylog.db")
    (tmp_path / "f.json").write_text(_doc([
        {**_DAY, "entries": [{"section": "lecture", "title": "", "body": "kept?"}]},
        {**_DAY, "date": "2026-02-30"}]), encoding="utf-8")
    r = studylog(tmp_path, "import", "f.json")
    check_refused(r, 2)
    r = studylog(tmp_path, "search", "kept", "--json")
    assert json.loads(r.stdout) == []


def test_a_stored_impossible_date_cannot_get_in(tmp_path: Path) -> None:
    from studylog.errors import UserError
    from studylog.store import days as q
    from studylog.store.db import open_db

    db = open_db(tmp_path / "x.db")
    with pytest.raises(UserError):
        q.ensure_day(db, "2026-02-30")


def test_newer_database_is_refused(seeded: Path, tmp_path: Path) -> None:
    db = tmp_path / "studylog.db"
    shutil.copy(seeded, db)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('9999_future', 'x')")
    conn.close()
    before = digest(db)
    r = studylog(tmp_path, "note", "lecture", "x")
    check_refused(r, 2, "newer")
    assert digest(db) == before


def test_damaged_database(seeded: Path, tmp_path: Path) -> None:
    db = tmp_path / "studylog.db"
    shutil.copy(seeded, db)
    data = bytearray(db.read_bytes())
    page = 4096
    for i in range(page, len(data)):  # every page after the first: garbage
        data[i] = 0xA5
    db.write_bytes(bytes(data))
    for args in (("today",), ("note", "lecture", "x"), ("search", "x"), ("stats",)):
        r = studylog(tmp_path, *args)
        line = check_refused(r, 2)
        assert "손상" in line and ".recover" in line, line


def test_locked_database_waits_then_one_line(seeded: Path, tmp_path: Path) -> None:
    db = tmp_path / "studylog.db"
    shutil.copy(seeded, db)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"INSERT INTO days (date, created, updated) VALUES ('2026-03-09', 'x', 'x')\")\n"
        "print('held', flush=True); time.sleep(40)\n")], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        r = studylog(tmp_path, "todo", "add", "x", env={"STUDYLOG_BUSY_TIMEOUT": "2"})
    finally:
        holder.kill()
        holder.wait()
    err = r.stderr.decode()
    assert "Traceback" not in err, err
    assert r.returncode == 2, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 2 and "데이터베이스를 기다리는 중" in lines[0], err
    assert "잠겨 있었습니다" in lines[1], err


def test_search_empty_exit_2(seeded: Path, tmp_path: Path) -> None:
    shutil.copy(seeded, tmp_path / "studylog.db")
    check_refused(studylog(tmp_path, "search", ""), 2)


def _tty_run(home: Path, *args: str) -> bytes:
    """Run the CLI with stdout on a pseudo-terminal; what the terminal got."""
    import pty

    master, slave = pty.openpty()
    try:
        p = subprocess.run([sys.executable, "-m", "studylog", *args], stdout=slave,
                           stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=_env(home, {}),
                           timeout=TIMEOUT, cwd=home)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(master)
    assert p.returncode == 0, p.stderr
    return out


def test_control_characters_never_reach_the_terminal(seeded: Path, tmp_path: Path) -> None:
    shutil.copy(seeded, tmp_path / "studylog.db")
    evil = "\x1b[2J\x1b]0;pwned\x07 back\x08\x08 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x9b31m"
    r = studylog(tmp_path, "todo", "add", evil, "-d", "2026-03-02")
    assert r.returncode == 0, r.stderr
    r = studylog(tmp_path, "note", "lecture", evil, "--title", evil, "-d", "2026-03-02")
    assert r.returncode == 0, r.stderr
    for args in (("todo", "list", "-d", "2026-03-02"), ("show", "2026-03-02"),
                 ("export", "2026-03-02")):
        out = _tty_run(tmp_path, *args)
        for bad in (b"\x1b", b"\x07", b"\x08", "\x9b".encode()):
            assert bad not in out, (args, out)
    # what the user wrote is stored as written
    r = studylog(tmp_path, "todo", "list", "-d", "2026-03-02", "--json")
    assert evil in [t["text"] for t in json.loads(r.stdout)]


def test_heading_injection_through_titles_is_flattened(seeded: Path, tmp_path: Path) -> None:
    shutil.copy(seeded, tmp_path / "studylog.db")
    r = studylog(tmp_path, "note", "lecture", "body", "-d", "2026-03-02",
                 "--title", "a\n## 4. 학습 회고\ninjected")
    assert r.returncode == 0, r.stderr
    r = studylog(tmp_path, "label", "2026-03-02", "--title", "x\n## 1. injected")
    assert r.returncode == 0, r.stderr
    out = studylog(tmp_path, "export", "2026-03-02").stdout.decode()
    assert "\n## 4. 학습 회고\ninjected" not in out
    assert "\n## 1. injected" not in out
