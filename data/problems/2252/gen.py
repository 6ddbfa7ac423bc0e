"""Generator for 2252: a hidden order, comparisons taken from it. ``python gen.py SEED [SIZE]``."""
import random
import sys


def render(case):
    n, pairs = case
    return f"{n} {len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs)


def parse(text):
    t = list(map(int, text.split()))
    return (t[0], [(t[2 + 2 * j], t[3 + 2 * j]) for j in range(t[1])])


def _case(rng, n, m, local):
    order = list(range(1, n + 1))
    rng.shuffle(order)
    pairs = []
    for _ in range(m):
        i = rng.randrange(n - 1)
        j = rng.randint(i + 1, min(n - 1, i + local)) if local else rng.randint(i + 1, n - 1)
        pairs.append((order[i], order[j]))
    return (n, pairs)


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(2, max(2, round(32000 * size ** 3)))
    m = rng.randint(1, max(1, min(100000, round(n * rng.choice([0.5, 1, 2, 4])))))
    return render(_case(rng, n, m, rng.choice([0, 1, 3])))


def edge_cases():
    rng = random.Random(2252)
    chain = [(i, i - 1) for i in range(32000, 1, -1)]
    return [
        ("two students", render((2, [(2, 1)]))),
        ("same comparison twice", render((3, [(3, 1), (3, 1), (1, 2)]))),
        ("one long chain, reversed", render((32000, chain))),
        ("many free students", render((32000, [(32000, 1)]))),
        ("100000 comparisons", render(_case(rng, 32000, 100000, 0))),
    ]


def shrink(case):
    from studylog.judge.shrink import chunks_removed

    n, pairs = case
    for fewer in chunks_removed(pairs, min_len=1):
        yield (n, fewer)
    used = sorted({v for p in pairs for v in p})
    if len(used) < n:  # renumber the students that appear in a comparison as 1..k
        new = {v: i for i, v in enumerate(used, start=1)}
        yield (max(2, len(used)), [(new[a], new[b]) for a, b in pairs])


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
