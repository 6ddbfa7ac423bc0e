"""The ICPC/Kattis output validators: the default one with its flags, and a package's own.

Default validator (checker ``icpc`` or ``icpc:FLAGS``), as problemtools' ``default_validator``:
the output and the answer are compared token by token; ``case_sensitive`` (default off: case
does not matter), ``space_change_sensitive`` (default off: any run of whitespace is one
separator), ``float_tolerance E`` (absolute and relative), ``float_absolute_tolerance E``,
``float_relative_tolerance E``: a token of the answer that is a number matches a number within
either tolerance. Anything else is WA (the format has no PE).

Custom validator (checker ``kattis`` or ``kattis:FLAGS``): the program in the problem's
``output_validators/<name>/`` (or ``output_validator/``), built by
:mod:`studylog.judge.checkers.programs`, runs in the box as
``validator input answer feedback_dir [FLAGS] < output``: exit 42 accepts, 43 is WA, anything
else is a failure of the validator. Its ``judgemessage.txt`` becomes the checker's message.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
from pathlib import Path

from studylog.errors import UserError
from studylog.judge.checkers import programs
from studylog.judge.checkers.programs import CheckerFailed
from studylog.judge.checkers.spec import Checked, DefaultFlags
from studylog.judge.verdicts import Verdict
from studylog.words import say

ACCEPT, REJECT = 42, 43
VALIDATOR_DIRS = ("output_validators", "output_validator")
MESSAGE_CHARS = 600
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _floats_match(answer: str, output: str, f: DefaultFlags) -> bool:
    if not _NUMBER.fullmatch(answer) and answer.lower() not in ("inf", "-inf", "nan"):
        return False
    try:
        a, b = float(answer), float(output)
    except ValueError:
        return False
    if not math.isfinite(b):
        return False
    diff = abs(a - b)
    return ((f.abs_tol is not None and diff <= f.abs_tol * (1 + 1e-12))
            or (f.rel_tol is not None and diff <= f.rel_tol * abs(a) * (1 + 1e-12)))


def default_validate(flags: str, answer: str, output: str) -> Checked:
    """The default validator's verdict on ``output`` against ``answer`` (see the module doc)."""
    f = DefaultFlags.parse(flags)
    if f.space_change_sensitive:
        exp, got = re.split(r"(\s+)", answer), re.split(r"(\s+)", output)
    else:
        exp, got = answer.split(), output.split()
    for n, (a, b) in enumerate(zip(exp, got, strict=False)):
        if a == b or (not f.case_sensitive and a.lower() == b.lower()):
            continue
        if a.isspace() or b.isspace():
            return Checked(Verdict.WA, f"space change near token {n // 2 + 1}")
        if (f.abs_tol is not None or f.rel_tol is not None) and _floats_match(a, b, f):
            continue
        return Checked(Verdict.WA, f"token {n + 1}: expected {a[:40]!r}, got {b[:40]!r}")
    if len(got) > len(exp):
        return Checked(Verdict.WA, "trailing output")
    if len(got) < len(exp):
        return Checked(Verdict.WA, "output ends early")
    return Checked(Verdict.AC)


def validator_dir(folder: Path) -> Path:
    """The folder of the problem's own output validator; UserError when there is none."""
    for name in VALIDATOR_DIRS:
        d = folder / name
        if d.is_dir():
            subs = sorted(p for p in d.iterdir() if p.is_dir() and not p.name.startswith("."))
            if name == "output_validators" and subs:
                return subs[0]
            if any(p.is_file() for p in d.iterdir()):
                return d
    raise UserError(say(f"{folder}에 output validator가 없습니다 (.py, .c, .cpp 프로그램이 든 "
                        f"output_validators/NAME/)",
                        f"{folder} has no output validator (output_validators/NAME/ with a .py, "
                        f".c or .cpp program)"))


def find_validator(folder: Path) -> programs.Program:
    """The problem's output validator, ready to run (compiled once, in the box)."""
    return programs.prepare(validator_dir(folder))


def run_validator(program: programs.Program, flags: str, input_text: str, answer: str,
                  output: str, *, time_limit_ms: int | None = None) -> Checked:
    """Run a Kattis output validator on one output (see the module doc)."""
    work = Path(tempfile.mkdtemp(prefix="studylog-validate-"))
    try:
        files = programs.write_files(work, {"input": input_text, "answer": answer})
        feedback = work / "feedback"
        feedback.mkdir()
        os.chmod(feedback, 0o777)
        out = programs.run_program(program, [*files, str(feedback), *flags.split()],
                                   output.encode("utf-8", "surrogateescape"),
                                   read_only=[work], writable=[feedback],
                                   time_limit_ms=time_limit_ms)
        message = ""
        for name in ("judgemessage.txt", "teammessage.txt"):
            path = feedback / name
            if path.is_file() and not path.is_symlink():
                with open(path, "rb") as fh:
                    message = fh.read(MESSAGE_CHARS * 4).decode("utf-8", "replace").strip()
                if message:
                    break
    finally:
        shutil.rmtree(work, ignore_errors=True)
    message = (message or (out.stdout + out.stderr).strip())[:MESSAGE_CHARS]
    if out.timed_out:
        raise CheckerFailed(say(f"output validator {program.shown}가 시간을 넘겼습니다",
                                f"the output validator {program.shown} ran over its time"))
    if out.exit_code == ACCEPT:
        return Checked(Verdict.AC, message)
    if out.exit_code == REJECT:
        return Checked(Verdict.WA, message)
    how = (say(f"시그널 {out.signal}로 죽었습니다", f"was killed by signal {out.signal}")
           if out.exit_code is None
           else say(f"종료 코드 {out.exit_code}", f"exited with code {out.exit_code}"))
    said = f": {message.splitlines()[0]}" if message else ""
    raise CheckerFailed(say(f"output validator {program.shown}가 실패했습니다 ({how}; 42/43 = "
                            f"AC/WA){said}",
                            f"the output validator {program.shown} failed ({how}; 42/43 = "
                            f"AC/WA){said}"))
