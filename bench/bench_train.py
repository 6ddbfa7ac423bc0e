"""Training benchmarks: studylog's engine vs a plain PyTorch loop, command-to-first-batch time, and
the peak memory of a resnet18 run on mnist5k.

    /work/main/.venv/bin/python bench/bench_train.py            # full (a few minutes on 2 cores)
    /work/main/.venv/bin/python bench/bench_train.py --quick    # smaller, for a smoke run

1. samples/s: the same model (fresh, same seed), batch size, optimizer and data tensors, one
   warm-up epoch and then one timed epoch each, alternating engine / plain loop ``--reps`` times;
   the median of each is reported. The engine's time is its own epoch clock, which includes
   yielding a StepEvent per batch to this consumer.
2. command to first batch: ``python -m studylog train --model cnn --epochs 1 --json`` in a
   subprocess; wall time from before the spawn to the moment the first batch finished (stored by
   the run as ``summary.first_batch_at``).
3. peak RSS of ``python -m studylog train --model resnet18 --epochs 1`` on all of mnist5k
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


def plain_loop(model_name: str, limit: int | None, batch_size: int, seed: int) -> float:
    """A hand-written loop: randperm batches, zero_grad/forward/backward/step, running loss."""
    import torch
    import torch.nn.functional as F

    from studylog.train import datasets, models

    data = datasets.load("mnist5k", limit=limit)
    x_all, y_all = data.train.x, data.train.y
    torch.manual_seed(seed)
    model = models.build(model_name)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    gen = torch.Generator().manual_seed(seed)
    n = len(y_all)
    rate = 0.0
    for _epoch in range(2):  # the first epoch warms up, the second is timed
        model.train()
        perm = torch.randperm(n, generator=gen)
        running = 0.0
        t0 = time.perf_counter()
        for i in range(0, n, batch_size):
            idx = perm[i:i + batch_size]
            x, y = x_all[idx], y_all[idx]
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            running += loss.item() * len(y)
        rate = n / (time.perf_counter() - t0)
        model.eval()
    return rate


def engine_loop(model_name: str, limit: int | None, batch_size: int, seed: int) -> float:
    """studylog's engine for 2 epochs (validation included); samples/s of the second epoch."""
    from studylog.train import engine
    from studylog.train.config import TrainConfig

    cfg = TrainConfig(model=model_name, limit=limit, batch_size=batch_size, seed=seed, epochs=2,
                      optimizer="sgd", lr=0.05, device="cpu")
    epochs = [e for e in engine.train(engine.prepare(cfg)) if isinstance(e, engine.EpochEvent)]
    return epochs[-1].samples_per_s


def throughput(model_name: str, limit: int | None, batch_size: int, reps: int) -> None:
    """Alternate engine and plain loop ``reps`` times; print medians and the gap."""
    ours, plain = [], []
    for r in range(reps):
        order = (engine_loop, plain_loop) if r % 2 == 0 else (plain_loop, engine_loop)
        for fn in order:
            rate = fn(model_name, limit, batch_size, seed=100 + r)
            (ours if fn is engine_loop else plain).append(rate)
    a, b = statistics.median(ours), statistics.median(plain)
    n = limit or 4000
    print(f"{model_name:>8} batch {batch_size} on {n} mnist5k digits: median engine {a:8.1f} vs "
          f"plain {b:8.1f} samples/s = {(a / b - 1) * 100:+.1f}%; best {max(ours):.1f} vs "
          f"{max(plain):.1f} = {(max(ours) / max(plain) - 1) * 100:+.1f}%  "
          f"[engine {', '.join(f'{v:.0f}' for v in ours)}; plain "
          f"{', '.join(f'{v:.0f}' for v in plain)}]")


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
                summary, fb = conn.execute("SELECT summary_json, first_batch_s FROM runs").fetchone()
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
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    import torch

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{os.cpu_count()} CPUs, python {sys.version.split()[0]}")
    reps = 1 if args.quick else args.reps
    throughput("mlp", None, 64, reps)
    throughput("cnn", 1000 if args.quick else None, 64, reps)
    throughput("resnet18", 256 if args.quick else 1024, 64, reps)
    first_batch(1 if args.quick else 3)
    peak_rss(512 if args.quick else None)


if __name__ == "__main__":
    main()
