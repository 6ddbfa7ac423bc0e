"""Generator for 12865. ``python gen.py SEED [SIZE]`` prints one random case (N grows as
SIZE², so the small cases suit the brute force)."""
import random
import sys


def render(case):
    k, items = case
    return f"{len(items)} {k}\n" + "".join(f"{w} {v}\n" for w, v in items)


def parse(text):
    t = list(map(int, text.split()))
    return (t[1], [(t[2 + 2 * i], t[3 + 2 * i]) for i in range(t[0])])


def _case(rng, n, k, heavy):
    return (k, [(rng.randint(1, heavy), rng.randint(0, 1000)) for _ in range(n)])


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(100 * size ** 2)))
    k = rng.randint(1, max(1, round(100_000 * size ** 2)))
    return render(_case(rng, n, k, max(1, rng.choice([k // 2, k, 2 * k]))))


def edge_cases():
    rng = random.Random(12865)
    return [
        ("nothing fits", render((5, [(6, 10), (9, 3)]))),
        ("exact fit", render((10, [(4, 5), (6, 6), (5, 7), (5, 7)]))),
        ("zero values", render((7, [(1, 0), (2, 0)]))),
        ("largest", render(_case(rng, 100, 100_000, 100_000))),
        ("many light items", render(_case(rng, 100, 100_000, 2000))),
    ]


def shrink(case):
    from studylog.judge.shrink import chunks_removed

    k, items = case
    for fewer in chunks_removed(items, min_len=1):
        yield (k, fewer)
    if k > 1:
        yield (k // 2, items)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
