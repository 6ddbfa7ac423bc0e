"""How a command's run ends: signals, Ctrl-C and the exit code (rendering is in
:mod:`studylog.cli.render`).

`solve` lets SIGTERM unwind like Ctrl-C so its boxes and temporary folders go; a training run
(`train`, `runs resume`) stops cleanly on Ctrl-C, SIGTERM or SIGHUP and is kept as
``interrupted``. Anything but a completed run raises CheckFailed (exit 1).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import Any

from studylog.cli import context
from studylog.errors import CheckFailed, UserError
from studylog.words import say


def _interrupted(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def sigterm_unwinds() -> None:
    """Make SIGTERM unwind like Ctrl-C (a KeyboardInterrupt), so ``finally`` blocks run."""
    import signal

    signal.signal(signal.SIGTERM, _interrupted)


def need_torch() -> None:
    """UserError when torch is not installed."""
    import importlib.util

    if importlib.util.find_spec("torch") is None:
        raise UserError(say("studylog train에는 torch가 필요합니다: pip install 'studylog[train]'",
                            "studylog train needs torch: pip install 'studylog[train]'"))


def run_to_end(start: Callable[[threading.Event], Generator[Any, None, None]], scheduler: str, patience: int,
               *, json_out: bool, plot: bool, lang: str = "en") -> None:
    """Start a run (new or resumed) with ``start(cancel)``, render it with Ctrl-C, SIGTERM and
    SIGHUP stopping it cleanly (kept as ``interrupted``); CheckFailed unless it completed."""
    from studylog.cli.render import train as render
    from studylog.train.freeze import NothingTrainable
    from studylog.train.process import CancelOnSignals
    from studylog.train.words import stopped_line

    cancel = threading.Event()
    with CancelOnSignals(cancel):
        events = start(cancel)
        try:
            seen = render.render_run(events, scheduler=scheduler, patience=patience,
                                     json_out=json_out, lang=lang)
        except NothingTrainable as exc:  # --freeze all: the table shows why
            if not json_out:
                render.block_table(render.console(), exc.blocks, lang)
            raise
        except KeyboardInterrupt:  # a second Ctrl-C
            events.close()  # the service stores the run as interrupted
            raise CheckFailed(stopped_line(None, lang)) from None
    if seen.started is None:
        raise CheckFailed(stopped_line(None, lang, before_start=True))
    if seen.finish is None:
        raise CheckFailed(stopped_line(seen.started.run_id, lang, epochs=len(seen.epochs)))
    if json_out:
        context.print_json(render.run_json(seen))
    else:
        render.print_end(seen, plot, lang)
    if seen.finish.status != "completed":
        raise CheckFailed(stopped_line(seen.started.run_id, lang, status=seen.finish.status,
                                       message=seen.finish.message))
