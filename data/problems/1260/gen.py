"""Generator for 1260. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(graph):
    n, v, edges = graph
    return f"{n} {len(edges)} {v}\n" + "".join(f"{a} {b}\n" for a, b in edges)


def parse(text):
    t = list(map(int, text.split()))
    n, m, v = t[0], t[1], t[2]
    return (n, v, [(t[3 + 2 * i], t[4 + 2 * i]) for i in range(m)])


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(1000 * size ** 2)))
    m = rng.randint(1, max(1, min(10000, round(n * rng.choice([0.5, 1, 2, 4])))))
    edges = []
    for _ in range(m):
        a = rng.randint(1, n)
        b = rng.randint(1, n) if n > 1 else 1
        while b == a and n > 1:
            b = rng.randint(1, n)
        edges.append((a, b))
    return render((n, rng.randint(1, n), edges))


def edge_cases():
    path = [(i, i + 1) for i in range(1, 1000)]
    star = [(1, i) for i in range(1000, 1, -1)]
    rng = random.Random(1260)
    dense = [(rng.randint(1, 150), rng.randint(1, 150)) for _ in range(10000)]
    return [
        ("single vertex", render((1, 1, [(1, 1)]))),
        ("start isolated", render((5, 5, [(1, 2), (2, 3), (3, 4)]))),
        ("duplicate edges", render((3, 1, [(1, 2), (2, 1), (1, 2), (2, 3)]))),
        ("long path from the middle", render((1000, 500, path))),
        ("star", render((1000, 1, star))),
        ("dense 10000 edges", render((150, 75, dense))),
    ]


def shrink(graph):
    from studylog.judge.shrink import chunks_removed

    n, v, edges = graph
    for fewer in chunks_removed(edges, min_len=1):
        yield (n, v, fewer)
    top = max([v] + [max(a, b) for a, b in edges])
    if top < n:
        yield (top, v, edges)
    for drop in range(n, 0, -1):  # remove a vertex (not V), renumber the ones above it
        if drop == v:
            continue
        kept = [(a - (a > drop), b - (b > drop)) for a, b in edges if drop not in (a, b)]
        if kept:
            yield (n - 1, v - (v > drop), kept)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
