"""`studylog train` and `studylog train lr [--find]` (the `runs` group is in
:mod:`studylog.cli.runs`).

Thin: parse options into a TrainConfig (checked once, when it is made), iterate the training
service's events and render them through :mod:`studylog.cli.render.train`, with Ctrl-C and the
exit code in :mod:`studylog.cli.run_control`. torch is imported only once a run really starts
(inside the service), never at CLI start-up.
"""


from typing import Annotated

import typer

from studylog.cli import context
from studylog.words import current_lang

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
    )
    from studylog.cli import run_control
    from studylog.train import runs

    run_control.need_torch()
    db = context.get_db()
    run_control.run_to_end(lambda cancel: runs.train(db, cfg, cancel=cancel), cfg.scheduler,
                           cfg.patience, json_out=json_out, plot=plot, lang=current_lang())


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
    find: Annotated[bool, Opt("--find", help="run the LR range test on the model and data")]
    = False,
    model: Annotated[str, Opt(help="--find: resnet18 | cnn | mlp")] = "cnn",
    dataset: Annotated[str, Opt(help="--find: the dataset")] = "mnist5k",
    loss: Annotated[str, Opt(help="--find: the loss")] = "ce",
    optimizer: Annotated[str, Opt(help="--find: sgd | adam | adamw")] = "sgd",
    freeze: Annotated[str, Opt(help="--find: none | backbone | until:layerN")] = "none",
    batch_size: Annotated[int, Opt(help="--find: batch size")] = 64,
    limit: Annotated[int | None, Opt(help="--find: first N training samples")] = None,
    classes: Annotated[str | None, Opt(help="--find: only these digits")] = None,
    seed: Annotated[int | None, Opt(help="--find: seed")] = 0,
    device: Annotated[str, Opt(help="--find: auto | cpu | cuda")] = "auto",
    start_lr: Annotated[float, Opt(help="--find: first LR of the sweep")] = 1e-5,
    end_lr: Annotated[float, Opt(help="--find: last LR of the sweep")] = 10.0,
    steps: Annotated[int, Opt(help="--find: batches in the sweep")] = 100,
    json_out: Annotated[bool, Opt("--json", help="print {'lr': [...]} as JSON")] = False,
) -> None:
    """Show the LR of each epoch for a scheduler (no training), or find a good LR (--find)."""
    from studylog.cli import run_control
    from studylog.cli.render import train as render

    if find:
        from studylog.train.config import TrainConfig

        cfg = TrainConfig(model=model, dataset=dataset, loss=loss, optimizer=optimizer,
                          freeze=freeze, batch_size=batch_size, limit=limit, classes=classes,
                          seed=seed, device=device)
        run_control.need_torch()
        from studylog.train import lr_find

        found = lr_find.find(cfg, start_lr=start_lr, end_lr=end_lr, steps=steps)
        if json_out:
            context.print_json({"lr": found.lrs, "loss": found.losses,
                                "suggested_lr": found.suggested_lr, "message": found.message})
            return
        render.lr_find_report(found, current_lang())
        return
    from studylog.train.lr_preview import lr_schedule, parse_losses

    curve = parse_losses(losses) if losses is not None else None
    preview = lr_schedule(scheduler, lr, epochs, step_size=step_size, gamma=gamma, t_max=t_max,
                          patience=patience, losses=curve)
    if json_out:
        context.print_json(preview.to_dict())
        return
    from studylog import plots

    out = render.console()
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
    render.show(plots.plot_lr, preview.lr, title=f"learning rate, {scheduler}",
                reductions=preview.reductions)
