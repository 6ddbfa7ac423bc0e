"""Versioned, append-only schema migrations.

Each migration is a function registered in order; the names of applied ones are kept in the
``_migrations`` table. Never edit or reorder a released migration: add a new one at the end of
:mod:`studylog.store.schema_features`. Importing this module registers every migration, the first
schema's before the features'.
"""

from __future__ import annotations

from studylog.store import schema_base, schema_features
from studylog.store.migrator import MIGRATIONS, Migration, applied, migrate, migration

# isort: split
from studylog.store import peer as peer_schema  # last: the peer migration comes after the rest

__all__ = ["MIGRATIONS", "Migration", "applied", "migrate", "migration", "schema_base",
           "peer_schema", "schema_features"]
