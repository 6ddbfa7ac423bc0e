"""Terminal output of the journal commands, built from ``studylog.journal.words``."""


import sys
from typing import TYPE_CHECKING

import typer

from studylog.journal import words as present
from studylog.journal.search import SearchHit
from studylog.words import Lang

if TYPE_CHECKING:
    from studylog.journal.stats import Stats


def search_hits(hits: list[SearchHit], lang: Lang) -> None:
    """One line a hit: date, section, the snippet (matches in bold yellow on a terminal)."""
    from studylog.terminal import clean, raw

    color = sys.stdout.isatty()
    out = raw(sys.stdout)  # the highlight is ours; the snippet's text is cleaned piece by piece
    for h in hits:
        snippet = clean(h.snippet)
        if color:
            pieces, at = [], 0
            for start, end in sorted(h.spans):
                start = max(start, at)
                pieces += [clean(h.snippet[at:start]),
                           typer.style(clean(h.snippet[start:end]), bold=True, fg="yellow")]
                at = max(at, end)
            snippet = "".join(pieces) + clean(h.snippet[at:])
        out.write(f"{h.date}  {present.section_name(h.section, lang)}  {snippet}\n")
    out.flush()


def stats_text(stats: "Stats", weeks: int, lang: Lang) -> None:
    """Streaks, notes per section for the last 8 weeks, and the heatmap."""
    typer.echo(present.streak_line(stats.current_streak, stats.longest_streak, lang))
    typer.echo(present.written_line(stats.days, stats.entries, lang))
    typer.echo("")
    keys = list(stats.per_section)
    pad = present.pad
    typer.echo(present.per_section_caption(8, lang))
    week_word, all_time = present.stats_row_names(lang)
    typer.echo(pad(week_word, 9) + " " + " ".join(
        pad(present.section_name(k, lang), 10, right=True) for k in keys))
    for week in sorted(stats.per_section_week)[-8:]:
        row = stats.per_section_week[week]
        typer.echo(f"{week:<9} " + " ".join(f"{row.get(k, 0):>10}" for k in keys))
    typer.echo(pad(all_time, 9) + " " + " ".join(f"{stats.per_section[k]:>10}" for k in keys))
    typer.echo("")
    from studylog.journal.stats import render_heatmap

    typer.echo(render_heatmap(stats.activity, stats.today, weeks, lang))


def history_rows(rows: list[list[str]]) -> None:
    """`studylog history`: aligned columns."""
    width = present.display_width
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)] if rows else []
    for r in rows:
        typer.echo("  ".join(present.pad(c, w) for c, w in zip(r, widths, strict=False))
                   + "  " + r[-1])



