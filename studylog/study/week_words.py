"""Every word of the week page, in Korean or English: markdown (CLI and the app's Week view) and
the weekly 회고 blog post in the bootcamp's plain-text style."""

from __future__ import annotations

from studylog.journal.dates import weekday_name
from studylog.journal.words import record_label
from studylog.study.words import short_date, tag_marks
from studylog.study.week import WeekDay, WeekPage, WeekProblem, WeekRun

FORMATS = ("markdown", "blog", "json")

WORDS: dict[str, dict[str, str]] = {
    "ko": {
        "days": "날짜별", "lectures": "강의", "problems": "알고리즘 문제", "runs": "학습 실험",
        "todos": "할 일", "reviews": "복습", "retro": "회고 하이라이트", "streak": "연속 학습",
        "notes": "섹션", "no_record": "기록 없음", "none": "없음",
        "attempts": "회 제출", "epochs": "epochs", "done_of": "완료 {done} / {total}",
        "open": "남은 일", "carried": "회고에서", "reviews_line": "복습 {due}개 중 {done}개 완료",
        "streak_line": "{streak}일째 · 이번 주 {days}일 기록", "blog_title": "{course} - {label} 회고",
        "blog_range": "주간 학습 정리 ({start} ~ {end})", "blog_done": "이번 주 한 일",
        "b_lectures": "1. 이번 주 강의", "b_problems": "2. 알고리즘 문제 풀이",
        "b_runs": "3. 실험 정리", "b_retro": "4. 주간 회고", "b_next": "다음 주에 이어서 할 일",
        "solved": "해결", "unsolved": "미해결",
    },
    "en": {
        "days": "Days", "lectures": "Lectures", "problems": "Algorithm problems",
        "runs": "Training runs", "todos": "To-dos", "reviews": "Reviews",
        "retro": "Retrospective highlights", "streak": "Streak",
        "notes": "sections", "no_record": "no record", "none": "none", "attempts": " attempts",
        "epochs": "epochs", "done_of": "done {done} / {total}", "open": "Still open",
        "carried": "from retro", "reviews_line": "{done} of {due} reviews done",
        "streak_line": "{streak} days · {days} days written this week",
        "blog_title": "{course} - {label} retrospective",
        "blog_range": "Weekly summary ({start} ~ {end})", "blog_done": "What I did this week",
        "b_lectures": "1. Lectures this week", "b_problems": "2. Algorithm problems",
        "b_runs": "3. Experiments", "b_retro": "4. Weekly retrospective",
        "b_next": "Carried into next week", "solved": "solved", "unsolved": "unsolved",
    },
}


def _w(language: str) -> dict[str, str]:
    return WORDS["ko" if language == "ko" else "en"]


def verdict_name(verdict: str, language: str) -> str:
    """BOJ's Korean name (맞았습니다!!) or the short code in English."""
    from studylog.judge.verdicts import Verdict

    if language == "ko" and verdict in Verdict.__members__:
        return f"{Verdict(verdict).korean} ({verdict})"
    return verdict


def day_label(date: str, language: str) -> str:
    """``11-16 (월)``."""
    return f"{short_date(date)} ({weekday_name(date, language)})"


def heading(page: WeekPage, language: str) -> str:
    """The page's first line: ``week4 · 2026-11-16 ~ 2026-11-22``."""
    return f"{page.label} · {page.start} ~ {page.end}"


def day_row(day: WeekDay, language: str) -> str:
    """One line of the days list."""
    w = _w(language)
    if not day.exists:
        return f"- {day_label(day.date, language)}: {w['no_record']}"
    todos = f", {w['todos']} {day.todos_done}/{day.todos_total}" if day.todos_total else ""
    record = record_label(day.record_no, language) if day.record_no is not None else ""
    return (f"- {day_label(day.date, language)} {record} — {day.title} "
            f"({w['notes']} {day.notes}{todos})")


def problem_row(p: WeekProblem, language: str) -> str:
    """One problem of the week: id, title, last verdict, attempts, tags."""
    w = _w(language)
    tags = tag_marks(p.tags)
    return (f"- {p.problem} {p.title}: {verdict_name(p.final_verdict, language)}, "
            f"{p.attempts}{w['attempts']} ({', '.join(short_date(d) for d in p.dates)}) {tags}"
            ).rstrip()


def run_row(r: WeekRun, language: str) -> str:
    """One run of the week with its best metrics."""
    metrics = ""
    if r.best_val_acc is not None:
        metrics = f", best val acc {r.best_val_acc:.3f}"
        if r.best_val_f1 is not None:
            metrics += f", macro-F1 {r.best_val_f1:.3f}"
    return (f"- #{r.id} {short_date(r.date)} {r.model} · {r.dataset}: {r.epochs} "
            f"{_w(language)['epochs']}{metrics} ({r.status})")


def lecture_rows(page: WeekPage, language: str) -> list[str]:
    """Each day's lecture topics on one line."""
    return [f"- {day_label(d.date, language)}: {'; '.join(d.lectures)}"
            for d in page.days if d.lectures]


def retro_rows(page: WeekPage, language: str) -> list[str]:
    """Each day's retrospective highlights."""
    return [f"- {day_label(d.date, language)}: {' / '.join(d.highlights)}"
            for d in page.days if d.highlights]


def open_rows(page: WeekPage, language: str) -> list[str]:
    """To-dos still open (carried retro items marked with their day)."""
    w = _w(language)
    return [f"- [ ] {t.text} ({w['carried']} {short_date(t.date)})" if t.carried
            else f"- [ ] {t.text} ({short_date(t.date)})" for t in page.open_todos]


def render_markdown(page: WeekPage, language: str) -> str:
    """The week page as markdown (``studylog week``, the app's Week view)."""
    w = _w(language)
    none = [f"- {w['none']}"]
    lines = [f"# {heading(page, language)}", page.course, "", f"## {w['days']}"]
    lines += [day_row(d, language) for d in page.days]
    lines += ["", f"## {w['lectures']}", *(lecture_rows(page, language) or none)]
    lines += ["", f"## {w['problems']}",
              *([problem_row(p, language) for p in page.problems] or none)]
    lines += ["", f"## {w['runs']}", *([run_row(r, language) for r in page.runs] or none)]
    lines += ["", f"## {w['todos']}",
              "- " + w["done_of"].format(done=page.todos_done, total=page.todos_total)]
    if page.open_todos:
        lines += [f"{w['open']}:", *open_rows(page, language)]
    lines += ["", f"## {w['reviews']}",
              "- " + w["reviews_line"].format(due=page.reviews_due, done=page.reviews_done)]
    lines += ["", f"## {w['retro']}", *(retro_rows(page, language) or none)]
    lines += ["", f"## {w['streak']}",
              "- " + w["streak_line"].format(streak=page.streak, days=page.days_written)]
    return "\n".join(lines) + "\n"


def render_blog(page: WeekPage, language: str) -> str:
    """The week as a weekly 회고 post in the daily post's plain-text style."""
    w = _w(language)
    lines = [w["blog_title"].format(course=page.course, label=page.label),
             w["blog_range"].format(start=page.start, end=page.end), w["blog_done"]]
    lines.append(w["done_of"].format(done=page.todos_done, total=page.todos_total))
    solved = [p for p in page.problems if p.solved]
    if page.problems:
        lines.append(f"{w['problems']} {len(solved)}/{len(page.problems)} {w['solved']}")
    if page.runs:
        lines.append(f"{w['runs']} {len(page.runs)}")
    lines.append(w["reviews_line"].format(due=page.reviews_due, done=page.reviews_done))
    blocks = [
        ("b_lectures", lecture_rows(page, language)),
        ("b_problems", [problem_row(p, language) for p in page.problems]),
        ("b_runs", [run_row(r, language) for r in page.runs]),
        ("b_retro", retro_rows(page, language)),
    ]
    for head, rows in blocks:
        lines.append(w[head])
        lines += [row[2:] for row in rows] or [w["none"]]
    lines.append(w["streak_line"].format(streak=page.streak, days=page.days_written))
    if page.open_todos:
        lines.append(w["b_next"])
        lines += [row[6:] for row in open_rows(page, language)]
    return "\n".join(lines) + "\n"
