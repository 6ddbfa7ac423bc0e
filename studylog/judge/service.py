"""The judge service the CLI and the TUI call: judge and record an attempt, stress and save the
regression case, add a problem folder to the bank, write a starter file.

Everything here is UI-free and may run on a worker thread: the ``*_events`` functions are
generators of the event dataclasses from :mod:`.runner` and :mod:`.stress` and honour a
``threading.Event`` cancel flag.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from studylog.errors import UserError
from studylog.judge import records as history
from studylog.judge.problems import bank
from studylog.judge.runner import Event, Finished, JudgeResult, judge_events
from studylog.judge.stress import StressFinished, stress_events
from studylog.words import say

STARTERS = {
    ".py": "import sys\ninput = sys.stdin.readline\n\n\ndef main():\n    n = int(input())\n\n\n"
           "main()\n",
    ".cpp": "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n"
            "    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    int n;\n    cin >> n;\n"
            "    return 0;\n}\n",
    ".c": "#include <stdio.h>\n\nint main(void) {\n    int n;\n    scanf(\"%d\", &n);\n"
          "    return 0;\n}\n",
    ".java": "import java.io.*;\nimport java.util.*;\n\npublic class Main {\n"
             "    public static void main(String[] args) throws IOException {\n"
             "        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));\n"
             "    }\n}\n",
}


def check_source(source: Path) -> Path:
    """The solution file, or UserError when it is missing."""
    if not source.is_file():
        if source.exists():
            raise UserError(say(f"{source}은(는) 일반 파일이 아닙니다",
                                f"{source} is not a regular file"))
        raise UserError(say(f"그런 파일이 없습니다: {source}", f"no such file: {source}"))
    return source


def solve_events(
    db: sqlite_utils.Database, problem: bank.Problem, source: Path, *, lang: str | None = None,
    cancel: threading.Event | None = None, record: bool = True, date: str | None = None,
    workers: int | None = None,
) -> Iterator[Event]:
    """Judge ``source`` (the user's regression cases first) and store the attempt; the final
    :class:`Finished` event's result carries ``attempt_id``. A cancelled run is not stored."""
    check_source(source)
    extra = history.regression_cases(db, problem)
    for ev in judge_events(problem, source, lang=lang, extra_first=extra, cancel=cancel,
                           workers=workers):
        if isinstance(ev, Finished) and record and not ev.result.cancelled:
            ev.result.attempt_id = history.record_attempt(db, problem, source, ev.result, date)
        yield ev


def solve(db: sqlite_utils.Database, problem: bank.Problem, source: Path, **kwargs) -> JudgeResult:
    """:func:`solve_events` run to the end; returns the final result."""
    result = None
    for ev in solve_events(db, problem, source, **kwargs):
        if isinstance(ev, Finished):
            result = ev.result
    assert result is not None
    return result


def stress_and_save(
    db: sqlite_utils.Database, problem: bank.Problem, source: Path, n: int, *, seed: int = 1,
    lang: str | None = None, cancel: threading.Event | None = None, workers: int | None = None,
) -> Iterator:
    """:func:`stress.stress_events`, saving the minimal failing input as a regression case."""
    problem.require_stress()
    check_source(source)
    for ev in stress_events(problem, source, n, seed=seed, lang=lang, cancel=cancel,
                            workers=workers):
        if isinstance(ev, StressFinished) and ev.result.minimal is not None:
            history.save_regression(db, problem, ev.result.minimal.input,
                                    f"stress seed {seed}: {ev.result.verdict.value}")
        yield ev


def new_starter(problem: bank.Problem, path: Path) -> Path:
    """Write a starter solution at ``path`` (its extension picks the language); never overwrites."""
    if path.exists():
        raise UserError(say(f"{path}가 이미 있습니다; 덮어쓰지 않습니다",
                            f"{path} already exists; not overwriting it"))
    starter = STARTERS.get(path.suffix.lower())
    if starter is None:
        raise UserError(say(f"{path.suffix or '확장자 없는 파일'}의 시작 코드가 없습니다; "
                            f"{', '.join(STARTERS)} 중 하나를 쓰세요",
                            f"no starter for {path.suffix or 'files without an extension'}; "
                            f"use one of {', '.join(STARTERS)}"))
    comment = "#" if path.suffix == ".py" else "//"
    head = f"{comment} {problem.id} {problem.title} ({problem.title_en})  {problem.source}\n"
    path.write_text(head + starter, encoding="utf-8")
    return path


def add_problem(folder: Path, db_path: Path | None = None) -> bank.Problem:
    """Validate a folder (a problem folder or plain tests, see :mod:`.problems.folders`) and copy it
    into the user's problem bank (:mod:`.problems.add` does it). Raises UserError saying what is
    wrong."""
    from studylog.judge.problems import add

    return add.add(add.plan(folder, add.AddOptions(), db_path))

