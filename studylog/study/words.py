"""Every word a user sees of study, in Korean or English: the review queue, carried-over items
and the week page.

Plain functions taking a :data:`studylog.words.Lang` and returning strings; the CLI
(``studylog review``, ``todo list``, ``studylog week``), the app's Today and Week screens and the
day's blog post (through its caller) all render these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from studylog.journal.dates import weekday_name
from studylog.journal.words import record_label
from studylog.judge.verdicts import Verdict  # BOJ's Korean verdict names, one copy
from studylog.words import Lang, pick

if TYPE_CHECKING:
    from studylog.study.carryover import ExtraTodo
    from studylog.study.review import DueItem
    from studylog.study.week import WeekDay, WeekPage, WeekProblem, WeekRun

RATING: dict[Lang, dict[int, str]] = {
    "ko": {1: "다시", 2: "어려움", 3: "보통", 4: "쉬움"},
    "en": {1: "again", 2: "hard", 3: "good", 4: "easy"},
}


def short_date(date: str) -> str:
    """``11-20`` from ``2026-11-20``."""
    return date[5:]


def review_todo_text(item: DueItem, lang: Lang) -> str:
    """The to-do line of a due item: '다시 풀기: 2667 단지번호붙이기' or '복습: <note title>'."""
    if item.kind == "problem":
        return f"{pick(lang, '다시 풀기', 'Solve again')}: {item.problem} {item.title}".rstrip()
    return f"{pick(lang, '복습', 'Review')}: {item.title} ({short_date(item.note_date or item.due)})"


def origin_mark(origin: str, lang: Lang) -> str:
    """Where a carried item came from: '← 11-20 회고'."""
    return f"← {short_date(origin)} {pick(lang, '회고', 'retro')}"


def extra_text(extra: ExtraTodo, lang: Lang, *, origin: bool = True) -> str:
    """An extra to-do's text (with its origin mark unless ``origin`` is False)."""
    if extra.due is not None:
        return review_todo_text(extra.due, lang)
    if extra.origin and origin:
        return f"{extra.text}  {origin_mark(extra.origin, lang)}"
    return extra.text


def tag_marks(tags: tuple[str, ...] | list[str]) -> str:
    """``#graph #flood-fill``: tags as marks (spaces inside a tag become hyphens)."""
    return " ".join(f"#{t.replace(' ', '-')}" for t in tags)


def check_box(done: bool) -> str:
    """``[x]`` or ``[ ]``."""
    return "[x]" if done else "[ ]"


def todo_line(number: int, done: bool, text: str) -> str:
    """A numbered to-do line of ``todo list``: '3. [ ] 논문 읽기  ← 11-20 회고'."""
    return f"{number}. {check_box(done)} {text}"


def blog_extra_lines(extras: list[ExtraTodo], lang: Lang) -> list[str]:
    """The lines the blog's 오늘 한 일 gets for a day's carried items and due reviews (an open one
    starts with ``[ ]``, as the day's own open to-dos do)."""
    return [extra_text(e, lang, origin=False) if e.done else f"[ ] {extra_text(e, lang, origin=False)}"
            for e in extras]


def markdown_extra_lines(extras: list[ExtraTodo], lang: Lang) -> list[str]:
    """The same as task-list lines for the markdown export."""
    return [f"- {check_box(e.done)} {extra_text(e, lang)}" for e in extras]


def rating_name(rating: int, lang: Lang) -> str:
    """again/hard/good/easy (다시/어려움/보통/쉬움)."""
    return RATING[lang].get(int(rating), str(rating))


def review_heading(date: str, count: int, lang: Lang) -> str:
    """The first line of ``studylog review``."""
    return pick(lang, f"{date} 복습할 것 {count}개", f"{date}: {count} to review")


def review_empty(date: str, lang: Lang) -> str:
    """What ``studylog review`` says when nothing is due."""
    return pick(lang, f"{date} 복습할 것 없음 (문제를 풀거나 노트에 #복습 태그를 달면 쌓입니다)",
                f"nothing to review on {date} (solve problems or tag a note #review)")


def review_row(number: int, item: DueItem, lang: Lang) -> str:
    """One line of ``studylog review``."""
    mark = check_box(item.reviewed)
    tags = tag_marks(item.tags)
    if item.kind == "problem":
        what = f"{item.problem} {item.title}"
        last = pick(lang, "마지막", "last")
        detail = f"{last} {short_date(item.last_review)} {item.last_verdict or ''}".rstrip()
        if item.peers:
            who = ", ".join(item.peers)
            detail += pick(lang, f" · 피어세션에서 {who} 의 풀이가 맞았습니다",
                           f" · {who}'s approach was accepted in the peer session")
    else:
        what = f"{pick(lang, '노트', 'note')} #{item.note_id} {item.title}"
        detail = f"{short_date(item.note_date or item.last_review)}"
    due = pick(lang, "예정", "due")
    return f"{number}. {mark} {what}  ({due} {short_date(item.due)}, {detail}) {tags}".rstrip()


def review_hint(lang: Lang) -> str:
    """The closing hint of ``studylog review``."""
    return pick(lang, "문제는 다시 풀면(studylog solve ID) 일정이 다시 잡힙니다; 노트는 studylog review --done ID",
                "re-solving a problem (studylog solve ID) reschedules it; a note: studylog review --done ID")


def note_reviewed(note_id: int, rating: int, lang: Lang) -> str:
    """The answer of ``studylog review --done``."""
    return pick(lang, f"노트 #{note_id} 복습 완료 ({rating_name(rating, lang)})",
                f"note #{note_id} reviewed ({rating_name(rating, lang)})")


def extras_title(done: int, total: int, lang: Lang) -> str:
    """The title of the Today screen's panel of carried items and reviews."""
    return f"{pick(lang, '이어서 할 일 · 복습', 'Carried over · reviews')}  {done}/{total}"


# --- the week page: markdown (CLI and the app's Week view) and the weekly 회고 blog post ----------

WEEK_FORMATS = ("markdown", "blog", "json")

WEEK_WORDS: dict[Lang, dict[str, str]] = {
    "ko": {
        "days": "날짜별", "lectures": "강의", "problems": "알고리즘 문제", "runs": "학습 실험",
        "todos": "할 일", "reviews": "복습", "retro": "회고 하이라이트", "streak": "연속 학습",
        "notes": "섹션", "no_record": "기록 없음", "none": "없음",
        "attempts": "회 제출", "epochs": "에폭", "best": "최고", "done_of": "완료 {done} / {total}",
        "open": "남은 일", "carried": "회고에서", "reviews_line": "복습 {due}개 중 {done}개 완료",
        "streak_line": "{streak}일째 · 이번 주 {days}일 기록", "blog_title": "{course} - {label} 회고",
        "blog_range": "주간 학습 정리 ({start} ~ {end})", "blog_done": "이번 주 한 일",
        "b_lectures": "1. 이번 주 강의", "b_problems": "2. 알고리즘 문제 풀이",
        "b_runs": "3. 실험 정리", "b_retro": "4. 주간 회고", "b_next": "다음 주에 이어서 할 일",
        "solved": "해결", "unsolved": "미해결", "peer": "피어세션",
        "peer_line": "피어세션 {sessions}일 · 함께 푼 문제 {problems}개 · 코드 리뷰 코멘트 {written}개 작성, "
                     "{received}개 받음",
    },
    "en": {
        "days": "Days", "lectures": "Lectures", "problems": "Algorithm problems",
        "runs": "Training runs", "todos": "To-dos", "reviews": "Reviews",
        "retro": "Retrospective highlights", "streak": "Streak",
        "notes": "sections", "no_record": "no record", "none": "none", "attempts": " attempts",
        "epochs": "epochs", "best": "best", "done_of": "done {done} / {total}", "open": "Still open",
        "carried": "from retro", "reviews_line": "{done} of {due} reviews done",
        "streak_line": "{streak} days · {days} days written this week",
        "blog_title": "{course} - {label} retrospective",
        "blog_range": "Weekly summary ({start} ~ {end})", "blog_done": "What I did this week",
        "b_lectures": "1. Lectures this week", "b_problems": "2. Algorithm problems",
        "b_runs": "3. Experiments", "b_retro": "4. Weekly retrospective",
        "b_next": "Carried into next week", "solved": "solved", "unsolved": "unsolved",
        "peer": "Peer sessions",
        "peer_line": "{sessions} peer-session days · {problems} problems solved together · "
                     "{written} review comments written, {received} received",
    },
}


def verdict_name(verdict: str, lang: Lang) -> str:
    """BOJ's Korean name (맞았습니다!!) or the short code in English."""
    if lang == "ko" and verdict in Verdict.__members__:
        return f"{Verdict(verdict).korean} ({verdict})"
    return verdict


def day_label(date: str, lang: Lang) -> str:
    """``11-16 (월)``."""
    return f"{short_date(date)} ({weekday_name(date, lang)})"


def week_heading(page: WeekPage, lang: Lang) -> str:
    """The page's first line: ``week4 · 2026-11-16 ~ 2026-11-22``."""
    return f"{page.label} · {page.start} ~ {page.end}"


def day_row(day: WeekDay, lang: Lang) -> str:
    """One line of the days list."""
    w = WEEK_WORDS[lang]
    if not day.exists:
        return f"- {day_label(day.date, lang)}: {w['no_record']}"
    todos = f", {w['todos']} {day.todos_done}/{day.todos_total}" if day.todos_total else ""
    record = record_label(day.record_no, lang) if day.record_no is not None else ""
    return (f"- {day_label(day.date, lang)} {record} — {day.title} "
            f"({w['notes']} {day.notes}{todos})")


def problem_row(p: WeekProblem, lang: Lang) -> str:
    """One problem of the week: id, title, best verdict (solved once accepted), tries, tags."""
    w = WEEK_WORDS[lang]
    tags = tag_marks(p.tags)
    shown = p.best_verdict or p.final_verdict
    return (f"- {p.problem} {p.title}: {verdict_name(shown, lang)}, "
            f"{p.attempts}{w['attempts']} ({', '.join(short_date(d) for d in p.dates)}) {tags}"
            ).rstrip()


def run_row(r: WeekRun, lang: Lang) -> str:
    """One run of the week with its best metrics."""
    from studylog.train.words import status_word

    w = WEEK_WORDS[lang]
    metrics = ""
    if r.best_val_acc is not None:
        metrics = f", {w['best']} val acc {r.best_val_acc:.3f}"
        if r.best_val_f1 is not None:
            metrics += f", macro-F1 {r.best_val_f1:.3f}"
    return (f"- #{r.id} {short_date(r.date)} {r.model} · {r.dataset}: {r.epochs} "
            f"{w['epochs']}{metrics} ({status_word(r.status, lang)})")


def lecture_rows(page: WeekPage, lang: Lang) -> list[str]:
    """Each day's lecture topics on one line."""
    return [f"- {day_label(d.date, lang)}: {'; '.join(d.lectures)}" for d in page.days if d.lectures]


def retro_rows(page: WeekPage, lang: Lang) -> list[str]:
    """Each day's retrospective highlights."""
    return [f"- {day_label(d.date, lang)}: {' / '.join(d.highlights)}"
            for d in page.days if d.highlights]


def open_rows(page: WeekPage, lang: Lang) -> list[str]:
    """To-dos still open (carried retro items marked with their day)."""
    w = WEEK_WORDS[lang]
    return [f"- [ ] {t.text} ({w['carried']} {short_date(t.date)})" if t.carried
            else f"- [ ] {t.text} ({short_date(t.date)})" for t in page.open_todos]


def peer_line(page: WeekPage, lang: Lang) -> str:
    """The week's peer sessions in one line ("" for a week without one)."""
    p = page.peer
    if not (p.sessions or p.comments_written or p.comments_received):
        return ""
    line = WEEK_WORDS[lang]["peer_line"].format(
        sessions=p.sessions, problems=len(p.problems), written=p.comments_written,
        received=p.comments_received)
    return line + (f" ({', '.join(p.problems)})" if p.problems else "")


def week_markdown(page: WeekPage, lang: Lang) -> str:
    """The week page as markdown (``studylog week``, the app's Week view)."""
    w = WEEK_WORDS[lang]
    none = [f"- {w['none']}"]
    lines = [f"# {week_heading(page, lang)}", page.course, "", f"## {w['days']}"]
    lines += [day_row(d, lang) for d in page.days]
    lines += ["", f"## {w['lectures']}", *(lecture_rows(page, lang) or none)]
    lines += ["", f"## {w['problems']}", *([problem_row(p, lang) for p in page.problems] or none)]
    lines += ["", f"## {w['runs']}", *([run_row(r, lang) for r in page.runs] or none)]
    lines += ["", f"## {w['todos']}",
              "- " + w["done_of"].format(done=page.todos_done, total=page.todos_total)]
    if page.open_todos:
        lines += [f"{w['open']}:", *open_rows(page, lang)]
    lines += ["", f"## {w['reviews']}",
              "- " + w["reviews_line"].format(due=page.reviews_due, done=page.reviews_done)]
    if peer_line(page, lang):
        lines += ["", f"## {w['peer']}", "- " + peer_line(page, lang)]
    lines += ["", f"## {w['retro']}", *(retro_rows(page, lang) or none)]
    lines += ["", f"## {w['streak']}",
              "- " + w["streak_line"].format(streak=page.streak, days=page.days_written)]
    return "\n".join(lines) + "\n"


def week_blog(page: WeekPage, lang: Lang) -> str:
    """The week as a weekly 회고 post in the daily post's plain-text style."""
    w = WEEK_WORDS[lang]
    lines = [w["blog_title"].format(course=page.course, label=page.label),
             w["blog_range"].format(start=page.start, end=page.end), w["blog_done"]]
    lines.append(w["done_of"].format(done=page.todos_done, total=page.todos_total))
    solved = [p for p in page.problems if p.solved]
    if page.problems:
        lines.append(f"{w['problems']} {len(solved)}/{len(page.problems)} {w['solved']}")
    if page.runs:
        lines.append(f"{w['runs']} {len(page.runs)}")
    lines.append(w["reviews_line"].format(due=page.reviews_due, done=page.reviews_done))
    if peer_line(page, lang):
        lines.append(peer_line(page, lang))
    blocks = [
        ("b_lectures", lecture_rows(page, lang)),
        ("b_problems", [problem_row(p, lang) for p in page.problems]),
        ("b_runs", [run_row(r, lang) for r in page.runs]),
        ("b_retro", retro_rows(page, lang)),
    ]
    for head, rows in blocks:
        lines.append(w[head])
        lines += [row[2:] for row in rows] or [w["none"]]
    lines.append(w["streak_line"].format(streak=page.streak, days=page.days_written))
    if page.open_todos:
        lines.append(w["b_next"])
        lines += [row[6:] for row in open_rows(page, lang)]
    return "\n".join(lines) + "\n"
