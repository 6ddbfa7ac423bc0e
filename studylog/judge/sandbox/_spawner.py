"""The judge's process spawner: a small, long-lived Python process that forks the solutions.

Why: a child's peak memory (``ru_maxrss``) includes the image it was forked from, so forking
straight from studylog (40 MB in the CLI, more in the TUI) would report that much for every
solution. This process stays small (``python -S``, only builtin modules), so a solution starts
from a few MB, like one run by hand. It starts them with ``posix_spawn`` (vfork+exec, well under
a millisecond; a fork followed by Python code in the child costs several). Limits are applied as
soft limits, set on this single-threaded process around the spawn and inherited by the child;
the hard limits stay as they were, so the judge also enforces the CPU time and a wall-clock
limit itself.

In a bubblewrap box (``judge/sandbox/box.py``) the limits are set inside the box and ``limits`` is None.
This process is a child subreaper: when the box's first process is killed, the box's init is
handed to it and reaped here, so the end-of-run reply comes only after the whole box is gone
(``reap_all``).

Protocol (stdin/stdout, each message a 4-byte big-endian length + ``marshal`` dump of a dict):
request ``{"id", "argv", "env", "cwd", "stdin", "stdout", "stderr", "limits": {...} | None,
"fds": [[fd, path, writable], ...], "reap_all": bool}``;
replies ``{"id", "pid"}`` when started and ``{"id", "status", "utime", "stime", "maxrss"}`` when
it ended. When a child exits its whole process group is killed before it is reaped. Runs with
``python -S -E`` by path; imports nothing from studylog.
"""

import marshal
import os
import resource
import select
import signal
import struct
import sys

CHILD_DEFAULT_SIGNALS = {signal.SIGXCPU, signal.SIGXFSZ, signal.SIGPIPE, signal.SIGINT}


def _soft_limits(lim):
    """Lower this process's soft limits to the child's (hard limits stay, so they can be raised
    back); returns what to restore. Safe: this process is single-threaded."""
    wanted = [
        (resource.RLIMIT_CPU, lim["cpu_s"]),
        (resource.RLIMIT_FSIZE, lim["fsize"]),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_AS, lim.get("as")),
        (resource.RLIMIT_STACK, lim.get("stack")),
    ]
    saved = []
    for res, value in wanted:
        if value is None:
            continue
        soft, hard = resource.getrlimit(res)
        saved.append((res, (soft, hard)))
        if hard != resource.RLIM_INFINITY:
            value = hard if value == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(res, (value, hard))
    return saved


def _spawn(req):
    """posix_spawn the solution: new session, stdin/stdout/stderr from files, default signal
    actions, the box as cwd and the limits as soft limits. Returns the pid or raises OSError."""
    flags_out = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, req["stdin"], os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, req["stdout"], flags_out, 0o600),
        (os.POSIX_SPAWN_OPEN, 2, req["stderr"], flags_out, 0o600),
    ]
    for fd, path, write in req.get("fds") or []:
        how = flags_out if write else os.O_RDONLY
        actions.append((os.POSIX_SPAWN_OPEN, fd, path, how, 0o600))
    os.chdir(req["cwd"])
    saved = []
    try:
        if req.get("limits") is not None:
            saved = _soft_limits(req["limits"])
        return os.posix_spawnp(req["argv"][0], req["argv"], req["env"], file_actions=actions,
                               setsid=True, setsigdef=CHILD_DEFAULT_SIGNALS)
    finally:
        for res, value in reversed(saved):
            resource.setrlimit(res, value)
        os.chdir("/")


def _send(msg):
    data = marshal.dumps(msg)
    os.write(1, struct.pack(">I", len(data)) + data)


def _subreaper():
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _reap_others(block):
    """Reap children handed to this subreaper; with ``block``, wait until there are none left.

    bwrap exits as soon as its init reports the program's exit status, without reaping that
    init, so the init (which reaped the program) comes here: its CPU time and peak memory are
    the program's. Returns (utime, stime, maxrss) summed/maxed over what was reaped."""
    utime = stime = 0.0
    maxrss = 0
    while True:
        try:
            pid, _status, ru = os.wait4(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
        utime += ru.ru_utime
        stime += ru.ru_stime
        maxrss = max(maxrss, ru.ru_maxrss)
    return utime, stime, maxrss


def main():
    """Serve spawn requests from studylog until its pipe closes (a child subreaper)."""
    _subreaper()
    # Ignored here (children get the defaults back): Ctrl-C goes to studylog, and the soft CPU
    # limit set briefly around each spawn must not stop this process.
    for sig in (signal.SIGINT, signal.SIGXCPU, signal.SIGXFSZ):
        signal.signal(sig, signal.SIG_IGN)
    poller = select.poll()
    poller.register(0, select.POLLIN)
    running: dict[int, tuple[int, int, bool]] = {}  # pidfd -> (request id, pid, reap_all)
    buf = b""
    while True:
        for fd, _ev in poller.poll():
            if fd == 0:
                chunk = os.read(0, 1 << 16)
                if not chunk:
                    for _rid, pid, _all in running.values():
                        try:
                            os.killpg(pid, signal.SIGKILL)
                        except OSError:
                            pass
                    return
                buf += chunk
                while len(buf) >= 4:
                    (size,) = struct.unpack(">I", buf[:4])
                    if len(buf) < 4 + size:
                        break
                    req = marshal.loads(buf[4:4 + size])
                    buf = buf[4 + size:]
                    try:
                        pid = _spawn(req)
                    except (OSError, ValueError) as exc:  # no such program, a NUL in argv
                        with open(req["stderr"], "ab") as fh:
                            fh.write(f"cannot start {req['argv'][0]}: {exc}\n".encode())
                        _send({"id": req["id"], "pid": 0})
                        _send({"id": req["id"], "status": 127 << 8, "utime": 0.0,
                               "stime": 0.0, "maxrss": 0})
                        continue
                    pidfd = os.pidfd_open(pid)
                    running[pidfd] = (req["id"], pid, bool(req.get("reap_all")))
                    poller.register(pidfd, select.POLLIN)
                    _send({"id": req["id"], "pid": pid})
            else:
                rid, pid, reap_all = running.pop(fd)
                poller.unregister(fd)
                os.close(fd)
                try:
                    os.killpg(pid, signal.SIGKILL)  # the leader is a zombie: the group is ours
                except OSError:
                    pass
                _, status, ru = os.wait4(pid, 0)
                utime, stime, maxrss = ru.ru_utime, ru.ru_stime, ru.ru_maxrss
                if not running:  # never reap a child whose report is still due
                    more = _reap_others(block=reap_all)
                    if reap_all:  # a box: its init's usage is the program's
                        utime, stime, maxrss = utime + more[0], stime + more[1], more[2] or maxrss
                _send({"id": rid, "status": status, "utime": utime, "stime": stime,
                       "maxrss": maxrss})


if __name__ == "__main__":
    sys.exit(main())
