"""Where studylog's files live: the settings file, the database, the data folder (platformdirs;
``STUDYLOG_CONFIG`` and ``STUDYLOG_DB`` override the first two). A leaf module: the settings
(:mod:`studylog.config`) and the one read of the language (:mod:`studylog.words`) both start here.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP = "studylog"


def data_dir() -> Path:
    """The folder holding the problem bank and the offline datasets.

    A source checkout uses its top-level ``data/``; an installed wheel carries it as
    ``studylog/_data``.
    """
    here = Path(__file__).resolve().parent
    bundled = here / "_data"
    if bundled.is_dir():
        return bundled
    return here.parent / "data"


def default_db_path() -> Path:
    """Where the database lives when neither --db nor STUDYLOG_DB is given."""
    env = os.environ.get("STUDYLOG_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP, appauthor=False)) / "studylog.db"


def config_path() -> Path:
    """The settings file (``STUDYLOG_CONFIG`` overrides it)."""
    env = os.environ.get("STUDYLOG_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(user_config_dir(APP, appauthor=False)) / "config.toml"
