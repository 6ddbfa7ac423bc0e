"""A save against a stale version merges: nothing either side wrote is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studylog.config import Settings
from studylog.journal.day import load_day, set_section_text
from studylog.journal.merge import MARKER, merge3
from studylog.store import open_db

LINES = st.lists(st.sampled_from(["a", "b", "c", "단지", "번호", "x y", ""]), max_size=6)


@given(LINES, LINES, LINES)
def test_every_added_line_survives(base, theirs, ours):
    b, t, o = "\n".join(base), "\n".join(theirs), "\n".join(ours)
    merged = merge3(b, t, o).text.split("\n")
    for side in (theirs, ours):
        for line in side:
            if line and line not in base:
                assert line in merged


def test_merge_cases():
    assert merge3("", "CLI", "app").text == "CLI\napp"
    assert merge3("a\nb", "a\nb\nCLI", "a\nb\napp").text == "a\nb\nCLI\napp"
    assert merge3("a\nb\nc", "A\nb\nc", "a\nb\nC").text == "A\nb\nC"
    clash = merge3("a\nb\nc", "a\nX\nc", "a\nY\nc")
    assert clash.conflicted and clash.text == f"a\nX\n{MARKER}\nY\nc"
    assert merge3("a", "a", "a\nb").text == "a\nb"
    assert merge3("a", "a\nb", "a").text == "a\nb"


def test_stale_save_merges_fresh_save_replaces(tmp_path):
    db = open_db(tmp_path / "m.db")
    first = set_section_text(db, "2026-11-01", "peer", "시작")
    assert (first.version, first.merged) == (first.version, False) and first.version > 0
    other = set_section_text(db, "2026-11-01", "peer", "시작\n다른 창")
    stale = set_section_text(db, "2026-11-01", "peer", "시작\n이 창", base_version=first.version,
                             base_text="시작")
    assert stale.merged and stale.text == "시작\n다른 창\n이 창"
    assert stale.version > other.version
    fresh = set_section_text(db, "2026-11-01", "peer", "새 글", base_version=stale.version,
                             base_text=stale.text)
    assert not fresh.merged and fresh.text == "새 글"
    day = load_day(db, "2026-11-01", Settings(values={}, path=tmp_path / "c.toml"))
    assert day.sections["peer"] == "새 글" and day.versions["peer"] == fresh.version
