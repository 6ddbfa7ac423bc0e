"""Read-only activity summaries across the record (entries, to-dos, attempts, runs) for stats."""

from __future__ import annotations

import sqlite_utils


def active_dates(db: sqlite_utils.Database) -> dict[str, int]:
    """Activity per date: entries + to-dos + attempts + runs written that day."""
    sql = """
        SELECT date, sum(n) FROM (
            SELECT date, count(*) AS n FROM entries GROUP BY date
            UNION ALL SELECT date, count(*) FROM todos GROUP BY date
            UNION ALL SELECT date, count(*) FROM attempts GROUP BY date
            UNION ALL SELECT date, count(*) FROM runs GROUP BY date
        ) GROUP BY date
    """
    return {d: n for d, n in db.execute(sql).fetchall()}


def section_counts(db: sqlite_utils.Database) -> list[tuple[str, str, int]]:
    """(date, section, entry count) for every day and section that has entries."""
    return db.execute(
        "SELECT date, section, count(*) FROM entries GROUP BY date, section ORDER BY date"
    ).fetchall()
