"""Generator for 1717. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(case):
    n, ops = case
    return f"{n} {len(ops)}\n" + "".join(f"{o} {a} {b}\n" for o, a, b in ops)


def parse(text):
    t = list(map(int, text.split()))
    return (t[0], [(t[2 + 3 * j], t[3 + 3 * j], t[4 + 3 * j]) for j in range(t[1])])


def _ops(rng, n, m, ask, pool):
    top = min(n, pool)
    return [(int(rng.random() < ask), rng.randint(0, top), rng.randint(0, top)) for _ in range(m)]


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(100000 * size ** 3)))
    m = rng.randint(1, max(1, round(20000 * size ** 2)))
    pool = rng.choice([n, max(1, m // 2), 10])
    return render((n, _ops(rng, n, m, rng.choice([0.3, 0.5, 0.8]), pool)))


def edge_cases():
    rng = random.Random(1717)
    chain = [(0, i, i + 1) for i in range(49999)] + [(1, 0, 49999), (1, 0, 50000)]
    return [
        ("n = 1", render((1, [(1, 0, 1), (0, 1, 0), (1, 1, 0), (1, 0, 0)]))),
        ("a = b", render((5, [(1, 3, 3), (0, 2, 2), (1, 2, 2)]))),
        ("zero joins", render((3, [(0, 0, 3), (1, 3, 0), (1, 1, 2)]))),
        ("long chain then ask", render((1000000, chain))),
        ("largest n, 100000 ops", render((1000000, _ops(rng, 1000000, 100000, 0.5, 200000)))),
    ]


def shrink(case):
    from studylog.judge.shrink import chunks_removed

    n, ops = case
    for fewer in chunks_removed(ops, min_len=1):
        yield (n, fewer)
    used = sorted({x for _, a, b in ops for x in (a, b)})
    if len(used) < n + 1:  # renumber the numbers in use as 0..k-1, in order
        new = {x: i for i, x in enumerate(used)}
        yield (max(1, len(used) - 1), [(o, new[a], new[b]) for o, a, b in ops])


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
