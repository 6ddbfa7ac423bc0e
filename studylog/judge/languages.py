"""Languages the judge runs, picked by file extension, and their compile step.

Python runs with the interpreter studylog itself runs on (``sys.executable``; in a box its real
binary outside any virtual environment), never through a shell shim, with ``-S``: the standard
library only, no site-packages (like BOJ; it also saves the start-up cost of ``.pth`` files);
a syntax error is a compile error, as on BOJ (a source over 256 KB is checked in the box, with the
compile limits: parsing 4 MB of ``1+1+...`` takes most of a GB). C and C++ compile with gcc/g++ -O2 and
Java with javac (class ``Main``) where those tools exist.

Time allowance per language (on top of the problem's limit, like BOJ's extra time): C/C++ ×1,
Java ×2 + 1 s, Python ×3 + 1 s. Java gets ``-Xmx`` set to the memory limit instead of an
address-space limit (the JVM reserves far more address space than it uses).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

from studylog.errors import UserError
from studylog.judge import sandbox
from studylog.words import say

COMPILE_TIMEOUT_S = 30  # wall clock and CPU; read at each build (tests may lower it)
COMPILE_MEMORY_MB = 1024
COMPILE_FILE_BYTES = 256 << 20  # the executable, and the compiler's messages
MAX_MESSAGE = 4000
MAX_SOURCE_BYTES = 4 << 20
IN_PROCESS_SYNTAX_BYTES = 256 << 10  # larger Python sources are syntax-checked in the box


@dataclass(frozen=True)
class Language:
    """One language: how to build and run a solution, and its time allowance."""

    key: str
    name: str
    extensions: tuple[str, ...]
    time_factor: float = 1.0
    time_extra_ms: int = 0
    address_limit: bool = True  # enforce RLIMIT_AS (off for the JVM)
    tool: str | None = None  # compiler that must exist (None: nothing to check)
    compile_cmd: tuple[str, ...] = field(default_factory=tuple)  # {src} {exe} {dir}
    run_cmd: tuple[str, ...] = field(default_factory=tuple)  # {src} {exe} {dir} {mem_mb}

    def time_limit_ms(self, base_ms: int) -> int:
        """The CPU-time limit for this language given the problem's limit."""
        return int(base_ms * self.time_factor + self.time_extra_ms)

    def available(self) -> bool:
        """Whether the compiler/runtime exists on this machine."""
        return self.tool is None or shutil.which(self.tool) is not None


LANGUAGES: dict[str, Language] = {
    "python": Language(
        "python", f"Python {sys.version_info.major}.{sys.version_info.minor}", (".py",),
        time_factor=3, time_extra_ms=1000, run_cmd=(sys.executable, "-S", "{src}"),
    ),
    "c": Language(
        "c", "C (gcc -O2)", (".c",), tool="gcc",
        compile_cmd=("gcc", "-O2", "-std=gnu11", "-o", "{exe}", "{src}", "-lm"),
        run_cmd=("{exe}",),
    ),
    "cpp": Language(
        "cpp", "C++17 (g++ -O2)", (".cpp", ".cc", ".cxx"), tool="g++",
        compile_cmd=("g++", "-O2", "-std=gnu++17", "-o", "{exe}", "{src}"),
        run_cmd=("{exe}",),
    ),
    "java": Language(
        "java", "Java", (".java",), time_factor=2, time_extra_ms=1000, address_limit=False,
        tool="javac", compile_cmd=("javac", "-J-Xmx512m", "-J-XX:ActiveProcessorCount=1",
                                    "-encoding", "UTF-8", "-d", "{dir}", "{src}"),
        run_cmd=("java", "-Xmx{mem_mb}m", "-XX:ActiveProcessorCount=1", "-XX:-UsePerfData",
                 "-Xss64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                 "-Dfile.encoding=UTF-8", "-cp", "{dir}", "Main"),
    ),
}


def by_key(key: str) -> Language:
    """The language named ``key`` (python, c, cpp, java; also py, c++)."""
    aliases = {"py": "python", "python3": "python", "c++": "cpp", "cc": "cpp"}
    key = aliases.get(key.lower(), key.lower())
    if key not in LANGUAGES:
        raise UserError(say(f"모르는 언어입니다: {key!r}; 쓸 수 있는 언어: {', '.join(LANGUAGES)}",
                            f"unknown language {key!r}; known: {', '.join(LANGUAGES)}"))
    return LANGUAGES[key]


def detect(path: Path, lang: str | None = None) -> Language:
    """The language of a solution file (``lang`` overrides the extension); checks the compiler."""
    if lang:
        language = by_key(lang)
    else:
        ext = path.suffix.lower()
        found = [lg for lg in LANGUAGES.values() if ext in lg.extensions]
        if not found:
            known = ", ".join(e for lg in LANGUAGES.values() for e in lg.extensions)
            shown = ext or say("없음", "none")
            raise UserError(say(
                f"{path.name}의 언어를 알 수 없습니다 (확장자 {shown!r}); {known} 중 하나나 "
                f"--lang 을 쓰세요",
                f"cannot tell the language of {path.name} (extension {shown!r}); "
                f"use one of {known} or --lang"
            ))
        language = found[0]
    if not language.available():
        raise UserError(say(f"{language.name}에는 {language.tool!r}가 필요한데 설치되어 있지 "
                            f"않습니다",
                            f"{language.name} needs {language.tool!r}, which is not installed"))
    return language


@dataclass
class Build:
    """A solution ready to run: the command, or the compiler's error message."""

    language: Language
    ok: bool
    argv: list[str]
    message: str = ""
    directory: Path | None = None
    static_kb: int = 0  # a compiled program's static memory (its ELF load segments)

    def cleanup(self) -> None:
        """Delete the build directory."""
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None


def _fill(parts: tuple[str, ...], **values: str) -> list[str]:
    return [p.format(**values) for p in parts]


def read_source(source: Path) -> bytes:
    """The solution's bytes (UserError when it is not a regular file, is empty or is larger than
    4 MB)."""
    if source.exists() and not source.is_file():
        raise UserError(say(f"{source}은(는) 일반 파일이 아닙니다; 풀이의 소스 파일을 주세요",
                            f"{source} is not a regular file; give the solution's source file"))
    with open(source, "rb") as fh:
        text = fh.read(MAX_SOURCE_BYTES + 1)
    if len(text) > MAX_SOURCE_BYTES:
        raise UserError(say(f"{source.name}가 {MAX_SOURCE_BYTES >> 20} MB보다 큽니다",
                            f"{source.name} is larger than {MAX_SOURCE_BYTES >> 20} MB"))
    if not text.strip():
        raise UserError(say(f"{source.name}가 비어 있습니다: 채점할 풀이가 없습니다",
                            f"{source.name} is empty: there is no solution to judge"))
    return text


def compile_limits(language: Language) -> sandbox.Limits:
    """The compile step's limits: 30 s, 1 GB of address space (the JVM: its -Xmx), no stdin."""
    seconds = COMPILE_TIMEOUT_S
    return sandbox.Limits(
        cpu_ms=seconds * 1000, wall_ms=seconds * 1000,
        memory_kb=None if not language.address_limit else COMPILE_MEMORY_MB * 1024,
        output_bytes=COMPILE_FILE_BYTES, processes=128, open_files=1024,
        seccomp=language.address_limit,
    )


def build(source: Path, language: Language, build_dir: Path, memory_mb: int,
          cancel=None) -> Build:
    """Compile ``source`` into ``build_dir`` (created) and return how to run it.

    The compiler runs in the same sandbox as the tests, with :func:`compile_limits` and the
    program's directory as its only writable one. A compiler failure is not an exception: it
    gives ``Build(ok=False, message=...)`` (CE), also when the compiler hit a limit.
    """
    text = read_source(source)
    build_dir.mkdir(parents=True, exist_ok=True)
    prog = build_dir / "prog"  # build_dir stays private (0700); the box's uid may write here
    prog.mkdir(exist_ok=True)
    os.chmod(prog, 0o777)
    if language.key == "python":
        src = prog / "Main.py"
        src.write_bytes(text)
        os.chmod(src, 0o644)
        display = os.fsencode(source.name).decode("utf-8", errors="replace")
        if len(text) <= IN_PROCESS_SYNTAX_BYTES:
            try:
                compile(text, display, "exec", dont_inherit=True)
            except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
                return Build(language, False, [], _syntax_message(exc), build_dir)
        else:  # a large source may take far more memory to parse: in the box, like a compile
            message = _syntax_check_in_box(src, display, language, cancel)
            if message is not None:
                return Build(language, False, [], message, build_dir)
        argv = _fill(language.run_cmd, src=str(src), exe="", dir=str(prog), mem_mb="0")
        return Build(language, True, argv, "", build_dir)
    name = "Main" + (".java" if language.key == "java" else source.suffix.lower())
    src = prog / name
    src.write_bytes(text)
    os.chmod(src, 0o644)
    exe = prog / "main"
    values = {"src": str(src), "exe": str(exe), "dir": str(prog), "mem_mb": str(memory_mb)}
    limits = compile_limits(language)
    tools = [str(Path(p).parent) for p in (shutil.which(language.tool or ""),) if p]
    out = sandbox.run(
        _fill(language.compile_cmd, **values), b"", limits, cancel=cancel,
        mounts=sandbox.Mounts(ro=tuple(t for t in tools if not t.startswith("/usr")),
                              rw=(str(prog),), cwd=str(prog)),
        keep_bytes=MAX_MESSAGE * 4,
    )
    if out.timed_out:
        return Build(language, False, [], f"the compiler ran over {limits.wall_ms // 1000} s "
                                          f"and was stopped", build_dir)
    if out.exit_code != 0:
        msg = (out.stderr + out.stdout).replace(str(prog) + os.sep, "")
        if out.signal is not None or "Bad system call" in msg or "out of memory" in msg:
            what = f"signal {out.signal}" if out.signal is not None else "a limit"
            msg += f"\nthe compiler was stopped by {what}"
            if limits.memory_kb is not None:
                msg += (f" (compile limits: {limits.memory_kb // 1024} MB of memory, one "
                        f"allocation at most that much, {limits.wall_ms // 1000} s)")
        if len(msg) > MAX_MESSAGE:
            msg = msg[:MAX_MESSAGE] + f"\n... ({len(msg) - MAX_MESSAGE} more characters)"
        return Build(language, False, [], msg.strip() or f"compiler exit {out.exit_code}",
                     build_dir)
    return Build(language, True, _fill(language.run_cmd, **values), "", build_dir,
                 static_kb=static_kb(exe))


def static_kb(exe: Path) -> int:
    """The static memory of an ELF program: the sum of its load segments' sizes in memory
    (data and bss: ``static char a[1 << 31]`` is 2 GB), 0 when it is not a 64-bit ELF."""
    try:
        with open(exe, "rb") as fh:
            head = fh.read(64)
            if len(head) < 64 or head[:4] != b"\x7fELF" or head[4] != 2:
                return 0
            end = "<" if head[5] == 1 else ">"
            phoff, = struct.unpack(end + "Q", head[32:40])
            phentsize, phnum = struct.unpack(end + "HH", head[54:58])
            fh.seek(phoff)
            table = fh.read(phentsize * phnum)
    except OSError:
        return 0
    total = 0
    for i in range(phnum):
        entry = table[i * phentsize:(i + 1) * phentsize]
        if len(entry) < 56:
            break
        p_type, = struct.unpack(end + "I", entry[:4])
        if p_type == 1:  # PT_LOAD
            total += struct.unpack(end + "Q", entry[40:48])[0]
    return total // 1024


SYNTAX_CHECK = (
    "import sys\n"
    "src = open(sys.argv[1], 'rb').read()\n"
    "try:\n"
    "    compile(src, sys.argv[2], 'exec', dont_inherit=True)\n"
    "except SyntaxError as e:\n"
    "    print(f'  File \"{e.filename}\", line {e.lineno}')\n"
    "    if e.text:\n"
    "        print('    ' + e.text.rstrip('\\n'))\n"
    "        if e.offset: print('    ' + ' ' * (e.offset - 1) + '^')\n"
    "    print(f'{type(e).__name__}: {e.msg}'); sys.exit(1)\n"
    "except (ValueError, RecursionError, MemoryError) as e:\n"
    "    print(f'{type(e).__name__}: {e}'); sys.exit(1)\n"
)


def _syntax_check_in_box(src: Path, display: str, language: Language, cancel=None) -> str | None:
    """Compile a Python source in the box with the compile limits; the message on a syntax
    error (or a limit), None when it compiles."""
    limits = compile_limits(language)
    out = sandbox.run([sys.executable, "-S", "-c", SYNTAX_CHECK, str(src), display], b"",
                      limits, cancel=cancel, keep_bytes=MAX_MESSAGE * 4)
    if out.exit_code == 0 and not out.timed_out:
        return None
    if out.exit_code == 1 and out.stdout.strip():
        return out.stdout.strip()[:MAX_MESSAGE]
    if out.timed_out:
        return f"the syntax check ran over {limits.wall_ms // 1000} s and was stopped"
    return (f"MemoryError: the syntax check was stopped by a limit (compile limits: "
            f"{COMPILE_MEMORY_MB} MB of memory, {limits.wall_ms // 1000} s)")


def _syntax_message(exc: Exception) -> str:
    if isinstance(exc, SyntaxError):
        lines = [f'  File "{exc.filename}", line {exc.lineno}']
        if exc.text:
            lines.append("    " + exc.text.rstrip("\n"))
            if exc.offset:
                lines.append("    " + " " * (exc.offset - 1) + "^")
        lines.append(f"{type(exc).__name__}: {exc.msg}")
        return "\n".join(lines)
    return f"{type(exc).__name__}: {exc}"
