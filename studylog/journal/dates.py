"""Dates as users type them: ``YYYY-MM-DD``, ``today``, ``yesterday``, ``tomorrow``."""

from __future__ import annotations

import datetime as dt

from studylog.errors import UserError
from studylog.words import Lang, pick, say

_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "오늘": 0, "어제": -1, "내일": 1}


def today() -> str:
    """Today's study date as YYYY-MM-DD (local time; the ``day.starts`` setting moves the day's
    start, so 1 a.m. can still count for the evening before)."""
    from studylog.config import study_today

    return study_today()


def parse_date(text: str, *, base: dt.date | None = None) -> str:
    """Turn what a user typed into ``YYYY-MM-DD``; raise :class:`UserError` when it is no date."""
    value = text.strip().lower()
    if value in _WORDS:
        return ((base or dt.date.fromisoformat(today())) + dt.timedelta(days=_WORDS[value])).isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(say(
            f"날짜가 아닙니다: {text!r} (YYYY-MM-DD, today, yesterday 중 하나를 쓰세요)",
            f"not a date: {text!r} (use YYYY-MM-DD, today or yesterday)"
        )) from None


def weekday_name(date: str, lang: Lang = "ko") -> str:
    """Short weekday name of a date (월, 화, ... or Mon, Tue, ...)."""
    day = dt.date.fromisoformat(date)
    return pick(lang, "월화수목금토일"[day.weekday()], day.strftime("%a"))


def parse_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Parse ``--since``/``--until``; UserError when the range is empty (since after until)."""
    start = parse_date(since) if since else None
    end = parse_date(until) if until else None
    if start and end and start > end:
        raise UserError(say(f"--since {start}이(가) --until {end}보다 뒤입니다: 그 사이에 날이 없습니다",
                            f"--since {start} is after --until {end}: no day lies between them"))
    return start, end
