"""The review queue: FSRS ratings from attempts, due days, rescheduling, notes, rotation."""

from __future__ import annotations

import json

from fsrs import Card, Rating
from hypothesis import given
from hypothesis import strategies as st

from studylog.store import reviews as store
from studylog.study import review, review_cards
from tests.study.conftest import attempt


def test_rating_mapping() -> None:
    rate = review.rate_day
    assert rate([("WA", 5), ("TLE", 900)], solved_before=False) == Rating.Again
    assert rate([("WA", 5)], solved_before=True) == Rating.Again
    assert rate([("WA", 5), ("AC", 5)], solved_before=False) == Rating.Hard
    assert rate([("AC", 5)], solved_before=False) == Rating.Good
    assert rate([("AC", 5)], solved_before=True) == Rating.Easy
    # a first-try AC that used most of the time limit is "slow": hard
    assert rate([("AC", 800)], solved_before=False, time_limit_ms=1000) == Rating.Hard
    assert rate([("AC", 800)], solved_before=True, time_limit_ms=1000) == Rating.Hard
    assert rate([("AC", 400)], solved_before=True, time_limit_ms=1000) == Rating.Easy
    # later attempts of the day do not undo the AC
    assert rate([("AC", 5), ("WA", 5)], solved_before=False) == Rating.Good


def test_history_rates_each_study_day(db) -> None:
    attempt(db, "2667", "2026-11-20", "WA")
    attempt(db, "2667", "2026-11-20", "AC")
    attempt(db, "2667", "2026-11-23", "AC")
    attempt(db, "1012", "2026-11-20", "AC")
    (h2667,) = [h for h in review.histories(db, {}) if h.key == "2667"]
    assert [(r.date, r.rating, r.verdict) for r in h2667.reviews] == [
        ("2026-11-20", Rating.Hard, "AC"), ("2026-11-23", Rating.Easy, "AC")]


def test_failed_problem_is_due_by_the_next_day(db) -> None:
    attempt(db, "2667", "2026-11-20", "WA")
    assert review.due_on(db, "2026-11-20", {}) == []  # not before it was tried
    (item,) = review.due_on(db, "2026-11-21", {})
    assert (item.kind, item.problem, item.title, item.last_verdict) == (
        "problem", "2667", "단지번호붙이기", "WA")
    assert item.due <= "2026-11-21" and not item.reviewed
    # still due later while not solved again
    assert [i.problem for i in review.due_on(db, "2026-11-25", {})] == ["2667"]


def test_solving_again_reschedules_whatever_the_verdict(db) -> None:
    attempt(db, "2667", "2026-11-20", "WA")
    attempt(db, "2667", "2026-11-21", "WA")  # failed again: still a review
    (item,) = review.due_on(db, "2026-11-21", {})
    assert item.reviewed  # it was due that day and tried
    assert review.due_on(db, "2026-11-22", {})[0].last_review == "2026-11-21"
    attempt(db, "2667", "2026-11-22", "AC")
    (h,) = review.histories(db, {})
    card = review.replay(h)
    assert card is not None and card.due.date().isoformat() > "2026-11-22"  # rescheduled
    assert review.due_on(db, "2026-11-22", {})[0].reviewed


def test_a_good_solve_waits_longer_than_a_hard_one(db) -> None:
    attempt(db, "1012", "2026-11-20", "AC")
    attempt(db, "2667", "2026-11-20", "WA")
    attempt(db, "2667", "2026-11-20", "AC")
    first_due = {h.key: review.replay(h).due.date().isoformat() for h in review.histories(db, {})}
    assert first_due["2667"] < first_due["1012"]


def test_sync_is_idempotent_and_rebuilds_from_attempts(db) -> None:
    attempt(db, "2667", "2026-11-20", "WA")
    attempt(db, "1012", "2026-11-20", "AC")
    assert review_cards.sync(db, {}) == 2
    assert review_cards.sync(db, {}) == 0
    before = store.stored_cards(db)
    db.execute("DELETE FROM review_cards")
    assert review_cards.sync(db, {}) == 2
    assert store.stored_cards(db) == before
    card = Card.from_json(before[("problem", "2667")].card_json)
    assert card.due.date().isoformat() == before[("problem", "2667")].due
    attempt(db, "2667", "2026-11-21", "AC")  # a new attempt by the judge: one card changes
    assert review_cards.sync(db, {}) == 1


def test_notes_tagged_for_review_are_cards(db) -> None:
    from studylog.journal.day import add_note

    note = add_note(db, "2026-11-20", "lecture", "## BatchNorm\n평균과 분산 #복습 #pytorch")
    add_note(db, "2026-11-20", "lecture", "no tag here")
    assert review.due_on(db, "2026-11-20", {}) == []
    due = review.due_on(db, "2026-11-25", {})
    assert [(i.kind, i.note_id, i.title, i.tags) for i in due] == [
        ("note", note, "BatchNorm", ("pytorch",))]
    assert "평균과 분산" in due[0].body
    review_cards.review_note(db, note, "2026-11-25")
    assert review.due_on(db, "2026-11-25", {})[0].reviewed
    assert review.due_on(db, "2026-11-26", {}) == []


def test_due_items_take_turns_across_topics(db) -> None:
    meta = {"2667": review.ProblemMeta(("graph",)), "1012": review.ProblemMeta(("graph",)),
            "1260": review.ProblemMeta(("graph",)), "7576": review.ProblemMeta(("dp",))}
    for pid in ("2667", "1012", "1260", "7576"):
        attempt(db, pid, "2026-11-20", "WA")
    order = [i.topic for i in review.due_on(db, "2026-11-21", meta)]
    assert order[:2] in (["graph", "dp"], ["dp", "graph"])
    assert sorted(order) == ["dp", "graph", "graph", "graph"]


def item(key: str, due: str, topic: str) -> review.DueItem:
    return review.DueItem("problem", key, key, key, due, due, "WA", (topic,) if topic else (),
                          False)


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", ""]),
                          st.dates().map(lambda d: d.isoformat())), max_size=30))
def test_rotation_keeps_every_item_and_alternates(pairs) -> None:
    items = [item(str(i), due, topic) for i, (topic, due) in enumerate(pairs)]
    out = review.rotate(items)
    assert sorted(i.key for i in out) == sorted(i.key for i in items)
    topics = {i.topic for i in items}
    # the first len(topics) items are one of each topic
    assert len({i.topic for i in out[:len(topics)]}) == len(topics)


def test_review_cli_json_and_text(cli, db) -> None:
    attempt(db, "2667", "2026-11-20", "WA")
    r = cli("review", "--on", "2026-11-21", "--json")
    assert r.exit_code == 0, r.output
    (obj,) = json.loads(r.output)
    assert {k: obj[k] for k in ("kind", "problem", "title", "last_verdict")} == {
        "kind": "problem", "problem": "2667", "title": "단지번호붙이기", "last_verdict": "WA"}
    assert obj["due"] <= "2026-11-21"
    r = cli("review", "--on", "2026-11-21")
    assert "2667 단지번호붙이기" in r.output and r.exit_code == 0
    assert "복습할 것 없음" in cli("review", "--on", "2026-11-19").output


def test_review_cli_bad_input(cli, db, home) -> None:
    for args in (["--on", "2026-02-30"], ["--on", "soon"], ["--done", "99"], ["--done", "9" * 30], ["--done", "-1"],
                 ["--done", "1", "--rating", "meh"]):
        r = cli("review", *args)
        assert r.exit_code == 2, (args, r.output)
        assert len(r.output.strip().splitlines()) == 1 and "Traceback" not in r.output


def _peer_session(db, date: str, problem: str, rows: list[tuple[str, str, bool]]) -> None:
    from studylog.store import peer

    peer.save_results(db, [peer.ResultRow(date, "team", problem, member, "python", verdict, 20,
                                          f"{member}/{problem}.py", mine=mine)
                           for member, verdict, mine in rows])


def test_a_peers_accepted_approach_brings_the_problem_back(db, cli) -> None:
    attempt(db, "2667", "2026-11-20", "WA")
    _peer_session(db, "2026-11-20", "2667", [("alice", "AC", False), ("me", "WA", True),
                                            ("bob", "WA", False)])
    (item,) = review.due_on(db, "2026-11-21", {})
    assert (item.problem, item.peers) == ("2667", ("alice",))
    assert item.as_json()["peers"] == ["alice"]
    out = cli("review", "--on", "2026-11-21").output
    assert "피어세션에서 alice 의 풀이가 맞았습니다" in out
    # solved the next day: the peers are no longer the reason it comes back
    attempt(db, "2667", "2026-11-21", "AC")
    later = [i for i in review.due_on(db, "2026-12-20", {}) if i.problem == "2667"]
    assert later and later[0].peers == ()


def test_a_problem_seen_only_in_a_peer_session_is_due_the_next_day(db) -> None:
    _peer_session(db, "2026-11-20", "1012", [("alice", "AC", False), ("me", "TLE", True)])
    assert review.due_on(db, "2026-11-20", {}) == []
    (item,) = review.due_on(db, "2026-11-21", {})
    assert (item.problem, item.peers, item.last_verdict) == ("1012", ("alice",), None)


def test_my_own_ac_in_the_peer_session_is_not_a_peers_win(db) -> None:
    _peer_session(db, "2026-11-20", "1012", [("me", "AC", True), ("bob", "WA", False)])
    assert review.due_on(db, "2026-11-21", {}) == []
