"""The terminal closed (SIGHUP): save what was typed, then leave, within a second, every time.

Nothing here calls into Textual from the signal. Textual's own shutdown writes to the terminal
through its writer thread; once the terminal is gone that thread dies on the first failed write,
its bounded queue fills, and the main thread blocks for ever in ``WriterThread.write/stop →
Queue.put`` (the hang the old handler, which ran ``action_quit``, walked into).

Instead the signal handler (a plain Python handler: it runs in the main thread between two
bytecodes, also while the main thread waits on that queue) only starts a thread, which

1. asks the event loop for every editor's unsaved text (``call_soon_threadsafe``); when the loop
   does not answer within :data:`COLLECT_S` (it is stuck), reads the editors itself;
2. writes that text through a connection of its own (the same merge-on-save as the autosave);
3. ends the process with ``os._exit`` — a watchdog ends it at :data:`DEADLINE_S` whatever
   happens in between.

The training child notices the app is gone (its stdin closes) and stores its run as
interrupted.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import signal
import threading
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import asyncio

    from studylog.tui.dbgate import DbGate

EXIT_CODE = 128 + signal.SIGHUP  # what a shell reports for a process ended by SIGHUP
COLLECT_S = 0.25  # how long the event loop may take to hand over the unsaved text
LOCK_S = 0.3  # how long to wait for a save already in progress
DEADLINE_S = 0.9  # the process is gone by then, saved or not
RESET_TERMINAL = "\x1b[?1000l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[?25h\x1b[?1049l"


class HangupApp(Protocol):
    """What the hang-up needs of the app (``StudylogApp`` fits; a protocol, so this module
    does not import the app that installs it)."""

    gate: DbGate

    def pending_saves(self, show: bool = True) -> list[tuple[Any, list[Any]]]:
        """(screen, its unsaved text as pending saves) for every screen with an editor."""
        ...


class Hangup:
    """Installs the SIGHUP handler of a running app and carries out the save-then-exit."""

    def __init__(self, app: HangupApp, loop: asyncio.AbstractEventLoop) -> None:
        self.app = app
        self.loop = loop
        self._started = threading.Event()

    def install(self) -> None:
        """Take over SIGHUP (call from the main thread)."""
        signal.signal(signal.SIGHUP, self._on_signal)

    def _on_signal(self, _signum: int, _frame: Any) -> None:
        """The signal handler: start the saving thread, nothing else."""
        if self._started.is_set():
            return
        self._started.set()
        threading.Thread(target=self.save_and_exit, name="studylog-hangup", daemon=True).start()

    def save_and_exit(self) -> None:
        """Save every screen's unsaved text, then end the process (runs in its own thread)."""
        watchdog = threading.Timer(DEADLINE_S, os._exit, (EXIT_CODE,))
        watchdog.daemon = True
        watchdog.start()
        try:
            self.write(self.collect())
        except BaseException:  # noqa: BLE001 - nothing may keep the process alive
            pass
        finally:
            reset_terminal()
            os._exit(EXIT_CODE)

    def collect(self) -> list[tuple[Any, list[Any]]]:
        """(screen, its pending saves) for every screen with unsaved text."""
        answer: concurrent.futures.Future[list[tuple[Any, list[Any]]]] = (
            concurrent.futures.Future())

        def on_loop() -> None:
            try:
                answer.set_result(self.app.pending_saves(show=False))
            except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
                answer.set_exception(error)

        try:
            self.loop.call_soon_threadsafe(on_loop)
            return answer.result(COLLECT_S)
        except Exception:  # the loop is stuck or closed: read the editors from here
            return self.app.pending_saves(show=False)

    def write(self, pending: list[tuple[Any, list[Any]]]) -> None:
        """Write the saves through a private connection, each under its screen's save lock."""
        if not any(saves for _, saves in pending):
            return
        db = self.app.gate.open_private()
        try:
            for screen, saves in pending:
                lock = screen.saver.lock
                got = lock.acquire(timeout=LOCK_S)
                try:
                    for save in saves:
                        screen.write_save(save, db)
                finally:
                    if got:
                        lock.release()
        finally:
            db.conn.close()


def reset_terminal() -> None:
    """Leave the alternate screen and mouse mode when the terminal is still there (a plain
    ``kill -HUP``); never blocks on a terminal that is gone."""
    with contextlib.suppress(OSError, ValueError):
        fd = os.open("/dev/tty", os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
        try:
            os.write(fd, RESET_TERMINAL.encode())
        finally:
            os.close(fd)
