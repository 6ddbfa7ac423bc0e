"""Training benchmarks: studylog's engine vs a plain PyTorch loop, command-to-first-batch time, and
the peak memory of a resnet18 run on mnist5k.

    /work/main/.venv/bin/python bench/bench_train.py            # full (a few minutes on 2 cores)
    /work/main/.venv/bin/python bench/bench_train.py --quick    # smaller, for a smoke run

1. samples/s: the same model (same seed), batch size, optimizer and data tensors; epochs of the
   engine and of a plain loop alternate in one process (the machine is shared, so pairing
   neighbouring epochs cancels most of the load noise); the median per-pair ratio is reported.
2. command to first batch: ``python -m studylog train --model cnn --epochs 1 --json`` in a
   subprocess; wall time from before the spawn to the moment the first batch finished (stored by
   the run as ``summary.first_batch_at``).
3. overhead: the engine's per-step bookkeeping (events, NaN check, cancel flag) measured where it
   would show most, a tiny linear model at batch 8.
4. peak RSS of ``python -m studylog train --model resnet18 --epochs 1`` on all of mnist5k
   (``ru_maxrss`` of that child from ``os.wait4``).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class PlainLoop:
    """A hand-written loop: randperm batches, zero_grad/forward/backward/step, running loss."""

    def __init__(self, model_name: str, limit: int | None, seed: int) -> None:
        import torch

        from studylog.train import datasets, models

        data = datasets.load("mnist5k", limit=limit)
        self.x, self.y = data.train.x, data.train.y
        torch.manual_seed(seed)
        self.model = models.build(model_name)
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.05, momentum=0.9)
        self.gen = torch.Generator().manual_seed(seed)

    def epoch(self, batch_size: int) -> tuple[float, float]:
        """Train one epoch; return (samples/s by wall clock, samples per CPU-second), both
        measured from the end of the first batch to the end of the last."""
        import torch
        import torch.nn.functional as F

        model, opt, n = self.model, self.opt, len(self.y)
        model.train()
        perm = torch.randperm(n, generator=self.gen)
        running = 0.0
        marks = None
        for i in range(0, n, batch_size):
            idx = perm[i:i + batch_size]
            x, y = self.x[idx], self.y[idx]
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            running += loss.item() * len(y)
            if marks is None:
                marks = (time.perf_counter(), time.process_time(), len(y))
        done = n - marks[2]
        return (done / (time.perf_counter() - marks[0]), done / (time.process_time() - marks[1]))


def engine_epoch(events, engine) -> tuple[float, float]:
    """Consume one epoch of engine events; rates measured like PlainLoop.epoch (training only,
    yielding a StepEvent per batch to this consumer included, validation excluded)."""
    marks = None
    for ev in events:
        if isinstance(ev, engine.StepEvent):
            if ev.step == 1:
                marks = (time.perf_counter(), time.process_time(), ev.samples)
            if ev.step == ev.steps:
                wall, cpu = time.perf_counter(), time.process_time()
                done = ev.samples_total - marks[2]
                rates = (done / (wall - marks[0]), done / (cpu - marks[1]))
        elif isinstance(ev, engine.EpochEvent):
            return rates
    raise RuntimeError("the engine stopped early")


def throughput(model_name: str, limit: int | None, batch_size: int, epochs: int) -> None:
    """Interleave epochs of studylog's engine and of the plain loop in one process.

    Both models start from the same seed; the engine is a generator, so it is consumed one epoch
    at a time with one plain epoch in between; the first epoch of each warms up and
    the order inside a pair alternates. The machine is
    shared with other jobs, so besides wall-clock samples/s we report samples per CPU-second of
    this process (far steadier under load), and the median of the per-pair ratios.
    """
    from studylog.train import engine
    from studylog.train.config import TrainConfig

    cfg = TrainConfig(model=model_name, limit=limit, batch_size=batch_size, seed=1,
                      epochs=epochs + 1, optimizer="sgd", lr=0.05, device="cpu")
    events = engine.train(engine.prepare(cfg))
    plain = PlainLoop(model_name, limit, seed=1)
    ours, theirs = [], []
    for e in range(epochs + 1):
        if e % 2:  # alternate which one goes first, so a drift in load favours neither
            b = plain.epoch(batch_size)
            a = engine_epoch(events, engine)
        else:
            a = engine_epoch(events, engine)
            b = plain.epoch(batch_size)
        if e:  # epoch 0 warms up both
            ours.append(a)
            theirs.append(b)
    events.close()
    med = statistics.median
    wall = [a[0] / b[0] for a, b in zip(ours, theirs, strict=True)]
    cpu = [a[1] / b[1] for a, b in zip(ours, theirs, strict=True)]
    print(f"{model_name:>8} batch {batch_size}, {limit or 4000} digits, {epochs} epoch pairs: "
          f"wall engine {med([a[0] for a in ours]):.0f} vs plain {med([b[0] for b in theirs]):.0f}"
          f" samples/s, median pair ratio {med(wall):.3f}; CPU-time engine "
          f"{med([a[1] for a in ours]):.0f} vs plain {med([b[1] for b in theirs]):.0f} samples/"
          f"CPU-s, median pair ratio {med(cpu):.3f} ({(med(cpu) - 1) * 100:+.1f}%)")
    print(f"{'':>8} per-pair CPU-time ratios: {' '.join(f'{r:.3f}' for r in cpu)}")


def overhead(epochs: int) -> None:
    """Per-step cost of the engine's bookkeeping: a tiny linear model at batch 8, where the
    framework overhead is most of a step, engine vs plain loop, CPU time per step."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    from studylog.train import engine
    from studylog.train.config import TrainConfig

    prep = engine.prepare(TrainConfig(model="mlp", batch_size=8, epochs=epochs + 1, seed=1,
                                      device="cpu"))
    torch.manual_seed(1)
    prep.model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    prep.optimizer = torch.optim.SGD(prep.model.parameters(), lr=0.01, momentum=0.9)
    x_all, y_all = prep.data.train.x, prep.data.train.y
    torch.manual_seed(1)
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    gen = torch.Generator().manual_seed(1)
    events = engine.train(prep)

    def engine_step() -> float:
        for ev in events:
            if isinstance(ev, engine.StepEvent) and ev.step == 1:
                t0 = time.process_time()
            elif isinstance(ev, engine.StepEvent) and ev.step == ev.steps:
                per = (time.process_time() - t0) / (ev.steps - 1)
            elif isinstance(ev, engine.EpochEvent):
                return per
        raise RuntimeError("the engine stopped early")

    def plain_step() -> float:
        n = len(y_all)
        perm = torch.randperm(n, generator=gen)
        t0, count = None, 0
        for i in range(0, n, 8):
            idx = perm[i:i + 8]
            opt.zero_grad()
            loss = F.cross_entropy(model(x_all[idx]), y_all[idx])
            loss.backward()
            opt.step()
            loss.item()
            if t0 is None:
                t0 = time.process_time()
            else:
                count += 1
        return (time.process_time() - t0) / count

    ours, theirs = [], []
    for e in range(epochs + 1):
        a, b = (engine_step(), plain_step()) if e % 2 else (plain_step(), engine_step())[::-1]
        if e:
            ours.append(a)
            theirs.append(b)
    events.close()
    med = statistics.median
    print(f"overhead: Linear(784,10) at batch 8, {epochs} epoch pairs: engine "
          f"{med(ours) * 1e6:.0f} us/step vs plain loop {med(theirs) * 1e6:.0f} us/step (CPU time)")


def first_batch(reps: int) -> None:
    """Wall time from spawning `studylog train` to the end of its first batch."""
    waits, inside = [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, STUDYLOG_CONFIG=str(Path(tmp) / "c.toml"))
        for r in range(reps):
            db = Path(tmp) / f"fb{r}.db"
            t0 = time.time()
            subprocess.run([sys.executable, "-m", "studylog", "--db", str(db), "train", "--model",
                            "cnn", "--epochs", "1", "--limit", "500", "--json"], cwd=ROOT, env=env,
                           check=True, capture_output=True)
            with sqlite3.connect(db) as conn:
                row = conn.execute("SELECT summary_json, first_batch_s FROM runs").fetchone()
            summary, fb = row
            waits.append(json.loads(summary)["first_batch_at"] - t0)
            inside.append(fb)
    print(f"command to first batch (cnn, mnist5k): median {statistics.median(waits):.2f}s "
          f"[{', '.join(f'{v:.2f}' for v in waits)}]; of which prepare() (data, model) to first "
          f"batch: median {statistics.median(inside):.2f}s")


def peak_rss(limit: int | None) -> None:
    """Peak resident memory of a resnet18 run of one epoch on mnist5k."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, STUDYLOG_CONFIG=str(Path(tmp) / "c.toml"))
        args = [sys.executable, "-m", "studylog", "--db", str(Path(tmp) / "m.db"), "train",
                "--model", "resnet18", "--epochs", "1", "--json"]
        if limit:
            args += ["--limit", str(limit)]
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        data = json.loads(out)
    print(f"resnet18, 1 epoch on {limit or 4000} mnist5k digits: peak RSS "
          f"{usage.ru_maxrss / 1024:.0f} MiB, {data['samples_per_s']:.1f} samples/s, val acc "
          f"{data['epochs'][0]['val_acc']:.2%}, whole command {wall:.1f}s (status "
          f"{data['status']}, exit {os.waitstatus_to_exitcode(status)})")


def main() -> None:
    """Run the three benchmarks and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples and repetitions")
    parser.add_argument("--pairs", type=int, default=6, help="timed epoch pairs per model")
    parser.add_argument("--threads", type=int, help="torch.set_num_threads for the throughput part")
    parser.add_argument("--only", choices=("throughput", "startup"), help="run one part only")
    args = parser.parse_args()
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{os.cpu_count()} CPUs, python {sys.version.split()[0]}")
    pairs = 2 if args.quick else args.pairs
    if args.only != "startup":
        throughput("mlp", None, 64, pairs * 2)
        throughput("cnn", 1000 if args.quick else None, 64, pairs * 2)
        throughput("resnet18", 256 if args.quick else 1024, 64, pairs)
        overhead(4 if args.quick else 12)
    if args.only != "throughput":
        first_batch(1 if args.quick else 3)
        peak_rss(512 if args.quick else None)


if __name__ == "__main__":
    main()
