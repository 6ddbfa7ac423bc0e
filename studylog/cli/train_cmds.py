"""Training commands: `studylog train`, `studylog train lr`, `studylog runs [show|compare]`.

Thin: parse options into a TrainConfig, iterate the training service's events and render them.
torch is imported only once a run really starts (inside the service), never at CLI start-up.
"""


import signal
import threading
from typing import Annotated

import typer

from studylog.cli import context
from studylog.errors import UserError

train_app = typer.Typer(invoke_without_command=True, no_args_is_help=False,
                        help="Train a small model on digits and watch loss, LR and metrics.")
runs_app = typer.Typer(invoke_without_command=True, no_args_is_help=False,
                       help="Stored training runs: list, show one, compare several.")

Opt = typer.Option


@train_app.callback()
def train_cmd(
    ctx: typer.Context,
    model: Annotated[str, Opt(help="resnet18 | cnn | mlp")] = "cnn",
    dataset: Annotated[str, Opt(help="mnist5k (offline) | mnist | fashion-mnist")] = "mnist5k",
    imbalance: Annotated[float | None,
                         Opt(help="long tail: largest/smallest class ratio R")] = None,
    loss: Annotated[str, Opt(help="ce | label-smoothing | focal | f1 | pkg.module:MyLoss")] = "ce",
    smoothing: Annotated[float, Opt(help="label-smoothing amount")] = 0.1,
    focal_gamma: Annotated[float, Opt(help="focal loss gamma")] = 2.0,
    optimizer: Annotated[str, Opt(help="sgd (momentum) | adam | adamw")] = "sgd",
    lr: Annotated[float | None, Opt(help="learning rate (sgd 0.01, adam/adamw 0.001)")] = None,
    momentum: Annotated[float, Opt(help="sgd momentum")] = 0.9,
    weight_decay: Annotated[float, Opt(help="weight decay (adamw: 0.01 when 0)")] = 0.0,
    scheduler: Annotated[str, Opt(help="none | step | cosine | plateau")] = "none",
    step_size: Annotated[int, Opt(help="step: epochs between LR cuts")] = 2,
    gamma: Annotated[float, Opt(help="step/plateau: LR multiplier")] = 0.1,
    t_max: Annotated[int | None, Opt(help="cosine: T_max (default: --epochs)")] = None,
    patience: Annotated[int, Opt(help="plateau: epochs without improvement tolerated")] = 1,
    freeze: Annotated[str, Opt(help="none | all | backbone | until:layerN")] = "none",
    epochs: Annotated[int, Opt(help="epochs to train")] = 5,
    batch_size: Annotated[int, Opt(help="batch size")] = 64,
    limit: Annotated[int | None, Opt(help="use only the first N training samples")] = None,
    seed: Annotated[int | None, Opt(help="seed (a CPU run repeats exactly)")] = None,
    device: Annotated[str, Opt(help="auto (CUDA when present) | cpu | cuda")] = "auto",
    json_out: Annotated[bool, Opt("--json", help="print the run as JSON at the end")] = False,
    plot: Annotated[bool, Opt(help="draw loss/accuracy/LR charts at the end")] = True,
) -> None:
    """Train a model and store the run with today's record (exit 1 unless it completes)."""
    if ctx.invoked_subcommand is not None:
        return
    from studylog.train.config import TrainConfig

    cfg = TrainConfig(
        model=model, dataset=dataset, imbalance=imbalance, loss=loss, smoothing=smoothing,
        focal_gamma=focal_gamma, optimizer=optimizer, lr=lr, momentum=momentum,
        weight_decay=weight_decay, scheduler=scheduler, step_size=step_size, gamma=gamma,
        t_max=t_max, patience=patience, freeze=freeze, epochs=epochs, batch_size=batch_size,
        limit=limit, seed=seed, device=device,
    ).validate()
    import importlib.util

    if importlib.util.find_spec("torch") is None or importlib.util.find_spec("torchvision") is None:
        raise UserError("studylog train needs torch and torchvision: pip install 'studylog[train]'")
    db = context.get_db()
    from studylog.cli.train_run import run_training

    run_training(db, cfg, json_out=json_out, plot=plot)


@train_app.command("lr")
def lr_cmd(
    scheduler: Annotated[str, Opt(help="none | step | cosine | plateau")] = "cosine",
    lr: Annotated[float, Opt(help="starting learning rate (the sgd default of `train`)")] = 0.01,
    epochs: Annotated[int, Opt(help="epochs to show")] = 10,
    step_size: Annotated[int, Opt(help="step: epochs between LR cuts")] = 2,
    gamma: Annotated[float, Opt(help="step/plateau: LR multiplier")] = 0.1,
    t_max: Annotated[int | None, Opt(help="cosine: T_max (default: --epochs)")] = None,
    patience: Annotated[int, Opt(help="plateau: epochs without improvement tolerated")] = 1,
    losses: Annotated[str | None, Opt(help="plateau: validation losses per epoch, '1.2,0.9,...'"
                                       " (default: a built-in example curve)")] = None,
    json_out: Annotated[bool, Opt("--json", help="print {'lr': [...]} as JSON")] = False,
) -> None:
    """Show the LR of each epoch for a scheduler, without training (instant, no torch)."""
    from studylog.train.lr_preview import lr_schedule, parse_losses

    curve = parse_losses(losses) if losses is not None else None
    preview = lr_schedule(scheduler, lr, epochs, step_size=step_size, gamma=gamma, t_max=t_max,
                          patience=patience, losses=curve)
    if json_out:
        context.print_json(preview.to_dict())
        return
    from studylog import plots
    from studylog.cli import train_view as view

    out = view.console()
    for e, value in enumerate(preview.lr, 1):
        extra = ""
        if preview.losses is not None and e <= len(preview.losses):
            extra = f"   val loss {preview.losses[e - 1]:.4f}"
            if e in (preview.reductions or []):
                extra += "   -> plateau: LR cut after this epoch"
        out.print(f"epoch {e:>3}   lr {value:.6g}{extra}")
    if preview.losses is not None and losses is None:
        out.print("[dim](plateau watched the built-in example loss curve; pass --losses to use "
                  "your own)[/]")
    view.show(plots.plot_lr, preview.lr, title=f"learning rate, {scheduler}",
              reductions=preview.reductions)


@runs_app.callback()
def runs_cmd(
    ctx: typer.Context,
    json_out: Annotated[bool, Opt("--json", help="machine-readable output")] = False,
    date: Annotated[str | None, Opt(help="only runs of this day (YYYY-MM-DD)")] = None,
) -> None:
    """List stored training runs, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    from studylog.store import runs as store

    rows = store.list_runs(context.get_db(), date=date)
    if json_out:
        context.print_json(rows)
        return
    from studylog.cli import train_view as view

    out = view.console()
    if not rows:
        out.print("no training runs yet; try: studylog train --model cnn --epochs 3")
        return
    view.runs_table(out, rows)


def _load(run_id: int) -> dict:
    from studylog.store import runs as store

    run = store.get_run(context.get_db(), run_id)
    if run is None:
        raise UserError(f"no run #{run_id} (see `studylog runs`)")
    return run


@runs_app.command("show")
def show_cmd(
    run_id: Annotated[int, typer.Argument(help="run id")],
    json_out: Annotated[bool, Opt("--json", help="machine-readable output")] = False,
) -> None:
    """One run: its config, epochs, confusion matrix and charts."""
    run = _load(run_id)
    if json_out:
        context.print_json(run)
        return
    from studylog.cli import train_view as view

    out = view.console()
    c = run["config"]
    out.print(f"[bold]run #{run['id']}[/]  {run['date']}  {run['status']}  {run['message']}")
    out.print(f"{c['model']} on {c['dataset']}  loss {c['loss']}  {c['optimizer']} lr {c['lr']:g}"
              f"  scheduler {c['scheduler']}  freeze {c['freeze']}  epochs "
              f"{run['epochs_done']}/{c['epochs']}  batch {c['batch_size']}  seed {c['seed']}"
              f"  device {run['device']}")
    out.print(f"trainable {view.fmt_params(run['trainable_params'])} of "
              f"{view.fmt_params(run['total_params'])} parameters"
              + (f"   {run['samples_per_s']:.0f} samples/s" if run["samples_per_s"] else ""))
    for note in run["summary"].get("notes") or []:
        out.print(f"[yellow]{note}[/]")
    if run["epochs_list"]:
        out.print(view.EPOCH_HEADER)
        for e in run["epochs_list"]:
            out.print(view.epoch_row(e))
    s = run["summary"]
    if s.get("confusion"):
        view.confusion_table(out, s["confusion"], s["classes"], s["per_class_f1"])
    view.run_charts(run["epochs_list"])


@runs_app.command("compare")
def compare_cmd(
    run_ids: Annotated[list[int], typer.Argument(help="two or more run ids")],
    metric: Annotated[str, Opt(help="val_acc | val_f1 | val_loss | train_loss | lr")] = "val_acc",
    json_out: Annotated[bool, Opt("--json", help="machine-readable output")] = False,
) -> None:
    """Overlaid curves of several runs and a table of their config differences."""
    from studylog.train.runs import config_diff

    if len(run_ids) < 2:
        raise UserError("runs compare needs at least two run ids")
    if metric not in ("val_acc", "val_f1", "val_loss", "train_loss", "lr"):
        raise UserError(f"unknown --metric {metric!r}; choose val_acc, val_f1, val_loss, "
                        "train_loss or lr")
    runs = [_load(i) for i in run_ids]
    diff = config_diff(runs)
    if json_out:
        context.print_json({"runs": runs, "differences": {k: v for k, v in diff}})
        return
    from studylog import plots
    from studylog.cli import train_view as view

    view.diff_table(view.console(), runs, diff)
    view.show(plots.plot_compare, runs, metric)


class CancelOnSigint:
    """While active, the first Ctrl-C sets ``flag`` (the engine stops after the current batch);
    a second one raises KeyboardInterrupt as usual."""

    def __init__(self, flag: threading.Event) -> None:
        self.flag = flag
        self.previous = None

    def _handler(self, signum, frame) -> None:
        if self.flag.is_set():
            raise KeyboardInterrupt
        self.flag.set()

    def __enter__(self) -> "CancelOnSigint":
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handler)
        return self

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def register(app: typer.Typer) -> None:
    """Add `train` (with `train lr`) and `runs` (with `show`, `compare`) to the top-level app."""
    app.add_typer(train_app, name="train")
    app.add_typer(runs_app, name="runs")

