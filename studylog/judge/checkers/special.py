"""Special judges: a program of the problem's folder decides the verdict (testlib-style).

Protocol (the one testlib's ``registerTestlibCmd`` reads, so existing checkers work)::

    CHECKER INPUT_FILE OUTPUT_FILE ANSWER_FILE

``OUTPUT_FILE`` is the solution's output, ``ANSWER_FILE`` the expected answer (the reference's
output or the imported answer). Exit code: 0 = AC, 1 = WA, 2 = PE (testlib's 4 "extra data" and
8 "unexpected end of file" are the solution's output format too: PE); anything else (3 = testlib's
FAIL, a crash, a time-out) is a failure of the checker, which stops the run with one line naming
the checker and what it printed. What the checker writes on stderr/stdout (its comment) is kept
with the test and shown for a failing test.

The checker is ``checker.py`` (run with studylog's interpreter), ``checker.cpp``/``checker.c``
(compiled once with g++/gcc -O2 in the box, cached by the hash of the source and the headers next
to it; a ``testlib.h`` next to it is found by ``#include "testlib.h"``) or an executable
``checker``; ``checker = "special:NAME"`` picks another file. Like a solution it runs in the
judge's sandbox (:mod:`studylog.judge.checkers.programs`): 10 s of CPU (at least the solution's
limit), 2 GB, 16 MB of output, a wall clock of 20 s, its three files mounted read-only.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from studylog.errors import UserError
from studylog.judge.checkers import programs
from studylog.judge.checkers.programs import CheckerFailed

__all__ = ["CANDIDATES", "CheckerFailed", "SpecialJudge", "find_checker", "find_checker_file",
           "run_checker"]
from studylog.judge.checkers.spec import Checked
from studylog.judge.verdicts import Verdict
from studylog.words import say

CANDIDATES = ("checker.py", "checker.cpp", "checker.cc", "checker.c", "checker")
MESSAGE_CHARS = 600
EXIT_VERDICTS = {0: Verdict.AC, 1: Verdict.WA, 2: Verdict.PE, 4: Verdict.PE, 8: Verdict.PE}


@dataclass(frozen=True)
class SpecialJudge:
    """A problem's checker program and the command that runs it."""

    path: Path
    argv: tuple[str, ...]


def find_checker_file(folder: Path, name: str = "") -> Path:
    """The checker file of ``folder`` (``name``, else the first of :data:`CANDIDATES`)."""
    names = (name,) if name else CANDIDATES
    for n in names:
        p = folder / n
        if p.is_file():
            return p
    wanted = name or say(", ".join(CANDIDATES) + " 중 하나", " or ".join(CANDIDATES))
    raise UserError(say(f"{folder}에 스페셜 저지가 없습니다 ({wanted}); docs/judge.md의 "
                        f"'Special judges'를 보세요",
                        f"{folder} has no special judge ({wanted}); see docs/judge.md "
                        f"'Special judges'"))


def find_checker(folder: Path, name: str = "") -> SpecialJudge:
    """The ready-to-run checker of ``folder`` (C/C++ compiled once, in the box, and cached)."""
    prog = programs.prepare(find_checker_file(folder, name))
    return _judges.setdefault((prog.path, prog.argv), SpecialJudge(prog.path, prog.argv))


_judges: dict[tuple[Path, tuple[str, ...]], SpecialJudge] = {}


def run_checker(judge: SpecialJudge, input_text: str, expected: str, received: str, *,
                time_limit_ms: int | None = None) -> Checked:
    """Run the special judge on one test; its exit code is the verdict (see the module doc)."""
    work = Path(tempfile.mkdtemp(prefix="studylog-check-"))
    try:
        files = programs.write_files(work, {"input.txt": input_text, "output.txt": received,
                                            "answer.txt": expected})
        out = programs.run_program(programs.Program(judge.path, judge.argv), files, b"",
                                   read_only=[work], time_limit_ms=time_limit_ms)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    message = (out.stdout + out.stderr).strip()[:MESSAGE_CHARS]
    if out.timed_out:
        wall = programs.limits(time_limit_ms).wall_ms / 1000
        cpu = programs.limits(time_limit_ms).cpu_ms // 1000
        raise CheckerFailed(say(f"스페셜 저지 {judge.path.name}가 시간을 넘겼습니다 (실제 시간 "
                                f"{wall:g} s, CPU {cpu} s); 채점기나 문제의 checker를 고치세요",
                                f"the special judge {judge.path.name} ran over its time "
                                f"({wall:g} s wall, {cpu} s CPU); fix it or the problem's "
                                f"checker"))
    code = out.exit_code
    verdict = EXIT_VERDICTS.get(code) if code is not None else None
    if verdict is None:
        how = (say(f"시그널 {out.signal}로 죽었습니다", f"was killed by signal {out.signal}")
               if code is None else say(f"종료 코드 {code}", f"exited with code {code}"))
        said = f": {message.splitlines()[0]}" if message else ""
        raise CheckerFailed(say(f"스페셜 저지 {judge.path.name}가 실패했습니다 ({how}; 0/1/2 = "
                                f"AC/WA/PE){said}",
                                f"the special judge {judge.path.name} failed ({how}; 0/1/2 = "
                                f"AC/WA/PE){said}"))
    return Checked(verdict, message)
