"""Study commands: ``review`` (the FSRS review queue) and ``week`` (the week in one page)."""


from typing import Annotated

import typer

from studylog.cli.context import get_db, print_json
from studylog.config import Settings
from studylog.errors import UserError
from studylog.journal.dates import parse_date, today
from studylog.words import current_lang, say

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
RATINGS = ("again", "hard", "good", "easy")


def review_cmd(
    on: Annotated[str, typer.Option("--on", help="The day to look at (YYYY-MM-DD, today...).")] = "today",
    done: Annotated[int | None, typer.Option("--done", help="Mark the note with this id reviewed.")] = None,
    rating: Annotated[str, typer.Option("--rating", help="With --done: again, hard, good or easy.")] = "good",
    as_json: JsonOpt = False,
) -> None:
    """What is due for review: problems to solve again and notes tagged #복습 or #review."""
    from fsrs import Rating

    from studylog.study import review, review_cards
    from studylog.study import words as sp

    day = parse_date(on)
    if rating not in RATINGS:
        raise UserError(say(f"모르는 평가입니다: {rating!r} (다음 중 하나를 쓰세요: {', '.join(RATINGS)})",
                            f"unknown rating {rating!r}; choose one of: {', '.join(RATINGS)}"))
    lang = current_lang()
    db = get_db()
    if done is not None:
        value = Rating(RATINGS.index(rating) + 1)
        review_cards.review_note(db, done, day, value)
        typer.echo(sp.note_reviewed(done, int(value), lang))
        return
    items = review.due_on(db, day)
    review_cards.sync(db)  # keep the stored cards current (after: it reuses what due_on read)
    if as_json:
        print_json([i.as_json() for i in items])
        return
    if not items:
        typer.echo(sp.review_empty(day, lang))
        return
    typer.echo(sp.review_heading(day, len(items), lang))
    for n, item in enumerate(items, 1):
        typer.echo(sp.review_row(n, item, lang))
    typer.echo(sp.review_hint(lang))


def week_cmd(
    when: Annotated[str, typer.Argument(help="A date in the week, 2026-W47, or week4 (course week).")] = "today",
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown, blog or json.")] = "markdown",
    output_name: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """The week in one page: days, lectures, problems, runs, to-dos, streak, retrospectives."""
    import json

    from studylog.journal.publish.output import check_target, output_path, write_output
    from studylog.study import week

    output = output_path(output_name)
    if output is not None:
        check_target(output)
    from studylog.study import words as week_words

    if fmt not in week_words.WEEK_FORMATS:
        formats = ", ".join(week_words.WEEK_FORMATS)
        raise UserError(say(f"모르는 형식입니다: {fmt!r} (다음 중 하나를 쓰세요: {formats})",
                            f"unknown format {fmt!r}; choose one of: {formats}"))
    settings = Settings.load()
    db = get_db()
    start, end = week.resolve_week(when, settings, today())
    page = week.build_week(db, start, end, settings, today())
    lang = current_lang()
    if fmt == "json":
        text = json.dumps(page.as_json(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "blog":
        text = week_words.week_blog(page, lang)
    else:
        text = week_words.week_markdown(page, lang)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_output(output, text)
    typer.echo(say(f"{output}에 썼습니다", f"wrote {output}"), err=True)


def todo_extra_lines(day: str, first_number: int, as_json: bool) -> list:
    """``todo list``'s carried items and due reviews, numbered after the day's own to-dos
    (``first_number`` is their first number): lines, or JSON objects with ``as_json`` (the to-do
    fields plus ``kind`` and ``origin``)."""
    from studylog.study import words as sp
    from studylog.study.numbering import numbered_extras

    lang = current_lang()
    extras = numbered_extras(get_db(), day, Settings.load(), first_number)
    if as_json:
        return [{"id": None, "text": sp.extra_text(x.extra, lang, origin=False),
                 "done": x.extra.done, "position": None, "number": x.number, "kind": x.extra.kind,
                 "origin": x.extra.origin, "problem": x.extra.due.problem if x.extra.due else None}
                for x in extras]
    return [sp.todo_line(x.number, x.extra.done, sp.extra_text(x.extra, lang)) for x in extras]


def todo_extra_done(day: str, number: int, undo: bool) -> bool:
    """``todo done N`` for a number past the day's own to-dos; False when N is one of them."""
    from studylog.study import words as sp
    from studylog.study.numbering import extra_by_number
    from studylog.study.study_todos import set_extra_done

    found = extra_by_number(get_db(), day, Settings.load(), number)
    if found is None:
        return False
    set_extra_done(get_db(), day, found.extra, not undo)
    typer.echo(sp.todo_line(number, not undo, sp.extra_text(found.extra, current_lang())))
    return True

