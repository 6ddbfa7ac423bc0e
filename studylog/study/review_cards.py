"""The stored review cards and the reviews of notes.

``review_cards`` holds each card's current FSRS state, rebuilt from the attempts and the note
reviews whenever they change (:func:`sync`), so its rows can always be deleted and built again.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils
from fsrs import Rating

from studylog.errors import UserError
from studylog.store import reviews as store
from studylog.store import transaction
from studylog.study.review import ProblemMeta, current_card, histories, signature
from studylog.words import say


def sync(db: sqlite_utils.Database, meta: Mapping[str, ProblemMeta] | None = None) -> int:
    """Bring ``review_cards`` in line with the attempts and note reviews; returns cards written.

    Idempotent: a card is written only when its history changed (an attempt the judge recorded,
    a note tagged or reviewed); cards whose source is gone are dropped.
    """
    all_histories = histories(db, meta)
    stored = store.stored_cards(db)
    changed = []
    for h in all_histories:
        sig = signature(h)
        old = stored.pop((h.kind, h.key), None)
        if old is not None and old.sig == sig:
            continue
        card = current_card(h)
        last = h.reviews[-1]
        changed.append(store.StoredCard(h.kind, h.key, card.to_json(), card.due.date().isoformat(),
                                        last.date, last.verdict, len(h.reviews), sig))
    if changed or stored:  # take the write lock only when there is something to write
        with transaction(db):
            store.save_cards(db, changed, list(stored))
    return len(changed)


def review_note(db: sqlite_utils.Database, entry_id: int, date: str,
                rating: Rating = Rating.Good) -> None:
    """Record that the note ``entry_id`` was reviewed on ``date`` (it must be tagged for review)."""
    if not 0 < entry_id < 2**63 or not store.entry_exists(db, entry_id):
        raise UserError(say(f"노트 #{entry_id}이(가) 없습니다", f"no note #{entry_id}"))
    if all(n.entry_id != entry_id for n in store.review_notes(db)):
        raise UserError(say(f"노트 #{entry_id}에 #복습 이나 #review 태그가 없습니다",
                            f"note #{entry_id} is not tagged #복습 or #review"))
    with transaction(db):
        store.add_note_review(db, entry_id, date, int(rating))


def unreview_note(db: sqlite_utils.Database, entry_id: int, date: str) -> None:
    """Take back the review of the note ``entry_id`` on ``date`` (nothing when there was none)."""
    with transaction(db):
        store.delete_note_reviews(db, entry_id, date)
