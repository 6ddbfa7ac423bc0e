"""`studylog runs`: list stored runs, show one, compare several, resume, delete, export epochs.

Thin: parse, call :mod:`studylog.train.runs`, render through :mod:`studylog.cli.render.runs`.
"""


from pathlib import Path
from typing import Annotated

import typer

from studylog.cli import context
from studylog.errors import UserError
from studylog.words import current_lang, say

runs_app = typer.Typer(invoke_without_command=True, no_args_is_help=False,
                       help="Stored training runs: list, show, compare, resume, rm, export.")
Opt = typer.Option
METRICS = ("val_acc", "val_f1", "val_loss", "val_ce", "train_loss", "train_acc", "lr")


@runs_app.callback()
def runs_cmd(
    ctx: typer.Context,
    json_out: Annotated[bool, Opt("--json", help="machine-readable output")] = False,
    date: Annotated[str | None, Opt(help="only runs of this day (YYYY-MM-DD)")] = None,
) -> None:
    """List stored training runs, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    from studylog.cli.render import runs as runs_render
    from studylog.cli.render import train as train_render
    from studylog.train import runs
    from studylog.train import words as present

    rows = runs.list_runs(context.get_db(), date=date)
    if json_out:
        context.print_json([r.to_dict() for r in rows])
        return
    lang = current_lang()
    if not rows:
        train_render.console().print(present.word("no_runs", lang))
        return
    runs_render.runs_table(rows, lang)


@runs_app.command("show")
def show_cmd(
    run_id: Annotated[int, typer.Argument(metavar="RUN", help="A run number (see `studylog runs`).")],
    json_out: Annotated[bool, Opt("--json", help="machine-readable output")] = False,
) -> None:
    """One run: its config, epochs, confusion matrix, per-class scores and charts."""
    from studylog.train import runs

    run = runs.need_run(context.get_db(), run_id)
    if json_out:
        context.print_json(run.to_dict(detail=True))
        return
    from studylog.cli.render import runs as runs_render

    runs_render.show_run(run, current_lang())


@runs_app.command("compare")
def compare_cmd(
    run_ids: Annotated[list[int], typer.Argument(help="two or more run ids")],
    metric: Annotated[str, Opt(help=" | ".join(METRICS))] = "val_acc",
    json_out: Annotated[bool, Opt("--json", help="machine-readable output")] = False,
) -> None:
    """Overlaid curves of several runs (legends from their differences) and a table of them."""
    from studylog.train import runs
    from studylog.train import words as present

    if len(run_ids) < 2:
        raise UserError(say("runs compare에는 실험 번호가 두 개 이상 필요합니다",
                            "runs compare needs at least two run ids"))
    if metric not in METRICS:
        raise UserError(say(f"모르는 --metric입니다: {metric!r} (다음 중 하나를 고르세요: "
                            f"{', '.join(METRICS)})",
                            f"unknown --metric {metric!r}; choose one of: {', '.join(METRICS)}"))
    db = context.get_db()
    chosen = [runs.need_run(db, i) for i in run_ids]
    diff = runs.config_diff(chosen)
    if json_out:
        context.print_json({"runs": [r.to_dict(detail=True) for r in chosen],
                            "differences": {k: v for k, v in diff}})
        return
    from studylog import plots
    from studylog.cli.render import runs as runs_render
    from studylog.cli.render import train as train_render

    lang = current_lang()
    runs_render.diff_table(chosen, diff, lang)
    keys = [k for k, _ in diff if k in present.LEGEND_KEYS]
    labels = [present.legend(r, keys) for r in chosen]
    train_render.show(plots.plot_compare, chosen, metric, labels=labels)


@runs_app.command("resume")
def resume_cmd(
    run_id: Annotated[int, typer.Argument(metavar="RUN", help="An interrupted or crashed run.")],
    json_out: Annotated[bool, Opt("--json", help="print the run as JSON at the end")] = False,
    plot: Annotated[bool, Opt(help="draw charts at the end")] = True,
) -> None:
    """Continue an interrupted or crashed run to its planned epochs (same schedule)."""
    from studylog.cli import run_control
    from studylog.train import runs

    run_control.need_torch()
    db = context.get_db()
    run = runs.need_run(db, run_id)
    cfg = run.config
    run_control.run_to_end(lambda cancel: runs.resume(db, run_id, cancel=cancel),
                           str(cfg.get("scheduler")), int(cfg.get("patience") or 1),
                           json_out=json_out, plot=plot, lang=current_lang())


@runs_app.command("rm")
def rm_cmd(run_id: Annotated[int, typer.Argument(metavar="RUN", help="A run number (see `studylog runs`).")]) -> None:
    """Delete a run, its epochs and its saved weights."""
    from studylog.train import runs
    from studylog.train.words import run_deleted

    runs.delete(context.get_db(), run_id)
    typer.echo(run_deleted(run_id, current_lang()))


@runs_app.command("export")
def export_cmd(
    run_id: Annotated[int, typer.Argument(metavar="RUN", help="A run number (see `studylog runs`).")],
    csv_out: Annotated[bool, Opt("--csv", help="the epochs as CSV")] = False,
    output: Annotated[Path | None, Opt("-o", "--output", help="file (default: stdout)")] = None,
) -> None:
    """Write a run's epochs as CSV (one row per epoch)."""
    from studylog.train import runs

    if not csv_out:
        raise UserError(say("runs export에는 형식이 필요합니다: --csv", "runs export needs a format: --csv"))
    text = runs.epochs_csv(runs.need_run(context.get_db(), run_id))
    if output is None:
        typer.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(say(f"{output}에 쓸 수 없습니다: {exc.strerror}",
                                f"cannot write {output}: {exc.strerror}")) from None

