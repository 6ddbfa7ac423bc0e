"""Kept boxes: one bubblewrap box per judge worker for a whole judge run, not one per test.

Starting a box (namespaces, a dozen mounts, ``/proc``) is most of what the sandbox costs a test.
A kept box starts once and serves every test of one solution on one worker: its pid 1 is the
in-box waiter in server mode (``waiter.c``), which reads a request (the test's uid and its
stdin, stdout and stderr as passed fds) from a ``SOCK_SEQPACKET`` socket, runs the program
under the same limits, seccomp filter and fresh uid as a one-run box would, then kills every
other process in the box and empties ``/box`` before the next test. Each test still starts from
an empty box: no process, no file and no SysV shared memory of an earlier test is left.

A :class:`BoxPool` holds the boxes of one judge run (keyed by what a box is made for: the
program, its limits, mounts and environment) and stops them all when the run ends. When a kept
box cannot serve a run (it could not start, or it died), the run goes to a one-run box
(:class:`~studylog.judge.sandbox.box.BoxBackend`) and the kept box is dropped.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from studylog.judge.sandbox import box, waiter
from studylog.judge.sandbox.backend import POLL_SLICE_MS, RunRequest, RunResult, child_env, decode_status

GRACE_S = 2.0  # past the wall-clock limit the server stops the program itself; then we do
REAP_S = 5.0  # how long a killed box's pid 1 may take to die (it first kills all in the box)


class BoxDied(RuntimeError):
    """The kept box went away, or never answered."""


class KeptBox:
    """One running box that serves runs of one program, one at a time."""

    def __init__(self, request: RunRequest, exe: str) -> None:
        argv, limits = list(request.argv), request.limits
        hard = box.hard_limits(limits)
        one_map = None if limits.memory_kb is None else limits.memory_kb * 1024
        program = box.seccomp_filter(one_map) if limits.seccomp else None
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._sock = ours
        pass_fds = [theirs.fileno()]
        bpf_r = None
        if program is not None:
            bpf_r, bpf_w = os.pipe()
            os.write(bpf_w, program)  # a few hundred bytes: within a pipe's buffer
            os.close(bpf_w)
            pass_fds.append(bpf_r)
        ro = [*request.mounts.ro, *[d for d in box.file_dirs(argv) if d not in request.mounts.rw]]
        cmd = box.serve_command(argv, hard, ro=ro, env=child_env(box.BOX, box.PATH, request.env),
                                waiter_exe=exe, sock_fd=theirs.fileno(), bpf_fd=bpf_r)
        try:
            self.proc = subprocess.Popen(cmd, pass_fds=pass_fds, stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                         start_new_session=True)
        finally:
            theirs.close()
            if bpf_r is not None:
                os.close(bpf_r)
        self.wall_ms = limits.wall_ms

    def run(self, request: RunRequest) -> RunResult:
        """Run one test in this box; raises :class:`BoxDied` if the box cannot answer."""
        start = time.monotonic()
        fds = [os.open(request.stdin_path, os.O_RDONLY | os.O_CLOEXEC)]
        try:
            for path in (request.stdout_path, request.stderr_path):
                fds.append(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC,
                                   0o600))
            uid = box.box_uid()
            try:
                socket.send_fds(self._sock, [str(uid).encode()], fds)
            except OSError as exc:
                raise BoxDied(str(exc)) from None
        finally:
            for fd in fds:
                os.close(fd)
        reply, timed_out, cancelled = self._wait(request, start)
        wall_ms = int((time.monotonic() - start) * 1000)
        seen = waiter.parse_report(reply)
        if seen is None:
            raise BoxDied("the kept box sent no report")
        code, sig = decode_status(seen.status)
        return RunResult(
            pid=self.proc.pid, exit_code=code, signal=sig, cpu_ms=seen.cpu_ms,
            memory_kb=seen.memory_kb, wall_ms=wall_ms,
            timed_out=timed_out or seen.stop == waiter.STOP_WALL, cancelled=cancelled,
            cpu_limited=seen.stop == waiter.STOP_CPU, memory_limited=seen.stop == waiter.STOP_MEMORY,
        )

    def _wait(self, request: RunRequest, start: float) -> tuple[bytes, bool, bool]:
        """The server's report; on a cancel, or past the wall clock and its grace, the box is
        killed (the run's processes with it) and :class:`BoxDied` says so to the caller."""
        deadline = start + self.wall_ms / 1000 + GRACE_S
        poller = select.poll()
        poller.register(self._sock.fileno(), select.POLLIN)
        while True:
            left = deadline - time.monotonic()
            if poller.poll(max(0, int(min(left, POLL_SLICE_MS / 1000) * 1000))):
                reply = self._sock.recv(256)
                if not reply:
                    raise BoxDied("the kept box closed")
                return reply, False, False
            cancel = request.cancel
            if cancel is not None and cancel.is_set():
                self.close()
                raise Cancelled
            if time.monotonic() >= deadline:
                self.close()
                raise BoxDied("the kept box did not stop the program in time")

    @property
    def alive(self) -> bool:
        """Whether the box still runs."""
        return self.proc.poll() is None

    def close(self) -> None:
        """Stop the box: its pid 1 exits when the socket closes; if it is busy, it (and with it
        everything in the box) and bwrap are killed. Returns once the box's pid 1 is dead, not
        merely sent a kill: a dying process keeps its command line until it next runs."""
        self._sock.close()
        try:
            self.proc.wait(timeout=0.2)
            return
        except subprocess.TimeoutExpired:
            pass
        pidfds = []
        for pid in _children(self.proc.pid):  # the box's pid 1, as the host numbers it
            try:
                pidfd = os.pidfd_open(pid)
            except OSError:
                continue
            pidfds.append(pidfd)
            try:
                signal.pidfd_send_signal(pidfd, signal.SIGKILL)
            except OSError:
                pass
        self.proc.kill()
        self.proc.wait()
        try:
            for pidfd in pidfds:  # readable once the process has exited
                select.select([pidfd], [], [], REAP_S)
        finally:
            for pidfd in pidfds:
                os.close(pidfd)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(p) for p in fh.read().split()]
    except (OSError, ValueError):
        return []


class Cancelled(Exception):
    """The run was cancelled and its box stopped."""


class BoxPool:
    """The kept boxes of one judge run: at most one per worker thread at a time, all stopped by
    :meth:`close`. Use it as ``with BoxPool() as pool: run(..., pool=pool)``."""

    def __init__(self) -> None:
        self._idle: dict[tuple[object, ...], list[KeptBox]] = {}
        self._all: list[KeptBox] = []
        self._lock = threading.Lock()
        self._closed = False

    def __enter__(self) -> BoxPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def key(request: RunRequest) -> tuple[object, ...]:
        """What a box is made for: requests with the same key can share one."""
        return (request.argv, request.limits, request.mounts, tuple(sorted(request.env.items())))

    @contextmanager
    def lease(self, request: RunRequest, exe: str) -> Iterator[KeptBox]:
        """An idle box for ``request`` (or a new one), given back afterwards if it lives."""
        key = self.key(request)
        with self._lock:
            if self._closed:
                raise BoxDied("the judge run is over")
            idle = self._idle.get(key) or []
            kept = idle.pop() if idle else None
        if kept is None:
            kept = KeptBox(request, exe)
            with self._lock:
                self._all.append(kept)
        ok = False
        try:
            yield kept
            ok = True
        finally:
            with self._lock:
                keep = ok and kept.alive and not self._closed
                if keep:
                    self._idle.setdefault(key, []).append(kept)
            if not keep:
                kept.close()

    def run(self, request: RunRequest) -> RunResult | None:
        """Run ``request`` in a kept box; None when none can serve it (the caller then uses a
        one-run box). A cancelled run comes back cancelled."""
        exe = waiter.binary()
        if exe is None or request.mounts.rw or request.mounts.cwd not in (None, box.BOX):
            return None
        start = time.monotonic()
        try:
            with self.lease(request, exe) as kept:
                return kept.run(request)
        except Cancelled:
            return RunResult(pid=0, exit_code=None, signal=9, cpu_ms=0, memory_kb=0,
                             wall_ms=int((time.monotonic() - start) * 1000), timed_out=False,
                             cancelled=True)
        except (BoxDied, OSError):
            return None

    def close(self) -> None:
        """Stop every box of this run."""
        with self._lock:
            self._closed = True
            boxes, self._all = self._all, []
            self._idle.clear()
        for kept in boxes:
            try:
                kept.close()
            except OSError:
                pass
