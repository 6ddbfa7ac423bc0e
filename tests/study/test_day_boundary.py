"""The day boundary: with ``day.starts`` 04:00, study at 1 a.m. counts for the day before."""

from __future__ import annotations

import datetime as dt

import pytest

from studylog.config import Settings, study_today
from studylog.errors import UserError
from studylog.journal import dates


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 21, hour, minute)


def test_study_day_moves_with_the_setting(home) -> None:
    s = Settings.load()
    assert study_today(s, at(1)) == "2026-11-21"  # default: midnight
    s.set("day.starts", "04:00")
    assert study_today(s, at(0, 0)) == "2026-11-20"
    assert study_today(s, at(1, 30)) == "2026-11-20"
    assert study_today(s, at(3, 59)) == "2026-11-20"
    assert study_today(s, at(4, 0)) == "2026-11-21"
    assert study_today(s, at(23, 59)) == "2026-11-21"
    s.set("day.starts", "4:30")  # stored normalised
    assert Settings.load().get("day.starts") == "04:30"


def test_every_study_day_uses_the_same_function(home) -> None:
    """journal's today(), 'today'/'yesterday' words, judge and training records share it."""
    import inspect

    from studylog.judge import records as history
    from studylog.train import runs

    assert dates.today() == study_today()
    yesterday = dt.date.fromisoformat(study_today()) - dt.timedelta(days=1)
    assert dates.parse_date("yesterday") == yesterday.isoformat()
    for module in (history, runs):
        source = inspect.getsource(module)
        assert "study_today()" in source and "date.today()" not in source


@pytest.mark.parametrize("value", ["12:00", "24:00", "4", "04:60", "-1:00", "ab:cd", "04:5",
                                   "", "04:00:00", "１:00"])
def test_bad_day_start_is_refused(cli, value) -> None:
    r = cli("config", "day.starts", value)
    assert r.exit_code == 2, (value, r.output)
    assert len(r.output.strip().splitlines()) == 1
    assert cli("config", "day.starts").output.strip() == "00:00"  # unchanged


def test_bad_value_in_the_file_is_one_line(home) -> None:
    (home / "config.toml").write_text('[day]\nstarts = "25:00"\n', encoding="utf-8")
    with pytest.raises(UserError, match="day.starts"):
        study_today()


def test_streak_and_reviews_follow_the_study_day(cli, db) -> None:
    """A note written 'today' lands on the study day, which reviews and streaks count from."""
    from tests.study.conftest import attempt

    assert cli("config", "day.starts", "11:59").exit_code == 0
    today = study_today()
    attempt(db, "2667", today, "WA")
    tomorrow = (dt.date.fromisoformat(today) + dt.timedelta(days=1)).isoformat()
    r = cli("review", "--on", "tomorrow", "--json")
    assert r.exit_code == 0 and '"2667"' in r.output
    assert cli("note", "lecture", "메모").exit_code == 0
    assert cli("show", today).output.count("메모") == 1
    from studylog.journal.words import streak_line

    assert streak_line(1, 1, "ko") in cli("stats").output  # the default language: Korean
    assert tomorrow > today
