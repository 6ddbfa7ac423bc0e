"""`studylog train lr`: a scheduler's LR per epoch (instant, no torch), or with ``--find`` the LR
range test on the real model and data (:mod:`studylog.train.lr_find`)."""


from typing import Annotated

import typer

from studylog.cli import context

Opt = typer.Option


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
    from studylog.cli import train_render as render

    if find:
        from studylog.train.config import TrainConfig

        cfg = TrainConfig(model=model, dataset=dataset, loss=loss, optimizer=optimizer,
                          freeze=freeze, batch_size=batch_size, limit=limit, classes=classes,
                          seed=seed, device=device).validate()
        render.need_torch()
        from studylog.train import lr_find

        found = lr_find.find(cfg, start_lr=start_lr, end_lr=end_lr, steps=steps)
        if json_out:
            context.print_json({"lr": found.lrs, "loss": found.losses,
                                "suggested_lr": found.suggested_lr, "message": found.message})
            return
        render.lr_find_report(found)
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


def register(train_app: typer.Typer) -> None:
    """Add `lr` under `train`."""
    train_app.command("lr")(lr_cmd)
