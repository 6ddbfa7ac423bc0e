"""Generator for 1920. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys

LO, HI = -2 ** 31, 2 ** 31 - 1


def render(case):
    a, q = case
    return f"{len(a)}\n{' '.join(map(str, a))}\n{len(q)}\n{' '.join(map(str, q))}\n"


def parse(text):
    t = list(map(int, text.split()))
    n = t[0]
    return (t[1:1 + n], t[2 + n:2 + n + t[1 + n]])


def _case(rng, n, m, lo, hi):
    a = [rng.randint(lo, hi) for _ in range(n)]
    q = [rng.choice(a) if rng.random() < 0.5 else rng.randint(lo, hi) for _ in range(m)]
    return (a, q)


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(100000 * size ** 3)))
    m = rng.randint(1, max(1, round(100000 * size ** 3)))
    spread = rng.choice([10, 1000, HI])
    return render(_case(rng, n, m, max(LO, -spread), spread))


def edge_cases():
    rng = random.Random(1920)
    return [
        ("one number", render(([5], [5]))),
        ("extremes", render(([LO, HI, 0], [LO, HI, LO + 1, HI - 1, 0, -1]))),
        ("all equal", render(([7] * 1000, [7, 8, 6] * 100))),
        ("largest", render(_case(rng, 100000, 100000, LO, HI))),
    ]


def shrink(case):
    from studylog.judge.shrink import chunks_removed

    a, q = case
    for fewer in chunks_removed(q, min_len=1):
        yield (a, fewer)
    for fewer in chunks_removed(a, min_len=1):
        yield (fewer, q)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
