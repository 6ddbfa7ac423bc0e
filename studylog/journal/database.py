"""The one database file, opened for the CLI and the app (which never import ``studylog.store``)."""

from studylog.store.db import open_db

__all__ = ["open_db"]
