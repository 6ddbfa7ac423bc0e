"""Training commands: `studylog train` and `studylog train lr [--find]` (the `runs` group is in
:mod:`studylog.cli.runs_cmds`).

Thin: parse options into a TrainConfig, iterate the training service's events and render them
through :mod:`studylog.cli.train_render`. torch is imported only once a run really starts
(inside the service), never at CLI start-up.
"""


from typing import Annotated

import typer

from studylog.cli import context

train_app = typer.Typer(invoke_without_command=True, no_args_is_help=False,
                        help="Train a small model on digits and watch loss, LR and metrics.")

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
    classes: Annotated[str | None, Opt(help="only these digits: 0-4, 5-9, 0,2,4")] = None,
    from_run: Annotated[int | None, Opt("--from", help="start from run N's best weights")] = None,
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
        limit=limit, seed=seed, device=device, classes=classes, from_run=from_run,
    ).validate()
    from studylog.cli import train_render as render
    from studylog.train import runs

    render.need_torch()
    db = context.get_db()
    render.run_to_end(lambda cancel: runs.train(db, cfg, cancel=cancel), cfg.scheduler,
                      cfg.patience, json_out=json_out, plot=plot, lang=render.lang())


def register(app: typer.Typer) -> None:
    """Add `train` (with `train lr`) and `runs` (with its subcommands) to the top-level app."""
    from studylog.cli import lr_cmds, runs_cmds

    lr_cmds.register(train_app)
    app.add_typer(train_app, name="train")
    runs_cmds.register(app)
