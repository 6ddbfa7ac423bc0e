"""The one SQLite file: opening it, migrations, and the queries the services use.

Nothing outside this package writes SQL. The services (journal, judge, train) call the functions in
``studylog.store.*`` modules and get plain dicts/dataclasses back.
"""

from studylog.store.db import open_db, transaction

__all__ = ["open_db", "transaction"]
