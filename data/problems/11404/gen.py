"""Generator for 11404. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(case):
    n, buses = case
    return f"{n}\n{len(buses)}\n" + "".join(f"{a} {b} {c}\n" for a, b, c in buses)


def parse(text):
    t = list(map(int, text.split()))
    return (t[0], [(t[2 + 3 * j], t[3 + 3 * j], t[4 + 3 * j]) for j in range(t[1])])


def _buses(rng, n, m, top):
    out = []
    for _ in range(m):
        a = rng.randint(1, n)
        b = rng.randint(1, n - 1)
        out.append((a, b + (b >= a), rng.randint(1, top)))
    return out


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(2, max(2, round(100 * size)))
    m = rng.randint(1, max(1, round(n * n * rng.choice([0.05, 0.2, 1.0]))))
    return render((n, _buses(rng, n, m, rng.choice([10, 1000, 100000]))))


def edge_cases():
    rng = random.Random(11404)
    ring = [(i, i % 100 + 1, 100000) for i in range(1, 101)]
    return [
        ("two cities one way", render((2, [(1, 2, 5)]))),
        ("parallel buses", render((3, [(1, 2, 7), (1, 2, 3), (2, 3, 1), (1, 3, 9), (1, 3, 4)]))),
        ("ring of 100, max fares", render((100, ring))),
        ("100000 buses", render((100, _buses(rng, 100, 100000, 100000)))),
    ]


def shrink(case):
    from studylog.judge.shrink import chunks_removed

    n, buses = case
    for fewer in chunks_removed(buses, min_len=1):
        yield (n, fewer)
    used = sorted({x for a, b, _ in buses for x in (a, b)})
    if len(used) < n:  # renumber the cities in use as 1..k, in order
        new = {x: i for i, x in enumerate(used, start=1)}
        yield (max(2, len(used)), [(new[a], new[b], c) for a, b, c in buses])
    if any(c > 1 for _, _, c in buses):
        yield (n, [(a, b, 1 + (c - 1) // 2) for a, b, c in buses])


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
