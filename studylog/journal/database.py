"""The one database file, opened for the CLI and the app (which never import ``studylog.store``)."""

from collections.abc import Callable

from studylog.store import tx
from studylog.store.db import open_db

__all__ = ["open_db", "set_wait_notice"]


def set_wait_notice(notice: Callable[[], None] | None) -> None:
    """Call ``notice`` once when a write has to wait for another program's lock on the database."""
    tx.on_wait = notice
