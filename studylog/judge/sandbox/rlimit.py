"""The rlimit fallback backend, where no bubblewrap box can start (:class:`RlimitBackend`).

The child starts a new session with soft limits (RLIMIT_CPU, RLIMIT_AS, RLIMIT_FSIZE = the
output limit, RLIMIT_STACK, RLIMIT_CORE = 0) in a fresh directory that is its cwd, HOME and
TMPDIR; its process group is killed when the run ends, and so is every process that carries the
run's marker in its environment (:func:`kill_marked`: one that called ``setsid`` to leave the
group). The child is started by a spawner process (:mod:`.spawner`), or, without one
(``STUDYLOG_JUDGE_DIRECT=1``, or no ``pidfd_open``), forked from studylog itself
(:func:`run_direct`, limits set by :func:`preexec`).
"""

from __future__ import annotations

import math
import os
import resource
import select
import signal
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from studylog.judge.sandbox import spawner as spawners
from studylog.judge.sandbox.backend import (
    POLL_SLICE_MS,
    STACK_UNLIMITED,
    Limits,
    RunRequest,
    RunResult,
    address_bytes,
    child_env,
    decode_status,
    kill_group,
)

MARKER = "STUDYLOG_JUDGE_RUN"


def preexec(limits: Limits) -> None:
    """Set the fallback's soft rlimits in a child just before it execs the solution."""
    cpu_s = max(1, math.ceil(limits.cpu_ms / 1000))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.output_bytes, limits.output_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    as_bytes = address_bytes(limits, headroom=False)
    if as_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (as_bytes, as_bytes))
    if limits.stack_kb is not None:
        hard = resource.getrlimit(resource.RLIMIT_STACK)[1]
        want = resource.RLIM_INFINITY if limits.stack_kb == STACK_UNLIMITED else (
            limits.stack_kb * 1024)
        if hard != resource.RLIM_INFINITY:
            want = hard if want == resource.RLIM_INFINITY else min(want, hard)
        resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
    # Python ignores SIGXFSZ and SIGPIPE in itself; a C program should die of them by default.
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def _last_pid() -> int:
    try:
        with open("/proc/loadavg") as fh:
            return int(fh.read().split()[-1])
    except (OSError, ValueError, IndexError):
        return 0


def kill_marked(token: str, above_pid: int = 0) -> int:
    """Kill every process whose environment holds this run's marker; return how many.

    Only pids above ``above_pid`` are read, unless pids have wrapped around since.
    """
    needle = f"{MARKER}={token}".encode()
    killed = 0
    try:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return 0
    if above_pid and _last_pid() >= above_pid:  # no wrap-around since: only newer pids
        pids = [p for p in pids if p > above_pid]
    me = os.getpid()
    for pid in pids:
        if pid == me:
            continue
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                env = fh.read()
        except OSError:
            continue
        if needle in env.split(b"\0"):
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except OSError:
                pass
    return killed


def wait_exit(pid: int, deadline: float, cancel: threading.Event | None) -> tuple[bool, bool]:
    """Block until the child exits (not reaped); returns (timed_out, cancelled)."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return True, False
            if cancel is not None and cancel.is_set():
                return False, True
            slice_ms = min(left * 1000, POLL_SLICE_MS if cancel is not None else left * 1000)
            if fd is not None:
                poller = select.poll()
                poller.register(fd, select.POLLIN)
                if poller.poll(max(1, int(slice_ms))):
                    return False, False
            else:  # no pidfd: peek without reaping
                info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
                if info is not None:
                    return False, False
                time.sleep(min(0.002, slice_ms / 1000))
    finally:
        if fd is not None:
            os.close(fd)


def run_direct(argv: list[str], env: dict[str, str], cwd: str, request: RunRequest) -> RunResult:
    """Fork from this process with the fallback's limits (no spawner: never a box, whose init
    only a subreaper can reap)."""
    limits = request.limits
    with (open(request.stdin_path, "rb") as fin, open(request.stdout_path, "wb") as fout,
          open(request.stderr_path, "wb") as ferr):
        start = time.monotonic()
        proc = subprocess.Popen(
            argv, stdin=fin, stdout=fout, stderr=ferr, cwd=cwd, env=env,
            start_new_session=True, close_fds=True, preexec_fn=lambda: preexec(limits),
        )
    pid = proc.pid
    timed_out, cancelled = wait_exit(pid, start + limits.wall_ms / 1000, request.cancel)
    kill_group(pid)  # the leader is a zombie (not reaped), so the group id is still ours
    _, status, usage = os.wait4(pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    code, sig = decode_status(status)
    return RunResult(
        pid=pid, exit_code=code, signal=sig,
        cpu_ms=int((usage.ru_utime + usage.ru_stime) * 1000), memory_kb=int(usage.ru_maxrss),
        wall_ms=int((time.monotonic() - start) * 1000), timed_out=timed_out, cancelled=cancelled,
    )


def spawner_limits(limits: Limits) -> dict[str, Any]:
    """The fallback's soft limits as the spawner process sets them."""
    return {
        "cpu_s": max(1, math.ceil(limits.cpu_ms / 1000)), "fsize": limits.output_bytes,
        "as": address_bytes(limits, headroom=False),
        "stack": None if limits.stack_kb is None else
        resource.RLIM_INFINITY if limits.stack_kb == STACK_UNLIMITED else limits.stack_kb * 1024,
    }


@dataclass(frozen=True)
class RlimitBackend:
    """The fallback: soft rlimits, a new session and a marker sweep, in the run's own directory.

    ``spawned`` starts the child from a spawner process, else it is forked from studylog."""

    spawned: bool = True
    name: str = "rlimit"

    def run(self, request: RunRequest) -> RunResult:
        """Run ``request`` with the fallback's limits, then kill whatever it left running."""
        home = request.run_dir / "box"
        home.mkdir()
        token = uuid.uuid4().hex
        env = child_env(str(home), os.environ.get("PATH", "/usr/bin:/bin"), request.env,
                        marker={MARKER: token})
        cwd = request.mounts.cwd or str(home)
        argv = list(request.argv)
        if self.spawned:
            got = spawners.run_spawned(argv, env, cwd, request,
                                       limits=spawner_limits(request.limits))
        else:
            got = run_direct(argv, env, cwd, request)
        kill_marked(token, above_pid=got.pid)
        return got
