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
(compiled once with g++/gcc -O2, cached by the source's hash; a ``testlib.h`` next to it is found
by ``#include "testlib.h"``) or an executable ``checker``; ``checker = "special:NAME"`` picks
another file. It runs as a plain subprocess (not in the judge's sandbox: it is the problem
author's code, like ref.py) in a temp directory, in its own session, with RLIMIT_CPU (10 s),
RLIMIT_AS (2 GB) and RLIMIT_FSIZE (16 MB) set through ``prlimit`` right after it starts, a wall
clock limit (20 s), and its whole process group killed afterwards.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from studylog.errors import UserError
from studylog.judge.checkers.spec import Checked
from studylog.judge.verdicts import Verdict

CANDIDATES = ("checker.py", "checker.cpp", "checker.cc", "checker.c", "checker")
CPU_S = 10
WALL_S = 20.0
AS_BYTES = 2 << 30
FSIZE_BYTES = 16 << 20
MESSAGE_CHARS = 600
EXIT_VERDICTS = {0: Verdict.AC, 1: Verdict.WA, 2: Verdict.PE, 4: Verdict.PE, 8: Verdict.PE}


class CheckerFailed(UserError):
    """The special judge itself failed (exit code 3 or other, a crash or a time-out)."""


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
    wanted = name or " or ".join(CANDIDATES)
    raise UserError(f"{folder} has no special judge ({wanted}); see docs/judge.md "
                    f"'Special judges'")


_builds: dict[str, SpecialJudge] = {}
_lock = threading.Lock()


def find_checker(folder: Path, name: str = "") -> SpecialJudge:
    """The ready-to-run checker of ``folder`` (C/C++ compiled once and cached)."""
    path = find_checker_file(folder, name).resolve()
    if path.suffix == ".py":
        return SpecialJudge(path, (sys.executable, str(path)))
    if path.suffix not in (".c", ".cpp", ".cc"):
        if not os.access(path, os.X_OK):
            raise UserError(f"the special judge {path} is not executable (chmod +x it, or "
                            f"give checker.py / checker.cpp)")
        return SpecialJudge(path, (str(path),))
    digest = hashlib.sha1(path.read_bytes())
    header = path.parent / "testlib.h"
    if header.is_file():
        digest.update(header.read_bytes())
    key = digest.hexdigest()[:16]
    with _lock:
        if key not in _builds:
            _builds[key] = _compile(path, key)
        return _builds[key]


def _compile(path: Path, key: str) -> SpecialJudge:
    from studylog.judge.problems.cases import cache_dir

    exe = cache_dir() / "checkers" / f"{path.stem}-{key}"
    if not exe.is_file():
        cpp = path.suffix != ".c"
        tool = "g++" if cpp else "gcc"
        if shutil.which(tool) is None:
            raise UserError(f"the special judge {path.name} needs '{tool}', which is not "
                            f"installed")
        exe.parent.mkdir(parents=True, exist_ok=True)
        tmp = exe.with_name(exe.name + f".{os.getpid()}.tmp")
        std = "-std=gnu++17" if cpp else "-std=gnu11"
        try:
            res = subprocess.run([tool, "-O2", std, "-o", str(tmp), str(path)],
                                 capture_output=True, text=True, errors="replace", timeout=120)
        except subprocess.TimeoutExpired:
            raise CheckerFailed(f"compiling the special judge {path} took over 120 s") from None
        if res.returncode != 0:
            first = (res.stderr.strip().splitlines() or ["(no message)"])[0]
            raise CheckerFailed(f"the special judge {path} does not compile: {first}")
        os.replace(tmp, exe)
    return SpecialJudge(path, (str(exe),))


def _set_limits(pid: int, cpu_s: int) -> None:
    for res, value in ((resource.RLIMIT_CPU, (cpu_s, cpu_s + 1)),
                       (resource.RLIMIT_AS, (AS_BYTES, AS_BYTES)),
                       (resource.RLIMIT_FSIZE, (FSIZE_BYTES, FSIZE_BYTES)),
                       (resource.RLIMIT_CORE, (0, 0))):
        try:
            resource.prlimit(pid, res, value)
        except (OSError, ValueError):
            pass  # the checker already exited, or the hard limit is lower: keep what is set


def run_checker(judge: SpecialJudge, input_text: str, expected: str, received: str, *,
                time_limit_ms: int | None = None) -> Checked:
    """Run the special judge on one test; its exit code is the verdict (see the module doc)."""
    cpu_s = max(1, (time_limit_ms or CPU_S * 1000) // 1000)
    wall = max(WALL_S, cpu_s * 2.0)
    work = Path(tempfile.mkdtemp(prefix="studylog-check-"))
    try:
        files = []
        for name, text in (("input.txt", input_text), ("output.txt", received),
                           ("answer.txt", expected)):
            (work / name).write_text(text, encoding="utf-8", errors="surrogateescape")
            files.append(str(work / name))
        with open(work / "comment.txt", "wb") as comment:
            proc = subprocess.Popen([*judge.argv, *files], cwd=work, stdin=subprocess.DEVNULL,
                                    stdout=comment, stderr=subprocess.STDOUT,
                                    start_new_session=True, close_fds=True)
            _set_limits(proc.pid, cpu_s)
            try:
                code: int | None = proc.wait(timeout=wall)
            except subprocess.TimeoutExpired:
                code = None
            finally:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                proc.wait()
        with open(work / "comment.txt", "rb") as fh:
            message = fh.read(MESSAGE_CHARS * 4).decode("utf-8", "replace").strip()
        message = message[:MESSAGE_CHARS]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if code is None:
        raise CheckerFailed(f"the special judge {judge.path.name} ran over {wall:g} s; fix it "
                            f"or the problem's checker")
    verdict = EXIT_VERDICTS.get(code)
    if verdict is None:
        how = f"was killed by signal {-code}" if code < 0 else f"exited with code {code}"
        said = f": {message.splitlines()[0]}" if message else ""
        raise CheckerFailed(f"the special judge {judge.path.name} failed ({how}; 0/1/2 = "
                            f"AC/WA/PE){said}")
    return Checked(verdict, message)
