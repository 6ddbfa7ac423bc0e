"""Pieces of the rlimit fallback sandbox and of starting a run without a spawner process.

The fallback (where no bubblewrap box can start): soft limits set in the child before exec
(:func:`preexec`), a new session whose process group is killed when the run ends
(:func:`kill_group`), and a sweep for processes that carry the run's marker in their environment
(:func:`kill_marked`: one that called ``setsid`` to leave the group). Without a spawner
(``STUDYLOG_JUDGE_DIRECT=1``, or no ``pidfd_open``), runs are forked from studylog itself
(:func:`run_direct`), always with the fallback's limits.
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studylog.judge.limits import Limits

MARKER = "STUDYLOG_JUDGE_RUN"
POLL_SLICE_MS = 100


def preexec(limits: Limits) -> None:
    """Set the fallback's soft rlimits in a child just before it execs the solution."""
    cpu_s = max(1, math.ceil(limits.cpu_ms / 1000))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.output_bytes, limits.output_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if limits.memory_kb is not None:
        as_bytes = limits.memory_kb * 1024
        resource.setrlimit(resource.RLIMIT_AS, (as_bytes, as_bytes))
    if limits.stack_kb is not None:
        hard = resource.getrlimit(resource.RLIMIT_STACK)[1]
        want = limits.stack_kb * 1024
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
    # Python ignores SIGXFSZ and SIGPIPE in itself; a C program should die of them by default.
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def kill_group(pgid: int) -> None:
    """SIGKILL a run's process group (never our own group or every process)."""
    if pgid <= 1:  # never our own group (0) or everything (-1 / 1)
        return
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


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


def run_direct(argv, limits, cwd, paths, env, cancel, boxed, fds):
    """Fork from this process with the fallback's limits (no spawner: never a box, whose init
    only a subreaper can reap; ``boxed`` and ``fds`` are unused here)."""
    assert not boxed and not fds
    in_path, out_path, err_path = paths
    with open(in_path, "rb") as fin, open(out_path, "wb") as fout, open(err_path, "wb") as ferr:
        start = time.monotonic()
        proc = subprocess.Popen(
            argv, stdin=fin, stdout=fout, stderr=ferr, cwd=cwd, env=env,
            start_new_session=True, close_fds=True, preexec_fn=lambda: preexec(limits),
        )
    pid = proc.pid
    timed_out, cancelled = wait_exit(pid, start + limits.wall_ms / 1000, cancel)
    kill_group(pid)  # the leader is a zombie (not reaped), so the group id is still ours
    _, status, usage = os.wait4(pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu_ms = int((usage.ru_utime + usage.ru_stime) * 1000)
    return pid, status, cpu_ms, int(usage.ru_maxrss), start, timed_out, cancelled


