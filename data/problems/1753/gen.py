"""Generator for 1753. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(graph):
    v, k, edges = graph
    return f"{v} {len(edges)}\n{k}\n" + "".join(f"{a} {b} {w}\n" for a, b, w in edges)


def parse(text):
    t = list(map(int, text.split()))
    v, e, k = t[0], t[1], t[2]
    return (v, k, [(t[3 + 3 * i], t[4 + 3 * i], t[5 + 3 * i]) for i in range(e)])


def _edges(rng, v, m):
    if v < 2:
        return []
    heads = rng.choices(range(1, v + 1), k=m)
    tails = rng.choices(range(1, v), k=m)
    weights = rng.choices(range(1, 11), k=m)
    return [(a, b + (b >= a), w) for a, b, w in zip(heads, tails, weights, strict=True)]


def generate(rng: random.Random, size: float) -> str:
    v = rng.randint(1, max(1, round(5000 * size ** 2)))
    m = rng.randint(0, max(1, min(50000, round(v * rng.choice([0.5, 1, 3, 6])))))
    return render((v, rng.randint(1, v), _edges(rng, v, m)))


def edge_cases():
    rng = random.Random(1753)
    chain = [(i, i + 1, 10) for i in range(1, 20000)]
    return [
        ("single vertex", render((1, 1, []))),
        ("nothing reachable", render((4, 2, [(1, 2, 3), (3, 2, 1), (4, 1, 5)]))),
        ("parallel edges", render((3, 1, [(1, 2, 9), (1, 2, 2), (1, 2, 5), (2, 3, 1), (1, 3, 4)]))),
        ("long chain 20000", render((20000, 1, chain))),
        ("detour beats direct", render((5, 1, [(1, 5, 10), (1, 2, 1), (2, 3, 1), (3, 4, 1),
                                               (4, 5, 1)]))),
        ("dense 300000", render((2000, 7, _edges(rng, 2000, 300000)))),
    ]


def shrink(graph):
    from studylog.judge.shrink import chunks_removed

    v, k, edges = graph
    for fewer in chunks_removed(edges):
        yield (v, k, fewer)
    used = sorted({k} | {x for a, b, _ in edges for x in (a, b)})
    if len(used) < v:  # renumber the vertices in use as 1..k, in order
        new = {x: i for i, x in enumerate(used, start=1)}
        yield (len(used), new[k], [(new[a], new[b], w) for a, b, w in edges])
    if any(w > 1 for _, _, w in edges):
        yield (v, k, [(a, b, 1 + (w - 1) // 2) for a, b, w in edges])


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
