"""Write a day as text: the bootcamp's blog post ("학습기록") and our markdown.

Both formats share one layout: title, record number, to-dos, then the section headings in order.
The four numbered headings always appear (as in the bootcamp's format); the other sections only
when they have text. The day's judge attempts and training runs are listed as generated lines at
the end of the algorithm and assignment sections. The day's study lines (carried items, due
reviews) come from the caller (``studylog.study.study_todos.export_lines``): the journal never
imports study.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from studylog.config import Settings
from studylog.journal.day import DayRecord, load_day
from studylog.journal.sections import RECORD_LABEL, SECTIONS, TODO_HEADING
from studylog.judge.verdicts import Verdict  # BOJ's Korean verdict names, one copy
from studylog.store.day_summary import DayAttempt, DayRun
from studylog.words import Lang, pick


def attempt_line(a: DayAttempt, lang: Lang) -> str:
    """The generated line for one problem attempted that day: its best verdict of the day (solved
    once one try was accepted) and the number of tries."""
    title = f" {a.title}" if a.title else ""
    verdict = a.verdict
    if lang == "ko":
        name = Verdict(verdict).korean if verdict in Verdict.__members__ else verdict
        return f"- BOJ {a.problem_id}{title}: {name} ({verdict}, {a.attempts}회 제출)"
    plural = "s" if a.attempts != 1 else ""
    return f"- BOJ {a.problem_id}{title}: {verdict} ({a.attempts} attempt{plural})"


def _setup(r: DayRun) -> str:
    setup = " · ".join(str(v) for v in (r.model, r.dataset, r.loss, r.optimizer, r.scheduler) if v)
    if r.freeze and r.freeze != "none":
        setup += f" · freeze {r.freeze}"
    return setup


def _metrics(acc: float | None, f1: float | None) -> str:
    if acc is None:
        return ""
    return f"val acc {acc:.3f}" + (f", macro-F1 {f1:.3f}" if f1 is not None else "")


def run_line(r: DayRun, lang: Lang) -> str:
    """The generated line for one training run of that day (``export --all``)."""
    from studylog.train.words import status_word

    metrics = _metrics(r.final_val_acc, r.final_val_f1)
    epochs = pick(lang, f"{r.epochs_done} 에폭", f"{r.epochs_done} epochs")
    return (f"- {pick(lang, '실험', 'run')} #{r.id}: {_setup(r)} — {epochs}"
            f"{', ' + metrics if metrics else ''} ({status_word(r.status, lang)})")


#: The settings that tell one run of an experiment from another (what a comparison varies).
_KNOBS = ("loss", "optimizer", "scheduler", "freeze")


def experiment_lines(runs: Sequence[DayRun], lang: Lang) -> list[str]:
    """The day's runs as experiments: the runs of one model on one dataset are one experiment,
    shown by its best run (best validation accuracy) and the settings its runs compared."""
    from studylog.train.words import status_word

    groups: dict[tuple[str, str], list[DayRun]] = {}
    for r in runs:
        groups.setdefault((r.model, r.dataset), []).append(r)
    lines = []
    for (model, dataset), group in groups.items():
        if len(group) == 1:
            lines.append(run_line(group[0], lang))
            continue
        best = max(group, key=lambda r: (r.best_val_acc is not None, r.best_val_acc or 0.0))
        varied = [k for k in _KNOBS if len({getattr(r, k) for r in group}) > 1]
        compared = "; ".join(f"{k} " + " / ".join(dict.fromkeys(str(getattr(r, k))
                                                                for r in group)) for k in varied)
        shown = " · ".join(str(getattr(best, k)) for k in varied) or _setup(best)
        metrics = _metrics(best.best_val_acc, best.best_val_f1)
        what = pick(lang, f"{len(group)}회, {compared} 비교" if compared else f"{len(group)}회",
                    f"{len(group)} runs, comparing {compared}" if compared else
                    f"{len(group)} runs")
        lines.append(
            f"- {pick(lang, '실험', 'runs')} {model} · {dataset} ({what}): "
            f"{pick(lang, '최고', 'best')} #{best.id} {shown}"
            f"{' — ' + metrics if metrics else ''} ({status_word(best.status, lang)})")
    return lines


def generated_lines(day: DayRecord, lang: Lang, *, detail: bool = False) -> dict[str, list[str]]:
    """Lines derived from the day's attempts and runs, by the section they are written into:
    one line per problem (best verdict, tries) and, by default, one per experiment (its best
    run); ``detail`` lists every run."""
    return {
        "algorithm": [attempt_line(a, lang) for a in day.attempts],
        "assignment": ([run_line(r, lang) for r in day.runs] if detail
                       else experiment_lines(day.runs, lang)),
    }


def known_generated_lines(day: DayRecord, lang: Lang) -> dict[str, set[str]]:
    """Every line a post of ``day`` may carry that studylog generated (summary or detail), so an
    import does not store them as notes."""
    out: dict[str, set[str]] = {}
    for detail in (False, True):
        for key, lines in generated_lines(day, lang, detail=detail).items():
            out.setdefault(key, set()).update(lines)
    return out


def _section_blocks(day: DayRecord, lang: Lang, heading_prefix: str,
                    detail: bool = False) -> list[str]:
    generated = generated_lines(day, lang, detail=detail)
    lines: list[str] = []
    for s in SECTIONS:
        text = day.sections.get(s.key, "")
        extra = generated.get(s.key, [])
        if not s.numbered and not text and not extra:
            continue
        lines.append(f"{heading_prefix}{s.heading(lang)}")
        if text:
            lines.append(text)
        lines.extend(extra)
        if heading_prefix:
            lines.append("")
    return lines


def blog_todo_line(text: str, done: bool) -> str:
    """A to-do in the blog's 오늘 한 일: a done one is a plain line (the bootcamp's format), an
    open one starts with ``[ ]``; :func:`studylog.journal.publish.parse.parse_day` reads both
    back (and ``[x]``, ``- [ ]``, ``- [x]``)."""
    return text if done else f"[ ] {text}"


def render_blog(day: DayRecord, lang: Lang, extra_todos: Sequence[str] = (), *,
                detail: bool = False) -> str:
    """The day as the bootcamp's plain-text blog post (``extra_todos``: carried items and due
    reviews, from :func:`studylog.study.study_todos.export_lines`; ``detail``: every run, not
    one line per experiment)."""
    lines = [day.title, f"{RECORD_LABEL[lang]} - {day.record_no}", TODO_HEADING[lang]]
    lines.extend(blog_todo_line(t.text, t.done) for t in day.todos)
    lines.extend(extra_todos)
    lines.extend(_section_blocks(day, lang, "", detail))
    return "\n".join(lines) + "\n"


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_markdown(day: DayRecord, lang: Lang, *, front_matter: bool = True,
                    extra_todos: Sequence[str] = (), detail: bool = False) -> str:
    """The day as markdown (Obsidian-friendly: front matter, `##` headings, task lists)."""
    lines: list[str] = []
    if front_matter:
        lines += ["---", f"date: {day.date}", f"title: {_yaml_str(day.title)}"]
        if day.week:
            lines += [f"week: {day.week}", f"day: {day.day}"]
        lines.append(f"record: {day.record_no}")
        if day.tags:
            lines.append(f"tags: [{', '.join(day.tags)}]")
        lines += ["---", ""]
    lines += [f"# {day.title}", "", f"{RECORD_LABEL[lang]} - {day.record_no}", ""]
    lines.append(f"## {TODO_HEADING[lang]}")
    lines.extend(f"- [{'x' if t.done else ' '}] {t.text}" for t in day.todos)
    lines.extend(extra_todos)
    lines.append("")
    lines.extend(_section_blocks(day, lang, "## ", detail))
    return "\n".join(lines).rstrip("\n") + "\n"


def export_blog(db: sqlite_utils.Database, date: str, settings: Settings, lang: Lang,
                study_lines: Sequence[str] = (), *, detail: bool = False) -> str:
    """The blog post of ``date`` in ``lang`` (``study_lines``: the caller's carried items and due
    reviews, listed under the day's to-dos; ``detail``: every run)."""
    return render_blog(load_day(db, date, settings), lang, study_lines, detail=detail)


def export_markdown(db: sqlite_utils.Database, date: str, settings: Settings, lang: Lang,
                    study_lines: Sequence[str] = (), *, detail: bool = False) -> str:
    """The markdown file of ``date`` in ``lang`` (``study_lines`` and ``detail`` as for
    :func:`export_blog`)."""
    return render_markdown(load_day(db, date, settings), lang, extra_todos=study_lines,
                           detail=detail)
