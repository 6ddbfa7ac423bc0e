"""The judge's process spawner: a small, long-lived Python process that forks the solutions.

Why: a child's peak memory (``ru_maxrss``) includes the image it was forked from, so forking
straight from studylog (40 MB in the CLI, more in the TUI) would report that much for every
solution. This process stays small (``python -S``, only builtin modules), so a forked solution
starts from a few MB, like one run by hand.

Protocol (stdin/stdout, each message a 4-byte big-endian length + ``marshal`` dump of a dict):
request ``{"id", "argv", "env", "cwd", "stdin", "stdout", "stderr", "limits": {...}}``;
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


def _limits(lim):
    cpu = lim["cpu_s"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (lim["fsize"], lim["fsize"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if lim.get("as") is not None:
        resource.setrlimit(resource.RLIMIT_AS, (lim["as"], lim["as"]))
    if lim.get("stack") is not None:
        hard = resource.getrlimit(resource.RLIMIT_STACK)[1]
        want = lim["stack"] if hard == resource.RLIM_INFINITY else min(lim["stack"], hard)
        resource.setrlimit(resource.RLIMIT_STACK, (want, hard))


def _child(req):
    try:
        os.setsid()
        for sig in (signal.SIGXFSZ, signal.SIGPIPE, signal.SIGINT):
            signal.signal(sig, signal.SIG_DFL)
        fds = [
            os.open(req["stdin"], os.O_RDONLY),
            os.open(req["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
            os.open(req["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
        ]
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        os.closerange(3, 65536)
        os.chdir(req["cwd"])
        _limits(req["limits"])
        os.execvpe(req["argv"][0], req["argv"], req["env"])
    except BaseException as exc:  # noqa: BLE001 - report anything, then die
        try:
            os.write(2, f"studylog judge: cannot start {req['argv'][0]}: {exc}\n".encode())
        finally:
            os._exit(127)


def _send(msg):
    data = marshal.dumps(msg)
    os.write(1, struct.pack(">I", len(data)) + data)


def main():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    poller = select.poll()
    poller.register(0, select.POLLIN)
    running = {}  # pidfd -> (request id, pid)
    buf = b""
    while True:
        for fd, _ev in poller.poll():
            if fd == 0:
                chunk = os.read(0, 1 << 16)
                if not chunk:
                    for _rid, pid in running.values():
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
                    pid = os.fork()
                    if pid == 0:
                        _child(req)
                    pidfd = os.pidfd_open(pid)
                    running[pidfd] = (req["id"], pid)
                    poller.register(pidfd, select.POLLIN)
                    _send({"id": req["id"], "pid": pid})
            else:
                rid, pid = running.pop(fd)
                poller.unregister(fd)
                os.close(fd)
                try:
                    os.killpg(pid, signal.SIGKILL)  # the leader is a zombie: the group is ours
                except OSError:
                    pass
                _, status, ru = os.wait4(pid, 0)
                _send({"id": rid, "status": status, "utime": ru.ru_utime, "stime": ru.ru_stime,
                       "maxrss": ru.ru_maxrss})


if __name__ == "__main__":
    sys.exit(main())
