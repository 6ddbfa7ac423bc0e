"""Training benchmarks: studylog's engine vs a plain PyTorch loop, command-to-first-batch time, and
the peak memory of a resnet18 run on mnist5k.

    /work/main/.venv/bin/python bench/bench_train.py            # full (a few minutes on 2 cores)
    /work/main/.venv/bin/python bench/bench_train.py --quick    # smaller, for a smoke run

1. time per step: the same model (same seed), batch size, optimizer and data tensors; single
   steps of the engine and of a plain loop alternate in one process (the machine is shared:
   pairing neighbouring steps cancels most of the load noise, whole-epoch pairs did not); the
   engine/plain ratio per block of 20 step pairs, median with 10th/90th percentiles.
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
import dataclasses
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


def plain_steps(model_name: str, limit: int | None, batch_size: int, seed: int):
    """A hand-written loop as a generator that yields after every optimisation step:
    randperm batches, zero_grad/forward/backward/step, loss.item(); epochs without end."""
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
    while True:
        model.train()
        perm = torch.randperm(n, generator=gen)
        for i in range(0, n, batch_size):
            idx = perm[i:i + batch_size]
            opt.zero_grad()
            loss = F.cross_entropy(model(x_all[idx]), y_all[idx])
            loss.backward()
            opt.step()
            loss.item()
            yield i == 0  # True for an epoch's first step (it also drew the shuffle)


def engine_steps(events, engine):
    """The engine's events, one per optimisation step: yields True for an epoch's first step
    (it also drew the shuffle, or followed a validation), like :func:`plain_steps`."""
    first = True
    for ev in events:
        if isinstance(ev, engine.StepEvent):
            yield first or ev.step == 1
            first = False
        else:
            first = True


def _timed(steps) -> tuple[float, float, bool]:
    w, c = time.perf_counter(), time.process_time()
    boundary = next(steps)
    return time.perf_counter() - w, time.process_time() - c, boundary


def _spread(values: list[float]) -> str:
    qs = statistics.quantiles(values, n=10)
    return f"p10 {qs[0]:.3f}, p90 {qs[-1]:.3f}"


def throughput(model_name: str, limit: int | None, batch_size: int, steps: int,
               block: int = 20) -> None:
    """Interleave single steps of studylog's engine and of the plain loop in one process.

    Both start from the same seed on the same data; step k of the engine and step k of the plain
    loop run back to back (which goes first alternates), so a change in the shared machine's load
    hits both alike. Steps that start an epoch (shuffle, validation) are left out. Reported: the
    median seconds per step of each (wall and CPU time of this process), and the engine/plain
    ratio per block of ``block`` step pairs: its median and its 10th/90th percentiles.
    """
    from studylog.train import engine
    from studylog.train.config import TrainConfig

    cfg = TrainConfig(model=model_name, limit=limit, batch_size=batch_size, seed=1,
                      epochs=10_000, optimizer="sgd", lr=0.05, device="cpu")
    events = engine.train(engine.prepare(cfg))
    ours, theirs = engine_steps(events, engine), plain_steps(model_name, limit, batch_size, 1)
    for _ in range(5):  # warm up both
        next(ours), next(theirs)
    a_wall, a_cpu, b_wall, b_cpu = [], [], [], []
    for k in range(steps):
        if k % 2:
            b, a = _timed(theirs), _timed(ours)
        else:
            a, b = _timed(ours), _timed(theirs)
        if a[2] or b[2]:
            continue
        a_wall.append(a[0]), a_cpu.append(a[1]), b_wall.append(b[0]), b_cpu.append(b[1])
    events.close()
    med = statistics.median
    blocks = range(0, len(a_wall) - block + 1, block)
    wall = [sum(a_wall[i:i + block]) / sum(b_wall[i:i + block]) for i in blocks]
    cpu = [sum(a_cpu[i:i + block]) / sum(b_cpu[i:i + block]) for i in blocks]
    print(f"{model_name:>8} batch {batch_size}, {len(a_wall)} step pairs: per step engine "
          f"{med(a_wall) * 1e3:.2f} ms vs plain {med(b_wall) * 1e3:.2f} ms (wall), "
          f"{med(a_cpu) * 1e3:.2f} vs {med(b_cpu) * 1e3:.2f} ms (CPU)")
    print(f"{'':>8} engine/plain per {block}-step block: wall median {med(wall):.3f} "
          f"({_spread(wall)}), CPU median {med(cpu):.3f} ({_spread(cpu)}) "
          f"-> {(med(cpu) - 1) * 100:+.1f}% CPU")


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
    cpu = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, STUDYLOG_CONFIG=str(Path(tmp) / "c.toml"))
        for r in range(reps):
            proc = subprocess.Popen(
                [sys.executable, "-m", "studylog", "--db", str(Path(tmp) / f"c{r}.db"), "train",
                 "--model", "cnn", "--epochs", "1", "--limit", "64", "--batch-size", "64",
                 "--json"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
            _, _status, usage = os.wait4(proc.pid, 0)
            cpu.append(usage.ru_utime + usage.ru_stime)
    print(f"CPU time of a whole one-batch cnn run (start-up, 1 batch, validation of 16 digits, "
          f"storing): median {statistics.median(cpu):.2f}s [{', '.join(f'{v:.2f}' for v in cpu)}]"
          " (an upper bound of command-to-first-batch on an idle machine; steady under load)")


def from_the_app(reps: int) -> None:
    """What the Train screen does: ``studylog.train.child.stream`` of a one-epoch cnn run, from
    the call to its first StepEvent, with a spare child waiting (started 6 s before, as the app
    does 3 s after it opens) and with a fresh child; the two alternate round by round."""
    from studylog.train import child
    from studylog.train.config import TrainConfig
    from studylog.train.events import StepEvent

    def first_step(spec: dict) -> float:
        start = time.perf_counter()
        took = None
        for event in child.stream(spec):
            if took is None and isinstance(event, StepEvent):
                took = time.perf_counter() - start
        assert took is not None
        return took

    spare, fresh = [], []
    options = dataclasses.asdict(TrainConfig(model="cnn", epochs=1, limit=500))
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(reps):
            os.environ[child.WARM_ENV] = "1"
            child.prewarm()
            time.sleep(6)
            os.environ[child.WARM_ENV] = "0"  # the next stream() takes the spare, starts none
            spec = {"db": str(Path(tmp) / f"a{r}.db"), "options": options, "date": None}
            assert child.spare_pid() is not None
            spare.append(first_step(spec))
            assert child.spare_pid() is None
            fresh.append(first_step(spec))
    print(f"from the app (stream() to the first batch, cnn): spare child "
          f"median {statistics.median(spare):.2f}s [{', '.join(f'{v:.2f}' for v in spare)}] "
          f"vs fresh child {statistics.median(fresh):.2f}s "
          f"[{', '.join(f'{v:.2f}' for v in fresh)}] (budget: spare <= 0.5 s)")


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
    parser.add_argument("--steps", type=int, default=400, help="timed step pairs (cnn)")
    parser.add_argument("--threads", type=int, help="torch.set_num_threads for the throughput part")
    parser.add_argument("--only", choices=("throughput", "startup"), help="run one part only")
    args = parser.parse_args()
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{os.cpu_count()} CPUs, python {sys.version.split()[0]}")
    steps = 100 if args.quick else args.steps
    if args.only != "startup":
        throughput("mlp", None, 64, steps * 2)
        throughput("cnn", None, 64, steps)
        throughput("resnet18", 1024, 64, max(40, steps // 8))
        overhead(2 if args.quick else 6)
    if args.only != "throughput":
        first_batch(1 if args.quick else 3)
        from_the_app(1 if args.quick else 3)
        peak_rss(512 if args.quick else None)


if __name__ == "__main__":
    main()
