"""Settings file and paths.

The database lives in the platform's user data directory (platformdirs) unless `--db PATH` or the
environment variable ``STUDYLOG_DB`` says otherwise. Settings are a small TOML file in the user
config directory (``STUDYLOG_CONFIG`` overrides its path). Keys are dotted names such as
``course.start``; values are strings.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from studylog.errors import UserError
from studylog.paths import config_path
from studylog.words import say

#: Known settings: key -> (default, help). Unknown keys are refused so typos don't go unnoticed.
SETTINGS: dict[str, tuple[str, str]] = {
    "course.start": ("", "first day of the course (YYYY-MM-DD); week/day labels count from it"),
    "course.name": ("[네이버 부스트 캠프] AI-Tech", "the course name at the start of a post's title"),
    "course.days_per_week": ("5", "study days per week (labels skip weekends when 5)"),
    "language": ("ko", "language of the output and the blog headings: ko or en"),
    "day.starts": ("00:00", "when a study day begins (HH:MM, 00:00-11:59): study at 1 a.m. counts "
                   "for the day before when it is 04:00"),
    "review.per_day": ("5", "review items (problems to re-solve, notes) among a day's to-dos"),
    "peer.team": ("", "the team's git folder: `studylog peer` without TEAM_DIR and the app's "
                  "Peer tab use it"),
}
#: What each setting is, in Korean (:data:`SETTINGS` holds the English).
SETTINGS_KO: dict[str, str] = {
    "course.start": "과정 첫날 (YYYY-MM-DD): 주차/일차 라벨이 이 날부터 셉니다",
    "course.name": "글 제목 앞에 붙는 과정 이름",
    "course.days_per_week": "한 주의 학습일 수 (5면 라벨이 주말을 건너뜁니다)",
    "language": "출력과 블로그 제목의 언어: ko 또는 en",
    "day.starts": "학습일이 시작하는 시각 (HH:MM, 00:00-11:59): 04:00이면 새벽 1시의 공부는 전날 것",
    "review.per_day": "하루 할 일에 들어가는 복습 항목 수 (다시 풀 문제, 노트)",
    "peer.team": "팀의 git 폴더: TEAM_DIR 없는 `studylog peer`와 앱의 피어 탭이 씁니다",
}


def _flatten(prefix: str, table: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(name + ".", value))
        else:
            out[name] = str(value)
    return out


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


@dataclass
class Settings:
    """The user's settings, with defaults for anything unset."""

    values: dict[str, str]
    path: Path

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings file; a missing file means all defaults. A folder, a file that
        cannot be read, is not UTF-8 or not TOML is one UserError (fix STUDYLOG_CONFIG)."""
        path = path or config_path()
        values: dict[str, str] = {}
        if path.exists():
            if not path.is_file():
                raise UserError(say(f"설정 파일 {path}이(가) 파일이 아닙니다 (폴더인가요?); "
                                    "STUDYLOG_CONFIG에 파일 경로를 주세요",
                                    f"settings file {path} is not a file (a folder?); "
                                    "point STUDYLOG_CONFIG at a file"))
            try:
                data = path.read_bytes()[:1_000_001]
                if len(data) > 1_000_000:
                    raise UserError(say(f"설정 파일 {path}이(가) 1 MB를 넘습니다; 설정 파일이 "
                                        "아닙니다",
                                        f"settings file {path} is over 1 MB; it is no settings "
                                        "file"))
                values = _flatten("", tomllib.loads(data.decode("utf-8")))
            except UnicodeDecodeError:
                raise UserError(say(f"설정 파일 {path}이(가) UTF-8 텍스트가 아닙니다",
                                    f"settings file {path} is not UTF-8 text")) from None
            except tomllib.TOMLDecodeError as exc:
                raise UserError(say(f"설정 파일 {path}이(가) 올바른 TOML이 아닙니다: {exc}",
                                    f"settings file {path} is not valid TOML: {exc}")) from None
            except OSError as exc:
                raise UserError(say(f"설정 파일 {path}을(를) 읽을 수 없습니다: {exc.strerror}",
                                    f"cannot read the settings file {path}: {exc.strerror}")
                                ) from None
        return cls(values=values, path=path)

    def get(self, key: str) -> str:
        """The value of a known key, or its default."""
        if key not in SETTINGS:
            raise UserError(say(f"모르는 설정입니다: {key!r} (있는 설정: {', '.join(SETTINGS)})",
                                f"unknown setting {key!r}; known: {', '.join(SETTINGS)}"))
        return self.values.get(key, SETTINGS[key][0])

    def set(self, key: str, value: str) -> None:
        """Check and store one value, then write the file."""
        if key not in SETTINGS:
            raise UserError(say(f"모르는 설정입니다: {key!r} (있는 설정: {', '.join(SETTINGS)})",
                                f"unknown setting {key!r}; known: {', '.join(SETTINGS)}"))
        if key == "course.start" and value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise UserError(say(f"course.start는 2026-10-26 같은 날짜여야 합니다: {value!r}",
                                    f"course.start must be a date like 2026-10-26, not {value!r}")
                                ) from None
        if key == "course.days_per_week" and value not in {"5", "6", "7"}:
            raise UserError(say("course.days_per_week는 5, 6, 7 중 하나여야 합니다",
                                "course.days_per_week must be 5, 6 or 7"))
        if key == "language" and value not in {"ko", "en"}:
            raise UserError(say("language는 ko 또는 en이어야 합니다", "language must be ko or en"))
        if key == "day.starts":
            value = f"{parse_day_start(value):%H:%M}"
        if key == "peer.team" and value:
            folder = Path(value).expanduser()
            if not folder.is_dir():
                raise UserError(say(f"peer.team은 폴더여야 합니다: {value!r}은(는) 폴더가 아닙니다",
                                    f"peer.team must be a folder, and {value!r} is not one"))
            value = str(folder.resolve())
        if key == "review.per_day" and not (value.isdigit() and 1 <= int(value) <= 50):
            raise UserError(say(f"review.per_day는 1부터 50까지의 수여야 합니다: {value!r}",
                                f"review.per_day must be a number from 1 to 50, not {value!r}"))
        self.values[key] = value
        self.save()

    def save(self) -> None:
        """Write the settings as TOML (one table per dotted prefix)."""
        tables: dict[str, dict[str, str]] = {}
        for key, value in sorted(self.values.items()):
            head, _, leaf = key.rpartition(".")
            tables.setdefault(head, {})[leaf] = value
        lines: list[str] = []
        for head, items in sorted(tables.items()):  # "" (top-level keys) sorts first
            if head:
                lines.append(f"\n[{head}]")
            lines.extend(f"{leaf} = {_toml_string(v)}" for leaf, v in items.items())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("\n".join(lines).strip() + "\n", encoding="utf-8")
        tmp.replace(self.path)


def parse_day_start(text: str) -> dt.time:
    """The ``day.starts`` setting as a time; raise :class:`UserError` unless it is HH:MM in
    00:00-11:59 (a study day cannot start in the afternoon)."""
    match = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})", text.strip())
    if match and int(match.group(1)) < 12 and int(match.group(2)) < 60:
        return dt.time(int(match.group(1)), int(match.group(2)))
    raise UserError(say(f"day.starts는 00:00부터 11:59까지의 시각(HH:MM)이어야 합니다: {text!r}",
                        f"day.starts must be a time from 00:00 to 11:59 (HH:MM), not {text!r}"))


def study_today(settings: Settings | None = None, now: dt.datetime | None = None) -> str:
    """The study day (YYYY-MM-DD) at ``now`` (default: the local time now).

    Before ``day.starts`` (say 04:00) the study day is still the calendar day before, so notes,
    attempts, runs, streaks and reviews made at 1 a.m. belong to the evening they continue.
    Judge and training code use this too; it lives here so they need not import the journal.
    """
    settings = settings or Settings.load()
    start = parse_day_start(settings.get("day.starts"))
    now = now or dt.datetime.now()
    day = now.date()
    if now.time() < start:
        day -= dt.timedelta(days=1)
    return day.isoformat()
