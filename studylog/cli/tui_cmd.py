"""`studylog` with no command: open the TUI on today's record."""

from __future__ import annotations

from studylog.cli import context


def open_tui() -> None:
    """Check the database opens (one clear line if not), then run the app until it quits."""
    from studylog.journal.database import open_db

    path = context.db_path()
    db = open_db(path)  # raises UserError("cannot open database ...") before the app starts
    db.conn.close()

    from studylog.tui.app import create_app

    create_app(path).run()
