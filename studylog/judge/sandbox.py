"""Run one process under limits, in a throwaway directory, and leave nothing behind.

Where bubblewrap works (Linux with user namespaces, see :mod:`studylog.judge.box`), each run is a
box: its own PID, mount and network namespaces, the filesystem read-only but for its tmpfs
``/box``, hard limits set inside, and killing the box kills everything it started. Elsewhere the
fallback is the rlimit sandbox: the child starts a new session with soft limits (RLIMIT_CPU,
RLIMIT_AS, RLIMIT_FSIZE = the output limit, RLIMIT_STACK, RLIMIT_CORE = 0) in a fresh temp
directory that is its cwd, HOME and TMPDIR; its process group, and any process that carries the
run's marker in its environment, are killed when it ends. :func:`sandbox_name` says which.

Both ways stdin, stdout and stderr are files in the run's directory (never a pipe to studylog);
the file-size limit cuts a flood, and at most the output limit + 1 byte of stdout (and the last
64 KB of stderr) is read back, decoded as UTF-8 with errors='replace'. CPU time and peak memory
come from ``os.wait4``'s rusage, which covers the child and the descendants it waited for.

Processes are started by small helper processes (:mod:`studylog.judge.spawner`) so the peak memory
reported is the solution's, not studylog's; where that helper cannot run, they are forked from
this process directly.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import stat
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from studylog.judge import box
from studylog.judge import spawner as spawners
from studylog.judge.fallback import MARKER, POLL_SLICE_MS, kill_group, kill_marked, run_direct
from studylog.judge.limits import Limits, Outcome


@dataclass(frozen=True)
class Mounts:
    """Host directories a box shows at their own path: ``ro`` read-only, ``rw`` writable (the
    compile step's build directory). Directories of absolute file paths in argv are added ro."""

    ro: tuple[str, ...] = ()
    rw: tuple[str, ...] = ()
    cwd: str | None = None  # default: the run's own box directory


STDERR_KEEP = 64 * 1024


def sandbox_name() -> str:
    """The sandbox runs get here: ``bwrap`` (a namespace box) or ``rlimit`` (the fallback)."""
    return "bwrap" if box.available() and spawners.available() else "rlimit"


def _rmtree(path: Path) -> None:
    def fix(func, p, _exc):  # a solution may have made a directory read-only
        try:
            os.chmod(os.path.dirname(p), stat.S_IRWXU)
            os.chmod(p, stat.S_IRWXU)
            func(p)
        except OSError:
            pass

    shutil.rmtree(path, onerror=fix)


def _child_env(home: str, token: str, extra: dict[str, str] | None) -> dict[str, str]:
    return {
        "PATH": box.PATH if home == box.BOX else os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "TMPDIR": home,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONUTF8": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        MARKER: token,
        **(extra or {}),
    }


def _run_spawned(argv, limits, cwd, paths, env, cancel, boxed, fds):
    """Start it from a leased spawner process; wait here for its report."""
    in_path, out_path, err_path = paths
    cpu_s = max(1, math.ceil(limits.cpu_ms / 1000))
    req = {
        "argv": list(argv), "env": env, "cwd": cwd, "stdin": str(in_path),
        "stdout": str(out_path), "stderr": str(err_path),
        "fds": [[fd, str(path)] for fd, path in fds], "reap_all": boxed,
        "limits": None if boxed else {
            "cpu_s": cpu_s, "fsize": limits.output_bytes,
            "as": None if limits.memory_kb is None else limits.memory_kb * 1024,
            "stack": None if limits.stack_kb is None else limits.stack_kb * 1024,
        },
    }
    start = time.monotonic()
    deadline = start + limits.wall_ms / 1000
    timed_out = cancelled = False
    with spawners.lease() as sp:
        pid = sp.start(req)
        while True:
            left = deadline - time.monotonic()
            res = sp.wait(max(0.0, min(left, POLL_SLICE_MS / 1000)))
            if res is not None:
                break
            if cancel is not None and cancel.is_set():
                cancelled = True
            elif time.monotonic() >= deadline:
                timed_out = True
            else:
                continue
            kill_group(pid)
            res = sp.wait(None)
            break
    assert res is not None
    cpu_ms = int((res["utime"] + res["stime"]) * 1000)
    return pid, res["status"], cpu_ms, int(res["maxrss"]), start, timed_out, cancelled


def _file_args(argv: list[str]) -> list[str]:
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


def _read_head(path: Path, limit: int) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(limit)


def _read_tail(path: Path, limit: int) -> bytes:
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        fh.seek(max(0, size - limit))
        return fh.read(limit)


def _box_argv(argv: list[str], limits: Limits, mounts: Mounts, env: dict[str, str],
              bpf: Path, seccomp: bool) -> tuple[list[str], list[tuple[int, Path]]]:
    hard = box.HardLimits(
        cpu_s=max(1, math.ceil(limits.cpu_ms / 1000)),
        address_bytes=None if limits.memory_kb is None else limits.memory_kb * 1024,
        file_bytes=limits.output_bytes, nofile=limits.open_files, nproc=limits.processes,
        stack_bytes=None if limits.stack_kb is None else limits.stack_kb * 1024,
    )
    fds: list[tuple[int, Path]] = []
    program = box.seccomp_filter(hard.address_bytes) if seccomp else None
    if program is not None:
        bpf.write_bytes(program)
        fds.append((3, bpf))
    ro = [*mounts.ro, *[d for d in _file_args(argv) if d not in mounts.rw]]
    wrapped = box.wrap(argv, hard, ro=ro, rw=list(mounts.rw), cwd=mounts.cwd or box.BOX,
                       env=env, seccomp_fd=3 if fds else None)
    return wrapped, fds


def run(
    argv: list[str],
    stdin: bytes,
    limits: Limits,
    *,
    cancel: threading.Event | None = None,
    env: dict[str, str] | None = None,
    mounts: Mounts | None = None,
    keep_bytes: int | None = None,
) -> Outcome:
    """Run ``argv`` with ``stdin`` under ``limits`` in a fresh box (or directory) and clean up
    after it. ``mounts`` names host directories the program needs (see :class:`Mounts`);
    ``keep_bytes`` bounds the stdout read back (default: the output limit + 1)."""
    mounts = mounts or Mounts()
    boxed = box.available() and spawners.available()  # a box needs the spawner (subreaper)
    token = uuid.uuid4().hex
    run_dir = Path(tempfile.mkdtemp(prefix="studylog-run-"))
    paths = (run_dir / "in", run_dir / "out", run_dir / "err")
    try:
        paths[0].write_bytes(stdin)
        fds: list[tuple[int, Path]] = []
        if boxed:
            child_env = _child_env(box.BOX, token, env)
            child_env.pop(MARKER)
            argv, fds = _box_argv(argv, limits, mounts, child_env, run_dir / "seccomp",
                                   limits.seccomp)
            cwd = "/"
        else:
            home = run_dir / "box"
            home.mkdir()
            cwd = mounts.cwd or str(home)
            child_env = _child_env(str(home), token, env)
        runner = _run_spawned if boxed or spawners.available() else run_direct
        got = runner(argv, limits, cwd, paths, {} if boxed else child_env, cancel, boxed, fds)
        pid, status, cpu_ms, maxrss, start, timed_out, cancelled = got
        wall_ms = int((time.monotonic() - start) * 1000)
        if not boxed:
            kill_marked(token, above_pid=pid)
        out = _read_head(paths[1], keep_bytes or limits.output_bytes + 1)
        err = _read_tail(paths[2], STDERR_KEEP)
    finally:
        _rmtree(run_dir)
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    if boxed and code is not None and 128 < code <= 128 + 64:
        sig, code = code - 128, None  # bwrap reports a program killed by signal N as 128 + N
    if sig == signal.SIGXCPU or cpu_ms > limits.cpu_ms:
        timed_out = True
    elif sig == signal.SIGKILL and cpu_ms >= math.ceil(limits.cpu_ms / 1000) * 1000:
        timed_out = True  # the hard CPU limit
    return Outcome(
        exit_code=code, signal=sig, cpu_ms=cpu_ms, wall_ms=wall_ms, memory_kb=maxrss,
        stdout=out[: limits.output_bytes].decode("utf-8", errors="replace"),
        stderr=err.decode("utf-8", errors="replace"),
        stdout_bytes=len(out),
        timed_out=timed_out,
        output_limited=len(out) >= limits.output_bytes or sig == signal.SIGXFSZ,
        cancelled=cancelled,
        sandbox="bwrap" if boxed else "rlimit",
    )
