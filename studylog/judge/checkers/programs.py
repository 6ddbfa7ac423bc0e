"""A problem author's checker program (a special judge, a testlib checker, a Kattis output
validator), built once and run in the judge's sandbox.

:func:`prepare` turns a file or a folder into a :class:`Program`: a ``.py`` runs with studylog's
interpreter; ``.c``/``.cpp``/``.cc`` sources (with the headers next to them, such as
``testlib.h`` or ``validate.h``) are compiled with gcc/g++ -O2 *in the box* (the build folder its
only writable place), once, into the cache (``<cache>/checkers/<hash>/``) keyed by the hash of
every file of the source's folder; an executable file runs as it is. :func:`run_program` runs
one in a fresh box: the files it reads are mounted read-only, one folder (a Kattis feedback
folder) may be writable, stdin is a file. A program that does not compile is
:class:`CheckerFailed` (a :class:`~studylog.errors.UserError`: one line, exit 2).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from studylog.errors import UserError
from studylog.judge.sandbox import Limits, Mounts, Outcome, run
from studylog.words import say

CPU_MS = 10_000
WALL_MS = 20_000
MEMORY_KB = 2 << 20  # 2 GB
OUTPUT_BYTES = 16 << 20
SOURCES = (".c", ".cpp", ".cc", ".cxx")
MAX_FILES = 64


class CheckerFailed(UserError):
    """The checker program itself failed (it does not compile, exits with a code that is no
    verdict, crashes or runs over its time)."""


@dataclass(frozen=True)
class Program:
    """A checker ready to run: its source (file or folder) and the command that runs it."""

    path: Path
    argv: tuple[str, ...]

    @property
    def shown(self) -> str:
        """The name shown in messages (the file or folder name)."""
        return self.path.name


_builds: dict[str, Program] = {}
_lock = threading.Lock()


def _folder_files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    if len(files) > MAX_FILES:
        raise UserError(say(f"{folder}에 파일이 {len(files)}개 있습니다; 채점기 폴더는 최대 "
                            f"{MAX_FILES}개입니다",
                            f"{folder} holds {len(files)} files; a checker folder at most "
                            f"{MAX_FILES}"))
    return files


def prepare(path: Path) -> Program:
    """The runnable program of ``path``: a source file, an executable, or a folder holding a
    program (Kattis: ``*.py`` with a main, or C/C++ sources, or a ``build``/``run`` script is not
    supported); compiled once (see the module doc)."""
    path = path.resolve()
    if path.is_dir():
        files = _folder_files(path)
        sources = [p for p in files if p.suffix in SOURCES and p.parent == path]
        pys = [p for p in files if p.suffix == ".py" and p.parent == path]
        if sources:
            return _compiled(path, sources, files)
        if pys:
            main = next((p for p in pys if p.stem in ("validate", "main", "checker")), pys[0])
            return Program(path, (sys.executable, "-S", str(main)))
        raise UserError(say(f"{path}에 프로그램이 없습니다 (.py, .c, .cpp 파일)",
                            f"{path} holds no program (a .py, .c or .cpp file)"))
    if path.suffix == ".py":
        return Program(path, (sys.executable, "-S", str(path)))
    if path.suffix in SOURCES:
        others = [p for p in _folder_files(path.parent) if p.suffix in (".h", ".hpp")]
        return _compiled(path, [path], [path, *others])
    if not os.access(path, os.X_OK):
        raise UserError(say(f"채점기 {path}는 실행 파일이 아닙니다 (chmod +x 하거나 .py, .cpp "
                            f"파일을 주세요)",
                            f"the checker {path} is not executable (chmod +x it, or give a .py or "
                            f".cpp file)"))
    return Program(path, (str(path),))


def _compiled(origin: Path, sources: list[Path], files: list[Path]) -> Program:
    digest = hashlib.sha1()
    base = origin if origin.is_dir() else origin.parent
    for f in files:
        digest.update(str(f.relative_to(base)).encode() + b"\0" + f.read_bytes())
    key = digest.hexdigest()[:16]
    with _lock:
        if key not in _builds:
            _builds[key] = _compile(origin, base, sources, files, key)
        return _builds[key]


def _compile(origin: Path, base: Path, sources: list[Path], files: list[Path],
             key: str) -> Program:
    from studylog.judge import languages
    from studylog.judge.problems.cases import cache_dir

    cpp = any(s.suffix != ".c" for s in sources)
    tool = "g++" if cpp else "gcc"
    if shutil.which(tool) is None:
        raise CheckerFailed(say(f"채점기 {origin.name}에 '{tool}'가 필요한데 설치되어 있지 "
                                f"않습니다",
                                f"the checker {origin.name} needs '{tool}', which is not "
                                f"installed"))
    home = cache_dir() / "checkers" / key
    exe = home / "checker"
    if exe.is_file():
        return Program(origin, (str(exe),))
    work = home.with_name(f"{key}.{os.getpid()}.{threading.get_ident()}.tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        for f in files:
            dest = work / f.relative_to(base)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dest)
            os.chmod(dest, 0o644)
        for d in [work, *(p for p in work.rglob("*") if p.is_dir())]:
            os.chmod(d, 0o777)  # the box's own uid writes the executable here
        std = "-std=gnu++17" if cpp else "-std=gnu11"
        argv = [tool, "-O2", std, "-I", str(work), "-o", str(work / "checker"),
                *(str(work / s.relative_to(base)) for s in sources)]
        if not cpp:
            argv.append("-lm")
        lang = languages.LANGUAGES["cpp" if cpp else "c"]
        tools = [str(Path(p).parent) for p in (shutil.which(tool),) if p]
        out = run(argv, b"", languages.compile_limits(lang), keep_bytes=16000,
                  mounts=Mounts(ro=tuple(t for t in tools if not t.startswith("/usr")),
                                rw=(str(work),), cwd=str(work)))
        if out.timed_out or out.exit_code != 0 or not (work / "checker").is_file():
            text = (out.stderr + out.stdout).replace(str(work) + os.sep, "")
            first = next((line for line in text.splitlines() if "error" in line),
                         (text.strip().splitlines() or [say("(메시지 없음)", "(no message)")])[0])
            why = say("시간을 넘겼습니다", "ran over its time") if out.timed_out else first.strip()
            raise CheckerFailed(say(f"채점기 {origin.name}가 컴파일되지 않습니다: {why}",
                                    f"the checker {origin.name} does not compile: {why}"))
        home.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir()
        os.replace(work / "checker", exe)
        os.chmod(exe, 0o755)
        os.chmod(home, 0o755)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Program(origin, (str(exe),))


def limits(time_limit_ms: int | None = None) -> Limits:
    """A checker's limits: 10 s of CPU (at least the solution's limit), 2 GB, 16 MB out."""
    cpu = max(CPU_MS, time_limit_ms or 0)
    return Limits(cpu_ms=cpu, wall_ms=max(WALL_MS, cpu * 2), memory_kb=MEMORY_KB,
                  output_bytes=OUTPUT_BYTES, processes=64, seccomp=False)


def run_program(program: Program, args: list[str], stdin: bytes, *, read_only: list[Path],
                writable: list[Path] | None = None, time_limit_ms: int | None = None) -> Outcome:
    """Run ``program`` with ``args`` and ``stdin`` in a fresh box; ``read_only`` folders (the
    test's files) and ``writable`` ones (a feedback folder) are mounted at their own path."""
    ro = [str(p) for p in read_only]
    if program.path.is_dir():
        ro.append(str(program.path))
    return run([*program.argv, *args], stdin, limits(time_limit_ms), keep_bytes=64 * 1024,
               mounts=Mounts(ro=tuple(ro), rw=tuple(str(p) for p in writable or ())))


def write_files(folder: Path, texts: dict[str, str]) -> list[str]:
    """Write ``texts`` (name -> text) into ``folder`` readable by the box's uid; their paths."""
    os.chmod(folder, 0o755)
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        os.chmod(path, 0o644)
        paths.append(str(path))
    return paths
